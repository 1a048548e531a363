// Building the list of inputs of a run: command-line names, --filelist
// contents, -r directory expansion and symbolic-link filtering.
#pragma once

#include <string>
#include <vector>

#include "options.h"

namespace zcli {

// Returns the inputs to process ("-" for stdin when none were named).
// Prints warnings for skipped names; throws ExitRequest when the run must
// stop (unreadable file list: 1, everything filtered out: 1, empty
// directories only: 0).
std::vector<std::string> gatherInputs(const Options& o);

}  // namespace zcli
