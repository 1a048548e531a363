// Benchmark mode (-b#): compress and decompress in memory, level by level,
// verify the round trip, print ratio and speeds.
#pragma once

#include "options.h"

namespace zcli {

// Returns the exit status (0, or 1 after a message when an input cannot be
// loaded or a round trip fails). Library refusals throw FatalError.
int runBenchmark(const Options& o);

}  // namespace zcli
