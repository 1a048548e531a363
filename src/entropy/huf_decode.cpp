#include "entropy/huf_decode.h"

#include "common/bit_reader.h"
#include "entropy/fse_decode.h"

namespace zest {

namespace {

constexpr unsigned kWeightsFseMaxTableLog = 6;

// Fill weights[0..n) and derive the implicit last weight. Returns the number of
// symbols (last one included) and sets *maxBits, or an error.
size_t completeWeights(u8* weights, size_t n, unsigned* maxBits) {
    if (n == 0 || n > kHufMaxSymbolValue) return ZEST_ERR(corruption_detected);
    u32 total = 0;
    for (size_t i = 0; i < n; i++) {
        if (weights[i] > kHufMaxTableLog) return ZEST_ERR(corruption_detected);
        if (weights[i]) total += u32(1) << (weights[i] - 1);
    }
    if (total == 0) return ZEST_ERR(corruption_detected);
    const unsigned bits = highBit32(total) + 1;
    if (bits > kHufMaxTableLog) return ZEST_ERR(corruption_detected);
    const u32 rest = (u32(1) << bits) - total;
    if (rest & (rest - 1)) return ZEST_ERR(corruption_detected);  // not a power of two
    weights[n] = u8(highBit32(rest) + 1);
    *maxBits = bits;
    return n + 1;
}

ZEST_FORCE_INLINE u8 decodeSymbol(BitReader& br, const HufTable::Cell* cells, unsigned tableLog) {
    const HufTable::Cell c = cells[br.peekFast(tableLog)];
    br.skip(c.nbBits);
    return c.symbol;
}

// Decode into [op, oend) with bounds-checked refills; the stream must end exactly.
size_t decodeTail(u8* op, u8* oend, BitReader& br, const HufTable& t) {
    const HufTable::Cell* cells = t.cells;
    const unsigned tl = t.tableLog;
    // While the reader can refill fast, 4 symbols fit in one window.
    while (oend - op >= 4 && br.reload() == BitReader::kUnfinished) {
        op[0] = decodeSymbol(br, cells, tl);
        op[1] = decodeSymbol(br, cells, tl);
        op[2] = decodeSymbol(br, cells, tl);
        op[3] = decodeSymbol(br, cells, tl);
        op += 4;
    }
    while (op < oend) {
        // Every code is at least one bit long: a drained window is corruption.
        if (br.reload() == BitReader::kOverflow || br.consumed() >= 64) return ZEST_ERR(corruption_detected);
        *op++ = decodeSymbol(br, cells, tl);
    }
    br.reload();
    if (!br.finished()) return ZEST_ERR(corruption_detected);
    return 0;
}

}  // namespace

size_t readHufTable(HufTable* table, const void* src, size_t srcSize) {
    if (srcSize < 1) return ZEST_ERR(srcSize_wrong);
    const u8* in = static_cast<const u8*>(src);
    u8 weights[kHufMaxSymbolValue + 2];
    size_t nbWeights;
    size_t consumed;
    const unsigned header = in[0];
    if (header >= 128) {
        nbWeights = header - 127;
        consumed = 1 + (nbWeights + 1) / 2;
        if (consumed > srcSize) return ZEST_ERR(srcSize_wrong);
        for (size_t i = 0; i < nbWeights; i += 2) {
            const u8 b = in[1 + i / 2];
            weights[i] = b >> 4;
            weights[i + 1] = b & 15;
        }
    } else {
        consumed = 1 + header;
        if (consumed > srcSize) return ZEST_ERR(srcSize_wrong);
        nbWeights = decodeFseWeights(weights, kHufMaxSymbolValue, in + 1, header, kWeightsFseMaxTableLog);
        if (isError(nbWeights)) return nbWeights;
    }
    unsigned maxBits = 0;
    const size_t nbSymbols = completeWeights(weights, nbWeights, &maxBits);
    if (isError(nbSymbols)) return nbSymbols;

    // Canonical codes: symbols sorted by weight then value, the lowest weight
    // taking the lowest table range. Each weight w spans 2^(w-1) cells.
    u32 rankStart[kHufMaxTableLog + 2] = {0};
    u32 count[kHufMaxTableLog + 1] = {0};
    for (size_t s = 0; s < nbSymbols; s++) count[weights[s]]++;
    u32 next = 0;
    for (unsigned w = 1; w <= maxBits; w++) {
        rankStart[w] = next;
        next += count[w] << (w - 1);
    }
    table->tableLog = maxBits;
    for (size_t s = 0; s < nbSymbols; s++) {
        const unsigned w = weights[s];
        if (!w) continue;
        const u32 span = u32(1) << (w - 1);
        const HufTable::Cell cell{u8(s), u8(maxBits + 1 - w)};
        HufTable::Cell* dst = table->cells + rankStart[w];
        for (u32 i = 0; i < span; i++) dst[i] = cell;
        rankStart[w] += span;
    }
    return consumed;
}

size_t hufDecode1Stream(u8* dst, size_t dstSize, const void* src, size_t srcSize, const HufTable& table) {
    BitReader br;
    ZEST_TRY(br.init(src, srcSize));
    return decodeTail(dst, dst + dstSize, br, table);
}

size_t hufDecode4Streams(u8* dst, size_t dstSize, const void* src, size_t srcSize, const HufTable& table) {
    if (srcSize < 10) return ZEST_ERR(corruption_detected);
    const u8* in = static_cast<const u8*>(src);
    const size_t len1 = readLE16(in), len2 = readLE16(in + 2), len3 = readLE16(in + 4);
    if (len1 + len2 + len3 + 6 >= srcSize) return ZEST_ERR(corruption_detected);
    const size_t len4 = srcSize - 6 - len1 - len2 - len3;
    const u8* s1 = in + 6;
    const u8* s2 = s1 + len1;
    const u8* s3 = s2 + len2;
    const u8* s4 = s3 + len3;
    const size_t seg = (dstSize + 3) / 4;
    if (seg * 3 > dstSize) return ZEST_ERR(corruption_detected);
    u8* op1 = dst;
    u8* op2 = op1 + seg;
    u8* op3 = op2 + seg;
    u8* op4 = op3 + seg;
    u8* const oend = dst + dstSize;

    BitReader b1, b2, b3, b4;
    ZEST_TRY(b1.init(s1, len1));
    ZEST_TRY(b2.init(s2, len2));
    ZEST_TRY(b3.init(s3, len3));
    ZEST_TRY(b4.init(s4, len4));

    const HufTable::Cell* cells = table.cells;
    const unsigned tl = table.tableLog;
    // Hot loop: all four readers refill without bounds checks, and every
    // segment has room for 5 more symbols (a window holds 5 codes of 11 bits).
    if (tl > 0) {
        while (oend - op4 >= 5 && b1.canReloadFast() && b2.canReloadFast() && b3.canReloadFast() &&
               b4.canReloadFast()) {
            for (int k = 0; k < 5; k++) {
                op1[k] = decodeSymbol(b1, cells, tl);
                op2[k] = decodeSymbol(b2, cells, tl);
                op3[k] = decodeSymbol(b3, cells, tl);
                op4[k] = decodeSymbol(b4, cells, tl);
            }
            op1 += 5; op2 += 5; op3 += 5; op4 += 5;
            b1.reload(); b2.reload(); b3.reload(); b4.reload();
        }
    }
    ZEST_TRY(decodeTail(op1, dst + seg, b1, table));
    ZEST_TRY(decodeTail(op2, dst + 2 * seg, b2, table));
    ZEST_TRY(decodeTail(op3, dst + 3 * seg, b3, table));
    ZEST_TRY(decodeTail(op4, oend, b4, table));
    return 0;
}

}  // namespace zest
