// Streaming decompression semantics, including the exact return-value hints of the
// reference decoder for fixed call patterns.
#include "capi_util.h"

#include <cstring>

using namespace capi;

namespace {

TEST(Stream, BufferSizes) {
    EXPECT_EQ(ZSTD_DStreamInSize(), 131075u);
    EXPECT_EQ(ZSTD_DStreamOutSize(), 131072u);
}

// ---- reference traces --------------------------------------------------------------------

struct TraceCase {
    const char* frame;
    size_t inChunk;
    size_t outSize;
    const char* dict;  // corpus dictionary file or nullptr
    bool magicless;
    bool simpleArgs;  // replay through ZSTD_decompressStream_simpleArgs
};

void PrintTo(const TraceCase& c, std::ostream* os) {
    *os << c.frame << " in=" << c.inChunk << " out=" << c.outSize << (c.dict ? " dict" : "")
        << (c.magicless ? " magicless" : "") << (c.simpleArgs ? " simpleArgs" : "");
}

std::string traceName(const TraceCase& c) {
    return "trace_" + std::string(c.frame) + "_" + std::to_string(c.inChunk) + "_" + std::to_string(c.outSize) +
           ".txt";
}

// Same call pattern as make_frames' trace(): a fresh outSize window per call, at most
// inChunk bytes of new input per call; stop after an error or once all input is
// consumed and the call returned 0.
std::vector<std::string> replay(const TraceCase& c, Bytes& decoded) {
    const Bytes frame = load(std::string(c.frame) + ".zst");
    DCtxPtr d(ZSTD_createDCtx());
    Bytes dict;
    if (c.dict) {
        dict = load(c.dict);
        EXPECT_ZSTD_OK(ZSTD_DCtx_loadDictionary(d.get(), dict.data(), dict.size()));
    }
    if (c.magicless) {
        EXPECT_ZSTD_OK(ZSTD_DCtx_setParameter(d.get(), ZSTD_d_format, ZSTD_f_zstd1_magicless));
    }
    std::vector<std::string> lines;
    Bytes window(c.outSize ? c.outSize : 1);
    size_t pos = 0;
    for (long calls = 0; calls < 5000000; calls++) {
        const size_t avail = frame.size() - pos;
        const size_t inSize = avail < c.inChunk ? avail : c.inChunk;
        size_t inPos = 0, outPos = 0, ret;
        if (c.simpleArgs) {
            ret = ZSTD_decompressStream_simpleArgs(d.get(), window.data(), c.outSize, &outPos, frame.data() + pos,
                                                   inSize, &inPos);
        } else {
            ZSTD_inBuffer in = {frame.data() + pos, inSize, 0};
            ZSTD_outBuffer out = {window.data(), c.outSize, 0};
            ret = ZSTD_decompressStream(d.get(), &out, &in);
            inPos = in.pos;
            outPos = out.pos;
        }
        lines.push_back(show(ret) + " " + std::to_string(inPos) + " " + std::to_string(outPos));
        if (ZSTD_isError(ret)) break;
        decoded.insert(decoded.end(), window.begin(), window.begin() + std::ptrdiff_t(outPos));
        pos += inPos;
        if (pos == frame.size() && ret == 0) break;
    }
    return lines;
}

class Trace : public ::testing::TestWithParam<TraceCase> {};

TEST_P(Trace, MatchesReference) {
    const TraceCase& c = GetParam();
    const auto ref = loadLines(traceName(c));
    ASSERT_FALSE(ref.empty());
    Bytes decoded;
    const auto ours = replay(c, decoded);
    // Report the first divergence instead of two huge vectors.
    const size_t n = std::min(ours.size(), ref.size());
    size_t i = 0;
    while (i < n && ours[i] == ref[i]) i++;
    if (i < n || ours.size() != ref.size()) {
        ADD_FAILURE() << traceName(c) << ": first difference at call " << i << " of " << ref.size()
                      << " (reference \"" << (i < ref.size() ? ref[i] : "<end>") << "\", zest \""
                      << (i < ours.size() ? ours[i] : "<end>") << "\"; line = ret in.pos out.pos)";
    }
    EXPECT_EQ(decoded, original(c.frame));
}

std::string caseName(const ::testing::TestParamInfo<TraceCase>& info) {
    const TraceCase& c = info.param;
    return std::string(c.frame) + "_" + std::to_string(c.inChunk) + "_" + std::to_string(c.outSize) +
           (c.simpleArgs ? "_simpleArgs" : "");
}

INSTANTIATE_TEST_SUITE_P(Corpus, Trace,
                         ::testing::Values(TraceCase{"text", 1000, 4096, nullptr, false, false},
                                           TraceCase{"text", 65536, 1000000, nullptr, false, false},
                                           TraceCase{"text_w17", 1000, 4096, nullptr, false, false},
                                           TraceCase{"text_w17", 1000, 4096, nullptr, false, true},
                                           TraceCase{"text_w17", 131075, 131072, nullptr, false, false},
                                           TraceCase{"text_w20", 5000, 100000, nullptr, false, false},
                                           TraceCase{"blocks", 1, 1, nullptr, false, false},
                                           TraceCase{"blocks", 1000, 4096, nullptr, false, false},
                                           TraceCase{"rand", 1000, 4096, nullptr, false, false},
                                           TraceCase{"zeros", 1000, 4096, nullptr, false, false},
                                           TraceCase{"small", 1, 1, nullptr, false, false},
                                           TraceCase{"empty", 1, 1, nullptr, false, false},
                                           TraceCase{"concat", 1000, 4096, nullptr, false, false},
                                           TraceCase{"concat", 7, 3, nullptr, false, false},
                                           TraceCase{"concat", 7, 3, nullptr, false, true},
                                           TraceCase{"nosize", 1000, 4096, nullptr, false, false},
                                           TraceCase{"recA", 1000, 4096, "dictA", false, false},
                                           TraceCase{"recA", 13, 17, "dictA", false, false},
                                           TraceCase{"magicless", 1000, 4096, nullptr, true, false}),
                         caseName);

// ---- explicit semantics ------------------------------------------------------------------------

TEST(Stream, OneByteStepsOverMultiBlockFrame) {
    // 1 byte of input and 1 byte of output per call; the return value is 0 exactly
    // once, on the call that completes the frame and flushes its last byte.
    const Bytes frame = load("blocks.zst"), orig = load("blocks.bin");
    DCtxPtr d(ZSTD_createDCtx());
    Bytes out;
    size_t pos = 0, zeros = 0, calls = 0;
    size_t last = 1;
    while (calls < 10000000) {
        unsigned char byte = 0;
        ZSTD_inBuffer in = {frame.data() + pos, pos < frame.size() ? 1u : 0u, 0};
        ZSTD_outBuffer o = {&byte, 1, 0};
        last = ZSTD_decompressStream(d.get(), &o, &in);
        calls++;
        ASSERT_FALSE(ZSTD_isError(last)) << ZSTD_getErrorName(last) << " at call " << calls;
        if (o.pos) out.push_back(byte);
        pos += in.pos;
        if (last == 0) {
            zeros++;
            break;
        }
    }
    EXPECT_EQ(last, 0u);
    EXPECT_EQ(zeros, 1u);
    EXPECT_EQ(pos, frame.size());
    EXPECT_EQ(out, orig);
}

TEST(Stream, ZeroOnlyAtFrameEnds) {
    // Across concatenated frames (with a skippable one) the hint is 0 exactly at each
    // frame end, and the output is all regular frames' content back to back.
    const Bytes small = load("small.zst"), skip = load("skip5.zst"), text = load("text_w17.zst"),
                empty = load("empty.zst");
    const Bytes stream = concat({&small, &skip, &text, &empty, &small});
    const std::vector<size_t> ends = {small.size(), small.size() + skip.size(),
                                      small.size() + skip.size() + text.size(),
                                      small.size() + skip.size() + text.size() + empty.size(), stream.size()};
    DCtxPtr d(ZSTD_createDCtx());
    Bytes out, window(4096);
    std::vector<size_t> zeroAt;
    size_t pos = 0;
    for (int calls = 0; calls < 1000000 && !(pos == stream.size() && !zeroAt.empty() && zeroAt.back() == pos);
         calls++) {
        const size_t avail = stream.size() - pos;
        ZSTD_inBuffer in = {stream.data() + pos, avail < 999 ? avail : 999, 0};
        ZSTD_outBuffer o = {window.data(), window.size(), 0};
        const size_t r = ZSTD_decompressStream(d.get(), &o, &in);
        ASSERT_FALSE(ZSTD_isError(r)) << ZSTD_getErrorName(r);
        out.insert(out.end(), window.begin(), window.begin() + std::ptrdiff_t(o.pos));
        pos += in.pos;
        if (r == 0) zeroAt.push_back(pos);
    }
    EXPECT_EQ(zeroAt, ends);
    const Bytes a = load("small.bin"), b = load("text.bin");
    EXPECT_EQ(out, concat({&a, &b, &a}));
}

TEST(Stream, InitAndReset) {
    const Bytes frame = load("text_w17.zst"), orig = load("text.bin");
    DCtxPtr d(ZSTD_createDStream());
    ASSERT_TRUE(d);
    EXPECT_EQ(ZSTD_initDStream(d.get()), 5u);  // bytes needed to start: the magic-number prefix
    // Abandon a frame halfway, reset, and decode the whole thing.
    Bytes window(4096);
    ZSTD_inBuffer in = {frame.data(), 50000, 0};
    ZSTD_outBuffer o = {window.data(), window.size(), 0};
    EXPECT_ZSTD_OK(ZSTD_decompressStream(d.get(), &o, &in));
    EXPECT_EQ(ZSTD_resetDStream(d.get()), 5u);
    Bytes out;
    EXPECT_EQ(streamDecode(d.get(), frame, 1000, 4096, out), 0u);
    EXPECT_EQ(out, orig);
    // Magicless: the prefix is 1 byte.
    ASSERT_ZSTD_OK(ZSTD_DCtx_setParameter(d.get(), ZSTD_d_format, ZSTD_f_zstd1_magicless));
    EXPECT_EQ(ZSTD_initDStream(d.get()), 1u);
    EXPECT_EQ(ZSTD_resetDStream(d.get()), 1u);
    EXPECT_EQ(ZSTD_freeDStream(d.release()), 0u);
}

TEST(Stream, InitWithDictionaries) {
    const Bytes rec = load("recA.zst"), orig = load("recA.bin"), dict = load("dictA");
    DCtxPtr d(ZSTD_createDStream());
    EXPECT_EQ(ZSTD_initDStream_usingDict(d.get(), dict.data(), dict.size()), 5u);
    Bytes out;
    EXPECT_EQ(streamDecode(d.get(), rec, 100, 333, out), 0u);
    EXPECT_EQ(out, orig);
    // resetDStream keeps the dictionary ...
    EXPECT_EQ(ZSTD_resetDStream(d.get()), 5u);
    out.clear();
    EXPECT_EQ(streamDecode(d.get(), rec, 100, 333, out), 0u);
    EXPECT_EQ(out, orig);
    // ... initDStream drops it.
    EXPECT_EQ(ZSTD_initDStream(d.get()), 5u);
    out.clear();
    EXPECT_ZSTD_ERR(streamDecode(d.get(), rec, 100, 333, out), ZSTD_error_dictionary_wrong);

    DDictPtr dd(ZSTD_createDDict(dict.data(), dict.size()));
    ASSERT_TRUE(dd);
    EXPECT_EQ(ZSTD_initDStream_usingDDict(d.get(), dd.get()), 5u);
    out.clear();
    EXPECT_EQ(streamDecode(d.get(), rec, 7, 1, out), 0u);
    EXPECT_EQ(out, orig);
}

TEST(Stream, SimpleArgsAdvancesPositions) {
    const Bytes frame = load("small.zst"), orig = load("small.bin");
    DCtxPtr d(ZSTD_createDCtx());
    Bytes out(orig.size() + 100);
    size_t outPos = 10, inPos = 0;
    // Positions are offsets into the given buffers and start where the caller says.
    size_t r = ZSTD_decompressStream_simpleArgs(d.get(), out.data(), out.size(), &outPos, frame.data(), 100,
                                                &inPos);
    ASSERT_FALSE(ZSTD_isError(r));
    EXPECT_EQ(inPos, 100u);
    r = ZSTD_decompressStream_simpleArgs(d.get(), out.data(), out.size(), &outPos, frame.data(), frame.size(),
                                         &inPos);
    EXPECT_EQ(r, 0u);
    EXPECT_EQ(inPos, frame.size());
    EXPECT_EQ(outPos, 10 + orig.size());
    EXPECT_TRUE(std::equal(orig.begin(), orig.end(), out.begin() + 10));
}

TEST(Stream, NoForwardProgress) {
    const Bytes frame = load("text_w17.zst");
    DCtxPtr d(ZSTD_createDCtx());
    Bytes out(1 << 20);
    ZSTD_inBuffer in = {frame.data(), 3000, 0};
    ZSTD_outBuffer o = {out.data(), out.size(), 0};
    ASSERT_FALSE(ZSTD_isError(ZSTD_decompressStream(d.get(), &o, &in)));
    ASSERT_EQ(in.pos, 3000u);
    // With no new input, 15 more calls are tolerated; the 16th without progress fails.
    for (int i = 0; i < 15; i++) {
        ASSERT_FALSE(ZSTD_isError(ZSTD_decompressStream(d.get(), &o, &in))) << i;
    }
    EXPECT_ZSTD_ERR(ZSTD_decompressStream(d.get(), &o, &in), ZSTD_error_noForwardProgress_inputEmpty);

    // Same with a full (zero-sized) output buffer.
    ASSERT_ZSTD_OK(ZSTD_DCtx_reset(d.get(), ZSTD_reset_session_only));
    ZSTD_inBuffer in2 = {frame.data(), 200000, 0};
    ZSTD_outBuffer none = {out.data(), 0, 0};
    ASSERT_FALSE(ZSTD_isError(ZSTD_decompressStream(d.get(), &none, &in2)));
    ASSERT_GT(in2.pos, 0u);
    for (int i = 0; i < 15; i++) {
        ASSERT_FALSE(ZSTD_isError(ZSTD_decompressStream(d.get(), &none, &in2))) << i;
    }
    EXPECT_ZSTD_ERR(ZSTD_decompressStream(d.get(), &none, &in2), ZSTD_error_noForwardProgress_destFull);
}

TEST(Stream, ChecksumMismatchIsReported) {
    const Bytes bad = load("bad_checksum.zst");
    DCtxPtr d(ZSTD_createDCtx());
    Bytes out;
    EXPECT_ZSTD_ERR(streamDecode(d.get(), bad, 1000, 4096, out), ZSTD_error_checksum_wrong);
}

TEST(Stream, TruncatedInputNeverCompletes) {
    // The decoder keeps asking for more (never returns 0); once everything decodable
    // is flushed, repeated calls without input end in noForwardProgress_inputEmpty.
    const Bytes frame = load("text.zst"), orig = load("text.bin");
    DCtxPtr d(ZSTD_createDCtx());
    Bytes out;
    const Bytes cut(frame.begin(), frame.end() - 5);
    EXPECT_ZSTD_ERR(streamDecode(d.get(), cut, 1000, 4096, out, 100000), ZSTD_error_noForwardProgress_inputEmpty);
    ASSERT_LE(out.size(), orig.size());
    EXPECT_TRUE(std::equal(out.begin(), out.end(), orig.begin()));
}

}  // namespace
