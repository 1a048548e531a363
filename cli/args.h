// Command-line parsing: program-name presets and the option grammar.
#pragma once

#include <string>

#include "options.h"

namespace zcli {

// The basename of argv[0], used for presets and in the usage text.
std::string programBaseName(const char* argv0);

// Applies the behaviour implied by names like unzstd or zstdcat. A name
// matches an alias when equal to it or when it is the alias followed by '.'.
void applyProgramPreset(const std::string& programName, Options& opts);

// Parses argv[1..argc) into `opts`. Prints help / version / usage errors
// itself and throws ExitRequest when the program must stop right away.
void parseArguments(int argc, char** argv, const std::string& programName, Options& opts);

// "Incorrect parameter" message followed (at level >= 2) by the short usage
// on stderr; throws ExitRequest{1}.
[[noreturn]] void badUsage(const std::string& programName, const std::string& argument);

}  // namespace zcli
