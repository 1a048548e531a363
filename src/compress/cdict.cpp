// Prepared compression dictionaries: parsed once, content indexed once, then
// copied into a context's tables at the start of each frame that uses them.
#include <cstring>

#include "compress/cctx_impl.h"

namespace zest {
namespace {

struct CDictLayout {
    size_t contentOffset, hashOffset, chainOffset, total;
};

constexpr size_t alignUp(size_t n) { return (n + 63) & ~size_t(63); }

CDictLayout cdictLayout(size_t dictSize, const CParams& matchCp, DictLoadMethod m) {
    CDictLayout l{};
    l.contentOffset = alignUp(sizeof(CDict));
    l.hashOffset = l.contentOffset + (m == DictLoadMethod::byCopy ? alignUp(dictSize) : 0);
    l.chainOffset = l.hashOffset + hashTableEntries(matchCp) * sizeof(u32);
    l.total = l.chainOffset + chainTableEntries(matchCp) * sizeof(u32);
    return l;
}

// Index every position of the content in tagged tables (fast: one table of
// minMatch bytes; dfast: 8 bytes in the first, minMatch bytes in the second).
void fillTagged(MatchState& ms, const u8* end) {
    withMinMatch(ms.cp.minMatch, [&](auto m) {
        constexpr unsigned kMls = decltype(m)::value;
        const u8* const base = ms.window.base;
        const u32 target = u32(end - base);
        const bool dfast = ms.cp.strategy != Strategy::fast;
        for (u32 idx = ms.nextToUpdate; idx + 8 <= target; ++idx) {
            if (dfast) {
                insertTagged<8>(ms.hashTable, ms.cp.hashLog, base + idx, idx);
                insertTagged<kMls>(ms.chainTable, ms.cp.chainLog, base + idx, idx);
            } else {
                insertTagged<kMls>(ms.hashTable, ms.cp.hashLog, base + idx, idx);
            }
        }
        if (target > ms.nextToUpdate) ms.nextToUpdate = target;
    });
}

CParams cdictLevelParams(int level, size_t dictSize) {
    return getCParamsInternal(level, kContentSizeUnknown, dictSize, CParamMode::createCDict);
}

}  // namespace

CDict* createCDictInternal(const void* dict, size_t dictSize, DictLoadMethod m, DictContentType t, CParams cp,
                           int level, const CustomMem& mem, void* staticWorkspace, size_t staticSize) {
    if (!isValidMem(mem) || (dictSize && !dict)) return nullptr;
    const CParams matchCp = matchFinderParams(cp);
    const CDictLayout l = cdictLayout(dictSize, matchCp, m);
    u8* block;
    if (staticWorkspace) {
        if ((reinterpret_cast<uintptr_t>(staticWorkspace) & 7) || staticSize < l.total) return nullptr;
        block = static_cast<u8*>(staticWorkspace);
    } else {
        block = static_cast<u8*>(memAlloc(mem, l.total));
        if (!block) return nullptr;
    }
    CDict* cd = new (block) CDict();
    cd->mem = mem;
    cd->isStatic = staticWorkspace != nullptr;
    cd->level = level;
    cd->cp = cp;
    cd->matchCp = matchCp;
    cd->totalSize = l.total;
    const u8* content = static_cast<const u8*>(dict);
    if (m == DictLoadMethod::byCopy && dictSize) {
        cd->ownedContent = block + l.contentOffset;
        std::memcpy(cd->ownedContent, dict, dictSize);
        content = cd->ownedContent;
    }
    if (isError(parseDictionary(cd->dict, content, dictSize, t))) {
        freeCDict(cd);
        return nullptr;
    }
    // Index the content exactly as a context will see it at a frame's start.
    cd->hashTable = reinterpret_cast<u32*>(block + l.hashOffset);
    cd->chainTable = reinterpret_cast<u32*>(block + l.chainOffset);
    cd->hashEntries = hashTableEntries(matchCp);
    cd->chainEntries = chainTableEntries(matchCp);
    std::memset(cd->hashTable, 0, cd->hashEntries * sizeof(u32));
    std::memset(cd->chainTable, 0, cd->chainEntries * sizeof(u32));
    MatchState ms;
    ms.window.clear();
    ms.hashTable = cd->hashTable;
    ms.chainTable = cd->chainTable;
    ms.cp = matchCp;
    if (cd->dict.contentSize) {
        ms.window.update(cd->dict.content, cd->dict.contentSize);
        cd->tagged = taggable(matchCp.hashLog, cd->dict.contentSize) &&
                     (matchCp.strategy == Strategy::fast || taggable(matchCp.chainLog, cd->dict.contentSize));
        if (cd->tagged) fillTagged(ms, cd->dict.content + cd->dict.contentSize);
        else fillTables(ms, cd->dict.content + cd->dict.contentSize);
    }
    cd->window = ms.window;
    cd->nextToUpdate = ms.nextToUpdate;
    return cd;
}

CDict* createCDict(const void* dict, size_t dictSize, DictLoadMethod m, DictContentType t, CParams cp,
                   const CustomMem& mem) {
    return createCDictInternal(dict, dictSize, m, t, cp, 0, mem, nullptr, 0);
}

CDict* createCDictLevel(const void* dict, size_t dictSize, int level, DictLoadMethod m, const CustomMem& mem) {
    const int lv = level == 0 ? kDefaultCLevel : level;
    return createCDictInternal(dict, dictSize, m, DictContentType::autoDetect, cdictLevelParams(lv, dictSize), lv,
                               mem, nullptr, 0);
}

const CDict* initStaticCDict(void* workspace, size_t workspaceSize, const void* dict, size_t dictSize,
                             DictLoadMethod m, DictContentType t, CParams cp) {
    if (!workspace) return nullptr;
    return createCDictInternal(dict, dictSize, m, t, cp, 0, kDefaultMem, workspace, workspaceSize);
}

size_t freeCDict(CDict* cd) {
    if (!cd) return 0;
    if (cd->isStatic) return ZEST_ERR(memory_allocation);
    const CustomMem mem = cd->mem;
    cd->~CDict();
    memFree(mem, cd);
    return 0;
}

size_t sizeofCDict(const CDict* cd) { return cd ? cd->totalSize : 0; }
unsigned cdictGetDictID(const CDict* cd) { return cd ? cd->dict.dictID : 0; }

size_t estimateCDictSizeAdvanced(size_t dictSize, CParams cp, DictLoadMethod m) {
    return cdictLayout(dictSize, matchFinderParams(cp), m).total + 64;
}
size_t estimateCDictSize(size_t dictSize, int level) {
    return estimateCDictSizeAdvanced(dictSize, cdictLevelParams(level, dictSize), DictLoadMethod::byCopy);
}

}  // namespace zest
