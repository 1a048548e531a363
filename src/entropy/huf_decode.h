// Huffman decoding of literals: table description, 1-stream and 4-stream decoders.
#pragma once
#include "common/error.h"
#include "common/mem.h"

namespace zest {

// The format caps code lengths at 11 bits; the reference decoder accepts 12,
// so we do too (frames it decodes must decode here).
constexpr unsigned kHufMaxTableLog = 12;
constexpr unsigned kHufCells2Log = 11;  // index width of double-symbol cells
constexpr unsigned kHufMaxSymbolValue = 255;

// Single-symbol decoding table: the next tableLog bits of the stream index a
// cell holding the symbol and its code length.
struct HufTable {
    // Bit count first: loaded as one word, its low bits are the shift count
    // (x86 shifts ignore the rest) and its high byte the symbol.
    struct Cell {
        u8 nbBits;
        u8 symbol;
    };
    // Double-symbol cells, indexed by the next 11 bits: one or two symbols
    // (low byte first), the bits they use and how many bytes they produce.
    struct Cell2 {
        u8 nbBits;
        u8 symbol1;
        u8 symbol2;
        u8 count;
    };
    unsigned tableLog = 0;
    bool hasCells2 = false;  // cells2 built for the current table (lazily)
    Cell cells[1u << kHufMaxTableLog];
    Cell2 cells2[1u << kHufCells2Log];
};

// Read a Huffman tree description and build the table. Returns bytes read or an error.
size_t readHufTable(HufTable* table, const void* src, size_t srcSize);

// Decode exactly dstSize symbols from one stream / from four streams with a jump table.
size_t hufDecode1Stream(u8* dst, size_t dstSize, const void* src, size_t srcSize, const HufTable& table);
// Uses the double-symbol cells when the table has them.
size_t hufDecode4Streams(u8* dst, size_t dstSize, const void* src, size_t srcSize, const HufTable& table,
                         bool bmi2);

// Build the double-symbol cells of a table (worth it for a few KiB of
// literals); does nothing for tables with 12-bit codes.
void hufBuildCells2(HufTable& table);

}  // namespace zest
