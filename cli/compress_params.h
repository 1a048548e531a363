// Turning the command line's compression settings into context parameters;
// shared by file compression and the benchmark.
#pragma once

#include <zstd.h>

#include <cstdint>

#include "options.h"

namespace zcli {

// Highest level accepted without --ultra.
inline constexpr int kMaxLevelWithoutUltra = 19;

// The level of a compression run: -# / --fast / ZSTD_CLEVEL, lowered to 19
// (22 with --ultra) with the reference's warning.
int compressionLevel(const Options& o);

enum class FrameUse { files, benchmark };

// Sets the level and every tuning option of the command line on `cctx`
// (frame flags, --long, --max, --zstd=..., literal/row-match/block-size
// switches, --size-hint). Benchmark frames carry no checksum, like the
// reference's. Library refusals are fatal (error 11). Never sets worker
// threads: the library runs single-threaded.
void configureCCtx(ZSTD_CCtx* cctx, const Options& o, int level, FrameUse use);

// Prints the parameters the level selects for a source of `srcSize` bytes
// (ZSTD_CONTENTSIZE_UNKNOWN when unknown), like --show-default-cparams.
void showDefaultCParams(const char* name, std::uint64_t srcSize, int level, size_t dictSize);

}  // namespace zcli
