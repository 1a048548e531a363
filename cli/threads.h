// How many worker threads compression uses: -T#, -T0 (cores detected,
// physical or logical), --single-thread, ZSTD_NBTHREADS, and 1.5.7's default.
#pragma once
#include "options.h"

namespace zcli {

unsigned logicalCores();
// Distinct (package, core) pairs of /proc/cpuinfo; the logical count where unknown.
unsigned physicalCores();
// ZSTD_c_nbWorkers for these settings (0: no worker, I/O and compression in
// turn). With `note`, -T0 says at -v how many cores it found.
unsigned compressionWorkers(const CompressSettings& c, bool note = true);

}  // namespace zcli
