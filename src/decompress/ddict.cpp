#include "decompress/ddict.h"

#include "decompress/dctx.h"
#include "decompress/frame.h"

namespace zest {

namespace {

// Entropy section of a formatted dictionary: Huffman table, then offset,
// match-length and literal-length FSE tables, then three repeat offsets.
size_t readDictEntropy(DictEntropy& e, const u8* src, size_t size) {
    const u8* ip = src;
    const u8* const end = src + size;
    size_t n = readHufTable(&e.huf, ip, size);
    if (isError(n)) return ZEST_ERR(dictionary_corrupted);
    hufBuildCells2(e.huf);  // built once here: a DDict is shared read-only
    ip += n;

    struct Part {
        SeqCell* table;
        unsigned* log;
        SeqKind kind;
        unsigned maxCode, maxLog;
    };
    const Part parts[3] = {{e.seq.of, &e.ofLog, SeqKind::offset, kOFMaxCode, kOFMaxLog},
                           {e.seq.ml, &e.mlLog, SeqKind::matchLength, kMLMaxCode, kMLMaxLog},
                           {e.seq.ll, &e.llLog, SeqKind::literalLength, kLLMaxCode, kLLMaxLog}};
    for (const Part& p : parts) {
        short norm[kMLMaxCode + 1];
        unsigned maxSymbol = p.maxCode;
        unsigned log = 0;
        n = readNormalizedCounts(norm, &maxSymbol, &log, p.maxLog, ip, size_t(end - ip));
        if (isError(n)) return ZEST_ERR(dictionary_corrupted);
        switch (p.kind) {
        case SeqKind::offset: buildSeqTable<SeqKind::offset>(p.table, norm, maxSymbol, log); break;
        case SeqKind::matchLength: buildSeqTable<SeqKind::matchLength>(p.table, norm, maxSymbol, log); break;
        default: buildSeqTable<SeqKind::literalLength>(p.table, norm, maxSymbol, log); break;
        }
        *p.log = log;
        ip += n;
    }
    if (end - ip < 12) return ZEST_ERR(dictionary_corrupted);
    for (int i = 0; i < 3; i++) e.rep[i] = readLE32(ip + 4 * i);
    ip += 12;
    return size_t(ip - src);
}

}  // namespace

size_t digestDictionary(DDict* dd, DictContentType type) {
    dd->content = dd->dict;
    dd->contentSize = dd->dictSize;
    dd->dictID = 0;
    dd->hasEntropy = false;
    if (type == DictContentType::rawContent) return 0;
    const bool formatted = dd->dictSize >= 8 && readLE32(dd->dict) == kMagicDictionary;
    if (!formatted) {
        if (type == DictContentType::fullDict) return ZEST_ERR(dictionary_corrupted);
        return 0;  // auto: raw content
    }
    dd->dictID = readLE32(dd->dict + 4);
    const size_t n = readDictEntropy(dd->entropy, dd->dict + 8, dd->dictSize - 8);
    if (isError(n)) return n;
    dd->content = dd->dict + 8 + n;
    dd->contentSize = dd->dictSize - 8 - n;
    for (u32 r : dd->entropy.rep)
        if (r == 0 || r > dd->contentSize) return ZEST_ERR(dictionary_corrupted);
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
