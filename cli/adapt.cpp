#define ZSTD_STATIC_LINKING_ONLY
#include "adapt.h"

#include <zstd.h>

#include "messages.h"

namespace zcli {

LevelAdapter::LevelAdapter(int level, int minLevel, int maxLevel, unsigned workers)
    : level_(level < minLevel ? minLevel : level > maxLevel ? maxLevel : level),
      min_(minLevel),
      max_(maxLevel),
      warmup_(workers + 1) {}

LevelAdapter::Timer::~Timer() {
    if (!a_) return;
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    (p_ == Phase::compress ? a_->compress_ : a_->io_) += s;
}

void LevelAdapter::update(ZSTD_CCtx_s* cctx) {
    const ZSTD_frameProgression p = ZSTD_getFrameProgression(cctx);
    if (p.currentJobID <= lastJob_) return;
    lastJob_ = p.currentJobID;
    if (p.currentJobID <= warmup_) {
        io_ = compress_ = 0;
        return;
    }
    int next = level_;
    // Blocked in the library longer than in I/O: the workers cannot keep up.
    if (compress_ > io_ * 1.25) next = level_ - 1;
    // The workers idle while I/O runs: they can afford more work.
    else if (io_ > compress_ * 2) next = level_ + 1;
    if (next == 0) next = next < level_ ? -1 : 1;  // level 0 means "default": skipped
    if (next < min_) next = min_;
    if (next > max_) next = max_;
    io_ = compress_ = 0;
    if (next == level_) return;
    displayAt(6, "adapt: level %i -> %i\n", level_, next);
    level_ = next;
    ZSTD_CCtx_setParameter(cctx, ZSTD_c_compressionLevel, level_);
}

}  // namespace zcli
