// FSE (tANS) table descriptions and decoding tables.
#pragma once
#include <cstring>
#include <type_traits>

#include "common/error.h"
#include "common/mem.h"

namespace zest {

constexpr unsigned kFseMaxTableLog = 9;     // largest accuracy log any zstd table may use
constexpr unsigned kFseMinTableLog = 5;
constexpr unsigned kFseMaxSymbolValue = 255;

// Read a normalized distribution ("FSE table description").
// norm[0..*maxSymbol] receives the counts (-1 = "less than 1"). On entry
// *maxSymbol is the largest symbol allowed; on exit the largest present.
// Returns the number of bytes read or an error.
size_t readNormalizedCounts(short* norm, unsigned* maxSymbol, unsigned* tableLog, unsigned maxTableLog,
                            const void* src, size_t srcSize);

// One decoding-table cell of the generic FSE decoder (Huffman weights).
struct FseCell {
    u16 nextStateBase;
    u8 symbol;
    u8 nbBits;
};

// Spread the symbols of a distribution over the table (the spec's build rule)
// and compute, for each state, its symbol, bit count and next-state base.
// `emit(state, symbol, nbBits, nextStateBase)` is called once per state.
template <class Emit>
constexpr void buildFseTable(const short* norm, unsigned maxSymbol, unsigned tableLog, Emit&& emit) {
    const unsigned tableSize = 1u << tableLog;
    const unsigned mask = tableSize - 1;
    const unsigned step = (tableSize >> 1) + (tableSize >> 3) + 3;
    // Left uninitialized: every cell of the table and every present symbol's
    // count is written before it is read (a valid distribution fills the table).
    u8 symbolAt[1u << kFseMaxTableLog];
    u16 nextCount[kFseMaxSymbolValue + 1];
    unsigned high = tableSize - 1;
    for (unsigned s = 0; s <= maxSymbol; s++) {
        if (norm[s] == -1) {
            symbolAt[high--] = u8(s);
            nextCount[s] = 1;
        } else {
            nextCount[s] = u16(norm[s]);
        }
    }
    if (high == tableSize - 1 && !std::is_constant_evaluated()) {
        // No "less than 1" cells: the k-th cell handed out lands at k*step,
        // so lay the symbols out in order first, then scatter without checks.
        u8 ordered[(1u << kFseMaxTableLog) + 8];
        size_t n = 0;
        for (unsigned s = 0; s <= maxSymbol; s++) {
            const u64 fill = u64(s) * 0x0101010101010101ull;
            for (int i = 0; i < norm[s]; i += 8) std::memcpy(ordered + n + size_t(i), &fill, 8);
            n += size_t(norm[s] > 0 ? norm[s] : 0);
        }
        unsigned pos = 0;
        for (unsigned k = 0; k < tableSize; k += 2) {
            symbolAt[pos] = ordered[k];
            symbolAt[(pos + step) & mask] = ordered[k + 1];
            pos = (pos + 2 * step) & mask;
        }
    } else {
        unsigned pos = 0;
        for (unsigned s = 0; s <= maxSymbol; s++) {
            for (int i = 0; i < norm[s]; i++) {
                symbolAt[pos] = u8(s);
                do pos = (pos + step) & mask;
                while (pos > high);
            }
        }
    }
    for (unsigned state = 0; state < tableSize; state++) {
        const unsigned s = symbolAt[state];
        const unsigned next = nextCount[s]++;
        const unsigned nbBits = tableLog - (31u - unsigned(__builtin_clz(next)));
        emit(state, s, nbBits, (next << nbBits) - tableSize);
    }
}

// Decode Huffman weights: an FSE stream with two interleaved states.
// Returns the number of weights written to out (at most outCapacity) or an error.
size_t decodeFseWeights(u8* out, size_t outCapacity, const void* src, size_t srcSize, unsigned maxTableLog);

}  // namespace zest
