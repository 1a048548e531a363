// The legacy trainer (ZDICT_trainFromBuffer_legacy): the content is made of
// the strings that the most samples share. Its own design, not the
// reference's suffix-array one: runs of 8-byte strings that at least a
// share of the samples hold (the share set by the selectivity) are the
// candidates; the most valuable are taken first, and a string counts once.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "common/error.h"
#include "dictbuilder/cover_index.h"
#include "dictbuilder/finalize.h"
#include "dictbuilder/trainers.h"

namespace zest {
namespace {

constexpr size_t kDictSizeMin = 256;
constexpr unsigned kDmer = 8;
constexpr unsigned kDefaultSelectivity = 9;
constexpr unsigned kMinSamples = 5;
constexpr size_t kMaxRunDmers = 4096 - kDmer + 1;  // longest string taken at once

struct Run {
    size_t begin, end;  // d-mer positions
    u64 score;
};

// Worth of the distinct d-mers of [begin, end); `stamp` marks keys seen.
u64 runWorth(const CoverIndex& ix, const u32* freq, u32* seen, u32 mark, size_t begin, size_t end) {
    u64 w = 0;
    for (size_t p = begin; p < end; ++p) {
        const u32 k = ix(p);
        if (seen[k] == mark) continue;
        seen[k] = mark;
        w += freq[k];
    }
    return w;
}

class Buffers {
public:
    ~Buffers() {
        std::free(runs);
        std::free(freq);
        std::free(seen);
        std::free(content);
    }
    Run* runs = nullptr;
    size_t nRuns = 0, runCap = 0;
    u32* freq = nullptr;
    u32* seen = nullptr;
    u8* content = nullptr;
    bool push(const Run& r) {
        if (nRuns == runCap) {
            const size_t cap = runCap ? runCap * 2 : 1024;
            Run* n = static_cast<Run*>(std::realloc(runs, cap * sizeof(Run)));
            if (!n) return false;
            runs = n;
            runCap = cap;
        }
        runs[nRuns++] = r;
        return true;
    }
};

}  // namespace

size_t trainLegacy(void* dst, size_t capacity, const SampleSet& samples, unsigned selectivity, int level,
                   unsigned notificationLevel, u32 dictID) {
    if (capacity < kDictSizeMin) return ZEST_ERR(dstSize_tooSmall);
    if (samples.count < kMinSamples) return ZEST_ERR(srcSize_wrong);
    if (selectivity == 0) selectivity = kDefaultSelectivity;
    BoundedSamples bounded;
    ZEST_TRY(bounded.init(samples, kCoverSampleBudget));
    const SampleSet& s = bounded.set();
    if (s.total < kDmer) return ZEST_ERR(srcSize_wrong);
    CoverIndex ix;
    ZEST_TRY(ix.build(s, kDmer));

    // A string is a candidate when 1/(64 * selectivity) of the samples hold it, and at least two.
    u32 threshold = u32(s.count / (64 * u64(selectivity)));
    if (threshold < 2) threshold = 2;
    Buffers b;
    b.freq = static_cast<u32*>(std::malloc(ix.keyCount() * sizeof(u32)));
    b.seen = static_cast<u32*>(std::calloc(ix.keyCount(), sizeof(u32)));
    b.content = static_cast<u8*>(std::malloc(capacity));
    if (!b.freq || !b.seen || !b.content) return ZEST_ERR(memory_allocation);
    std::memcpy(b.freq, ix.worth(), ix.keyCount() * sizeof(u32));
    u32 mark = 0;
    for (size_t p = 0; p < ix.positions();) {
        if (b.freq[ix(p)] < threshold) {
            ++p;
            continue;
        }
        size_t end = p + 1;
        while (end < ix.positions() && end - p < kMaxRunDmers && b.freq[ix(end)] >= threshold) ++end;
        if (!b.push(Run{p, end, runWorth(ix, b.freq, b.seen, ++mark, p, end)})) return ZEST_ERR(memory_allocation);
        p = end;
    }
    std::sort(b.runs, b.runs + b.nRuns,
              [](const Run& x, const Run& y) { return x.score != y.score ? x.score > y.score : x.begin < y.begin; });

    // Take the runs best first; one that lost more than half its worth to
    // strings already taken is left out.
    size_t tail = capacity;
    for (size_t i = 0; i < b.nRuns && tail >= kDmer; ++i) {
        Run r = b.runs[i];
        while (r.begin < r.end && b.freq[ix(r.begin)] == 0) ++r.begin;
        while (r.end > r.begin && b.freq[ix(r.end - 1)] == 0) --r.end;
        if (r.begin == r.end) continue;
        const u64 w = runWorth(ix, b.freq, b.seen, ++mark, r.begin, r.end);
        if (w * 2 < r.score) continue;
        size_t bytes = r.end - r.begin + kDmer - 1;
        if (bytes > tail) bytes = tail;
        tail -= bytes;
        std::memcpy(b.content + tail, s.data + r.begin, bytes);
        for (size_t p = r.begin; p < r.end; ++p) b.freq[ix(p)] = 0;
    }
    const size_t contentSize = capacity - tail;
    if (notificationLevel >= 2)
        std::fprintf(stderr, "%zu strings shared by at least %u samples: %zu bytes of content\n", b.nRuns, threshold,
                     contentSize);
    if (contentSize == 0) return ZEST_ERR(dictionaryCreation_failed);
    FinalizeParams fp;
    fp.level = level;
    fp.dictID = dictID;
    return finalizeDictionary(dst, capacity, b.content + tail, contentSize, s.data, s.sizes, s.count, fp);
}

}  // namespace zest
