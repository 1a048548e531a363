// The output of a match finder for one block: the literals, in order, and one
// entry per sequence (literal run + match). The entropy stage turns it into
// the block's literals and sequences sections.
#pragma once
#include <cstring>

#include "common/mem.h"

namespace zest {

// offBase follows the format's Offset_Value: 1..3 name a repeat offset (whose
// meaning depends on litLength being 0, exactly as the decoder reads it),
// larger values are offset + 3.
struct SeqDef {
    u32 litLength;
    u32 matchLength;
    u32 offBase;
};

constexpr u32 kRepMove = 3;
constexpr u32 offsetToOffBase(size_t offset) { return u32(offset + kRepMove); }
constexpr u32 kRep1 = 1;  // "the most recent offset" when litLength > 0

// Literal buffers carry this much slack so literals can be copied in 16-byte steps.
constexpr size_t kLiteralSlack = 32;

struct SeqStore {
    SeqDef* seqStart = nullptr;
    SeqDef* seq = nullptr;
    u8* litStart = nullptr;
    u8* lit = nullptr;

    void reset() {
        seq = seqStart;
        lit = litStart;
    }
    size_t nbSeq() const { return size_t(seq - seqStart); }
    size_t litSize() const { return size_t(lit - litStart); }

    // Append litLength literals from `literals` then a match. litEnd bounds the
    // readable input: literals are copied 16 bytes at a time when that stays
    // within it (the buffer has kLiteralSlack bytes of slack).
    ZEST_FORCE_INLINE void add(size_t litLength, const u8* literals, const u8* litEnd, u32 offBase,
                               size_t matchLength) {
        if (ZEST_LIKELY(literals + litLength + 16 <= litEnd)) {
            copy16(lit, literals);
            if (litLength > 16) {
                for (size_t i = 16; i < litLength; i += 16) copy16(lit + i, literals + i);
            }
        } else {
            std::memcpy(lit, literals, litLength);
        }
        lit += litLength;
        *seq++ = SeqDef{u32(litLength), u32(matchLength), offBase};
    }

    void addLastLiterals(const u8* literals, size_t n) {
        std::memcpy(lit, literals, n);
        lit += n;
    }
};

// The offset a sequence's offBase stands for, given the history before it.
inline u32 resolveOffset(const u32 rep[3], u32 offBase, bool litLengthZero) {
    if (offBase > kRepMove) return offBase - kRepMove;
    const u32 repCode = offBase - 1 + (litLengthZero ? 1 : 0);  // 0..3
    return repCode == 3 ? rep[0] - 1 : rep[repCode];
}

// The cheapest offBase for `offset` given the history: a repeat code where
// the decoder's history holds it (litLength 0 shifts the codes).
inline u32 offBaseForOffset(const u32 rep[3], u32 offset, bool litLengthZero) {
    if (!litLengthZero) {
        for (u32 r = 0; r < 3; ++r)
            if (offset == rep[r]) return r + 1;
    } else {
        if (offset == rep[1]) return 1;
        if (offset == rep[2]) return 2;
        if (offset == rep[0] - 1) return 3;
    }
    return offsetToOffBase(offset);
}

// Repeat-offset history update for one sequence, as the decoder does it.
inline void updateRepHistory(u32 rep[3], u32 offBase, bool litLengthZero) {
    if (offBase > kRepMove) {
        rep[2] = rep[1];
        rep[1] = rep[0];
        rep[0] = offBase - kRepMove;
        return;
    }
    const u32 repCode = offBase - 1 + (litLengthZero ? 1 : 0);  // 0..3
    if (repCode == 0) return;
    const u32 offset = repCode == 3 ? rep[0] - 1 : rep[repCode];
    if (repCode != 1) rep[2] = rep[1];
    rep[1] = rep[0];
    rep[0] = offset;
}

}  // namespace zest
