// The row finder (greedy, lazy, lazy2; the default where ZSTD_c_useRowMatchFinder
// allows it). The hash of the next minMatch bytes picks a row of 16, 32 or 64
// entries (rowLog from searchLog); each entry holds an index and, in a
// parallel byte array, 8 more bits of the hash (its tag). A row is a ring
// written backwards from its head, so walking forward from the head visits
// entries newest first. A search compares the row's tags with the wanted one
// in a few SIMD instructions and visits only the entries whose tag matches,
// at most 2^searchLog of them.
//
// Hashes are computed 8 positions ahead of their insertion and their rows
// prefetched then, so the row is in cache when the position is reached.
#include <emmintrin.h>

#include "compress/lazy.h"

namespace zest {
namespace {

constexpr unsigned kTagBits = 8;
// After a long match, the positions inside it are indexed only at its start
// and near its end: a run of one byte would otherwise fill every row.
constexpr u32 kSkipThreshold = 384;
constexpr u32 kSkipHead = 96;
constexpr u32 kSkipTail = 32;

// Bit i set where row[i] == tag, for a row of 16 << k entries.
ZEST_FORCE_INLINE u64 tagMatches(const u8* row, u8 tag, unsigned entries) {
    const __m128i want = _mm_set1_epi8(char(tag));
    u64 m = 0;
    for (unsigned k = 0; k < entries; k += 16) {
        const __m128i have = _mm_loadu_si128(reinterpret_cast<const __m128i*>(row + k));
        m |= u64(u32(_mm_movemask_epi8(_mm_cmpeq_epi8(have, want)))) << k;
    }
    return m;
}

// Rotate an `entries`-bit mask right by `head`: bit 0 becomes the newest entry.
ZEST_FORCE_INLINE u64 fromHead(u64 m, unsigned head, unsigned entries) {
    if (head == 0) return m;
    const u64 all = entries == 64 ? ~u64(0) : (u64(1) << entries) - 1;
    return ((m >> head) | (m << (entries - head))) & all;
}

// One row table: indices, tags, heads, and the hash geometry.
struct Rows {
    u32* table;
    u8* tags;
    u8* heads;
    unsigned rowLog;
    unsigned hashBits;  // row bits + tag bits

    explicit Rows(const MatchState& ms)
        : table(ms.hashTable), tags(ms.tagTable), heads(ms.tagTable + (size_t(1) << ms.cp.hashLog)),
          rowLog(rowLogOf(ms.cp.searchLog)), hashBits(ms.cp.hashLog - rowLogOf(ms.cp.searchLog) + kTagBits) {}

    ZEST_FORCE_INLINE void prefetch(u32 h) const {
        const size_t row = size_t(h >> kTagBits) << rowLog;
        __builtin_prefetch(tags + row);
        __builtin_prefetch(table + row);
        if (rowLog == 6) __builtin_prefetch(table + row + 16);
    }
    ZEST_FORCE_INLINE void insert(u32 h, u32 idx) {
        const size_t r = h >> kTagBits;
        const unsigned mask = (1u << rowLog) - 1;
        const unsigned head = (heads[r] - 1u) & mask;
        heads[r] = u8(head);
        tags[(r << rowLog) + head] = u8(h);
        table[(r << rowLog) + head] = idx;
    }
    // Call f(index) for the entries whose tag matches, newest first, at most
    // `attempts` of them; f returns false to stop.
    template <class F>
    ZEST_FORCE_INLINE void forEachCandidate(u32 h, unsigned attempts, F&& f) const {
        const size_t r = h >> kTagBits;
        const unsigned entries = 1u << rowLog;
        const unsigned head = heads[r];
        const size_t rowStart = r << rowLog;
        u64 m = fromHead(tagMatches(tags + rowStart, u8(h), entries), head, entries);
        for (; m && attempts; --attempts, m &= m - 1) {
            const unsigned slot = (head + unsigned(__builtin_ctzll(m))) & (entries - 1);
            if (!f(table[rowStart + slot])) return;
        }
    }
};

template <unsigned kMls, DictMode kMode>
class RowHash {
public:
    RowHash(MatchState& ms, const Segments& sg)
        : ms_(ms), sg_(sg), rows_(ms),
          attempts_(ms.cp.searchLog < rowLogOf(ms.cp.searchLog) ? 1u << ms.cp.searchLog
                                                                 : 1u << rowLogOf(ms.cp.searchLog)),
          hashEnd_(u32(sg.iend - sg.base) - 8) {
        cacheAt(ms.nextToUpdate);
    }

    ZEST_FORCE_INLINE size_t find(const u8* ip, u32& offBase) {
        constexpr bool kTwo = kMode != DictMode::noDict;
        const u8* const base = sg_.base;
        const u8* const iend = sg_.iend;
        const u32 curr = u32(ip - base);
        insertBefore(curr);
        const u32 h = hashAt(curr);
        size_t best = 3;
        u32 bestIdx = 0;
        const u32 low = sg_.dictStartIndex;
        unsigned left = attempts_;
        rows_.forEachCandidate(h, attempts_, [&](u32 m) ZEST_FORCE_INLINE_LAMBDA {
            if (m < low) return false;  // older ones follow
            --left;
            size_t len = 0;
            if (!kTwo || m >= sg_.prefixStartIndex) {
                const u8* const match = base + m;
                if (readLE32(match + best - 3) == readLE32(ip + best - 3)) len = countMatch(ip, match, iend);
            } else {
                const u8* const match = sg_.dictBase + m;
                if (sg_.fits<true>(match, m, 4) && readLE32(match) == readLE32(ip))
                    len = countMatch2Segments(ip + 4, match + 4, iend, sg_.dictEnd, sg_.prefixStart) + 4;
            }
            if (len > best) {
                best = len;
                bestIdx = m;
                if (ip + len == iend) return false;
            }
            return true;
        });
        rows_.insert(h, curr);
        ms_.nextToUpdate = curr + 1;
        if constexpr (kMode == DictMode::attached) {
            if (ip + best != iend && left) findInDictionary(ip, best, bestIdx, left);
        }
        if (best < 4) return 0;
        offBase = offsetToOffBase(curr - bestIdx);
        return best;
    }

private:
    // The hash of position idx (hashable: idx <= hashEnd_), from the cache
    // when positions are taken in order; each one taken computes the hash 8
    // positions ahead and prefetches its row.
    ZEST_FORCE_INLINE u32 hashAt(u32 idx) {
        if (ZEST_UNLIKELY(idx != cacheNext_)) cacheAt(idx);
        const u32 h = cache_[idx & 7];
        const u32 ahead = idx + 8;
        if (ahead <= hashEnd_) {
            const u32 ha = hashOf(ahead);
            cache_[ahead & 7] = ha;
            rows_.prefetch(ha);
        }
        cacheNext_ = idx + 1;
        return h;
    }
    void cacheAt(u32 idx) {
        for (u32 i = idx; i < idx + 8 && i <= hashEnd_; ++i) {
            cache_[i & 7] = hashOf(i);
            rows_.prefetch(cache_[i & 7]);
        }
        cacheNext_ = idx;
    }
    ZEST_FORCE_INLINE u32 hashOf(u32 idx) const { return u32(hashPtr<kMls>(sg_.base + idx, rows_.hashBits)); }

    // Index the positions from nextToUpdate up to (not including) target.
    ZEST_FORCE_INLINE void insertBefore(u32 target) {
        u32 i = ms_.nextToUpdate;
        if (ZEST_UNLIKELY(target - i > kSkipThreshold && target > i)) {
            for (const u32 stop = i + kSkipHead; i < stop; ++i) rows_.insert(hashAt(i), i);
            i = target - kSkipTail;
        }
        for (; i < target; ++i) rows_.insert(hashAt(i), i);
    }

    // Continue the search in an attached dictionary's own rows.
    ZEST_FORCE_INLINE void findInDictionary(const u8* ip, size_t& best, u32& bestIdx, unsigned left) const {
        const MatchState& d = *ms_.dictMs;
        const Rows dr(d);
        const u32 delta = ms_.dictIndexDelta;
        const u8* const iend = sg_.iend;
        const u32 h = u32(hashPtr<kMls>(ip, dr.hashBits));
        dr.forEachCandidate(h, left, [&](u32 m) ZEST_FORCE_INLINE_LAMBDA {
            if (m < d.window.lowLimit) return false;
            const u32 w = m + delta;
            if (w < sg_.dictStartIndex) return false;  // out of the window, and older ones too
            const u8* const match = sg_.dictBase + w;
            if (sg_.fits<true>(match, w, 4) && readLE32(match) == readLE32(ip)) {
                const size_t len = countMatch2Segments(ip + 4, match + 4, iend, sg_.dictEnd, sg_.prefixStart) + 4;
                if (len > best) {
                    best = len;
                    bestIdx = w;
                    if (ip + len == iend) return false;
                }
            }
            return true;
        });
    }

    MatchState& ms_;
    const Segments& sg_;
    Rows rows_;
    const unsigned attempts_;
    const u32 hashEnd_;  // last position whose 8 bytes lie in the block
    u32 cacheNext_ = 0;
    u32 cache_[8] = {};
};

}  // namespace

BlockCompressor lazyRowHash(unsigned depth, DictMode mode) { return lazyCompressor<RowHash>(depth, mode); }

void fillTablesRowHash(MatchState& ms, const u8* end) {
    const u8* const base = ms.window.base;
    const u32 target = u32(end - base);
    if (target < 8) return;
    Rows rows(ms);
    withMinMatch(ms.cp.minMatch, [&](auto m) {
        for (u32 i = ms.nextToUpdate; i + 8 <= target; ++i)
            rows.insert(u32(hashPtr<m.value>(base + i, rows.hashBits)), i);
    });
    if (target - 8 + 1 > ms.nextToUpdate) ms.nextToUpdate = target - 8 + 1;
}

}  // namespace zest
