// Decompression side of the C API: thin forwards to the core.
#include "capi/capi.h"

using namespace zest;
using namespace zest::capi;

// ---- Frame inspection --------------------------------------------------------
ZEST_CAPI unsigned long long ZSTD_getFrameContentSize(const void* src, size_t srcSize) {
    return getFrameContentSize(src, srcSize);
}
ZEST_CAPI unsigned long long ZSTD_getDecompressedSize(const void* src, size_t srcSize) {
    const unsigned long long r = getFrameContentSize(src, srcSize);
    return r >= kContentSizeError ? 0 : r;
}
ZEST_CAPI size_t ZSTD_findFrameCompressedSize(const void* src, size_t srcSize) {
    return findFrameCompressedSize(src, srcSize, Format::zstd1);
}
ZEST_CAPI unsigned long long ZSTD_findDecompressedSize(const void* src, size_t srcSize) {
    return findDecompressedSize(src, srcSize);
}
ZEST_CAPI unsigned long long ZSTD_decompressBound(const void* src, size_t srcSize) {
    return decompressBound(src, srcSize);
}
ZEST_CAPI size_t ZSTD_frameHeaderSize(const void* src, size_t srcSize) {
    return frameHeaderSize(src, srcSize, Format::zstd1);
}
ZEST_CAPI size_t ZSTD_getFrameHeader(ZSTD_FrameHeader* zfh, const void* src, size_t srcSize) {
    return getFrameHeader(reinterpret_cast<FrameHeader*>(zfh), src, srcSize, Format::zstd1);
}
ZEST_CAPI size_t ZSTD_getFrameHeader_advanced(ZSTD_FrameHeader* zfh, const void* src, size_t srcSize,
                                              ZSTD_format_e format) {
    if (format != ZSTD_f_zstd1 && format != ZSTD_f_zstd1_magicless) return ZEST_ERR(parameter_outOfBound);
    return getFrameHeader(reinterpret_cast<FrameHeader*>(zfh), src, srcSize, Format(format));
}
ZEST_CAPI size_t ZSTD_decompressionMargin(const void* src, size_t srcSize) {
    return decompressionMargin(src, srcSize);
}
ZEST_CAPI unsigned ZSTD_isFrame(const void* buffer, size_t size) { return isFrame(buffer, size); }
ZEST_CAPI unsigned ZSTD_isSkippableFrame(const void* buffer, size_t size) { return isSkippableFrame(buffer, size); }
ZEST_CAPI size_t ZSTD_readSkippableFrame(void* dst, size_t dstCapacity, unsigned* magicVariant, const void* src,
                                         size_t srcSize) {
    return readSkippableFrame(dst, dstCapacity, magicVariant, src, srcSize);
}
ZEST_CAPI unsigned ZSTD_getDictID_fromFrame(const void* src, size_t srcSize) {
    return getDictIDFromFrame(src, srcSize);
}
ZEST_CAPI unsigned ZSTD_getDictID_fromDict(const void* dict, size_t dictSize) {
    return getDictIDFromDict(dict, dictSize);
}
ZEST_CAPI unsigned ZSTD_getDictID_fromDDict(const ZSTD_DDict* ddict) { return ddictGetDictID(core(ddict)); }

// ---- One-shot -------------------------------------------------------------------
ZEST_CAPI size_t ZSTD_decompress(void* dst, size_t dstCapacity, const void* src, size_t srcSize) {
    return decompress(dst, dstCapacity, src, srcSize);
}
ZEST_CAPI size_t ZSTD_decompressDCtx(ZSTD_DCtx* dctx, void* dst, size_t dstCapacity, const void* src,
                                     size_t srcSize) {
    return decompressDCtx(core(dctx), dst, dstCapacity, src, srcSize);
}
ZEST_CAPI size_t ZSTD_decompress_usingDict(ZSTD_DCtx* dctx, void* dst, size_t dstCapacity, const void* src,
                                           size_t srcSize, const void* dict, size_t dictSize) {
    return decompressUsingDict(core(dctx), dst, dstCapacity, src, srcSize, dict, dictSize);
}
ZEST_CAPI size_t ZSTD_decompress_usingDDict(ZSTD_DCtx* dctx, void* dst, size_t dstCapacity, const void* src,
                                            size_t srcSize, const ZSTD_DDict* ddict) {
    return decompressUsingDDict(core(dctx), dst, dstCapacity, src, srcSize, core(ddict));
}

// ---- Contexts -------------------------------------------------------------------
ZEST_CAPI ZSTD_DCtx* ZSTD_createDCtx(void) { return pub(createDCtx(kDefaultMem)); }
ZEST_CAPI ZSTD_DCtx* ZSTD_createDCtx_advanced(ZSTD_customMem customMem) { return pub(createDCtx(core(customMem))); }
ZEST_CAPI size_t ZSTD_freeDCtx(ZSTD_DCtx* dctx) { return freeDCtx(core(dctx)); }
ZEST_CAPI ZSTD_DCtx* ZSTD_initStaticDCtx(void* workspace, size_t workspaceSize) {
    return pub(initStaticDCtx(workspace, workspaceSize));
}
ZEST_CAPI size_t ZSTD_sizeof_DCtx(const ZSTD_DCtx* dctx) { return sizeofDCtx(core(dctx)); }
ZEST_CAPI size_t ZSTD_estimateDCtxSize(void) { return estimateDCtxSize(); }
ZEST_CAPI void ZSTD_copyDCtx(ZSTD_DCtx* dst, const ZSTD_DCtx* src) { copyDCtx(core(dst), core(src)); }

ZEST_CAPI ZSTD_bounds ZSTD_dParam_getBounds(ZSTD_dParameter param) { return pub(dParamBounds(int(param))); }
ZEST_CAPI size_t ZSTD_DCtx_setParameter(ZSTD_DCtx* dctx, ZSTD_dParameter param, int value) {
    return dctxSetParameter(core(dctx), int(param), value);
}
ZEST_CAPI size_t ZSTD_DCtx_getParameter(ZSTD_DCtx* dctx, ZSTD_dParameter param, int* value) {
    return dctxGetParameter(core(dctx), int(param), value);
}
ZEST_CAPI size_t ZSTD_DCtx_setFormat(ZSTD_DCtx* dctx, ZSTD_format_e format) {
    return dctxSetParameter(core(dctx), int(DParam::format), int(format));
}
ZEST_CAPI size_t ZSTD_DCtx_setMaxWindowSize(ZSTD_DCtx* dctx, size_t maxWindowSize) {
    return dctxSetMaxWindowSize(core(dctx), maxWindowSize);
}
ZEST_CAPI size_t ZSTD_DCtx_reset(ZSTD_DCtx* dctx, ZSTD_ResetDirective reset) {
    return dctxReset(core(dctx), ResetDirective(reset));
}

// ---- Dictionaries -----------------------------------------------------------------
ZEST_CAPI size_t ZSTD_DCtx_loadDictionary(ZSTD_DCtx* dctx, const void* dict, size_t dictSize) {
    return dctxLoadDictionary(core(dctx), dict, dictSize, DictLoadMethod::byCopy, DictContentType::autoDetect);
}
ZEST_CAPI size_t ZSTD_DCtx_loadDictionary_byReference(ZSTD_DCtx* dctx, const void* dict, size_t dictSize) {
    return dctxLoadDictionary(core(dctx), dict, dictSize, DictLoadMethod::byRef, DictContentType::autoDetect);
}
ZEST_CAPI size_t ZSTD_DCtx_loadDictionary_advanced(ZSTD_DCtx* dctx, const void* dict, size_t dictSize,
                                                   ZSTD_dictLoadMethod_e method, ZSTD_dictContentType_e type) {
    return dctxLoadDictionary(core(dctx), dict, dictSize, DictLoadMethod(method), DictContentType(type));
}
ZEST_CAPI size_t ZSTD_DCtx_refPrefix(ZSTD_DCtx* dctx, const void* prefix, size_t prefixSize) {
    return dctxRefPrefix(core(dctx), prefix, prefixSize, DictContentType::rawContent);
}
ZEST_CAPI size_t ZSTD_DCtx_refPrefix_advanced(ZSTD_DCtx* dctx, const void* prefix, size_t prefixSize,
                                              ZSTD_dictContentType_e type) {
    return dctxRefPrefix(core(dctx), prefix, prefixSize, DictContentType(type));
}
ZEST_CAPI size_t ZSTD_DCtx_refDDict(ZSTD_DCtx* dctx, const ZSTD_DDict* ddict) {
    return dctxRefDDict(core(dctx), core(ddict));
}

ZEST_CAPI ZSTD_DDict* ZSTD_createDDict(const void* dict, size_t dictSize) {
    return pub(createDDict(dict, dictSize, DictLoadMethod::byCopy, DictContentType::autoDetect, kDefaultMem));
}
ZEST_CAPI ZSTD_DDict* ZSTD_createDDict_byReference(const void* dict, size_t dictSize) {
    return pub(createDDict(dict, dictSize, DictLoadMethod::byRef, DictContentType::autoDetect, kDefaultMem));
}
ZEST_CAPI ZSTD_DDict* ZSTD_createDDict_advanced(const void* dict, size_t dictSize, ZSTD_dictLoadMethod_e method,
                                                ZSTD_dictContentType_e type, ZSTD_customMem customMem) {
    return pub(createDDict(dict, dictSize, DictLoadMethod(method), DictContentType(type), core(customMem)));
}
ZEST_CAPI const ZSTD_DDict* ZSTD_initStaticDDict(void* workspace, size_t workspaceSize, const void* dict,
                                                 size_t dictSize, ZSTD_dictLoadMethod_e method,
                                                 ZSTD_dictContentType_e type) {
    return pub(initStaticDDict(workspace, workspaceSize, dict, dictSize, DictLoadMethod(method),
                               DictContentType(type)));
}
ZEST_CAPI size_t ZSTD_freeDDict(ZSTD_DDict* ddict) { return freeDDict(core(ddict)); }
ZEST_CAPI size_t ZSTD_sizeof_DDict(const ZSTD_DDict* ddict) { return sizeofDDict(core(ddict)); }
ZEST_CAPI size_t ZSTD_estimateDDictSize(size_t dictSize, ZSTD_dictLoadMethod_e method) {
    return estimateDDictSize(dictSize, DictLoadMethod(method));
}

// ---- Streaming --------------------------------------------------------------------
ZEST_CAPI ZSTD_DStream* ZSTD_createDStream(void) { return pub(createDCtx(kDefaultMem)); }
ZEST_CAPI ZSTD_DStream* ZSTD_createDStream_advanced(ZSTD_customMem customMem) {
    return pub(createDCtx(core(customMem)));
}
ZEST_CAPI ZSTD_DStream* ZSTD_initStaticDStream(void* workspace, size_t workspaceSize) {
    return pub(initStaticDCtx(workspace, workspaceSize));
}
ZEST_CAPI size_t ZSTD_freeDStream(ZSTD_DStream* zds) { return freeDCtx(core(zds)); }
ZEST_CAPI size_t ZSTD_sizeof_DStream(const ZSTD_DStream* zds) { return sizeofDCtx(core(zds)); }
ZEST_CAPI size_t ZSTD_initDStream(ZSTD_DStream* zds) { return initDStream(core(zds)); }
ZEST_CAPI size_t ZSTD_initDStream_usingDict(ZSTD_DStream* zds, const void* dict, size_t dictSize) {
    return initDStreamUsingDict(core(zds), dict, dictSize);
}
ZEST_CAPI size_t ZSTD_initDStream_usingDDict(ZSTD_DStream* zds, const ZSTD_DDict* ddict) {
    return initDStreamUsingDDict(core(zds), core(ddict));
}
ZEST_CAPI size_t ZSTD_resetDStream(ZSTD_DStream* zds) { return resetDStream(core(zds)); }
ZEST_CAPI size_t ZSTD_decompressStream(ZSTD_DStream* zds, ZSTD_outBuffer* output, ZSTD_inBuffer* input) {
    return decompressStream(core(zds), core(output), core(input));
}
ZEST_CAPI size_t ZSTD_decompressStream_simpleArgs(ZSTD_DCtx* dctx, void* dst, size_t dstCapacity, size_t* dstPos,
                                                  const void* src, size_t srcSize, size_t* srcPos) {
    OutBuffer out{dst, dstCapacity, *dstPos};
    InBuffer in{src, srcSize, *srcPos};
    const size_t r = decompressStream(core(dctx), &out, &in);
    *dstPos = out.pos;
    *srcPos = in.pos;
    return r;
}
ZEST_CAPI size_t ZSTD_DStreamInSize(void) { return dStreamInSize(); }
ZEST_CAPI size_t ZSTD_DStreamOutSize(void) { return dStreamOutSize(); }
ZEST_CAPI size_t ZSTD_estimateDStreamSize(size_t maxWindowSize) { return estimateDStreamSize(maxWindowSize); }
ZEST_CAPI size_t ZSTD_estimateDStreamSize_fromFrame(const void* src, size_t srcSize) {
    return estimateDStreamSizeFromFrame(src, srcSize);
}

// ---- Bufferless ----------------------------------------------------------------------
ZEST_CAPI size_t ZSTD_decodingBufferSize_min(unsigned long long windowSize, unsigned long long frameContentSize) {
    return decodingBufferSizeMin(windowSize, frameContentSize);
}
ZEST_CAPI size_t ZSTD_decompressBegin(ZSTD_DCtx* dctx) { return decompressBegin(core(dctx)); }
ZEST_CAPI size_t ZSTD_decompressBegin_usingDict(ZSTD_DCtx* dctx, const void* dict, size_t dictSize) {
    return decompressBeginUsingDict(core(dctx), dict, dictSize);
}
ZEST_CAPI size_t ZSTD_decompressBegin_usingDDict(ZSTD_DCtx* dctx, const ZSTD_DDict* ddict) {
    return decompressBeginUsingDDict(core(dctx), core(ddict));
}
ZEST_CAPI size_t ZSTD_nextSrcSizeToDecompress(ZSTD_DCtx* dctx) { return nextSrcSizeToDecompress(core(dctx)); }
ZEST_CAPI ZSTD_nextInputType_e ZSTD_nextInputType(ZSTD_DCtx* dctx) {
    return ZSTD_nextInputType_e(nextInputType(core(dctx)));
}
ZEST_CAPI size_t ZSTD_decompressContinue(ZSTD_DCtx* dctx, void* dst, size_t dstCapacity, const void* src,
                                         size_t srcSize) {
    return decompressContinue(core(dctx), dst, dstCapacity, src, srcSize);
}
ZEST_CAPI size_t ZSTD_decompressBlock(ZSTD_DCtx* dctx, void* dst, size_t dstCapacity, const void* src,
                                      size_t srcSize) {
    return decompressBlock(core(dctx), dst, dstCapacity, src, srcSize);
}
ZEST_CAPI size_t ZSTD_insertBlock(ZSTD_DCtx* dctx, const void* blockStart, size_t blockSize) {
    return insertBlock(core(dctx), blockStart, blockSize);
}
