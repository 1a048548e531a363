// Differential decoding: frames made by the reference compressor (Debian's
// libzstd) with many parameter combinations must decode with every zest API
// to exactly the original bytes, and zest's frame inspection must agree with
// the reference's.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "support.h"

using namespace zt;

namespace {

std::string traceOf(Kind k, size_t size, int level, const char* extra = "") {
    return std::string(kindName(k)) + " size " + std::to_string(size) + " level " + std::to_string(level) + " " +
           extra;
}

class PerKind : public ::testing::TestWithParam<Kind> {};

std::string kindParamName(const ::testing::TestParamInfo<Kind>& info) { return kindName(info.param); }

}  // namespace

// Every size from 0 to 16 bytes at every level, each decoded every way,
// including one byte at a time.
TEST_P(PerKind, TinyInputsAllLevels) {
    const Kind kind = GetParam();
    Rng rng(1000 + int(kind));
    RefCompressor ref;
    for (size_t size = 0; size <= 16; size++) {
        const Bytes src = gen(kind, rng, size);
        for (int level = -7; level <= 22; level++) {
            RefParams p;
            p.level = level;
            p.checksum = int((size + unsigned(level + 7)) & 1);
            p.contentSize = (size + unsigned(level + 7)) % 3 != 0;
            SCOPED_TRACE(traceOf(kind, size, level, p.contentSize ? "with size" : "no size"));
            const Bytes frame = ref.compress(src, p);
            ASSERT_FALSE(frame.empty());
            DecodeOptions o;
            o.oneByte = true;
            o.streamRuns = 1;
            checkDecodes(frame, src, rng, o);
            if (HasFailure()) return;
        }
    }
}

// Sizes on both sides of the 128 KiB block size, at fast to strong levels.
TEST_P(PerKind, BlockBoundarySizes) {
    const Kind kind = GetParam();
    Rng rng(2000 + int(kind));
    RefCompressor ref;
    const size_t sizes[] = {128 * 1024 - 1, 128 * 1024, 128 * 1024 + 1, 256 * 1024 + 3};
    const int levels[] = {-7, -1, 1, 3, 6, 12, 16, 19};
    for (size_t size : sizes) {
        const Bytes src = gen(kind, rng, size);
        for (int level : levels) {
            if (level >= 16 && size > 200 * 1024 && kind == Kind::random) continue;  // slow, adds nothing
            RefParams p;
            p.level = level;
            p.checksum = level & 1;
            SCOPED_TRACE(traceOf(kind, size, level));
            const Bytes frame = ref.compress(src, p);
            DecodeOptions o;
            o.streamRuns = 1;
            checkDecodes(frame, src, rng, o);
            if (HasFailure()) return;
        }
    }
}

// Inputs of every kind, 1 byte to ~140 KB, with every combination of the
// checksum and content-size flags.
TEST_P(PerKind, ChecksumAndContentSizeFlags) {
    const Kind kind = GetParam();
    Rng rng(3000 + int(kind));
    RefCompressor ref;
    for (size_t size : {size_t(1), size_t(100), size_t(5000), size_t(140000)}) {
        const Bytes src = gen(kind, rng, size);
        for (int level : {1, 3, 19}) {
            if (level == 19 && size > 5000) continue;
            for (int checksum = 0; checksum <= 1; checksum++) {
                for (int contentSize = 0; contentSize <= 1; contentSize++) {
                    RefParams p;
                    p.level = level;
                    p.checksum = checksum;
                    p.contentSize = contentSize;
                    SCOPED_TRACE(traceOf(kind, size, level, (std::string("checksum ") + char('0' + checksum) +
                                                             " contentSize " + char('0' + contentSize))
                                                                .c_str()));
                    const Bytes frame = ref.compress(src, p);
                    ZSTD_frameHeader fh;
                    ASSERT_EQ(ZSTD_getFrameHeader(&fh, frame.data(), frame.size()), 0u);
                    ASSERT_EQ(fh.checksumFlag, unsigned(checksum));
                    DecodeOptions o;
                    o.streamRuns = 1;
                    o.oneByte = size <= 100;
                    checkDecodes(frame, src, rng, o);
                    if (HasFailure()) return;
                }
            }
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Kinds, PerKind, ::testing::Values(Kind::text, Kind::binary, Kind::zeros, Kind::random),
                         kindParamName);

// A few hundred KiB of mixed content at a spread of levels.
TEST(Interop, MixedLargeInputs) {
    Rng rng(4000);
    RefCompressor ref;
    for (size_t size : {size_t(300 * 1024), size_t(700 * 1024 + 77)}) {
        const Bytes src = genMixed(rng, size);
        for (int level : {-3, 1, 2, 3, 4, 5, 7, 9, 13, 17, 19}) {
            if (level >= 13 && size > 500 * 1024) continue;
            RefParams p;
            p.level = level;
            p.checksum = 1;
            SCOPED_TRACE(traceOf(Kind::mixed, size, level));
            const Bytes frame = ref.compress(src, p);
            DecodeOptions o;
            o.streamRuns = 2;
            o.bufferless = level % 2 != 0;
            checkDecodes(frame, src, rng, o);
            if (HasFailure()) return;
        }
    }
}

// Small windows (1 to 4 KiB): matches reach back across block boundaries
// and the streaming decoder's window wraps around many times.
TEST(Interop, SmallWindows) {
    Rng rng(5000);
    RefCompressor ref;
    const Bytes src = genMixed(rng, 200 * 1024 + 5);
    for (int wlog = 10; wlog <= 12; wlog++) {
        for (int level : {1, 3, 7, 12, 17}) {
            for (int contentSize = 0; contentSize <= 1; contentSize++) {
                RefParams p;
                p.level = level;
                p.windowLog = wlog;
                p.contentSize = contentSize;
                p.checksum = 1;
                SCOPED_TRACE(traceOf(Kind::mixed, src.size(), level,
                                     ("windowLog " + std::to_string(wlog) + " contentSize " +
                                      std::to_string(contentSize))
                                         .c_str()));
                const Bytes frame = ref.compress(src, p);
                ZSTD_frameHeader fh;
                ASSERT_EQ(ZSTD_getFrameHeader(&fh, frame.data(), frame.size()), 0u);
                ASSERT_EQ(fh.windowSize, 1ull << wlog);
                DecodeOptions o;
                o.streamRuns = 1;
                checkDecodes(frame, src, rng, o);

                // A streaming decoder limited to exactly this window still decodes...
                ZDCtx d;
                zset(d, zest::DParam::windowLogMax, wlog);
                StreamResult r = zestStream(d, frame, rng, Split::random, src.size(), 4096);
                EXPECT_EQ(r.error, 0u) << zdescr(r.error);
                EXPECT_TRUE(r.complete);
                EXPECT_TRUE(r.out == src) << "windowLogMax == windowLog: output differs";
                // ...and one limited to half of it refuses the frame, like the reference.
                if (wlog > 10) {
                    ZDCtx d2;
                    zset(d2, zest::DParam::windowLogMax, wlog - 1);
                    r = zestStream(d2, frame, rng, Split::random, src.size(), 4096);
                    EXPECT_EQ(zcode(r.error), int(zest::ErrorCode::frameParameter_windowTooLarge))
                        << zdescr(r.error);
                }
                if (HasFailure()) return;
            }
        }
    }
}

// Long distance matching with a 128 MiB window on ~1 MiB of data whose
// repeats lie ~800 KiB apart.
TEST(Interop, LongDistanceMatching) {
    Rng rng(6000);
    const Bytes a = genMixed(rng, 200 * 1024);
    const Bytes b = genRandom(rng, 500 * 1024);
    const Bytes c = genText(rng, 100 * 1024);
    Bytes src = a;
    src.insert(src.end(), b.begin(), b.end());
    Bytes a2 = a;
    for (int i = 0; i < 20; i++) a2[rng.below(a2.size())] ^= 0x5A;  // near-copy
    src.insert(src.end(), a2.begin(), a2.end());
    src.insert(src.end(), c.begin(), c.end());
    src.insert(src.end(), b.begin() + 1000, b.begin() + 150000);  // far copy of random data
    RefCompressor ref;
    for (int level : {1, 5, 12}) {
        RefParams p;
        p.level = level;
        p.windowLog = 27;
        p.ldm = true;
        p.checksum = 1;
        SCOPED_TRACE(traceOf(Kind::mixed, src.size(), level, "ldm"));
        const Bytes frame = ref.compress(src, p);
        // The far copy of 150 KB of random data must have been found.
        EXPECT_LT(frame.size(), src.size() - 100 * 1024);
        DecodeOptions o;
        o.streamRuns = 1;
        checkDecodes(frame, src, rng, o);
        if (HasFailure()) return;
    }
    // Streamed compression: no content size, so the frame announces the full
    // 128 MiB window and the streaming decoder must size its buffer from it.
    RefParams p;
    p.level = 3;
    p.windowLog = 27;
    p.ldm = true;
    const Bytes frame = ref.compressStream(src, p, rng);
    ZSTD_frameHeader fh;
    ASSERT_EQ(ZSTD_getFrameHeader(&fh, frame.data(), frame.size()), 0u);
    EXPECT_EQ(fh.frameContentSize, ZSTD_CONTENTSIZE_UNKNOWN);
    EXPECT_EQ(fh.windowSize, 1ull << 27);
    DecodeOptions o;
    o.streamRuns = 1;
    checkDecodes(frame, src, rng, o);
}

// Frames without the magic number (ZSTD_f_zstd1_magicless).
TEST(Interop, MagiclessFormat) {
    Rng rng(7000);
    RefCompressor ref;
    for (size_t size : {size_t(0), size_t(1), size_t(17), size_t(3000), size_t(140000)}) {
        const Bytes src = genMixed(rng, size);
        for (int level : {-1, 1, 3, 19}) {
            if (level == 19 && size > 3000) continue;
            for (int checksum = 0; checksum <= 1; checksum++) {
                RefParams p;
                p.level = level;
                p.checksum = checksum;
                p.magicless = true;
                p.contentSize = size != 17;
                SCOPED_TRACE(traceOf(Kind::mixed, size, level, "magicless"));
                const Bytes frame = ref.compress(src, p);
                ASSERT_FALSE(ZSTD_isFrame(frame.data(), frame.size()));
                DecodeOptions o;
                o.magicless = true;
                o.oneByte = size <= 17;
                o.streamRuns = 1;
                checkDecodes(frame, src, rng, o);

                // Without DParam::format the frame is rejected, as by the reference.
                // (The exact error code is compared in errors_test.cpp.)
                Bytes zout, rout;
                ZDCtx d;
                const size_t zr = zestOneShot(d, frame, size + 64, &zout);
                const size_t rr = refDecompress(frame, size + 64, &rout);
                EXPECT_TRUE(zest::isError(zr)) << zdescr(zr);
                EXPECT_TRUE(ZSTD_isError(rr)) << rdescr(rr);
                if (HasFailure()) return;
            }
        }
    }
}

// The reference's streaming compressor without a pledged size: no content
// size in the header, and ZSTD_e_flush at random points gives many blocks.
TEST(Interop, StreamedFramesWithoutContentSize) {
    Rng rng(8000);
    RefCompressor ref;
    for (Kind kind : {Kind::text, Kind::binary, Kind::mixed, Kind::zeros, Kind::random}) {
        for (size_t size : {size_t(0), size_t(1), size_t(1000), size_t(50000), size_t(300000)}) {
            const Bytes src = gen(kind, rng, size);
            for (int level : {-5, 1, 3, 9, 19}) {
                if (level == 19 && size > 50000) continue;
                if ((level == 9 || level == -5) && kind != Kind::mixed) continue;
                RefParams p;
                p.level = level;
                p.checksum = int(rng.below(2));
                SCOPED_TRACE(traceOf(kind, size, level, "streamed"));
                const Bytes frame = ref.compressStream(src, p, rng);
                ASSERT_FALSE(frame.empty());
                if (size > 0) {
                    EXPECT_EQ(ZSTD_getFrameContentSize(frame.data(), frame.size()), ZSTD_CONTENTSIZE_UNKNOWN);
                    EXPECT_EQ(zest::getFrameContentSize(frame.data(), frame.size()), zest::kContentSizeUnknown);
                }
                DecodeOptions o;
                o.streamRuns = 1;
                o.oneByte = size <= 1000;
                checkDecodes(frame, src, rng, o);
                if (HasFailure()) return;
            }
        }
    }
}

namespace {

// One buffer of frames of varied make, with a skippable frame of every magic
// variant around them. Returns the concatenated expected output.
Bytes buildMultiFrame(Rng& rng, RefCompressor& ref, size_t maxSize, Bytes* buf) {
    Bytes expected;
    const Bytes lead(size_t(rng.below(40)), 0xAB);
    Bytes s = refSkippable(lead, 15);
    buf->insert(buf->end(), s.begin(), s.end());
    for (unsigned v = 0; v < 16; v++) {
        const Kind kind = Kind(rng.below(5));
        const size_t size = v == 3 ? 0 : size_t(rng.below(maxSize + 1));
        const Bytes src = gen(kind, rng, size);
        RefParams p;
        p.level = int(rng.range(0, 12)) - 3;
        p.checksum = int(rng.below(2));
        p.contentSize = int(rng.below(4) != 0);
        const Bytes frame = rng.chance(30) ? ref.compressStream(src, p, rng) : ref.compress(src, p);
        buf->insert(buf->end(), frame.begin(), frame.end());
        expected.insert(expected.end(), src.begin(), src.end());
        if (v % 5 == 4) {
            // Two skippable frames in a row.
            s = refSkippable(genRandom(rng, size_t(rng.below(10))), (v + 7) % 16);
            buf->insert(buf->end(), s.begin(), s.end());
        }
        s = refSkippable(genText(rng, size_t(rng.below(200))), v);
        buf->insert(buf->end(), s.begin(), s.end());
    }
    return expected;
}

}  // namespace

// Many frames in one buffer with skippable frames (all 16 magic variants)
// between them. Streaming must return 0 at the end of each one.
TEST(Interop, MultiFrameWithSkippableFrames) {
    Rng rng(9000);
    RefCompressor ref;
    for (int round = 0; round < 4; round++) {
        const size_t maxSize = round == 0 ? 300 : 40000;
        Bytes buf;
        const Bytes expected = buildMultiFrame(rng, ref, maxSize, &buf);
        SCOPED_TRACE("round " + std::to_string(round) + ", " + std::to_string(buf.size()) + " bytes");
        DecodeOptions o;
        o.oneByte = round == 0;
        o.streamRuns = 2;
        checkDecodes(buf, expected, rng, o);

        // readSkippableFrame on every skippable frame, compared with the reference.
        size_t pos = 0;
        unsigned skippables = 0;
        while (pos < buf.size()) {
            const uint8_t* p = buf.data() + pos;
            const size_t n = ZSTD_findFrameCompressedSize(p, buf.size() - pos);
            ASSERT_FALSE(ZSTD_isError(n));
            if (ZSTD_isSkippableFrame(p, n)) {
                skippables++;
                Bytes zc(n), rc(n);
                unsigned zv = 77, rv = 78;
                const size_t zr = zest::readSkippableFrame(zc.data(), zc.size(), &zv, p, n);
                const size_t rr = ZSTD_readSkippableFrame(rc.data(), rc.size(), &rv, p, n);
                ASSERT_EQ(zr, rr) << zdescr(zr) << " vs " << rdescr(rr);
                EXPECT_EQ(zv, rv);
                EXPECT_TRUE(std::equal(zc.begin(), zc.begin() + zr, rc.begin()));
                EXPECT_TRUE(zest::isSkippableFrame(p, n));
                EXPECT_EQ(zest::getFrameContentSize(p, n), 0u);
            }
            pos += n;
        }
        EXPECT_EQ(skippables, 20u);
        if (HasFailure()) return;
    }
}

// ---- Dictionaries ----------------------------------------------------------------------

// Raw-content dictionaries (no magic number, dictionary ID 0).
TEST(Dictionaries, RawContent) {
    Rng rng(10000);
    const Bytes dict = genText(rng, 32 * 1024);
    RefCompressor ref;
    for (size_t size : {size_t(0), size_t(1), size_t(10), size_t(500), size_t(5000), size_t(70000)}) {
        Bytes src = genText(rng, size);
        if (size >= 500) std::copy(dict.begin() + 100, dict.begin() + 400, src.begin() + 50);  // sure matches
        for (int level : {1, 3, 9, 19}) {
            if (level == 19 && size > 5000) continue;
            RefParams p;
            p.level = level;
            p.checksum = level & 1;
            RefDict rd;
            rd.mode = RefDict::load;
            rd.bytes = &dict;
            rd.type = ZSTD_dct_rawContent;
            SCOPED_TRACE(traceOf(Kind::text, size, level, "raw dict"));
            const Bytes frame = ref.compress(src, p, rd);
            EXPECT_EQ(zest::getDictIDFromFrame(frame.data(), frame.size()), 0u);
            DecodeOptions o;
            o.dict = &dict;
            o.rawDict = true;
            o.streamRuns = 1;
            o.oneByte = size <= 10;
            checkDecodes(frame, src, rng, o);
            // The raw dictionary also works through auto-detection.
            o.rawDict = false;
            o.oneByte = false;
            checkDecodes(frame, src, rng, o);
            if (HasFailure()) return;
        }
    }
}

// Dictionaries trained by the reference's ZDICT_trainFromBuffer.
TEST(Dictionaries, Trained) {
    Rng rng(11000);
    const Bytes dict = trainDict(rng, 0, 16 * 1024);
    ASSERT_GT(dict.size(), 1000u);
    const unsigned id = ZSTD_getDictID_fromDict(dict.data(), dict.size());
    ASSERT_NE(id, 0u);
    EXPECT_EQ(zest::getDictIDFromDict(dict.data(), dict.size()), id);
    {
        ZDDict zdd(dict);
        ASSERT_NE(zdd.p, nullptr);
        EXPECT_EQ(zest::ddictGetDictID(zdd), id);
        ZDDict zraw(dict, zest::DictLoadMethod::byRef, zest::DictContentType::rawContent);
        ASSERT_NE(zraw.p, nullptr);
        EXPECT_EQ(zest::ddictGetDictID(zraw), 0u);  // as raw content it has no ID
    }
    RefCompressor ref;
    for (int i = 0; i < 24; i++) {
        Bytes src;
        const unsigned records = unsigned(rng.below(40));
        for (unsigned r = 0; r < records; r++) {
            const Bytes rec = genRecord(rng, 0);
            src.insert(src.end(), rec.begin(), rec.end());
        }
        RefParams p;
        p.level = std::vector<int>{1, 3, 7, 19, -2, 12}[i % 6];
        p.checksum = i & 1;
        p.dictIDFlag = i % 5 != 0;
        p.contentSize = i % 7 != 0;
        RefDict rd;
        rd.mode = RefDict::load;
        rd.bytes = &dict;
        SCOPED_TRACE(traceOf(Kind::text, src.size(), p.level, p.dictIDFlag ? "trained dict" : "trained dict, no ID"));
        const Bytes frame = ref.compress(src, p, rd);
        EXPECT_EQ(zest::getDictIDFromFrame(frame.data(), frame.size()), p.dictIDFlag ? id : 0u);
        DecodeOptions o;
        o.dict = &dict;
        o.streamRuns = 1;
        o.oneByte = src.size() <= 600;
        checkDecodes(frame, src, rng, o);
        if (HasFailure()) return;
    }
}

// Dictionary IDs of every encoded width (1, 2 and 4 bytes in the frame
// header), made with ZDICT_finalizeDictionary.
TEST(Dictionaries, DictIDWidths) {
    Rng rng(12000);
    RefCompressor ref;
    for (unsigned id : {1u, 255u, 256u, 65535u, 65536u, 3000000000u, 0xFFFFFFFFu}) {
        const Bytes dict = finalizeDict(rng, id % 3, id, 8 * 1024);
        ASSERT_EQ(ZSTD_getDictID_fromDict(dict.data(), dict.size()), id);
        Bytes src;
        for (int r = 0; r < 10; r++) {
            const Bytes rec = genRecord(rng, id % 3);
            src.insert(src.end(), rec.begin(), rec.end());
        }
        RefParams p;
        p.level = 3;
        p.checksum = 1;
        RefDict rd;
        rd.mode = RefDict::load;
        rd.bytes = &dict;
        SCOPED_TRACE("dictID " + std::to_string(id));
        const Bytes frame = ref.compress(src, p, rd);
        ZSTD_frameHeader fh;
        ASSERT_EQ(ZSTD_getFrameHeader(&fh, frame.data(), frame.size()), 0u);
        ASSERT_EQ(fh.dictID, id);
        DecodeOptions o;
        o.dict = &dict;
        o.streamRuns = 1;
        checkDecodes(frame, src, rng, o);
        if (HasFailure()) return;
    }
}

// ZSTD_CCtx_refPrefix on the reference side, dctxRefPrefix on zest's: the
// prefix serves one frame only.
TEST(Dictionaries, RefPrefix) {
    Rng rng(13000);
    RefCompressor ref;
    for (int i = 0; i < 12; i++) {
        const Bytes prefix = genMixed(rng, size_t(rng.range(100, 60000)));
        // The data is a variation of the prefix, so it leans on it heavily.
        Bytes src;
        while (src.size() < prefix.size()) {
            const size_t from = size_t(rng.below(prefix.size()));
            const size_t len = std::min<size_t>(prefix.size() - from, size_t(rng.range(8, 3000)));
            src.insert(src.end(), prefix.begin() + from, prefix.begin() + from + len);
            const Bytes noise = genText(rng, size_t(rng.below(40)));
            src.insert(src.end(), noise.begin(), noise.end());
        }
        RefParams p;
        p.level = std::vector<int>{1, 3, 6, 19}[i % 4];
        if (p.level == 19 && src.size() > 20000) p.level = 9;
        p.checksum = i & 1;
        RefDict rd;
        rd.mode = RefDict::prefix;
        rd.bytes = &prefix;
        rd.type = ZSTD_dct_rawContent;
        SCOPED_TRACE(traceOf(Kind::mixed, src.size(), p.level, "prefix"));
        const Bytes frame = ref.compress(src, p, rd);

        ZDCtx d;
        Bytes out;
        ASSERT_FALSE(zest::isError(
            zest::dctxRefPrefix(d, prefix.data(), prefix.size(), zest::DictContentType::rawContent)));
        size_t r = zestOneShot(d, frame, src.size(), &out);
        EXPECT_EQ(r, src.size()) << zdescr(r);
        EXPECT_TRUE(out == src) << "one-shot with prefix differs";

        // The prefix is gone for the next frame: same outcome as the reference's.
        r = zestOneShot(d, frame, src.size(), &out);
        {
            RefDCtx rdc;
            Bytes rout(src.size());
            const size_t rr = ZSTD_decompressDCtx(rdc, rout.data(), rout.size(), frame.data(), frame.size());
            EXPECT_EQ(zcode(r), rcode(rr)) << "second frame without prefix: zest " << zdescr(r) << " ref "
                                           << rdescr(rr);
        }

        // Streaming with the prefix, random splits.
        for (Split mode : {Split::random, Split::whole, Split::stableOut}) {
            ASSERT_FALSE(zest::isError(zest::dctxReset(d, zest::ResetDirective::session_and_parameters)));
            ASSERT_FALSE(zest::isError(
                zest::dctxRefPrefix(d, prefix.data(), prefix.size(), zest::DictContentType::rawContent)));
            const StreamResult s = zestStream(d, frame, rng, mode, src.size());
            EXPECT_EQ(s.error, 0u) << zdescr(s.error);
            EXPECT_TRUE(s.complete);
            EXPECT_TRUE(s.out == src) << "streaming with prefix differs (mode " << int(mode) << ")";
        }

        // A prefix is a raw-content dictionary: every dictionary API takes it.
        DecodeOptions o;
        o.dict = &prefix;
        o.rawDict = true;
        o.streamRuns = 1;
        checkDecodes(frame, src, rng, o);
        if (HasFailure()) return;
    }
}

// DParam::refMultipleDDicts: several DDicts referenced at once, picked per
// frame by dictionary ID.
TEST(Dictionaries, MultipleDDicts) {
    Rng rng(14000);
    const unsigned ids[] = {200, 40000, 3000000000u, 0x12345678};
    std::vector<Bytes> dicts;
    for (unsigned f = 0; f < 4; f++) dicts.push_back(finalizeDict(rng, f, ids[f], 6 * 1024));
    std::vector<std::unique_ptr<ZDDict>> zdds;
    for (const Bytes& dct : dicts) {
        zdds.push_back(std::make_unique<ZDDict>(dct));
        ASSERT_NE(zdds.back()->p, nullptr);
    }

    RefCompressor ref;
    Bytes all, allExpected;
    std::vector<Bytes> frames, sources;
    for (int i = 0; i < 16; i++) {
        const unsigned which = unsigned(rng.below(4));
        Bytes src;
        const unsigned records = unsigned(rng.range(1, 30));
        for (unsigned r = 0; r < records; r++) {
            const Bytes rec = genRecord(rng, which);
            src.insert(src.end(), rec.begin(), rec.end());
        }
        RefParams p;
        p.level = int(rng.range(1, 9));
        p.checksum = int(rng.below(2));
        RefDict rd;
        rd.mode = RefDict::load;
        rd.bytes = &dicts[which];
        const Bytes frame = ref.compress(src, p, rd);
        ASSERT_EQ(ZSTD_getDictID_fromFrame(frame.data(), frame.size()), ids[which]);
        frames.push_back(frame);
        sources.push_back(src);
        all.insert(all.end(), frame.begin(), frame.end());
        allExpected.insert(allExpected.end(), src.begin(), src.end());
    }

    ZDCtx d;
    auto refAll = [&] {
        ASSERT_FALSE(zest::isError(zest::dctxReset(d, zest::ResetDirective::session_and_parameters)));
        zset(d, zest::DParam::refMultipleDDicts, 1);
        for (auto& dd : zdds) ASSERT_FALSE(zest::isError(zest::dctxRefDDict(d, *dd)));
    };
    refAll();
    for (size_t i = 0; i < frames.size(); i++) {
        SCOPED_TRACE("frame " + std::to_string(i));
        Bytes out;
        const size_t r = zestOneShot(d, frames[i], sources[i].size(), &out);
        EXPECT_EQ(r, sources[i].size()) << zdescr(r);
        EXPECT_TRUE(out == sources[i]);
    }
    {
        Bytes out;
        const size_t r = zestOneShot(d, all, allExpected.size(), &out);
        EXPECT_EQ(r, allExpected.size()) << "all frames in one buffer: " << zdescr(r);
        EXPECT_TRUE(out == allExpected);
    }
    for (Split mode : {Split::whole, Split::random, Split::random, Split::stableOut}) {
        refAll();
        const StreamResult s = zestStream(d, all, rng, mode, allExpected.size());
        EXPECT_EQ(s.error, 0u) << zdescr(s.error);
        EXPECT_TRUE(s.complete);
        EXPECT_TRUE(s.out == allExpected) << "streaming with several DDicts differs (mode " << int(mode) << ")";
        EXPECT_EQ(s.zeroAt, frameEnds(all));
    }

    // Without refMultipleDDicts only the last referenced DDict counts: the
    // others' frames fail just as with the reference.
    RefDCtx rdc;
    std::vector<ZSTD_DDict*> rdds;
    for (const Bytes& dct : dicts) rdds.push_back(ZSTD_createDDict(dct.data(), dct.size()));
    ASSERT_FALSE(zest::isError(zest::dctxReset(d, zest::ResetDirective::session_and_parameters)));
    for (auto& dd : zdds) ASSERT_FALSE(zest::isError(zest::dctxRefDDict(d, *dd)));
    for (ZSTD_DDict* rdd : rdds) ASSERT_FALSE(ZSTD_isError(ZSTD_DCtx_refDDict(rdc, rdd)));
    for (size_t i = 0; i < frames.size(); i++) {
        Bytes out, rout(sources[i].size());
        const size_t r = zestOneShot(d, frames[i], sources[i].size(), &out);
        const size_t rr = ZSTD_decompressDCtx(rdc, rout.data(), rout.size(), frames[i].data(), frames[i].size());
        EXPECT_EQ(zcode(r), rcode(rr)) << "frame " << i << ": zest " << zdescr(r) << " ref " << rdescr(rr);
        if (!zest::isError(r)) {
            EXPECT_TRUE(out == sources[i]);
        }
    }
    for (ZSTD_DDict* rdd : rdds) ZSTD_freeDDict(rdd);

    // The reference with refMultipleDDicts decodes the same buffer the same way
    // when streaming. (Its one-shot path is no oracle here: it picks the
    // frame's DDict in ZSTD_decodeFrameHeader, after ZSTD_decompressBegin_usingDDict
    // has already loaded the last-referenced DDict's content and tables, so
    // frames made with another dictionary come out as corruption_detected.
    // zest selects before loading, as streaming does; that is intended.)
    RefDCtx rm;
    ASSERT_FALSE(ZSTD_isError(ZSTD_DCtx_setParameter(rm, ZSTD_d_refMultipleDDicts, ZSTD_rmd_refMultipleDDicts)));
    std::vector<ZSTD_DDict*> rdds2;
    for (const Bytes& dct : dicts) {
        rdds2.push_back(ZSTD_createDDict(dct.data(), dct.size()));
        ASSERT_FALSE(ZSTD_isError(ZSTD_DCtx_refDDict(rm, rdds2.back())));
    }
    Bytes rout(allExpected.size() + 1);
    ZSTD_inBuffer rin{all.data(), all.size(), 0};
    ZSTD_outBuffer rob{rout.data(), rout.size(), 0};
    size_t rr = 1;
    while (rin.pos < rin.size && !ZSTD_isError(rr)) rr = ZSTD_decompressStream(rm, &rob, &rin);
    EXPECT_EQ(rr, 0u) << rdescr(rr);
    EXPECT_EQ(rob.pos, allExpected.size());
    EXPECT_TRUE(std::equal(allExpected.begin(), allExpected.end(), rout.begin()));
    for (ZSTD_DDict* rdd : rdds2) ZSTD_freeDDict(rdd);
}

// ---- Unusual frames from the reference --------------------------------------------------

// Random compression parameters: every strategy, minMatch 3..7, small and
// large hash/chain/search logs, uncompressed literals, superblocks
// (targetCBlockSize), smaller maximum block sizes, and windows of 2^10..2^23.
TEST(Interop, RandomCompressionParameters) {
    Rng rng(15000);
    RefCompressor ref;
    for (int i = 0; i < 120; i++) {
        const Kind kind = Kind(rng.below(5));
        const size_t size = rng.chance(30) ? size_t(rng.below(2000)) : size_t(rng.range(2000, 200000));
        const Bytes src = gen(kind, rng, size);
        RefParams p;
        p.level = int(rng.range(1, 19));
        p.checksum = int(rng.below(2));
        p.contentSize = int(rng.below(4) != 0);
        const int strategy = int(rng.range(1, 9));
        p.extra.push_back({ZSTD_c_strategy, strategy});
        p.extra.push_back({ZSTD_c_windowLog, int(rng.range(10, 23))});
        p.extra.push_back({ZSTD_c_minMatch, int(rng.range(3, 7))});
        p.extra.push_back({ZSTD_c_hashLog, int(rng.range(6, 20))});
        p.extra.push_back({ZSTD_c_chainLog, int(rng.range(6, 20))});
        p.extra.push_back({ZSTD_c_searchLog, int(rng.range(1, 8))});
        p.extra.push_back({ZSTD_c_targetLength, int(rng.range(0, 999))});
        if (strategy >= 7 && size > 50000) p.extra.push_back({ZSTD_c_searchLog, 2});  // keep btultra quick
        if (rng.chance(25)) p.extra.push_back({ZSTD_c_literalCompressionMode, int(rng.range(1, 2))});
        if (rng.chance(25)) p.extra.push_back({ZSTD_c_targetCBlockSize, int(rng.range(1340, 20000))});
        if (rng.chance(25)) p.extra.push_back({ZSTD_c_maxBlockSize, int(rng.range(1024, 128 * 1024))});
        if (rng.chance(15)) p.extra.push_back({ZSTD_c_useBlockSplitter, int(rng.range(1, 2))});
        std::string desc = "params:";
        for (const auto& [k, v] : p.extra) desc += " " + std::to_string(int(k)) + "=" + std::to_string(v);
        SCOPED_TRACE(traceOf(kind, size, p.level, desc.c_str()));
        const Bytes frame = rng.chance(30) ? ref.compressStream(src, p, rng) : ref.compress(src, p);
        ASSERT_FALSE(frame.empty());
        DecodeOptions o;
        o.streamRuns = 1;
        o.oneByte = size < 300;
        o.bufferless = i % 2 == 0;
        checkDecodes(frame, src, rng, o);
        if (HasFailure()) return;
    }
}

namespace {

// Builds content and the sequences that describe it: overlapping copies
// (offset 1..16), repeats of the last offsets (with and without literals,
// so every repeat-code case appears), far matches, very long matches and
// literal runs. The reference encodes them with ZSTD_compressSequences.
void makeSequences(Rng& rng, size_t target, unsigned windowLog, Bytes* src, std::vector<ZSTD_Sequence>* seqs) {
    const size_t window = size_t(1) << windowLog;
    std::vector<unsigned> recent = {1, 4, 8};
    while (src->size() < target) {
        size_t ll;
        const uint64_t lp = rng.below(100);
        ll = lp < 30 ? 0 : lp < 80 ? size_t(rng.range(1, 20)) : lp < 97 ? size_t(rng.range(21, 400))
                                                                   : size_t(rng.range(400, 70000));
        if (src->empty() && ll == 0) ll = 1;
        const Bytes lits = rng.chance(50) ? genText(rng, ll) : genRandom(rng, ll);
        src->insert(src->end(), lits.begin(), lits.end());
        const size_t pos = src->size();
        const size_t maxOff = std::min(pos, window - 1);
        unsigned off;
        const uint64_t op = rng.below(100);
        if (op < 45) {
            off = recent[rng.below(3)];
        } else if (op < 55) {
            off = recent[0] > 1 ? recent[0] - 1 : 1;
        } else if (op < 75) {
            off = unsigned(rng.range(1, 16));
        } else {
            off = unsigned(rng.range(1, maxOff));
        }
        if (off > maxOff) off = unsigned(rng.range(1, maxOff));
        size_t ml;
        const uint64_t mp = rng.below(100);
        ml = mp < 60 ? size_t(rng.range(3, 10)) : mp < 90 ? size_t(rng.range(11, 200))
                                                : mp < 98 ? size_t(rng.range(200, 5000))
                                                          : size_t(rng.range(5000, 140000));
        for (size_t i = 0; i < ml; i++) src->push_back((*src)[src->size() - off]);
        seqs->push_back(ZSTD_Sequence{off, unsigned(ll), unsigned(ml), 0});
        if (off != recent[0]) {
            recent.insert(recent.begin(), off);
            recent.resize(3);
        }
    }
    const Bytes tail = genText(rng, size_t(rng.below(100)));  // last literals, implied
    src->insert(src->end(), tail.begin(), tail.end());
}

}  // namespace

TEST(Interop, CraftedSequences) {
    Rng rng(16000);
    RefCompressor ref;
    int encoded = 0;
    for (int i = 0; i < 90; i++) {
        const unsigned windowLog = unsigned(rng.range(12, 20));
        const size_t target = rng.chance(30) ? size_t(rng.range(10, 3000)) : size_t(rng.range(3000, 400000));
        Bytes src;
        std::vector<ZSTD_Sequence> seqs;
        makeSequences(rng, target, windowLog, &src, &seqs);
        ZSTD_CCtx* c = ref.get();
        ZSTD_CCtx_reset(c, ZSTD_reset_session_and_parameters);
        ZSTD_CCtx_setParameter(c, ZSTD_c_compressionLevel, int(rng.range(1, 19)));
        ZSTD_CCtx_setParameter(c, ZSTD_c_windowLog, int(windowLog));
        ZSTD_CCtx_setParameter(c, ZSTD_c_minMatch, 3);
        ZSTD_CCtx_setParameter(c, ZSTD_c_checksumFlag, int(rng.below(2)));
        ZSTD_CCtx_setParameter(c, ZSTD_c_validateSequences, 1);
        ZSTD_CCtx_setParameter(c, ZSTD_c_blockDelimiters, ZSTD_sf_noBlockDelimiters);
        if (rng.chance(30)) ZSTD_CCtx_setParameter(c, ZSTD_c_literalCompressionMode, ZSTD_ps_disable);
        Bytes frame(ZSTD_compressBound(src.size()) + 1024);
        const size_t n = ZSTD_compressSequences(c, frame.data(), frame.size(), seqs.data(), seqs.size(), src.data(),
                                                src.size());
        SCOPED_TRACE("crafted sequences #" + std::to_string(i) + ": " + std::to_string(seqs.size()) +
                     " sequences, " + std::to_string(src.size()) + " bytes, windowLog " + std::to_string(windowLog));
        if (ZSTD_isError(n)) {
            // The generator may produce a sequence set the encoder refuses
            // (e.g. a match split at a block edge below minMatch); skip it.
            continue;
        }
        frame.resize(n);
        encoded++;
        DecodeOptions o;
        o.streamRuns = 1;
        o.oneByte = src.size() < 400;
        checkDecodes(frame, src, rng, o);
        if (HasFailure()) return;
    }
    EXPECT_GE(encoded, 70) << "too few sequence sets were accepted by ZSTD_compressSequences";
}
