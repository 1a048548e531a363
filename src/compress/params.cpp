// Level tables, parameter fitting and parameter bounds.
#include "compress/params.h"

#include "common/error.h"
#include "common/mem.h"

namespace zest {

namespace {

// Rows per size class: index 0 is the row for negative levels, 1..22 the levels.
constexpr int kRowsPerClass = kMaxCLevel + 1;
constexpr int kSizeClasses = 4;

struct LevelTable {
    CParams rows[kSizeClasses][kRowsPerClass];
};

// Columns: windowLog, chainLog, hashLog, searchLog, minMatch, targetLength, strategy.
// Class 0: source > 256 KiB or unknown; 1: <= 256 KiB; 2: <= 128 KiB; 3: <= 16 KiB.
constexpr LevelTable kLevels = {{
    {
        {19, 12, 13,  1, 6,   1, Strategy::fast},      // < 0
        {19, 13, 14,  1, 7,   0, Strategy::fast},      // 1
        {20, 15, 16,  1, 6,   0, Strategy::fast},      // 2
        {21, 16, 17,  1, 5,   0, Strategy::dfast},     // 3
        {21, 18, 18,  1, 5,   0, Strategy::dfast},     // 4
        {21, 18, 19,  3, 5,   2, Strategy::greedy},    // 5
        {21, 18, 19,  3, 5,   4, Strategy::lazy},      // 6
        {21, 19, 20,  4, 5,   8, Strategy::lazy},      // 7
        {21, 19, 20,  4, 5,  16, Strategy::lazy2},     // 8
        {22, 20, 21,  4, 5,  16, Strategy::lazy2},     // 9
        {22, 21, 22,  5, 5,  16, Strategy::lazy2},     // 10
        {22, 21, 22,  6, 5,  16, Strategy::lazy2},     // 11
        {22, 22, 23,  6, 5,  32, Strategy::lazy2},     // 12
        {22, 22, 22,  4, 5,  32, Strategy::btlazy2},   // 13
        {22, 22, 23,  5, 5,  32, Strategy::btlazy2},   // 14
        {22, 23, 23,  6, 5,  32, Strategy::btlazy2},   // 15
        {22, 22, 22,  5, 5,  48, Strategy::btopt},     // 16
        {23, 23, 22,  5, 4,  64, Strategy::btopt},     // 17
        {23, 23, 22,  6, 3,  64, Strategy::btultra},   // 18
        {23, 24, 22,  7, 3, 256, Strategy::btultra2},  // 19
        {25, 25, 23,  7, 3, 256, Strategy::btultra2},  // 20
        {26, 26, 24,  7, 3, 512, Strategy::btultra2},  // 21
        {27, 27, 25,  9, 3, 999, Strategy::btultra2},  // 22
    },
    {
        {18, 12, 13,  1, 5,   1, Strategy::fast},      // < 0
        {18, 13, 14,  1, 6,   0, Strategy::fast},      // 1
        {18, 14, 14,  1, 5,   0, Strategy::dfast},     // 2
        {18, 16, 16,  1, 4,   0, Strategy::dfast},     // 3
        {18, 16, 17,  3, 5,   2, Strategy::greedy},    // 4
        {18, 17, 18,  5, 5,   2, Strategy::greedy},    // 5
        {18, 18, 19,  3, 5,   4, Strategy::lazy},      // 6
        {18, 18, 19,  4, 4,   4, Strategy::lazy},      // 7
        {18, 18, 19,  4, 4,   8, Strategy::lazy2},     // 8
        {18, 18, 19,  5, 4,   8, Strategy::lazy2},     // 9
        {18, 18, 19,  6, 4,   8, Strategy::lazy2},     // 10
        {18, 18, 19,  5, 4,  12, Strategy::btlazy2},   // 11
        {18, 19, 19,  7, 4,  12, Strategy::btlazy2},   // 12
        {18, 18, 19,  4, 4,  16, Strategy::btopt},     // 13
        {18, 18, 19,  4, 3,  32, Strategy::btopt},     // 14
        {18, 18, 19,  6, 3, 128, Strategy::btopt},     // 15
        {18, 19, 19,  6, 3, 128, Strategy::btultra},   // 16
        {18, 19, 19,  8, 3, 256, Strategy::btultra},   // 17
        {18, 19, 19,  6, 3, 128, Strategy::btultra2},  // 18
        {18, 19, 19,  8, 3, 256, Strategy::btultra2},  // 19
        {18, 19, 19, 10, 3, 512, Strategy::btultra2},  // 20
        {18, 19, 19, 12, 3, 512, Strategy::btultra2},  // 21
        {18, 19, 19, 13, 3, 999, Strategy::btultra2},  // 22
    },
    {
        {17, 12, 12,  1, 5,   1, Strategy::fast},      // < 0
        {17, 12, 13,  1, 6,   0, Strategy::fast},      // 1
        {17, 13, 15,  1, 5,   0, Strategy::fast},      // 2
        {17, 15, 16,  2, 5,   0, Strategy::dfast},     // 3
        {17, 17, 17,  2, 4,   0, Strategy::dfast},     // 4
        {17, 16, 17,  3, 4,   2, Strategy::greedy},    // 5
        {17, 16, 17,  3, 4,   4, Strategy::lazy},      // 6
        {17, 16, 17,  3, 4,   8, Strategy::lazy2},     // 7
        {17, 16, 17,  4, 4,   8, Strategy::lazy2},     // 8
        {17, 16, 17,  5, 4,   8, Strategy::lazy2},     // 9
        {17, 16, 17,  6, 4,   8, Strategy::lazy2},     // 10
        {17, 17, 17,  5, 4,   8, Strategy::btlazy2},   // 11
        {17, 18, 17,  7, 4,  12, Strategy::btlazy2},   // 12
        {17, 18, 17,  3, 4,  12, Strategy::btopt},     // 13
        {17, 18, 17,  4, 3,  32, Strategy::btopt},     // 14
        {17, 18, 17,  6, 3, 256, Strategy::btopt},     // 15
        {17, 18, 17,  6, 3, 128, Strategy::btultra},   // 16
        {17, 18, 17,  8, 3, 256, Strategy::btultra},   // 17
        {17, 18, 17, 10, 3, 512, Strategy::btultra},   // 18
        {17, 18, 17,  5, 3, 256, Strategy::btultra2},  // 19
        {17, 18, 17,  7, 3, 512, Strategy::btultra2},  // 20
        {17, 18, 17,  9, 3, 512, Strategy::btultra2},  // 21
        {17, 18, 17, 11, 3, 999, Strategy::btultra2},  // 22
    },
    {
        {14, 12, 13,  1, 5,   1, Strategy::fast},      // < 0
        {14, 14, 15,  1, 5,   0, Strategy::fast},      // 1
        {14, 14, 15,  1, 4,   0, Strategy::fast},      // 2
        {14, 14, 15,  2, 4,   0, Strategy::dfast},     // 3
        {14, 14, 14,  4, 4,   2, Strategy::greedy},    // 4
        {14, 14, 14,  3, 4,   4, Strategy::lazy},      // 5
        {14, 14, 14,  4, 4,   8, Strategy::lazy2},     // 6
        {14, 14, 14,  6, 4,   8, Strategy::lazy2},     // 7
        {14, 14, 14,  8, 4,   8, Strategy::lazy2},     // 8
        {14, 15, 14,  5, 4,   8, Strategy::btlazy2},   // 9
        {14, 15, 14,  9, 4,   8, Strategy::btlazy2},   // 10
        {14, 15, 14,  3, 4,  12, Strategy::btopt},     // 11
        {14, 15, 14,  4, 3,  24, Strategy::btopt},     // 12
        {14, 15, 14,  5, 3,  32, Strategy::btultra},   // 13
        {14, 15, 15,  6, 3,  64, Strategy::btultra},   // 14
        {14, 15, 15,  7, 3, 256, Strategy::btultra},   // 15
        {14, 15, 15,  5, 3,  48, Strategy::btultra2},  // 16
        {14, 15, 15,  6, 3, 128, Strategy::btultra2},  // 17
        {14, 15, 15,  7, 3, 256, Strategy::btultra2},  // 18
        {14, 15, 15,  8, 3, 256, Strategy::btultra2},  // 19
        {14, 15, 15,  8, 3, 512, Strategy::btultra2},  // 20
        {14, 15, 15,  9, 3, 512, Strategy::btultra2},  // 21
        {14, 15, 15, 10, 3, 999, Strategy::btultra2},  // 22
    },
}};

constexpr uint64_t kUnknown = kContentSizeUnknown;

// A source assumed for CDicts built without knowing what they will compress.
constexpr uint64_t kCDictAssumedSrcSize = 513;
// Sizes (source and dictionary alike) up to which the window follows the input.
constexpr uint64_t kWindowResizeLimit = uint64_t(1) << (kWindowLogMax - 1);
// Indices in tagged CDict tables and row-hash tags both leave 24 bits of hash.
constexpr unsigned kTaggedHashLogMax = 24;
constexpr unsigned kRowHashLogBase = 24;

// The size that picks the table class, or kUnknown.
uint64_t classSize(uint64_t srcSizeHint, uint64_t dictSize, CParamMode mode) {
    if (mode == CParamMode::attachDict) dictSize = 0;
    if (srcSizeHint != kUnknown) return srcSizeHint + dictSize;
    if (dictSize == 0) return kUnknown;
    // An unknown source alongside a dictionary is taken as a small one. The sum
    // wraps on purpose: the reference computes it this way, giving dictSize + 499.
    return srcSizeHint + dictSize + 500;
}

int sizeClass(uint64_t r) {
    return int(r <= (256u << 10)) + int(r <= (128u << 10)) + int(r <= (16u << 10));
}

// Smallest log such that 1 << log covers n bytes (n >= 1).
unsigned ceilLog2(uint64_t n) { return n <= 1 ? 0 : highBit64(n - 1) + 1; }

// The window a source really reaches when a dictionary sits in front of it.
unsigned dictAndWindowLog(unsigned windowLog, uint64_t srcSize, uint64_t dictSize) {
    if (dictSize == 0) return windowLog;
    const uint64_t windowSize = uint64_t(1) << windowLog;
    if (windowSize >= dictSize + srcSize) return windowLog;
    const uint64_t both = windowSize + dictSize;
    if (both >= (uint64_t(1) << kWindowLogMax)) return kWindowLogMax;
    return ceilLog2(both);
}

// Binary-tree strategies index two entries per position: their chain table
// spans half as many positions.
unsigned cycleLog(unsigned chainLog, Strategy s) { return chainLog - (s >= Strategy::btlazy2 ? 1u : 0u); }

unsigned clampField(int param, unsigned v) {
    const Bounds b = cParamBounds(param);
    if (int(v) < b.lowerBound) return unsigned(b.lowerBound);
    if (int(v) > b.upperBound) return unsigned(b.upperBound);
    return v;
}

}  // namespace

int minCLevel() { return kMinCLevel; }
int maxCLevel() { return kMaxCLevel; }
int defaultCLevel() { return kDefaultCLevel; }

size_t compressBound(size_t srcSize) {
    const size_t r = compressBoundOrZero(srcSize);
    return r == 0 ? ZEST_ERR(srcSize_wrong) : r;
}

Bounds cParamBounds(int param) {
    Bounds b{0, 0, 0};
    auto set = [&b](int lo, int hi) {
        b.lowerBound = lo;
        b.upperBound = hi;
    };
    switch (CParam(param)) {
    case CParam::compressionLevel: set(kMinCLevel, kMaxCLevel); break;
    case CParam::windowLog: set(int(kWindowLogMin), int(kWindowLogMax)); break;
    case CParam::hashLog: set(int(kHashLogMin), int(kHashLogMax)); break;
    case CParam::chainLog: set(int(kChainLogMin), int(kChainLogMax)); break;
    case CParam::searchLog: set(int(kSearchLogMin), int(kSearchLogMax)); break;
    case CParam::minMatch: set(int(kMinMatchMin), int(kMinMatchMax)); break;
    case CParam::targetLength: set(int(kTargetLengthMin), int(kTargetLengthMax)); break;
    case CParam::strategy: set(int(Strategy::fast), int(Strategy::btultra2)); break;
    case CParam::targetCBlockSize: set(int(kTargetCBlockSizeMin), int(kTargetCBlockSizeMax)); break;
    case CParam::ldmHashLog: set(int(kLdmHashLogMin), int(kLdmHashLogMax)); break;
    case CParam::ldmMinMatch: set(int(kLdmMinMatchMin), int(kLdmMinMatchMax)); break;
    case CParam::ldmBucketSizeLog: set(int(kLdmBucketSizeLogMin), int(kLdmBucketSizeLogMax)); break;
    case CParam::ldmHashRateLog: set(int(kLdmHashRateLogMin), int(kLdmHashRateLogMax)); break;
    case CParam::nbWorkers: set(0, kNbWorkersMax); break;
    case CParam::jobSize: set(0, kJobSizeMax); break;
    case CParam::overlapLog: set(int(kOverlapLogMin), int(kOverlapLogMax)); break;
    case CParam::srcSizeHint: set(0, 0x7FFFFFFF); break;
    case CParam::maxBlockSize: set(int(kBlockSizeMaxMin), int(kBlockSizeMax)); break;
    case CParam::blockSplitterLevel: set(0, int(kBlockSplitterLevelMax)); break;
    case CParam::forceAttachDict: set(0, 3); break;  // default, force attach, force copy, force load
    // On/off flags.
    case CParam::contentSizeFlag:
    case CParam::checksumFlag:
    case CParam::dictIDFlag:
    case CParam::rsyncable:
    case CParam::format:
    case CParam::forceMaxWindow:
    case CParam::enableDedicatedDictSearch:
    case CParam::stableInBuffer:
    case CParam::stableOutBuffer:
    case CParam::blockDelimiters:
    case CParam::validateSequences:
    case CParam::deterministicRefPrefix:
    case CParam::enableSeqProducerFallback: set(0, 1); break;
    // Three-way switches: auto, enable, disable.
    case CParam::enableLongDistanceMatching:
    case CParam::literalCompressionMode:
    case CParam::splitAfterSequences:
    case CParam::useRowMatchFinder:
    case CParam::prefetchCDictTables:
    case CParam::repcodeResolution: set(int(ParamSwitch::automatic), int(ParamSwitch::disable)); break;
    default: b.error = ZEST_ERR(parameter_unsupported); break;
    }
    return b;
}

bool cParamWithinBounds(int param, int value) {
    const Bounds b = cParamBounds(param);
    return !isError(b.error) && value >= b.lowerBound && value <= b.upperBound;
}

CParams levelTableRow(int level, unsigned long long srcSizeHint, size_t dictSize, CParamMode mode) {
    const int cls = sizeClass(classSize(srcSizeHint, dictSize, mode));
    int row;
    if (level == 0) row = kDefaultCLevel;
    else if (level < 0) row = 0;
    else row = level > kMaxCLevel ? kMaxCLevel : level;
    CParams cp = kLevels.rows[cls][row];
    // Negative levels share the base row; the level becomes the fast
    // strategy's acceleration.
    if (level < 0) cp.targetLength = unsigned(-(level < kMinCLevel ? kMinCLevel : level));
    return cp;
}

CParams adjustCParamsInternal(CParams cp, unsigned long long srcSize, size_t dictSize, CParamMode mode,
                              ParamSwitch useRowMatchFinder) {
    uint64_t src = srcSize;
    uint64_t dict = dictSize;
    if (mode == CParamMode::createCDict && dict != 0 && src == kUnknown) src = kCDictAssumedSrcSize;
    if (mode == CParamMode::attachDict) dict = 0;  // the CDict brings its own tables

    // A window larger than everything there is to see is wasted.
    if (src <= kWindowResizeLimit && dict <= kWindowResizeLimit) {
        const uint64_t total = src + dict;
        const unsigned needed = total < (uint64_t(1) << kHashLogMin) ? kHashLogMin : ceilLog2(total);
        if (cp.windowLog > needed) cp.windowLog = needed;
    }
    // Tables need not index more positions than the reachable window holds.
    if (src != kUnknown) {
        const unsigned reach = dictAndWindowLog(cp.windowLog, src, dict);
        if (cp.hashLog > reach + 1) cp.hashLog = reach + 1;
        const unsigned cycle = cycleLog(cp.chainLog, cp.strategy);
        if (cycle > reach) cp.chainLog -= cycle - reach;
    }
    if (cp.windowLog < kWindowLogMin) cp.windowLog = kWindowLogMin;

    // Tagged CDict tables (fast, dfast) keep 8 tag bits beside each index.
    if (mode == CParamMode::createCDict && (cp.strategy == Strategy::fast || cp.strategy == Strategy::dfast)) {
        if (cp.hashLog > kTaggedHashLogMax) cp.hashLog = kTaggedHashLogMax;
        if (cp.chainLog > kTaggedHashLogMax) cp.chainLog = kTaggedHashLogMax;
    }

    // Whether the row matcher runs is only settled later; assume it might
    // unless it is switched off. Its hash keeps 8 tag bits out of 32.
    if (useRowMatchFinder == ParamSwitch::automatic) useRowMatchFinder = ParamSwitch::enable;
    if (rowMatchFinderUsed(cp.strategy, useRowMatchFinder)) {
        const unsigned rowLog = cp.searchLog < 4 ? 4u : cp.searchLog > 6 ? 6u : cp.searchLog;
        const unsigned maxHashLog = kRowHashLogBase + rowLog;
        if (cp.hashLog > maxHashLog) cp.hashLog = maxHashLog;
    }
    return cp;
}

CParams getCParamsInternal(int level, unsigned long long srcSizeHint, size_t dictSize, CParamMode mode) {
    const CParams row = levelTableRow(level, srcSizeHint, dictSize, mode);
    return adjustCParamsInternal(row, srcSizeHint, dictSize, mode, ParamSwitch::automatic);
}

CParams clampCParams(CParams cp) {
    cp.windowLog = clampField(int(CParam::windowLog), cp.windowLog);
    cp.chainLog = clampField(int(CParam::chainLog), cp.chainLog);
    cp.hashLog = clampField(int(CParam::hashLog), cp.hashLog);
    cp.searchLog = clampField(int(CParam::searchLog), cp.searchLog);
    cp.minMatch = clampField(int(CParam::minMatch), cp.minMatch);
    cp.targetLength = clampField(int(CParam::targetLength), cp.targetLength);
    cp.strategy = Strategy(clampField(int(CParam::strategy), unsigned(cp.strategy)));
    return cp;
}

CParams getCParams(int level, unsigned long long srcSizeHint, size_t dictSize) {
    if (srcSizeHint == 0) srcSizeHint = kUnknown;
    return getCParamsInternal(level, srcSizeHint, dictSize, CParamMode::unknown);
}

Params getParams(int level, unsigned long long srcSizeHint, size_t dictSize) {
    Params p{};
    p.cParams = getCParams(level, srcSizeHint, dictSize);
    p.fParams.contentSizeFlag = 1;
    return p;
}

CParams adjustCParams(CParams cp, unsigned long long srcSize, size_t dictSize) {
    cp = clampCParams(cp);
    if (srcSize == 0) srcSize = kUnknown;
    return adjustCParamsInternal(cp, srcSize, dictSize, CParamMode::unknown, ParamSwitch::automatic);
}

size_t checkCParams(const CParams& cp) {
    const bool ok = cParamWithinBounds(int(CParam::windowLog), int(cp.windowLog)) &&
                    cParamWithinBounds(int(CParam::chainLog), int(cp.chainLog)) &&
                    cParamWithinBounds(int(CParam::hashLog), int(cp.hashLog)) &&
                    cParamWithinBounds(int(CParam::searchLog), int(cp.searchLog)) &&
                    cParamWithinBounds(int(CParam::minMatch), int(cp.minMatch)) &&
                    cParamWithinBounds(int(CParam::targetLength), int(cp.targetLength)) &&
                    cParamWithinBounds(int(CParam::strategy), int(cp.strategy));
    return ok ? 0 : ZEST_ERR(parameter_outOfBound);
}

}  // namespace zest
