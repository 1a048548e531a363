// Decoding tables for literal lengths, match lengths and offsets.
//
// Each cell folds the FSE transition and the code's meaning together, so
// decoding one field is a single 8-byte load: next-state base, bits for the
// next state, extra bits to read, and the baseline value of the code.
#pragma once
#include "common/error.h"
#include "common/mem.h"
#include "entropy/fse_decode.h"
#include "format/sequence_codes.h"

namespace zest {

struct SeqCell {
    u16 nextStateBase;
    u8 nbAddBits;
    u8 nbBits;
    u32 baseValue;
};

enum class SeqKind { literalLength, matchLength, offset };

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

// Tables used by Predefined_Mode, built at compile time from the spec's distributions.
struct PredefinedTables {
    SeqCell ll[1 << 6];
    SeqCell ml[1 << 6];
    SeqCell of[1 << 5];
};
extern const PredefinedTables kPredefined;

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
