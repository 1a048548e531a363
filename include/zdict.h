/*
 * zdict.h - dictionary builder API of the zest library.
 *
 * zest is a reimplementation of Zstandard whose public headers are
 * ABI-compatible with libzstd 1.5.7. A dictionary trained on samples of
 * small, similar inputs lets the compressor reuse their common content.
 *
 * Declarations after the stable section are only visible when the includer
 * defines ZDICT_STATIC_LINKING_ONLY; they are exported by the library all the
 * same but their signatures may change between versions.
 */
#ifndef ZSTD_ZDICT_H
#define ZSTD_ZDICT_H

#include <stddef.h> /* size_t */

#if defined(__cplusplus)
extern "C" {
#endif

/* ---- Symbol visibility ------------------------------------------------- */

/* ZDICTLIB_VISIBLE: export attribute; ZDICTLIB_VISIBILITY is an older name. */
#ifndef ZDICTLIB_VISIBLE
#  if defined(ZDICTLIB_VISIBILITY)
#    define ZDICTLIB_VISIBLE ZDICTLIB_VISIBILITY
#  elif defined(__GNUC__) && (__GNUC__ >= 4) && !defined(__MINGW32__)
#    define ZDICTLIB_VISIBLE __attribute__((visibility("default")))
#  else
#    define ZDICTLIB_VISIBLE
#  endif
#endif

/* ZDICTLIB_HIDDEN: attribute that keeps a symbol private. */
#ifndef ZDICTLIB_HIDDEN
#  if defined(__GNUC__) && (__GNUC__ >= 4) && !defined(__MINGW32__)
#    define ZDICTLIB_HIDDEN __attribute__((visibility("hidden")))
#  else
#    define ZDICTLIB_HIDDEN
#  endif
#endif

/* ZDICTLIB_API: prefix of the stable functions. */
#ifndef ZDICTLIB_API
#  if defined(ZSTD_DLL_EXPORT) && (ZSTD_DLL_EXPORT == 1)
#    define ZDICTLIB_API __declspec(dllexport) ZDICTLIB_VISIBLE
#  elif defined(ZSTD_DLL_IMPORT) && (ZSTD_DLL_IMPORT == 1)
#    define ZDICTLIB_API __declspec(dllimport) ZDICTLIB_VISIBLE
#  else
#    define ZDICTLIB_API ZDICTLIB_VISIBLE
#  endif
#endif

/* ---- Stable API -------------------------------------------------------- */

/* Train a dictionary from nbSamples samples stored back to back in
 * samplesBuffer (sizes in samplesSizes) and write it into dictBuffer.
 * Returns the dictionary size, or an error (test with ZDICT_isError()).
 * Uses the fastCover trainer with default settings. */
ZDICTLIB_API size_t ZDICT_trainFromBuffer(void* dictBuffer, size_t dictBufferCapacity,
                                          const void* samplesBuffer,
                                          const size_t* samplesSizes, unsigned nbSamples);

/* Settings shared by all trainers. */
typedef struct {
    int      compressionLevel;  /* level the dictionary is tuned for; 0 = default */
    unsigned notificationLevel; /* stderr verbosity: 0 silent .. 4 debug */
    unsigned dictID;            /* dictionary ID to write; 0 = pick one at random */
} ZDICT_params_t;

/* Turn raw dictionary content into a formatted dictionary (header, entropy
 * tables, content) of at most maxDictSize bytes, using the samples to build
 * the entropy tables. Returns the size written or an error. */
ZDICTLIB_API size_t ZDICT_finalizeDictionary(void* dstDictBuffer, size_t maxDictSize,
                                             const void* dictContent, size_t dictContentSize,
                                             const void* samplesBuffer, const size_t* samplesSizes,
                                             unsigned nbSamples, ZDICT_params_t parameters);

/* Dictionary ID stored in a formatted dictionary; 0 if it is not one. */
ZDICTLIB_API unsigned ZDICT_getDictID(const void* dictBuffer, size_t dictSize);

/* Size of the header (magic, ID, entropy tables) of a formatted dictionary,
 * or an error. */
ZDICTLIB_API size_t ZDICT_getDictHeaderSize(const void* dictBuffer, size_t dictSize);

/* Tell whether a ZDICT_* result is an error, and describe it. */
ZDICTLIB_API unsigned ZDICT_isError(size_t errorCode);
ZDICTLIB_API const char* ZDICT_getErrorName(size_t errorCode);

#if defined(__cplusplus)
}
#endif

#endif /* ZSTD_ZDICT_H */


/* ======================================================================== */
/* Experimental API: only with ZDICT_STATIC_LINKING_ONLY                     */
/* ======================================================================== */
#if defined(ZDICT_STATIC_LINKING_ONLY) && !defined(ZSTD_ZDICT_H_STATIC)
#define ZSTD_ZDICT_H_STATIC

#if defined(__cplusplus)
extern "C" {
#endif

/* ZDICTLIB_STATIC_API: prefix of the experimental functions. */
#ifndef ZDICTLIB_STATIC_API
#  if defined(ZSTD_DLL_EXPORT) && (ZSTD_DLL_EXPORT == 1)
#    define ZDICTLIB_STATIC_API __declspec(dllexport) ZDICTLIB_VISIBLE
#  elif defined(ZSTD_DLL_IMPORT) && (ZSTD_DLL_IMPORT == 1)
#    define ZDICTLIB_STATIC_API __declspec(dllimport) ZDICTLIB_VISIBLE
#  else
#    define ZDICTLIB_STATIC_API ZDICTLIB_VISIBLE
#  endif
#endif

/* Smallest dictionary the trainers will produce. */
#define ZDICT_DICTSIZE_MIN    256
/* Smallest useful amount of sample content (scheduled for removal). */
#define ZDICT_CONTENTSIZE_MIN 128

/* COVER trainer settings. k or d equal to 0 lets the optimizer search. */
typedef struct {
    unsigned k;                       /* segment size */
    unsigned d;                       /* dmer size, 0 < d <= k */
    unsigned steps;                   /* optimizer: number of k values tried; 0 = default */
    unsigned nbThreads;               /* optimizer worker threads; 1 = single-threaded */
    double splitPoint;                /* fraction of samples used for training; 0 = default */
    unsigned shrinkDict;              /* 1 = try smaller dictionaries too */
    unsigned shrinkDictMaxRegression; /* accepted loss (percent) of a smaller dictionary */
    ZDICT_params_t zParams;
} ZDICT_cover_params_t;

/* fastCover trainer settings (COVER on a hashed frequency table). */
typedef struct {
    unsigned k;                       /* segment size */
    unsigned d;                       /* dmer size, 0 < d <= k */
    unsigned f;                       /* log2 of the frequency table size; 0 = default */
    unsigned steps;                   /* optimizer: number of k values tried; 0 = default */
    unsigned nbThreads;               /* optimizer worker threads; 1 = single-threaded */
    double splitPoint;                /* fraction of samples used for training; 0 = default */
    unsigned accel;                   /* speed/accuracy trade-off 1..10; 0 = default */
    unsigned shrinkDict;              /* 1 = try smaller dictionaries too */
    unsigned shrinkDictMaxRegression; /* accepted loss (percent) of a smaller dictionary */
    ZDICT_params_t zParams;
} ZDICT_fastCover_params_t;

/* Train with the COVER algorithm using exactly the given k and d.
 * Returns the dictionary size or an error. */
ZDICTLIB_STATIC_API size_t ZDICT_trainFromBuffer_cover(
    void* dictBuffer, size_t dictBufferCapacity,
    const void* samplesBuffer, const size_t* samplesSizes, unsigned nbSamples,
    ZDICT_cover_params_t parameters);

/* Search for good COVER k/d (those left at 0), train with the best pair and
 * write the chosen settings back into *parameters. */
ZDICTLIB_STATIC_API size_t ZDICT_optimizeTrainFromBuffer_cover(
    void* dictBuffer, size_t dictBufferCapacity,
    const void* samplesBuffer, const size_t* samplesSizes, unsigned nbSamples,
    ZDICT_cover_params_t* parameters);

/* Train with the fastCover algorithm using exactly the given settings. */
ZDICTLIB_STATIC_API size_t ZDICT_trainFromBuffer_fastCover(
    void* dictBuffer, size_t dictBufferCapacity,
    const void* samplesBuffer, const size_t* samplesSizes, unsigned nbSamples,
    ZDICT_fastCover_params_t parameters);

/* fastCover counterpart of ZDICT_optimizeTrainFromBuffer_cover(). */
ZDICTLIB_STATIC_API size_t ZDICT_optimizeTrainFromBuffer_fastCover(
    void* dictBuffer, size_t dictBufferCapacity,
    const void* samplesBuffer, const size_t* samplesSizes, unsigned nbSamples,
    ZDICT_fastCover_params_t* parameters);

/* Settings of the older suffix-array based trainer. */
typedef struct {
    unsigned selectivityLevel; /* 0 = default; higher keeps more content */
    ZDICT_params_t zParams;
} ZDICT_legacy_params_t;

/* Train with the legacy algorithm. */
ZDICTLIB_STATIC_API size_t ZDICT_trainFromBuffer_legacy(
    void* dictBuffer, size_t dictBufferCapacity,
    const void* samplesBuffer, const size_t* samplesSizes, unsigned nbSamples,
    ZDICT_legacy_params_t parameters);

/* ZDICT_DEPRECATED(msg): marks functions that will go away. Define
 * ZDICT_DISABLE_DEPRECATE_WARNINGS to silence the warnings. */
#ifdef ZDICT_DISABLE_DEPRECATE_WARNINGS
#  define ZDICT_DEPRECATED(message)
#else
#  define ZDICT_GCC_VERSION (__GNUC__ * 100 + __GNUC_MINOR__)
#  if defined(__cplusplus) && (__cplusplus >= 201402)
#    define ZDICT_DEPRECATED(message) [[deprecated(message)]]
#  elif defined(__clang__) || (defined(__GNUC__) && ZDICT_GCC_VERSION >= 405)
#    define ZDICT_DEPRECATED(message) __attribute__((deprecated(message)))
#  elif defined(__GNUC__) && (ZDICT_GCC_VERSION >= 301)
#    define ZDICT_DEPRECATED(message) __attribute__((deprecated))
#  elif defined(_MSC_VER)
#    define ZDICT_DEPRECATED(message) __declspec(deprecated(message))
#  else
#    define ZDICT_DEPRECATED(message)
#  endif
#endif

/* Write entropy tables in front of dictContentSize bytes of content already
 * sitting at the end of dictBuffer. Superseded by ZDICT_finalizeDictionary(). */
ZDICT_DEPRECATED("superseded by ZDICT_finalizeDictionary()")
ZDICTLIB_STATIC_API
size_t ZDICT_addEntropyTablesFromBuffer(void* dictBuffer, size_t dictContentSize,
                                        size_t dictBufferCapacity,
                                        const void* samplesBuffer,
                                        const size_t* samplesSizes, unsigned nbSamples);

#if defined(__cplusplus)
}
#endif

#endif /* ZSTD_ZDICT_H_STATIC */
