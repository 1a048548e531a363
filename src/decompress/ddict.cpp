#include "decompress/ddict.h"

#include "decompress/dctx.h"
#include "decompress/frame.h"
#include "format/dictionary_format.h"

namespace zest {

namespace {

// Decoding tables of a formatted dictionary's FSE descriptions.
void buildDictTables(DictEntropy& e, const DictLayout& l) {
    buildSeqTable<SeqKind::offset>(e.seq.of, l.of.norm, l.of.maxSymbol, l.of.tableLog);
    buildSeqTable<SeqKind::matchLength>(e.seq.ml, l.ml.norm, l.ml.maxSymbol, l.ml.tableLog);
    buildSeqTable<SeqKind::literalLength>(e.seq.ll, l.ll.norm, l.ll.maxSymbol, l.ll.tableLog);
    e.ofLog = l.of.tableLog;
    e.mlLog = l.ml.tableLog;
    e.llLog = l.ll.tableLog;
    for (int i = 0; i < 3; i++) e.rep[i] = l.rep[i];
}

}  // namespace

size_t digestDictionary(DDict* dd, DictContentType type) {
    dd->content = dd->dict;
    dd->contentSize = dd->dictSize;
    dd->dictID = 0;
    dd->hasEntropy = false;
    if (type == DictContentType::rawContent) return 0;
    if (!isFormattedDictionary(dd->dict, dd->dictSize)) {
        if (type == DictContentType::fullDict) return ZEST_ERR(dictionary_corrupted);
        return 0;  // auto: raw content
    }
    DictLayout l;
    ZEST_TRY(parseDictionaryLayout(l, dd->entropy.huf, dd->dict, dd->dictSize));
    hufBuildCells2(dd->entropy.huf);  // built once here: a DDict is shared read-only
    buildDictTables(dd->entropy, l);
    dd->dictID = l.dictID;
    dd->content = l.content;
    dd->contentSize = l.contentSize;
    dd->hasEntropy = true;
    return 0;
}

void applyDictionary(BlockState& st, const DDict& dd) {
    if (dd.hasEntropy) {
        const DictEntropy& e = dd.entropy;
        st.huf = &e.huf;
        st.llTable = e.seq.ll;
        st.mlTable = e.seq.ml;
        st.ofTable = e.seq.of;
        st.llLog = e.llLog;
        st.mlLog = e.mlLog;
        st.ofLog = e.ofLog;
        st.rep[0] = e.rep[0];
        st.rep[1] = e.rep[1];
        st.rep[2] = e.rep[2];
    }
    // The content is history glued before the first output byte.
    const u8* end = dd.content + dd.contentSize;
    st.prefixStart = dd.content;
    st.virtualStart = dd.content;
    st.dictEnd = end;
}

// ---- DDict lifetime ----------------------------------------------------------

namespace {

size_t initDDict(DDict* dd, const void* dict, size_t dictSize, DictLoadMethod m, DictContentType t, void* copySpace) {
    if (m == DictLoadMethod::byRef || dictSize == 0 || dict == nullptr) {
        dd->dict = static_cast<const u8*>(dict);
    } else {
        std::memcpy(copySpace, dict, dictSize);
        dd->dict = static_cast<const u8*>(copySpace);
    }
    dd->dictSize = dict ? dictSize : 0;
    return digestDictionary(dd, t);
}

}  // namespace

DDict* createDDict(const void* dict, size_t dictSize, DictLoadMethod m, DictContentType t, const CustomMem& mem) {
    if (!isValidMem(mem)) return nullptr;
    DDict* dd = memNew<DDict>(mem);
    if (!dd) return nullptr;
    dd->mem = mem;
    if (m == DictLoadMethod::byCopy && dict && dictSize) {
        dd->ownedBuffer = memAlloc(mem, dictSize);
        if (!dd->ownedBuffer) {
            freeDDict(dd);
            return nullptr;
        }
    }
    if (isError(initDDict(dd, dict, dictSize, m, t, dd->ownedBuffer))) {
        freeDDict(dd);
        return nullptr;
    }
    return dd;
}

const DDict* initStaticDDict(void* workspace, size_t workspaceSize, const void* dict, size_t dictSize,
                             DictLoadMethod m, DictContentType t) {
    if (reinterpret_cast<uintptr_t>(workspace) & 7) return nullptr;
    const size_t need = estimateDDictSize(dictSize, m);
    if (!workspace || workspaceSize < need) return nullptr;
    DDict* dd = new (workspace) DDict();
    dd->isStatic = true;
    void* copy = static_cast<u8*>(workspace) + sizeof(DDict);
    if (isError(initDDict(dd, dict, dictSize, m, t, copy))) return nullptr;
    return dd;
}

size_t freeDDict(DDict* dd) {
    if (!dd) return 0;
    if (dd->isStatic) return ZEST_ERR(memory_allocation);
    const CustomMem mem = dd->mem;
    memFree(mem, dd->ownedBuffer);
    memDelete(mem, dd);
    return 0;
}

size_t sizeofDDict(const DDict* dd) {
    if (!dd) return 0;
    return sizeof(DDict) + (dd->ownedBuffer || (dd->isStatic && dd->dict == reinterpret_cast<const u8*>(dd + 1))
                                ? dd->dictSize
                                : 0);
}

unsigned ddictGetDictID(const DDict* dd) { return dd ? dd->dictID : 0; }

size_t estimateDDictSize(size_t dictSize, DictLoadMethod m) {
    return sizeof(DDict) + (m == DictLoadMethod::byRef ? 0 : dictSize);
}

}  // namespace zest
