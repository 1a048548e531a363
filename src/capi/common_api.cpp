// Version and error reporting.
#include "capi/capi.h"

using namespace zest;

ZEST_CAPI unsigned ZSTD_versionNumber(void) { return ZSTD_VERSION_NUMBER; }
ZEST_CAPI const char* ZSTD_versionString(void) { return ZSTD_VERSION_STRING; }

ZEST_CAPI unsigned ZSTD_isError(size_t result) { return isError(result); }
ZEST_CAPI ZSTD_ErrorCode ZSTD_getErrorCode(size_t result) { return ZSTD_ErrorCode(errorCodeOf(result)); }
ZEST_CAPI const char* ZSTD_getErrorName(size_t result) { return errorName(result); }
ZEST_CAPI const char* ZSTD_getErrorString(ZSTD_ErrorCode code) { return errorString(ErrorCode(code)); }
