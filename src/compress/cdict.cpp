// Prepared compression dictionaries: parsed once, content indexed once, then
// copied into a context's tables at the start of each frame that uses them.
#include <cstring>

#include "compress/cctx_impl.h"
#include "compress/dedicated_dict_search.h"

namespace zest {
namespace {

struct CDictLayout {
    size_t contentOffset, tablesOffset, total;
};

constexpr size_t alignUp(size_t n) { return (n + 63) & ~size_t(63); }

CDictLayout cdictLayout(size_t dictSize, const TableLayout& tables, DictLoadMethod m) {
    CDictLayout l{};
    l.contentOffset = alignUp(sizeof(CDict));
    l.tablesOffset = l.contentOffset + (m == DictLoadMethod::byCopy ? alignUp(dictSize) : 0);
    // Slack so the tables start on a cache line wherever the block lands.
    l.total = l.tablesOffset + tables.bytes() + kCacheLine;
    return l;
}

CParams cdictLevelParams(int level, size_t dictSize) {
    return getCParamsInternal(level, kContentSizeUnknown, dictSize, CParamMode::createCDict);
}

}  // namespace

CDict* createCDictInternal(const void* dict, size_t dictSize, DictLoadMethod m, DictContentType t, CParams cp,
                           int level, ParamSwitch row, const CustomMem& mem, void* staticWorkspace,
                           size_t staticSize, bool dedicatedSearch) {
    if (!isValidMem(mem) || (dictSize && !dict)) return nullptr;
    const CParams& matchCp = cp;
    const bool dds = dedicatedSearch && dedicatedSearchSupported(matchCp);
    const Finder finder = dds ? Finder::hashChain : finderFor(matchCp, row);
    const TableLayout tables = dds ? dedicatedSearchLayout(matchCp) : tableLayout(matchCp, finder);
    const CDictLayout l = cdictLayout(dictSize, tables, m);
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
    MatchState& ms = cd->ms;
    ms.cp = matchCp;
    ms.finder = finder;
    ms.layout = tables;
    ms.carveTables(alignUp(block + l.tablesOffset, kCacheLine));
    ms.clearTables();
    ms.window.clear();
    ms.nextToUpdate = ms.window.dictLimit;
    if (cd->dict.contentSize) {
        ms.window.update(cd->dict.content, cd->dict.contentSize);
        // Hash-only tables (fast, dfast) keep tags when they fit beside the indices.
        ms.tagged = (finder == Finder::fast || finder == Finder::dfast) &&
                    taggable(matchCp.hashLog, cd->dict.contentSize) &&
                    (finder == Finder::fast || taggable(matchCp.chainLog, cd->dict.contentSize));
        ms.dedicatedSearch = dds;
        if (dds) buildDedicatedSearch(ms, cd->dict.content + cd->dict.contentSize);
        else fillTables(ms, cd->dict.content + cd->dict.contentSize);
    }
    return cd;
}

CDict* createCDict(const void* dict, size_t dictSize, DictLoadMethod m, DictContentType t, CParams cp,
                   const CustomMem& mem) {
    return createCDictInternal(dict, dictSize, m, t, cp, 0, ParamSwitch::automatic, mem, nullptr, 0);
}

CDict* createCDictFromParams(const void* dict, size_t dictSize, DictLoadMethod m, DictContentType t,
                             const CCtxParams* p, const CustomMem& mem) {
    if (!p) return nullptr;
    const CParams cp = cParamsFor(*p, kContentSizeUnknown, dictSize, CParamMode::createCDict);
    return createCDictInternal(dict, dictSize, m, t, cp, 0, ParamSwitch(p->useRowMatchFinder), mem, nullptr, 0,
                               p->enableDedicatedDictSearch != 0);
}

CDict* createCDictLevel(const void* dict, size_t dictSize, int level, DictLoadMethod m, const CustomMem& mem,
                        DictContentType t) {
    const int lv = level == 0 ? kDefaultCLevel : level;
    return createCDictInternal(dict, dictSize, m, t, cdictLevelParams(lv, dictSize), lv,
                               ParamSwitch::automatic, mem, nullptr, 0);
}

const CDict* initStaticCDict(void* workspace, size_t workspaceSize, const void* dict, size_t dictSize,
                             DictLoadMethod m, DictContentType t, CParams cp) {
    if (!workspace) return nullptr;
    return createCDictInternal(dict, dictSize, m, t, cp, 0, ParamSwitch::automatic, kDefaultMem, workspace,
                               workspaceSize);
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
    return cdictLayout(dictSize, tableLayout(cp, finderFor(cp, ParamSwitch::automatic)), m).total +
           64;
}
size_t estimateCDictSize(size_t dictSize, int level) {
    return estimateCDictSizeAdvanced(dictSize, cdictLevelParams(level, dictSize), DictLoadMethod::byCopy);
}

}  // namespace zest
