// --train, --train-cover, --train-fastcover, --train-legacy: build a
// dictionary from the input files through zdict.h.
#pragma once

#include "options.h"

namespace zcli {

// Returns the exit status: 0, 1 (training failed), 3 (cannot write the
// dictionary), 14 (too few samples).
int runTraining(const Options& o);

}  // namespace zcli
