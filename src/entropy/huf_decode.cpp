#include "entropy/huf_decode.h"

#include "common/bit_reader.h"
#include "common/cpu.h"
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
    // A complete prefix code has an even number (at least two) of longest codes.
    unsigned weightOnes = 0;
    for (size_t i = 0; i <= n; i++) weightOnes += weights[i] == 1;
    if (weightOnes < 2 || (weightOnes & 1)) return ZEST_ERR(corruption_detected);
    *maxBits = bits;
    return n + 1;
}

ZEST_FORCE_INLINE u8 decodeSymbol(BitReader& br, const HufTable::Cell* cells, unsigned tableLog) {
    const HufTable::Cell c = cells[br.peekFast(tableLog)];
    br.skip(c.nbBits);
    return c.symbol;
}

// Decode into [op, oend) with bounds-checked refills; the stream must end exactly.
ZEST_FORCE_INLINE size_t decodeTail(u8* op, u8* oend, BitReader& br, const HufTable& t) {
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
    table->hasCells2 = false;
    for (size_t s = 0; s < nbSymbols; s++) {
        const unsigned w = weights[s];
        if (!w) continue;
        const u32 span = u32(1) << (w - 1);
        const HufTable::Cell cell{u8(maxBits + 1 - w), u8(s)};
        HufTable::Cell* dst = table->cells + rankStart[w];
        if (span >= 4) {  // four cells per 8-byte store
            u16 c16;
            std::memcpy(&c16, &cell, 2);
            const u64 four = u64(c16) * 0x0001000100010001ull;
            for (u32 i = 0; i < span; i += 4) std::memcpy(dst + i, &four, 8);
        } else {
            for (u32 i = 0; i < span; i++) dst[i] = cell;
        }
        rankStart[w] += span;
    }
    return consumed;
}

size_t hufDecode1Stream(u8* dst, size_t dstSize, const void* src, size_t srcSize, const HufTable& table) {
    BitReader br;
    ZEST_TRY(br.init(src, srcSize));
    return decodeTail(dst, dst + dstSize, br, table);
}

namespace {

constexpr unsigned kCells2Log = kHufCells2Log;

}  // namespace

// Two symbols per cell wherever both codes fit in the 11 bits of the index.
void hufBuildCells2(HufTable& t) {
    const unsigned tl = t.tableLog;
    if (tl > kCells2Log) return;
    const unsigned drop = kCells2Log - tl;
    constexpr unsigned mask = (1u << kCells2Log) - 1;
    for (unsigned i = 0; i <= mask; i++) {
        const HufTable::Cell c1 = t.cells[i >> drop];
        const unsigned rest = (i << c1.nbBits) & mask;
        const HufTable::Cell c2 = t.cells[rest >> drop];
        if (c1.nbBits + c2.nbBits <= kCells2Log) {
            t.cells2[i] = HufTable::Cell2{u8(c1.nbBits + c2.nbBits), c1.symbol, c2.symbol, 2};
        } else {
            t.cells2[i] = HufTable::Cell2{c1.nbBits, c1.symbol, 0, 1};
        }
    }
    t.hasCells2 = true;
}

namespace {

// A stream in the hot loop: the window shifted so its next bit is bit 63,
// with a marker bit below the loaded data, so that the number of bits
// consumed since the load is the count of trailing zeros.
struct FastStream {
    u64 bits;
    const u8* ptr;
    const u8* start;

    void enter(const BitReader& br, const u8* streamStart) {
        ptr = br.position();
        start = streamStart;
        bits = (br.window() | 1) << br.consumed();
    }
    ZEST_FORCE_INLINE void refill() {
        const unsigned k = unsigned(__builtin_ctzll(bits));
        ptr -= k >> 3;
        bits = (readLE64(ptr) | 1) << (k & 7);
    }
    void leave(BitReader& br) const { br.resume(ptr, unsigned(__builtin_ctzll(bits))); }
};

// Single-symbol cells: variable index width, one byte per lookup.
template <int kSteps>
struct X1Decoder {
    const HufTable::Cell* cells;
    unsigned shift;
    static constexpr size_t kMaxOut = 1;
    static constexpr int kStepsPerRefill = kSteps;
    ZEST_FORCE_INLINE u8* step(FastStream& s, u8* op) const {
        u16 e;
        std::memcpy(&e, &cells[s.bits >> shift], 2);
        s.bits <<= (e & 63);
        *op = u8(e >> 8);
        return op + 1;
    }
};

// Double-symbol cells: fixed 11-bit index, two bytes written per lookup.
struct X2Decoder {
    const HufTable::Cell2* cells;
    unsigned shift;  // 64 - 11, kept in a register for a one-instruction shift
    static constexpr size_t kMaxOut = 2;
    static constexpr int kStepsPerRefill = 5;
    ZEST_FORCE_INLINE u8* step(FastStream& s, u8* op) const {
        u32 e;
        std::memcpy(&e, &cells[s.bits >> shift], 4);
        s.bits <<= (e & 63);
        writeLE16(op, u16(e >> 8));
        return op + (e >> 24);
    }
};

// Four interleaved streams. A refill leaves at least 57 bits: 5 lookups of
// up to 11 bits, or 4 of 12 bits, fit between refills, and a round moves each
// stream back by at most 7 bytes. Rounds are run in batches whose length is
// computed up front, so the inner loop has a single exit test.
template <class Decoder>
ZEST_FORCE_INLINE void decode4Fast(const Decoder& dec, FastStream* st, u8** op, u8* const* segEnd) {
    constexpr int kSteps = Decoder::kStepsPerRefill;
    constexpr size_t kRoom = kSteps * Decoder::kMaxOut;
    for (;;) {
        size_t rounds = ~size_t(0);
        for (int i = 0; i < 4; i++) {
            const size_t byOut = size_t(segEnd[i] - op[i]) / kRoom;
            const size_t byIn = st[i].ptr - st[i].start >= 8 ? size_t(st[i].ptr - st[i].start - 8) / 7 : 0;
            rounds = rounds < byOut ? rounds : byOut;
            rounds = rounds < byIn ? rounds : byIn;
        }
        if (rounds == 0) return;
        do {
            for (int k = 0; k < kSteps; k++) {
                op[0] = dec.step(st[0], op[0]);
                op[1] = dec.step(st[1], op[1]);
                op[2] = dec.step(st[2], op[2]);
                op[3] = dec.step(st[3], op[3]);
            }
            st[0].refill();
            st[1].refill();
            st[2].refill();
            st[3].refill();
        } while (--rounds);
    }
}

ZEST_FORCE_INLINE size_t decode4StreamsBody(u8* dst, size_t dstSize, const void* src, size_t srcSize,
                                            const HufTable& table) {
    if (srcSize < 10) return ZEST_ERR(corruption_detected);
    const u8* in = static_cast<const u8*>(src);
    const size_t len1 = readLE16(in), len2 = readLE16(in + 2), len3 = readLE16(in + 4);
    if (len1 + len2 + len3 + 6 >= srcSize) return ZEST_ERR(corruption_detected);
    const size_t len4 = srcSize - 6 - len1 - len2 - len3;
    const u8* const starts[4] = {in + 6, in + 6 + len1, in + 6 + len1 + len2, in + 6 + len1 + len2 + len3};
    const size_t lens[4] = {len1, len2, len3, len4};
    const size_t seg = (dstSize + 3) / 4;
    if (seg * 3 > dstSize) return ZEST_ERR(corruption_detected);
    u8* op[4] = {dst, dst + seg, dst + 2 * seg, dst + 3 * seg};
    u8* const segEnd[4] = {dst + seg, dst + 2 * seg, dst + 3 * seg, dst + dstSize};

    BitReader br[4];
    for (int i = 0; i < 4; i++) ZEST_TRY(br[i].init(starts[i], lens[i]));

    bool fast = table.tableLog > 0;
    for (int i = 0; i < 4; i++) fast = fast && lens[i] >= 16;
    if (fast) {
        FastStream st[4];
        for (int i = 0; i < 4; i++) st[i].enter(br[i], starts[i]);
        if (table.hasCells2) {
            unsigned shift = 64 - kCells2Log;
            asm("" : "+r"(shift));  // keep it a register: shrx beats mov+shr by an immediate
            decode4Fast(X2Decoder{table.cells2, shift}, st, op, segEnd);
        }
        else if (table.tableLog <= 11) decode4Fast(X1Decoder<5>{table.cells, 64 - table.tableLog}, st, op, segEnd);
        else decode4Fast(X1Decoder<4>{table.cells, 64 - table.tableLog}, st, op, segEnd);
        for (int i = 0; i < 4; i++) st[i].leave(br[i]);
    }
    for (int i = 0; i < 4; i++) ZEST_TRY(decodeTail(op[i], segEnd[i], br[i], table));
    return 0;
}

ZEST_NOINLINE size_t decode4StreamsDefault(u8* dst, size_t dstSize, const void* src, size_t srcSize,
                                           const HufTable& table) {
    return decode4StreamsBody(dst, dstSize, src, srcSize, table);
}
ZEST_NOINLINE ZEST_TARGET_BMI2 size_t decode4StreamsBmi2(u8* dst, size_t dstSize, const void* src, size_t srcSize,
                                                        const HufTable& table) {
    return decode4StreamsBody(dst, dstSize, src, srcSize, table);
}

}  // namespace

size_t hufDecode4Streams(u8* dst, size_t dstSize, const void* src, size_t srcSize, const HufTable& table,
                         bool bmi2) {
    return bmi2 ? decode4StreamsBmi2(dst, dstSize, src, srcSize, table)
                : decode4StreamsDefault(dst, dstSize, src, srcSize, table);
}

}  // namespace zest
