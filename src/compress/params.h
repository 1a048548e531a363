// Compression parameters: the per-level tables, their selection by source and
// dictionary size, the fitting of a parameter set to a given input, the bounds
// of every ZSTD_c_* parameter, and the worst-case compressed size.
#pragma once
#include <cstddef>
#include <cstdint>

#include "common/buffers.h"
#include "format/frame_format.h"

namespace zest {

// Values are those of ZSTD_strategy; 0 means "not set" where a strategy may be
// left to the library.
enum class Strategy : int {
    fast = 1,
    dfast = 2,
    greedy = 3,
    lazy = 4,
    lazy2 = 5,
    btlazy2 = 6,
    btopt = 7,
    btultra = 8,
    btultra2 = 9,
};

// Laid out like ZSTD_compressionParameters (the shim static_asserts it).
struct CParams {
    unsigned windowLog;
    unsigned chainLog;
    unsigned hashLog;
    unsigned searchLog;
    unsigned minMatch;
    unsigned targetLength;
    Strategy strategy;
};

// Laid out like ZSTD_frameParameters; noDictIDFlag has the inverted sense.
struct FParams {
    int contentSizeFlag;
    int checksumFlag;
    int noDictIDFlag;
};

// Laid out like ZSTD_parameters.
struct Params {
    CParams cParams;
    FParams fParams;
};

// Values are those of ZSTD_ParamSwitch_e.
enum class ParamSwitch : int { automatic = 0, enable = 1, disable = 2 };

// Values are those of ZSTD_cParameter (experimental ones under their 1.5.7 names).
enum class CParam : int {
    compressionLevel = 100,
    windowLog = 101,
    hashLog = 102,
    chainLog = 103,
    searchLog = 104,
    minMatch = 105,
    targetLength = 106,
    strategy = 107,
    targetCBlockSize = 130,
    enableLongDistanceMatching = 160,
    ldmHashLog = 161,
    ldmMinMatch = 162,
    ldmBucketSizeLog = 163,
    ldmHashRateLog = 164,
    contentSizeFlag = 200,
    checksumFlag = 201,
    dictIDFlag = 202,
    nbWorkers = 400,
    jobSize = 401,
    overlapLog = 402,
    rsyncable = 500,
    format = 10,
    forceMaxWindow = 1000,
    forceAttachDict = 1001,
    literalCompressionMode = 1002,
    srcSizeHint = 1004,
    enableDedicatedDictSearch = 1005,
    stableInBuffer = 1006,
    stableOutBuffer = 1007,
    blockDelimiters = 1008,
    validateSequences = 1009,
    splitAfterSequences = 1010,
    useRowMatchFinder = 1011,
    deterministicRefPrefix = 1012,
    prefetchCDictTables = 1013,
    enableSeqProducerFallback = 1014,
    maxBlockSize = 1015,
    repcodeResolution = 1016,
    blockSplitterLevel = 1017,
};

// Why parameters are being chosen; decides how the dictionary size counts.
enum class CParamMode : int {
    unknown,       // public helpers: no knowledge of how a dictionary will be used
    noAttachDict,  // the dictionary's content is loaded/copied into the working context
    attachDict,    // a CDict is referenced as is: its size does not weigh on the source's parameters
    createCDict,   // parameters for building a CDict
};

// ---- Limits (64-bit values; window limits come from decompress/frame.h) --------
constexpr unsigned kHashLogMin = 6;
constexpr unsigned kHashLogMax = 30;
constexpr unsigned kChainLogMin = 6;
constexpr unsigned kChainLogMax = 30;
constexpr unsigned kSearchLogMin = 1;
constexpr unsigned kSearchLogMax = kWindowLogMax - 1;
constexpr unsigned kMinMatchMin = 3;
constexpr unsigned kMinMatchMax = 7;
constexpr unsigned kTargetLengthMin = 0;
constexpr unsigned kTargetLengthMax = unsigned(kBlockSizeMax);
constexpr unsigned kLdmHashLogMin = 6;
constexpr unsigned kLdmHashLogMax = 30;
constexpr unsigned kLdmMinMatchMin = 4;
constexpr unsigned kLdmMinMatchMax = 4096;
constexpr unsigned kLdmBucketSizeLogMin = 1;
constexpr unsigned kLdmBucketSizeLogMax = 8;
constexpr unsigned kLdmHashRateLogMin = 0;
constexpr unsigned kLdmHashRateLogMax = kWindowLogMax - kHashLogMin;
constexpr unsigned kTargetCBlockSizeMin = 1340;
constexpr unsigned kTargetCBlockSizeMax = unsigned(kBlockSizeMax);
constexpr unsigned kBlockSizeMaxMin = 1u << 10;
constexpr unsigned kOverlapLogMin = 0;
constexpr unsigned kOverlapLogMax = 9;
constexpr unsigned kBlockSplitterLevelMax = 6;
constexpr int kNbWorkersMax = 256;
constexpr int kJobSizeMax = 1 << 30;
constexpr int kJobSizeMin = 512 << 10;
constexpr unsigned kLdmDefaultWindowLog = 27;

constexpr int kMaxCLevel = 22;
constexpr int kMinCLevel = -int(kTargetLengthMax);
constexpr int kDefaultCLevel = 3;

// compressBound() fails at and above this input size.
constexpr uint64_t kMaxInputSize = sizeof(size_t) == 8 ? 0xFF00FF00FF00FF00ull : 0xFF00FF00ull;

// ---- Queries ---------------------------------------------------------------------
int minCLevel();
int maxCLevel();
int defaultCLevel();

// Worst-case compressed size of srcSize bytes in one frame; srcSize_wrong error
// at or above kMaxInputSize.
size_t compressBound(size_t srcSize);
// The same without the error: 0 when too large (usable in constant expressions).
constexpr size_t compressBoundOrZero(size_t srcSize) {
    if (uint64_t(srcSize) >= kMaxInputSize) return 0;
    const size_t small = srcSize < kBlockSizeMax ? (kBlockSizeMax - srcSize) >> 11 : 0;
    return srcSize + (srcSize >> 8) + small;
}

// Bounds of one ZSTD_c_* parameter; unknown ids give parameter_unsupported in .error.
Bounds cParamBounds(int param);
// True when param exists and value lies within its bounds.
bool cParamWithinBounds(int param, int value);

// The raw table row for a level (0 = default, > max = max, < 0 = fast row with
// targetLength = -level) in the size class picked for srcSizeHint/dictSize.
CParams levelTableRow(int level, unsigned long long srcSizeHint, size_t dictSize, CParamMode mode);

// Level row fitted to the source: what getCParams returns, for any mode.
// srcSizeHint = kContentSizeUnknown when unknown (0 is a real, empty size here).
CParams getCParamsInternal(int level, unsigned long long srcSizeHint, size_t dictSize, CParamMode mode);

// Fit (already in-bounds) parameters to a source and dictionary size. srcSize =
// kContentSizeUnknown when unknown. useRowMatchFinder::automatic is treated as
// "may be used" (the conservative choice for the hash log cap).
CParams adjustCParamsInternal(CParams cp, unsigned long long srcSize, size_t dictSize, CParamMode mode,
                              ParamSwitch useRowMatchFinder);

// Each field moved into its parameter's bounds.
CParams clampCParams(CParams cp);

// Public semantics (ZSTD_getCParams & co.): a size of 0 means unknown.
CParams getCParams(int level, unsigned long long srcSizeHint, size_t dictSize);
Params getParams(int level, unsigned long long srcSizeHint, size_t dictSize);
CParams adjustCParams(CParams cp, unsigned long long srcSize, size_t dictSize);
// 0, or parameter_outOfBound if any field is outside its bounds.
size_t checkCParams(const CParams& cp);

// Whether the row-hash match finder is in play for a strategy and a resolved
// (non-automatic) switch.
constexpr bool rowMatchFinderUsed(Strategy s, ParamSwitch mode) {
    return s >= Strategy::greedy && s <= Strategy::lazy2 && mode == ParamSwitch::enable;
}

// Whether blocks are split after parsing (ZSTD_c_splitAfterSequences): by
// default for the optimal parsers with windows of 128 KiB and more, as in the reference.
constexpr bool splitsBlocks(const CParams& cp, ParamSwitch mode) {
    return mode == ParamSwitch::enable ||
           (mode == ParamSwitch::automatic && cp.strategy >= Strategy::btopt && cp.windowLog >= 17);
}

}  // namespace zest
