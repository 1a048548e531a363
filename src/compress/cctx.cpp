// Compression contexts: creation in heap or caller memory, the sticky
// parameters (ZSTD_CCtx_setParameter & co., with the reference's return
// values), resets, size estimates and dictionary attachment.
#include <cstring>
#include <initializer_list>

#include "common/cpu.h"
#include "compress/cctx_impl.h"
#include "compress/mt_compress.h"
#include "compress/optimal.h"

namespace zest {

// ---- Memory --------------------------------------------------------------------------

void* cctxAlloc(CCtx* c, size_t size) { return c->isStatic ? c->arena.take(size) : memAlloc(c->mem, size); }
void cctxFree(CCtx* c, void* p) {
    if (!c->isStatic) memFree(c->mem, p);
}

namespace {

void initContext(CCtx* c) {
    c->bmi2 = cpuHasBmi2();
    c->predefined.build();
    c->ms.window.clear();
}

}  // namespace

CCtx* createCCtx(const CustomMem& mem) {
    if (!isValidMem(mem)) return nullptr;
    CCtx* c = memNew<CCtx>(mem);
    if (!c) return nullptr;
    c->mem = mem;
    initContext(c);
    return c;
}

CCtx* initStaticCCtx(void* workspace, size_t workspaceSize) {
    if (!workspace || (reinterpret_cast<uintptr_t>(workspace) & 7) || workspaceSize < sizeof(CCtx)) return nullptr;
    CCtx* c = new (workspace) CCtx();
    c->isStatic = true;
    c->arena.base = static_cast<char*>(workspace) + sizeof(CCtx);
    c->arena.size = workspaceSize - sizeof(CCtx);
    initContext(c);
    return c;
}

namespace {
void dropLocalDict(CCtx* c) {
    if (c->localCDict) freeCDict(c->localCDict);
    c->localCDict = nullptr;
    if (c->localDictBuffer) cctxFree(c, c->localDictBuffer);
    c->localDictBuffer = nullptr;
    c->localDict = nullptr;
    c->localDictSize = 0;
}
void clearAllDicts(CCtx* c) {
    dropLocalDict(c);
    c->cdict = nullptr;
    c->prefix = nullptr;
    c->prefixSize = 0;
}
}  // namespace

size_t freeCCtx(CCtx* c) {
    if (!c) return 0;
    if (c->isStatic) return ZEST_ERR(memory_allocation);
    const CustomMem mem = c->mem;
    mtFree(c);  // first: its jobs may read the dictionaries
    clearAllDicts(c);
    if (c->producerSeqs) memFree(mem, c->producerSeqs);
    if (c->workspaceAlloc) memFree(mem, c->workspaceAlloc);
    memDelete(mem, c);
    return 0;
}

size_t sizeofCCtx(const CCtx* c) {
    if (!c) return 0;
    if (c->isStatic) return sizeof(CCtx) + c->arena.size;
    size_t n = sizeof(CCtx) + c->workspaceSize;
    if (c->localDictBuffer) n += c->localDictSize;
    if (c->localCDict) n += sizeofCDict(c->localCDict);
    n += c->producerCapacity * sizeof(ExtSequence);
    n += mtSizeof(c);
    return n;
}

// ---- Parameters -------------------------------------------------------------------------

namespace {

// How a parameter's value is validated before it is stored.
enum class Rule : u8 {
    check,         // must lie within bounds
    checkNonZero,  // 0 = "default", else within bounds
    clamp,         // moved into bounds
    boolean,       // any non-zero value means 1
};

struct Slot {
    int* value;
    Rule rule;
};

static_assert(sizeof(unsigned) == sizeof(int) && sizeof(Strategy) == sizeof(int));
int* asInt(unsigned& v) { return reinterpret_cast<int*>(&v); }

// Where a parameter lives in CCtxParams and how it is checked; value null if unknown.
Slot slotOf(CCtxParams& p, int param) {
    switch (CParam(param)) {
    case CParam::windowLog: return {asInt(p.cParams.windowLog), Rule::checkNonZero};
    case CParam::hashLog: return {asInt(p.cParams.hashLog), Rule::checkNonZero};
    case CParam::chainLog: return {asInt(p.cParams.chainLog), Rule::checkNonZero};
    case CParam::searchLog: return {asInt(p.cParams.searchLog), Rule::checkNonZero};
    case CParam::minMatch: return {asInt(p.cParams.minMatch), Rule::checkNonZero};
    case CParam::targetLength: return {asInt(p.cParams.targetLength), Rule::check};
    case CParam::strategy: return {reinterpret_cast<int*>(&p.cParams.strategy), Rule::checkNonZero};
    case CParam::format: return {reinterpret_cast<int*>(&p.format), Rule::check};
    case CParam::forceMaxWindow: return {&p.forceWindow, Rule::boolean};
    case CParam::forceAttachDict: return {&p.attachDictPref, Rule::check};
    case CParam::literalCompressionMode: return {&p.literalCompressionMode, Rule::check};
    case CParam::overlapLog: return {&p.overlapLog, Rule::clamp};
    case CParam::rsyncable: return {&p.rsyncable, Rule::clamp};
    case CParam::enableDedicatedDictSearch: return {&p.enableDedicatedDictSearch, Rule::boolean};
    case CParam::enableLongDistanceMatching: return {&p.enableLdm, Rule::check};
    case CParam::ldmHashLog: return {&p.ldmHashLog, Rule::checkNonZero};
    case CParam::ldmMinMatch: return {&p.ldmMinMatch, Rule::checkNonZero};
    case CParam::ldmBucketSizeLog: return {&p.ldmBucketSizeLog, Rule::checkNonZero};
    case CParam::ldmHashRateLog: return {&p.ldmHashRateLog, Rule::checkNonZero};
    case CParam::srcSizeHint: return {&p.srcSizeHint, Rule::checkNonZero};
    case CParam::stableInBuffer: return {&p.inBufferMode, Rule::check};
    case CParam::stableOutBuffer: return {&p.outBufferMode, Rule::check};
    case CParam::blockDelimiters: return {&p.blockDelimiters, Rule::check};
    case CParam::validateSequences: return {&p.validateSequences, Rule::check};
    case CParam::splitAfterSequences: return {&p.splitAfterSequences, Rule::check};
    case CParam::useRowMatchFinder: return {&p.useRowMatchFinder, Rule::check};
    case CParam::deterministicRefPrefix: return {&p.deterministicRefPrefix, Rule::check};
    case CParam::prefetchCDictTables: return {&p.prefetchCDictTables, Rule::check};
    case CParam::enableSeqProducerFallback: return {&p.enableSeqProducerFallback, Rule::check};
    case CParam::maxBlockSize: return {&p.maxBlockSize, Rule::checkNonZero};
    case CParam::repcodeResolution: return {&p.repcodeResolution, Rule::check};
    case CParam::blockSplitterLevel: return {&p.blockSplitterLevel, Rule::check};
    case CParam::nbWorkers: return {&p.nbWorkers, Rule::clamp};
    case CParam::jobSize: return {&p.jobSize, Rule::clamp};
    case CParam::targetCBlockSize: return {&p.targetCBlockSize, Rule::checkNonZero};
    default: return {nullptr, Rule::check};
    }
}

size_t applyRule(Rule r, int param, int& value) {
    switch (r) {
    case Rule::check:
        if (!cParamWithinBounds(param, value)) return ZEST_ERR(parameter_outOfBound);
        break;
    case Rule::checkNonZero:
        if (value != 0 && !cParamWithinBounds(param, value)) return ZEST_ERR(parameter_outOfBound);
        break;
    case Rule::clamp: {
        const Bounds b = cParamBounds(param);
        if (isError(b.error)) return b.error;
        value = value < b.lowerBound ? b.lowerBound : value > b.upperBound ? b.upperBound : value;
        break;
    }
    case Rule::boolean: value = value != 0; break;
    }
    return 0;
}

// Parameters that may change while a frame is being compressed (they apply
// from the next frame).
bool updateAuthorized(int param) {
    switch (CParam(param)) {
    case CParam::compressionLevel:
    case CParam::hashLog:
    case CParam::chainLog:
    case CParam::searchLog:
    case CParam::minMatch:
    case CParam::targetLength:
    case CParam::strategy:
    case CParam::blockSplitterLevel: return true;
    default: return false;
    }
}

}  // namespace

size_t setCCtxParam(CCtxParams& p, int param, int value) {
    switch (CParam(param)) {
    case CParam::compressionLevel: {
        const Bounds b = cParamBounds(param);
        value = value < b.lowerBound ? b.lowerBound : value > b.upperBound ? b.upperBound : value;
        p.compressionLevel = value == 0 ? kDefaultCLevel : value;
        return p.compressionLevel >= 0 ? size_t(p.compressionLevel) : 0;
    }
    case CParam::contentSizeFlag: p.fParams.contentSizeFlag = value != 0; return size_t(p.fParams.contentSizeFlag);
    case CParam::checksumFlag: p.fParams.checksumFlag = value != 0; return size_t(p.fParams.checksumFlag);
    case CParam::dictIDFlag: p.fParams.noDictIDFlag = value == 0; return size_t(!p.fParams.noDictIDFlag);
    case CParam::jobSize:
        if (value != 0 && value < kJobSizeMin) value = kJobSizeMin;
        break;
    case CParam::targetCBlockSize:
        if (value != 0 && value < int(kTargetCBlockSizeMin)) value = int(kTargetCBlockSizeMin);
        break;
    default: break;
    }
    const Slot s = slotOf(p, param);
    if (!s.value) return ZEST_ERR(parameter_unsupported);
    ZEST_TRY(applyRule(s.rule, param, value));
    *s.value = value;
    return size_t(unsigned(value));
}


size_t cctxSetParameter(CCtx* c, int param, int value) {
    if (c->streamStage != CCtx::StreamStage::init) {
        if (!updateAuthorized(param)) return ZEST_ERR(stage_wrong);
        // A frame on workers takes the change from its next job on.
        if (c->mtFrame) mtParamsChanged(c);
    }
    if (CParam(param) == CParam::nbWorkers && value != 0 && c->isStatic) return ZEST_ERR(parameter_unsupported);
    return setCCtxParam(c->requested, param, value);
}

size_t getCCtxParam(const CCtxParams& cp, int param, int* value) {
    CCtxParams& p = const_cast<CCtxParams&>(cp);  // slotOf serves both directions
    switch (CParam(param)) {
    case CParam::compressionLevel: *value = p.compressionLevel; return 0;
    case CParam::contentSizeFlag: *value = p.fParams.contentSizeFlag; return 0;
    case CParam::checksumFlag: *value = p.fParams.checksumFlag; return 0;
    case CParam::dictIDFlag: *value = !p.fParams.noDictIDFlag; return 0;
    default: break;
    }
    const Slot s = slotOf(p, param);
    if (!s.value) return ZEST_ERR(parameter_unsupported);
    *value = *s.value;
    return 0;
}

size_t cctxGetParameter(const CCtx* c, int param, int* value) { return getCCtxParam(c->requested, param, value); }

size_t cctxSetPledgedSrcSize(CCtx* c, unsigned long long pledgedSrcSize) {
    if (c->streamStage != CCtx::StreamStage::init) return ZEST_ERR(stage_wrong);
    c->pledgedSrcSize = pledgedSrcSize;
    return 0;
}

size_t cctxReset(CCtx* c, ResetDirective r) {
    if (r == ResetDirective::session_only || r == ResetDirective::session_and_parameters) {
        mtAbort(c);  // jobs of an unfinished frame stop first
        c->streamStage = CCtx::StreamStage::init;
        c->pledgedSrcSize = kContentSizeUnknown;
    }
    if (r == ResetDirective::parameters || r == ResetDirective::session_and_parameters) {
        if (c->streamStage != CCtx::StreamStage::init) return ZEST_ERR(stage_wrong);
        clearAllDicts(c);
        c->requested = CCtxParams{};
    }
    return 0;
}

size_t cctxSetCParams(CCtx* c, CParams cp) {
    ZEST_TRY(checkCParams(cp));
    if (c->streamStage != CCtx::StreamStage::init) return ZEST_ERR(stage_wrong);
    c->requested.cParams = cp;
    return 0;
}

size_t cctxSetFParams(CCtx* c, FParams fp) {
    if (c->streamStage != CCtx::StreamStage::init) return ZEST_ERR(stage_wrong);
    c->requested.fParams = FParams{fp.contentSizeFlag != 0, fp.checksumFlag != 0, fp.noDictIDFlag != 0};
    return 0;
}

size_t cctxSetParams(CCtx* c, Params p) {
    ZEST_TRY(checkCParams(p.cParams));
    ZEST_TRY(cctxSetFParams(c, p.fParams));
    return cctxSetCParams(c, p.cParams);
}

// ---- Dictionaries -------------------------------------------------------------------------

size_t cctxLoadDictionary(CCtx* c, const void* dict, size_t dictSize, DictLoadMethod m, DictContentType t) {
    if (c->streamStage != CCtx::StreamStage::init) return ZEST_ERR(stage_wrong);
    clearAllDicts(c);
    if (!dict || dictSize == 0) return 0;
    if (m == DictLoadMethod::byCopy) {
        c->localDictBuffer = static_cast<u8*>(cctxAlloc(c, dictSize));
        if (!c->localDictBuffer) return ZEST_ERR(memory_allocation);
        std::memcpy(c->localDictBuffer, dict, dictSize);
        c->localDict = c->localDictBuffer;
    } else {
        c->localDict = dict;
    }
    c->localDictSize = dictSize;
    c->localDictType = t;
    return 0;
}

size_t cctxRefCDict(CCtx* c, const CDict* cdict) {
    if (c->streamStage != CCtx::StreamStage::init) return ZEST_ERR(stage_wrong);
    clearAllDicts(c);
    c->cdict = cdict;
    return 0;
}

size_t cctxRefThreadPool(CCtx* c, ThreadPool* pool) {
    if (c->streamStage != CCtx::StreamStage::init) return ZEST_ERR(stage_wrong);
    c->sharedPool = pool;
    return 0;
}

size_t cctxRefPrefix(CCtx* c, const void* prefix, size_t prefixSize, DictContentType t) {
    if (c->streamStage != CCtx::StreamStage::init) return ZEST_ERR(stage_wrong);
    clearAllDicts(c);
    if (prefix && prefixSize) {
        c->prefix = prefix;
        c->prefixSize = prefixSize;
        c->prefixType = t;
    }
    return 0;
}

// ---- Sizes ----------------------------------------------------------------------------------

WorkspaceLayout workspaceLayout(const CParams& matchCp, Finder f, size_t blockSize, bool bufferedIn,
                                bool bufferedOut, bool splitBlocks, const LdmParams& ldm) {
    WorkspaceLayout l{};
    l.tables = tableLayout(matchCp, f);
    const size_t maxNbSeq = blockSize / 3 + 1;
    l.seqBytes = maxNbSeq * sizeof(SeqDef);
    l.litBytes = blockSize + kLiteralSlack;
    l.codeBytes = 3 * maxNbSeq;
    const size_t windowSize = size_t(1) << matchCp.windowLog;
    l.inBuffBytes = bufferedIn ? windowSize + blockSize : 0;
    l.outBuffBytes = bufferedOut ? compressBoundOrZero(blockSize) + kBlockHeaderSize + 4 + kFrameHeaderSizeMax : 0;
    l.optBytes = matchCp.strategy > Strategy::btlazy2 ? sizeof(OptState) : 0;
    l.splitBytes = splitBlocks ? blockSize : 0;
    if (ldm.enabled) {
        l.ldmTableBytes = LdmState::tableBytes(ldm);
        l.ldmCursorBytes = LdmState::cursorBytes(ldm);
        l.ldmMatchBytes = LdmState::matchBytes(ldm, blockSize);
    }
    return l;
}

namespace {
size_t blockSizeFor(const CParams& cp) {
    const size_t w = size_t(1) << cp.windowLog;
    return w < kBlockSizeMax ? w : kBlockSizeMax;
}
}  // namespace

// The larger of the hash-chain and row layouts where either may run; room for
// trial encodings where blocks are split (or cut to a target size).
size_t estimateFor(const CParams& cp, bool streaming, ParamSwitch split, bool targetCBlockSize,
                   const LdmParams& ldm) {
    const CParams& m = cp;
    size_t best = 0;
    for (const ParamSwitch row : {ParamSwitch::enable, ParamSwitch::disable}) {
        const size_t e = sizeof(CCtx) +
                         workspaceLayout(m, finderFor(m, row), blockSizeFor(cp), streaming, streaming,
                                         splitsBlocks(m, split) || targetCBlockSize, ldm)
                                 .total() +
                         64;
        if (e > best) best = e;
    }
    return best;
}

namespace {
size_t estimateFor(const CParams& cp, bool streaming) { return estimateFor(cp, streaming, ParamSwitch::automatic, false); }
// Largest estimate over the size classes a level's parameters depend on.
template <class F>
size_t largestOverSizeClasses(int level, F&& f) {
    static constexpr unsigned long long kSizes[] = {16 * 1024, 128 * 1024, 256 * 1024, kContentSizeUnknown};
    size_t best = 0;
    for (unsigned long long s : kSizes) {
        const size_t e = f(getCParamsInternal(level, s, 0, CParamMode::noAttachDict));
        if (e > best) best = e;
    }
    return best;
}
}  // namespace

size_t estimateCCtxSizeUsingCParams(CParams cp) { return estimateFor(cp, false); }
size_t estimateCStreamSizeUsingCParams(CParams cp) { return estimateFor(cp, true); }
size_t estimateCCtxSize(int level) {
    return largestOverSizeClasses(level, [](const CParams& cp) { return estimateFor(cp, false); });
}
size_t estimateCStreamSize(int level) {
    return largestOverSizeClasses(level, [](const CParams& cp) { return estimateFor(cp, true); });
}
size_t cStreamInSize() { return kBlockSizeMax; }
size_t cStreamOutSize() { return compressBoundOrZero(kBlockSizeMax) + kBlockHeaderSize + 4; }

}  // namespace zest
