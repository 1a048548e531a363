// Long-distance matching for frames on workers (mt_compress.cpp). A job's
// worker sees only the job and its overlap, but long matches reach the whole
// window: the coordinator keeps the window's history in a ring, finds each
// job's long matches block by block before the job is queued, and the worker
// takes them instead of searching (block_compress.cpp). Their offsets may
// reach before the worker's data; the worker never reads there.
#pragma once
#include "common/alloc.h"
#include "common/mem.h"
#include "compress/ldm.h"

namespace zest {

// The long matches of one job, per block of blockSize bytes from the job's
// start (the blocks the worker compresses): block b's matches are
// matches[b ? ends[b - 1] : 0 .. ends[b]), litLength counted from the block's
// start or the match before in the same block.
struct JobLongMatches {
    LdmMatch* matches = nullptr;
    size_t count = 0, capacity = 0;
    u32* ends = nullptr;
    size_t blocks = 0, blockCapacity = 0;

    // Block b's matches (none past the last block).
    const LdmMatch* block(size_t b, size_t& n) const {
        if (b >= blocks) {
            n = 0;
            return matches;
        }
        const size_t from = b ? ends[b - 1] : 0;
        n = ends[b] - from;
        return matches + from;
    }
    void release(const CustomMem& mem);
    size_t bytes() const { return capacity * sizeof(LdmMatch) + blockCapacity * sizeof(u32); }
};

// The coordinator's side: the history ring, its window and the LDM table.
// The ring also holds the jobs in flight: each job is filled in place right
// after its overlap (the bytes before it), and workers read it there.
struct MtLongMatcher {
    CustomMem mem{};
    LdmState st;
    u8* tableAlloc = nullptr;  // st.table, aligned inside it
    size_t tableCapacity = 0, cursorCapacity = 0, matchCapacity = 0;  // allocated bytes
    u8* ring = nullptr;
    size_t ringCapacity = 0;
    size_t ringEnd = 0;  // where the next job's source goes
    Window w;
    u32 maxDist = 0;
    size_t blockSize = 0;
    u32 indexLimit = 0;

    // A frame of `pledged` bytes (kContentSizeUnknown: unknown) begins:
    // tables for `p`, a ring for a window of 2^windowLog and `slots` jobs in
    // flight of up to jobSize bytes after `overlap` bytes (buffers kept when
    // large enough).
    size_t begin(const LdmParams& p, unsigned windowLog, size_t jobSize, size_t overlap, size_t slots,
                 size_t blockSize, u32 indexLimit, u64 pledged);
    // Where the next job (at most maxJob bytes) goes: `in` and its overlap
    // (the last `overlap` bytes before it at most).
    void placeJob(size_t overlap, size_t maxJob, u8*& in, size_t& prefixSize);
    // The job's `size` source bytes are in place: into the window, and its
    // long matches into out.
    size_t scanJob(size_t size, JobLongMatches& out);
    void release();
    size_t bytes() const { return tableCapacity + cursorCapacity + matchCapacity + ringCapacity; }
};

}  // namespace zest
