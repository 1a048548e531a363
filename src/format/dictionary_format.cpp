#include "format/dictionary_format.h"

#include "entropy/fse_decode.h"

namespace zest {
namespace {

size_t readFseDescription(DictFseTable& t, const u8*& ip, const u8* end, unsigned maxCode, unsigned maxLog) {
    t.maxSymbol = maxCode;
    t.tableLog = 0;
    const size_t n = readNormalizedCounts(t.norm, &t.maxSymbol, &t.tableLog, maxLog, ip, size_t(end - ip));
    if (isError(n) || t.tableLog > maxLog || t.maxSymbol > maxCode) return ZEST_ERR(dictionary_corrupted);
    ip += n;
    return 0;
}

}  // namespace

size_t parseDictionaryLayout(DictLayout& out, HufTable& huf, const void* dict, size_t size) {
    const u8* const start = static_cast<const u8*>(dict);
    const u8* const end = start + size;
    out = DictLayout{};
    out.dictID = readLE32(start + 4);
    const u8* ip = start + 8;
    const size_t h = readHufTable(&huf, ip, size_t(end - ip));
    if (isError(h)) return ZEST_ERR(dictionary_corrupted);
    ip += h;
    ZEST_TRY(readFseDescription(out.of, ip, end, kOFMaxCode, kOFMaxLog));
    ZEST_TRY(readFseDescription(out.ml, ip, end, kMLMaxCode, kMLMaxLog));
    ZEST_TRY(readFseDescription(out.ll, ip, end, kLLMaxCode, kLLMaxLog));
    if (end - ip < 12) return ZEST_ERR(dictionary_corrupted);
    for (int i = 0; i < 3; ++i) out.rep[i] = readLE32(ip + 4 * i);
    ip += 12;
    out.content = ip;
    out.contentSize = size_t(end - ip);
    for (u32 r : out.rep)
        if (r == 0 || r > out.contentSize) return ZEST_ERR(dictionary_corrupted);
    return 0;
}

}  // namespace zest
