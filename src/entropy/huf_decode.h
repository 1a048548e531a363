// Huffman decoding of literals: table description, 1-stream and 4-stream decoders.
#pragma once
#include "common/error.h"
#include "common/mem.h"

namespace zest {

constexpr unsigned kHufMaxTableLog = 11;
constexpr unsigned kHufMaxSymbolValue = 255;

// Single-symbol decoding table: the next tableLog bits of the stream index a
// cell holding the symbol and its code length.
struct HufTable {
    struct Cell {
        u8 symbol;
        u8 nbBits;
    };
    unsigned tableLog = 0;
    Cell cells[1u << kHufMaxTableLog];
};

// Read a Huffman tree description and build the table. Returns bytes read or an error.
size_t readHufTable(HufTable* table, const void* src, size_t srcSize);

// Decode exactly dstSize symbols from one stream / from four streams with a jump table.
size_t hufDecode1Stream(u8* dst, size_t dstSize, const void* src, size_t srcSize, const HufTable& table);
size_t hufDecode4Streams(u8* dst, size_t dstSize, const void* src, size_t srcSize, const HufTable& table);

}  // namespace zest
