// Long-distance matching for frames on workers: the coordinator's history
// ring and the per-job match lists.
#include "compress/mt_ldm.h"

#include <cstring>

#include "common/alloc.h"
#include "common/error.h"

namespace zest {

namespace {

// Long matches are looked for this much of a job at a time.
constexpr size_t kScanChunk = size_t(1) << 20;
// The shortest piece of a long match cut at a block boundary that stays a match.
constexpr size_t kMinPart = 8;

// A buffer of at least `need` bytes (kept when large enough; contents lost otherwise).
template <class T>
bool reserve(const CustomMem& mem, T*& buf, size_t& capacityBytes, size_t need) {
    if (capacityBytes >= need) return true;
    memFree(mem, buf);
    buf = static_cast<T*>(memAlloc(mem, need));
    capacityBytes = buf ? need : 0;
    return buf != nullptr;
}

// Room for `need` matches, keeping those already there.
bool growMatches(const CustomMem& mem, JobLongMatches& j, size_t need) {
    if (need <= j.capacity) return true;
    size_t cap = j.capacity ? j.capacity : 1024;
    while (cap < need) cap *= 2;
    auto* m = static_cast<LdmMatch*>(memAlloc(mem, cap * sizeof(LdmMatch)));
    if (!m) return false;
    if (j.count) std::memcpy(m, j.matches, j.count * sizeof(LdmMatch));
    memFree(mem, j.matches);
    j.matches = m;
    j.capacity = cap;
    return true;
}

// A job's matches, given in order with their positions in the job, into
// per-block lists.
struct BlockLists {
    JobLongMatches& out;
    size_t blockSize;
    size_t block = 0;   // the block being listed
    size_t anchor = 0;  // where its next match's literals start (job position)

    // Blocks up to (not including) b are complete.
    void closeUpTo(size_t b) {
        for (; out.blocks < b; ++out.blocks) out.ends[out.blocks] = u32(out.count);
    }
    bool add(const CustomMem& mem, size_t pos, size_t length, u32 offset) {
        while (length) {
            const size_t b = pos / blockSize;
            const size_t blockEnd = (b + 1) * blockSize;
            const size_t part = pos + length < blockEnd ? length : blockEnd - pos;
            // Parts too short to pay for an offset stay literals.
            if (part >= kMinPart) {
                if (b != block) {
                    closeUpTo(b);
                    block = b;
                    anchor = b * blockSize;
                }
                if (!growMatches(mem, out, out.count + 1)) return false;
                out.matches[out.count++] = LdmMatch{u32(pos - anchor), u32(part), offset};
                anchor = pos + part;
            }
            pos += part;
            length -= part;
        }
        return true;
    }
};

}  // namespace

void JobLongMatches::release(const CustomMem& mem) {
    memFree(mem, matches);
    memFree(mem, ends);
    *this = JobLongMatches{};
}

size_t MtLongMatcher::begin(const LdmParams& p, unsigned windowLog, size_t jobSize, size_t overlap, size_t slots,
                            size_t blockSz, u32 limit, u64 pledged) {
    st.p = p;
    const size_t matchBytes = LdmState::matchBytes(p, kScanChunk);
    // Room for a whole window before every job wherever the ring wraps, and
    // for the jobs in flight (never overwritten while a worker reads them);
    // or for the whole frame, when that is smaller (it never wraps then).
    const size_t window = size_t(1) << windowLog;
    const size_t forWindow = window + 2 * jobSize + overlap;
    const size_t forJobs = (slots + 1) * (jobSize + overlap);
    size_t history = forWindow > forJobs ? forWindow : forJobs;
    if (pledged < history) history = size_t(pledged);
    if (!reserve(mem, tableAlloc, tableCapacity, LdmState::tableBytes(p) + kCacheLine) ||
        !reserve(mem, st.cursors, cursorCapacity, LdmState::cursorBytes(p)) ||
        !reserve(mem, st.matches, matchCapacity, matchBytes) || !reserve(mem, ring, ringCapacity, history))
        return ZEST_ERR(memory_allocation);
    st.table = alignUp(reinterpret_cast<LdmEntry*>(tableAlloc), kCacheLine);  // buckets on cache lines
    st.matchCapacity = matchBytes / sizeof(LdmMatch);
    st.clear();
    ringEnd = 0;
    w.clear();
    maxDist = u32(window);
    blockSize = blockSz;
    indexLimit = limit;
    return 0;
}

void MtLongMatcher::placeJob(size_t overlap, size_t maxJob, u8*& in, size_t& prefixSize) {
    size_t prefix = overlap < ringEnd ? overlap : ringEnd;
    if (ringEnd + maxJob > ringCapacity) {
        // No room left at the end: start over at the front, behind a copy of
        // the overlap (what was before becomes the window's older segment).
        std::memmove(ring, ring + ringEnd - prefix, prefix);
        ringEnd = prefix;
    }
    in = ring + ringEnd - prefix;
    prefixSize = prefix;
}

size_t MtLongMatcher::scanJob(size_t size, JobLongMatches& out) {
    out.count = 0;
    out.blocks = 0;
    const size_t blocks = (size + blockSize - 1) / blockSize;
    if (blocks > out.blockCapacity) {
        size_t bytes = out.blockCapacity * sizeof(u32);
        if (!reserve(mem, out.ends, bytes, blocks * sizeof(u32))) {
            out.blockCapacity = 0;
            return ZEST_ERR(memory_allocation);
        }
        out.blockCapacity = blocks;
    }
    // Into the window. After a wrap the job continues the stream's indices
    // (the overlap copied before it keeps those of the original, in the
    // older segment), and what the copy and the job overwrote at the ring's
    // front leaves the older segment.
    u8* const at = ring + ringEnd;
    w.update(at, size);
    ringEnd += size;
    if (w.indexOf(at + size) > indexLimit) {
        // Rebase, keeping all a position of this job can reach.
        const u32 keep = maxDist + kWindowStartIndex;
        const u32 start = w.indexOf(at);
        if (start > keep) {
            const u32 correction = start - keep;
            st.rebase(correction);
            w.rebase(correction);
        }
    }
    // Scanned in large chunks, so that matches run on across the worker's
    // blocks; those are then cut at block boundaries (the part in the next
    // block continues at the same offset, a repeat offset there).
    BlockLists lists{out, blockSize};
    for (size_t from = 0; from < size; from += kScanChunk) {
        const size_t n = size - from < kScanChunk ? size - from : kScanChunk;
        const size_t found = findLongMatches(st, w, w.lowLimit, maxDist, at + from, n);
        size_t pos = from;
        for (size_t i = 0; i < found; ++i) {
            const LdmMatch& m = st.matches[i];
            pos += m.litLength;
            if (!lists.add(mem, pos, m.matchLength, m.offset)) return ZEST_ERR(memory_allocation);
            pos += m.matchLength;
        }
    }
    lists.closeUpTo(blocks);
    return 0;
}

void MtLongMatcher::release() {
    memFree(mem, tableAlloc);
    memFree(mem, st.cursors);
    memFree(mem, st.matches);
    memFree(mem, ring);
    tableAlloc = nullptr;
    st.table = nullptr;
    st.cursors = nullptr;
    st.matches = nullptr;
    ring = nullptr;
    tableCapacity = cursorCapacity = matchCapacity = ringCapacity = 0;
}

}  // namespace zest
