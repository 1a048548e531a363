// Compression-parameter helpers of the C API: thin forwards to the core.
#include "capi/capi.h"
#include "compress/params.h"

using namespace zest;
using namespace zest::capi;

// The core's parameter structs stand in for the public ones field by field.
static_assert(sizeof(ZSTD_compressionParameters) == sizeof(CParams));
static_assert(offsetof(ZSTD_compressionParameters, windowLog) == offsetof(CParams, windowLog));
static_assert(offsetof(ZSTD_compressionParameters, chainLog) == offsetof(CParams, chainLog));
static_assert(offsetof(ZSTD_compressionParameters, hashLog) == offsetof(CParams, hashLog));
static_assert(offsetof(ZSTD_compressionParameters, searchLog) == offsetof(CParams, searchLog));
static_assert(offsetof(ZSTD_compressionParameters, minMatch) == offsetof(CParams, minMatch));
static_assert(offsetof(ZSTD_compressionParameters, targetLength) == offsetof(CParams, targetLength));
static_assert(offsetof(ZSTD_compressionParameters, strategy) == offsetof(CParams, strategy));
static_assert(sizeof(ZSTD_strategy) == sizeof(Strategy));
static_assert(sizeof(ZSTD_frameParameters) == sizeof(FParams));
static_assert(offsetof(ZSTD_frameParameters, contentSizeFlag) == offsetof(FParams, contentSizeFlag));
static_assert(offsetof(ZSTD_frameParameters, checksumFlag) == offsetof(FParams, checksumFlag));
static_assert(offsetof(ZSTD_frameParameters, noDictIDFlag) == offsetof(FParams, noDictIDFlag));
static_assert(sizeof(ZSTD_parameters) == sizeof(Params));
static_assert(offsetof(ZSTD_parameters, cParams) == offsetof(Params, cParams));
static_assert(offsetof(ZSTD_parameters, fParams) == offsetof(Params, fParams));

// Enumerator values and limits shared with the public header.
static_assert(int(ZSTD_fast) == int(Strategy::fast) && int(ZSTD_btultra2) == int(Strategy::btultra2));
static_assert(int(ZSTD_lazy2) == int(Strategy::lazy2) && int(ZSTD_btlazy2) == int(Strategy::btlazy2));
static_assert(int(ZSTD_ps_auto) == int(ParamSwitch::automatic) && int(ZSTD_ps_disable) == int(ParamSwitch::disable));
static_assert(int(ZSTD_c_compressionLevel) == int(CParam::compressionLevel));
static_assert(int(ZSTD_c_strategy) == int(CParam::strategy));
static_assert(int(ZSTD_c_targetCBlockSize) == int(CParam::targetCBlockSize));
static_assert(int(ZSTD_c_ldmHashRateLog) == int(CParam::ldmHashRateLog));
static_assert(int(ZSTD_c_dictIDFlag) == int(CParam::dictIDFlag));
static_assert(int(ZSTD_c_overlapLog) == int(CParam::overlapLog));
static_assert(int(ZSTD_c_rsyncable) == int(CParam::rsyncable));
static_assert(int(ZSTD_c_format) == int(CParam::format));
static_assert(int(ZSTD_c_literalCompressionMode) == int(CParam::literalCompressionMode));
static_assert(int(ZSTD_c_srcSizeHint) == int(CParam::srcSizeHint));
static_assert(int(ZSTD_c_splitAfterSequences) == int(CParam::splitAfterSequences));
static_assert(int(ZSTD_c_maxBlockSize) == int(CParam::maxBlockSize));
static_assert(int(ZSTD_c_repcodeResolution) == int(CParam::repcodeResolution));
static_assert(int(ZSTD_c_blockSplitterLevel) == int(CParam::blockSplitterLevel));
static_assert(ZSTD_MAX_INPUT_SIZE == kMaxInputSize);
static_assert(ZSTD_WINDOWLOG_MAX == int(kWindowLogMax) && ZSTD_WINDOWLOG_MIN == int(kWindowLogMin));
static_assert(ZSTD_HASHLOG_MAX == int(kHashLogMax) && ZSTD_CHAINLOG_MAX == int(kChainLogMax));
static_assert(ZSTD_SEARCHLOG_MAX == int(kSearchLogMax) && ZSTD_MINMATCH_MIN == int(kMinMatchMin));
static_assert(ZSTD_TARGETCBLOCKSIZE_MIN == int(kTargetCBlockSizeMin));
static_assert(ZSTD_LDM_HASHRATELOG_MAX == int(kLdmHashRateLogMax));
static_assert(ZSTD_BLOCKSPLITTER_LEVEL_MAX == int(kBlockSplitterLevelMax));
static_assert(ZSTD_CLEVEL_DEFAULT == kDefaultCLevel);
// The macro and the core agree (the macro is what constant expressions get).
static_assert(ZSTD_COMPRESSBOUND(0) == compressBoundOrZero(0) && ZSTD_COMPRESSBOUND(0) == 64);
static_assert(ZSTD_COMPRESSBOUND(100) == compressBoundOrZero(100) && ZSTD_COMPRESSBOUND(100) == 163);
static_assert(ZSTD_COMPRESSBOUND(131072) == compressBoundOrZero(131072));
static_assert(ZSTD_COMPRESSBOUND(1048576) == compressBoundOrZero(1048576));
static_assert(ZSTD_COMPRESSBOUND(ZSTD_MAX_INPUT_SIZE - 1) == compressBoundOrZero(ZSTD_MAX_INPUT_SIZE - 1));
static_assert(ZSTD_COMPRESSBOUND(ZSTD_MAX_INPUT_SIZE) == 0 && compressBoundOrZero(ZSTD_MAX_INPUT_SIZE) == 0);


ZEST_CAPI size_t ZSTD_compressBound(size_t srcSize) { return compressBound(srcSize); }
ZEST_CAPI int ZSTD_minCLevel(void) { return minCLevel(); }
ZEST_CAPI int ZSTD_maxCLevel(void) { return maxCLevel(); }
ZEST_CAPI int ZSTD_defaultCLevel(void) { return defaultCLevel(); }

ZEST_CAPI ZSTD_compressionParameters ZSTD_getCParams(int compressionLevel, unsigned long long estimatedSrcSize,
                                                     size_t dictSize) {
    return pub(getCParams(compressionLevel, estimatedSrcSize, dictSize));
}
ZEST_CAPI ZSTD_parameters ZSTD_getParams(int compressionLevel, unsigned long long estimatedSrcSize,
                                         size_t dictSize) {
    return pub(getParams(compressionLevel, estimatedSrcSize, dictSize));
}
ZEST_CAPI ZSTD_compressionParameters ZSTD_adjustCParams(ZSTD_compressionParameters cPar, unsigned long long srcSize,
                                                        size_t dictSize) {
    return pub(adjustCParams(core(cPar), srcSize, dictSize));
}
ZEST_CAPI size_t ZSTD_checkCParams(ZSTD_compressionParameters params) { return checkCParams(core(params)); }
ZEST_CAPI ZSTD_bounds ZSTD_cParam_getBounds(ZSTD_cParameter cParam) { return pub(cParamBounds(int(cParam))); }
