// Parsing of compression dictionaries ("Dictionary Format" of the spec).
#include "compress/dict_content.h"

#include "decompress/frame.h"
#include "decompress/seq_tables.h"
#include "entropy/huf_decode.h"

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

// Read one FSE table description of a dictionary into an encoding table. A
// table coding every symbol up to the stream's maximum can be reused blindly.
size_t loadSeqTable(FseCTable& ct, RepeatMode& repeat, const u8*& ip, const u8* end, unsigned maxCode,
                    unsigned maxLog, unsigned validUpTo) {
    short norm[kFseMaxSymbolValue + 1];
    unsigned maxSymbol = maxCode, tableLog = 0;
    const size_t n = readNormalizedCounts(norm, &maxSymbol, &tableLog, maxLog, ip, size_t(end - ip));
    if (isError(n) || tableLog > maxLog || maxSymbol > maxCode) return ZEST_ERR(dictionary_corrupted);
    if (isError(fseBuildCTable(&ct, norm, maxSymbol, tableLog))) return ZEST_ERR(dictionary_corrupted);
    bool complete = maxSymbol >= validUpTo;
    for (unsigned s = 0; complete && s <= validUpTo; ++s) complete = norm[s] != 0;
    repeat = complete ? RepeatMode::valid : RepeatMode::check;
    ip += n;
    return 0;
}

}  // namespace

size_t parseDictionary(DictContent& out, const void* dict, size_t dictSize, DictContentType type) {
    out = DictContent{};
    const u8* const start = static_cast<const u8*>(dict);
    const bool hasMagic = dictSize >= 8 && readLE32(start) == kMagicDictionary;
    if (type == DictContentType::fullDict && !hasMagic) return ZEST_ERR(dictionary_wrong);
    if (type == DictContentType::rawContent || !hasMagic) {
        if (dictSize >= 8) {
            out.content = start;
            out.contentSize = dictSize;
            keepTail(out);
        }
        return 0;
    }

    const u8* ip = start + 8;
    const u8* const end = start + dictSize;
    out.dictID = readLE32(start + 4);
    EntropyTables& e = out.entropy;

    HufTable dt;
    const size_t hSize = readHufTable(&dt, ip, size_t(end - ip));
    if (isError(hSize)) return ZEST_ERR(dictionary_corrupted);
    if (isError(hufCTableFromDTable(&e.huf, dt))) return ZEST_ERR(dictionary_corrupted);
    ip += hSize;
    {
        u32 all[256];
        for (u32& c : all) c = 1;
        e.hufRepeat = hufCanEncode(e.huf, all, 255) ? RepeatMode::valid : RepeatMode::check;
    }

    // Offsets first, then match lengths, then literal lengths.
    ZEST_TRY(loadSeqTable(e.of, e.ofRepeat, ip, end, kOFMaxCode, kOFMaxLog, 0));
    ZEST_TRY(loadSeqTable(e.ml, e.mlRepeat, ip, end, kMLMaxCode, kMLMaxLog, kMLMaxCode));
    ZEST_TRY(loadSeqTable(e.ll, e.llRepeat, ip, end, kLLMaxCode, kLLMaxLog, kLLMaxCode));
    if (end - ip < 12) return ZEST_ERR(dictionary_corrupted);
    for (int i = 0; i < 3; ++i) out.rep[i] = readLE32(ip + 4 * i);
    ip += 12;
    out.content = ip;
    out.contentSize = size_t(end - ip);
    for (u32 r : out.rep)
        if (r == 0 || r > out.contentSize) return ZEST_ERR(dictionary_corrupted);
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

}  // namespace zest
