// zdict.h: training, turning content into a formatted dictionary, what a
// dictionary says about itself, errors.
#include <zdict.h>

#include <cstring>

#include "capi/capi.h"
#include "compress/dict_content.h"
#include "compress/params.h"
#include "dictbuilder/finalize.h"
#include "dictbuilder/trainers.h"

using namespace zest;

ZEST_CAPI unsigned ZDICT_getDictID(const void* dictBuffer, size_t dictSize) {
    return getDictIDFromDict(dictBuffer, dictSize);
}
ZEST_CAPI size_t ZDICT_getDictHeaderSize(const void* dictBuffer, size_t dictSize) {
    return dictionaryHeaderSize(dictBuffer, dictSize);
}
ZEST_CAPI unsigned ZDICT_isError(size_t errorCode) { return isError(errorCode); }
ZEST_CAPI const char* ZDICT_getErrorName(size_t errorCode) { return errorName(errorCode); }

ZEST_CAPI size_t ZDICT_finalizeDictionary(void* dstDictBuffer, size_t maxDictSize, const void* dictContent,
                                          size_t dictContentSize, const void* samplesBuffer,
                                          const size_t* samplesSizes, unsigned nbSamples,
                                          ZDICT_params_t parameters) {
    FinalizeParams p;
    p.level = parameters.compressionLevel;
    p.dictID = parameters.dictID;
    return finalizeDictionary(dstDictBuffer, maxDictSize, dictContent, dictContentSize, samplesBuffer, samplesSizes,
                              nbSamples, p);
}
// The content sits at the end of dictBuffer; the header goes in front of it.
ZEST_CAPI size_t ZDICT_addEntropyTablesFromBuffer(void* dictBuffer, size_t dictContentSize, size_t dictBufferCapacity,
                                                  const void* samplesBuffer, const size_t* samplesSizes,
                                                  unsigned nbSamples) {
    if (dictContentSize > dictBufferCapacity) return ZEST_ERR(dstSize_tooSmall);
    const u8* const content = static_cast<const u8*>(dictBuffer) + (dictBufferCapacity - dictContentSize);
    return finalizeDictionary(dictBuffer, dictBufferCapacity, content, dictContentSize, samplesBuffer, samplesSizes,
                              nbSamples, FinalizeParams{});
}

// ---- Training ----------------------------------------------------------------------

namespace {

SampleSet samplesOf(const void* buffer, const size_t* sizes, unsigned nb) {
    return (nb && (!buffer || !sizes)) ? SampleSet{} : SampleSet::of(buffer, sizes, nb);
}

CoverSettings settingsOf(const ZDICT_cover_params_t& p) {
    CoverSettings s;
    s.kind = CoverKind::cover;
    s.k = p.k;
    s.d = p.d;
    s.steps = p.steps;
    s.nbThreads = p.nbThreads;
    s.splitPoint = p.splitPoint;
    s.shrinkDict = p.shrinkDict;
    s.shrinkDictMaxRegression = p.shrinkDictMaxRegression;
    s.level = p.zParams.compressionLevel;
    s.notificationLevel = p.zParams.notificationLevel;
    s.dictID = p.zParams.dictID;
    return s;
}

CoverSettings settingsOf(const ZDICT_fastCover_params_t& p) {
    CoverSettings s;
    s.kind = CoverKind::fastCover;
    s.k = p.k;
    s.d = p.d;
    s.f = p.f;
    s.accel = p.accel;
    s.steps = p.steps;
    s.nbThreads = p.nbThreads;
    s.splitPoint = p.splitPoint;
    s.shrinkDict = p.shrinkDict;
    s.shrinkDictMaxRegression = p.shrinkDictMaxRegression;
    s.level = p.zParams.compressionLevel;
    s.notificationLevel = p.zParams.notificationLevel;
    s.dictID = p.zParams.dictID;
    return s;
}

// The settings the search used go back to the caller, defaults filled in.
void writeBack(ZDICT_cover_params_t& p, const CoverSettings& s) {
    p.k = s.k;
    p.d = s.d;
    p.steps = s.steps;
    p.nbThreads = s.nbThreads;
    p.splitPoint = s.splitPoint;
}
void writeBack(ZDICT_fastCover_params_t& p, const CoverSettings& s) {
    p.k = s.k;
    p.d = s.d;
    p.f = s.f;
    p.accel = s.accel;
    p.steps = s.steps;
    p.nbThreads = s.nbThreads;
    p.splitPoint = s.splitPoint;
}

}  // namespace

ZEST_CAPI size_t ZDICT_trainFromBuffer(void* dictBuffer, size_t dictBufferCapacity, const void* samplesBuffer,
                                       const size_t* samplesSizes, unsigned nbSamples) {
    ZDICT_fastCover_params_t p;
    std::memset(&p, 0, sizeof(p));
    p.d = 8;
    p.steps = 4;
    p.f = 20;
    p.accel = 1;
    p.nbThreads = 1;
    p.zParams.compressionLevel = kDefaultCLevel;
    return ZDICT_optimizeTrainFromBuffer_fastCover(dictBuffer, dictBufferCapacity, samplesBuffer, samplesSizes,
                                                   nbSamples, &p);
}

ZEST_CAPI size_t ZDICT_trainFromBuffer_cover(void* dictBuffer, size_t dictBufferCapacity, const void* samplesBuffer,
                                             const size_t* samplesSizes, unsigned nbSamples,
                                             ZDICT_cover_params_t parameters) {
    return trainCover(dictBuffer, dictBufferCapacity, samplesOf(samplesBuffer, samplesSizes, nbSamples),
                      settingsOf(parameters));
}

ZEST_CAPI size_t ZDICT_optimizeTrainFromBuffer_cover(void* dictBuffer, size_t dictBufferCapacity,
                                                     const void* samplesBuffer, const size_t* samplesSizes,
                                                     unsigned nbSamples, ZDICT_cover_params_t* parameters) {
    if (!parameters) return ZEST_ERR(GENERIC);
    CoverSettings s = settingsOf(*parameters);
    const size_t r =
        optimizeCover(dictBuffer, dictBufferCapacity, samplesOf(samplesBuffer, samplesSizes, nbSamples), s);
    if (!isError(r)) writeBack(*parameters, s);
    return r;
}

ZEST_CAPI size_t ZDICT_trainFromBuffer_fastCover(void* dictBuffer, size_t dictBufferCapacity,
                                                 const void* samplesBuffer, const size_t* samplesSizes,
                                                 unsigned nbSamples, ZDICT_fastCover_params_t parameters) {
    return trainCover(dictBuffer, dictBufferCapacity, samplesOf(samplesBuffer, samplesSizes, nbSamples),
                      settingsOf(parameters));
}

ZEST_CAPI size_t ZDICT_optimizeTrainFromBuffer_fastCover(void* dictBuffer, size_t dictBufferCapacity,
                                                         const void* samplesBuffer, const size_t* samplesSizes,
                                                         unsigned nbSamples, ZDICT_fastCover_params_t* parameters) {
    if (!parameters) return ZEST_ERR(GENERIC);
    CoverSettings s = settingsOf(*parameters);
    const size_t r =
        optimizeCover(dictBuffer, dictBufferCapacity, samplesOf(samplesBuffer, samplesSizes, nbSamples), s);
    if (!isError(r)) writeBack(*parameters, s);
    return r;
}

ZEST_CAPI size_t ZDICT_trainFromBuffer_legacy(void* dictBuffer, size_t dictBufferCapacity,
                                              const void* samplesBuffer, const size_t* samplesSizes,
                                              unsigned nbSamples, ZDICT_legacy_params_t parameters) {
    if (!dictBuffer) return ZEST_ERR(dstSize_tooSmall);
    return trainLegacy(dictBuffer, dictBufferCapacity, samplesOf(samplesBuffer, samplesSizes, nbSamples),
                       parameters.selectivityLevel, parameters.zParams.compressionLevel,
                       parameters.zParams.notificationLevel, parameters.zParams.dictID);
}
