// The COVER selection, shared by the exact (cover) and hashed (fastCover)
// trainers. From Liao, Petri, Moffat and Wirth, "Effective Construction of
// Relative Lempel-Ziv Dictionaries" (WWW 2016): a d-mer's worth is how often
// the samples hold it; a segment of k bytes is worth the sum over the distinct
// d-mers it holds; the dictionary is the best segments, and a d-mer counts
// only for the first segment that takes it.
//
// `Keys` numbers the d-mer at each position: `u32 operator()(size_t pos)`.
// Each key has a Slot: its worth (zeroed as segments take it) and how many
// times the current window holds it (zero between calls). The two share a
// cache line: the scan is bound by one random access per position.
#pragma once
#include <cstddef>
#include <cstring>

#include "common/mem.h"

namespace zest {

struct Slot {
    u32 worth;
    u32 inWindow;
};

struct Segment {
    size_t begin = 0, end = 0;  // d-mer positions [begin, end)
    u64 score = 0;
};

// The best segment of at most k - d + 1 d-mers in [begin, end), trimmed of
// worthless d-mers at both ends; its d-mers stop counting.
template <class Keys>
Segment takeBestSegment(const Keys& key, Slot* slots, size_t begin, size_t end, unsigned k, unsigned d) {
    const size_t window = k - d + 1;
    constexpr size_t kAhead = 16;  // keys are known in advance: fetch their slots early
    Segment best{begin, begin, 0};
    u64 score = 0;
    size_t start = begin;
    for (size_t p = begin; p < end; ++p) {
        if (p + kAhead < end) __builtin_prefetch(&slots[key(p + kAhead)], 1);
        // Whether a d-mer enters or leaves the window's set is data-dependent
        // and unpredictable: masks, not branches.
        Slot& in = slots[key(p)];
        score += u64(in.worth) & (u64(0) - u64(in.inWindow++ == 0));
        if (p + 1 - start > window) {
            Slot& out = slots[key(start++)];
            score -= u64(out.worth) & (u64(0) - u64(--out.inWindow == 0));
        }
        if (score > best.score) best = Segment{start, p + 1, score};
    }
    for (size_t p = start; p < end; ++p) slots[key(p)].inWindow = 0;
    if (best.score == 0) return best;
    while (slots[key(best.begin)].worth == 0) ++best.begin;
    while (slots[key(best.end - 1)].worth == 0) --best.end;
    for (size_t p = best.begin; p < best.end; ++p) slots[key(p)].worth = 0;
    return best;
}

// How the d-mers are cut into epochs: `passes` segments of each epoch fill
// the dictionary (each pass scans all the samples once), and an epoch is at
// least ten segments long.
struct Epochs {
    size_t count, size;
};
inline Epochs epochsFor(size_t capacity, size_t nDmers, unsigned k, unsigned passes) {
    Epochs e;
    e.count = capacity / k / passes;
    if (e.count == 0) e.count = 1;
    e.size = nDmers / e.count;
    const size_t minSize = size_t(k) * 10;
    if (e.size < minSize) {
        e.size = minSize < nDmers ? minSize : nDmers;
        e.count = e.size ? nDmers / e.size : 1;
        if (e.count == 0) e.count = 1;
    }
    return e;
}

// Fill dst[capacity - n, capacity) with segments of `data`, the first taken
// last in the buffer (nearest the data the dictionary is used for, so the
// cheapest to reach). Epochs are visited in turn so that the whole sample set
// is represented. Returns n.
template <class Keys>
size_t selectSegments(const Keys& key, size_t nDmers, const u8* data, unsigned k, unsigned d, unsigned passes,
                      Slot* slots, u8* dst, size_t capacity) {
    if (nDmers == 0) return 0;
    const Epochs ep = epochsFor(capacity, nDmers, k, passes);
    size_t maxZeroRun = ep.count / 8;
    maxZeroRun = maxZeroRun < 10 ? 10 : (maxZeroRun > 100 ? 100 : maxZeroRun);
    size_t tail = capacity, zeroRun = 0;
    for (size_t e = 0; tail > 0; e = (e + 1) % ep.count) {
        const size_t begin = e * ep.size;
        const size_t end = e + 1 == ep.count ? nDmers : begin + ep.size;
        const Segment s = takeBestSegment(key, slots, begin, end, k, d);
        if (s.score == 0) {
            if (++zeroRun >= maxZeroRun) break;
            continue;
        }
        zeroRun = 0;
        size_t bytes = s.end - s.begin + d - 1;
        if (bytes > tail) bytes = tail;
        if (bytes < d) break;
        tail -= bytes;
        std::memcpy(dst + tail, data + s.begin, bytes);
    }
    return capacity - tail;
}

}  // namespace zest
