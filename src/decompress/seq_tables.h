// Decoding tables for literal lengths, match lengths and offsets.
//
// Each cell folds the FSE transition and the code's meaning together, so
// decoding one field is a single 8-byte load: next-state base, bits for the
// next state, extra bits to read, and the baseline value of the code.
#pragma once
#include "common/error.h"
#include "common/mem.h"
#include "entropy/fse_decode.h"

namespace zest {

struct SeqCell {
    u16 nextStateBase;
    u8 nbAddBits;
    u8 nbBits;
    u32 baseValue;
};

constexpr unsigned kLLMaxCode = 35, kMLMaxCode = 52, kOFMaxCode = 31;
constexpr unsigned kLLMaxLog = 9, kMLMaxLog = 9, kOFMaxLog = 8;

enum class SeqKind { literalLength, matchLength, offset };

struct CodeMeaning {
    u32 base;
    u8 bits;
};

struct CodeTables {
    u32 llBase[36];
    u8 llBits[36];
    u32 mlBase[53];
    u8 mlBits[53];
};
inline constexpr CodeTables kCodes = {
    {0,  1,  2,  3,  4,  5,  6,  7,  8,  9,   10,  11,  12,  13,   14,   15,   16,   18,
     20, 22, 24, 28, 32, 40, 48, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768, 65536},
    {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 3, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16},
    {3,  4,  5,  6,  7,  8,  9,  10, 11, 12, 13, 14, 15,  16,  17,  18,   19,   20,   21,   22,    23,    24,    25,    26,   27,   28,   29,
     30, 31, 32, 33, 34, 35, 37, 39, 41, 43, 47, 51, 59, 67, 83, 99, 131, 259, 515, 1027, 2051, 4099, 8195, 16387, 32771, 65539},
    {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
     0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 3, 3, 4, 4, 5, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16},
};

template <SeqKind kKind>
constexpr CodeMeaning codeMeaning(unsigned code) {
    if constexpr (kKind == SeqKind::literalLength) return {kCodes.llBase[code], kCodes.llBits[code]};
    else if constexpr (kKind == SeqKind::matchLength) return {kCodes.mlBase[code], kCodes.mlBits[code]};
    else return {u32(1) << code, u8(code)};
}

// Build a decoding table from a normalized distribution.
template <SeqKind kKind>
constexpr void buildSeqTable(SeqCell* table, const short* norm, unsigned maxSymbol, unsigned tableLog) {
    buildFseTable(norm, maxSymbol, tableLog, [&](unsigned st, unsigned s, unsigned nb, unsigned base) {
        const CodeMeaning m = codeMeaning<kKind>(s);
        table[st] = SeqCell{u16(base), m.bits, u8(nb), m.base};
    });
}

// A one-state table that always yields `code` (RLE mode).
template <SeqKind kKind>
constexpr void buildSeqRleTable(SeqCell* table, unsigned code) {
    const CodeMeaning m = codeMeaning<kKind>(code);
    table[0] = SeqCell{0, m.bits, 0, m.base};
}

// The spec's default distributions (Predefined_Mode), shared with the encoder.
inline constexpr short kLLDefaultNorm[36] = {4, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 2, 2,
                                      2, 2, 2, 2, 2, 2, 2, 3, 2, 1, 1, 1, 1, 1, -1, -1, -1, -1};
inline constexpr short kMLDefaultNorm[53] = {1, 4, 3, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1, 1,
                                      1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, -1, -1, -1, -1, -1, -1, -1};
inline constexpr short kOFDefaultNorm[29] = {1, 1, 1, 1, 1, 1, 2, 2, 2, 1, 1, 1, 1, 1, 1,
                                      1, 1, 1, 1, 1, 1, 1, 1, 1, -1, -1, -1, -1, -1};
constexpr unsigned kLLDefaultMaxSymbol = 35, kMLDefaultMaxSymbol = 52, kOFDefaultMaxSymbol = 28;

// Tables used by Predefined_Mode, built at compile time from the spec's distributions.
struct PredefinedTables {
    SeqCell ll[1 << 6];
    SeqCell ml[1 << 6];
    SeqCell of[1 << 5];
};
extern const PredefinedTables kPredefined;
constexpr unsigned kLLPredefinedLog = 6, kMLPredefinedLog = 6, kOFPredefinedLog = 5;

// Entropy state carried from block to block (and loaded from dictionaries).
struct SeqTables {
    SeqCell ll[1 << kLLMaxLog];
    SeqCell ml[1 << kMLMaxLog];
    SeqCell of[1 << kOFMaxLog];
};

// Read one table description of the sequences section header.
// mode: 0 predefined, 1 RLE, 2 FSE, 3 repeat. On success *table points to
// the table to use (space, kPredefined, or unchanged for repeat) and *tableLog is set.
template <SeqKind kKind>
size_t readSeqTable(const SeqCell** table, unsigned* tableLog, SeqCell* space, unsigned mode, const void* src,
                    size_t srcSize);

}  // namespace zest
