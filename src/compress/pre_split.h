// Pre-splitting (ZSTD_c_blockSplitterLevel): before a full block is parsed,
// it may end early where the statistics of its bytes change, so that each
// block's entropy tables fit its own data. Decided on byte histograms of
// 8 KiB chunks, sampled more densely at higher efforts.
#pragma once
#include <cstddef>

#include "common/mem.h"
#include "compress/params.h"

namespace zest {

// The effort for ZSTD_c_blockSplitterLevel `level` (0: by strategy, 1:
// never, 2..6): -1 never, 0 compares the block's two halves, 1..4 walk its
// chunks sampled every 43, 11, 5 and 1 bytes.
int preSplitEffort(int level, Strategy s);

// How many bytes of the full block at src (kBlockSizeMax bytes) to compress
// as one block: a multiple of the chunk size, or all of it.
size_t preSplitBlock(const u8* src, size_t size, int effort);

}  // namespace zest
