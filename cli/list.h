// --list: frame information about zstd files.
#pragma once

#include <string>
#include <vector>

#include "options.h"

namespace zcli {

// Prints the table (or the verbose blocks) for the inputs of `o`; returns the exit
// status (1 when any file could not be listed).
int listFiles(const Options& o);

}  // namespace zcli
