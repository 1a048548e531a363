// FSE (tANS) encoding: normalization, table descriptions, encoding tables
// and the state encoder.
//
// Terms. A distribution over symbols 0..maxSymbol is "normalized" to a table
// of L = 2^tableLog states: norm[s] states for symbol s (norm[s] == -1 means
// one state, placed by the "less than 1" rule of the spec). The decoder owns a
// state in [0, L); reading a symbol then nbBits bits moves it to the next
// state. The encoder runs the same automaton backwards: it keeps the state as
// x = L + decoderState in [L, 2L), emits the low bits of x and jumps to the
// state the decoder was in before. Symbols are therefore encoded in reverse
// order and the state is written out last, so the decoder reads it first.
//
// Encoding tables are built from the decoder's own spreading routine
// (buildFseTable in fse_decode.h), so both sides agree on every state.
#pragma once
#include "common/bit_writer.h"
#include "common/error.h"
#include "common/mem.h"
#include "entropy/fse_decode.h"

namespace zest {

// Per-symbol encoding parameters.
//  nbBits to emit from state x: (x + deltaNbBits) >> 16, which is either
//    maxNb or maxNb - 1 with maxNb = tableLog - highBit(n) (n = state count);
//  next state: stateTable[(x >> nbBits) + deltaFindState].
// deltaNbBits == 0 marks a symbol with no state (norm 0): it cannot be encoded.
struct FseSymbolTransform {
    u32 deltaNbBits;
    i32 deltaFindState;
};

// An encoding table. stateTable lists, symbol by symbol and in increasing
// decoder-state order, the values L + state. Entries of symbols above
// maxSymbol are undefined. 3 KiB; callers keep it (e.g. for repeat mode).
struct FseCTable {
    unsigned tableLog = 0;
    unsigned maxSymbol = 0;
    u16 stateTable[1u << kFseMaxTableLog];
    FseSymbolTransform symbols[kFseMaxSymbolValue + 1];
};

// Accuracy log for a table describing srcSize symbols with values up to
// maxSymbol: small inputs get small tables (cheaper descriptions), but never
// fewer states than needed for every symbol to get one. Result is within
// [kFseMinTableLog, min(maxTableLog, kFseMaxTableLog)].
unsigned fseOptimalTableLog(unsigned maxTableLog, size_t srcSize, unsigned maxSymbol);

// Normalize counts[0..maxSymbol] (total = their sum, > 0) to 2^tableLog
// states (tableLog in 5..9). Every present symbol gets at least one state;
// the split maximizes sum(count[s] * log2(norm[s])), i.e. minimizes the
// encoded size, exactly (proportional rounding, then unit moves between
// symbols until no move helps). With lowProbMinusOne, present symbols whose
// share is below one state and that get exactly one are written as -1
// ("less than 1"). Their own cost is unchanged (one state either way), but
// they are laid out at the top of the table, which leaves the low states
// (which emit fewer bits) to the frequent symbols: measured about 0.7%
// smaller on Zipf-like streams of 500..20000 codes, up to 5% on skewed ones.
// The decoder's table build takes a slower path for such tables.
// norm[0..maxSymbol] is written. Returns tableLog, or an error
// (GENERIC: bad arguments or more present symbols than states).
size_t fseNormalizeCounts(short* norm, unsigned tableLog, const u32* counts, size_t total, unsigned maxSymbol,
                          bool lowProbMinusOne = true);

// Largest size writeNormalizedCounts can produce for these parameters.
constexpr size_t fseNormalizedCountsBound(unsigned maxSymbol, unsigned tableLog) {
    return (size_t(maxSymbol + 1) * (tableLog + 2) + 4 + 7) / 8 + 2;
}

// Write the table description ("FSE table description" of the spec) of
// norm[0..maxSymbol]; readNormalizedCounts parses it back exactly. Symbols
// after the last non-zero one are implicit. Returns the size in bytes,
// dstSize_tooSmall, or GENERIC if norm does not sum to 2^tableLog.
size_t fseWriteNormalizedCounts(void* dst, size_t dstCapacity, const short* norm, unsigned maxSymbol,
                                unsigned tableLog);

// Build the encoding table of a normalized distribution (tableLog 5..9).
// Returns 0 or an error (GENERIC if the distribution does not sum to
// 2^tableLog or tableLog is out of range).
size_t fseBuildCTable(FseCTable* ct, const short* norm, unsigned maxSymbol, unsigned tableLog);

// Table of RLE mode: one state, always `symbol`, zero bits per symbol. Lets a
// later block repeat an RLE table with the same encoder code path.
void fseBuildCTableRle(FseCTable* ct, unsigned symbol);

// Estimated size in bits of coding counts[0..maxSymbol] with a distribution
// (sum of count * (tableLog - log2(norm)), 1/65536-bit accuracy, rounded up;
// excludes the final state and the description). Returns an error (GENERIC)
// if a present symbol has no state, so it doubles as a validity test.
size_t fseCostBits(const short* norm, unsigned tableLog, const u32* counts, unsigned maxSymbol);
// Same for an existing encoding table (repeat mode).
size_t fseCTableCostBits(const FseCTable& ct, const u32* counts, unsigned maxSymbol);

// ---- State encoder ----------------------------------------------------------
//
// Usage for symbols s[0..n) that the decoder will read in order:
//   fseInitState(st, ct, s[n-1]);
//   for i = n-2 down to 0: fseEncodeSymbol(bw, st, s[i]); (flush the writer as needed)
//   fseFlushState(bw, st);
// Each encodeSymbol adds at most tableLog bits, flushState exactly tableLog.
// Several states can share a writer; the one flushed last is read first.

// One table pointer: the state and symbol tables sit at fixed offsets from it,
// so a loop running several states keeps one base register per state.
struct FseState {
    u64 value;  // L + decoder state
    const FseCTable* table;
};

// Number of states of a symbol in a table (0 if absent).
ZEST_FORCE_INLINE unsigned fseStateCount(const FseCTable& ct, unsigned symbol) {
    const u32 delta = ct.symbols[symbol].deltaNbBits;
    if (delta == 0) return 0;
    const u32 maxNb = (delta + 0xFFFF) >> 16;
    return ((maxNb << 16) - delta) >> maxNb;
}

// Start with a state of `symbol` (the last symbol the decoder will read).
// It picks the symbol's lowest state: the cheapest start, and one from which
// the decoder reads at least one bit (the two-state weight decoder relies on it).
ZEST_FORCE_INLINE void fseInitState(FseState& st, const FseCTable& ct, unsigned symbol) {
    st.table = &ct;
    const unsigned n = fseStateCount(ct, symbol);
    st.value = ct.stateTable[i32(n) + ct.symbols[symbol].deltaFindState];
}

ZEST_FORCE_INLINE void fseEncodeSymbol(BitWriter& bw, FseState& st, unsigned symbol) {
    const FseSymbolTransform t = st.table->symbols[symbol];
    const u32 nb = (u32(st.value) + t.deltaNbBits) >> 16;
    bw.addBits(st.value, nb);
    // (x >> nb) lies in [n, 2n) for a symbol of n states, so the index is never
    // negative: unsigned 32-bit arithmetic gives it, already zero-extended.
    st.value = st.table->stateTable[u32(st.value >> nb) + u32(t.deltaFindState)];
}

ZEST_FORCE_INLINE void fseFlushState(BitWriter& bw, const FseState& st) { bw.addBits(st.value, st.table->tableLog); }

// Encode src[0..n) (n >= 2) with two interleaved states, the layout of
// FSE-compressed Huffman weights: even positions use the first state, odd ones
// the second; the first state is read first. Returns the stream size, 0 if it
// does not fit, or an error for n < 2.
size_t fseCompressTwoStates(void* dst, size_t dstCapacity, const u8* src, size_t n, const FseCTable& ct);

}  // namespace zest
