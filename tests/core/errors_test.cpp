// Error reporting: the error strings, and the error code zest gives for
// specific bad inputs and misuses, compared with the reference's
// ZSTD_getErrorCode for the same input.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "support.h"

using namespace zt;

namespace {

// Outcome of decoding with the reference's streaming API: all input at once,
// output as large as needed, until it finishes, fails or stalls.
struct RefStreamResult {
    size_t error = 0;
    bool complete = false;
    Bytes out;
};

RefStreamResult refStream(const Bytes& src, size_t outCapacity, const Bytes* dict = nullptr, int windowLogMax = 0,
                          bool ignoreChecksum = false) {
    RefStreamResult res;
    RefDCtx d;
    if (dict) ZSTD_DCtx_loadDictionary(d, dict->data(), dict->size());
    if (windowLogMax) ZSTD_DCtx_setParameter(d, ZSTD_d_windowLogMax, windowLogMax);
    if (ignoreChecksum) ZSTD_DCtx_setParameter(d, ZSTD_d_forceIgnoreChecksum, ZSTD_d_ignoreChecksum);
    Bytes buf(outCapacity + 1);
    ZSTD_inBuffer in{src.data(), src.size(), 0};
    for (int idle = 0; idle < 3;) {
        ZSTD_outBuffer out{buf.data(), buf.size(), 0};
        const size_t before = in.pos;
        const size_t r = ZSTD_decompressStream(d, &out, &in);
        if (ZSTD_isError(r)) {
            res.error = r;
            break;
        }
        res.out.insert(res.out.end(), buf.begin(), buf.begin() + out.pos);
        if (r == 0 && in.pos == in.size) {
            res.complete = true;
            break;
        }
        idle = (in.pos == before && out.pos == 0) ? idle + 1 : 0;
    }
    return res;
}

// zest streaming with the same setup, all input at once.
StreamResult zStream(const Bytes& src, size_t outCapacity, const Bytes* dict = nullptr, int windowLogMax = 0,
                     bool ignoreChecksum = false, Split mode = Split::whole, uint64_t seed = 1) {
    Rng rng(seed);
    ZDCtx d;
    if (dict) {
        EXPECT_FALSE(zest::isError(zest::dctxLoadDictionary(d, dict->data(), dict->size(),
                                                            zest::DictLoadMethod::byCopy,
                                                            zest::DictContentType::autoDetect)));
    }
    if (windowLogMax) zset(d, zest::DParam::windowLogMax, windowLogMax);
    if (ignoreChecksum) zset(d, zest::DParam::forceIgnoreChecksum, 1);
    return zestStream(d, src, rng, mode, outCapacity);
}

// One-shot decode by both; the outcomes (error code, or size and bytes) must match.
void expectSameOneShot(const Bytes& src, size_t capacity, const std::string& what, const Bytes* dict = nullptr,
                       bool ignoreChecksum = false) {
    Bytes rout;
    const size_t rr = refDecompress(src, capacity, &rout, dict, false, ignoreChecksum);
    ZDCtx d;
    if (dict) {
        ASSERT_FALSE(zest::isError(zest::dctxLoadDictionary(d, dict->data(), dict->size(), zest::DictLoadMethod::byCopy,
                                                            zest::DictContentType::autoDetect)));
    }
    if (ignoreChecksum) zset(d, zest::DParam::forceIgnoreChecksum, 1);
    Bytes zout;
    const size_t zr = zestOneShot(d, src, capacity, &zout);
    EXPECT_EQ(zcode(zr), rcode(rr)) << what << ": zest " << zdescr(zr) << ", reference " << rdescr(rr);
    if (!zest::isError(zr) && !ZSTD_isError(rr)) {
        EXPECT_EQ(zr, rr) << what;
        EXPECT_TRUE(zout == rout) << what << ": outputs differ";
    }
}

// Both streaming decoders must end the same way: same error, or both
// complete with the same output, or both waiting for more input.
void expectSameStreaming(const Bytes& src, size_t capacity, const std::string& what, const Bytes* dict = nullptr,
                         int windowLogMax = 0, bool ignoreChecksum = false) {
    const RefStreamResult r = refStream(src, capacity, dict, windowLogMax, ignoreChecksum);
    const StreamResult z = zStream(src, capacity, dict, windowLogMax, ignoreChecksum);
    EXPECT_EQ(zcode(z.error), rcode(r.error))
        << what << " (streaming): zest " << zdescr(z.error) << ", reference " << rdescr(r.error);
    EXPECT_EQ(z.complete, r.complete) << what << " (streaming)";
    if (z.complete && r.complete) {
        EXPECT_TRUE(z.out == r.out) << what << " (streaming): outputs differ";
    } else if (!z.error && !r.error) {
        // Both wait for more input. How much of an unfinished block has been
        // handed out may differ (the reference streams raw blocks as they
        // arrive, zest waits for the whole block), but never the bytes.
        const size_t n = std::min(z.out.size(), r.out.size());
        EXPECT_TRUE(std::equal(z.out.begin(), z.out.begin() + n, r.out.begin()))
            << what << " (streaming, unfinished): outputs differ";
    }
}

Bytes bytesOf(std::initializer_list<int> v) {
    Bytes b;
    for (int x : v) b.push_back(uint8_t(x));
    return b;
}

// A frame with one compressed block holding only a Huffman-compressed literals
// section (single stream, 3-byte header) and zero sequences.
Bytes literalsOnlyFrame(const Bytes& tree, const Bytes& stream, unsigned nbLiterals) {
    Bytes f = bytesOf({0x28, 0xB5, 0x2F, 0xFD, 0x20, int(nbLiterals)});  // single segment, 1-byte size
    const unsigned comp = unsigned(tree.size() + stream.size());
    const unsigned blockSize = 3 + comp + 1;
    const unsigned bh = 1 | (2 << 1) | (blockSize << 3);
    f.push_back(uint8_t(bh));
    f.push_back(uint8_t(bh >> 8));
    f.push_back(uint8_t(bh >> 16));
    const unsigned lh = 2 | (nbLiterals << 4) | (comp << 14);
    f.push_back(uint8_t(lh));
    f.push_back(uint8_t(lh >> 8));
    f.push_back(uint8_t(lh >> 16));
    f.insert(f.end(), tree.begin(), tree.end());
    f.insert(f.end(), stream.begin(), stream.end());
    f.push_back(0);  // no sequences
    return f;
}

struct Sample {
    std::string name;
    Bytes src;
    Bytes frame;
};

// A few frames of different make (raw, RLE and compressed blocks, one or
// several blocks, with and without checksum and content size).
std::vector<Sample> sampleFrames() {
    Rng rng(21000);
    RefCompressor ref;
    std::vector<Sample> v;
    auto add = [&](std::string name, Bytes src, RefParams p, bool streamed = false) {
        Bytes frame = streamed ? ref.compressStream(src, p, rng) : ref.compress(src, p);
        v.push_back({std::move(name), std::move(src), std::move(frame)});
    };
    RefParams p;
    add("empty", {}, p);
    p.checksum = 1;
    add("empty+checksum", {}, p);
    add("text100+checksum", genText(rng, 100), p);
    p.checksum = 0;
    add("random300 (raw block)", genRandom(rng, 300), p);
    add("zeros5000 (rle)", genZeros(5000), p);
    p.level = 19;
    add("binary3000 level19", genBinary(rng, 3000), p);
    p.level = 1;
    p.contentSize = 0;
    add("text2000 no size", genText(rng, 2000), p);
    p.contentSize = 1;
    p.checksum = 1;
    add("mixed300K multi-block", genMixed(rng, 300 * 1024), p);
    add("mixed40K streamed", genMixed(rng, 40000), p, true);
    return v;
}

}  // namespace

// ---- Error strings ---------------------------------------------------------------------

TEST(ErrorStrings, MatchReferenceForEveryCode) {
    for (int code = 0; code <= 120; code++) {
        const std::string z = zest::errorString(zest::ErrorCode(code));
        if (code == 49) {
            // ZSTD_error_cannotProduce_uncompressedBlock is new in 1.5.7; 1.5.4
            // has no message for it.
            EXPECT_EQ(z, "This mode cannot generate an uncompressed block");
            continue;
        }
        const std::string r = ZSTD_getErrorString(ZSTD_ErrorCode(code));
        EXPECT_EQ(z, r) << "code " << code;
    }
    // errorName() of a result goes through the same table.
    EXPECT_STREQ(zest::errorName(ZEST_ERR(checksum_wrong)), ZSTD_getErrorName(size_t(0) - ZSTD_error_checksum_wrong));
    EXPECT_STREQ(zest::errorName(0), ZSTD_getErrorName(0));
    EXPECT_STREQ(zest::errorName(12345), ZSTD_getErrorName(12345));
}

TEST(ErrorStrings, ErrorEncoding) {
    for (int code : {1, 10, 20, 22, 70, 72, 119}) {
        const size_t r = size_t(0) - size_t(code);
        EXPECT_TRUE(zest::isError(r));
        EXPECT_TRUE(ZSTD_isError(r) != 0);
        EXPECT_EQ(int(zest::errorCodeOf(r)), int(ZSTD_getErrorCode(r)));
    }
    // (size_t)-120, ZSTD_error_maxCode itself, is not an error value.
    for (size_t r : {size_t(0), size_t(1), size_t(1) << 40, size_t(0) - 120, size_t(0) - 121}) {
        EXPECT_EQ(zest::isError(r), ZSTD_isError(r) != 0) << r;
        EXPECT_EQ(int(zest::errorCodeOf(r)), int(ZSTD_getErrorCode(r))) << r;
    }
}

// ---- Inputs ---------------------------------------------------------------------------------

TEST(DecodeErrors, EmptyInput) {
    Bytes out(16);
    const size_t z = zest::decompress(out.data(), out.size(), out.data(), 0);
    const size_t r = ZSTD_decompress(out.data(), out.size(), out.data(), 0);
    EXPECT_EQ(z, r) << zdescr(z) << " vs " << rdescr(r);
    const size_t z2 = zest::decompress(out.data(), out.size(), nullptr, 0);
    const size_t r2 = ZSTD_decompress(out.data(), out.size(), nullptr, 0);
    EXPECT_EQ(z2, r2) << zdescr(z2) << " vs " << rdescr(r2);
    const size_t z3 = zest::decompress(nullptr, 0, nullptr, 0);
    const size_t r3 = ZSTD_decompress(nullptr, 0, nullptr, 0);
    EXPECT_EQ(z3, r3) << zdescr(z3) << " vs " << rdescr(r3);
    expectSameStreaming({}, 16, "empty input");
}

// Every truncation of the sample frames (all lengths for small frames, a
// spread for the large one) gives the reference's error code.
TEST(DecodeErrors, Truncation) {
    Rng rng(22000);
    for (const Sample& s : sampleFrames()) {
        std::vector<size_t> lengths;
        if (s.frame.size() <= 4096) {
            for (size_t n = 0; n < s.frame.size(); n++) lengths.push_back(n);
        } else {
            for (size_t n = 0; n < 64; n++) lengths.push_back(n);
            for (size_t n = s.frame.size() - 64; n < s.frame.size(); n++) lengths.push_back(n);
            for (int i = 0; i < 100; i++) lengths.push_back(size_t(rng.below(s.frame.size())));
        }
        for (size_t n : lengths) {
            const Bytes cut(s.frame.begin(), s.frame.begin() + n);
            const std::string what = s.name + " cut to " + std::to_string(n);
            expectSameOneShot(cut, s.src.size(), what);
            // Streaming never finishes a truncated frame and never writes more
            // than the matching prefix of the content.
            const StreamResult z = zStream(cut, s.src.size(), nullptr, 0, false, Split::random, n);
            if (n > 0) {
                EXPECT_FALSE(z.complete) << what;
            }
            EXPECT_LE(z.out.size(), s.src.size()) << what;
            EXPECT_TRUE(std::equal(z.out.begin(), z.out.end(), s.src.begin())) << what << ": streamed prefix differs";
            if (n < 24 || n + 8 > s.frame.size()) expectSameStreaming(cut, s.src.size(), what);
            if (HasFailure()) return;
        }
    }
}

TEST(DecodeErrors, WrongMagic) {
    for (const Sample& s : sampleFrames()) {
        for (int byte = 0; byte < 4; byte++) {
            Bytes f = s.frame;
            f[size_t(byte)] ^= 0x40;
            const std::string what = s.name + " magic byte " + std::to_string(byte);
            expectSameOneShot(f, s.src.size(), what);
            expectSameStreaming(f, s.src.size(), what);
        }
    }
}

// Inputs of 5 to 8 bytes that do not start with a magic number. The reference
// checks that a frame can hold a header and a block header (9 bytes with the
// magic) before it looks at the magic number, so it says srcSize_wrong here.
TEST(DecodeErrors, ShortInputWithWrongMagic) {
    Rng rng(22500);
    for (size_t n = 1; n <= 12; n++) {
        for (int rep = 0; rep < 4; rep++) {
            Bytes f = genRandom(rng, n);
            if (rep == 0) std::fill(f.begin(), f.end(), 0);
            const std::string what = std::to_string(n) + " bytes, no magic (rep " + std::to_string(rep) + ")";
            expectSameOneShot(f, 100, what);
        }
    }
    // A magicless frame decoded as a regular one.
    RefCompressor ref;
    RefParams p;
    p.magicless = true;
    for (size_t size : {size_t(0), size_t(3), size_t(50)}) {
        Rng r2(size);
        const Bytes frame = ref.compress(genText(r2, size), p);
        expectSameOneShot(frame, 100, "magicless frame of " + std::to_string(size) + " bytes read as zstd1");
    }
}

TEST(DecodeErrors, ReservedBitSet) {
    for (const Sample& s : sampleFrames()) {
        Bytes f = s.frame;
        f[4] |= 0x08;  // Frame_Header_Descriptor bit 3: reserved, must be 0
        const std::string what = s.name + " with reserved bit";
        expectSameOneShot(f, s.src.size(), what);
        expectSameStreaming(f, s.src.size(), what);
        zest::FrameHeader zh;
        ZSTD_frameHeader rh;
        const size_t z = zest::getFrameHeader(&zh, f.data(), f.size(), zest::Format::zstd1);
        const size_t r = ZSTD_getFrameHeader(&rh, f.data(), f.size());
        EXPECT_EQ(z, r) << what << ": getFrameHeader " << zdescr(z) << " vs " << rdescr(r);
        EXPECT_EQ(zcode(z), int(zest::ErrorCode::frameParameter_unsupported)) << what;
    }
}

TEST(DecodeErrors, DestinationTooSmall) {
    for (const Sample& s : sampleFrames()) {
        if (s.src.empty()) continue;
        for (size_t cap : {size_t(0), size_t(1), s.src.size() / 2, s.src.size() - 1}) {
            const std::string what = s.name + " into " + std::to_string(cap) + " bytes";
            expectSameOneShot(s.frame, cap, what);
            Bytes out(cap);
            const size_t z = zest::decompress(out.data(), cap, s.frame.data(), s.frame.size());
            EXPECT_EQ(zcode(z), int(zest::ErrorCode::dstSize_tooSmall)) << what << ": " << zdescr(z);
        }
    }
}

TEST(DecodeErrors, BadChecksum) {
    for (const Sample& s : sampleFrames()) {
        ZSTD_frameHeader fh;
        ASSERT_EQ(ZSTD_getFrameHeader(&fh, s.frame.data(), s.frame.size()), 0u);
        if (!fh.checksumFlag) continue;
        for (int bit = 0; bit < 32; bit += 7) {
            Bytes f = s.frame;
            f[f.size() - 4 + size_t(bit / 8)] ^= uint8_t(1u << (bit % 8));
            const std::string what = s.name + " checksum bit " + std::to_string(bit);
            expectSameOneShot(f, s.src.size(), what);
            Bytes out;
            ZDCtx d;
            size_t z = zestOneShot(d, f, s.src.size(), &out);
            EXPECT_EQ(zcode(z), int(zest::ErrorCode::checksum_wrong)) << what << ": " << zdescr(z);
            expectSameStreaming(f, s.src.size(), what);
            const StreamResult zs = zStream(f, s.src.size(), nullptr, 0, false, Split::random, 7);
            EXPECT_EQ(zcode(zs.error), int(zest::ErrorCode::checksum_wrong)) << what << " (random splits)";

            // DParam::forceIgnoreChecksum accepts it, as ZSTD_d_forceIgnoreChecksum does.
            expectSameOneShot(f, s.src.size(), what + " ignored", nullptr, true);
            ZDCtx di;
            zset(di, zest::DParam::forceIgnoreChecksum, 1);
            z = zestOneShot(di, f, s.src.size(), &out);
            EXPECT_EQ(z, s.src.size()) << what << " ignored: " << zdescr(z);
            EXPECT_TRUE(out == s.src);
            expectSameStreaming(f, s.src.size(), what + " ignored", nullptr, 0, true);
            const StreamResult zi = zStream(f, s.src.size(), nullptr, 0, true, Split::random, 8);
            EXPECT_EQ(zi.error, 0u) << zdescr(zi.error);
            EXPECT_TRUE(zi.complete && zi.out == s.src) << what << " ignored (random splits)";

            // The bufferless API checks it too.
            ZDCtx b;
            zest::decompressBegin(b);
            RefDCtx rb;
            ZSTD_decompressBegin(rb);
            Bytes zo(s.src.size() + 1), ro(s.src.size() + 1);
            size_t pos = 0, zop = 0, rop = 0, zlast = 0, rlast = 0;
            while (size_t n = zest::nextSrcSizeToDecompress(b)) {
                ASSERT_LE(pos + n, f.size());
                zlast = zest::decompressContinue(b, zo.data() + zop, zo.size() - zop, f.data() + pos, n);
                rlast = ZSTD_decompressContinue(rb, ro.data() + rop, ro.size() - rop, f.data() + pos, n);
                ASSERT_EQ(zcode(zlast), rcode(rlast)) << what << " bufferless at " << pos;
                if (zest::isError(zlast)) break;
                zop += zlast;
                rop += rlast;
                pos += n;
            }
            EXPECT_EQ(zcode(zlast), int(zest::ErrorCode::checksum_wrong)) << what << " bufferless";
        }
    }
}

TEST(DecodeErrors, Dictionaries) {
    Rng rng(23000);
    const Bytes dictA = finalizeDict(rng, 0, 1111, 4096);
    const Bytes dictB = finalizeDict(rng, 1, 2222, 4096);
    const Bytes rawDict = genText(rng, 4096);
    RefCompressor ref;
    Bytes src;
    for (int i = 0; i < 20; i++) {
        const Bytes rec = genRecord(rng, 0);
        src.insert(src.end(), rec.begin(), rec.end());
    }
    RefParams p;
    RefDict rd;
    rd.mode = RefDict::load;
    rd.bytes = &dictA;
    const Bytes frame = ref.compress(src, p, rd);
    ASSERT_EQ(ZSTD_getDictID_fromFrame(frame.data(), frame.size()), 1111u);

    expectSameOneShot(frame, src.size(), "no dictionary");
    expectSameOneShot(frame, src.size(), "wrong dictionary", &dictB);
    expectSameOneShot(frame, src.size(), "raw dictionary for a frame that names one", &rawDict);
    expectSameOneShot(frame, src.size(), "right dictionary", &dictA);
    expectSameStreaming(frame, src.size(), "no dictionary");
    expectSameStreaming(frame, src.size(), "wrong dictionary", &dictB);
    expectSameStreaming(frame, src.size(), "right dictionary", &dictA);
    {
        Bytes out;
        ZDCtx d;
        EXPECT_EQ(zcode(zestOneShot(d, frame, src.size(), &out)), int(zest::ErrorCode::dictionary_wrong));
        ZDDict wrong(dictB);
        Bytes buf(src.size());
        const size_t z = zest::decompressUsingDDict(d, buf.data(), buf.size(), frame.data(), frame.size(), wrong);
        EXPECT_EQ(zcode(z), int(zest::ErrorCode::dictionary_wrong)) << zdescr(z);
        ZSTD_DDict* rwrong = ZSTD_createDDict(dictB.data(), dictB.size());
        RefDCtx r;
        const size_t rr = ZSTD_decompress_usingDDict(r, buf.data(), buf.size(), frame.data(), frame.size(), rwrong);
        EXPECT_EQ(zcode(z), rcode(rr)) << zdescr(z) << " vs " << rdescr(rr);
        ZSTD_freeDDict(rwrong);
    }

    // Dictionary creation: a formatted dictionary with corrupted tables, and
    // raw content forced to be a full dictionary.
    for (size_t at : {size_t(9), size_t(20), size_t(60), size_t(100)}) {
        Bytes bad = dictA;
        for (size_t i = at; i < at + 8; i++) bad[i] = 0xFF;
        ZSTD_DDict* r = ZSTD_createDDict(bad.data(), bad.size());
        ZDDict z(bad);
        EXPECT_EQ(z.p == nullptr, r == nullptr) << "corrupted dictionary tables at " << at;
        ZSTD_freeDDict(r);
    }
    {
        ZDDict z(rawDict, zest::DictLoadMethod::byCopy, zest::DictContentType::fullDict);
        ZSTD_DDict* r = ZSTD_createDDict_advanced(rawDict.data(), rawDict.size(), ZSTD_dlm_byCopy, ZSTD_dct_fullDict,
                                                  ZSTD_defaultCMem);
        EXPECT_EQ(z.p == nullptr, r == nullptr) << "raw content as fullDict";
        ZSTD_freeDDict(r);
    }
}

TEST(DecodeErrors, WindowTooLargeForStreaming) {
    Rng rng(24000);
    RefCompressor ref;
    const Bytes src = genMixed(rng, 100000);
    RefParams p;
    p.windowLog = 20;
    const Bytes frame = ref.compressStream(src, p, rng);  // no content size: window descriptor 2^20
    ZSTD_frameHeader fh;
    ASSERT_EQ(ZSTD_getFrameHeader(&fh, frame.data(), frame.size()), 0u);
    ASSERT_EQ(fh.windowSize, 1ull << 20);
    for (int wmax : {10, 15, 19, 20, 21, 27}) {
        const std::string what = "windowLogMax " + std::to_string(wmax);
        expectSameStreaming(frame, src.size(), what, nullptr, wmax);
        const StreamResult z = zStream(frame, src.size(), nullptr, wmax, false, Split::random, 5);
        if (wmax < 20) {
            EXPECT_EQ(zcode(z.error), int(zest::ErrorCode::frameParameter_windowTooLarge)) << what;
        } else {
            EXPECT_TRUE(z.complete && z.out == src) << what;
        }
    }
    // dctxSetMaxWindowSize works in bytes.
    {
        ZDCtx d;
        ASSERT_FALSE(zest::isError(zest::dctxSetMaxWindowSize(d, (size_t(1) << 20) - 1)));
        Rng r(1);
        const StreamResult z = zestStream(d, frame, r, Split::whole, src.size());
        EXPECT_EQ(zcode(z.error), int(zest::ErrorCode::frameParameter_windowTooLarge));
    }

    // A hand-made frame announcing a 2^31 window (and no content size) for
    // 10 bytes: one-shot decodes it, streaming refuses it by default.
    const Bytes huge = bytesOf({0x28, 0xB5, 0x2F, 0xFD, 0x00, (31 - 10) << 3, 0x51, 0x00, 0x00, '0', '1', '2', '3',
                                '4', '5', '6', '7', '8', '9'});
    expectSameOneShot(huge, 10, "2^31 window, one-shot");
    expectSameStreaming(huge, 10, "2^31 window, streaming");
    expectSameStreaming(huge, 10, "2^31 window, streaming with windowLogMax 31", nullptr, 31);
    const StreamResult z = zStream(huge, 10);
    EXPECT_EQ(zcode(z.error), int(zest::ErrorCode::frameParameter_windowTooLarge));
}

TEST(DecodeErrors, GarbageAfterFrame) {
    Rng rng(25000);
    for (const Sample& s : sampleFrames()) {
        if (s.frame.size() > 10000) continue;
        for (size_t n : {size_t(1), size_t(3), size_t(4), size_t(5), size_t(8), size_t(9), size_t(20), size_t(100)}) {
            for (int kind = 0; kind < 3; kind++) {
                Bytes f = s.frame;
                Bytes g = kind == 0 ? genRandom(rng, n) : Bytes(n, uint8_t(kind == 1 ? 0 : 0x28));
                if (kind == 2 && n >= 4) {  // a partial or bad copy of the magic
                    g[1] = 0xB5;
                    g[2] = 0x2F;
                    g[3] = 0xFE;
                }
                f.insert(f.end(), g.begin(), g.end());
                const std::string what = s.name + " + " + std::to_string(n) + " bytes of garbage (" +
                                         std::to_string(kind) + ")";
                expectSameOneShot(f, s.src.size() + 200, what);
                expectSameStreaming(f, s.src.size() + 200, what);
            }
        }
    }
}

// Corrupted block structure in hand-made frames.
TEST(DecodeErrors, MalformedBlocks) {
    // Reserved block type 3.
    expectSameOneShot(bytesOf({0x28, 0xB5, 0x2F, 0xFD, 0x20, 0x05, 0x07, 0x00, 0x00, 1, 2, 3, 4, 5}), 10,
                      "block type 3");
    // Raw block larger than the window of a single-segment frame (content size 5).
    expectSameOneShot(bytesOf({0x28, 0xB5, 0x2F, 0xFD, 0x20, 0x05, 0x31, 0x00, 0x00, 1, 2, 3, 4, 5, 6}), 10,
                      "block larger than the window");
    // Content size says 6, the block holds 5.
    expectSameOneShot(bytesOf({0x28, 0xB5, 0x2F, 0xFD, 0x20, 0x06, 0x29, 0x00, 0x00, 1, 2, 3, 4, 5}), 10,
                      "content size mismatch (short)");
    // Content size says 4, the block holds 5.
    expectSameOneShot(bytesOf({0x28, 0xB5, 0x2F, 0xFD, 0x20, 0x04, 0x29, 0x00, 0x00, 1, 2, 3, 4, 5}), 10,
                      "content size mismatch (long)");
    // Non-last block followed by nothing.
    expectSameOneShot(bytesOf({0x28, 0xB5, 0x2F, 0xFD, 0x20, 0x05, 0x28, 0x00, 0x00, 1, 2, 3, 4, 5}), 10,
                      "missing last block");
    // RLE block of 200 bytes into a frame of content size 100.
    expectSameOneShot(bytesOf({0x28, 0xB5, 0x2F, 0xFD, 0x20, 100, 0x43, 0x06, 0x00, 7}), 300, "RLE overflow");
    // Compressed block with an empty body.
    expectSameOneShot(bytesOf({0x28, 0xB5, 0x2F, 0xFD, 0x20, 0x05, 0x05, 0x00, 0x00}), 10, "empty compressed block");
    // Skippable frames cut short.
    expectSameOneShot(bytesOf({0x50, 0x2A, 0x4D, 0x18, 0x05, 0x00, 0x00, 0x00, 1, 2}), 10, "short skippable frame");
    expectSameOneShot(bytesOf({0x5F, 0x2A, 0x4D, 0x18, 0x00}), 10, "skippable header cut");
    expectSameStreaming(bytesOf({0x50, 0x2A, 0x4D, 0x18, 0x05, 0x00, 0x00, 0x00, 1, 2}), 10, "short skippable");
}

// Inputs with two faults at once: which one is reported follows the order of
// the reference's checks. ZSTD_decompressFrame first makes sure the input can
// hold the frame header plus a block header, and each block's announced size,
// before it interprets the header or the block; ZSTD_decodeLiteralsBlock
// rejects repeat-mode literals without a previous table before it reads sizes.
TEST(DecodeErrors, CheckOrderOnDoublyBadInput) {
    // Reserved bit set, and 19 bytes cannot hold the 17-byte header + a block header.
    expectSameOneShot(bytesOf({0x28, 0xB5, 0x2F, 0xFD, 0xFF, 0xFF, 0x0A, 0x4D, 0x00, 0x00, 0x10, 0x00, 0x00, 0x30,
                               0x00, 0xB3, 0xF3, 0x01, 0x16}),
                      100, "reserved bit, input shorter than header + block header");
    // A dictionary ID (none loaded), and 9 bytes cannot hold the 8-byte header + a block header.
    expectSameOneShot(bytesOf({0x28, 0xB5, 0x2F, 0xFD, 0x61, 0xF0, 0x3D, 0x30, 0x3E}), 100,
                      "dictionary ID, input shorter than header + block header");
    // Window descriptor beyond 2^31, 8 bytes in all.
    expectSameOneShot(bytesOf({0x28, 0xB5, 0x2F, 0xFD, 0x00, 0xF8, 0x01, 0x00}), 100,
                      "window too large, input shorter than header + block header");
    // A raw block of 100 bytes in a 5-byte single-segment frame, with 5 bytes present.
    expectSameOneShot(bytesOf({0x28, 0xB5, 0x2F, 0xFD, 0x20, 0x05, 0x21, 0x03, 0x00, 1, 2, 3, 4, 5}), 100,
                      "block larger than blockSizeMax and than the input left");
    // Repeat-mode (treeless) literals in the first block, with impossible sizes.
    expectSameOneShot(bytesOf({0x28, 0xB5, 0x2F, 0xFD, 0x20, 0x14, 0x35, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xFF,
                               0xFF, 0x00}),
                      100, "treeless literals without a table, sizes out of range");
    // The same with plausible sizes: both say dictionary_corrupted.
    expectSameOneShot(bytesOf({0x28, 0xB5, 0x2F, 0xFD, 0x20, 0x14, 0x35, 0x00, 0x00, 0x53, 0x80, 0x00, 0x00, 0x00,
                               0x00}),
                      100, "treeless literals without a table");
}

// Huffman tables at the edges of what the reference accepts.
TEST(DecodeErrors, HuffmanTableLimits) {
    // Weights 1,1,2,..,11 (given) plus an implied 12: codes up to 12 bits
    // (tableLog 12). The reference's HUF_TABLELOG_MAX is 12 and it decodes
    // this. 40 literals all coded '1' (the weight-12 symbol, 12). (The frame's
    // content is larger than its block, so that the block fits the window.)
    const Bytes tree = bytesOf({0x8B, 0x11, 0x23, 0x45, 0x67, 0x89, 0xAB});
    const Bytes log12 = literalsOnlyFrame(tree, bytesOf({0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01}), 40);
    expectSameOneShot(log12, 64, "Huffman tableLog 12");
    expectSameStreaming(log12, 64, "Huffman tableLog 12");
    // The same table with codes '1' (12) and '01' (11) mixed.
    const Bytes log12mix = literalsOnlyFrame(tree, bytesOf({0xB7, 0xFF, 0xFF, 0xFF, 0xFF, 0x01}), 38);
    expectSameOneShot(log12mix, 64, "Huffman tableLog 12, mixed codes");
    {
        Bytes out;
        ASSERT_FALSE(ZSTD_isError(refDecompress(log12mix, 64, &out)));
        EXPECT_EQ(std::count(out.begin(), out.end(), 11), 2);  // the oracle did decode both codes
    }

    // Two symbols of weight 11 and none of weight 1: the reference requires
    // at least two weight-1 symbols (an even number) and calls this corruption.
    const Bytes noRank1 = literalsOnlyFrame(bytesOf({0x80, 0xB0}), bytesOf({0xA5, 0x01}), 8);
    expectSameOneShot(noRank1, 64, "Huffman table without weight-1 symbols");
    expectSameStreaming(noRank1, 64, "Huffman table without weight-1 symbols");
}

// ---- Context misuse and parameters ------------------------------------------------------

TEST(ParameterErrors, BoundsMatchReference) {
    // Only the parameters Debian's 1.5.4 knows (maxBlockSize is newer).
    for (int param : {100, 1000, 1001, 1002, 1003, 1004}) {
        const zest::Bounds z = zest::dParamBounds(param);
        const ZSTD_bounds r = ZSTD_dParam_getBounds(ZSTD_dParameter(param));
        EXPECT_EQ(z.error, r.error) << "param " << param;
        EXPECT_EQ(z.lowerBound, r.lowerBound) << "param " << param;
        EXPECT_EQ(z.upperBound, r.upperBound) << "param " << param;
        for (int v : {-1, 0, 1, 2, 9, 10, 27, 31, 32}) {
            ZDCtx zd;
            RefDCtx rd;
            const size_t zs = zest::dctxSetParameter(zd, param, v);
            const size_t rs = ZSTD_DCtx_setParameter(rd, ZSTD_dParameter(param), v);
            EXPECT_EQ(zcode(zs), rcode(rs)) << "set param " << param << " = " << v << ": " << zdescr(zs) << " vs "
                                            << rdescr(rs);
            int zv = -5, rv = -6;
            EXPECT_EQ(zcode(zest::dctxGetParameter(zd, param, &zv)),
                      rcode(ZSTD_DCtx_getParameter(rd, ZSTD_dParameter(param), &rv)));
            EXPECT_EQ(zv, rv) << "get param " << param << " after setting " << v;
        }
    }
    const zest::Bounds z = zest::dParamBounds(7);
    EXPECT_EQ(zcode(z.error), rcode(ZSTD_dParam_getBounds(ZSTD_dParameter(7)).error));
}

TEST(ParameterErrors, StageWrongMidStream) {
    Rng rng(26000);
    RefCompressor ref;
    const Bytes src = genText(rng, 50000);
    const Bytes frame = ref.compress(src, RefParams{});
    ZDCtx z;
    RefDCtx r;
    Bytes out(1000);
    zest::InBuffer zi{frame.data(), 100, 0};
    zest::OutBuffer zo{out.data(), out.size(), 0};
    ZSTD_inBuffer ri{frame.data(), 100, 0};
    ZSTD_outBuffer ro{out.data(), out.size(), 0};
    ASSERT_FALSE(zest::isError(zest::decompressStream(z, &zo, &zi)));
    ASSERT_FALSE(ZSTD_isError(ZSTD_decompressStream(r, &ro, &ri)));
    const size_t zs = zest::dctxSetParameter(z, int(zest::DParam::windowLogMax), 20);
    const size_t rs = ZSTD_DCtx_setParameter(r, ZSTD_d_windowLogMax, 20);
    EXPECT_EQ(zcode(zs), rcode(rs)) << zdescr(zs) << " vs " << rdescr(rs);
    EXPECT_EQ(zcode(zs), int(zest::ErrorCode::stage_wrong));
    const Bytes dict = genText(rng, 100);
    const size_t zl = zest::dctxLoadDictionary(z, dict.data(), dict.size(), zest::DictLoadMethod::byCopy,
                                               zest::DictContentType::autoDetect);
    const size_t rl = ZSTD_DCtx_loadDictionary(r, dict.data(), dict.size());
    EXPECT_EQ(zcode(zl), rcode(rl)) << zdescr(zl) << " vs " << rdescr(rl);
    // A session reset makes it legal again.
    EXPECT_FALSE(zest::isError(zest::dctxReset(z, zest::ResetDirective::session_only)));
    EXPECT_FALSE(zest::isError(zest::dctxSetParameter(z, int(zest::DParam::windowLogMax), 20)));
}
