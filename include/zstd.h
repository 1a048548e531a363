/*
 * zstd.h - public API of the zest library.
 *
 * zest is a from-scratch reimplementation of Zstandard (RFC 8878). This
 * header is source- and ABI-compatible with libzstd 1.5.7: the same names,
 * values, struct layouts and function signatures, so programs built against
 * libzstd can use zest unchanged and vice versa.
 *
 * Conventions used throughout:
 *  - Functions returning size_t report failure in-band. Test a result with
 *    ZSTD_isError(); ZSTD_getErrorCode() and ZSTD_getErrorName() explain it.
 *  - "dst/dstCapacity" is an output buffer and its size, "src/srcSize" an
 *    input buffer and its size.
 *  - The first part of this header is the stable API. The second part is
 *    only visible when ZSTD_STATIC_LINKING_ONLY is defined before inclusion;
 *    those functions are exported by the shared library too, but may change
 *    between versions.
 */
#ifndef ZSTD_H_235446
#define ZSTD_H_235446

#include <stddef.h>       /* size_t */
#include "zstd_errors.h"  /* ZSTD_ErrorCode */

#if defined(__cplusplus)
extern "C" {
#endif

/* ======================================================================== */
/* Symbol visibility and deprecation                                         */
/* ======================================================================== */

/* ZSTDLIB_VISIBLE: attribute that exports a symbol from the shared library.
 * ZSTDLIB_VISIBILITY is accepted as an older spelling. */
#ifndef ZSTDLIB_VISIBLE
#  if defined(ZSTDLIB_VISIBILITY)
#    define ZSTDLIB_VISIBLE ZSTDLIB_VISIBILITY
#  elif defined(__GNUC__) && (__GNUC__ >= 4) && !defined(__MINGW32__)
#    define ZSTDLIB_VISIBLE __attribute__((visibility("default")))
#  else
#    define ZSTDLIB_VISIBLE
#  endif
#endif

/* ZSTDLIB_HIDDEN: attribute that keeps a symbol private to the library. */
#ifndef ZSTDLIB_HIDDEN
#  if defined(__GNUC__) && (__GNUC__ >= 4) && !defined(__MINGW32__)
#    define ZSTDLIB_HIDDEN __attribute__((visibility("hidden")))
#  else
#    define ZSTDLIB_HIDDEN
#  endif
#endif

/* ZSTDLIB_API: prefix of every stable function. On Windows, define
 * ZSTD_DLL_EXPORT=1 when building the DLL and ZSTD_DLL_IMPORT=1 when
 * linking against it. */
#ifndef ZSTDLIB_API
#  if defined(ZSTD_DLL_EXPORT) && (ZSTD_DLL_EXPORT == 1)
#    define ZSTDLIB_API __declspec(dllexport) ZSTDLIB_VISIBLE
#  elif defined(ZSTD_DLL_IMPORT) && (ZSTD_DLL_IMPORT == 1)
#    define ZSTDLIB_API __declspec(dllimport) ZSTDLIB_VISIBLE
#  else
#    define ZSTDLIB_API ZSTDLIB_VISIBLE
#  endif
#endif

/* ZSTD_DEPRECATED(msg): marks functions scheduled for removal. Define
 * ZSTD_DISABLE_DEPRECATE_WARNINGS to silence the resulting warnings. */
#if defined(ZSTD_DISABLE_DEPRECATE_WARNINGS)
#  define ZSTD_DEPRECATED(message)
#elif defined(__cplusplus) && (__cplusplus >= 201402)
#  define ZSTD_DEPRECATED(message) [[deprecated(message)]]
#elif defined(__clang__) || defined(__IAR_SYSTEMS_ICC__) || \
      (defined(__GNUC__) && (__GNUC__ > 4 || (__GNUC__ == 4 && __GNUC_MINOR__ >= 5)))
#  define ZSTD_DEPRECATED(message) __attribute__((deprecated(message)))
#elif defined(__GNUC__) && (__GNUC__ >= 3)
#  define ZSTD_DEPRECATED(message) __attribute__((deprecated))
#elif defined(_MSC_VER)
#  define ZSTD_DEPRECATED(message) __declspec(deprecated(message))
#else
#  define ZSTD_DEPRECATED(message)
#endif


/* ======================================================================== */
/* Version                                                                   */
/* ======================================================================== */

#define ZSTD_VERSION_MAJOR    1
#define ZSTD_VERSION_MINOR    5
#define ZSTD_VERSION_RELEASE  7
#define ZSTD_VERSION_NUMBER  (ZSTD_VERSION_MAJOR *100*100 + ZSTD_VERSION_MINOR *100 + ZSTD_VERSION_RELEASE)

/* Version of the library actually linked, as ZSTD_VERSION_NUMBER. */
ZSTDLIB_API unsigned ZSTD_versionNumber(void);

#define ZSTD_LIB_VERSION ZSTD_VERSION_MAJOR.ZSTD_VERSION_MINOR.ZSTD_VERSION_RELEASE
#define ZSTD_QUOTE(str) #str
#define ZSTD_EXPAND_AND_QUOTE(str) ZSTD_QUOTE(str)
#define ZSTD_VERSION_STRING ZSTD_EXPAND_AND_QUOTE(ZSTD_LIB_VERSION)

/* Version of the library actually linked, as a string such as "1.5.7". */
ZSTDLIB_API const char* ZSTD_versionString(void);


/* ======================================================================== */
/* Format constants                                                          */
/* ======================================================================== */

/* Level used when a caller asks for level 0 ("default"). */
#ifndef ZSTD_CLEVEL_DEFAULT
#  define ZSTD_CLEVEL_DEFAULT 3
#endif

#define ZSTD_MAGICNUMBER            0xFD2FB528  /* little-endian frame magic */
#define ZSTD_MAGIC_DICTIONARY       0xEC30A437  /* start of a formatted dictionary */
#define ZSTD_MAGIC_SKIPPABLE_START  0x184D2A50  /* skippable frames: START..START+15 */
#define ZSTD_MAGIC_SKIPPABLE_MASK   0xFFFFFFF0

#define ZSTD_BLOCKSIZELOG_MAX  17
#define ZSTD_BLOCKSIZE_MAX     (1<<ZSTD_BLOCKSIZELOG_MAX)


/* ======================================================================== */
/* One-shot API                                                              */
/* ======================================================================== */

/* Compress src into a single frame at the given level. Providing
 * dstCapacity >= ZSTD_compressBound(srcSize) rules out running out of room.
 * Returns the compressed size or an error. */
ZSTDLIB_API size_t ZSTD_compress(void* dst, size_t dstCapacity,
                                 const void* src, size_t srcSize,
                                 int compressionLevel);

/* Decompress one or more complete frames (and skippable frames) occupying
 * exactly compressedSize bytes. Returns the decompressed size or an error. */
ZSTDLIB_API size_t ZSTD_decompress(void* dst, size_t dstCapacity,
                                   const void* src, size_t compressedSize);

/* Results of ZSTD_getFrameContentSize() that are not sizes. */
#define ZSTD_CONTENTSIZE_UNKNOWN (0ULL - 1)
#define ZSTD_CONTENTSIZE_ERROR   (0ULL - 2)

/* Content size recorded in the header of the frame at src: the size, or
 * ZSTD_CONTENTSIZE_UNKNOWN when the header omits it, or
 * ZSTD_CONTENTSIZE_ERROR for invalid input. A skippable frame gives 0.
 * The value comes from the data: do not trust it blindly. */
ZSTDLIB_API unsigned long long ZSTD_getFrameContentSize(const void* src, size_t srcSize);

/* Older form of ZSTD_getFrameContentSize() that returns 0 for "empty",
 * "unknown" and "error" alike. */
ZSTD_DEPRECATED("use ZSTD_getFrameContentSize() instead")
ZSTDLIB_API unsigned long long ZSTD_getDecompressedSize(const void* src, size_t srcSize);

/* Compressed size of the first frame (or skippable frame) at src, found by
 * walking its blocks; or an error. */
ZSTDLIB_API size_t ZSTD_findFrameCompressedSize(const void* src, size_t srcSize);

/* Worst-case compressed size for srcSize input bytes. ZSTD_compressBound()
 * fails for srcSize >= ZSTD_MAX_INPUT_SIZE; the macro form is usable in
 * constant expressions and gives 0 there instead. */
#define ZSTD_MAX_INPUT_SIZE ((sizeof(size_t)==8) ? 0xFF00FF00FF00FF00ULL : 0xFF00FF00U)
#define ZSTD_COMPRESSBOUND(srcSize) \
    (((size_t)(srcSize) >= ZSTD_MAX_INPUT_SIZE) ? 0 : \
     (srcSize) + ((srcSize)>>8) + (((srcSize) < (128<<10)) ? (((128<<10) - (srcSize)) >> 11) : 0))
ZSTDLIB_API size_t ZSTD_compressBound(size_t srcSize);

/* Error helpers: is a size_t result an error, which one, and its text. */
ZSTDLIB_API unsigned ZSTD_isError(size_t result);
ZSTDLIB_API ZSTD_ErrorCode ZSTD_getErrorCode(size_t functionResult);
ZSTDLIB_API const char* ZSTD_getErrorName(size_t result);

/* Range of compression levels: most negative, highest, and the default. */
ZSTDLIB_API int ZSTD_minCLevel(void);
ZSTDLIB_API int ZSTD_maxCLevel(void);
ZSTDLIB_API int ZSTD_defaultCLevel(void);


/* ======================================================================== */
/* Explicit contexts                                                         */
/* ======================================================================== */

/* A compression context: reuse one per thread to avoid re-allocating. */
typedef struct ZSTD_CCtx_s ZSTD_CCtx;
ZSTDLIB_API ZSTD_CCtx* ZSTD_createCCtx(void);
ZSTDLIB_API size_t ZSTD_freeCCtx(ZSTD_CCtx* cctx); /* NULL is accepted */

/* Like ZSTD_compress() but with a caller-owned context. Only the level is
 * used: advanced parameters previously set on cctx are reset. */
ZSTDLIB_API size_t ZSTD_compressCCtx(ZSTD_CCtx* cctx,
                                     void* dst, size_t dstCapacity,
                                     const void* src, size_t srcSize,
                                     int compressionLevel);

/* A decompression context. */
typedef struct ZSTD_DCtx_s ZSTD_DCtx;
ZSTDLIB_API ZSTD_DCtx* ZSTD_createDCtx(void);
ZSTDLIB_API size_t ZSTD_freeDCtx(ZSTD_DCtx* dctx); /* NULL is accepted */

/* Like ZSTD_decompress() but with a caller-owned context; honours the
 * parameters set on dctx. */
ZSTDLIB_API size_t ZSTD_decompressDCtx(ZSTD_DCtx* dctx,
                                       void* dst, size_t dstCapacity,
                                       const void* src, size_t srcSize);


/* ======================================================================== */
/* Advanced compression parameters                                           */
/* ======================================================================== */

/* Match-finding strategies, from fastest to strongest. */
typedef enum {
    ZSTD_fast = 1,
    ZSTD_dfast = 2,
    ZSTD_greedy = 3,
    ZSTD_lazy = 4,
    ZSTD_lazy2 = 5,
    ZSTD_btlazy2 = 6,
    ZSTD_btopt = 7,
    ZSTD_btultra = 8,
    ZSTD_btultra2 = 9
} ZSTD_strategy;

/* Parameters accepted by ZSTD_CCtx_setParameter(). For most of them the
 * value 0 means "let the library choose". Experimental parameters are
 * named by macros in the static-linking section. */
typedef enum {
    /* level and match-finder tuning */
    ZSTD_c_compressionLevel = 100, /* negative = faster levels; 0 = default */
    ZSTD_c_windowLog = 101,        /* log2 of the largest back-reference distance */
    ZSTD_c_hashLog = 102,          /* log2 of the first-level hash table size */
    ZSTD_c_chainLog = 103,         /* log2 of the secondary search table size */
    ZSTD_c_searchLog = 104,        /* log2 of the number of search attempts */
    ZSTD_c_minMatch = 105,         /* shortest match looked for */
    ZSTD_c_targetLength = 106,     /* strategy-dependent length target */
    ZSTD_c_strategy = 107,         /* a ZSTD_strategy */
    ZSTD_c_targetCBlockSize = 130, /* aim for compressed blocks of this size; 0 = off */

    /* long-distance matching */
    ZSTD_c_enableLongDistanceMatching = 160,
    ZSTD_c_ldmHashLog = 161,
    ZSTD_c_ldmMinMatch = 162,
    ZSTD_c_ldmBucketSizeLog = 163,
    ZSTD_c_ldmHashRateLog = 164,

    /* frame header contents */
    ZSTD_c_contentSizeFlag = 200,  /* record the content size when known (default 1) */
    ZSTD_c_checksumFlag = 201,     /* append a 32-bit content checksum (default 0) */
    ZSTD_c_dictIDFlag = 202,       /* record the dictionary ID (default 1) */

    /* multi-threading */
    ZSTD_c_nbWorkers = 400,        /* 0 = single-threaded, blocking */
    ZSTD_c_jobSize = 401,          /* bytes per job; 0 = automatic */
    ZSTD_c_overlapLog = 402,       /* how much window consecutive jobs share */

    /* experimental: use the ZSTD_c_* macros of the static-linking section */
    ZSTD_c_experimentalParam1 = 500,
    ZSTD_c_experimentalParam2 = 10,
    ZSTD_c_experimentalParam3 = 1000,
    ZSTD_c_experimentalParam4 = 1001,
    ZSTD_c_experimentalParam5 = 1002,
    /* 1003 is retired */
    ZSTD_c_experimentalParam7 = 1004,
    ZSTD_c_experimentalParam8 = 1005,
    ZSTD_c_experimentalParam9 = 1006,
    ZSTD_c_experimentalParam10 = 1007,
    ZSTD_c_experimentalParam11 = 1008,
    ZSTD_c_experimentalParam12 = 1009,
    ZSTD_c_experimentalParam13 = 1010,
    ZSTD_c_experimentalParam14 = 1011,
    ZSTD_c_experimentalParam15 = 1012,
    ZSTD_c_experimentalParam16 = 1013,
    ZSTD_c_experimentalParam17 = 1014,
    ZSTD_c_experimentalParam18 = 1015,
    ZSTD_c_experimentalParam19 = 1016,
    ZSTD_c_experimentalParam20 = 1017
} ZSTD_cParameter;

/* Inclusive bounds of a parameter; check `error` with ZSTD_isError(). */
typedef struct {
    size_t error;
    int lowerBound;
    int upperBound;
} ZSTD_bounds;

/* Valid range of a compression parameter. */
ZSTDLIB_API ZSTD_bounds ZSTD_cParam_getBounds(ZSTD_cParameter cParam);

/* Set one compression parameter. Out-of-range values are either clamped or
 * rejected, depending on the parameter. Most parameters can only change
 * between frames. */
ZSTDLIB_API size_t ZSTD_CCtx_setParameter(ZSTD_CCtx* cctx, ZSTD_cParameter param, int value);

/* Announce the exact size of the next frame's content. It is written to the
 * header and checked at the end. Use ZSTD_CONTENTSIZE_UNKNOWN (the default)
 * when unknown; 0 means an empty frame. Applies to one frame only. */
ZSTDLIB_API size_t ZSTD_CCtx_setPledgedSrcSize(ZSTD_CCtx* cctx, unsigned long long pledgedSrcSize);

/* What ZSTD_CCtx_reset() / ZSTD_DCtx_reset() discard. */
typedef enum {
    ZSTD_reset_session_only = 1,           /* abandon the current frame */
    ZSTD_reset_parameters = 2,             /* restore default parameters, drop dictionary */
    ZSTD_reset_session_and_parameters = 3  /* both */
} ZSTD_ResetDirective;

/* Reset a compression context. Resetting parameters fails mid-frame. */
ZSTDLIB_API size_t ZSTD_CCtx_reset(ZSTD_CCtx* cctx, ZSTD_ResetDirective reset);

/* One-shot compression using every parameter set on cctx. Always starts a
 * new frame and blocks until done. Returns the compressed size or an error. */
ZSTDLIB_API size_t ZSTD_compress2(ZSTD_CCtx* cctx,
                                  void* dst, size_t dstCapacity,
                                  const void* src, size_t srcSize);


/* ======================================================================== */
/* Advanced decompression parameters                                         */
/* ======================================================================== */

/* Parameters accepted by ZSTD_DCtx_setParameter(). */
typedef enum {
    ZSTD_d_windowLogMax = 100, /* refuse frames needing a larger window; 0 = default */

    /* experimental: use the ZSTD_d_* macros of the static-linking section */
    ZSTD_d_experimentalParam1 = 1000,
    ZSTD_d_experimentalParam2 = 1001,
    ZSTD_d_experimentalParam3 = 1002,
    ZSTD_d_experimentalParam4 = 1003,
    ZSTD_d_experimentalParam5 = 1004,
    ZSTD_d_experimentalParam6 = 1005
} ZSTD_dParameter;

/* Valid range of a decompression parameter. */
ZSTDLIB_API ZSTD_bounds ZSTD_dParam_getBounds(ZSTD_dParameter dParam);

/* Set one decompression parameter; only allowed between frames. */
ZSTDLIB_API size_t ZSTD_DCtx_setParameter(ZSTD_DCtx* dctx, ZSTD_dParameter param, int value);

/* Reset a decompression context (see ZSTD_ResetDirective). */
ZSTDLIB_API size_t ZSTD_DCtx_reset(ZSTD_DCtx* dctx, ZSTD_ResetDirective reset);


/* ======================================================================== */
/* Streaming                                                                 */
/* ======================================================================== */

/* Input window for streaming calls: the library reads src[pos..size) and
 * advances pos. */
typedef struct ZSTD_inBuffer_s {
    const void* src;
    size_t size;
    size_t pos;
} ZSTD_inBuffer;

/* Output window for streaming calls: the library writes into
 * dst[pos..size) and advances pos. */
typedef struct ZSTD_outBuffer_s {
    void* dst;
    size_t size;
    size_t pos;
} ZSTD_outBuffer;

/* ---- Streaming compression ---- */

/* A streaming compressor is the same object as a compression context. */
typedef ZSTD_CCtx ZSTD_CStream;
ZSTDLIB_API ZSTD_CStream* ZSTD_createCStream(void);
ZSTDLIB_API size_t ZSTD_freeCStream(ZSTD_CStream* zcs); /* NULL is accepted */

/* What ZSTD_compressStream2() should do after consuming input. */
typedef enum {
    ZSTD_e_continue = 0, /* compress as much as convenient */
    ZSTD_e_flush = 1,    /* also emit everything buffered so far */
    ZSTD_e_end = 2       /* also finish the frame */
} ZSTD_EndDirective;

/* Consume input and produce output according to endOp, updating both pos
 * fields. Returns a lower bound of bytes still waiting to be flushed (0 once
 * a flush or frame end is complete), or an error. After an error the context
 * must be reset before reuse. */
ZSTDLIB_API size_t ZSTD_compressStream2(ZSTD_CCtx* cctx,
                                        ZSTD_outBuffer* output,
                                        ZSTD_inBuffer* input,
                                        ZSTD_EndDirective endOp);

/* Suggested buffer sizes for streaming compression. */
ZSTDLIB_API size_t ZSTD_CStreamInSize(void);
ZSTDLIB_API size_t ZSTD_CStreamOutSize(void);

/* Older streaming interface, kept for compatibility.
 * ZSTD_initCStream(): reset the session, drop any dictionary and set the
 * level. ZSTD_compressStream(): ZSTD_e_continue step; its result is a hint
 * for the next input size. ZSTD_flushStream() / ZSTD_endStream(): flush or
 * finish with no new input; they return bytes left to flush. */
ZSTDLIB_API size_t ZSTD_initCStream(ZSTD_CStream* zcs, int compressionLevel);
ZSTDLIB_API size_t ZSTD_compressStream(ZSTD_CStream* zcs, ZSTD_outBuffer* output, ZSTD_inBuffer* input);
ZSTDLIB_API size_t ZSTD_flushStream(ZSTD_CStream* zcs, ZSTD_outBuffer* output);
ZSTDLIB_API size_t ZSTD_endStream(ZSTD_CStream* zcs, ZSTD_outBuffer* output);

/* ---- Streaming decompression ---- */

/* A streaming decompressor is the same object as a decompression context. */
typedef ZSTD_DCtx ZSTD_DStream;
ZSTDLIB_API ZSTD_DStream* ZSTD_createDStream(void);
ZSTDLIB_API size_t ZSTD_freeDStream(ZSTD_DStream* zds); /* NULL is accepted */

/* Start a new decompression session, dropping any dictionary. */
ZSTDLIB_API size_t ZSTD_initDStream(ZSTD_DStream* zds);

/* Decode as much as possible, updating both pos fields. Returns 0 when a
 * frame is fully decoded and flushed, a positive hint of further work
 * otherwise, or an error (after which the context must be reset). */
ZSTDLIB_API size_t ZSTD_decompressStream(ZSTD_DStream* zds, ZSTD_outBuffer* output, ZSTD_inBuffer* input);

/* Suggested buffer sizes for streaming decompression. */
ZSTDLIB_API size_t ZSTD_DStreamInSize(void);
ZSTDLIB_API size_t ZSTD_DStreamOutSize(void);


/* ======================================================================== */
/* Dictionaries                                                              */
/* ======================================================================== */

/* One-shot compression / decompression with a dictionary loaded for this
 * call only. A NULL dict or one shorter than 8 bytes means no dictionary. */
ZSTDLIB_API size_t ZSTD_compress_usingDict(ZSTD_CCtx* ctx,
                                           void* dst, size_t dstCapacity,
                                           const void* src, size_t srcSize,
                                           const void* dict, size_t dictSize,
                                           int compressionLevel);

ZSTDLIB_API size_t ZSTD_decompress_usingDict(ZSTD_DCtx* dctx,
                                             void* dst, size_t dstCapacity,
                                             const void* src, size_t srcSize,
                                             const void* dict, size_t dictSize);

/* A digested compression dictionary: built once, read-only afterwards, so
 * it can be shared between threads. The dictionary buffer is copied. */
typedef struct ZSTD_CDict_s ZSTD_CDict;
ZSTDLIB_API ZSTD_CDict* ZSTD_createCDict(const void* dictBuffer, size_t dictSize,
                                         int compressionLevel);
ZSTDLIB_API size_t ZSTD_freeCDict(ZSTD_CDict* CDict); /* NULL is accepted */

/* Compress with a digested dictionary; the level is the one given when the
 * CDict was created. */
ZSTDLIB_API size_t ZSTD_compress_usingCDict(ZSTD_CCtx* cctx,
                                            void* dst, size_t dstCapacity,
                                            const void* src, size_t srcSize,
                                            const ZSTD_CDict* cdict);

/* A digested decompression dictionary (buffer copied). */
typedef struct ZSTD_DDict_s ZSTD_DDict;
ZSTDLIB_API ZSTD_DDict* ZSTD_createDDict(const void* dictBuffer, size_t dictSize);
ZSTDLIB_API size_t ZSTD_freeDDict(ZSTD_DDict* ddict); /* NULL is accepted */

/* Decompress with a digested dictionary. */
ZSTDLIB_API size_t ZSTD_decompress_usingDDict(ZSTD_DCtx* dctx,
                                              void* dst, size_t dstCapacity,
                                              const void* src, size_t srcSize,
                                              const ZSTD_DDict* ddict);

/* Dictionary IDs: of a dictionary buffer, of a CDict, of a DDict, and the
 * one a frame asks for. 0 means none / not a formatted dictionary / could
 * not be read. */
ZSTDLIB_API unsigned ZSTD_getDictID_fromDict(const void* dict, size_t dictSize);
ZSTDLIB_API unsigned ZSTD_getDictID_fromCDict(const ZSTD_CDict* cdict);
ZSTDLIB_API unsigned ZSTD_getDictID_fromDDict(const ZSTD_DDict* ddict);
ZSTDLIB_API unsigned ZSTD_getDictID_fromFrame(const void* src, size_t srcSize);

/* Sticky dictionaries for the advanced API:
 *  - loadDictionary: copy and digest dict, used for every following frame
 *    (NULL or size 0 returns to no-dictionary mode);
 *  - refCDict / refDDict: reference an existing digested dictionary, which
 *    must outlive its use (NULL returns to no-dictionary mode);
 *  - refPrefix: reference raw content for the next frame only; the buffer
 *    must stay valid and unchanged until that frame is done. */
ZSTDLIB_API size_t ZSTD_CCtx_loadDictionary(ZSTD_CCtx* cctx, const void* dict, size_t dictSize);
ZSTDLIB_API size_t ZSTD_CCtx_refCDict(ZSTD_CCtx* cctx, const ZSTD_CDict* cdict);
ZSTDLIB_API size_t ZSTD_CCtx_refPrefix(ZSTD_CCtx* cctx, const void* prefix, size_t prefixSize);
ZSTDLIB_API size_t ZSTD_DCtx_loadDictionary(ZSTD_DCtx* dctx, const void* dict, size_t dictSize);
ZSTDLIB_API size_t ZSTD_DCtx_refDDict(ZSTD_DCtx* dctx, const ZSTD_DDict* ddict);
ZSTDLIB_API size_t ZSTD_DCtx_refPrefix(ZSTD_DCtx* dctx, const void* prefix, size_t prefixSize);


/* ======================================================================== */
/* Memory usage                                                              */
/* ======================================================================== */

/* Current memory footprint of an object, in bytes. */
ZSTDLIB_API size_t ZSTD_sizeof_CCtx(const ZSTD_CCtx* cctx);
ZSTDLIB_API size_t ZSTD_sizeof_DCtx(const ZSTD_DCtx* dctx);
ZSTDLIB_API size_t ZSTD_sizeof_CStream(const ZSTD_CStream* zcs);
ZSTDLIB_API size_t ZSTD_sizeof_DStream(const ZSTD_DStream* zds);
ZSTDLIB_API size_t ZSTD_sizeof_CDict(const ZSTD_CDict* cdict);
ZSTDLIB_API size_t ZSTD_sizeof_DDict(const ZSTD_DDict* ddict);

#if defined(__cplusplus)
}
#endif

#endif /* ZSTD_H_235446 */


/* ======================================================================== */
/* ======================================================================== */
/* Experimental API: only with ZSTD_STATIC_LINKING_ONLY                      */
/*                                                                           */
/* This part may be pulled in by a later #include of zstd.h once the macro  */
/* is defined, even if zstd.h was included before without it.               */
/* ======================================================================== */
/* ======================================================================== */
#if defined(ZSTD_STATIC_LINKING_ONLY) && !defined(ZSTD_H_ZSTD_STATIC_LINKING_ONLY)
#define ZSTD_H_ZSTD_STATIC_LINKING_ONLY

#include <limits.h> /* INT_MAX */

#if defined(__cplusplus)
extern "C" {
#endif

/* ZSTDLIB_STATIC_API: prefix of every experimental function. */
#ifndef ZSTDLIB_STATIC_API
#  if defined(ZSTD_DLL_EXPORT) && (ZSTD_DLL_EXPORT == 1)
#    define ZSTDLIB_STATIC_API __declspec(dllexport) ZSTDLIB_VISIBLE
#  elif defined(ZSTD_DLL_IMPORT) && (ZSTD_DLL_IMPORT == 1)
#    define ZSTDLIB_STATIC_API __declspec(dllimport) ZSTDLIB_VISIBLE
#  else
#    define ZSTDLIB_STATIC_API ZSTDLIB_VISIBLE
#  endif
#endif


/* ---- Frame header sizes ------------------------------------------------ */

/* Bytes needed before the header size can be known, and the smallest and
 * largest possible headers, for a given ZSTD_format_e. */
#define ZSTD_FRAMEHEADERSIZE_PREFIX(format) ((format) == ZSTD_f_zstd1 ? 5 : 1)
#define ZSTD_FRAMEHEADERSIZE_MIN(format)    ((format) == ZSTD_f_zstd1 ? 6 : 2)
#define ZSTD_FRAMEHEADERSIZE_MAX   18
#define ZSTD_SKIPPABLEHEADERSIZE    8  /* magic + content size */


/* ---- Parameter limits -------------------------------------------------- */

#define ZSTD_WINDOWLOG_MAX_32    30
#define ZSTD_WINDOWLOG_MAX_64    31
#define ZSTD_WINDOWLOG_MAX     ((int)(sizeof(size_t) == 4 ? ZSTD_WINDOWLOG_MAX_32 : ZSTD_WINDOWLOG_MAX_64))
#define ZSTD_WINDOWLOG_MIN       10
#define ZSTD_HASHLOG_MAX       ((ZSTD_WINDOWLOG_MAX < 30) ? ZSTD_WINDOWLOG_MAX : 30)
#define ZSTD_HASHLOG_MIN          6
#define ZSTD_CHAINLOG_MAX_32     29
#define ZSTD_CHAINLOG_MAX_64     30
#define ZSTD_CHAINLOG_MAX      ((int)(sizeof(size_t) == 4 ? ZSTD_CHAINLOG_MAX_32 : ZSTD_CHAINLOG_MAX_64))
#define ZSTD_CHAINLOG_MIN        ZSTD_HASHLOG_MIN
#define ZSTD_SEARCHLOG_MAX      (ZSTD_WINDOWLOG_MAX-1)
#define ZSTD_SEARCHLOG_MIN        1
#define ZSTD_MINMATCH_MAX         7
#define ZSTD_MINMATCH_MIN         3
#define ZSTD_TARGETLENGTH_MAX    ZSTD_BLOCKSIZE_MAX
#define ZSTD_TARGETLENGTH_MIN     0
#define ZSTD_STRATEGY_MIN        ZSTD_fast
#define ZSTD_STRATEGY_MAX        ZSTD_btultra2
#define ZSTD_BLOCKSIZE_MAX_MIN   (1 << 10) /* smallest allowed maximum block size */

#define ZSTD_OVERLAPLOG_MIN       0
#define ZSTD_OVERLAPLOG_MAX       9

/* Streaming decoders refuse windows above 1 << this unless told otherwise
 * (ZSTD_d_windowLogMax). One-shot decoding is not limited by it. */
#define ZSTD_WINDOWLOG_LIMIT_DEFAULT 27

#define ZSTD_LDM_HASHLOG_MIN      ZSTD_HASHLOG_MIN
#define ZSTD_LDM_HASHLOG_MAX      ZSTD_HASHLOG_MAX
#define ZSTD_LDM_MINMATCH_MIN        4
#define ZSTD_LDM_MINMATCH_MAX     4096
#define ZSTD_LDM_BUCKETSIZELOG_MIN   1
#define ZSTD_LDM_BUCKETSIZELOG_MAX   8
#define ZSTD_LDM_HASHRATELOG_MIN     0
#define ZSTD_LDM_HASHRATELOG_MAX (ZSTD_WINDOWLOG_MAX - ZSTD_HASHLOG_MIN)

#define ZSTD_TARGETCBLOCKSIZE_MIN   1340
#define ZSTD_TARGETCBLOCKSIZE_MAX   ZSTD_BLOCKSIZE_MAX
#define ZSTD_SRCSIZEHINT_MIN        0
#define ZSTD_SRCSIZEHINT_MAX        INT_MAX


/* ---- Advanced types ---------------------------------------------------- */

/* A standalone set of compression parameters (see ZSTD_createCCtxParams). */
typedef struct ZSTD_CCtx_params_s ZSTD_CCtx_params;

/* One sequence: litLength literals, then a match of matchLength bytes at
 * distance `offset`. A sequence with offset 0 and matchLength 0 marks the
 * end of a block (its literals are the block's last ones). `rep` reports
 * the repeat-offset code (0-3) on output and is ignored on input. */
typedef struct {
    unsigned int offset;
    unsigned int litLength;
    unsigned int matchLength;
    unsigned int rep;
} ZSTD_Sequence;

/* The match-finder parameters a compression level stands for. */
typedef struct {
    unsigned windowLog;
    unsigned chainLog;
    unsigned hashLog;
    unsigned searchLog;
    unsigned minMatch;
    unsigned targetLength;
    ZSTD_strategy strategy;
} ZSTD_compressionParameters;

/* Frame header options; note noDictIDFlag has the inverted sense. */
typedef struct {
    int contentSizeFlag; /* 1: record the content size when known */
    int checksumFlag;    /* 1: append a content checksum */
    int noDictIDFlag;    /* 1: do not record the dictionary ID */
} ZSTD_frameParameters;

typedef struct {
    ZSTD_compressionParameters cParams;
    ZSTD_frameParameters fParams;
} ZSTD_parameters;

/* How dictionary content is interpreted. */
typedef enum {
    ZSTD_dct_auto = 0,       /* formatted if it starts with ZSTD_MAGIC_DICTIONARY, else raw */
    ZSTD_dct_rawContent = 1, /* always raw content */
    ZSTD_dct_fullDict = 2    /* must be a formatted dictionary, else error */
} ZSTD_dictContentType_e;

/* Whether dictionary content is copied or referenced. */
typedef enum {
    ZSTD_dlm_byCopy = 0,
    ZSTD_dlm_byRef = 1  /* caller keeps the buffer alive and unchanged */
} ZSTD_dictLoadMethod_e;

/* Frame formats. */
typedef enum {
    ZSTD_f_zstd1 = 0,          /* standard frames */
    ZSTD_f_zstd1_magicless = 1 /* frames without the 4-byte magic number */
} ZSTD_format_e;

/* Whether the decoder verifies content checksums. */
typedef enum {
    ZSTD_d_validateChecksum = 0,
    ZSTD_d_ignoreChecksum = 1
} ZSTD_forceIgnoreChecksum_e;

/* Whether a DCtx keeps one DDict or a set selected by dictionary ID. */
typedef enum {
    ZSTD_rmd_refSingleDDict = 0,
    ZSTD_rmd_refMultipleDDicts = 1
} ZSTD_refMultipleDDicts_e;

/* How a CDict is combined with a CCtx. */
typedef enum {
    ZSTD_dictDefaultAttach = 0, /* library decides */
    ZSTD_dictForceAttach = 1,   /* use the CDict tables in place */
    ZSTD_dictForceCopy = 2,     /* copy the CDict tables */
    ZSTD_dictForceLoad = 3      /* reload the dictionary content */
} ZSTD_dictAttachPref_e;

/* Literal compression modes (values coincide with ZSTD_ParamSwitch_e). */
typedef enum {
    ZSTD_lcm_auto = 0,
    ZSTD_lcm_huffman = 1,
    ZSTD_lcm_uncompressed = 2
} ZSTD_literalCompressionMode_e;

/* Three-way switch for optional features. */
typedef enum {
    ZSTD_ps_auto = 0,
    ZSTD_ps_enable = 1,
    ZSTD_ps_disable = 2
} ZSTD_ParamSwitch_e;
#define ZSTD_paramSwitch_e ZSTD_ParamSwitch_e /* name before 1.5.7 */


/* ---- Frame inspection -------------------------------------------------- */

/* Total content size of a series of complete frames occupying exactly
 * srcSize bytes, or ZSTD_CONTENTSIZE_UNKNOWN / ZSTD_CONTENTSIZE_ERROR. */
ZSTDLIB_STATIC_API unsigned long long ZSTD_findDecompressedSize(const void* src, size_t srcSize);

/* Upper bound of the total content size of a series of complete frames
 * (exact when every frame records its size), or ZSTD_CONTENTSIZE_ERROR. */
ZSTDLIB_STATIC_API unsigned long long ZSTD_decompressBound(const void* src, size_t srcSize);

/* Size of the frame header at src (srcSize >= ZSTD_FRAMEHEADERSIZE_PREFIX),
 * or an error. */
ZSTDLIB_STATIC_API size_t ZSTD_frameHeaderSize(const void* src, size_t srcSize);

typedef enum {
    ZSTD_frame = 0,
    ZSTD_skippableFrame = 1
} ZSTD_FrameType_e;
#define ZSTD_frameType_e ZSTD_FrameType_e /* name before 1.5.7 */

/* Decoded frame header. For a skippable frame, frameContentSize is the
 * payload size and dictID the magic variant (0-15). */
typedef struct {
    unsigned long long frameContentSize; /* ZSTD_CONTENTSIZE_UNKNOWN if absent */
    unsigned long long windowSize;       /* 0 means frameContentSize */
    unsigned blockSizeMax;
    ZSTD_FrameType_e frameType;
    unsigned headerSize;
    unsigned dictID;
    unsigned checksumFlag;
    unsigned _reserved1;
    unsigned _reserved2;
} ZSTD_FrameHeader;
#define ZSTD_frameHeader ZSTD_FrameHeader /* name before 1.5.7 */

/* Decode a frame header into *zfhPtr. Returns 0 on success, the number of
 * input bytes needed if srcSize is too small, or an error. */
ZSTDLIB_STATIC_API size_t ZSTD_getFrameHeader(ZSTD_FrameHeader* zfhPtr, const void* src, size_t srcSize);

/* Same, for a chosen frame format. */
ZSTDLIB_STATIC_API size_t ZSTD_getFrameHeader_advanced(ZSTD_FrameHeader* zfhPtr, const void* src, size_t srcSize, ZSTD_format_e format);

/* Extra room needed to decompress the given frames in place: the input must
 * sit at the end of an output buffer of (content size + margin) bytes.
 * Only for one-shot decompression. Returns the margin or an error. */
ZSTDLIB_STATIC_API size_t ZSTD_decompressionMargin(const void* src, size_t srcSize);

/* Constant-expression margin for a single frame, from its content size and
 * block size (min(window size, ZSTD_BLOCKSIZE_MAX)): largest header, the
 * checksum, a 3-byte header per block, plus one block. */
#define ZSTD_DECOMPRESSION_MARGIN(originalSize, blockSize) ((size_t)( \
        ZSTD_FRAMEHEADERSIZE_MAX + \
        4 + \
        ((originalSize) == 0 ? 0 : 3 * (((originalSize) + (blockSize) - 1) / blockSize)) + \
        (blockSize) \
    ))


/* ---- Sequences --------------------------------------------------------- */

/* How block boundaries are expressed in an array of ZSTD_Sequence. */
typedef enum {
    ZSTD_sf_noBlockDelimiters = 0,      /* none; the library splits blocks */
    ZSTD_sf_explicitBlockDelimiters = 1 /* each block ends with an (0,0) delimiter */
} ZSTD_SequenceFormat_e;
#define ZSTD_sequenceFormat_e ZSTD_SequenceFormat_e /* name before 1.5.7 */

/* Largest number of sequences srcSize bytes can produce. */
ZSTDLIB_STATIC_API size_t ZSTD_sequenceBound(size_t srcSize);

/* Compress src with zc and report the sequences found instead of the frame,
 * with a delimiter at the end of each block. Debugging aid only. Returns the
 * number of sequences or an error. */
ZSTD_DEPRECATED("debugging aid only; may be removed")
ZSTDLIB_STATIC_API size_t
ZSTD_generateSequences(ZSTD_CCtx* zc,
                       ZSTD_Sequence* outSeqs, size_t outSeqsCapacity,
                       const void* src, size_t srcSize);

/* Remove block delimiters, folding their literals into the next sequence.
 * Returns the new number of sequences. */
ZSTDLIB_STATIC_API size_t ZSTD_mergeBlockDelimiters(ZSTD_Sequence* sequences, size_t seqsSize);

/* Compress src into one frame using the given sequences instead of a match
 * search. Bytes of src not covered by sequences are literals. Behaviour is
 * driven by ZSTD_c_blockDelimiters, ZSTD_c_validateSequences and
 * ZSTD_c_repcodeResolution. Returns the compressed size or an error. */
ZSTDLIB_STATIC_API size_t
ZSTD_compressSequences(ZSTD_CCtx* cctx,
                       void* dst, size_t dstCapacity,
                       const ZSTD_Sequence* inSeqs, size_t inSeqsSize,
                       const void* src, size_t srcSize);

/* Variant of ZSTD_compressSequences() taking the literals already gathered
 * into one buffer (litBufCapacity must exceed litSize by at least 8).
 * Requires explicit block delimiters and no checksum; fails on
 * incompressible blocks. decompressedSize must be exact. */
ZSTDLIB_STATIC_API size_t
ZSTD_compressSequencesAndLiterals(ZSTD_CCtx* cctx,
                                  void* dst, size_t dstCapacity,
                                  const ZSTD_Sequence* inSeqs, size_t nbSequences,
                                  const void* literals, size_t litSize, size_t litBufCapacity,
                                  size_t decompressedSize);


/* ---- Skippable frames -------------------------------------------------- */

/* Write src as a skippable frame with magic ZSTD_MAGIC_SKIPPABLE_START +
 * magicVariant (0-15). Returns bytes written or an error. */
ZSTDLIB_STATIC_API size_t ZSTD_writeSkippableFrame(void* dst, size_t dstCapacity,
                                                   const void* src, size_t srcSize,
                                                   unsigned magicVariant);

/* Copy the payload of the skippable frame at src into dst; store its magic
 * variant in *magicVariant unless NULL. Returns bytes written or an error. */
ZSTDLIB_STATIC_API size_t ZSTD_readSkippableFrame(void* dst, size_t dstCapacity,
                                                  unsigned* magicVariant,
                                                  const void* src, size_t srcSize);

/* 1 if buffer starts with a skippable-frame magic number, else 0. */
ZSTDLIB_STATIC_API unsigned ZSTD_isSkippableFrame(const void* buffer, size_t size);


/* ---- Memory estimation ------------------------------------------------- */

/* Memory a context / stream / dictionary would need, for sizing static
 * workspaces (single-threaded use only). */
ZSTDLIB_STATIC_API size_t ZSTD_estimateCCtxSize(int maxCompressionLevel);
ZSTDLIB_STATIC_API size_t ZSTD_estimateCCtxSize_usingCParams(ZSTD_compressionParameters cParams);
ZSTDLIB_STATIC_API size_t ZSTD_estimateCCtxSize_usingCCtxParams(const ZSTD_CCtx_params* params);
ZSTDLIB_STATIC_API size_t ZSTD_estimateDCtxSize(void);

ZSTDLIB_STATIC_API size_t ZSTD_estimateCStreamSize(int maxCompressionLevel);
ZSTDLIB_STATIC_API size_t ZSTD_estimateCStreamSize_usingCParams(ZSTD_compressionParameters cParams);
ZSTDLIB_STATIC_API size_t ZSTD_estimateCStreamSize_usingCCtxParams(const ZSTD_CCtx_params* params);
ZSTDLIB_STATIC_API size_t ZSTD_estimateDStreamSize(size_t maxWindowSize);
ZSTDLIB_STATIC_API size_t ZSTD_estimateDStreamSize_fromFrame(const void* src, size_t srcSize);

ZSTDLIB_STATIC_API size_t ZSTD_estimateCDictSize(size_t dictSize, int compressionLevel);
ZSTDLIB_STATIC_API size_t ZSTD_estimateCDictSize_advanced(size_t dictSize, ZSTD_compressionParameters cParams, ZSTD_dictLoadMethod_e dictLoadMethod);
ZSTDLIB_STATIC_API size_t ZSTD_estimateDDictSize(size_t dictSize, ZSTD_dictLoadMethod_e dictLoadMethod);


/* ---- Objects in caller-provided memory --------------------------------- */

/* Build an object inside workspace (8-byte aligned, sized with the
 * ZSTD_estimate*() functions). The object never allocates; it has no free
 * function: release the workspace instead. Returns NULL on failure. */
ZSTDLIB_STATIC_API ZSTD_CCtx*    ZSTD_initStaticCCtx(void* workspace, size_t workspaceSize);
ZSTDLIB_STATIC_API ZSTD_CStream* ZSTD_initStaticCStream(void* workspace, size_t workspaceSize);
ZSTDLIB_STATIC_API ZSTD_DCtx*    ZSTD_initStaticDCtx(void* workspace, size_t workspaceSize);
ZSTDLIB_STATIC_API ZSTD_DStream* ZSTD_initStaticDStream(void* workspace, size_t workspaceSize);

ZSTDLIB_STATIC_API const ZSTD_CDict* ZSTD_initStaticCDict(
        void* workspace, size_t workspaceSize,
        const void* dict, size_t dictSize,
        ZSTD_dictLoadMethod_e dictLoadMethod,
        ZSTD_dictContentType_e dictContentType,
        ZSTD_compressionParameters cParams);

ZSTDLIB_STATIC_API const ZSTD_DDict* ZSTD_initStaticDDict(
        void* workspace, size_t workspaceSize,
        const void* dict, size_t dictSize,
        ZSTD_dictLoadMethod_e dictLoadMethod,
        ZSTD_dictContentType_e dictContentType);


/* ---- Custom allocators ------------------------------------------------- */

typedef void* (*ZSTD_allocFunction)(void* opaque, size_t size);
typedef void  (*ZSTD_freeFunction)(void* opaque, void* address);

/* Allocator for the *_advanced constructors: both functions NULL selects
 * malloc/free; setting only one of them is invalid. */
typedef struct {
    ZSTD_allocFunction customAlloc;
    ZSTD_freeFunction customFree;
    void* opaque;
} ZSTD_customMem;

/* The default allocator (malloc/free). */
#if defined(__clang__) && (__clang_major__ >= 5)
#  pragma clang diagnostic push
#  pragma clang diagnostic ignored "-Wzero-as-null-pointer-constant"
#endif
static
#if defined(__GNUC__)
__attribute__((__unused__))
#endif
const ZSTD_customMem ZSTD_defaultCMem = { NULL, NULL, NULL };
#if defined(__clang__) && (__clang_major__ >= 5)
#  pragma clang diagnostic pop
#endif

ZSTDLIB_STATIC_API ZSTD_CCtx*    ZSTD_createCCtx_advanced(ZSTD_customMem customMem);
ZSTDLIB_STATIC_API ZSTD_CStream* ZSTD_createCStream_advanced(ZSTD_customMem customMem);
ZSTDLIB_STATIC_API ZSTD_DCtx*    ZSTD_createDCtx_advanced(ZSTD_customMem customMem);
ZSTDLIB_STATIC_API ZSTD_DStream* ZSTD_createDStream_advanced(ZSTD_customMem customMem);

ZSTDLIB_STATIC_API ZSTD_CDict* ZSTD_createCDict_advanced(const void* dict, size_t dictSize,
                                                         ZSTD_dictLoadMethod_e dictLoadMethod,
                                                         ZSTD_dictContentType_e dictContentType,
                                                         ZSTD_compressionParameters cParams,
                                                         ZSTD_customMem customMem);


/* ---- Shared thread pools ----------------------------------------------- */

/* A pool of worker threads several multi-threaded CCtx can share. It must
 * outlive the contexts using it. Passing NULL to ZSTD_CCtx_refThreadPool()
 * returns to a private pool; ZSTD_freeThreadPool() accepts NULL. */
typedef struct POOL_ctx_s ZSTD_threadPool;
ZSTDLIB_STATIC_API ZSTD_threadPool* ZSTD_createThreadPool(size_t numThreads);
ZSTDLIB_STATIC_API void ZSTD_freeThreadPool(ZSTD_threadPool* pool);
ZSTDLIB_STATIC_API size_t ZSTD_CCtx_refThreadPool(ZSTD_CCtx* cctx, ZSTD_threadPool* pool);


/* ---- Advanced dictionary creation -------------------------------------- */

/* Create a CDict from a full parameter set. */
ZSTDLIB_STATIC_API ZSTD_CDict* ZSTD_createCDict_advanced2(
        const void* dict, size_t dictSize,
        ZSTD_dictLoadMethod_e dictLoadMethod,
        ZSTD_dictContentType_e dictContentType,
        const ZSTD_CCtx_params* cctxParams,
        ZSTD_customMem customMem);

ZSTDLIB_STATIC_API ZSTD_DDict* ZSTD_createDDict_advanced(
        const void* dict, size_t dictSize,
        ZSTD_dictLoadMethod_e dictLoadMethod,
        ZSTD_dictContentType_e dictContentType,
        ZSTD_customMem customMem);

/* Like ZSTD_createCDict(), but references dictBuffer instead of copying it:
 * the buffer must outlive the CDict and stay unchanged. */
ZSTDLIB_STATIC_API ZSTD_CDict* ZSTD_createCDict_byReference(const void* dictBuffer, size_t dictSize, int compressionLevel);


/* ---- Parameter helpers ------------------------------------------------- */

/* Parameters of a level for an estimated source size (0 = unknown) and
 * dictionary size. ZSTD_getParams() adds default frame parameters. */
ZSTDLIB_STATIC_API ZSTD_compressionParameters ZSTD_getCParams(int compressionLevel, unsigned long long estimatedSrcSize, size_t dictSize);
ZSTDLIB_STATIC_API ZSTD_parameters ZSTD_getParams(int compressionLevel, unsigned long long estimatedSrcSize, size_t dictSize);

/* 0 if every field is within bounds, else an error. */
ZSTDLIB_STATIC_API size_t ZSTD_checkCParams(ZSTD_compressionParameters params);

/* Clamp cPar into bounds and shrink it for the given source size
 * (ZSTD_CONTENTSIZE_UNKNOWN if unknown) and dictionary size. Never fails. */
ZSTDLIB_STATIC_API ZSTD_compressionParameters ZSTD_adjustCParams(ZSTD_compressionParameters cPar, unsigned long long srcSize, size_t dictSize);

/* Set several parameters at once; on failure none is changed. */
ZSTDLIB_STATIC_API size_t ZSTD_CCtx_setCParams(ZSTD_CCtx* cctx, ZSTD_compressionParameters cparams);
ZSTDLIB_STATIC_API size_t ZSTD_CCtx_setFParams(ZSTD_CCtx* cctx, ZSTD_frameParameters fparams);
ZSTDLIB_STATIC_API size_t ZSTD_CCtx_setParams(ZSTD_CCtx* cctx, ZSTD_parameters params);

/* One-shot compression with explicit parameters and a dictionary. */
ZSTD_DEPRECATED("use ZSTD_compress2() with parameter setters instead")
ZSTDLIB_STATIC_API
size_t ZSTD_compress_advanced(ZSTD_CCtx* cctx,
                              void* dst, size_t dstCapacity,
                              const void* src, size_t srcSize,
                              const void* dict, size_t dictSize,
                              ZSTD_parameters params);

/* One-shot compression with a CDict and explicit frame parameters. */
ZSTD_DEPRECATED("use ZSTD_compress2() with ZSTD_CCtx_refCDict() instead")
ZSTDLIB_STATIC_API
size_t ZSTD_compress_usingCDict_advanced(ZSTD_CCtx* cctx,
                                         void* dst, size_t dstCapacity,
                                         const void* src, size_t srcSize,
                                         const ZSTD_CDict* cdict,
                                         ZSTD_frameParameters fParams);

/* Variants of ZSTD_CCtx_loadDictionary() / ZSTD_CCtx_refPrefix() choosing
 * how content is loaded and interpreted. */
ZSTDLIB_STATIC_API size_t ZSTD_CCtx_loadDictionary_byReference(ZSTD_CCtx* cctx, const void* dict, size_t dictSize);
ZSTDLIB_STATIC_API size_t ZSTD_CCtx_loadDictionary_advanced(ZSTD_CCtx* cctx, const void* dict, size_t dictSize, ZSTD_dictLoadMethod_e dictLoadMethod, ZSTD_dictContentType_e dictContentType);
ZSTDLIB_STATIC_API size_t ZSTD_CCtx_refPrefix_advanced(ZSTD_CCtx* cctx, const void* prefix, size_t prefixSize, ZSTD_dictContentType_e dictContentType);


/* ---- Experimental compression parameters ------------------------------- */

/* Emit rsync-friendly synchronisation points (multi-threaded mode). */
#define ZSTD_c_rsyncable ZSTD_c_experimentalParam1
/* Frame format, a ZSTD_format_e. */
#define ZSTD_c_format ZSTD_c_experimentalParam2
/* Keep dictionary references within the window. */
#define ZSTD_c_forceMaxWindow ZSTD_c_experimentalParam3
/* How a CDict is combined, a ZSTD_dictAttachPref_e. */
#define ZSTD_c_forceAttachDict ZSTD_c_experimentalParam4
/* Literal compression, a ZSTD_ParamSwitch_e. */
#define ZSTD_c_literalCompressionMode ZSTD_c_experimentalParam5
/* Expected source size, used to pick parameters when the size is unknown. */
#define ZSTD_c_srcSizeHint ZSTD_c_experimentalParam7
/* Build CDicts with a search structure tuned for reuse. */
#define ZSTD_c_enableDedicatedDictSearch ZSTD_c_experimentalParam8
/* Promise that the input / output buffers do not move between calls. */
#define ZSTD_c_stableInBuffer ZSTD_c_experimentalParam9
#define ZSTD_c_stableOutBuffer ZSTD_c_experimentalParam10
/* Sequence API: a ZSTD_SequenceFormat_e, and whether to check sequences. */
#define ZSTD_c_blockDelimiters ZSTD_c_experimentalParam11
#define ZSTD_c_validateSequences ZSTD_c_experimentalParam12
/* Block splitting before parsing: 0 = auto, 1 = never, 2..6 = effort. */
#define ZSTD_BLOCKSPLITTER_LEVEL_MAX 6
#define ZSTD_c_blockSplitterLevel ZSTD_c_experimentalParam20
/* Block splitting after parsing, a ZSTD_ParamSwitch_e. */
#define ZSTD_c_splitAfterSequences ZSTD_c_experimentalParam13
/* Row-based match finder, a ZSTD_ParamSwitch_e. */
#define ZSTD_c_useRowMatchFinder ZSTD_c_experimentalParam14
/* Always treat a prefix as non-contiguous with the input. */
#define ZSTD_c_deterministicRefPrefix ZSTD_c_experimentalParam15
/* Prefetch attached CDict tables, a ZSTD_ParamSwitch_e. */
#define ZSTD_c_prefetchCDictTables ZSTD_c_experimentalParam16
/* Fall back to the internal match finder if a sequence producer fails. */
#define ZSTD_c_enableSeqProducerFallback ZSTD_c_experimentalParam17
/* Upper limit of the block size, ZSTD_BLOCKSIZE_MAX_MIN..ZSTD_BLOCKSIZE_MAX. */
#define ZSTD_c_maxBlockSize ZSTD_c_experimentalParam18
/* Repeat-offset detection in given sequences, a ZSTD_ParamSwitch_e. */
#define ZSTD_c_repcodeResolution ZSTD_c_experimentalParam19
#define ZSTD_c_searchForExternalRepcodes ZSTD_c_experimentalParam19 /* name before 1.5.7 */

/* Read back a compression parameter into *value. */
ZSTDLIB_STATIC_API size_t ZSTD_CCtx_getParameter(const ZSTD_CCtx* cctx, ZSTD_cParameter param, int* value);


/* ---- Parameter sets ---------------------------------------------------- */

/* A ZSTD_CCtx_params holds parameters independently of any context; fill it
 * with ZSTD_CCtxParams_setParameter() and apply it with
 * ZSTD_CCtx_setParametersUsingCCtxParams(). */
ZSTDLIB_STATIC_API ZSTD_CCtx_params* ZSTD_createCCtxParams(void);
ZSTDLIB_STATIC_API size_t ZSTD_freeCCtxParams(ZSTD_CCtx_params* params); /* NULL is accepted */
ZSTDLIB_STATIC_API size_t ZSTD_CCtxParams_reset(ZSTD_CCtx_params* params);
ZSTDLIB_STATIC_API size_t ZSTD_CCtxParams_init(ZSTD_CCtx_params* cctxParams, int compressionLevel);
ZSTDLIB_STATIC_API size_t ZSTD_CCtxParams_init_advanced(ZSTD_CCtx_params* cctxParams, ZSTD_parameters params);
ZSTDLIB_STATIC_API size_t ZSTD_CCtxParams_setParameter(ZSTD_CCtx_params* params, ZSTD_cParameter param, int value);
ZSTDLIB_STATIC_API size_t ZSTD_CCtxParams_getParameter(const ZSTD_CCtx_params* params, ZSTD_cParameter param, int* value);
ZSTDLIB_STATIC_API size_t ZSTD_CCtx_setParametersUsingCCtxParams(ZSTD_CCtx* cctx, const ZSTD_CCtx_params* params);

/* ZSTD_compressStream2() with plain pointers and sizes instead of structs. */
ZSTDLIB_STATIC_API size_t ZSTD_compressStream2_simpleArgs(
        ZSTD_CCtx* cctx,
        void* dst, size_t dstCapacity, size_t* dstPos,
        const void* src, size_t srcSize, size_t* srcPos,
        ZSTD_EndDirective endOp);


/* ---- Advanced decompression -------------------------------------------- */

/* 1 if buffer starts with a frame or skippable-frame magic number. */
ZSTDLIB_STATIC_API unsigned ZSTD_isFrame(const void* buffer, size_t size);

/* Like ZSTD_createDDict(), referencing dictBuffer instead of copying it. */
ZSTDLIB_STATIC_API ZSTD_DDict* ZSTD_createDDict_byReference(const void* dictBuffer, size_t dictSize);

/* Variants of ZSTD_DCtx_loadDictionary() / ZSTD_DCtx_refPrefix() choosing
 * how content is loaded and interpreted. */
ZSTDLIB_STATIC_API size_t ZSTD_DCtx_loadDictionary_byReference(ZSTD_DCtx* dctx, const void* dict, size_t dictSize);
ZSTDLIB_STATIC_API size_t ZSTD_DCtx_loadDictionary_advanced(ZSTD_DCtx* dctx, const void* dict, size_t dictSize, ZSTD_dictLoadMethod_e dictLoadMethod, ZSTD_dictContentType_e dictContentType);
ZSTDLIB_STATIC_API size_t ZSTD_DCtx_refPrefix_advanced(ZSTD_DCtx* dctx, const void* prefix, size_t prefixSize, ZSTD_dictContentType_e dictContentType);

/* Largest window a streaming decoder will allocate for. */
ZSTDLIB_STATIC_API size_t ZSTD_DCtx_setMaxWindowSize(ZSTD_DCtx* dctx, size_t maxWindowSize);

/* Read back a decompression parameter into *value. */
ZSTDLIB_STATIC_API size_t ZSTD_DCtx_getParameter(ZSTD_DCtx* dctx, ZSTD_dParameter param, int* value);

/* Experimental decompression parameters. */
#define ZSTD_d_format ZSTD_d_experimentalParam1                 /* a ZSTD_format_e */
#define ZSTD_d_stableOutBuffer ZSTD_d_experimentalParam2        /* output buffer does not move */
#define ZSTD_d_forceIgnoreChecksum ZSTD_d_experimentalParam3    /* a ZSTD_forceIgnoreChecksum_e */
#define ZSTD_d_refMultipleDDicts ZSTD_d_experimentalParam4      /* a ZSTD_refMultipleDDicts_e */
#define ZSTD_d_disableHuffmanAssembly ZSTD_d_experimentalParam5 /* use portable Huffman code */
#define ZSTD_d_maxBlockSize ZSTD_d_experimentalParam6           /* reject larger blocks */

/* Select the frame format to decode. */
ZSTD_DEPRECATED("use ZSTD_DCtx_setParameter() with ZSTD_d_format instead")
ZSTDLIB_STATIC_API
size_t ZSTD_DCtx_setFormat(ZSTD_DCtx* dctx, ZSTD_format_e format);

/* ZSTD_decompressStream() with plain pointers and sizes instead of structs. */
ZSTDLIB_STATIC_API size_t ZSTD_decompressStream_simpleArgs(
        ZSTD_DCtx* dctx,
        void* dst, size_t dstCapacity, size_t* dstPos,
        const void* src, size_t srcSize, size_t* srcPos);


/* ---- Older streaming initialisers -------------------------------------- */

/* Each of these is a shorthand for ZSTD_CCtx_reset(zcs, session only)
 * followed by the matching parameter / dictionary / pledged-size setters.
 * For ZSTD_initCStream_srcSize() and ZSTD_resetCStream(), a pledged size of
 * 0 is read as "unknown". */
ZSTD_DEPRECATED("use ZSTD_CCtx_reset() and parameter setters instead")
ZSTDLIB_STATIC_API
size_t ZSTD_initCStream_srcSize(ZSTD_CStream* zcs,
                                int compressionLevel,
                                unsigned long long pledgedSrcSize);

ZSTD_DEPRECATED("use ZSTD_CCtx_reset() and ZSTD_CCtx_loadDictionary() instead")
ZSTDLIB_STATIC_API
size_t ZSTD_initCStream_usingDict(ZSTD_CStream* zcs,
                                  const void* dict, size_t dictSize,
                                  int compressionLevel);

ZSTD_DEPRECATED("use ZSTD_CCtx_reset() and parameter setters instead")
ZSTDLIB_STATIC_API
size_t ZSTD_initCStream_advanced(ZSTD_CStream* zcs,
                                 const void* dict, size_t dictSize,
                                 ZSTD_parameters params,
                                 unsigned long long pledgedSrcSize);

ZSTD_DEPRECATED("use ZSTD_CCtx_reset() and ZSTD_CCtx_refCDict() instead")
ZSTDLIB_STATIC_API
size_t ZSTD_initCStream_usingCDict(ZSTD_CStream* zcs, const ZSTD_CDict* cdict);

ZSTD_DEPRECATED("use ZSTD_CCtx_reset() and ZSTD_CCtx_refCDict() instead")
ZSTDLIB_STATIC_API
size_t ZSTD_initCStream_usingCDict_advanced(ZSTD_CStream* zcs,
                                            const ZSTD_CDict* cdict,
                                            ZSTD_frameParameters fParams,
                                            unsigned long long pledgedSrcSize);

ZSTD_DEPRECATED("use ZSTD_CCtx_reset() and ZSTD_CCtx_setPledgedSrcSize() instead")
ZSTDLIB_STATIC_API
size_t ZSTD_resetCStream(ZSTD_CStream* zcs, unsigned long long pledgedSrcSize);


/* ---- Progress of a frame being compressed ------------------------------ */

typedef struct {
    unsigned long long ingested;  /* input bytes read */
    unsigned long long consumed;  /* input bytes compressed so far */
    unsigned long long produced;  /* compressed bytes generated */
    unsigned long long flushed;   /* compressed bytes handed to the caller */
    unsigned currentJobID;        /* multi-threaded job counter; 0 otherwise */
    unsigned nbActiveWorkers;     /* workers currently busy */
} ZSTD_frameProgression;

ZSTDLIB_STATIC_API ZSTD_frameProgression ZSTD_getFrameProgression(const ZSTD_CCtx* cctx);

/* Bytes the oldest unfinished job can flush right now (multi-threaded
 * mode); 0 when no job is active or it has nothing ready. */
ZSTDLIB_STATIC_API size_t ZSTD_toFlushNow(ZSTD_CCtx* cctx);


/* ---- Older streaming decompression initialisers ------------------------ */

/* Shorthands for ZSTD_DCtx_reset(zds, session only) followed by loading or
 * referencing a dictionary, or nothing (ZSTD_resetDStream). */
ZSTD_DEPRECATED("use ZSTD_DCtx_reset() and ZSTD_DCtx_loadDictionary() instead")
ZSTDLIB_STATIC_API size_t ZSTD_initDStream_usingDict(ZSTD_DStream* zds, const void* dict, size_t dictSize);

ZSTD_DEPRECATED("use ZSTD_DCtx_reset() and ZSTD_DCtx_refDDict() instead")
ZSTDLIB_STATIC_API size_t ZSTD_initDStream_usingDDict(ZSTD_DStream* zds, const ZSTD_DDict* ddict);

ZSTD_DEPRECATED("use ZSTD_DCtx_reset() instead")
ZSTDLIB_STATIC_API size_t ZSTD_resetDStream(ZSTD_DStream* zds);


/* ---- External sequence producers --------------------------------------- */

/* Value a sequence producer returns to report failure. */
#define ZSTD_SEQUENCE_PRODUCER_ERROR ((size_t)(-1))

/* A block-level match finder supplied by the caller. It receives one block
 * (and the dictionary, if any), writes up to outSeqsCapacity sequences and
 * returns how many, or ZSTD_SEQUENCE_PRODUCER_ERROR. */
typedef size_t (*ZSTD_sequenceProducer_F)(
        void* sequenceProducerState,
        ZSTD_Sequence* outSeqs, size_t outSeqsCapacity,
        const void* src, size_t srcSize,
        const void* dict, size_t dictSize,
        int compressionLevel,
        size_t windowSize);

/* Register (or, with a NULL function, clear) an external sequence producer.
 * Only the advanced compression entry points use it; it stays set until
 * the parameters are reset. */
ZSTDLIB_STATIC_API void
ZSTD_registerSequenceProducer(ZSTD_CCtx* cctx,
                              void* sequenceProducerState,
                              ZSTD_sequenceProducer_F sequenceProducer);

/* Same, on a parameter set (useful for static-context size estimation). */
ZSTDLIB_STATIC_API void
ZSTD_CCtxParams_registerSequenceProducer(ZSTD_CCtx_params* params,
                                         void* sequenceProducerState,
                                         ZSTD_sequenceProducer_F sequenceProducer);


/* ---- Buffer-less streaming (superseded by the streaming API) ----------- */

/* Compression: begin a frame, then feed input with ZSTD_compressContinue()
 * and finish with ZSTD_compressEnd(). The caller must keep all previous
 * input available and unchanged, and provide enough output room. */
ZSTD_DEPRECATED("buffer-less API; use the streaming API instead")
ZSTDLIB_STATIC_API size_t ZSTD_compressBegin(ZSTD_CCtx* cctx, int compressionLevel);
ZSTD_DEPRECATED("buffer-less API; use the streaming API instead")
ZSTDLIB_STATIC_API size_t ZSTD_compressBegin_usingDict(ZSTD_CCtx* cctx, const void* dict, size_t dictSize, int compressionLevel);
ZSTD_DEPRECATED("buffer-less API; use the streaming API instead")
ZSTDLIB_STATIC_API size_t ZSTD_compressBegin_usingCDict(ZSTD_CCtx* cctx, const ZSTD_CDict* cdict);

ZSTD_DEPRECATED("of very limited use; may be removed")
ZSTDLIB_STATIC_API
size_t ZSTD_copyCCtx(ZSTD_CCtx* cctx, const ZSTD_CCtx* preparedCCtx, unsigned long long pledgedSrcSize);

ZSTD_DEPRECATED("buffer-less API; use the streaming API instead")
ZSTDLIB_STATIC_API size_t ZSTD_compressContinue(ZSTD_CCtx* cctx, void* dst, size_t dstCapacity, const void* src, size_t srcSize);
ZSTD_DEPRECATED("buffer-less API; use the streaming API instead")
ZSTDLIB_STATIC_API size_t ZSTD_compressEnd(ZSTD_CCtx* cctx, void* dst, size_t dstCapacity, const void* src, size_t srcSize);

ZSTD_DEPRECATED("use the advanced API to set parameters")
ZSTDLIB_STATIC_API
size_t ZSTD_compressBegin_advanced(ZSTD_CCtx* cctx, const void* dict, size_t dictSize, ZSTD_parameters params, unsigned long long pledgedSrcSize);
ZSTD_DEPRECATED("use the advanced API to set parameters")
ZSTDLIB_STATIC_API
size_t ZSTD_compressBegin_usingCDict_advanced(ZSTD_CCtx* const cctx, const ZSTD_CDict* const cdict, ZSTD_frameParameters const fParams, unsigned long long const pledgedSrcSize);

/* Decompression: begin, then repeatedly ask ZSTD_nextSrcSizeToDecompress()
 * how many bytes to pass to ZSTD_decompressContinue(), until it returns 0.
 * ZSTD_decodingBufferSize_min() gives the output ring-buffer size needed. */
ZSTDLIB_STATIC_API size_t ZSTD_decodingBufferSize_min(unsigned long long windowSize, unsigned long long frameContentSize);
ZSTDLIB_STATIC_API size_t ZSTD_decompressBegin(ZSTD_DCtx* dctx);
ZSTDLIB_STATIC_API size_t ZSTD_decompressBegin_usingDict(ZSTD_DCtx* dctx, const void* dict, size_t dictSize);
ZSTDLIB_STATIC_API size_t ZSTD_decompressBegin_usingDDict(ZSTD_DCtx* dctx, const ZSTD_DDict* ddict);
ZSTDLIB_STATIC_API size_t ZSTD_nextSrcSizeToDecompress(ZSTD_DCtx* dctx);
ZSTDLIB_STATIC_API size_t ZSTD_decompressContinue(ZSTD_DCtx* dctx, void* dst, size_t dstCapacity, const void* src, size_t srcSize);

ZSTD_DEPRECATED("of very limited use; may be removed")
ZSTDLIB_STATIC_API void ZSTD_copyDCtx(ZSTD_DCtx* dctx, const ZSTD_DCtx* preparedDCtx);

/* Kind of input ZSTD_decompressContinue() expects next. */
typedef enum {
    ZSTDnit_frameHeader = 0,
    ZSTDnit_blockHeader = 1,
    ZSTDnit_block = 2,
    ZSTDnit_lastBlock = 3,
    ZSTDnit_checksum = 4,
    ZSTDnit_skippableFrame = 5
} ZSTD_nextInputType_e;
ZSTDLIB_STATIC_API ZSTD_nextInputType_e ZSTD_nextInputType(ZSTD_DCtx* dctx);


/* ---- Raw block API (superseded by the regular API) --------------------- */

/* Compress / decompress single blocks without any frame around them. A
 * compressed size of 0 means "not compressible": the caller must then store
 * the block raw and tell the decoder with ZSTD_insertBlock(). Blocks are at
 * most ZSTD_getBlockSize() bytes. */
ZSTD_DEPRECATED("block API; use the regular compression API instead")
ZSTDLIB_STATIC_API size_t ZSTD_getBlockSize(const ZSTD_CCtx* cctx);
ZSTD_DEPRECATED("block API; use the regular compression API instead")
ZSTDLIB_STATIC_API size_t ZSTD_compressBlock(ZSTD_CCtx* cctx, void* dst, size_t dstCapacity, const void* src, size_t srcSize);
ZSTD_DEPRECATED("block API; use the regular compression API instead")
ZSTDLIB_STATIC_API size_t ZSTD_decompressBlock(ZSTD_DCtx* dctx, void* dst, size_t dstCapacity, const void* src, size_t srcSize);
ZSTD_DEPRECATED("block API; use the regular compression API instead")
ZSTDLIB_STATIC_API size_t ZSTD_insertBlock(ZSTD_DCtx* dctx, const void* blockStart, size_t blockSize);

#if defined(__cplusplus)
}
#endif

#endif /* ZSTD_STATIC_LINKING_ONLY && !ZSTD_H_ZSTD_STATIC_LINKING_ONLY */
