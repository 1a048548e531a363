// ZSTD_threadPool: zest's ThreadPool behind the opaque type of zstd.h.
#include "capi/capi.h"
#include "common/thread_pool.h"

using namespace zest;
using namespace zest::capi;

namespace {
ThreadPool* core(ZSTD_threadPool* p) { return reinterpret_cast<ThreadPool*>(p); }
}  // namespace

ZEST_CAPI ZSTD_threadPool* ZSTD_createThreadPool(size_t numThreads) {
    return reinterpret_cast<ZSTD_threadPool*>(createThreadPool(numThreads, kDefaultMem));
}
ZEST_CAPI void ZSTD_freeThreadPool(ZSTD_threadPool* pool) { freeThreadPool(core(pool)); }
ZEST_CAPI size_t ZSTD_CCtx_refThreadPool(ZSTD_CCtx* cctx, ZSTD_threadPool* pool) {
    return cctxRefThreadPool(capi::core(cctx), core(pool));
}
