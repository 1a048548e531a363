/*
 * Second translation unit of abi_layout_test: includes zstd.h without
 * ZSTD_STATIC_LINKING_ONLY and checks that only the stable API is visible,
 * then includes it again with the macro defined and checks that the
 * experimental part appears (the documented "second include" behaviour).
 */
#include "zstd.h" /* must come first: also checks it is self-contained */

/* zstd.h pulls in zstd_errors.h and <stddef.h>, but not <limits.h>. */
#if defined(INT_MAX)
#  define ABI_LIMITS_LEAKED 1
#else
#  define ABI_LIMITS_LEAKED 0
#endif
#if defined(ZSTD_ERRORS_H_398273423)
#  define ABI_ERRORS_INCLUDED 1
#else
#  define ABI_ERRORS_INCLUDED 0
#endif

/* Static-only names must be absent at this point. */
#if defined(ZSTD_H_ZSTD_STATIC_LINKING_ONLY) || defined(ZSTDLIB_STATIC_API) || \
    defined(ZSTD_FRAMEHEADERSIZE_MAX) || defined(ZSTD_WINDOWLOG_MAX) ||          \
    defined(ZSTD_c_rsyncable) || defined(ZSTD_d_format) ||                       \
    defined(ZSTD_frameHeader) || defined(ZSTD_SEQUENCE_PRODUCER_ERROR) ||        \
    defined(ZSTD_DECOMPRESSION_MARGIN) || defined(ZSTD_BLOCKSPLITTER_LEVEL_MAX)
#  define ABI_STATIC_LEAKED 1
#else
#  define ABI_STATIC_LEAKED 0
#endif

#include "zdict.h"
#if defined(ZSTD_ZDICT_H_STATIC) || defined(ZDICTLIB_STATIC_API) || defined(ZDICT_DICTSIZE_MIN)
#  define ABI_ZDICT_STATIC_LEAKED 1
#else
#  define ABI_ZDICT_STATIC_LEAKED 0
#endif

#include <stddef.h>
#include <string.h>

#include "abi_check.h"

/* Stable signatures, seen without the static macros. */
static void check_stable_signatures(void)
{
#if defined(__GNUC__)
#  pragma GCC diagnostic push
#  pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#endif
#define ABI_SIG_S(name, type) EXPECT_TRUE(TYPE_IS(&name, type), "[plain include] signature of " #name);
#define ABI_SIG_X(name, type)
#include "abi_signatures.inc"
#undef ABI_SIG_S
#undef ABI_SIG_X
#if defined(__GNUC__)
#  pragma GCC diagnostic pop
#endif
}

static void check_stable_part(void)
{
    EXPECT_TRUE(!ABI_STATIC_LEAKED, "[plain include] zstd.h static-only names hidden without ZSTD_STATIC_LINKING_ONLY");
    EXPECT_TRUE(!ABI_ZDICT_STATIC_LEAKED, "[plain include] zdict.h static-only names hidden without ZDICT_STATIC_LINKING_ONLY");
    EXPECT_TRUE(!ABI_LIMITS_LEAKED, "[plain include] zstd.h alone does not include <limits.h>");
    EXPECT_TRUE(ABI_ERRORS_INCLUDED, "[plain include] zstd.h includes zstd_errors.h");
    EXPECT(ZSTD_error_maxCode, 120);
    EXPECT(ZSTD_VERSION_NUMBER, 10507);
    EXPECT(ZSTD_COMPRESSBOUND(100), 163);
    EXPECT(ZSTD_c_experimentalParam20, 1017);
    EXPECT(ZSTD_d_experimentalParam6, 1005);
    EXPECT(sizeof(ZSTD_inBuffer), 3 * sizeof(size_t));
    EXPECT(sizeof(ZSTD_outBuffer), 3 * sizeof(size_t));
    EXPECT(sizeof(ZDICT_params_t), 12);
    check_stable_signatures();
}

/* ---- now pull in the experimental part with a second include ---- */
#define ZSTD_STATIC_LINKING_ONLY
#include "zstd.h"
#define ZDICT_STATIC_LINKING_ONLY
#include "zdict.h"

#if defined(ZSTD_H_ZSTD_STATIC_LINKING_ONLY) && defined(ZSTD_FRAMEHEADERSIZE_MAX) && \
    defined(ZSTDLIB_STATIC_API) && defined(INT_MAX)
#  define ABI_STATIC_SECOND 1
#else
#  define ABI_STATIC_SECOND 0
#endif
#if defined(ZSTD_ZDICT_H_STATIC) && defined(ZDICT_DICTSIZE_MIN)
#  define ABI_ZDICT_STATIC_SECOND 1
#else
#  define ABI_ZDICT_STATIC_SECOND 0
#endif

/* A third include changes nothing. */
#include "zstd.h"
#include "zdict.h"
#include "zstd_errors.h"

static void check_second_include(void)
{
    EXPECT_TRUE(ABI_STATIC_SECOND, "[second include] zstd.h static part (and <limits.h>) appears once the macro is defined");
    EXPECT_TRUE(ABI_ZDICT_STATIC_SECOND, "[second include] zdict.h static part appears once the macro is defined");
    EXPECT(ZSTD_FRAMEHEADERSIZE_MAX, 18);
    EXPECT(ZSTD_SRCSIZEHINT_MAX, INT_MAX);
    EXPECT(ZSTD_c_blockSplitterLevel, 1017);
    EXPECT(ZDICT_DICTSIZE_MIN, 256);
    EXPECT(sizeof(ZSTD_FrameHeader), sizeof(ZSTD_frameHeader));
    EXPECT_TRUE(ZSTD_defaultCMem.customAlloc == NULL, "[second include] ZSTD_defaultCMem usable");
}

void abi_check_plain_include(void);
void abi_check_plain_include(void)
{
    check_stable_part();
    check_second_include();
}
