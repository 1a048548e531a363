// The loop shared by compression and decompression: decide where each
// input's output goes, open/close files safely, remove sources after
// success, and report totals.
#pragma once

#include <string>
#include <vector>

#include "operation.h"
#include "options.h"

namespace zcli {

// Processes every input with `op`. Returns the exit status of the run
// (0 when every file succeeded, 1 otherwise). Fatal errors propagate as
// FatalError / ExitRequest.
int processFiles(const std::vector<std::string>& inputs, const Options& o, FileOperation& op);

// True when the run writes to standard output (by -c, or stdin input with
// no -o); used for the display-level and pass-through defaults.
bool outputIsStdout(const std::vector<std::string>& inputs, const Options& o);

}  // namespace zcli
