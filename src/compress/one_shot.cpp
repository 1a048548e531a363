// The one-shot compression entry points (ZSTD_compress & co.), built on
// beginFrameWith and compressChunk.
#include <cstring>

#include "compress/cctx_impl.h"
#include "compress/mt_compress.h"

namespace zest {

namespace {

size_t oneShot(CCtx* c, const CCtxParams& p, void* dst, size_t dstCapacity, const void* src, size_t srcSize,
               const DictSource& ds) {
    ZEST_TRY(beginFrameWith(c, p, srcSize, false, false, ds));
    return compressChunk(c, dst, dstCapacity, src, srcSize, true);
}

}  // namespace

size_t compressCCtx(CCtx* c, void* dst, size_t dstCapacity, const void* src, size_t srcSize, int level) {
    return compressUsingDict(c, dst, dstCapacity, src, srcSize, nullptr, 0, level);
}

size_t compressUsingDict(CCtx* c, void* dst, size_t dstCapacity, const void* src, size_t srcSize, const void* dict,
                         size_t dictSize, int level) {
    DictSource ds;
    ds.dict = dict;
    ds.dictSize = dict ? dictSize : 0;
    return oneShot(c, levelParams(level), dst, dstCapacity, src, srcSize, ds);
}

size_t compressAdvanced(CCtx* c, void* dst, size_t dstCapacity, const void* src, size_t srcSize, const void* dict,
                        size_t dictSize, Params params) {
    ZEST_TRY(checkCParams(params.cParams));
    CCtxParams p;
    p.cParams = params.cParams;
    p.fParams = params.fParams;
    DictSource ds;
    ds.dict = dict;
    ds.dictSize = dict ? dictSize : 0;
    return oneShot(c, p, dst, dstCapacity, src, srcSize, ds);
}

size_t compressUsingCDict(CCtx* c, void* dst, size_t dstCapacity, const void* src, size_t srcSize,
                          const CDict* cdict, FParams fp) {
    if (!cdict) return ZEST_ERR(dictionary_wrong);
    CCtxParams p = levelParams(cdict->level);
    p.fParams = fp;
    DictSource ds;
    ds.cdict = cdict;
    return oneShot(c, p, dst, dstCapacity, src, srcSize, ds);
}

size_t compress2(CCtx* c, void* dst, size_t dstCapacity, const void* src, size_t srcSize) {
    cctxReset(c, ResetDirective::session_only);
    if (mtWanted(c, srcSize)) {
        // On workers: the whole input and output in one streaming call.
        ZEST_TRY(mtBeginFrame(c, srcSize));
        InBuffer in{src, srcSize, 0};
        OutBuffer out{dst, dstCapacity, 0};
        const size_t r = mtCompressStream(c, &out, &in, EndDirective::end);
        if (r != 0) mtAbort(c);
        ZEST_TRY(r);
        if (r != 0) return ZEST_ERR(dstSize_tooSmall);
        return out.pos;
    }
    ZEST_TRY(beginFrame(c, srcSize, false, false));
    return compressChunk(c, dst, dstCapacity, src, srcSize, true);
}

size_t compress(void* dst, size_t dstCapacity, const void* src, size_t srcSize, int level) {
    CCtx* c = createCCtx(kDefaultMem);
    if (!c) return ZEST_ERR(memory_allocation);
    const size_t r = compressCCtx(c, dst, dstCapacity, src, srcSize, level);
    freeCCtx(c);
    return r;
}

size_t writeSkippableFrame(void* dst, size_t dstCapacity, const void* src, size_t srcSize, unsigned magicVariant) {
    if (magicVariant > 15) return ZEST_ERR(parameter_outOfBound);
    if (u64(srcSize) > 0xFFFFFFFFull) return ZEST_ERR(srcSize_wrong);
    if (dstCapacity < kSkippableHeaderSize + srcSize) return ZEST_ERR(dstSize_tooSmall);
    u8* op = static_cast<u8*>(dst);
    writeLE32(op, kMagicSkippableStart + magicVariant);
    writeLE32(op + 4, u32(srcSize));
    if (srcSize) std::memcpy(op + 8, src, srcSize);
    return kSkippableHeaderSize + srcSize;
}

}  // namespace zest
