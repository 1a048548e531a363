// The codes of literal and match lengths (RFC 8878, "Sequences Section"):
// below these thresholds a table gives the code; above, the code is the length's
// highest bit plus a constant (the format's baselines double from there on).
#pragma once
#include "format/sequence_codes.h"

namespace zest {

struct LengthCodeTables {
    u8 ll[64];   // by literal length
    u8 ml[131];  // by match length (3..130)
};
constexpr LengthCodeTables makeLengthCodeTables() {
    LengthCodeTables t{};
    unsigned code = 0;
    for (unsigned v = 0; v < 64; ++v) {
        while (code + 1 <= kLLMaxCode && kCodes.llBase[code + 1] <= v) ++code;
        t.ll[v] = u8(code);
    }
    code = 0;
    for (unsigned v = 3; v < 131; ++v) {
        while (code + 1 <= kMLMaxCode && kCodes.mlBase[code + 1] <= v) ++code;
        t.ml[v] = u8(code);
    }
    return t;
}
inline constexpr LengthCodeTables kLengthCodes = makeLengthCodeTables();
constexpr unsigned kLLDeltaCode = 19, kMLDeltaCode = 36;
static_assert(kCodes.llBase[kLLDeltaCode + 6] == 64 && kCodes.mlBase[kMLDeltaCode + 7] == 131);

// highBit32(v) for v > 0, as clz ^ 31: a single bsr even when a constant is
// added (31 - clz is left as bsr, xor, sub).
ZEST_FORCE_INLINE unsigned topBit(u32 v) { return unsigned(__builtin_clz(v)) ^ 31u; }

ZEST_FORCE_INLINE unsigned llCode(const LengthCodeTables& t, u32 litLength) {
    return litLength < 64 ? t.ll[litLength] : topBit(litLength) + kLLDeltaCode;
}
ZEST_FORCE_INLINE unsigned mlCode(const LengthCodeTables& t, u32 matchLength) {
    return matchLength < 131 ? t.ml[matchLength] : topBit(matchLength - 3) + kMLDeltaCode;
}

}  // namespace zest
