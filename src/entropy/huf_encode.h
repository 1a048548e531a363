// Huffman encoding of literals: length-limited code construction, canonical
// codes in the decoder's convention, table descriptions, 1- and 4-stream
// encoders and size estimates.
//
// Conventions shared with huf_decode.cpp. A symbol coded on nbBits bits has
// weight maxBits + 1 - nbBits (0 = absent), maxBits being the longest code.
// The decoder sorts symbols by weight, then by value, and gives the lowest
// weights (longest codes) the lowest ranges of its 2^maxBits-cell table; a
// symbol's code is the first cell of its range shifted right by
// (maxBits - nbBits). Codes are read most significant bit first out of the
// backward bitstream, so writing a code as an nbBits-bit field in the forward
// writer is all it takes; symbols are written last to first.
#pragma once
#include "common/error.h"
#include "common/mem.h"
#include "entropy/fse_encode.h"
#include "entropy/huf_decode.h"

namespace zest {

// The format's limit on code lengths (the decoder also tolerates 12).
constexpr unsigned kHufMaxCodeBits = 11;
// Largest size of a table description (1 header byte + 128 bytes of 4-bit weights).
constexpr size_t kHufMaxDescriptionSize = 129;

// An encoding table. entries[s] = (code << (64 - nbBits)) | nbBits, the code
// left-aligned so the 1-stream loop can shift it in from the top of its
// container; 0 for symbols without a code (and all symbols above maxSymbol).
struct HufCTable {
    unsigned maxBits = 0;    // longest code length (the decoder's table log)
    unsigned maxSymbol = 0;  // largest symbol with a code
    u64 entries[kHufMaxSymbolValue + 1];
};

ZEST_FORCE_INLINE unsigned hufNbBits(const HufCTable& ct, unsigned symbol) { return unsigned(ct.entries[symbol] & 0xFF); }
ZEST_FORCE_INLINE unsigned hufCode(const HufCTable& ct, unsigned symbol) {
    const u64 e = ct.entries[symbol];
    const unsigned nb = unsigned(e & 0xFF);
    return nb ? unsigned(e >> (64 - nb)) : 0;
}

// Scratch space of code construction and description writing (about 12 KiB).
struct HufWorkspace {
    u32 sortedCount[kHufMaxSymbolValue + 2];
    u8 sortedSymbol[kHufMaxSymbolValue + 1];
    u32 tmpCount[kHufMaxSymbolValue + 1];
    u8 tmpSymbol[kHufMaxSymbolValue + 1];
    u32 buckets[kHufMaxSymbolValue + 2];  // sort classes or radix counters, then package-merge counts
    u32 nodes[2 * (kHufMaxSymbolValue + 1) + 2];
    u16 parent[2 * (kHufMaxSymbolValue + 1)];
    u32 packages[kHufMaxSymbolValue + 2];
    u64 packageBits[kHufMaxCodeBits + 1][(2 * (kHufMaxSymbolValue + 1) + 63) / 64];
    u8 weights[kHufMaxSymbolValue + 1];
    u8 fseOut[kHufMaxDescriptionSize + 16];
    FseCTable weightTable;
};

// A maximum code length for srcSize literals: 11, or two bits under
// log2(srcSize) for small inputs (a shorter table description, and faster
// decoding tables), never below what maxSymbol + 1 symbols need.
unsigned hufSuggestMaxBits(size_t srcSize, unsigned maxSymbol);

// Code lengths for counts[0..maxSymbol] (at least two present symbols), none
// longer than maxBits (1..11, raised if needed to fit the symbol count).
// nbBits[0..maxSymbol] receives the lengths (0 for absent symbols).
// Huffman's algorithm gives the optimal code; when it is deeper than maxBits:
//  - exact == false: lengths are clamped and the Kraft sum repaired by moving
//    the cheapest symbols; if that ends more than 1/256 + min(1/64, 32 bytes)
//    above Huffman's cost (a lower bound of the optimum), package-merge is run
//    instead. So the result is always within that much of the optimum; on
//    real data the repair alone is within about 0.01%;
//  - exact == true: always package-merge, the optimal length-limited code
//    (2-3 times slower; the gain is a few bytes per block at best).
// Returns the longest length, or an error (GENERIC: fewer than two symbols).
size_t hufBuildCodeLengths(u8* nbBits, const u32* counts, unsigned maxSymbol, unsigned maxBits, HufWorkspace& ws,
                           bool exact = false);

// Canonical codes for lengths nbBits[0..maxSymbol] that form a complete
// prefix code (Kraft sum exactly 1, longest <= 11). Returns 0 or GENERIC.
size_t hufBuildCTableFromLengths(HufCTable* ct, const u8* nbBits, unsigned maxSymbol);

// Both steps. Returns the longest code length (= ct->maxBits) or an error.
size_t hufBuildCTable(HufCTable* ct, const u32* counts, unsigned maxSymbol, unsigned maxBits, HufWorkspace& ws,
                      bool exact = false);

// Encoding table of a decoding table (e.g. a dictionary's literal table read
// with readHufTable). Fails (GENERIC) for tables with 12-bit codes.
size_t hufCTableFromDTable(HufCTable* ct, const HufTable& dt);

// Write the table description ("Huffman tree description"): weights of
// symbols 0..maxSymbol-1 (the last one is implied), FSE-compressed when that
// is smaller (at most 127 bytes, accuracy log <= 6), else as 4-bit fields
// (at most 128 weights). Returns its size, dstSize_tooSmall, or GENERIC when
// neither representation applies (more than 128 weights that do not compress
// below 128 bytes: the caller should not Huffman-code these literals).
size_t hufWriteCTable(void* dst, size_t dstCapacity, const HufCTable& ct, HufWorkspace& ws);

// Encode src[0..srcSize) as one stream. Every byte must have a code. Returns
// the stream size or 0 if it does not fit in dstCapacity. bmi2: use the
// BMI2 build of the loop (pass cpuHasBmi2(), cached by the caller).
size_t hufCompress1Stream(void* dst, size_t dstCapacity, const void* src, size_t srcSize, const HufCTable& ct,
                          bool bmi2);

// Four streams over segments of (srcSize + 3) / 4 bytes (the last one gets
// the rest), after a jump table of three little-endian 16-bit stream sizes.
// Returns the total size, 0 if it does not fit (or a stream exceeds 65535
// bytes), or srcSize_wrong when the segment rule leaves the last segment
// negative (srcSize 1, 2 or 5; use one stream below a few hundred bytes anyway).
size_t hufCompress4Streams(void* dst, size_t dstCapacity, const void* src, size_t srcSize, const HufCTable& ct,
                           bool bmi2);

// Bits / bytes (rounded up) the payload of counts[0..maxSymbol] takes with a
// table, excluding stream end marks and jump table. Symbols without a code
// are ignored: check hufCanEncode first.
size_t hufEstimateBits(const HufCTable& ct, const u32* counts, unsigned maxSymbol);
inline size_t hufEstimateBytes(const HufCTable& ct, const u32* counts, unsigned maxSymbol) {
    return (hufEstimateBits(ct, counts, maxSymbol) + 7) >> 3;
}

// True if every present symbol of counts[0..maxSymbol] has a code in ct
// (the condition for reusing a previous block's table: treeless literals).
bool hufCanEncode(const HufCTable& ct, const u32* counts, unsigned maxSymbol);

}  // namespace zest
