// Decompression parameters: bounds, get/set, stage rules, reset, window limits,
// stable output buffer, magicless format, checksum and block-size switches.
#include "capi_util.h"

#include <cstring>

using namespace capi;

namespace {

struct Bound {
    ZSTD_dParameter param;
    int lower;
    int upper;
};

// abi-constants.md §3.2 (64-bit).
const Bound kBounds[] = {
    {ZSTD_d_windowLogMax, 10, 31},         {ZSTD_d_format, 0, 1},
    {ZSTD_d_stableOutBuffer, 0, 1},        {ZSTD_d_forceIgnoreChecksum, 0, 1},
    {ZSTD_d_refMultipleDDicts, 0, 1},      {ZSTD_d_disableHuffmanAssembly, 0, 1},
    {ZSTD_d_maxBlockSize, 1024, 131072},
};

TEST(Params, Bounds) {
    for (const Bound& b : kBounds) {
        const ZSTD_bounds r = ZSTD_dParam_getBounds(b.param);
        EXPECT_FALSE(ZSTD_isError(r.error)) << int(b.param);
        EXPECT_EQ(r.lowerBound, b.lower) << int(b.param);
        EXPECT_EQ(r.upperBound, b.upper) << int(b.param);
    }
    for (int unknown : {0, 7, 99, 101, 999, 1006, 1010, -1}) {
        const ZSTD_bounds r = ZSTD_dParam_getBounds(ZSTD_dParameter(unknown));
        EXPECT_ZSTD_ERR(r.error, ZSTD_error_parameter_unsupported);
    }
}

TEST(Params, SetGetRoundTrip) {
    DCtxPtr d(ZSTD_createDCtx());
    int v = -1;
    // Defaults.
    ASSERT_ZSTD_OK(ZSTD_DCtx_getParameter(d.get(), ZSTD_d_windowLogMax, &v));
    EXPECT_EQ(v, 27);
    for (ZSTD_dParameter p : {ZSTD_d_format, ZSTD_d_stableOutBuffer, ZSTD_d_forceIgnoreChecksum,
                              ZSTD_d_refMultipleDDicts, ZSTD_d_disableHuffmanAssembly}) {
        v = -1;
        ASSERT_ZSTD_OK(ZSTD_DCtx_getParameter(d.get(), p, &v));
        EXPECT_EQ(v, 0) << int(p);
    }
    v = -1;
    ASSERT_ZSTD_OK(ZSTD_DCtx_getParameter(d.get(), ZSTD_d_maxBlockSize, &v));
    EXPECT_EQ(v, 0);  // 0 = no limit beyond the format's 128 KiB

    // Every in-bounds value is stored and read back; out-of-bounds values are refused
    // and leave the setting alone.
    for (const Bound& b : kBounds) {
        for (int value : {b.lower, b.upper, (b.lower + b.upper) / 2}) {
            EXPECT_EQ(ZSTD_DCtx_setParameter(d.get(), b.param, value), 0u) << int(b.param) << "=" << value;
            v = -1;
            ASSERT_ZSTD_OK(ZSTD_DCtx_getParameter(d.get(), b.param, &v));
            EXPECT_EQ(v, value) << int(b.param);
        }
        EXPECT_ZSTD_ERR(ZSTD_DCtx_setParameter(d.get(), b.param, b.lower - 1), ZSTD_error_parameter_outOfBound);
        EXPECT_ZSTD_ERR(ZSTD_DCtx_setParameter(d.get(), b.param, b.upper + 1), ZSTD_error_parameter_outOfBound);
        v = -1;
        ASSERT_ZSTD_OK(ZSTD_DCtx_getParameter(d.get(), b.param, &v));
        EXPECT_EQ(v, (b.lower + b.upper) / 2) << int(b.param);
    }
    // windowLogMax 0 means "default".
    EXPECT_EQ(ZSTD_DCtx_setParameter(d.get(), ZSTD_d_windowLogMax, 0), 0u);
    ASSERT_ZSTD_OK(ZSTD_DCtx_getParameter(d.get(), ZSTD_d_windowLogMax, &v));
    EXPECT_EQ(v, 27);

    EXPECT_ZSTD_ERR(ZSTD_DCtx_setParameter(d.get(), ZSTD_dParameter(7), 0), ZSTD_error_parameter_unsupported);
    EXPECT_ZSTD_ERR(ZSTD_DCtx_getParameter(d.get(), ZSTD_dParameter(7), &v), ZSTD_error_parameter_unsupported);
}

TEST(Params, ResetDirectives) {
    DCtxPtr d(ZSTD_createDCtx());
    int v = 0;
    ASSERT_ZSTD_OK(ZSTD_DCtx_setParameter(d.get(), ZSTD_d_windowLogMax, 20));
    ASSERT_ZSTD_OK(ZSTD_DCtx_setParameter(d.get(), ZSTD_d_format, ZSTD_f_zstd1_magicless));
    // session_only keeps parameters.
    EXPECT_EQ(ZSTD_DCtx_reset(d.get(), ZSTD_reset_session_only), 0u);
    ASSERT_ZSTD_OK(ZSTD_DCtx_getParameter(d.get(), ZSTD_d_windowLogMax, &v));
    EXPECT_EQ(v, 20);
    // parameters restores defaults.
    EXPECT_EQ(ZSTD_DCtx_reset(d.get(), ZSTD_reset_parameters), 0u);
    ASSERT_ZSTD_OK(ZSTD_DCtx_getParameter(d.get(), ZSTD_d_windowLogMax, &v));
    EXPECT_EQ(v, 27);
    ASSERT_ZSTD_OK(ZSTD_DCtx_getParameter(d.get(), ZSTD_d_format, &v));
    EXPECT_EQ(v, 0);
    ASSERT_ZSTD_OK(ZSTD_DCtx_setParameter(d.get(), ZSTD_d_forceIgnoreChecksum, 1));
    EXPECT_EQ(ZSTD_DCtx_reset(d.get(), ZSTD_reset_session_and_parameters), 0u);
    ASSERT_ZSTD_OK(ZSTD_DCtx_getParameter(d.get(), ZSTD_d_forceIgnoreChecksum, &v));
    EXPECT_EQ(v, 0);
}

TEST(Params, StageRulesDuringAFrame) {
    const Bytes frame = load("text_w17.zst"), orig = load("text.bin"), dict = load("dictA");
    DCtxPtr d(ZSTD_createDCtx());
    Bytes window(4096);
    ZSTD_inBuffer in = {frame.data(), 1000, 0};
    ZSTD_outBuffer o = {window.data(), window.size(), 0};
    const size_t r = ZSTD_decompressStream(d.get(), &o, &in);
    ASSERT_FALSE(ZSTD_isError(r));
    ASSERT_GT(r, 0u);  // mid-frame
    EXPECT_ZSTD_ERR(ZSTD_DCtx_setParameter(d.get(), ZSTD_d_windowLogMax, 20), ZSTD_error_stage_wrong);
    EXPECT_ZSTD_ERR(ZSTD_DCtx_setParameter(d.get(), ZSTD_d_format, 0), ZSTD_error_stage_wrong);
    EXPECT_ZSTD_ERR(ZSTD_DCtx_setParameter(d.get(), ZSTD_d_forceIgnoreChecksum, 1), ZSTD_error_stage_wrong);
    EXPECT_ZSTD_ERR(ZSTD_DCtx_setMaxWindowSize(d.get(), 1 << 20), ZSTD_error_stage_wrong);
    EXPECT_ZSTD_ERR(ZSTD_DCtx_reset(d.get(), ZSTD_reset_parameters), ZSTD_error_stage_wrong);
    EXPECT_ZSTD_ERR(ZSTD_DCtx_loadDictionary(d.get(), dict.data(), dict.size()), ZSTD_error_stage_wrong);
    EXPECT_ZSTD_ERR(ZSTD_DCtx_refPrefix(d.get(), dict.data(), dict.size()), ZSTD_error_stage_wrong);
    EXPECT_ZSTD_ERR(ZSTD_DCtx_refDDict(d.get(), nullptr), ZSTD_error_stage_wrong);
    // Reading is fine, and the failed calls did not disturb the frame in progress.
    int v = 0;
    EXPECT_ZSTD_OK(ZSTD_DCtx_getParameter(d.get(), ZSTD_d_windowLogMax, &v));
    Bytes out(window.begin(), window.begin() + std::ptrdiff_t(o.pos));
    const Bytes rest(frame.begin() + std::ptrdiff_t(in.pos), frame.end());
    EXPECT_EQ(streamDecode(d.get(), rest, 1000, 4096, out), 0u);
    EXPECT_EQ(out, orig);
    // Between frames parameters can change again.
    EXPECT_EQ(ZSTD_DCtx_setParameter(d.get(), ZSTD_d_windowLogMax, 20), 0u);

    // session_and_parameters works mid-frame too (it ends the session first).
    in = {frame.data(), 1000, 0};
    o = {window.data(), window.size(), 0};
    ASSERT_GT(ZSTD_decompressStream(d.get(), &o, &in), 0u);
    EXPECT_EQ(ZSTD_DCtx_reset(d.get(), ZSTD_reset_session_and_parameters), 0u);
    EXPECT_EQ(ZSTD_DCtx_setParameter(d.get(), ZSTD_d_windowLogMax, 20), 0u);
    in = {frame.data(), 1000, 0};
    o = {window.data(), window.size(), 0};
    ASSERT_GT(ZSTD_decompressStream(d.get(), &o, &in), 0u);
    EXPECT_EQ(ZSTD_DCtx_reset(d.get(), ZSTD_reset_session_only), 0u);
    EXPECT_EQ(ZSTD_DCtx_setParameter(d.get(), ZSTD_d_windowLogMax, 21), 0u);
}

TEST(Params, InvalidResetDirectiveIsIgnored) {
    // The reference treats an unknown directive as a no-op returning 0.
    DCtxPtr d(ZSTD_createDCtx());
    ASSERT_ZSTD_OK(ZSTD_DCtx_setParameter(d.get(), ZSTD_d_windowLogMax, 20));
    EXPECT_EQ(ZSTD_DCtx_reset(d.get(), ZSTD_ResetDirective(0)), 0u);
    EXPECT_EQ(ZSTD_DCtx_reset(d.get(), ZSTD_ResetDirective(4)), 0u);
    int v = 0;
    ASSERT_ZSTD_OK(ZSTD_DCtx_getParameter(d.get(), ZSTD_d_windowLogMax, &v));
    EXPECT_EQ(v, 20);
}

// Streams with 1000-byte input pieces and a 4096-byte output window: a window that
// exceeds the limit must be refused when the frame header is read.
size_t streamSmall(ZSTD_DCtx* d, const Bytes& frame, Bytes& out) { return streamDecode(d, frame, 1000, 4096, out); }

TEST(Params, WindowLogMax) {
    const Bytes w20 = load("text_w20.zst"), w31 = load("w31.zst"), orig = load("text.bin");
    DCtxPtr d(ZSTD_createDCtx());
    Bytes out;
    ASSERT_ZSTD_OK(ZSTD_DCtx_setParameter(d.get(), ZSTD_d_windowLogMax, 19));
    EXPECT_ZSTD_ERR(streamSmall(d.get(), w20, out), ZSTD_error_frameParameter_windowTooLarge);

    ASSERT_ZSTD_OK(ZSTD_DCtx_reset(d.get(), ZSTD_reset_session_and_parameters));
    ASSERT_ZSTD_OK(ZSTD_DCtx_setParameter(d.get(), ZSTD_d_windowLogMax, 20));
    out.clear();
    EXPECT_EQ(streamSmall(d.get(), w20, out), 0u);
    EXPECT_EQ(out, orig);

    // Default limit is 2^27: a 2 GiB window descriptor is refused.
    ASSERT_ZSTD_OK(ZSTD_DCtx_reset(d.get(), ZSTD_reset_session_and_parameters));
    out.clear();
    EXPECT_ZSTD_ERR(streamSmall(d.get(), w31, out), ZSTD_error_frameParameter_windowTooLarge);
}

TEST(Params, SetMaxWindowSize) {
    const Bytes w20 = load("text_w20.zst"), orig = load("text.bin");
    DCtxPtr d(ZSTD_createDCtx());
    int v = 0;
    EXPECT_ZSTD_ERR(ZSTD_DCtx_setMaxWindowSize(d.get(), 1000), ZSTD_error_parameter_outOfBound);
    EXPECT_ZSTD_ERR(ZSTD_DCtx_setMaxWindowSize(d.get(), 0), ZSTD_error_parameter_outOfBound);
    EXPECT_ZSTD_ERR(ZSTD_DCtx_setMaxWindowSize(d.get(), size_t(1) << 33), ZSTD_error_parameter_outOfBound);
    EXPECT_EQ(ZSTD_DCtx_setMaxWindowSize(d.get(), 1024), 0u);
    ASSERT_ZSTD_OK(ZSTD_DCtx_getParameter(d.get(), ZSTD_d_windowLogMax, &v));
    EXPECT_EQ(v, 10);

    Bytes out;
    ASSERT_ZSTD_OK(ZSTD_DCtx_setMaxWindowSize(d.get(), (1 << 20) - 1));
    EXPECT_ZSTD_ERR(streamSmall(d.get(), w20, out), ZSTD_error_frameParameter_windowTooLarge);
    ASSERT_ZSTD_OK(ZSTD_DCtx_reset(d.get(), ZSTD_reset_session_only));
    ASSERT_ZSTD_OK(ZSTD_DCtx_setMaxWindowSize(d.get(), 1 << 20));
    out.clear();
    EXPECT_EQ(streamSmall(d.get(), w20, out), 0u);
    EXPECT_EQ(out, orig);
}

TEST(Params, StableOutBuffer) {
    const Bytes frame = load("text_w17.zst"), orig = load("text.bin");
    DCtxPtr d(ZSTD_createDCtx());
    ASSERT_ZSTD_OK(ZSTD_DCtx_setParameter(d.get(), ZSTD_d_stableOutBuffer, 1));
    // Streaming into one big buffer that stays put works.
    Bytes big(orig.size());
    ZSTD_outBuffer o = {big.data(), big.size(), 0};
    size_t pos = 0, r = 1;
    while (pos < frame.size()) {
        const size_t avail = frame.size() - pos;
        ZSTD_inBuffer in = {frame.data() + pos, avail < 1000 ? avail : 1000, 0};
        r = ZSTD_decompressStream(d.get(), &o, &in);
        ASSERT_FALSE(ZSTD_isError(r)) << ZSTD_getErrorName(r);
        pos += in.pos;
    }
    EXPECT_EQ(r, 0u);
    EXPECT_EQ(o.pos, orig.size());
    EXPECT_EQ(big, orig);

    // Changing the buffer (start, size, or position) between calls is refused.
    ASSERT_ZSTD_OK(ZSTD_DCtx_reset(d.get(), ZSTD_reset_session_only));
    ZSTD_outBuffer ob = {big.data(), big.size(), 0};
    ZSTD_inBuffer in = {frame.data(), 5000, 0};
    ASSERT_ZSTD_OK(ZSTD_decompressStream(d.get(), &ob, &in));
    in.size = 10000;
    ZSTD_outBuffer moved = {big.data() + 1, big.size() - 1, ob.pos};
    EXPECT_ZSTD_ERR(ZSTD_decompressStream(d.get(), &moved, &in), ZSTD_error_dstBuffer_wrong);
    ZSTD_outBuffer shrunk = {big.data(), big.size() - 5, ob.pos};
    EXPECT_ZSTD_ERR(ZSTD_decompressStream(d.get(), &shrunk, &in), ZSTD_error_dstBuffer_wrong);
    ZSTD_outBuffer skipped = {big.data(), big.size(), ob.pos + 1};
    EXPECT_ZSTD_ERR(ZSTD_decompressStream(d.get(), &skipped, &in), ZSTD_error_dstBuffer_wrong);
    // The original buffer is still accepted.
    EXPECT_ZSTD_OK(ZSTD_decompressStream(d.get(), &ob, &in));

    // A known-size frame that cannot fit is refused up front.
    const Bytes known = load("text.zst");
    ASSERT_ZSTD_OK(ZSTD_DCtx_reset(d.get(), ZSTD_reset_session_only));
    Bytes small(1000);
    ZSTD_outBuffer so = {small.data(), small.size(), 0};
    ZSTD_inBuffer ki = {known.data(), 5000, 0};
    EXPECT_ZSTD_ERR(ZSTD_decompressStream(d.get(), &so, &ki), ZSTD_error_dstSize_tooSmall);
}

TEST(Params, MagiclessFormat) {
    const Bytes frame = load("magicless.zst"), orig = load("magicless.bin");
    DCtxPtr d(ZSTD_createDCtx());
    Bytes out(orig.size());
    EXPECT_ZSTD_ERR(ZSTD_decompressDCtx(d.get(), out.data(), out.size(), frame.data(), frame.size()),
                    ZSTD_error_prefix_unknown);
    ASSERT_ZSTD_OK(ZSTD_DCtx_setParameter(d.get(), ZSTD_d_format, ZSTD_f_zstd1_magicless));
    EXPECT_EQ(ZSTD_decompressDCtx(d.get(), out.data(), out.size(), frame.data(), frame.size()), orig.size());
    EXPECT_EQ(out, orig);
    Bytes streamed;
    EXPECT_EQ(streamDecode(d.get(), frame, 1000, 4096, streamed), 0u);
    EXPECT_EQ(streamed, orig);
    // A regular frame is not magicless.
    const Bytes regular = load("small.zst");
    Bytes o2(2000);
    EXPECT_TRUE(ZSTD_isError(ZSTD_decompressDCtx(d.get(), o2.data(), o2.size(), regular.data(), regular.size())));
    // The deprecated setter does the same.
    DCtxPtr d2(ZSTD_createDCtx());
    ASSERT_ZSTD_OK(ZSTD_DCtx_setFormat(d2.get(), ZSTD_f_zstd1_magicless));
    EXPECT_EQ(ZSTD_decompressDCtx(d2.get(), out.data(), out.size(), frame.data(), frame.size()), orig.size());
    EXPECT_ZSTD_ERR(ZSTD_DCtx_setFormat(d2.get(), ZSTD_format_e(2)), ZSTD_error_parameter_outOfBound);
}

TEST(Params, ForceIgnoreChecksum) {
    const Bytes bad = load("bad_checksum.zst"), orig = load("text.bin");
    DCtxPtr d(ZSTD_createDCtx());
    Bytes out(orig.size());
    EXPECT_ZSTD_ERR(ZSTD_decompressDCtx(d.get(), out.data(), out.size(), bad.data(), bad.size()),
                    ZSTD_error_checksum_wrong);
    ASSERT_ZSTD_OK(ZSTD_DCtx_setParameter(d.get(), ZSTD_d_forceIgnoreChecksum, ZSTD_d_ignoreChecksum));
    EXPECT_EQ(ZSTD_decompressDCtx(d.get(), out.data(), out.size(), bad.data(), bad.size()), orig.size());
    EXPECT_EQ(out, orig);
    Bytes streamed;
    EXPECT_EQ(streamDecode(d.get(), bad, 1000, 4096, streamed), 0u);
    EXPECT_EQ(streamed, orig);
}

TEST(Params, MaxBlockSize) {
    // New in 1.5.6: frames whose blocks exceed the limit are rejected.
    const Bytes blocks = load("blocks.zst"), blocksBin = load("blocks.bin"), text = load("text.zst");
    DCtxPtr d(ZSTD_createDCtx());
    EXPECT_EQ(ZSTD_DCtx_setParameter(d.get(), ZSTD_d_maxBlockSize, 0), 0u);  // 0 = default, allowed
    ASSERT_ZSTD_OK(ZSTD_DCtx_setParameter(d.get(), ZSTD_d_maxBlockSize, 4096));
    Bytes out;
    EXPECT_EQ(streamDecode(d.get(), blocks, 1000, 4096, out), 0u);  // 2500-byte blocks
    EXPECT_EQ(out, blocksBin);
    out.clear();
    EXPECT_TRUE(ZSTD_isError(streamDecode(d.get(), text, 1000, 4096, out)));
    Bytes flat(700000);
    ASSERT_ZSTD_OK(ZSTD_DCtx_reset(d.get(), ZSTD_reset_session_only));
    EXPECT_TRUE(ZSTD_isError(ZSTD_decompressDCtx(d.get(), flat.data(), flat.size(), text.data(), text.size())));
}

TEST(Params, DisableHuffmanAssemblyDecodesTheSame) {
    const Bytes frame = load("text.zst"), orig = load("text.bin");
    DCtxPtr d(ZSTD_createDCtx());
    ASSERT_ZSTD_OK(ZSTD_DCtx_setParameter(d.get(), ZSTD_d_disableHuffmanAssembly, 1));
    Bytes out(orig.size());
    EXPECT_EQ(ZSTD_decompressDCtx(d.get(), out.data(), out.size(), frame.data(), frame.size()), orig.size());
    EXPECT_EQ(out, orig);
}

}  // namespace
