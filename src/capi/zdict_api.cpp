// zdict.h: what a dictionary says about itself, and errors. (Training is
// issue 8's dictionary builder, not here yet.)
#include <zdict.h>

#include "capi/capi.h"
#include "compress/dict_content.h"

using namespace zest;

ZEST_CAPI unsigned ZDICT_getDictID(const void* dictBuffer, size_t dictSize) {
    return getDictIDFromDict(dictBuffer, dictSize);
}
ZEST_CAPI size_t ZDICT_getDictHeaderSize(const void* dictBuffer, size_t dictSize) {
    return dictionaryHeaderSize(dictBuffer, dictSize);
}
ZEST_CAPI unsigned ZDICT_isError(size_t errorCode) { return isError(errorCode); }
ZEST_CAPI const char* ZDICT_getErrorName(size_t errorCode) { return errorName(errorCode); }
