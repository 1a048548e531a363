// Histograms against a plain counting loop.
#include <gtest/gtest.h>

#include <memory>
#include <random>
#include <vector>

#include "entropy/histogram.h"

namespace zest {
namespace {

TEST(Histogram, BytesMatchNaiveCount) {
    std::mt19937_64 rng(3);
    auto ws = std::make_unique<HistogramWorkspace>();
    const size_t sizes[] = {0, 1, 7, 15, 16, 17, 100, 1499, 1500, 1501, 4096, 65536 + 13, 131072};
    for (size_t size : sizes) {
        for (int kind = 0; kind < 4; kind++) {
            std::vector<u8> src(size);
            for (auto& b : src) {
                switch (kind) {
                    case 0: b = u8(rng()); break;
                    case 1: b = u8(rng() % 7 + 40); break;
                    case 2: b = rng() % 100 ? 'a' : u8(rng()); break;
                    default: b = 200; break;
                }
            }
            u32 expect[256] = {};
            for (u8 b : src) expect[b]++;
            u32 counts[256];
            unsigned maxSymbol = 999;
            const u32 largest = countBytes(counts, &maxSymbol, src.data(), size, *ws);
            u32 expLargest = 0;
            unsigned expMax = 0;
            for (unsigned s = 0; s < 256; s++) {
                ASSERT_EQ(counts[s], expect[s]) << size << " " << kind << " " << s;
                expLargest = std::max(expLargest, expect[s]);
                if (expect[s]) expMax = s;
            }
            EXPECT_EQ(largest, expLargest);
            EXPECT_EQ(maxSymbol, expMax);
            EXPECT_EQ(isSingleByteRun(src.data(), size), size > 0 && expLargest == size);
            EXPECT_EQ(isSingleSymbol(largest, size), size > 0 && expLargest == size);
        }
    }
}

TEST(Histogram, SmallAlphabet) {
    std::mt19937_64 rng(4);
    auto ws = std::make_unique<HistogramWorkspace>();
    for (int iter = 0; iter < 50; iter++) {
        const unsigned limit = unsigned(rng() % 53);
        const size_t size = rng() % 5000;
        std::vector<u8> codes(size);
        for (auto& c : codes) c = u8(rng() % (limit + 1));
        u32 expect[256] = {};
        for (u8 c : codes) expect[c]++;
        u32 counts[256];
        unsigned maxSymbol;
        const u32 largest = countSymbols(counts, &maxSymbol, codes.data(), size, limit, *ws);
        u32 l2 = 0;
        unsigned m2 = 0;
        for (unsigned s = 0; s <= limit; s++) {
            ASSERT_EQ(counts[s], expect[s]);
            l2 = std::max(l2, expect[s]);
            if (expect[s]) m2 = s;
        }
        EXPECT_EQ(largest, l2);
        EXPECT_EQ(maxSymbol, m2);
        u32 counts2[256];
        unsigned maxSymbol2;
        EXPECT_EQ(countSymbolsSimple(counts2, &maxSymbol2, codes.data(), size, limit), l2);
        EXPECT_EQ(maxSymbol2, m2);
    }
}

TEST(Histogram, SingleByteRunDetectsLateDifference) {
    std::vector<u8> v(1000, 7);
    EXPECT_TRUE(isSingleByteRun(v.data(), v.size()));
    for (size_t pos : {size_t(1), size_t(31), size_t(32), size_t(500), size_t(991), size_t(999)}) {
        v[pos] = 8;
        EXPECT_FALSE(isSingleByteRun(v.data(), v.size())) << pos;
        v[pos] = 7;
    }
    EXPECT_FALSE(isSingleByteRun(v.data(), 0));
}

}  // namespace
}  // namespace zest
