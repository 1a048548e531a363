// BitWriter: fields written forward come back in reverse through BitReader.
#include <gtest/gtest.h>

#include <cstring>
#include <random>
#include <vector>

#include "common/bit_reader.h"
#include "common/bit_writer.h"

namespace zest {
namespace {

struct Field {
    u64 value;
    unsigned nb;
};

std::vector<Field> randomFields(std::mt19937_64& rng, size_t n, unsigned maxNb) {
    std::vector<Field> f(n);
    for (auto& x : f) {
        x.nb = unsigned(rng() % (maxNb + 1));
        x.value = x.nb ? rng() & ((u64(1) << x.nb) - 1) : 0;
    }
    return f;
}

// Write the fields, flushing whenever 56 bits might be exceeded.
size_t writeFields(std::vector<u8>& buf, size_t cap, const std::vector<Field>& fields, bool garbageAbove) {
    BitWriter bw;
    bw.init(buf.data(), cap);
    unsigned since = 0;
    for (const Field& f : fields) {
        if (since + f.nb > 56) {
            bw.flush();
            since = 0;
        }
        if (garbageAbove) bw.addBits(f.value | (~u64(0) << f.nb), f.nb);
        else bw.addBitsFast(f.value, f.nb);
        since += f.nb;
    }
    return bw.close();
}

TEST(BitWriter, RoundTripThroughBitReader) {
    std::mt19937_64 rng(1);
    for (int iter = 0; iter < 300; iter++) {
        const size_t n = rng() % 400;
        const unsigned maxNb = 1 + unsigned(rng() % 40);
        const auto fields = randomFields(rng, n, maxNb);
        std::vector<u8> buf(n * 8 + 16);
        const size_t size = writeFields(buf, buf.size(), fields, iter & 1);
        ASSERT_GT(size, 0u);
        ASSERT_NE(buf[size - 1], 0) << "end mark must be in the last byte";

        BitReader br;
        ASSERT_EQ(br.init(buf.data(), size), size);
        for (size_t i = n; i-- > 0;) {
            const unsigned nb = fields[i].nb;
            const u64 v = nb ? br.read(nb) : 0;
            ASSERT_EQ(v, fields[i].value) << "iter " << iter << " field " << i;
            br.reload();
        }
        br.reload();
        EXPECT_TRUE(br.finished()) << "iter " << iter;
    }
}

TEST(BitWriter, CapacityIsExact) {
    std::mt19937_64 rng(2);
    for (int iter = 0; iter < 200; iter++) {
        const size_t n = rng() % 60;
        const auto fields = randomFields(rng, n, 20);
        std::vector<u8> big(n * 8 + 16);
        const size_t size = writeFields(big, big.size(), fields, false);
        ASSERT_GT(size, 0u);
        std::vector<u8> exact(size);
        ASSERT_EQ(writeFields(exact, size, fields, false), size);
        EXPECT_EQ(0, std::memcmp(exact.data(), big.data(), size));
        std::vector<u8> small(size);
        EXPECT_EQ(writeFields(small, size - 1, fields, false), 0u);
    }
}

TEST(BitWriter, EmptyStreamIsOneByte) {
    u8 buf[4] = {0xAA, 0xAA, 0xAA, 0xAA};
    BitWriter bw;
    bw.init(buf, sizeof buf);
    EXPECT_EQ(bw.close(), 1u);
    EXPECT_EQ(buf[0], 1);
    bw.init(buf, 0);
    EXPECT_EQ(bw.close(), 0u);
}

}  // namespace
}  // namespace zest
