// Context lifetime, parameters and dictionary references.
#include "decompress/dctx_impl.h"

#include "common/cpu.h"

namespace zest {

// ---- Lifetime ------------------------------------------------------------------

DCtx* createDCtx(const CustomMem& mem) {
    if (!isValidMem(mem)) return nullptr;
    DCtx* d = memNew<DCtx>(mem);
    if (!d) return nullptr;
    d->mem = mem;
    d->blk.bmi2 = cpuHasBmi2();
    decompressBegin(d);
    return d;
}

DCtx* initStaticDCtx(void* workspace, size_t workspaceSize) {
    if (!workspace || (reinterpret_cast<uintptr_t>(workspace) & 7)) return nullptr;
    if (workspaceSize < sizeof(DCtx)) return nullptr;
    DCtx* d = new (workspace) DCtx();
    d->isStatic = true;
    d->arena.base = static_cast<char*>(workspace) + sizeof(DCtx);
    d->arena.size = workspaceSize - sizeof(DCtx);
    d->blk.bmi2 = cpuHasBmi2();
    decompressBegin(d);
    return d;
}

void DCtx::freeStreamBuffers() {
    if (isStatic) return;  // the arena owns them
    memFree(mem, inBuff);
    memFree(mem, outBuff);
    inBuff = outBuff = nullptr;
    inBuffCapacity = outBuffCapacity = 0;
}

void DCtx::clearDictionary() {
    if (ownedDDict) freeDDict(ownedDDict);
    ownedDDict = nullptr;
    ddict = nullptr;
    dictUse = DictUse::none;
}

size_t freeDCtx(DCtx* d) {
    if (!d) return 0;
    if (d->isStatic) return ZEST_ERR(memory_allocation);
    const CustomMem mem = d->mem;
    d->clearDictionary();
    d->freeStreamBuffers();
    memFree(mem, d->ddictSet);
    memDelete(mem, d);
    return 0;
}

size_t sizeofDCtx(const DCtx* d) {
    if (!d) return 0;
    size_t n = sizeof(DCtx) + d->inBuffCapacity + d->outBuffCapacity;
    if (d->ownedDDict) n += sizeofDDict(d->ownedDDict);
    n += d->ddictSetCapacity * sizeof(const DDict*);
    return n;
}

size_t estimateDCtxSize() { return sizeof(DCtx); }

// ---- Parameters ------------------------------------------------------------------

Bounds dParamBounds(int param) {
    Bounds b{0, 0, 0};
    switch (DParam(param)) {
    case DParam::windowLogMax: b.lowerBound = int(kWindowLogMin); b.upperBound = int(kWindowLogMax); break;
    case DParam::format:
    case DParam::stableOutBuffer:
    case DParam::forceIgnoreChecksum:
    case DParam::refMultipleDDicts:
    case DParam::disableHuffmanAssembly: b.lowerBound = 0; b.upperBound = 1; break;
    case DParam::maxBlockSize: b.lowerBound = 1 << 10; b.upperBound = int(kBlockSizeMax); break;
    default: b.error = ZEST_ERR(parameter_unsupported); break;
    }
    return b;
}

size_t dctxSetParameter(DCtx* d, int param, int value) {
    if (d->streamStage != StreamStage::init) return ZEST_ERR(stage_wrong);
    const Bounds b = dParamBounds(param);
    if (isError(b.error)) return b.error;
    // 0 selects the default for the size-like parameters.
    const bool isDefault =
        value == 0 && (DParam(param) == DParam::windowLogMax || DParam(param) == DParam::maxBlockSize);
    if (!isDefault && (value < b.lowerBound || value > b.upperBound)) return ZEST_ERR(parameter_outOfBound);
    if (isDefault && DParam(param) == DParam::windowLogMax) value = int(kWindowLogDefaultLimit);
    switch (DParam(param)) {
    case DParam::windowLogMax: d->maxWindowSize = size_t(1) << value; break;
    case DParam::format: d->format = Format(value); break;
    case DParam::stableOutBuffer: d->stableOut = value != 0; break;
    case DParam::forceIgnoreChecksum: d->ignoreChecksum = value != 0; break;
    case DParam::refMultipleDDicts:
        if (d->isStatic && value) return ZEST_ERR(parameter_unsupported);
        d->refMultipleDDicts = value != 0;
        break;
    case DParam::disableHuffmanAssembly: d->disableHufAsm = value != 0; break;
    case DParam::maxBlockSize: d->maxBlockSizeParam = value; break;
    }
    return 0;
}

size_t dctxGetParameter(DCtx* d, int param, int* value) {
    switch (DParam(param)) {
    case DParam::windowLogMax: *value = int(highBit64(d->maxWindowSize)); return 0;
    case DParam::format: *value = int(d->format); return 0;
    case DParam::stableOutBuffer: *value = d->stableOut; return 0;
    case DParam::forceIgnoreChecksum: *value = d->ignoreChecksum; return 0;
    case DParam::refMultipleDDicts: *value = d->refMultipleDDicts; return 0;
    case DParam::disableHuffmanAssembly: *value = d->disableHufAsm; return 0;
    case DParam::maxBlockSize: *value = d->maxBlockSizeParam; return 0;
    }
    return ZEST_ERR(parameter_unsupported);
}

size_t dctxSetMaxWindowSize(DCtx* d, size_t maxWindowSize) {
    if (d->streamStage != StreamStage::init) return ZEST_ERR(stage_wrong);
    const size_t lo = size_t(1) << kWindowLogMin, hi = size_t(1) << kWindowLogMax;
    if (maxWindowSize < lo || maxWindowSize > hi) return ZEST_ERR(parameter_outOfBound);
    d->maxWindowSize = maxWindowSize;
    return 0;
}

size_t dctxReset(DCtx* d, ResetDirective r) {
    if (r == ResetDirective::session_only || r == ResetDirective::session_and_parameters) {
        d->streamStage = StreamStage::init;
        d->noProgressCount = 0;
        d->hostageByte = false;
        d->expectedOut = OutBuffer{};
    }
    if (r == ResetDirective::parameters || r == ResetDirective::session_and_parameters) {
        if (d->streamStage != StreamStage::init) return ZEST_ERR(stage_wrong);
        d->clearDictionary();
        d->format = Format::zstd1;
        d->maxWindowSize = (size_t(1) << kWindowLogDefaultLimit) + 1;
        d->stableOut = false;
        d->ignoreChecksum = false;
        d->refMultipleDDicts = false;
        d->disableHufAsm = false;
        d->maxBlockSizeParam = 0;
        d->ddictSetCount = 0;
    }
    return 0;
}

// ---- Dictionary references ---------------------------------------------------------

size_t dctxLoadDictionary(DCtx* d, const void* dict, size_t dictSize, DictLoadMethod m, DictContentType t) {
    if (d->streamStage != StreamStage::init) return ZEST_ERR(stage_wrong);
    d->clearDictionary();
    if (!dict || dictSize == 0) return 0;
    if (d->isStatic) return ZEST_ERR(memory_allocation);
    d->ownedDDict = createDDict(dict, dictSize, m, t, d->mem);
    if (!d->ownedDDict) return ZEST_ERR(dictionary_corrupted);
    d->ddict = d->ownedDDict;
    d->dictUse = DictUse::always;
    return 0;
}

size_t dctxRefPrefix(DCtx* d, const void* prefix, size_t prefixSize, DictContentType t) {
    const size_t r = dctxLoadDictionary(d, prefix, prefixSize, DictLoadMethod::byRef, t);
    if (isError(r)) return r;
    if (d->ddict) d->dictUse = DictUse::once;
    return 0;
}

size_t dctxRefDDict(DCtx* d, const DDict* dd) {
    if (d->streamStage != StreamStage::init) return ZEST_ERR(stage_wrong);
    d->clearDictionary();
    if (!dd) return 0;
    if (d->refMultipleDDicts) {
        for (size_t i = 0; i < d->ddictSetCount; i++)
            if (d->ddictSet[i]->dictID == dd->dictID) {
                d->ddictSet[i] = dd;  // same ID: the newest reference wins
                d->ddict = dd;
                d->dictUse = DictUse::always;
                return 0;
            }
        if (d->ddictSetCount == d->ddictSetCapacity) {
            const size_t cap = d->ddictSetCapacity ? d->ddictSetCapacity * 2 : 8;
            auto grown = static_cast<const DDict**>(memAlloc(d->mem, cap * sizeof(const DDict*)));
            if (!grown) return ZEST_ERR(memory_allocation);
            if (d->ddictSetCount) std::memcpy(grown, d->ddictSet, d->ddictSetCount * sizeof(const DDict*));
            memFree(d->mem, d->ddictSet);
            d->ddictSet = grown;
            d->ddictSetCapacity = cap;
        }
        d->ddictSet[d->ddictSetCount++] = dd;
    }
    d->ddict = dd;
    d->dictUse = DictUse::always;
    return 0;
}

const DDict* DCtx::selectDDict(const DDict* base, unsigned frameDictID) const {
    if (refMultipleDDicts && frameDictID) {
        for (size_t i = 0; i < ddictSetCount; i++)
            if (ddictSet[i]->dictID == frameDictID) return ddictSet[i];
    }
    return base;
}

const DDict* DCtx::takeDDict() {
    switch (dictUse) {
    case DictUse::none: return nullptr;
    case DictUse::once: dictUse = DictUse::none; return ddict;  // kept alive until cleared
    default: return ddict;
    }
}

}  // namespace zest
