// Reading the numbers of the command line: decimal digits, optionally
// followed by a binary size suffix (K, KB, KiB, M, MB, MiB).
#pragma once

#include <cstdint>
#include <optional>

namespace zcli {

// Reads an unsigned value starting at `p` and advances `p` past the digits and
// any size suffix. No digits at all reads as 0 (like the reference CLI).
// A value above `maxValue` prints the overflow error and ends the program
// with status 1 (throws ExitRequest).
std::uint64_t readNumber(const char*& p, std::uint64_t maxValue);

// The same without the exit: nullopt when the value exceeds `maxValue`
// (`p` is then left somewhere inside the number).
std::optional<std::uint64_t> parseNumber(const char*& p, std::uint64_t maxValue);

// 32-bit flavour used by most options.
unsigned readU32(const char*& p);

// For "--option=VALUE": the whole VALUE must be a number with an optional
// suffix; anything else prints the "only numeric values" error and exits 1.
unsigned readU32Whole(const char* text);
std::uint64_t readSizeWhole(const char* text);

// Plain decimal digits without suffix support, for values like levels.
// Returns false when `p` does not start with a digit.
bool readPlainInt(const char*& p, unsigned& value);

}  // namespace zcli
