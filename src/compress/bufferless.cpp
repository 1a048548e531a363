// Bufferless compression: the caller drives the frame chunk by chunk
// (ZSTD_compressBegin*/Continue/End) or block by block (ZSTD_compressBlock),
// and keeps the data in place, so the window refers to it directly.
#include "compress/cctx_impl.h"

namespace zest {
namespace {

size_t begin(CCtx* c, const CCtxParams& p, u64 pledged, const DictSource& ds) {
    c->streamStage = CCtx::StreamStage::init;
    ZEST_TRY(beginFrameWith(c, p, pledged, false, false, ds));
    // Remembered for copyCCtx.
    c->begunParams = p;
    c->begunDict = ds;
    c->begunBufferless = true;
    return 0;
}

DictSource rawDict(const void* dict, size_t dictSize) {
    DictSource ds;
    ds.dict = dict;
    ds.dictSize = dict ? dictSize : 0;
    return ds;
}

}  // namespace

size_t compressBegin(CCtx* c, int level) { return compressBeginUsingDict(c, nullptr, 0, level); }

size_t compressBeginUsingDict(CCtx* c, const void* dict, size_t dictSize, int level) {
    return begin(c, levelParams(level), kContentSizeUnknown, rawDict(dict, dictSize));
}

size_t compressBeginAdvanced(CCtx* c, const void* dict, size_t dictSize, Params params,
                             unsigned long long pledgedSrcSize) {
    ZEST_TRY(checkCParams(params.cParams));
    CCtxParams p;
    p.cParams = params.cParams;
    p.fParams = params.fParams;
    return begin(c, p, pledgedSrcSize, rawDict(dict, dictSize));
}

size_t compressBeginUsingCDict(CCtx* c, const CDict* cdict, FParams fp, unsigned long long pledgedSrcSize) {
    if (!cdict) return ZEST_ERR(dictionary_wrong);
    CCtxParams p = levelParams(cdict->level);
    p.fParams = fp;
    DictSource ds;
    ds.cdict = cdict;
    return begin(c, p, pledgedSrcSize, ds);
}

// The reference copies a prepared context's tables; beginning the frame the
// same way on dst gives the same state. As the reference: no checksum, the
// dictionary ID written, the size written when known (0 means unknown).
size_t copyCCtx(CCtx* dst, const CCtx* prepared, unsigned long long pledgedSrcSize) {
    if (!dst || !prepared) return ZEST_ERR(GENERIC);
    if (!prepared->begunBufferless || prepared->stage != CCtx::Stage::ongoing || prepared->headerWritten ||
        prepared->consumed != 0)
        return ZEST_ERR(stage_wrong);
    CCtxParams p = prepared->begunParams;
    const u64 size = pledgedSrcSize == 0 ? kContentSizeUnknown : pledgedSrcSize;
    p.fParams = FParams{size != kContentSizeUnknown, 0, 0};
    const DictSource ds = prepared->begunDict;
    return begin(dst, p, size, ds);
}

size_t compressContinue(CCtx* c, void* dst, size_t dstCapacity, const void* src, size_t srcSize) {
    return compressChunk(c, dst, dstCapacity, src, srcSize, false);
}

size_t compressEnd(CCtx* c, void* dst, size_t dstCapacity, const void* src, size_t srcSize) {
    return compressChunk(c, dst, dstCapacity, src, srcSize, true);
}

size_t getBlockSize(const CCtx* c) {
    const size_t w = size_t(1) << c->fparams.cp.windowLog;
    return w < kBlockSizeMax ? w : kBlockSizeMax;
}

size_t compressBlockOnly(CCtx* c, void* dst, size_t dstCapacity, const void* src, size_t srcSize) {
    if (c->stage != CCtx::Stage::ongoing) return ZEST_ERR(stage_wrong);
    if (srcSize > getBlockSize(c)) return ZEST_ERR(srcSize_wrong);
    if (srcSize == 0) return 0;
    const u8* ip = static_cast<const u8*>(src);
    c->ms.window.update(ip, srcSize);
    c->consumed += srcSize;
    const size_t cSize = compressBlockBody(c, static_cast<u8*>(dst), dstCapacity, ip, srcSize);
    ZEST_TRY(cSize);
    if (cSize) commitCompressedBlock(c, c->seqs);
    return cSize;
}

}  // namespace zest
