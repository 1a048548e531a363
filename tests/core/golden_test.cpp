// Golden files (tests/data/golden, copied from upstream's test tree): frames
// every conforming decoder must accept, frames it must reject, and a
// dictionary whose entropy tables lack symbols.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "support.h"

#ifndef ZEST_GOLDEN_DIR
#error "ZEST_GOLDEN_DIR must point at tests/data/golden"
#endif

using namespace zt;

namespace {

Bytes readFile(const std::string& rel) {
    const std::string path = std::string(ZEST_GOLDEN_DIR) + "/" + rel;
    Bytes data;
    FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) {
        ADD_FAILURE() << "cannot open " << path;
        return data;
    }
    uint8_t buf[65536];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) data.insert(data.end(), buf, buf + n);
    std::fclose(f);
    return data;
}

struct Golden {
    const char* file;
    size_t size;
    bool refAccepts;  // Debian's 1.5.4 decodes it
};

// Expected sizes from the golden README.
const Golden kValid[] = {
    {"rle-first-block.zst", 1048576, true},
    {"empty-block.zst", 0, true},
    {"block-128k.zst", 131068, true},
    {"zeroSeq_2B.zst", 13, false},  // 1.5.4 rejects it (errata bug fixed in 1.5.6)
};

const char* const kInvalid[] = {"off0.bin.zst", "truncated_huff_state.zst", "zeroSeq_extraneous.zst"};

}  // namespace

TEST(Golden, ValidFramesDecode) {
    Rng rng(31000);
    for (const Golden& g : kValid) {
        SCOPED_TRACE(g.file);
        const Bytes frame = readFile(std::string("golden-decompression/") + g.file);
        ASSERT_FALSE(frame.empty());

        Bytes expected;
        if (g.refAccepts) {
            const size_t rr = refDecompress(frame, g.size, &expected);
            ASSERT_EQ(rr, g.size) << rdescr(rr);
        }
        if (std::string(g.file) == "rle-first-block.zst") {
            EXPECT_TRUE(expected == Bytes(g.size, 0));
        }

        Bytes out(g.size);
        size_t r = zest::decompress(out.data(), out.size(), frame.data(), frame.size());
        ASSERT_EQ(r, g.size) << "zest::decompress " << zdescr(r);
        if (g.refAccepts) {
            EXPECT_TRUE(out == expected) << "one-shot output differs from the reference";
        } else {
            expected = out;  // no oracle: the other APIs must agree with one-shot
        }
        if (std::string(g.file) == "zeroSeq_2B.zst") {
            const std::string text(out.begin(), out.end());
            EXPECT_EQ(text, "Hello World!\n");
        }

        ZDCtx d;
        r = zestOneShot(d, frame, g.size + 100, &out);
        EXPECT_EQ(r, g.size) << "decompressDCtx " << zdescr(r);
        EXPECT_TRUE(out == expected);

        for (Split mode : {Split::whole, Split::random, Split::random, Split::tiny, Split::stableOut, Split::oneByte}) {
            if (mode == Split::oneByte && g.size > 200000) continue;
            ZDCtx s;
            const StreamResult sr = zestStream(s, frame, rng, mode, g.size);
            EXPECT_EQ(sr.error, 0u) << "streaming mode " << int(mode) << ": " << zdescr(sr.error);
            EXPECT_TRUE(sr.complete) << "streaming mode " << int(mode);
            EXPECT_TRUE(sr.out == expected) << "streaming mode " << int(mode) << " output differs";
            EXPECT_EQ(sr.zeroAt, std::vector<size_t>{frame.size()});
        }

        r = zestBufferless(frame, nullptr, g.size, &out);
        EXPECT_EQ(r, g.size) << "bufferless " << zdescr(r);
        EXPECT_TRUE(out == expected);
        if (g.refAccepts) {
            BufferlessDict none;
            if (bufferlessLockstep(frame, g.size, false, none, &out)) {
                EXPECT_TRUE(out == expected);
            }
        }
        checkInspection(frame);
    }
}

// 1.5.4 accepts these three files (it is too permissive); zest must reject
// them as 1.5.6+ does, so no comparison with the reference here.
TEST(Golden, InvalidFramesAreRejected) {
    Rng rng(32000);
    for (const char* file : kInvalid) {
        SCOPED_TRACE(file);
        const Bytes frame = readFile(std::string("golden-decompression-errors/") + file);
        ASSERT_FALSE(frame.empty());
        const size_t capacity = 1 << 16;
        Bytes out(capacity);
        size_t r = zest::decompress(out.data(), capacity, frame.data(), frame.size());
        EXPECT_TRUE(zest::isError(r)) << "zest::decompress accepted it: " << zdescr(r);

        ZDCtx d;
        r = zestOneShot(d, frame, capacity, &out);
        EXPECT_TRUE(zest::isError(r)) << "decompressDCtx accepted it: " << zdescr(r);

        for (Split mode : {Split::whole, Split::random, Split::tiny, Split::oneByte, Split::stableOut}) {
            ZDCtx s;
            const StreamResult sr = zestStream(s, frame, rng, mode, capacity);
            EXPECT_TRUE(zest::isError(sr.error)) << "streaming mode " << int(mode) << " accepted it ("
                                                 << sr.out.size() << " bytes out)";
            EXPECT_FALSE(sr.complete);
        }

        r = zestBufferless(frame, nullptr, capacity, &out);
        EXPECT_TRUE(zest::isError(r)) << "bufferless accepted it: " << zdescr(r);
    }
}

// A dictionary whose entropy tables do not cover every symbol, with the text
// it was made for, compressed by the reference in several ways.
TEST(Golden, DictionaryWithMissingSymbols) {
    Rng rng(33000);
    const Bytes dict = readFile("golden-dictionaries/http-dict-missing-symbols");
    const Bytes http = readFile("golden-compression/http");
    ASSERT_EQ(dict.size(), 1000u);
    ASSERT_EQ(http.size(), 1189u);
    {
        ZSTD_DDict* rdd = ZSTD_createDDict(dict.data(), dict.size());
        EXPECT_NE(rdd, nullptr) << "the reference rejects the golden dictionary";
        ZSTD_freeDDict(rdd);
        // Its Huffman table has 12-bit codes (weights summing to 2^11): the
        // reference's HUF_TABLELOG_MAX is 12, so it must load.
        ZDDict dd(dict);
        EXPECT_NE(dd.p, nullptr) << "zest rejects the golden dictionary";
        if (dd.p) {
            EXPECT_EQ(zest::ddictGetDictID(dd), ZSTD_getDictID_fromDict(dict.data(), dict.size()));
        }
    }
    RefCompressor ref;
    for (int level : {-1, 1, 3, 9, 19}) {
        for (int cblock : {0, 1024}) {
            RefParams p;
            p.level = level;
            p.checksum = 1;
            RefDict rd;
            rd.mode = RefDict::load;
            rd.bytes = &dict;
            SCOPED_TRACE("level " + std::to_string(level) + " targetCBlockSize " + std::to_string(cblock));
            if (cblock) p.extra.push_back({ZSTD_c_targetCBlockSize, cblock});
            const Bytes frame = ref.compress(http, p, rd);
            DecodeOptions o;
            o.dict = &dict;
            o.oneByte = level == 3;
            checkDecodes(frame, http, rng, o);
            if (HasFailure()) return;  // one configuration's failures are enough to read
        }
    }
}

// golden-compression/huffman-compressed-larger is itself a frame whose
// Huffman-compressed literals are larger than raw ones would be.
TEST(Golden, HuffmanCompressedLarger) {
    Rng rng(34000);
    const Bytes frame = readFile("golden-compression/huffman-compressed-larger");
    ASSERT_EQ(frame.size(), 143u);
    Bytes expected;
    const size_t rr = refDecompress(frame, 1000, &expected);
    ASSERT_EQ(rr, 142u) << rdescr(rr);
    DecodeOptions o;
    o.oneByte = true;
    o.streamRuns = 4;
    checkDecodes(frame, expected, rng, o);
}
