// Frame inspection, version, error encoding, in-place decoding, bufferless API.
#include "capi_util.h"

#include <cstring>
#include <sstream>

using namespace capi;

namespace {

// ---- version and errors -------------------------------------------------------------

TEST(Version, NumberAndString) {
    EXPECT_EQ(ZSTD_versionNumber(), 10507u);
    EXPECT_EQ(ZSTD_versionNumber(), unsigned(ZSTD_VERSION_NUMBER));
    EXPECT_STREQ(ZSTD_versionString(), "1.5.7");
    EXPECT_STREQ(ZSTD_versionString(), ZSTD_VERSION_STRING);
}

TEST(Errors, Encoding) {
    // An error is (size_t)0 - code, for codes 1..119; 0 - 120 and below are values.
    EXPECT_FALSE(ZSTD_isError(0));
    EXPECT_FALSE(ZSTD_isError(12345));
    EXPECT_FALSE(ZSTD_isError(size_t(0) - 120));
    EXPECT_FALSE(ZSTD_isError(size_t(0) - 121));
    EXPECT_TRUE(ZSTD_isError(size_t(0) - 119));
    EXPECT_TRUE(ZSTD_isError(size_t(0) - 1));
    for (int code : {1, 10, 12, 14, 16, 20, 22, 24, 30, 32, 34, 40, 41, 42, 44, 46, 48, 49, 50, 60, 62, 64, 66,
                     70, 72, 74, 80, 82, 100, 102, 104, 105, 106, 107}) {
        const size_t r = size_t(0) - size_t(code);
        EXPECT_TRUE(ZSTD_isError(r)) << code;
        EXPECT_EQ(int(ZSTD_getErrorCode(r)), code);
        EXPECT_STREQ(ZSTD_getErrorName(r), ZSTD_getErrorString(ZSTD_ErrorCode(code))) << code;
    }
    EXPECT_EQ(ZSTD_getErrorCode(0), ZSTD_error_no_error);
    EXPECT_EQ(ZSTD_getErrorCode(size_t(0) - 121), ZSTD_error_no_error);
    EXPECT_EQ(ZSTD_getErrorCode(777), ZSTD_error_no_error);
    // Non-errors all read as "no error".
    EXPECT_STREQ(ZSTD_getErrorName(0), ZSTD_getErrorString(ZSTD_error_no_error));
    EXPECT_STREQ(ZSTD_getErrorName(12345), ZSTD_getErrorString(ZSTD_error_no_error));
}

TEST(Errors, StringsMatchReference) {
    // errors.txt holds the reference's message for every code 0..120. Code 49
    // (cannotProduce_uncompressedBlock) is new in 1.5.7: the 1.5.4 reference has no
    // message for it, ours must have a real one.
    const auto lines = loadLines("errors.txt");
    ASSERT_EQ(lines.size(), 121u);
    const std::string unspecified = ZSTD_getErrorString(ZSTD_ErrorCode(13));
    for (int code = 0; code <= 120; code++) {
        const char* ours = ZSTD_getErrorString(ZSTD_ErrorCode(code));
        ASSERT_NE(ours, nullptr) << code;
        const std::string& line = lines[size_t(code)];
        const std::string ref = line.substr(line.find(' ') + 1);
        if (code == 49) {
            EXPECT_NE(std::string(ours), unspecified);
            EXPECT_GT(std::strlen(ours), 0u);
            continue;
        }
        EXPECT_EQ(std::string(ours), ref) << "code " << code;
    }
}

// ---- frame inspection against the reference ------------------------------------------

// Rebuilds one line of make_frames' "info" output with zest's answers.
std::string showSize(unsigned long long v) {
    if (v == ZSTD_CONTENTSIZE_UNKNOWN) return "U";
    if (v == ZSTD_CONTENTSIZE_ERROR) return "X";
    return std::to_string(v);
}

std::string infoLine(const Bytes& frame, size_t len) {
    Bytes p(frame.begin(), frame.begin() + std::ptrdiff_t(len));
    const void* src = len ? p.data() : nullptr;
    Bytes one(1);
    if (!len) src = one.data();  // a valid pointer with zero length
    std::ostringstream o;
    o << len;
    o << ' ' << showSize(ZSTD_getFrameContentSize(src, len));
    o << ' ' << showSize(ZSTD_getDecompressedSize(src, len));
    o << ' ' << show(ZSTD_findFrameCompressedSize(src, len));
    o << ' ' << showSize(ZSTD_findDecompressedSize(src, len));
    o << ' ' << showSize(ZSTD_decompressBound(src, len));
    o << ' ' << show(ZSTD_frameHeaderSize(src, len));
    o << ' ' << ZSTD_isFrame(src, len) << ' ' << ZSTD_isSkippableFrame(src, len) << ' '
      << ZSTD_getDictID_fromFrame(src, len);
    o << ' ' << show(ZSTD_decompressionMargin(src, len));
    for (int fmt = 0; fmt < 2; fmt++) {
        ZSTD_FrameHeader h;
        std::memset(&h, 0, sizeof h);
        const size_t r = fmt ? ZSTD_getFrameHeader_advanced(&h, src, len, ZSTD_f_zstd1_magicless)
                             : ZSTD_getFrameHeader(&h, src, len);
        o << ' ' << show(r);
        if (r == 0) {
            o << ' ' << showSize(h.frameContentSize) << ' ' << h.windowSize << ' ' << h.blockSizeMax << ' '
              << int(h.frameType) << ' ' << h.headerSize << ' ' << h.dictID << ' ' << h.checksumFlag;
        }
    }
    return o.str();
}

// 1.5.6 changed ZSTD_getFrameHeader on skippable frames: dictID now carries the magic
// variant and headerSize is 8 (the 1.5.4 reference leaves both 0), which also shows in
// ZSTD_getDictID_fromFrame. Rewrites a 1.5.4 line (of a complete skippable header)
// accordingly: column 9 = dictID from frame, 16/17 = headerSize/dictID.
std::string skippableAs157(const std::string& line, unsigned variant) {
    std::vector<std::string> tok;
    std::istringstream in(line);
    for (std::string t; in >> t;) tok.push_back(t);
    if (tok.size() > 17 && tok[11] == "0" && tok[15] == "1") {
        tok[9] = std::to_string(variant);
        tok[16] = "8";
        tok[17] = std::to_string(variant);
    }
    std::string out;
    for (size_t i = 0; i < tok.size(); i++) out += (i ? " " : "") + tok[i];
    return out;
}

class FrameInfo : public ::testing::TestWithParam<const char*> {};

TEST_P(FrameInfo, MatchesReference) {
    // Columns: len fcs decompressedSize findFrameCompressedSize findDecompressedSize
    // decompressBound frameHeaderSize isFrame isSkippable dictID margin getFrameHeader...
    const std::string name = GetParam();
    const Bytes frame = load(name + ".zst");
    const auto lines = loadLines("info_" + name + ".txt");
    ASSERT_FALSE(lines.empty());
    const bool skippable = frame.size() >= 8 && ZSTD_isSkippableFrame(frame.data(), frame.size());
    for (const std::string& line : lines) {
        const size_t len = std::stoull(line.substr(0, line.find(' ')));
        ASSERT_LE(len, frame.size());
        std::string ref = line;
        if (skippable && len >= 8) ref = skippableAs157(line, frame[0] & 0x0F);
        EXPECT_EQ(infoLine(frame, len), ref) << name << " prefix of " << len << " bytes";
    }
}

INSTANTIATE_TEST_SUITE_P(Corpus, FrameInfo,
                         ::testing::Values("text", "text_w17", "text_w20", "small", "empty", "rand", "zeros",
                                           "blocks", "magicless", "nosize", "prefixed", "rawdict", "skip5",
                                           "recA", "recB", "recA_noid", "concat", "bad_magic", "bad_reserved",
                                           "bad_window", "w31", "bad_checksum", "truncated", "two",
                                           "skip_small"));

// Readable spot checks of the same functions.
TEST(Frame, ContentSize) {
    const Bytes text = load("text.zst"), w17 = load("text_w17.zst"), empty = load("empty.zst"),
                skip = load("skip5.zst"), bad = load("bad_magic.zst");
    EXPECT_EQ(ZSTD_getFrameContentSize(text.data(), text.size()), 700000u);
    EXPECT_EQ(ZSTD_getFrameContentSize(w17.data(), w17.size()), ZSTD_CONTENTSIZE_UNKNOWN);
    EXPECT_EQ(ZSTD_getFrameContentSize(empty.data(), empty.size()), 0u);
    EXPECT_EQ(ZSTD_getFrameContentSize(skip.data(), skip.size()), 0u);
    EXPECT_EQ(ZSTD_getFrameContentSize(bad.data(), bad.size()), ZSTD_CONTENTSIZE_ERROR);
    EXPECT_EQ(ZSTD_getFrameContentSize(text.data(), 4), ZSTD_CONTENTSIZE_ERROR);  // header incomplete
    // The obsolete variant folds unknown and error into 0.
    EXPECT_EQ(ZSTD_getDecompressedSize(text.data(), text.size()), 700000u);
    EXPECT_EQ(ZSTD_getDecompressedSize(w17.data(), w17.size()), 0u);
    EXPECT_EQ(ZSTD_getDecompressedSize(bad.data(), bad.size()), 0u);
}

TEST(Frame, CompressedAndDecompressedSizes) {
    const Bytes small = load("small.zst"), concat = load("concat.zst"), two = load("two.zst"),
                text = load("text.zst"), skipSmall = load("skip_small.zst"), skip = load("skip5.zst"),
                w17 = load("text_w17.zst");
    EXPECT_EQ(ZSTD_findFrameCompressedSize(concat.data(), concat.size()), small.size());
    EXPECT_EQ(ZSTD_findFrameCompressedSize(skip.data(), skip.size()), skip.size());
    EXPECT_EQ(ZSTD_findFrameCompressedSize(two.data(), two.size()), text.size());
    EXPECT_ZSTD_ERR(ZSTD_findFrameCompressedSize(text.data(), text.size() - 1), ZSTD_error_srcSize_wrong);

    EXPECT_EQ(ZSTD_findDecompressedSize(two.data(), two.size()), 701500u);
    EXPECT_EQ(ZSTD_findDecompressedSize(skipSmall.data(), skipSmall.size()), 1500u);
    EXPECT_EQ(ZSTD_findDecompressedSize(concat.data(), concat.size()), ZSTD_CONTENTSIZE_UNKNOWN);
    EXPECT_EQ(ZSTD_findDecompressedSize(text.data(), text.size() - 1), ZSTD_CONTENTSIZE_ERROR);

    EXPECT_EQ(ZSTD_decompressBound(two.data(), two.size()), 701500u);
    EXPECT_GE(ZSTD_decompressBound(w17.data(), w17.size()), 700000u);
    EXPECT_GE(ZSTD_decompressBound(concat.data(), concat.size()), 21500u);
    EXPECT_EQ(ZSTD_decompressBound(text.data(), text.size() - 1), ZSTD_CONTENTSIZE_ERROR);
}

TEST(Frame, Header) {
    const Bytes text = load("text.zst"), w20 = load("text_w20.zst"), skip = load("skip5.zst"),
                magicless = load("magicless.zst"), recA = load("recA.zst");
    ZSTD_FrameHeader h;
    ASSERT_EQ(ZSTD_getFrameHeader(&h, text.data(), text.size()), 0u);
    EXPECT_EQ(h.frameContentSize, 700000u);
    EXPECT_EQ(h.windowSize, 700000u);  // single segment: window = content size
    EXPECT_EQ(h.blockSizeMax, 131072u);
    EXPECT_EQ(h.frameType, ZSTD_frame);
    EXPECT_EQ(h.checksumFlag, 1u);
    EXPECT_EQ(h.dictID, 0u);
    EXPECT_EQ(size_t(h.headerSize), ZSTD_frameHeaderSize(text.data(), text.size()));

    ASSERT_EQ(ZSTD_getFrameHeader(&h, w20.data(), w20.size()), 0u);
    EXPECT_EQ(h.frameContentSize, ZSTD_CONTENTSIZE_UNKNOWN);
    EXPECT_EQ(h.windowSize, 1u << 20);
    EXPECT_EQ(h.checksumFlag, 0u);

    ASSERT_EQ(ZSTD_getFrameHeader(&h, recA.data(), recA.size()), 0u);
    EXPECT_EQ(h.dictID, 1111u);

    ASSERT_EQ(ZSTD_getFrameHeader(&h, skip.data(), skip.size()), 0u);
    EXPECT_EQ(h.frameType, ZSTD_skippableFrame);
    EXPECT_EQ(h.frameContentSize, 44u);  // payload size
    EXPECT_EQ(h.dictID, 5u);             // magic variant
    EXPECT_EQ(h.headerSize, 8u);

    // Too little input: the number of bytes needed.
    EXPECT_EQ(ZSTD_getFrameHeader(&h, text.data(), 0), 5u);
    EXPECT_EQ(ZSTD_getFrameHeader(&h, text.data(), 5), size_t(ZSTD_frameHeaderSize(text.data(), text.size())));

    // Magicless frames need the advanced variant.
    EXPECT_ZSTD_ERR(ZSTD_getFrameHeader(&h, magicless.data(), magicless.size()), ZSTD_error_prefix_unknown);
    ASSERT_EQ(ZSTD_getFrameHeader_advanced(&h, magicless.data(), magicless.size(), ZSTD_f_zstd1_magicless), 0u);
    EXPECT_EQ(h.frameContentSize, 100000u);
    EXPECT_EQ(h.checksumFlag, 1u);
}

TEST(Frame, IsFrameAndSkippable) {
    const Bytes text = load("text.zst"), magicless = load("magicless.zst"), skip = load("skip5.zst");
    EXPECT_EQ(ZSTD_isFrame(text.data(), text.size()), 1u);
    EXPECT_EQ(ZSTD_isFrame(text.data(), 3), 0u);
    EXPECT_EQ(ZSTD_isFrame(magicless.data(), magicless.size()), 0u);
    EXPECT_EQ(ZSTD_isSkippableFrame(text.data(), text.size()), 0u);
    EXPECT_EQ(ZSTD_isFrame(skip.data(), skip.size()), 1u);
    EXPECT_EQ(ZSTD_isSkippableFrame(skip.data(), skip.size()), 1u);
    for (unsigned v = 0; v < 16; v++) {
        unsigned char h[8] = {0};
        const unsigned magic = ZSTD_MAGIC_SKIPPABLE_START + v;
        for (int i = 0; i < 4; i++) h[i] = (unsigned char)(magic >> (8 * i));
        EXPECT_EQ(ZSTD_isSkippableFrame(h, 8), 1u) << v;
        EXPECT_EQ(ZSTD_isFrame(h, 8), 1u) << v;
        unsigned variant = 99;
        unsigned char dst[4];
        EXPECT_EQ(ZSTD_readSkippableFrame(dst, sizeof dst, &variant, h, 8), 0u);
        EXPECT_EQ(variant, v);
    }
    unsigned char notSkip[8] = {0x60, 0x2A, 0x4D, 0x18, 0, 0, 0, 0};  // 0x184D2A60
    EXPECT_EQ(ZSTD_isSkippableFrame(notSkip, 8), 0u);
    EXPECT_EQ(ZSTD_isFrame(notSkip, 8), 0u);
}

TEST(Frame, ReadSkippableFrame) {
    const Bytes skip = load("skip5.zst"), payload = load("skip5.bin"), rec = load("recA.zst");
    Bytes dst(100, 0xEE);
    unsigned variant = 99;
    ASSERT_EQ(ZSTD_readSkippableFrame(dst.data(), dst.size(), &variant, skip.data(), skip.size()), payload.size());
    EXPECT_EQ(variant, 5u);
    EXPECT_TRUE(std::equal(payload.begin(), payload.end(), dst.begin()));
    EXPECT_EQ(ZSTD_readSkippableFrame(dst.data(), dst.size(), nullptr, skip.data(), skip.size()), payload.size());
    EXPECT_ZSTD_ERR(ZSTD_readSkippableFrame(dst.data(), payload.size() - 1, &variant, skip.data(), skip.size()),
                    ZSTD_error_dstSize_tooSmall);
    EXPECT_ZSTD_ERR(ZSTD_readSkippableFrame(dst.data(), dst.size(), &variant, rec.data(), rec.size()),
                    ZSTD_error_frameParameter_unsupported);
    EXPECT_ZSTD_ERR(ZSTD_readSkippableFrame(dst.data(), dst.size(), &variant, skip.data(), 7),
                    ZSTD_error_srcSize_wrong);
    EXPECT_ZSTD_ERR(ZSTD_readSkippableFrame(dst.data(), dst.size(), &variant, skip.data(), skip.size() - 1),
                    ZSTD_error_srcSize_wrong);
    // A skippable frame decodes to nothing.
    EXPECT_EQ(ZSTD_decompress(dst.data(), dst.size(), skip.data(), skip.size()), 0u);
}

TEST(Frame, DictIDs) {
    const Bytes recA = load("recA.zst"), recB = load("recB.zst"), noid = load("recA_noid.zst"),
                text = load("text.zst"), dictA = load("dictA"), dictB = load("dictB"), raw = load("prefix.bin");
    EXPECT_EQ(ZSTD_getDictID_fromFrame(recA.data(), recA.size()), 1111u);
    EXPECT_EQ(ZSTD_getDictID_fromFrame(recB.data(), recB.size()), 2222u);
    EXPECT_EQ(ZSTD_getDictID_fromFrame(noid.data(), noid.size()), 0u);
    EXPECT_EQ(ZSTD_getDictID_fromFrame(text.data(), text.size()), 0u);
    EXPECT_EQ(ZSTD_getDictID_fromFrame(recA.data(), 3), 0u);
    EXPECT_EQ(ZSTD_getDictID_fromDict(dictA.data(), dictA.size()), 1111u);
    EXPECT_EQ(ZSTD_getDictID_fromDict(dictB.data(), dictB.size()), 2222u);
    EXPECT_EQ(ZSTD_getDictID_fromDict(dictA.data(), 8), 1111u);
    EXPECT_EQ(ZSTD_getDictID_fromDict(dictA.data(), 7), 0u);
    EXPECT_EQ(ZSTD_getDictID_fromDict(raw.data(), raw.size()), 0u);
    DDictPtr dd(ZSTD_createDDict(dictA.data(), dictA.size()));
    ASSERT_TRUE(dd);
    EXPECT_EQ(ZSTD_getDictID_fromDDict(dd.get()), 1111u);
    DDictPtr rawdd(ZSTD_createDDict(raw.data(), raw.size()));
    ASSERT_TRUE(rawdd);
    EXPECT_EQ(ZSTD_getDictID_fromDDict(rawdd.get()), 0u);
    EXPECT_EQ(ZSTD_getDictID_fromDDict(nullptr), 0u);
}

TEST(Frame, NullHandles) {
    EXPECT_EQ(ZSTD_freeDCtx(nullptr), 0u);
    EXPECT_EQ(ZSTD_freeDStream(nullptr), 0u);
    EXPECT_EQ(ZSTD_freeDDict(nullptr), 0u);
    EXPECT_EQ(ZSTD_sizeof_DCtx(nullptr), 0u);
    EXPECT_EQ(ZSTD_sizeof_DStream(nullptr), 0u);
    EXPECT_EQ(ZSTD_sizeof_DDict(nullptr), 0u);
}

// ---- one-shot decoding --------------------------------------------------------------------

TEST(OneShot, DecompressCorpus) {
    DCtxPtr d(ZSTD_createDCtx());
    ASSERT_TRUE(d);
    for (const char* name : {"text", "text_w17", "text_w20", "small", "rand", "zeros", "blocks", "nosize"}) {
        const Bytes frame = load(std::string(name) + ".zst");
        const Bytes orig = original(name);
        Bytes out(orig.size() + 10);
        EXPECT_EQ(ZSTD_decompress(out.data(), out.size(), frame.data(), frame.size()), orig.size()) << name;
        EXPECT_TRUE(std::equal(orig.begin(), orig.end(), out.begin())) << name;
        std::fill(out.begin(), out.end(), 0);
        EXPECT_EQ(ZSTD_decompressDCtx(d.get(), out.data(), out.size(), frame.data(), frame.size()), orig.size())
            << name;
        EXPECT_TRUE(std::equal(orig.begin(), orig.end(), out.begin())) << name;
    }
    const Bytes empty = load("empty.zst");
    EXPECT_EQ(ZSTD_decompress(nullptr, 0, empty.data(), empty.size()), 0u);
    // Several frames, skippable ones included, decode back to back.
    const Bytes concat = load("concat.zst"), concatBin = load("concat.bin");
    Bytes out(concatBin.size());
    EXPECT_EQ(ZSTD_decompressDCtx(d.get(), out.data(), out.size(), concat.data(), concat.size()),
              concatBin.size());
    EXPECT_EQ(out, concatBin);
}

TEST(OneShot, Errors) {
    const Bytes text = load("text.zst"), badChecksum = load("bad_checksum.zst"), badMagic = load("bad_magic.zst"),
                reserved = load("bad_reserved.zst"), badWindow = load("bad_window.zst");
    Bytes out(700000);
    EXPECT_ZSTD_ERR(ZSTD_decompress(out.data(), 100, text.data(), text.size()), ZSTD_error_dstSize_tooSmall);
    EXPECT_ZSTD_ERR(ZSTD_decompress(out.data(), out.size(), badChecksum.data(), badChecksum.size()),
                    ZSTD_error_checksum_wrong);
    EXPECT_ZSTD_ERR(ZSTD_decompress(out.data(), out.size(), badMagic.data(), badMagic.size()),
                    ZSTD_error_prefix_unknown);
    EXPECT_ZSTD_ERR(ZSTD_decompress(out.data(), out.size(), reserved.data(), reserved.size()),
                    ZSTD_error_frameParameter_unsupported);
    EXPECT_ZSTD_ERR(ZSTD_decompress(out.data(), out.size(), badWindow.data(), badWindow.size()),
                    ZSTD_error_frameParameter_windowTooLarge);
    EXPECT_ZSTD_ERR(ZSTD_decompress(out.data(), out.size(), text.data(), 100000), ZSTD_error_srcSize_wrong);
}

// ---- in-place decoding ---------------------------------------------------------------------

TEST(Margin, DecodeInPlace) {
    // The frame sits at the end of a buffer of decompressedSize + margin bytes and is
    // decoded into the start of that same buffer.
    for (const char* name : {"text", "text_w17", "text_w20", "rand", "zeros", "blocks", "small", "nosize"}) {
        SCOPED_TRACE(name);
        const Bytes frame = load(std::string(name) + ".zst");
        const Bytes orig = original(name);
        const size_t margin = ZSTD_decompressionMargin(frame.data(), frame.size());
        ASSERT_FALSE(ZSTD_isError(margin)) << ZSTD_getErrorName(margin);
        ZSTD_FrameHeader h;
        ASSERT_EQ(ZSTD_getFrameHeader(&h, frame.data(), frame.size()), 0u);
        // The macro assumes full-size blocks; blocks.zst is made of small flushed blocks.
        if (std::string(name) != "blocks") {
            EXPECT_LE(margin, ZSTD_DECOMPRESSION_MARGIN(orig.size(), h.blockSizeMax));
        }
        const size_t bufSize = orig.size() + margin;
        ASSERT_LE(frame.size(), bufSize);
        Bytes buf(bufSize, 0xA5);
        std::memcpy(buf.data() + bufSize - frame.size(), frame.data(), frame.size());
        DCtxPtr d(ZSTD_createDCtx());
        const size_t r = ZSTD_decompressDCtx(d.get(), buf.data(), bufSize, buf.data() + bufSize - frame.size(),
                                             frame.size());
        ASSERT_EQ(show(r), std::to_string(orig.size()));
        EXPECT_TRUE(std::equal(orig.begin(), orig.end(), buf.begin()));
    }
    const Bytes bad = load("bad_magic.zst");
    EXPECT_ZSTD_ERR(ZSTD_decompressionMargin(bad.data(), bad.size()), ZSTD_error_prefix_unknown);
}

TEST(Margin, DecodingBufferSizeMin) {
    // min(content size, window + 2 * min(window, 128 KiB) + 64). The second block
    // holds split literals. (1.5.4 used window + block + 128 KiB + 64, which only
    // differs for windows below 128 KiB; these values follow 1.5.7.)
    EXPECT_EQ(ZSTD_decodingBufferSize_min(700000, 700000), 700000u);
    EXPECT_EQ(ZSTD_decodingBufferSize_min(1 << 20, 100), 100u);
    EXPECT_EQ(ZSTD_decodingBufferSize_min(1 << 20, 0), 0u);
    EXPECT_EQ(ZSTD_decodingBufferSize_min(ZSTD_CONTENTSIZE_UNKNOWN - 5, 5), 5u);
    EXPECT_EQ(ZSTD_decodingBufferSize_min(1 << 20, ZSTD_CONTENTSIZE_UNKNOWN), 1310784u);
    EXPECT_EQ(ZSTD_decodingBufferSize_min(1 << 17, ZSTD_CONTENTSIZE_UNKNOWN), 393280u);
    EXPECT_EQ(ZSTD_decodingBufferSize_min(1024, ZSTD_CONTENTSIZE_UNKNOWN), 3136u);
    EXPECT_EQ(ZSTD_decodingBufferSize_min(1000, ZSTD_CONTENTSIZE_UNKNOWN), 3064u);
    EXPECT_EQ(ZSTD_decodingBufferSize_min(1ULL << 40, ZSTD_CONTENTSIZE_UNKNOWN), 1099511889984u);
}

// ---- bufferless API -------------------------------------------------------------------------

// Replays make_frames' "bufferless" walk with zest and returns the same text lines.
std::vector<std::string> bufferlessWalk(ZSTD_DCtx* d, const Bytes& src, const Bytes* dict, Bytes& out) {
    std::vector<std::string> lines;
    const size_t cap = size_t(1) << 22;
    out.assign(cap, 0);
    size_t pos = 0, op = 0;
    auto begin = [&] {
        return dict ? ZSTD_decompressBegin_usingDict(d, dict->data(), dict->size()) : ZSTD_decompressBegin(d);
    };
    EXPECT_ZSTD_OK(begin());
    for (int guard = 0; guard < 100000; guard++) {
        const size_t n = ZSTD_nextSrcSizeToDecompress(d);
        const int t = int(ZSTD_nextInputType(d));
        if (n == 0) {
            lines.push_back("end");
            if (pos == src.size()) break;
            EXPECT_ZSTD_OK(begin());
            continue;
        }
        if (n > src.size() - pos) {
            lines.push_back("short " + std::to_string(t) + " " + std::to_string(n));
            break;
        }
        const size_t r = ZSTD_decompressContinue(d, out.data() + op, cap - op, src.data() + pos, n);
        lines.push_back(std::to_string(t) + " " + std::to_string(n) + " " + show(r));
        if (ZSTD_isError(r)) break;
        pos += n;
        op += r;
    }
    out.resize(op);
    return lines;
}

class Bufferless : public ::testing::TestWithParam<const char*> {};

TEST_P(Bufferless, StepsMatchReference) {
    const std::string name = GetParam();
    const Bytes src = load(name + ".zst");
    const auto ref = loadLines("bufferless_" + name + ".txt");
    DCtxPtr d(ZSTD_createDCtx());
    Bytes dict;
    if (name == "recA") dict = load("dictA");
    if (name == "magicless") {
        ASSERT_ZSTD_OK(ZSTD_DCtx_setParameter(d.get(), ZSTD_d_format, ZSTD_f_zstd1_magicless));
    }
    Bytes out;
    const auto ours = bufferlessWalk(d.get(), src, dict.empty() ? nullptr : &dict, out);
    EXPECT_EQ(ours, ref);
    EXPECT_EQ(out, original(name));
}

INSTANTIATE_TEST_SUITE_P(Corpus, Bufferless,
                         ::testing::Values("concat", "text_w17", "rand", "zeros", "skip_small", "recA",
                                           "magicless"));

TEST(BufferlessApi, InputTypesAndErrors) {
    const Bytes small = load("small.zst");
    DCtxPtr d(ZSTD_createDCtx());
    ASSERT_EQ(ZSTD_decompressBegin(d.get()), 0u);
    EXPECT_EQ(ZSTD_nextInputType(d.get()), ZSTDnit_frameHeader);
    EXPECT_EQ(ZSTD_nextSrcSizeToDecompress(d.get()), 5u);
    Bytes out(4096);
    // Feeding a different size than asked for is refused.
    EXPECT_ZSTD_ERR(ZSTD_decompressContinue(d.get(), out.data(), out.size(), small.data(), 3),
                    ZSTD_error_srcSize_wrong);
}

}  // namespace
