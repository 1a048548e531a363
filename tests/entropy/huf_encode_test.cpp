// Huffman encoder: table descriptions and 1-/4-stream payloads decoded with
// the project's decoder (readHufTable, hufDecode1Stream, hufDecode4Streams).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <random>
#include <vector>

#include "common/cpu.h"
#include "entropy/histogram.h"
#include "entropy/huf_decode.h"
#include "entropy/huf_encode.h"

namespace zest {
namespace {

struct Env {
    std::unique_ptr<HufWorkspace> ws = std::make_unique<HufWorkspace>();
    std::unique_ptr<HistogramWorkspace> hist = std::make_unique<HistogramWorkspace>();
    std::unique_ptr<HufCTable> ct = std::make_unique<HufCTable>();
    std::unique_ptr<HufTable> dt = std::make_unique<HufTable>();
};

// Round trip one input; returns the 1-stream payload size (0 if skipped).
size_t roundTrip(Env& env, const std::vector<u8>& src, unsigned maxBits, const std::string& what) {
    u32 counts[256];
    unsigned maxSymbol;
    const u32 largest = countBytes(counts, &maxSymbol, src.data(), src.size(), *env.hist);
    if (src.empty() || isSingleSymbol(largest, src.size())) return 0;

    const size_t longest = hufBuildCTable(env.ct.get(), counts, maxSymbol, maxBits, *env.ws);
    EXPECT_FALSE(isError(longest)) << what;
    if (isError(longest)) return 0;
    const HufCTable& ct = *env.ct;
    EXPECT_EQ(longest, ct.maxBits);
    EXPECT_LE(ct.maxBits, std::max(maxBits, 8u)) << what;  // raised only when 2^maxBits < symbol count
    EXPECT_LE(ct.maxBits, kHufMaxCodeBits);
    EXPECT_EQ(ct.maxSymbol, maxSymbol);
    u64 kraft = 0;
    for (unsigned s = 0; s <= maxSymbol; s++) {
        const unsigned nb = hufNbBits(ct, s);
        EXPECT_EQ(nb != 0, counts[s] != 0) << what << " symbol " << s;
        if (nb) kraft += u64(1) << (kHufMaxCodeBits - nb);
    }
    EXPECT_EQ(kraft, u64(1) << kHufMaxCodeBits) << what;
    EXPECT_TRUE(hufCanEncode(ct, counts, maxSymbol));

    std::vector<u8> buf(src.size() * 2 + 1024);
    const size_t hdr = hufWriteCTable(buf.data(), buf.size(), ct, *env.ws);
    if (isError(hdr)) {
        // Only legitimate when more than 128 weights fail to compress below 128 bytes.
        EXPECT_GT(maxSymbol, 128u) << what << ": " << errorName(hdr);
        return 0;
    }
    EXPECT_LE(hdr, kHufMaxDescriptionSize);
    EXPECT_EQ(hufWriteCTable(buf.data(), hdr - 1, ct, *env.ws), ZEST_ERR(dstSize_tooSmall));
    const size_t readBack = readHufTable(env.dt.get(), buf.data(), hdr);
    EXPECT_EQ(readBack, hdr) << what << ": " << (isError(readBack) ? errorName(readBack) : "");
    if (readBack != hdr) return 0;
    EXPECT_EQ(env.dt->tableLog, ct.maxBits);

    // The decoder's table converts back to the same codes.
    HufCTable again;
    EXPECT_EQ(hufCTableFromDTable(&again, *env.dt), 0u);
    EXPECT_EQ(again.maxBits, ct.maxBits);
    EXPECT_EQ(again.maxSymbol, ct.maxSymbol);
    EXPECT_EQ(0, std::memcmp(again.entries, ct.entries, sizeof ct.entries)) << what;

    // One stream.
    u8* const payload = buf.data() + hdr;
    const size_t cap = buf.size() - hdr;
    const size_t s1 = hufCompress1Stream(payload, cap, src.data(), src.size(), ct, false);
    EXPECT_GT(s1, 0u) << what;
    const size_t bits = hufEstimateBits(ct, counts, maxSymbol);
    EXPECT_EQ(s1, (bits + 1 + 7) / 8) << what << " (payload + end mark)";
    EXPECT_EQ(hufEstimateBytes(ct, counts, maxSymbol), (bits + 7) / 8);
    std::vector<u8> out(src.size() + 64);
    size_t r = hufDecode1Stream(out.data(), src.size(), payload, s1, *env.dt);
    EXPECT_EQ(r, 0u) << what << ": " << errorName(r);
    EXPECT_EQ(0, std::memcmp(out.data(), src.data(), src.size())) << what;
    // Exact capacity.
    std::vector<u8> tight(s1);
    EXPECT_EQ(hufCompress1Stream(tight.data(), s1, src.data(), src.size(), ct, cpuHasBmi2()), s1);
    EXPECT_EQ(0, std::memcmp(tight.data(), payload, s1));
    EXPECT_EQ(hufCompress1Stream(tight.data(), s1 - 1, src.data(), src.size(), ct, cpuHasBmi2()), 0u);

    // Four streams.
    const size_t seg = (src.size() + 3) / 4;
    if (3 * seg > src.size()) {
        EXPECT_EQ(hufCompress4Streams(payload, cap, src.data(), src.size(), ct, false), ZEST_ERR(srcSize_wrong));
        return s1;
    }
    const size_t s4 = hufCompress4Streams(payload, cap, src.data(), src.size(), ct, cpuHasBmi2());
    EXPECT_GT(s4, 0u) << what;
    EXPECT_FALSE(isError(s4));
    EXPECT_LE(s4, s1 + 6 + 3) << what;
    for (int variant = 0; variant < 3; variant++) {
        std::fill(out.begin(), out.end(), 0xEE);
        if (variant == 2) hufBuildCells2(*env.dt);
        r = hufDecode4Streams(out.data(), src.size(), payload, s4, *env.dt, variant == 1);
        EXPECT_EQ(r, 0u) << what << " variant " << variant << ": " << errorName(r);
        EXPECT_EQ(0, std::memcmp(out.data(), src.data(), src.size())) << what << " variant " << variant;
    }
    std::vector<u8> tight4(s4);
    EXPECT_EQ(hufCompress4Streams(tight4.data(), s4, src.data(), src.size(), ct, false), s4);
    EXPECT_EQ(hufCompress4Streams(tight4.data(), s4 - 1, src.data(), src.size(), ct, cpuHasBmi2()), 0u);
    return s1;
}

std::vector<u8> fromWeights(std::mt19937_64& rng, const std::vector<double>& w, size_t n) {
    std::discrete_distribution<int> d(w.begin(), w.end());
    std::vector<u8> v(n);
    for (auto& x : v) x = u8(d(rng));
    return v;
}

double entropyBits(const std::vector<u8>& v) {
    double c[256] = {};
    for (u8 x : v) c[x]++;
    double h = 0;
    for (double k : c)
        if (k) h -= k * std::log2(k / double(v.size()));
    return h;
}

TEST(Huffman, RoundTripsManyDistributions) {
    Env env;
    std::mt19937_64 rng(40);
    const size_t sizes[] = {2, 3, 4, 5, 9, 12, 13, 50, 255, 256, 1000, 4096, 20000, 131072};
    int iter = 0;
    for (size_t n : sizes) {
        for (int shape = 0; shape < 8; shape++, iter++) {
            std::vector<double> w(256, 0.0);
            switch (shape) {
                case 0: std::fill(w.begin(), w.end(), 1.0); break;                      // all 256
                case 1: w[65] = w[200] = 1; break;                                      // two symbols
                case 2: for (int s = 0; s < 256; s++) w[s] = std::pow(0.8, s); break;   // geometric
                case 3: std::fill(w.begin(), w.end(), 1e-4); w[32] = 1; break;          // one dominant
                case 4: for (int s = 0; s < 40; s++) w[s] = std::pow(1.9, s); break;    // very deep tree
                case 5: for (int s = 0; s < 256; s++) w[s] = 1.0 / (1 + s); break;      // zipf
                case 6: for (int s = 0; s < 256; s += 5) w[s] = double(1 + rng() % 100); break;  // gaps
                default: w[255] = 5; w[0] = 3; w[128] = 1; break;                       // ends of the alphabet
            }
            auto src = fromWeights(rng, w, n);
            for (unsigned maxBits : {11u, 9u, hufSuggestMaxBits(n, 255)})
                roundTrip(env, src, maxBits, "n=" + std::to_string(n) + " shape=" + std::to_string(shape) +
                                                 " maxBits=" + std::to_string(maxBits));
        }
    }
}

TEST(Huffman, LengthLimitHitIsHandled) {
    // Fibonacci-like counts force a Huffman depth near the symbol count.
    Env env;
    std::vector<u8> src;
    u64 a = 1, b = 1;
    for (int s = 0; s < 23; s++) {
        for (u64 k = 0; k < a; k++) src.push_back(u8(s * 7));
        const u64 c = a + b;
        a = b;
        b = c;
    }
    std::mt19937_64 rng(41);
    std::shuffle(src.begin(), src.end(), rng);
    for (unsigned maxBits = 5; maxBits <= 11; maxBits++) roundTrip(env, src, maxBits, "fib " + std::to_string(maxBits));
    u32 counts[256];
    unsigned maxSymbol;
    countBytes(counts, &maxSymbol, src.data(), src.size(), *env.hist);
    ASSERT_EQ(hufBuildCTable(env.ct.get(), counts, maxSymbol, 11, *env.ws), 11u);
}

// Smallest cost over all complete codes no deeper than maxBits (exhaustive).
u64 bestLimitedCost(std::vector<u32> c, unsigned maxBits) {
    std::sort(c.begin(), c.end(), std::greater<u32>());  // longest codes go to the rarest
    const size_t m = c.size();
    u64 best = ~u64(0);
    std::vector<unsigned> len(m);
    // Non-decreasing lengths along decreasing counts.
    auto rec = [&](auto&& self, size_t i, unsigned minLen, u64 kraft, u64 cost) -> void {
        const u64 one = u64(1) << maxBits;
        if (kraft > one) return;
        if (i == m) {
            if (kraft == one) best = std::min(best, cost);
            return;
        }
        for (unsigned l = minLen; l <= maxBits; l++) self(self, i + 1, l, kraft + (one >> l), cost + u64(c[i]) * l);
    };
    rec(rec, 0, 1, 0, 0);
    return best;
}

TEST(Huffman, LengthLimitedCodesAreOptimal) {
    Env env;
    std::mt19937_64 rng(42);
    for (int iter = 0; iter < 400; iter++) {
        const unsigned m = 2 + unsigned(rng() % 8);
        const unsigned maxBits = std::max(1u + unsigned(rng() % 5), unsigned(std::ceil(std::log2(m))));
        std::vector<u32> c(m);
        for (auto& x : c) x = u32(1 + (rng() % 2 ? rng() % 10 : rng() % 100000 / (1 + rng() % 1000)));
        u32 counts[256] = {};
        for (unsigned i = 0; i < m; i++) counts[i * 3] = c[i];
        u8 nb[256];
        const size_t longest = hufBuildCodeLengths(nb, counts, (m - 1) * 3, maxBits, *env.ws, true);
        ASSERT_FALSE(isError(longest));
        ASSERT_LE(longest, maxBits);
        u64 cost = 0;
        for (unsigned i = 0; i < m; i++) cost += u64(c[i]) * nb[i * 3];
        EXPECT_EQ(cost, bestLimitedCost(c, maxBits)) << "iter " << iter << " m " << m << " maxBits " << maxBits;
    }
}

// The fast limiter stays close to the optimal length-limited code.
TEST(Huffman, FastLimiterNearOptimal) {
    Env env;
    std::mt19937_64 rng(46);
    double fastTotal = 0, exactTotal = 0;
    int limited = 0;
    for (int iter = 0; iter < 3000; iter++) {
        const unsigned m = 2 + unsigned(rng() % 255);
        u32 counts[256] = {};
        const int shape = iter % 3;
        for (unsigned s = 0; s < m; s++) {
            if (shape == 0) counts[s] = u32(1 + rng() % (1u << (rng() % 17)));
            else if (shape == 1) counts[s] = u32(1 + 100000.0 / std::pow(1.0 + s, 1.0 + double(rng() % 100) / 50));
            else counts[s] = u32(1 + (rng() % 4 == 0 ? rng() % 60000 : rng() % 5));
        }
        const unsigned maxBits = std::max(8u + unsigned(rng() % 4), unsigned(std::ceil(std::log2(m))));
        u8 fast[256], exact[256];
        const size_t lf = hufBuildCodeLengths(fast, counts, m - 1, maxBits, *env.ws, false);
        const size_t le = hufBuildCodeLengths(exact, counts, m - 1, maxBits, *env.ws, true);
        ASSERT_LE(lf, maxBits);
        ASSERT_LE(le, maxBits);
        u64 kraft = 0, cf = 0, ce = 0;
        for (unsigned s = 0; s < m; s++) {
            kraft += u64(1) << (maxBits - fast[s]);
            cf += u64(counts[s]) * fast[s];
            ce += u64(counts[s]) * exact[s];
        }
        ASSERT_EQ(kraft, u64(1) << maxBits) << "iter " << iter;
        ASSERT_GE(cf, ce);
        // The documented bound: 1/256 + min(1/64, 256 bits) above the optimum.
        EXPECT_LE(cf, ce + (ce >> 8) + std::min<u64>(ce >> 6, 256))
            << "iter " << iter << " m " << m << " maxBits " << maxBits;
        if (cf != ce || lf == maxBits) limited++;
        fastTotal += double(cf);
        exactTotal += double(ce);
    }
    EXPECT_GT(limited, 300);
    EXPECT_LT(fastTotal, exactTotal * 1.001);
    printf("fast limiter total %.0f bits, optimal %.0f (+%.4f%%)\n", fastTotal, exactTotal,
           100.0 * (fastTotal - exactTotal) / exactTotal);
}

TEST(Huffman, CloseToEntropyOnLargeInputs) {
    Env env;
    std::mt19937_64 rng(43);
    for (int shape = 0; shape < 4; shape++) {
        std::vector<double> w(256);
        for (int s = 0; s < 256; s++) {
            switch (shape) {
                case 0: w[s] = 1.0 / (1 + s); break;                      // zipf
                case 1: w[s] = std::pow(0.97, s); break;                  // gentle geometric
                case 2: w[s] = s < 96 ? 1 + double(rng() % 50) : 0.01; break;  // text-like, long tail
                default: w[s] = std::exp(-0.5 * ((s - 128) / 20.0) * ((s - 128) / 20.0)) + 1e-5; break;
            }
        }
        const auto src = fromWeights(rng, w, 131072);
        const double h = entropyBits(src) / 8;
        const size_t s1 = roundTrip(env, src, 11, "entropy shape " + std::to_string(shape));
        ASSERT_GT(s1, 0u);
        EXPECT_LT(double(s1), h * 1.02 + 8) << "shape " << shape << " entropy bytes " << h;
        printf("shape %d: payload %zu bytes, Shannon %.0f (+%.3f%%)\n", shape, s1, h, 100.0 * (double(s1) - h) / h);
        // The description is small next to the payload.
        const size_t hdr = hufWriteCTable(std::vector<u8>(256).data(), 256, *env.ct, *env.ws);
        EXPECT_LT(hdr, 130u);
    }
}

TEST(Huffman, DescriptionUsesBothRepresentations) {
    Env env;
    std::mt19937_64 rng(44);
    int direct = 0, compressed = 0;
    for (int iter = 0; iter < 300; iter++) {
        const unsigned alphabet = 2 + unsigned(rng() % 255);
        std::vector<double> w(alphabet);
        for (auto& x : w) x = iter % 2 ? 1.0 + double(rng() % 3) : std::pow(0.9, double(rng() % 60));
        const auto src = fromWeights(rng, w, 2000 + rng() % 30000);
        roundTrip(env, src, 11, "desc " + std::to_string(iter));
        u8 d[256];
        const size_t hdr = hufWriteCTable(d, sizeof d, *env.ct, *env.ws);
        if (isError(hdr)) continue;
        (d[0] >= 128 ? direct : compressed)++;
    }
    EXPECT_GT(direct, 10);
    EXPECT_GT(compressed, 10);
}

TEST(Huffman, CanEncodeAndEstimate) {
    Env env;
    u32 counts[256] = {};
    counts['a'] = 10;
    counts['b'] = 5;
    counts['c'] = 1;
    ASSERT_EQ(hufBuildCTable(env.ct.get(), counts, 'c', 11, *env.ws), 2u);
    EXPECT_EQ(hufNbBits(*env.ct, 'a'), 1u);
    EXPECT_EQ(hufEstimateBits(*env.ct, counts, 'c'), 10u + 10u + 2u);
    EXPECT_TRUE(hufCanEncode(*env.ct, counts, 'c'));
    u32 other[256] = {};
    other['b'] = 3;
    EXPECT_TRUE(hufCanEncode(*env.ct, other, 'b'));
    other['d'] = 1;
    EXPECT_FALSE(hufCanEncode(*env.ct, other, 'd'));
    other['d'] = 0;
    other[0] = 1;
    EXPECT_FALSE(hufCanEncode(*env.ct, other, 'b'));
    // One symbol is not a Huffman code.
    u32 single[256] = {};
    single[9] = 100;
    EXPECT_TRUE(isError(hufBuildCTable(env.ct.get(), single, 9, 11, *env.ws)));
}

TEST(Huffman, SmallAndEdgeSizes) {
    Env env;
    std::mt19937_64 rng(45);
    for (int iter = 0; iter < 2000; iter++) {
        const size_t n = 2 + rng() % 300;
        const unsigned alphabet = 2 + unsigned(rng() % (iter % 2 ? 8 : 256));
        std::vector<u8> src(n);
        for (auto& x : src) x = u8(rng() % alphabet);
        roundTrip(env, src, 1 + unsigned(rng() % 11), "small " + std::to_string(iter));
        if (HasFailure()) return;
    }
}

}  // namespace
}  // namespace zest
