// Sequence facts of the format (RFC 8878, "Sequences Section") that both
// directions use: the largest codes and table logs, what each literal-length
// and match-length code stands for, and the predefined distributions.
#pragma once
#include "common/mem.h"

namespace zest {

constexpr unsigned kLLMaxCode = 35, kMLMaxCode = 52, kOFMaxCode = 31;
constexpr unsigned kLLMaxLog = 9, kMLMaxLog = 9, kOFMaxLog = 8;

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

// The spec's default distributions (Predefined_Mode).
inline constexpr short kLLDefaultNorm[36] = {4, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 2, 2,
                                      2, 2, 2, 2, 2, 2, 2, 3, 2, 1, 1, 1, 1, 1, -1, -1, -1, -1};
inline constexpr short kMLDefaultNorm[53] = {1, 4, 3, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1, 1,
                                      1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, -1, -1, -1, -1, -1, -1, -1};
inline constexpr short kOFDefaultNorm[29] = {1, 1, 1, 1, 1, 1, 2, 2, 2, 1, 1, 1, 1, 1, 1,
                                      1, 1, 1, 1, 1, 1, 1, 1, 1, -1, -1, -1, -1, -1};
constexpr unsigned kLLDefaultMaxSymbol = 35, kMLDefaultMaxSymbol = 52, kOFDefaultMaxSymbol = 28;

constexpr unsigned kLLPredefinedLog = 6, kMLPredefinedLog = 6, kOFPredefinedLog = 5;

}  // namespace zest
