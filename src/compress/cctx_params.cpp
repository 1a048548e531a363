// Parameter sets held apart from any context (ZSTD_CCtx_params): filled with
// the same rules as a context's sticky parameters, then applied in one go.
#include <cstring>

#include "compress/cctx_impl.h"

namespace zest {

CCtxParams* createCCtxParams(const CustomMem& mem) {
    if (!isValidMem(mem)) return nullptr;
    CCtxParams* p = memNew<CCtxParams>(mem);
    return p;
}

size_t freeCCtxParams(CCtxParams* p, const CustomMem& mem) {
    memDelete(mem, p);
    return 0;
}

size_t cctxParamsInit(CCtxParams* p, int level) {
    if (!p) return ZEST_ERR(GENERIC);
    *p = CCtxParams{};
    p->compressionLevel = level;
    return 0;
}

size_t cctxParamsInitAdvanced(CCtxParams* p, Params params) {
    if (!p) return ZEST_ERR(GENERIC);
    ZEST_TRY(checkCParams(params.cParams));
    *p = CCtxParams{};
    p->compressionLevel = 0;  // "no level": the explicit parameters rule
    p->cParams = params.cParams;
    p->fParams = params.fParams;
    return 0;
}

size_t cctxParamsSetParameter(CCtxParams* p, int param, int value) { return setCCtxParam(*p, param, value); }
size_t cctxParamsGetParameter(const CCtxParams* p, int param, int* value) { return getCCtxParam(*p, param, value); }

size_t cctxSetParametersUsingCCtxParams(CCtx* c, const CCtxParams* p) {
    if (c->streamStage != CCtx::StreamStage::init) return ZEST_ERR(stage_wrong);
    if (c->cdict) return ZEST_ERR(stage_wrong);  // a CDict's parameters cannot be overridden
    c->requested = *p;
    return 0;
}

// As in the reference, estimates are for single-threaded compression only.
size_t estimateCCtxSizeUsingCCtxParams(const CCtxParams* p) {
    if (p->nbWorkers > 0) return ZEST_ERR(GENERIC);
    const CParams cp = resolvedCParams(*p);
    return estimateFor(cp, false, ParamSwitch(p->splitAfterSequences), p->targetCBlockSize != 0, ldmParamsFor(*p, cp));
}
size_t estimateCStreamSizeUsingCCtxParams(const CCtxParams* p) {
    if (p->nbWorkers > 0) return ZEST_ERR(GENERIC);
    const CParams cp = resolvedCParams(*p);
    return estimateFor(cp, true, ParamSwitch(p->splitAfterSequences), p->targetCBlockSize != 0, ldmParamsFor(*p, cp));
}

}  // namespace zest
