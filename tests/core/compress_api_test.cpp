// Compression API corners beside the main interop suite: ZSTD_CCtx_params
// sets (against the reference), the bufferless calls (compressBegin /
// Continue / End, compressBlock) and frame progression.
#include <gtest/gtest.h>
#include <zstd.h>

#include <climits>
#include <cstring>

#include "compress/cctx.h"
#include "decompress/dctx.h"
#include "support.h"

namespace {

using zest::CParam;
using namespace zt;

Bytes refDecode(const uint8_t* frame, size_t size, size_t expected) {
    Bytes out(expected + 1);
    const size_t r = ZSTD_decompress(out.data(), out.size(), frame, size);
    EXPECT_FALSE(ZSTD_isError(r)) << ZSTD_getErrorName(r);
    out.resize(ZSTD_isError(r) ? 0 : r);
    return out;
}

// Every parameter id, set on a parameter set, answers like the reference's
// ZSTD_CCtxParams_setParameter / getParameter (ids both versions know).
TEST(CCtxParams, SetAndGetLikeReference) {
    const int ids[] = {100, 101, 102, 103, 104, 105, 106, 107, 160, 161, 162, 163, 164, 200, 201, 202,
                       10, 1000, 1001, 1002, 1004, 1005, 1006, 1007, 1008, 1009, 1011, 1012, 1013, 1014, 1015, 99};
    const int values[] = {0, 1, 2, 3, -1, 5, 9, 10, 17, 22, 27, 31, 32, 100, 1 << 20, INT_MAX, INT_MIN, -7};
    zest::CCtxParams* z = zest::createCCtxParams(zest::kDefaultMem);
    ZSTD_CCtx_params* r = ZSTD_createCCtxParams();
    for (int id : ids) {
        for (int v : values) {
            const size_t zr = zest::cctxParamsSetParameter(z, id, v);
            const size_t rr = ZSTD_CCtxParams_setParameter(r, ZSTD_cParameter(id), v);
            EXPECT_EQ(zr, rr) << "set id " << id << " value " << v;
            int zv = -12345, rv = -12345;
            const size_t zg = zest::cctxParamsGetParameter(z, id, &zv);
            const size_t rg = ZSTD_CCtxParams_getParameter(r, ZSTD_cParameter(id), &rv);
            EXPECT_EQ(zg, rg) << "get id " << id;
            EXPECT_EQ(zv, rv) << "get id " << id << " after value " << v;
        }
    }
    EXPECT_EQ(zest::cctxParamsInit(z, 7), ZSTD_CCtxParams_init(r, 7));
    int zv = 0, rv = 0;
    zest::cctxParamsGetParameter(z, ZSTD_c_compressionLevel, &zv);
    ZSTD_CCtxParams_getParameter(r, ZSTD_c_compressionLevel, &rv);
    EXPECT_EQ(zv, rv);
    zest::freeCCtxParams(z, zest::kDefaultMem);
    ZSTD_freeCCtxParams(r);
}

// A parameter set applied to a context rules its next frames.
TEST(CCtxParams, AppliedToContext) {
    Rng rng(11);
    const Bytes src = genText(rng, 100000);
    zest::CCtxParams* p = zest::createCCtxParams(zest::kDefaultMem);
    zest::cctxParamsInit(p, 1);
    zest::cctxParamsSetParameter(p, ZSTD_c_checksumFlag, 1);
    zest::cctxParamsSetParameter(p, ZSTD_c_windowLog, 15);
    zest::CCtx* c = zest::createCCtx(zest::kDefaultMem);
    ASSERT_EQ(zest::cctxSetParametersUsingCCtxParams(c, p), 0u);
    Bytes frame(zest::compressBound(src.size()));
    const size_t n = zest::compress2(c, frame.data(), frame.size(), src.data(), src.size());
    ASSERT_FALSE(zest::isError(n));
    ZSTD_frameHeader fh;
    ASSERT_EQ(ZSTD_getFrameHeader(&fh, frame.data(), n), 0u);
    EXPECT_EQ(fh.checksumFlag, 1u);
    EXPECT_EQ(fh.windowSize, 1u << 15);
    EXPECT_EQ(refDecode(frame.data(), n, src.size()), src);
    EXPECT_GT(zest::estimateCCtxSizeUsingCCtxParams(p), size_t(1) << 15);
    EXPECT_GT(zest::estimateCStreamSizeUsingCCtxParams(p), zest::estimateCCtxSizeUsingCCtxParams(p));
    zest::freeCCtx(c);
    zest::freeCCtxParams(p, zest::kDefaultMem);
}

// compressBegin/Continue/End in uneven chunks, with and without a
// dictionary: the reference decodes the frame.
TEST(Bufferless, ContinueAndEnd) {
    Rng rng(12);
    const Bytes src = genMixed(rng, 400000);
    const Bytes dict = genText(rng, 20000);
    zest::CCtx* c = zest::createCCtx(zest::kDefaultMem);
    ZSTD_DCtx* rd = ZSTD_createDCtx();
    for (int level : {-3, 1, 3, 9}) {
        for (bool withDict : {false, true}) {
            SCOPED_TRACE(::testing::Message() << "level " << level << " dict " << withDict);
            if (withDict) ASSERT_EQ(zest::compressBeginUsingDict(c, dict.data(), dict.size(), level), 0u);
            else ASSERT_EQ(zest::compressBegin(c, level), 0u);
            Bytes frame(zest::compressBound(src.size()) + 1024);
            size_t pos = 0, in = 0;
            const size_t steps[] = {1, 7000, 131072, 50000, 3};
            for (size_t i = 0; in + steps[i % 5] < src.size(); ++i) {
                const size_t r = zest::compressContinue(c, frame.data() + pos, frame.size() - pos, src.data() + in,
                                                        steps[i % 5]);
                ASSERT_FALSE(zest::isError(r)) << zest::errorName(r);
                pos += r;
                in += steps[i % 5];
            }
            const size_t r = zest::compressEnd(c, frame.data() + pos, frame.size() - pos, src.data() + in,
                                               src.size() - in);
            ASSERT_FALSE(zest::isError(r)) << zest::errorName(r);
            pos += r;
            const zest::FrameProgression fp = zest::getFrameProgression(c);
            EXPECT_EQ(fp.consumed, src.size());
            EXPECT_EQ(fp.produced, pos);
            Bytes out(src.size() + 1);
            const size_t d = withDict ? ZSTD_decompress_usingDict(rd, out.data(), out.size(),
                                                                  frame.data(), pos, dict.data(), dict.size())
                                      : ZSTD_decompress(out.data(), out.size(), frame.data(), pos);
            ASSERT_EQ(d, src.size()) << (ZSTD_isError(d) ? ZSTD_getErrorName(d) : "");
            EXPECT_EQ(0, std::memcmp(out.data(), src.data(), d));
        }
    }
    ZSTD_freeDCtx(rd);
    zest::freeCCtx(c);
}

// compressBlock: bodies of blocks the caller frames itself; 0 means "store
// it raw". Decoded block by block with the reference's bufferless decoder.
TEST(Bufferless, CompressBlock) {
    Rng rng(13);
    const Bytes src = genMixed(rng, 300000);
    zest::CCtx* c = zest::createCCtx(zest::kDefaultMem);
    ASSERT_EQ(zest::compressBegin(c, 3), 0u);
    const size_t bs = zest::getBlockSize(c);
    EXPECT_EQ(bs, 128u * 1024);
    ZSTD_DCtx* d = ZSTD_createDCtx();
    ASSERT_EQ(ZSTD_decompressBegin(d), 0u);
    Bytes out(src.size());
    Bytes body(ZSTD_compressBound(bs));
    size_t produced = 0;
    for (size_t in = 0; in < src.size();) {
        const size_t n = std::min(bs / 2 + 999, src.size() - in);
        const size_t r = zest::compressBlockOnly(c, body.data(), body.size(), src.data() + in, n);
        ASSERT_FALSE(zest::isError(r)) << zest::errorName(r);
        if (r == 0) {
            std::memcpy(out.data() + produced, src.data() + in, n);
            ASSERT_EQ(ZSTD_insertBlock(d, out.data() + produced, n), n);
        } else {
            const size_t dn = ZSTD_decompressBlock(d, out.data() + produced, out.size() - produced, body.data(), r);
            ASSERT_EQ(dn, n) << (ZSTD_isError(dn) ? ZSTD_getErrorName(dn) : "");
        }
        produced += n;
        in += n;
    }
    EXPECT_EQ(out, src);
    EXPECT_TRUE(zest::isError(zest::compressBlockOnly(c, body.data(), body.size(), src.data(), bs + 1)));
    ZSTD_freeDCtx(d);
    zest::freeCCtx(c);
}

}  // namespace
