// Compression functions of the C API: thin forwards to the core (compress/cctx.h).
#include "capi/capi.h"

using namespace zest;
using namespace zest::capi;

static_assert(int(ZSTD_e_continue) == int(EndDirective::continue_) && int(ZSTD_e_end) == int(EndDirective::end));

namespace {
DictLoadMethod core(ZSTD_dictLoadMethod_e m) { return DictLoadMethod(int(m)); }
DictContentType core(ZSTD_dictContentType_e t) { return DictContentType(int(t)); }
}  // namespace

// ---- One-shot ------------------------------------------------------------------------------
ZEST_CAPI size_t ZSTD_compress(void* dst, size_t dstCapacity, const void* src, size_t srcSize, int level) {
    return compress(dst, dstCapacity, src, srcSize, level);
}
ZEST_CAPI size_t ZSTD_compressCCtx(ZSTD_CCtx* cctx, void* dst, size_t dstCapacity, const void* src, size_t srcSize,
                                   int level) {
    return compressCCtx(core(cctx), dst, dstCapacity, src, srcSize, level);
}
ZEST_CAPI size_t ZSTD_compress2(ZSTD_CCtx* cctx, void* dst, size_t dstCapacity, const void* src, size_t srcSize) {
    return compress2(core(cctx), dst, dstCapacity, src, srcSize);
}
ZEST_CAPI size_t ZSTD_compress_usingDict(ZSTD_CCtx* ctx, void* dst, size_t dstCapacity, const void* src,
                                         size_t srcSize, const void* dict, size_t dictSize, int level) {
    return compressUsingDict(core(ctx), dst, dstCapacity, src, srcSize, dict, dictSize, level);
}
ZEST_CAPI size_t ZSTD_compress_advanced(ZSTD_CCtx* cctx, void* dst, size_t dstCapacity, const void* src,
                                        size_t srcSize, const void* dict, size_t dictSize, ZSTD_parameters params) {
    return compressAdvanced(core(cctx), dst, dstCapacity, src, srcSize, dict, dictSize, core(params));
}
ZEST_CAPI size_t ZSTD_compress_usingCDict(ZSTD_CCtx* cctx, void* dst, size_t dstCapacity, const void* src,
                                          size_t srcSize, const ZSTD_CDict* cdict) {
    return compressUsingCDict(core(cctx), dst, dstCapacity, src, srcSize, core(cdict), FParams{1, 0, 0});
}
ZEST_CAPI size_t ZSTD_compress_usingCDict_advanced(ZSTD_CCtx* cctx, void* dst, size_t dstCapacity, const void* src,
                                                   size_t srcSize, const ZSTD_CDict* cdict,
                                                   ZSTD_frameParameters fParams) {
    return compressUsingCDict(core(cctx), dst, dstCapacity, src, srcSize, core(cdict), core(fParams));
}
ZEST_CAPI size_t ZSTD_writeSkippableFrame(void* dst, size_t dstCapacity, const void* src, size_t srcSize,
                                          unsigned magicVariant) {
    return writeSkippableFrame(dst, dstCapacity, src, srcSize, magicVariant);
}

// ---- Contexts ------------------------------------------------------------------------------
ZEST_CAPI ZSTD_CCtx* ZSTD_createCCtx(void) { return pub(createCCtx(kDefaultMem)); }
ZEST_CAPI ZSTD_CCtx* ZSTD_createCCtx_advanced(ZSTD_customMem customMem) { return pub(createCCtx(core(customMem))); }
ZEST_CAPI size_t ZSTD_freeCCtx(ZSTD_CCtx* cctx) { return freeCCtx(core(cctx)); }
ZEST_CAPI ZSTD_CCtx* ZSTD_initStaticCCtx(void* workspace, size_t workspaceSize) {
    return pub(initStaticCCtx(workspace, workspaceSize));
}
ZEST_CAPI ZSTD_CStream* ZSTD_createCStream(void) { return pub(createCCtx(kDefaultMem)); }
ZEST_CAPI ZSTD_CStream* ZSTD_createCStream_advanced(ZSTD_customMem customMem) {
    return pub(createCCtx(core(customMem)));
}
ZEST_CAPI size_t ZSTD_freeCStream(ZSTD_CStream* zcs) { return freeCCtx(core(zcs)); }
ZEST_CAPI ZSTD_CStream* ZSTD_initStaticCStream(void* workspace, size_t workspaceSize) {
    return pub(initStaticCCtx(workspace, workspaceSize));
}
ZEST_CAPI size_t ZSTD_sizeof_CCtx(const ZSTD_CCtx* cctx) { return sizeofCCtx(core(cctx)); }
ZEST_CAPI size_t ZSTD_sizeof_CStream(const ZSTD_CStream* zcs) { return sizeofCCtx(core(zcs)); }

// ---- Parameters ----------------------------------------------------------------------------
ZEST_CAPI size_t ZSTD_CCtx_setParameter(ZSTD_CCtx* cctx, ZSTD_cParameter param, int value) {
    return cctxSetParameter(core(cctx), int(param), value);
}
ZEST_CAPI size_t ZSTD_CCtx_getParameter(const ZSTD_CCtx* cctx, ZSTD_cParameter param, int* value) {
    return cctxGetParameter(core(cctx), int(param), value);
}
ZEST_CAPI size_t ZSTD_CCtx_setPledgedSrcSize(ZSTD_CCtx* cctx, unsigned long long pledgedSrcSize) {
    return cctxSetPledgedSrcSize(core(cctx), pledgedSrcSize);
}
ZEST_CAPI size_t ZSTD_CCtx_reset(ZSTD_CCtx* cctx, ZSTD_ResetDirective reset) {
    return cctxReset(core(cctx), ResetDirective(int(reset)));
}
ZEST_CAPI size_t ZSTD_CCtx_setCParams(ZSTD_CCtx* cctx, ZSTD_compressionParameters cparams) {
    return cctxSetCParams(core(cctx), core(cparams));
}
ZEST_CAPI size_t ZSTD_CCtx_setFParams(ZSTD_CCtx* cctx, ZSTD_frameParameters fparams) {
    return cctxSetFParams(core(cctx), core(fparams));
}
ZEST_CAPI size_t ZSTD_CCtx_setParams(ZSTD_CCtx* cctx, ZSTD_parameters params) {
    return cctxSetParams(core(cctx), core(params));
}

// ---- Sizes ---------------------------------------------------------------------------------
ZEST_CAPI size_t ZSTD_estimateCCtxSize(int level) { return estimateCCtxSize(level); }
ZEST_CAPI size_t ZSTD_estimateCCtxSize_usingCParams(ZSTD_compressionParameters cParams) {
    return estimateCCtxSizeUsingCParams(core(cParams));
}
ZEST_CAPI size_t ZSTD_estimateCStreamSize(int level) { return estimateCStreamSize(level); }
ZEST_CAPI size_t ZSTD_estimateCStreamSize_usingCParams(ZSTD_compressionParameters cParams) {
    return estimateCStreamSizeUsingCParams(core(cParams));
}
ZEST_CAPI size_t ZSTD_estimateCDictSize(size_t dictSize, int level) { return estimateCDictSize(dictSize, level); }
ZEST_CAPI size_t ZSTD_estimateCDictSize_advanced(size_t dictSize, ZSTD_compressionParameters cParams,
                                                 ZSTD_dictLoadMethod_e dictLoadMethod) {
    return estimateCDictSizeAdvanced(dictSize, core(cParams), core(dictLoadMethod));
}
ZEST_CAPI size_t ZSTD_CStreamInSize(void) { return cStreamInSize(); }
ZEST_CAPI size_t ZSTD_CStreamOutSize(void) { return cStreamOutSize(); }

// ---- Streaming ------------------------------------------------------------------------------
ZEST_CAPI size_t ZSTD_compressStream2(ZSTD_CCtx* cctx, ZSTD_outBuffer* output, ZSTD_inBuffer* input,
                                      ZSTD_EndDirective endOp) {
    return compressStream2(core(cctx), core(output), core(input), EndDirective(int(endOp)));
}
ZEST_CAPI size_t ZSTD_compressStream2_simpleArgs(ZSTD_CCtx* cctx, void* dst, size_t dstCapacity, size_t* dstPos,
                                                 const void* src, size_t srcSize, size_t* srcPos,
                                                 ZSTD_EndDirective endOp) {
    OutBuffer out{dst, dstCapacity, *dstPos};
    InBuffer in{src, srcSize, *srcPos};
    const size_t r = compressStream2(core(cctx), &out, &in, EndDirective(int(endOp)));
    *dstPos = out.pos;
    *srcPos = in.pos;
    return r;
}
ZEST_CAPI size_t ZSTD_initCStream(ZSTD_CStream* zcs, int level) { return initCStream(core(zcs), level); }
ZEST_CAPI size_t ZSTD_compressStream(ZSTD_CStream* zcs, ZSTD_outBuffer* output, ZSTD_inBuffer* input) {
    return compressStream(core(zcs), core(output), core(input));
}
ZEST_CAPI size_t ZSTD_flushStream(ZSTD_CStream* zcs, ZSTD_outBuffer* output) {
    return flushStream(core(zcs), core(output));
}
ZEST_CAPI size_t ZSTD_endStream(ZSTD_CStream* zcs, ZSTD_outBuffer* output) { return endStream(core(zcs), core(output)); }

// The older init calls, expressed with the sticky-parameter API (their documented equivalents).
ZEST_CAPI size_t ZSTD_resetCStream(ZSTD_CStream* zcs, unsigned long long pss) {
    const unsigned long long pledged = pss == 0 ? ZSTD_CONTENTSIZE_UNKNOWN : pss;
    ZEST_TRY(cctxReset(core(zcs), ResetDirective::session_only));
    return cctxSetPledgedSrcSize(core(zcs), pledged);
}
ZEST_CAPI size_t ZSTD_initCStream_srcSize(ZSTD_CStream* zcs, int level, unsigned long long pss) {
    const unsigned long long pledged = pss == 0 ? ZSTD_CONTENTSIZE_UNKNOWN : pss;
    ZEST_TRY(cctxReset(core(zcs), ResetDirective::session_only));
    ZEST_TRY(cctxRefCDict(core(zcs), nullptr));
    ZEST_TRY(cctxSetParameter(core(zcs), ZSTD_c_compressionLevel, level));
    return cctxSetPledgedSrcSize(core(zcs), pledged);
}
ZEST_CAPI size_t ZSTD_initCStream_usingDict(ZSTD_CStream* zcs, const void* dict, size_t dictSize, int level) {
    ZEST_TRY(cctxReset(core(zcs), ResetDirective::session_only));
    ZEST_TRY(cctxSetParameter(core(zcs), ZSTD_c_compressionLevel, level));
    return cctxLoadDictionary(core(zcs), dict, dictSize, DictLoadMethod::byCopy, DictContentType::autoDetect);
}
ZEST_CAPI size_t ZSTD_initCStream_advanced(ZSTD_CStream* zcs, const void* dict, size_t dictSize,
                                           ZSTD_parameters params, unsigned long long pss) {
    const unsigned long long pledged =
        (pss == 0 && params.fParams.contentSizeFlag == 0) ? ZSTD_CONTENTSIZE_UNKNOWN : pss;
    ZEST_TRY(cctxReset(core(zcs), ResetDirective::session_only));
    ZEST_TRY(cctxSetPledgedSrcSize(core(zcs), pledged));
    ZEST_TRY(cctxSetParams(core(zcs), core(params)));
    return cctxLoadDictionary(core(zcs), dict, dictSize, DictLoadMethod::byCopy, DictContentType::autoDetect);
}
ZEST_CAPI size_t ZSTD_initCStream_usingCDict(ZSTD_CStream* zcs, const ZSTD_CDict* cdict) {
    ZEST_TRY(cctxReset(core(zcs), ResetDirective::session_only));
    return cctxRefCDict(core(zcs), core(cdict));
}
ZEST_CAPI size_t ZSTD_initCStream_usingCDict_advanced(ZSTD_CStream* zcs, const ZSTD_CDict* cdict,
                                                      ZSTD_frameParameters fParams, unsigned long long pss) {
    ZEST_TRY(cctxReset(core(zcs), ResetDirective::session_only));
    ZEST_TRY(cctxSetFParams(core(zcs), core(fParams)));
    ZEST_TRY(cctxSetPledgedSrcSize(core(zcs), pss));
    return cctxRefCDict(core(zcs), core(cdict));
}

// ---- Dictionaries ---------------------------------------------------------------------------
ZEST_CAPI size_t ZSTD_CCtx_loadDictionary(ZSTD_CCtx* cctx, const void* dict, size_t dictSize) {
    return cctxLoadDictionary(core(cctx), dict, dictSize, DictLoadMethod::byCopy, DictContentType::autoDetect);
}
ZEST_CAPI size_t ZSTD_CCtx_loadDictionary_byReference(ZSTD_CCtx* cctx, const void* dict, size_t dictSize) {
    return cctxLoadDictionary(core(cctx), dict, dictSize, DictLoadMethod::byRef, DictContentType::autoDetect);
}
ZEST_CAPI size_t ZSTD_CCtx_loadDictionary_advanced(ZSTD_CCtx* cctx, const void* dict, size_t dictSize,
                                                   ZSTD_dictLoadMethod_e dictLoadMethod,
                                                   ZSTD_dictContentType_e dictContentType) {
    return cctxLoadDictionary(core(cctx), dict, dictSize, core(dictLoadMethod), core(dictContentType));
}
ZEST_CAPI size_t ZSTD_CCtx_refCDict(ZSTD_CCtx* cctx, const ZSTD_CDict* cdict) {
    return cctxRefCDict(core(cctx), core(cdict));
}
ZEST_CAPI size_t ZSTD_CCtx_refPrefix(ZSTD_CCtx* cctx, const void* prefix, size_t prefixSize) {
    return cctxRefPrefix(core(cctx), prefix, prefixSize, DictContentType::rawContent);
}
ZEST_CAPI size_t ZSTD_CCtx_refPrefix_advanced(ZSTD_CCtx* cctx, const void* prefix, size_t prefixSize,
                                              ZSTD_dictContentType_e dictContentType) {
    return cctxRefPrefix(core(cctx), prefix, prefixSize, core(dictContentType));
}
ZEST_CAPI ZSTD_CDict* ZSTD_createCDict(const void* dictBuffer, size_t dictSize, int level) {
    return pub(createCDictLevel(dictBuffer, dictSize, level, DictLoadMethod::byCopy, kDefaultMem));
}
ZEST_CAPI ZSTD_CDict* ZSTD_createCDict_byReference(const void* dictBuffer, size_t dictSize, int level) {
    return pub(createCDictLevel(dictBuffer, dictSize, level, DictLoadMethod::byRef, kDefaultMem));
}
ZEST_CAPI ZSTD_CDict* ZSTD_createCDict_advanced(const void* dict, size_t dictSize,
                                                ZSTD_dictLoadMethod_e dictLoadMethod,
                                                ZSTD_dictContentType_e dictContentType,
                                                ZSTD_compressionParameters cParams, ZSTD_customMem customMem) {
    return pub(createCDict(dict, dictSize, core(dictLoadMethod), core(dictContentType), core(cParams),
                           core(customMem)));
}
ZEST_CAPI const ZSTD_CDict* ZSTD_initStaticCDict(void* workspace, size_t workspaceSize, const void* dict,
                                                 size_t dictSize, ZSTD_dictLoadMethod_e dictLoadMethod,
                                                 ZSTD_dictContentType_e dictContentType,
                                                 ZSTD_compressionParameters cParams) {
    return pub(initStaticCDict(workspace, workspaceSize, dict, dictSize, core(dictLoadMethod), core(dictContentType),
                               core(cParams)));
}
ZEST_CAPI size_t ZSTD_freeCDict(ZSTD_CDict* cdict) { return freeCDict(core(cdict)); }
ZEST_CAPI size_t ZSTD_sizeof_CDict(const ZSTD_CDict* cdict) { return sizeofCDict(core(cdict)); }
ZEST_CAPI unsigned ZSTD_getDictID_fromCDict(const ZSTD_CDict* cdict) { return cdictGetDictID(core(cdict)); }

// ---- Progress ------------------------------------------------------------------------------
static_assert(sizeof(ZSTD_frameProgression) == sizeof(FrameProgression));
static_assert(offsetof(ZSTD_frameProgression, flushed) == offsetof(FrameProgression, flushed));
static_assert(offsetof(ZSTD_frameProgression, nbActiveWorkers) == offsetof(FrameProgression, nbActiveWorkers));
ZEST_CAPI ZSTD_frameProgression ZSTD_getFrameProgression(const ZSTD_CCtx* cctx) {
    const FrameProgression fp = getFrameProgression(core(cctx));
    ZSTD_frameProgression r;
    __builtin_memcpy(&r, &fp, sizeof r);
    return r;
}
ZEST_CAPI size_t ZSTD_toFlushNow(ZSTD_CCtx* cctx) { return toFlushNow(core(cctx)); }

// ---- Bufferless ----------------------------------------------------------------------------
ZEST_CAPI size_t ZSTD_compressBegin(ZSTD_CCtx* cctx, int level) { return compressBegin(core(cctx), level); }
ZEST_CAPI size_t ZSTD_compressBegin_usingDict(ZSTD_CCtx* cctx, const void* dict, size_t dictSize, int level) {
    return compressBeginUsingDict(core(cctx), dict, dictSize, level);
}
ZEST_CAPI size_t ZSTD_compressBegin_advanced(ZSTD_CCtx* cctx, const void* dict, size_t dictSize,
                                             ZSTD_parameters params, unsigned long long pledgedSrcSize) {
    return compressBeginAdvanced(core(cctx), dict, dictSize, core(params), pledgedSrcSize);
}
ZEST_CAPI size_t ZSTD_compressBegin_usingCDict(ZSTD_CCtx* cctx, const ZSTD_CDict* cdict) {
    return compressBeginUsingCDict(core(cctx), core(cdict), FParams{0, 0, 0}, ZSTD_CONTENTSIZE_UNKNOWN);
}
ZEST_CAPI size_t ZSTD_compressBegin_usingCDict_advanced(ZSTD_CCtx* const cctx, const ZSTD_CDict* const cdict,
                                                        ZSTD_frameParameters const fParams,
                                                        unsigned long long const pledgedSrcSize) {
    return compressBeginUsingCDict(core(cctx), core(cdict), core(fParams), pledgedSrcSize);
}
ZEST_CAPI size_t ZSTD_compressContinue(ZSTD_CCtx* cctx, void* dst, size_t dstCapacity, const void* src,
                                       size_t srcSize) {
    return compressContinue(core(cctx), dst, dstCapacity, src, srcSize);
}
ZEST_CAPI size_t ZSTD_compressEnd(ZSTD_CCtx* cctx, void* dst, size_t dstCapacity, const void* src, size_t srcSize) {
    return compressEnd(core(cctx), dst, dstCapacity, src, srcSize);
}
ZEST_CAPI size_t ZSTD_getBlockSize(const ZSTD_CCtx* cctx) { return getBlockSize(core(cctx)); }
ZEST_CAPI size_t ZSTD_compressBlock(ZSTD_CCtx* cctx, void* dst, size_t dstCapacity, const void* src,
                                    size_t srcSize) {
    return compressBlockOnly(core(cctx), dst, dstCapacity, src, srcSize);
}

// ---- Parameter sets ------------------------------------------------------------------------
ZEST_CAPI ZSTD_CCtx_params* ZSTD_createCCtxParams(void) {
    return reinterpret_cast<ZSTD_CCtx_params*>(createCCtxParams(kDefaultMem));
}
ZEST_CAPI size_t ZSTD_freeCCtxParams(ZSTD_CCtx_params* params) { return freeCCtxParams(core(params), kDefaultMem); }
ZEST_CAPI ZSTD_CDict* ZSTD_createCDict_advanced2(const void* dict, size_t dictSize,
                                                 ZSTD_dictLoadMethod_e dictLoadMethod,
                                                 ZSTD_dictContentType_e dictContentType,
                                                 const ZSTD_CCtx_params* cctxParams, ZSTD_customMem customMem) {
    return pub(createCDictFromParams(dict, dictSize, core(dictLoadMethod), core(dictContentType), core(cctxParams),
                                     core(customMem)));
}
ZEST_CAPI size_t ZSTD_CCtxParams_reset(ZSTD_CCtx_params* params) {
    return cctxParamsInit(core(params), ZSTD_CLEVEL_DEFAULT);
}
ZEST_CAPI size_t ZSTD_CCtxParams_init(ZSTD_CCtx_params* cctxParams, int compressionLevel) {
    return cctxParamsInit(core(cctxParams), compressionLevel);
}
ZEST_CAPI size_t ZSTD_CCtxParams_init_advanced(ZSTD_CCtx_params* cctxParams, ZSTD_parameters params) {
    return cctxParamsInitAdvanced(core(cctxParams), core(params));
}
ZEST_CAPI size_t ZSTD_CCtxParams_setParameter(ZSTD_CCtx_params* params, ZSTD_cParameter param, int value) {
    return cctxParamsSetParameter(core(params), int(param), value);
}
ZEST_CAPI size_t ZSTD_CCtxParams_getParameter(const ZSTD_CCtx_params* params, ZSTD_cParameter param, int* value) {
    return cctxParamsGetParameter(core(params), int(param), value);
}
ZEST_CAPI size_t ZSTD_CCtx_setParametersUsingCCtxParams(ZSTD_CCtx* cctx, const ZSTD_CCtx_params* params) {
    return cctxSetParametersUsingCCtxParams(core(cctx), core(params));
}
ZEST_CAPI size_t ZSTD_estimateCCtxSize_usingCCtxParams(const ZSTD_CCtx_params* params) {
    return estimateCCtxSizeUsingCCtxParams(core(params));
}
ZEST_CAPI size_t ZSTD_estimateCStreamSize_usingCCtxParams(const ZSTD_CCtx_params* params) {
    return estimateCStreamSizeUsingCCtxParams(core(params));
}
