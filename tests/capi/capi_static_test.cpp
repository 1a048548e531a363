// Static workspaces: contexts and dictionaries placed in caller memory.
#include "capi_util.h"

using namespace capi;

namespace {

TEST(Static, DCtxOneShot) {
    const Bytes frame = load("text.zst"), orig = load("text.bin");
    const size_t size = ZSTD_estimateDCtxSize();
    ASSERT_GT(size, 0u);
    Workspace ws(size);
    ZSTD_DCtx* d = ZSTD_initStaticDCtx(ws.data(), size);
    ASSERT_NE(d, nullptr);
    EXPECT_LE(ZSTD_sizeof_DCtx(d), size);
    Bytes out(orig.size());
    EXPECT_EQ(ZSTD_decompressDCtx(d, out.data(), out.size(), frame.data(), frame.size()), orig.size());
    EXPECT_EQ(out, orig);
    // Reusable.
    const Bytes small = load("small.zst"), smallBin = load("small.bin");
    EXPECT_EQ(ZSTD_decompressDCtx(d, out.data(), out.size(), small.data(), small.size()), smallBin.size());
    // A static context is not freed by the library.
    EXPECT_ZSTD_ERR(ZSTD_freeDCtx(d), ZSTD_error_memory_allocation);
    EXPECT_ZSTD_ERR(ZSTD_freeDStream(d), ZSTD_error_memory_allocation);
    // ... and still works afterwards.
    EXPECT_EQ(ZSTD_decompressDCtx(d, out.data(), out.size(), small.data(), small.size()), smallBin.size());
}

TEST(Static, DCtxRejectsBadWorkspaces) {
    const size_t size = ZSTD_estimateDCtxSize();
    Workspace ws(size, 0), odd(size, 1), four(size, 4);
    EXPECT_EQ(ZSTD_initStaticDCtx(odd.data(), size), nullptr);   // misaligned
    EXPECT_EQ(ZSTD_initStaticDCtx(four.data(), size), nullptr);  // only 4-byte aligned
    EXPECT_EQ(ZSTD_initStaticDCtx(ws.data(), 100), nullptr);     // far too small
    EXPECT_EQ(ZSTD_initStaticDStream(odd.data(), size), nullptr);
    EXPECT_EQ(ZSTD_initStaticDStream(ws.data(), 100), nullptr);
}

TEST(Static, DCtxWithoutStreamBuffersCannotStream) {
    // estimateDCtxSize() covers one-shot decoding only: streaming through a small output
    // window needs buffers the workspace does not have.
    const Bytes frame = load("text_w17.zst");
    const size_t size = ZSTD_estimateDCtxSize();
    Workspace ws(size);
    ZSTD_DCtx* d = ZSTD_initStaticDCtx(ws.data(), size);
    ASSERT_NE(d, nullptr);
    Bytes out;
    EXPECT_ZSTD_ERR(streamDecode(d, frame, 1000, 4096, out), ZSTD_error_memory_allocation);
}

TEST(Static, DStreamSizedForWindow) {
    const Bytes w17 = load("text_w17.zst"), w20 = load("text_w20.zst"), orig = load("text.bin");
    const size_t size = ZSTD_estimateDStreamSize(size_t(1) << 17);
    Workspace ws(size);
    ZSTD_DStream* s = ZSTD_initStaticDStream(ws.data(), size);
    ASSERT_NE(s, nullptr);
    Bytes out;
    EXPECT_EQ(streamDecode(s, w17, 1000, 4096, out), 0u);
    EXPECT_EQ(out, orig);
    // Twice: the buffers are reused, not reallocated.
    ASSERT_ZSTD_OK(ZSTD_DCtx_reset(s, ZSTD_reset_session_only));
    out.clear();
    EXPECT_EQ(streamDecode(s, w17, 777, 7, out), 0u);
    EXPECT_EQ(out, orig);
    // A frame with a larger window needs more than the workspace holds.
    ASSERT_ZSTD_OK(ZSTD_DCtx_reset(s, ZSTD_reset_session_only));
    out.clear();
    EXPECT_ZSTD_ERR(streamDecode(s, w20, 1000, 4096, out), ZSTD_error_memory_allocation);
    // The failure is recoverable with a frame that fits.
    ASSERT_ZSTD_OK(ZSTD_DCtx_reset(s, ZSTD_reset_session_only));
    out.clear();
    EXPECT_EQ(streamDecode(s, w17, 1000, 4096, out), 0u);
    EXPECT_EQ(out, orig);
    EXPECT_ZSTD_ERR(ZSTD_freeDStream(s), ZSTD_error_memory_allocation);
}

TEST(Static, DStreamSizedFromFrame) {
    const Bytes w20 = load("text_w20.zst"), orig = load("text.bin");
    const size_t size = ZSTD_estimateDStreamSize_fromFrame(w20.data(), w20.size());
    ASSERT_FALSE(ZSTD_isError(size));
    EXPECT_GE(size, ZSTD_estimateDStreamSize(size_t(1) << 20));
    Workspace ws(size);
    ZSTD_DStream* s = ZSTD_initStaticDStream(ws.data(), size);
    ASSERT_NE(s, nullptr);
    Bytes out;
    EXPECT_EQ(streamDecode(s, w20, 1000, 4096, out), 0u);
    EXPECT_EQ(out, orig);

    const Bytes bad = load("bad_window.zst");
    EXPECT_ZSTD_ERR(ZSTD_estimateDStreamSize_fromFrame(bad.data(), bad.size()),
                    ZSTD_error_frameParameter_windowTooLarge);
}

TEST(Static, DStreamWorkspaceWithoutRoomForBuffers) {
    // Room for the context and a little more, but not for a 128 KiB window's buffers.
    const Bytes w17 = load("text_w17.zst");
    const size_t size = ZSTD_estimateDCtxSize() + 4096;
    Workspace ws(size);
    ZSTD_DStream* s = ZSTD_initStaticDStream(ws.data(), size);
    ASSERT_NE(s, nullptr);
    Bytes out;
    EXPECT_ZSTD_ERR(streamDecode(s, w17, 1000, 4096, out), ZSTD_error_memory_allocation);
}

TEST(Static, DDictByCopyAndByReference) {
    const Bytes dict = load("dictA"), rec = load("recA.zst"), orig = load("recA.bin");
    const size_t copySize = ZSTD_estimateDDictSize(dict.size(), ZSTD_dlm_byCopy);
    const size_t refSize = ZSTD_estimateDDictSize(dict.size(), ZSTD_dlm_byRef);
    EXPECT_GE(copySize, refSize + dict.size());
    DCtxPtr d(ZSTD_createDCtx());
    Bytes out(orig.size());
    {
        Workspace ws(copySize);
        Bytes copy = dict;  // the DDict must not depend on this buffer
        const ZSTD_DDict* dd =
            ZSTD_initStaticDDict(ws.data(), copySize, copy.data(), copy.size(), ZSTD_dlm_byCopy, ZSTD_dct_auto);
        ASSERT_NE(dd, nullptr);
        std::fill(copy.begin(), copy.end(), 0);
        EXPECT_EQ(ZSTD_getDictID_fromDDict(dd), 1111u);
        EXPECT_EQ(ZSTD_decompress_usingDDict(d.get(), out.data(), out.size(), rec.data(), rec.size(), dd),
                  orig.size());
        EXPECT_EQ(out, orig);
    }
    {
        Workspace ws(refSize);
        const ZSTD_DDict* dd =
            ZSTD_initStaticDDict(ws.data(), refSize, dict.data(), dict.size(), ZSTD_dlm_byRef, ZSTD_dct_auto);
        ASSERT_NE(dd, nullptr);
        std::fill(out.begin(), out.end(), 0);
        EXPECT_EQ(ZSTD_decompress_usingDDict(d.get(), out.data(), out.size(), rec.data(), rec.size(), dd),
                  orig.size());
        EXPECT_EQ(out, orig);
        // Usable through the sticky API as well.
        ASSERT_ZSTD_OK(ZSTD_DCtx_refDDict(d.get(), dd));
        Bytes streamed;
        EXPECT_EQ(streamDecode(d.get(), rec, 100, 100, streamed), 0u);
        EXPECT_EQ(streamed, orig);
        ASSERT_ZSTD_OK(ZSTD_DCtx_refDDict(d.get(), nullptr));
    }
    {
        // By-copy does not fit in the by-reference size; misaligned or tiny workspaces fail.
        Workspace ws(copySize), odd(copySize, 4);
        EXPECT_EQ(ZSTD_initStaticDDict(ws.data(), refSize, dict.data(), dict.size(), ZSTD_dlm_byCopy, ZSTD_dct_auto),
                  nullptr);
        EXPECT_EQ(ZSTD_initStaticDDict(odd.data(), copySize, dict.data(), dict.size(), ZSTD_dlm_byCopy,
                                       ZSTD_dct_auto),
                  nullptr);
        EXPECT_EQ(ZSTD_initStaticDDict(ws.data(), refSize - 1, dict.data(), dict.size(), ZSTD_dlm_byRef,
                                       ZSTD_dct_auto),
                  nullptr);
    }
}

TEST(Static, DCtxWithStaticDDict) {
    const Bytes dict = load("dictA"), rec = load("recA.zst"), orig = load("recA.bin");
    const size_t dsize = ZSTD_estimateDDictSize(dict.size(), ZSTD_dlm_byRef);
    Workspace dws(dsize);
    const ZSTD_DDict* dd =
        ZSTD_initStaticDDict(dws.data(), dsize, dict.data(), dict.size(), ZSTD_dlm_byRef, ZSTD_dct_auto);
    ASSERT_NE(dd, nullptr);
    const size_t csize = ZSTD_estimateDCtxSize();
    Workspace cws(csize);
    ZSTD_DCtx* d = ZSTD_initStaticDCtx(cws.data(), csize);
    ASSERT_NE(d, nullptr);
    ASSERT_ZSTD_OK(ZSTD_DCtx_refDDict(d, dd));
    Bytes out(orig.size());
    EXPECT_EQ(ZSTD_decompressDCtx(d, out.data(), out.size(), rec.data(), rec.size()), orig.size());
    EXPECT_EQ(out, orig);
    // Multiple-DDict mode needs a heap table: not available on a static context.
    EXPECT_ZSTD_ERR(ZSTD_DCtx_setParameter(d, ZSTD_d_refMultipleDDicts, 1), ZSTD_error_parameter_unsupported);
}

}  // namespace
