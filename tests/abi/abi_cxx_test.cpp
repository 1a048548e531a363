// C++ compile test for zest's public headers.
//
// Built with -Wall -Wextra -Werror -pedantic. This translation unit includes
// the three headers first without the static-linking macros (only the stable
// API may appear), then defines ZSTD_STATIC_LINKING_ONLY and
// ZDICT_STATIC_LINKING_ONLY and includes them again (the experimental part
// must appear). abi_cxx_static_first.cpp covers the other order. Everything
// is checked at compile time; no library function is called or referenced.

#include "zstd.h"
#include "zdict.h"
#include "zstd_errors.h"

#if defined(ZSTD_H_ZSTD_STATIC_LINKING_ONLY) || defined(ZSTDLIB_STATIC_API) || \
    defined(ZSTD_FRAMEHEADERSIZE_MAX) || defined(ZSTD_c_rsyncable) ||            \
    defined(ZSTD_frameHeader) || defined(ZSTD_DECOMPRESSION_MARGIN)
#  error "zstd.h exposes static-only names without ZSTD_STATIC_LINKING_ONLY"
#endif
#if defined(ZSTD_ZDICT_H_STATIC) || defined(ZDICTLIB_STATIC_API) || defined(ZDICT_DICTSIZE_MIN)
#  error "zdict.h exposes static-only names without ZDICT_STATIC_LINKING_ONLY"
#endif

#include <cstddef>
#include <type_traits>

// One static_assert per function: decltype of its address against the
// expected pointer type. Deprecated functions warn even in decltype, so the
// warning is switched off around these blocks.
#define ABI_CXX_SIG(name, type) \
    static_assert(std::is_same<decltype(&name), type>::value, "signature of " #name);

// ---- stable part --------------------------------------------------------

static_assert(ZSTD_VERSION_NUMBER == 10507, "version");
static_assert(ZSTD_COMPRESSBOUND(0) == 64, "ZSTD_COMPRESSBOUND(0)");
static_assert(ZSTD_COMPRESSBOUND(100) == 163, "ZSTD_COMPRESSBOUND(100)");
static_assert(ZSTD_COMPRESSBOUND(131072) == 131584, "ZSTD_COMPRESSBOUND(131072)");
static_assert(ZSTD_COMPRESSBOUND(1048576) == 1052672, "ZSTD_COMPRESSBOUND(1048576)");
static_assert(ZSTD_CONTENTSIZE_UNKNOWN == 0xFFFFFFFFFFFFFFFFull, "ZSTD_CONTENTSIZE_UNKNOWN");
static_assert(ZSTD_CONTENTSIZE_ERROR == 0xFFFFFFFFFFFFFFFEull, "ZSTD_CONTENTSIZE_ERROR");
static_assert(ZSTD_MAGICNUMBER == 0xFD2FB528u, "ZSTD_MAGICNUMBER");
static_assert(ZSTD_BLOCKSIZE_MAX == 131072, "ZSTD_BLOCKSIZE_MAX");
static_assert(ZSTD_CLEVEL_DEFAULT == 3, "ZSTD_CLEVEL_DEFAULT");

// zstd.h brings ZSTD_ErrorCode along (1.5.7 behaviour).
static_assert(ZSTD_error_cannotProduce_uncompressedBlock == 49, "error 49");
static_assert(std::is_same<decltype(ZSTD_error_maxCode), ZSTD_ErrorCode>::value, "ZSTD_ErrorCode");

static_assert(ZSTD_c_targetCBlockSize == 130, "targetCBlockSize is stable since 1.5.6");
static_assert(ZSTD_c_experimentalParam20 == 1017, "experimentalParam20");
static_assert(ZSTD_d_experimentalParam6 == 1005, "d experimentalParam6");
static_assert(sizeof(ZSTD_cParameter) == sizeof(int), "enum size");
static_assert(sizeof(ZSTD_bounds) == sizeof(size_t) + 2 * sizeof(int), "ZSTD_bounds");

// opaque handles keep their C struct tags
struct ZSTD_CCtx_s;
struct ZSTD_DCtx_s;
static_assert(std::is_same<ZSTD_CCtx, ZSTD_CCtx_s>::value, "ZSTD_CCtx tag");
static_assert(std::is_same<ZSTD_DCtx, ZSTD_DCtx_s>::value, "ZSTD_DCtx tag");
static_assert(std::is_same<ZSTD_CDict, ZSTD_CDict_s>::value, "ZSTD_CDict tag");
static_assert(std::is_same<ZSTD_DDict, ZSTD_DDict_s>::value, "ZSTD_DDict tag");
static_assert(std::is_same<ZSTD_CStream, ZSTD_CCtx>::value, "ZSTD_CStream");
static_assert(std::is_same<ZSTD_DStream, ZSTD_DCtx>::value, "ZSTD_DStream");
static_assert(std::is_same<ZSTD_inBuffer, ZSTD_inBuffer_s>::value, "ZSTD_inBuffer tag");
static_assert(std::is_same<ZSTD_outBuffer, ZSTD_outBuffer_s>::value, "ZSTD_outBuffer tag");
static_assert(std::is_standard_layout<ZSTD_inBuffer>::value, "ZSTD_inBuffer layout");

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#define ABI_SIG_S(name, type) ABI_CXX_SIG(name, type)
#define ABI_SIG_X(name, type)
#include "abi_signatures.inc"
#undef ABI_SIG_S
#undef ABI_SIG_X
#pragma GCC diagnostic pop

// ---- second include: experimental part ----------------------------------

#define ZSTD_STATIC_LINKING_ONLY
#define ZDICT_STATIC_LINKING_ONLY
#include "zstd.h"
#include "zdict.h"

#if !defined(ZSTD_H_ZSTD_STATIC_LINKING_ONLY) || !defined(ZSTD_FRAMEHEADERSIZE_MAX) || \
    !defined(ZSTDLIB_STATIC_API) || !defined(ZSTD_c_rsyncable)
#  error "second include of zstd.h did not expose the static-only part"
#endif
#if !defined(ZSTD_ZDICT_H_STATIC) || !defined(ZDICT_DICTSIZE_MIN)
#  error "second include of zdict.h did not expose the static-only part"
#endif

#include "abi_cxx_static_checks.inc"

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#define ABI_SIG_S(name, type) ABI_CXX_SIG(name, type)
#define ABI_SIG_X(name, type) ABI_CXX_SIG(name, type)
#include "abi_signatures.inc"
#undef ABI_SIG_S
#undef ABI_SIG_X
#pragma GCC diagnostic pop

int abi_cxx_static_first();

int main()
{
    // ZSTD_defaultCMem is a usable header-defined constant.
    const ZSTD_customMem mem = ZSTD_defaultCMem;
    if (mem.customAlloc != nullptr || mem.customFree != nullptr || mem.opaque != nullptr)
        return 1;
    return abi_cxx_static_first();
}
