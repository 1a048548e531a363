// Symbol histograms for the entropy coders.
//
// Counting bytes with a single table stalls whenever the same symbol repeats:
// each increment waits for the previous store to the same counter. The
// counters are therefore spread over four tables (consecutive bytes go to
// different tables) and summed at the end. The tables live in a caller-owned
// workspace; nothing here allocates.
#pragma once
#include "common/mem.h"

namespace zest {

struct HistogramWorkspace {
    u32 tables[4][256];
};

// Count the bytes of src[0..size). Writes counts[0..255], sets *maxSymbol to
// the largest byte value present (0 when size == 0) and returns the largest
// count (0 when size == 0).
u32 countBytes(u32* counts, unsigned* maxSymbol, const void* src, size_t size, HistogramWorkspace& ws);

// Count small-alphabet codes (sequence codes, Huffman weights). Every code
// must be <= symbolLimit (<= 255): larger values are not counted. Writes
// counts[0..symbolLimit], sets *maxSymbol to the largest code present (0 when
// size == 0) and returns the largest count.
u32 countSymbols(u32* counts, unsigned* maxSymbol, const u8* codes, size_t size, unsigned symbolLimit,
                 HistogramWorkspace& ws);

// Same without a workspace, for short inputs (a single table, no interleaving).
u32 countSymbolsSimple(u32* counts, unsigned* maxSymbol, const u8* codes, size_t size, unsigned symbolLimit);

// True when size >= 1 and every byte equals the first (an RLE block candidate).
bool isSingleByteRun(const void* src, size_t size);

// True when one symbol accounts for the whole input, i.e. the largest count
// reported by a histogram equals the number of symbols counted (and is non-zero).
// Such inputs are sent as RLE (literals, sequence tables) rather than entropy coded.
constexpr bool isSingleSymbol(u32 largestCount, size_t total) { return total != 0 && largestCount == total; }

}  // namespace zest
