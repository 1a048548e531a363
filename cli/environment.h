// Defaults taken from the environment before the command line is read:
// ZSTD_CLEVEL (compression level) and ZSTD_NBTHREADS (worker count).
#pragma once

#include "options.h"

namespace zcli {

// Applies the variables that are set and valid; warns about (and ignores)
// the others. Command-line options parsed afterwards override them.
void applyEnvironment(Options& o);

}  // namespace zcli
