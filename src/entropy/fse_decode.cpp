#include "entropy/fse_decode.h"

#include "common/bit_reader.h"

namespace zest {

size_t readNormalizedCounts(short* norm, unsigned* maxSymbolPtr, unsigned* tableLogPtr, unsigned maxTableLog,
                            const void* src, size_t srcSize) {
    if (srcSize < 1) return ZEST_ERR(srcSize_wrong);
    const u8* in = static_cast<const u8*>(src);
    // Bits past the end read as zero; a description that needs them is
    // rejected at the end by comparing its length with srcSize.
    auto peek32 = [&](size_t pos) -> u32 {
        const size_t byte = pos >> 3;
        u32 v;
        if (byte + 4 <= srcSize) {
            v = readLE32(in + byte);
        } else {
            v = 0;
            for (size_t i = 0; i < 4 && byte + i < srcSize; i++) v |= u32(in[byte + i]) << (8 * i);
        }
        return v >> (pos & 7);
    };
    const unsigned maxSymbol = *maxSymbolPtr;
    const unsigned tableLog = (in[0] & 0xF) + kFseMinTableLog;
    if (tableLog > maxTableLog) return ZEST_ERR(tableLog_tooLarge);

    size_t bitPos = 4;  // from the start of `in`
    int remaining = (1 << tableLog) + 1;  // probability points left, plus one
    int threshold = 1 << tableLog;
    unsigned nbBits = tableLog + 1;
    unsigned symbol = 0;
    bool previousZero = false;

    while (remaining > 1 && symbol <= maxSymbol) {
        if (previousZero) {
            // Runs of zero probabilities: 2-bit repeat flags, 3 means "and more".
            unsigned n0 = symbol;
            for (;;) {
                const unsigned flag = peek32(bitPos) & 3;
                bitPos += 2;
                n0 += flag;
                if (flag != 3) break;
            }
            if (n0 > maxSymbol + 1) return ZEST_ERR(maxSymbolValue_tooSmall);
            if (bitPos > 8 * srcSize) return ZEST_ERR(srcSize_wrong);
            while (symbol < n0) norm[symbol++] = 0;
            previousZero = false;
            if (symbol > maxSymbol) break;
        }
        const u32 bits = peek32(bitPos);
        const int max = (2 * threshold - 1) - remaining;  // values below use one bit less
        int count;
        if (int(bits & u32(threshold - 1)) < max) {
            count = int(bits & u32(threshold - 1));
            bitPos += nbBits - 1;
        } else {
            count = int(bits & u32(2 * threshold - 1));
            if (count >= threshold) count -= max;
            bitPos += nbBits;
        }
        count--;  // stored value is probability + 1
        remaining -= count < 0 ? -count : count;
        if (remaining < 1) return ZEST_ERR(corruption_detected);  // total went above the table size
        norm[symbol++] = short(count);
        previousZero = count == 0;
        while (remaining < threshold) {
            nbBits--;
            threshold >>= 1;
        }
    }
    if (remaining != 1) return ZEST_ERR(corruption_detected);
    if (symbol == 0) return ZEST_ERR(corruption_detected);
    const size_t bytes = (bitPos + 7) >> 3;
    if (bytes > srcSize) return ZEST_ERR(srcSize_wrong);
    *maxSymbolPtr = symbol - 1;
    *tableLogPtr = tableLog;
    return bytes;
}

size_t decodeFseWeights(u8* out, size_t outCapacity, const void* src, size_t srcSize, unsigned maxTableLog) {
    short norm[kFseMaxSymbolValue + 1];
    unsigned maxSymbol = kFseMaxSymbolValue;
    unsigned tableLog = 0;
    const size_t hdr = readNormalizedCounts(norm, &maxSymbol, &tableLog, maxTableLog, src, srcSize);
    if (isError(hdr)) return hdr;
    if (hdr >= srcSize) return ZEST_ERR(srcSize_wrong);

    FseCell table[1u << kFseMaxTableLog];
    buildFseTable(norm, maxSymbol, tableLog, [&](unsigned st, unsigned s, unsigned nb, unsigned base) {
        table[st] = FseCell{u16(base), u8(s), u8(nb)};
    });

    BitReader br;
    const size_t r = br.init(static_cast<const u8*>(src) + hdr, srcSize - hdr);
    if (isError(r)) return r;
    unsigned s1 = unsigned(br.read(tableLog));
    br.reload();
    unsigned s2 = unsigned(br.read(tableLog));
    // A stream too short to hold both initial states is corrupt (not zero-filled).
    if (br.reload() == BitReader::kOverflow) return ZEST_ERR(corruption_detected);

    // Alternate the two states. While the reader has plenty of input left,
    // four symbols (at most 4 x 6 bits) fit between refills.
    size_t n = 0;
    while (n + 4 + 2 <= outCapacity && br.reload() == BitReader::kUnfinished) {
        out[n] = table[s1].symbol;
        s1 = table[s1].nextStateBase + unsigned(br.read(table[s1].nbBits));
        out[n + 1] = table[s2].symbol;
        s2 = table[s2].nextStateBase + unsigned(br.read(table[s2].nbBits));
        out[n + 2] = table[s1].symbol;
        s1 = table[s1].nextStateBase + unsigned(br.read(table[s1].nbBits));
        out[n + 3] = table[s2].symbol;
        s2 = table[s2].nextStateBase + unsigned(br.read(table[s2].nbBits));
        n += 4;
    }
    // Near the start of the stream: when a state update would read past it,
    // the remaining symbols are those of the final states.
    for (;;) {
        if (n + 2 > outCapacity) return ZEST_ERR(corruption_detected);
        out[n++] = table[s1].symbol;
        s1 = table[s1].nextStateBase + unsigned(br.read(table[s1].nbBits));
        if (br.reload() == BitReader::kOverflow) {
            out[n++] = table[s2].symbol;
            break;
        }
        if (n + 2 > outCapacity) return ZEST_ERR(corruption_detected);
        out[n++] = table[s2].symbol;
        s2 = table[s2].nextStateBase + unsigned(br.read(table[s2].nbBits));
        if (br.reload() == BitReader::kOverflow) {
            out[n++] = table[s1].symbol;
            break;
        }
    }
    return n;
}

}  // namespace zest
