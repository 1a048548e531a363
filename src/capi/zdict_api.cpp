// zdict.h: what a dictionary says about itself, errors, and turning content
// into a formatted dictionary. (Training comes with the dictionary builder.)
#include <zdict.h>

#include "capi/capi.h"
#include "compress/dict_content.h"
#include "dictbuilder/finalize.h"

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
