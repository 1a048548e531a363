// Texts printed by -h, -H/--help and -V/--version.
#pragma once

#include <cstdio>

namespace zcli {

// Version of the zstd CLI this program stands in for.
inline constexpr const char* kCliVersion = "1.5.7";

// "*** Zstandard CLI (64-bit) v1.5.7, by ... ***", as the reference prints it.
const char* banner();
void printVersion(std::FILE* out, int displayLevel);
void printShortUsage(std::FILE* out, const char* programName);
void printLongHelp(std::FILE* out, const char* programName);

}  // namespace zcli
