// --adapt: the compression level follows the speed of the I/O. While
// compression waits for the workers (they are the bottleneck) the level goes
// down; while the workers wait for input or output the level goes up; within
// [min, max], one step per finished job, after the workers are first busy.
#pragma once

#include <chrono>

struct ZSTD_CCtx_s;

namespace zcli {

class LevelAdapter {
public:
    LevelAdapter(int level, int minLevel, int maxLevel, unsigned workers);
    // Time spent reading input, writing output, or inside ZSTD_compressStream2.
    enum class Phase { read, write, compress };
    class Timer {
    public:
        Timer(LevelAdapter* a, Phase p) : a_(a), p_(p), start_(std::chrono::steady_clock::now()) {}
        ~Timer();

    private:
        LevelAdapter* a_;
        Phase p_;
        std::chrono::steady_clock::time_point start_;
    };
    // After a round of I/O and compression: may change the context's level.
    void update(ZSTD_CCtx_s* cctx);
    int level() const { return level_; }

private:
    int level_, min_, max_;
    unsigned warmup_;  // jobs to wait before the first change
    unsigned lastJob_ = 0;
    double io_ = 0, compress_ = 0;  // seconds since the last decision
};

}  // namespace zcli
