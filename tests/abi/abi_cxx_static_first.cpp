// Second C++ translation unit of abi_cxx_test: the static-linking macros are
// defined before the first include, and every header is included twice.

#define ZSTD_STATIC_LINKING_ONLY
#define ZDICT_STATIC_LINKING_ONLY
#include "zdict.h"  // zdict.h first: it must not depend on zstd.h
#include "zstd.h"
#include "zstd_errors.h"
#include "zstd.h"
#include "zdict.h"
#include "zstd_errors.h"

#include <cstddef>
#include <type_traits>

#include "abi_cxx_static_checks.inc"

#define ABI_CXX_SIG(name, type) \
    static_assert(std::is_same<decltype(&name), type>::value, "signature of " #name);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#define ABI_SIG_S(name, type) ABI_CXX_SIG(name, type)
#define ABI_SIG_X(name, type) ABI_CXX_SIG(name, type)
#include "abi_signatures.inc"
#undef ABI_SIG_S
#undef ABI_SIG_X
#pragma GCC diagnostic pop

// A C++ user may forward-declare the handle types by their struct tags.
struct ZSTD_CCtx_s;
struct POOL_ctx_s;
static_assert(std::is_same<ZSTD_CCtx*, ZSTD_CCtx_s*>::value, "forward-declared ZSTD_CCtx_s");

int abi_cxx_static_first();
int abi_cxx_static_first()
{
    ZSTD_FrameHeader header = {};
    ZSTD_frameHeader& alias = header;  // old name still usable
    alias.frameType = ZSTD_skippableFrame;
    ZDICT_fastCover_params_t params = {};
    params.zParams.compressionLevel = ZSTD_CLEVEL_DEFAULT;
    return (header.frameType == ZSTD_skippableFrame && params.zParams.compressionLevel == 3) ? 0 : 1;
}
