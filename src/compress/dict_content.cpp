// Parsing of compression dictionaries ("Dictionary Format" of the spec).
#include "compress/dict_content.h"

#include "format/dictionary_format.h"

namespace zest {
namespace {

// Window indices are 32-bit: of a larger dictionary only the last part is
// used (matches reach back at most a window anyway).
constexpr size_t kContentMax = size_t(1) << 30;

void keepTail(DictContent& d) {
    if (d.contentSize > kContentMax) {
        d.content += d.contentSize - kContentMax;
        d.contentSize = kContentMax;
    }
}

// An encoding table from a dictionary's FSE description. A table coding
// every symbol up to validUpTo can be reused blindly.
size_t loadSeqTable(FseCTable& ct, RepeatMode& repeat, const DictFseTable& t, unsigned validUpTo) {
    if (isError(fseBuildCTable(&ct, t.norm, t.maxSymbol, t.tableLog))) return ZEST_ERR(dictionary_corrupted);
    bool complete = t.maxSymbol >= validUpTo;
    for (unsigned s = 0; complete && s <= validUpTo; ++s) complete = t.norm[s] != 0;
    repeat = complete ? RepeatMode::valid : RepeatMode::check;
    return 0;
}

}  // namespace

size_t parseDictionary(DictContent& out, const void* dict, size_t dictSize, DictContentType type) {
    out = DictContent{};
    const u8* const start = static_cast<const u8*>(dict);
    const bool hasMagic = isFormattedDictionary(dict, dictSize);
    if (type == DictContentType::fullDict && !hasMagic) return ZEST_ERR(dictionary_wrong);
    if (type == DictContentType::rawContent || !hasMagic) {
        if (dictSize >= 8) {
            out.content = start;
            out.contentSize = dictSize;
            keepTail(out);
        }
        return 0;
    }

    DictLayout l;
    HufTable dt;
    ZEST_TRY(parseDictionaryLayout(l, dt, dict, dictSize));
    EntropyTables& e = out.entropy;
    if (isError(hufCTableFromDTable(&e.huf, dt))) return ZEST_ERR(dictionary_corrupted);
    {
        u32 all[256];
        for (u32& c : all) c = 1;
        e.hufRepeat = hufCanEncode(e.huf, all, 255) ? RepeatMode::valid : RepeatMode::check;
    }
    ZEST_TRY(loadSeqTable(e.of, e.ofRepeat, l.of, 0));
    ZEST_TRY(loadSeqTable(e.ml, e.mlRepeat, l.ml, kMLMaxCode));
    ZEST_TRY(loadSeqTable(e.ll, e.llRepeat, l.ll, kLLMaxCode));
    out.dictID = l.dictID;
    for (int i = 0; i < 3; ++i) out.rep[i] = l.rep[i];
    out.content = l.content;
    out.contentSize = l.contentSize;
    // Offset codes: blindly reusable only if every code an offset into the
    // dictionary plus one block can need is present.
    {
        const unsigned needed = highBit32(u32(out.contentSize + kBlockSizeMax));
        bool complete = true;
        for (unsigned s = 0; complete && s <= needed; ++s) complete = s <= e.of.maxSymbol && fseStateCount(e.of, s) != 0;
        e.ofRepeat = complete ? RepeatMode::valid : RepeatMode::check;
    }
    keepTail(out);
    out.hasEntropy = true;
    return 0;
}

size_t dictionaryHeaderSize(const void* dict, size_t dictSize) {
    if (dictSize <= 8 || !isFormattedDictionary(dict, dictSize)) return ZEST_ERR(dictionary_corrupted);
    DictContent checked;
    ZEST_TRY(parseDictionary(checked, dict, dictSize, DictContentType::fullDict));
    // The layout again: the parsed content may have been cut to its tail.
    DictLayout l;
    HufTable dt;
    ZEST_TRY(parseDictionaryLayout(l, dt, dict, dictSize));
    return size_t(l.content - static_cast<const u8*>(dict));
}

}  // namespace zest
