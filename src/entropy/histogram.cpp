#include "entropy/histogram.h"

#include <cstring>

namespace zest {

namespace {

// Below this size a single table is cheaper than clearing and merging four.
constexpr size_t kSingleTableMax = 1500;

ZEST_FORCE_INLINE u32 finish(const u32* counts, unsigned limit, unsigned* maxSymbol) {
    u32 largest = 0;
    unsigned top = 0;
    for (unsigned s = 0; s <= limit; s++) {
        const u32 c = counts[s];
        largest = c > largest ? c : largest;
        top = c ? s : top;
    }
    *maxSymbol = top;
    return largest;
}

// Four interleaved tables, 16 inputs per round; each 4-byte word is loaded
// one step ahead of its use.
ZEST_FORCE_INLINE void count4(u32 (*t)[256], const u8* ip, size_t size) {
    const u8* const end = ip + size;
    if (size >= 20) {
        u32 cur = readLE32(ip);
        while (end - ip >= 20) {
            u32 next = readLE32(ip + 4);
            t[0][u8(cur)]++;
            t[1][u8(cur >> 8)]++;
            t[2][u8(cur >> 16)]++;
            t[3][cur >> 24]++;
            cur = readLE32(ip + 8);
            t[0][u8(next)]++;
            t[1][u8(next >> 8)]++;
            t[2][u8(next >> 16)]++;
            t[3][next >> 24]++;
            next = readLE32(ip + 12);
            t[0][u8(cur)]++;
            t[1][u8(cur >> 8)]++;
            t[2][u8(cur >> 16)]++;
            t[3][cur >> 24]++;
            cur = readLE32(ip + 16);
            t[0][u8(next)]++;
            t[1][u8(next >> 8)]++;
            t[2][u8(next >> 16)]++;
            t[3][next >> 24]++;
            ip += 16;
        }
    }
    while (ip < end) t[0][*ip++]++;
}

}  // namespace

u32 countBytes(u32* counts, unsigned* maxSymbol, const void* src, size_t size, HistogramWorkspace& ws) {
    const u8* ip = static_cast<const u8*>(src);
    if (size <= kSingleTableMax) {
        std::memset(counts, 0, 256 * sizeof(u32));
        for (size_t i = 0; i < size; i++) counts[ip[i]]++;
        return finish(counts, 255, maxSymbol);
    }
    std::memset(ws.tables, 0, sizeof ws.tables);
    count4(ws.tables, ip, size);
    for (unsigned s = 0; s < 256; s++)
        counts[s] = ws.tables[0][s] + ws.tables[1][s] + ws.tables[2][s] + ws.tables[3][s];
    return finish(counts, 255, maxSymbol);
}

u32 countSymbolsSimple(u32* counts, unsigned* maxSymbol, const u8* codes, size_t size, unsigned symbolLimit) {
    std::memset(counts, 0, (symbolLimit + 1) * sizeof(u32));
    for (size_t i = 0; i < size; i++) {
        const unsigned c = codes[i];
        if (c <= symbolLimit) counts[c]++;
    }
    return finish(counts, symbolLimit, maxSymbol);
}

u32 countSymbols(u32* counts, unsigned* maxSymbol, const u8* codes, size_t size, unsigned symbolLimit,
                 HistogramWorkspace& ws) {
    if (symbolLimit > 255) symbolLimit = 255;
    if (size <= kSingleTableMax) return countSymbolsSimple(counts, maxSymbol, codes, size, symbolLimit);
    // Codes above the limit land in counters that are neither cleared nor summed.
    for (int t = 0; t < 4; t++) std::memset(ws.tables[t], 0, (symbolLimit + 1) * sizeof(u32));
    count4(ws.tables, codes, size);
    for (unsigned s = 0; s <= symbolLimit; s++)
        counts[s] = ws.tables[0][s] + ws.tables[1][s] + ws.tables[2][s] + ws.tables[3][s];
    return finish(counts, symbolLimit, maxSymbol);
}

bool isSingleByteRun(const void* src, size_t size) {
    if (size == 0) return false;
    const u8* ip = static_cast<const u8*>(src);
    const u64 pattern = u64(ip[0]) * 0x0101010101010101ull;
    size_t i = 0;
    for (; i + 32 <= size; i += 32) {
        const u64 x = (readLE64(ip + i) ^ pattern) | (readLE64(ip + i + 8) ^ pattern) |
                      (readLE64(ip + i + 16) ^ pattern) | (readLE64(ip + i + 24) ^ pattern);
        if (x) return false;
    }
    for (; i + 8 <= size; i += 8)
        if (readLE64(ip + i) != pattern) return false;
    for (; i < size; i++)
        if (ip[i] != ip[0]) return false;
    return true;
}

}  // namespace zest
