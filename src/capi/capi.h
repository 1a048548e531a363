// Shared helpers of the extern "C" shim: handle conversions and layout checks
// between the public C types and the core's.
#pragma once
#include <cstddef>

#include "zstd.h"
#include "zstd_errors.h"

#include "common/alloc.h"
#include "common/buffers.h"
#include "common/error.h"
#include "compress/cctx.h"
#include "compress/params.h"
#include "decompress/dctx.h"
#include "decompress/frame.h"

#define ZEST_CAPI extern "C" __attribute__((visibility("default")))

namespace zest::capi {

inline DCtx* core(ZSTD_DCtx* p) { return reinterpret_cast<DCtx*>(p); }
inline const DCtx* core(const ZSTD_DCtx* p) { return reinterpret_cast<const DCtx*>(p); }
inline ZSTD_DCtx* pub(DCtx* p) { return reinterpret_cast<ZSTD_DCtx*>(p); }
inline DDict* core(ZSTD_DDict* p) { return reinterpret_cast<DDict*>(p); }
inline const DDict* core(const ZSTD_DDict* p) { return reinterpret_cast<const DDict*>(p); }
inline ZSTD_DDict* pub(DDict* p) { return reinterpret_cast<ZSTD_DDict*>(p); }
inline const ZSTD_DDict* pub(const DDict* p) { return reinterpret_cast<const ZSTD_DDict*>(p); }

inline CustomMem core(ZSTD_customMem m) { return CustomMem{m.customAlloc, m.customFree, m.opaque}; }
inline OutBuffer* core(ZSTD_outBuffer* b) { return reinterpret_cast<OutBuffer*>(b); }
inline InBuffer* core(ZSTD_inBuffer* b) { return reinterpret_cast<InBuffer*>(b); }
inline CCtx* core(ZSTD_CCtx* p) { return reinterpret_cast<CCtx*>(p); }
inline const CCtx* core(const ZSTD_CCtx* p) { return reinterpret_cast<const CCtx*>(p); }
inline ZSTD_CCtx* pub(CCtx* p) { return reinterpret_cast<ZSTD_CCtx*>(p); }
inline CCtxParams* core(ZSTD_CCtx_params* p) { return reinterpret_cast<CCtxParams*>(p); }
inline const CCtxParams* core(const ZSTD_CCtx_params* p) { return reinterpret_cast<const CCtxParams*>(p); }
inline CDict* core(ZSTD_CDict* p) { return reinterpret_cast<CDict*>(p); }
inline const CDict* core(const ZSTD_CDict* p) { return reinterpret_cast<const CDict*>(p); }
inline ZSTD_CDict* pub(CDict* p) { return reinterpret_cast<ZSTD_CDict*>(p); }
inline const ZSTD_CDict* pub(const CDict* p) { return reinterpret_cast<const ZSTD_CDict*>(p); }
// Parameter structs have identical layouts (static_asserts in compress_params_api.cpp).
inline CParams core(ZSTD_compressionParameters p) {
    CParams c;
    __builtin_memcpy(&c, &p, sizeof c);
    return c;
}
inline ZSTD_compressionParameters pub(CParams c) {
    ZSTD_compressionParameters p;
    __builtin_memcpy(&p, &c, sizeof p);
    return p;
}
inline FParams core(ZSTD_frameParameters p) {
    FParams c;
    __builtin_memcpy(&c, &p, sizeof c);
    return c;
}
inline Params core(ZSTD_parameters p) {
    Params c;
    __builtin_memcpy(&c, &p, sizeof c);
    return c;
}
inline ZSTD_parameters pub(Params c) {
    ZSTD_parameters p;
    __builtin_memcpy(&p, &c, sizeof p);
    return p;
}
inline ZSTD_bounds pub(Bounds b) { return ZSTD_bounds{b.error, b.lowerBound, b.upperBound}; }

}  // namespace zest::capi

// The core mirrors these public layouts; keep them in lock-step.
static_assert(sizeof(ZSTD_inBuffer) == sizeof(zest::InBuffer) && offsetof(ZSTD_inBuffer, pos) == offsetof(zest::InBuffer, pos));
static_assert(sizeof(ZSTD_outBuffer) == sizeof(zest::OutBuffer) && offsetof(ZSTD_outBuffer, pos) == offsetof(zest::OutBuffer, pos));
static_assert(sizeof(ZSTD_FrameHeader) == sizeof(zest::FrameHeader));
static_assert(offsetof(ZSTD_FrameHeader, dictID) == offsetof(zest::FrameHeader, dictID));
static_assert(offsetof(ZSTD_FrameHeader, checksumFlag) == offsetof(zest::FrameHeader, checksumFlag));
static_assert(int(ZSTD_error_maxCode) == int(zest::ErrorCode::maxCode));
static_assert(int(ZSTD_error_dstSize_tooSmall) == int(zest::ErrorCode::dstSize_tooSmall));
static_assert(int(ZSTD_error_cannotProduce_uncompressedBlock) == int(zest::ErrorCode::cannotProduce_uncompressedBlock));
static_assert(int(ZSTD_error_externalSequences_invalid) == int(zest::ErrorCode::externalSequences_invalid));
static_assert(int(ZSTD_d_windowLogMax) == int(zest::DParam::windowLogMax));
static_assert(int(ZSTD_d_maxBlockSize) == int(zest::DParam::maxBlockSize));
static_assert(int(ZSTDnit_skippableFrame) == int(zest::NextInputType::skippableFrame));
