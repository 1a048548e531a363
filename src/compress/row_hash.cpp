// The row finder (greedy, lazy, lazy2; the default where ZSTD_c_useRowMatchFinder
// allows it). The hash of the next minMatch bytes picks a row of 16, 32 or 64
// entries (rowLog from searchLog); each entry holds an index and, in a
// parallel byte array, 8 more bits of the hash (its tag). A row is a ring
// written backwards from its head, so walking forward from the head visits
// entries newest first. The tag row starts with a 16-byte header holding the
// head, so the head and the tags share a cache line. A search compares the
// row's tags with the wanted one in a few SIMD instructions and visits only
// the entries whose tag matches, at most 2^searchLog of them.
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

// Bit i set where row[i] == tag, for a row of 16, 32 or 64 entries.
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

// One row table: indices, tags (with the heads), and the hash geometry.
// Rows of 2^kRowLog entries.
template <unsigned kRowLog>
struct Rows {
    static constexpr unsigned rowLog = kRowLog;
    static constexpr unsigned kEntries = 1u << kRowLog;
    static constexpr size_t kTagStride = kRowTagHeader + kEntries;  // head, padding, tags
    u32* table = nullptr;
    u8* tags = nullptr;
    unsigned hashBits = 0;  // row bits + tag bits

    Rows() = default;
    explicit Rows(const MatchState& ms)
        : table(ms.hashTable), tags(ms.tagTable), hashBits(ms.cp.hashLog - kRowLog + kTagBits) {}

    ZEST_FORCE_INLINE void prefetch(u32 h) const {
        const size_t row = size_t(h >> kTagBits) << rowLog;
        __builtin_prefetch(tags + (h >> kTagBits) * kTagStride + kRowTagHeader);
        __builtin_prefetch(table + row);
        if constexpr (kRowLog == 6) __builtin_prefetch(table + row + 16);
    }
    ZEST_FORCE_INLINE void insert(u32 h, u32 idx) {
        const size_t r = h >> kTagBits;
        u8* const tagRow = tags + r * kTagStride;
        const unsigned head = (tagRow[0] - 1u) & (kEntries - 1);
        tagRow[0] = u8(head);
        tagRow[kRowTagHeader + head] = u8(h);
        table[(r << rowLog) + head] = idx;
    }
    // Gather the indices of the entries whose tag matches, newest first, at
    // most `attempts` of them, down to `low` (older ones follow), and
    // prefetch their data. Returns how many.
    ZEST_FORCE_INLINE unsigned candidates(u32 h, unsigned attempts, u32 low, const u8* base, u32* out) const {
        const size_t r = h >> kTagBits;
        const u8* const tagRow = tags + r * kTagStride;
        const u32* const row = table + (r << rowLog);
        const unsigned head = tagRow[0];
        u64 m = fromHead(tagMatches(tagRow + kRowTagHeader, u8(h), kEntries), head, kEntries);
        // At most `attempts`, the newest (counted only when a row holds more).
        unsigned n = 0;
        auto gather = [&](auto counted) ZEST_FORCE_INLINE_LAMBDA {
            for (; m && (!counted.value || n < attempts); m &= m - 1) {
                const u32 idx = row[(head + unsigned(__builtin_ctzll(m))) & (kEntries - 1)];
                if (idx < low) break;
                __builtin_prefetch(base + idx);
                out[n++] = idx;
            }
        };
        if (attempts >= kEntries) gather(std::false_type{});
        else gather(std::true_type{});
        return n;
    }
};

template <unsigned kMls, DictMode kMode, unsigned kRowLog>
class RowHash {
public:
    RowHash(MatchState& ms, const Segments& sg)
        : ms_(ms), sg_(sg), rows_(ms), attempts_(1u << (ms.cp.searchLog < kRowLog ? ms.cp.searchLog : kRowLog)),
          hashEnd_(u32(sg.iend - sg.base) - 8) {
        if constexpr (kMode == DictMode::attached) dictRows_ = Rows<kRowLog>(*ms.dictMs);
        cacheAt(ms.nextToUpdate);
    }

    ZEST_FORCE_INLINE size_t find(const u8* ip, u32& offBase) {
        constexpr bool kTwo = kMode != DictMode::noDict;
        const u8* const base = sg_.base;
        const u32 curr = u32(ip - base);
        // An attached dictionary's row is fetched while the own one is searched.
        u32 dictHash = 0;
        if constexpr (kMode == DictMode::attached) {
            dictHash = u32(hashPtr<kMls>(ip, dictRows_.hashBits));
            dictRows_.prefetch(dictHash);
        }
        insertBefore(curr);
        const u32 h = hashAt(curr);
        BestMatch best;
        u32 cand[64];
        const u32 low = sg_.lowFor(curr);
        const unsigned n = rows_.candidates(h, attempts_, low, base, cand);
        bool done = false;
        for (unsigned k = 0; k < n; ++k) {
            if (best.consider<kTwo>(sg_, ip, cand[k])) {
                done = true;
                break;
            }
        }
        rows_.insert(h, curr);
        ms_.nextToUpdate = curr + 1;
        if constexpr (kMode == DictMode::attached) {
            const unsigned left = attempts_ - n;
            if (!done && left) findInDictionary(ip, dictHash, low, best, left);
        }
        return best.result(curr, offBase);
    }

private:
    // The hash of position idx. Positions are taken in order (cacheAt(idx)
    // first where they jump): the cache holds the next 8 hashes, and each
    // one taken is replaced by the hash 8 positions further (the same slot),
    // whose row is prefetched.
    ZEST_FORCE_INLINE u32 hashAt(u32 idx) {
        u32& slot = cache_[idx & 7];
        const u32 h = slot;
        if (ZEST_LIKELY(idx + 8 <= hashEnd_)) {
            slot = hashOf(idx + 8);
            rows_.prefetch(slot);
        }
        return h;
    }
    void cacheAt(u32 idx) {
        for (u32 i = idx; i < idx + 8 && i <= hashEnd_; ++i) {
            cache_[i & 7] = hashOf(i);
            rows_.prefetch(cache_[i & 7]);
        }
    }
    ZEST_FORCE_INLINE u32 hashOf(u32 idx) const { return u32(hashPtr<kMls>(sg_.base + idx, rows_.hashBits)); }

    // Index the positions from nextToUpdate up to (not including) target.
    ZEST_FORCE_INLINE void insertBefore(u32 target) {
        u32 i = ms_.nextToUpdate;
        if (ZEST_UNLIKELY(target > i && target - i > kSkipThreshold)) {
            for (const u32 stop = i + kSkipHead; i < stop; ++i) rows_.insert(hashAt(i), i);
            i = target - kSkipTail;
            cacheAt(i);
        }
        for (; i < target; ++i) rows_.insert(hashAt(i), i);
    }

    // Continue the search in an attached dictionary's own rows.
    ZEST_FORCE_INLINE void findInDictionary(const u8* ip, u32 h, u32 windowLow, BestMatch& best,
                                            unsigned left) const {
        const MatchState& d = *ms_.dictMs;
        const u32 delta = ms_.dictIndexDelta;
        u32 cand[64];
        // Candidates below the window (w < windowLow) are older than the rest: stop there.
        const u32 low = windowLow > delta + d.window.lowLimit ? windowLow - delta : d.window.lowLimit;
        const unsigned n = dictRows_.candidates(h, left, low, d.window.base, cand);
        for (unsigned k = 0; k < n; ++k)
            if (best.consider<true>(sg_, ip, cand[k] + delta)) break;
    }

    MatchState& ms_;
    const Segments sg_;  // a copy: table stores cannot alias it
    Rows<kRowLog> rows_;
    Rows<kRowLog> dictRows_;  // an attached dictionary's
    const unsigned attempts_;
    const u32 hashEnd_;  // last position whose 8 bytes lie in the block
    u32 cache_[8] = {};
};

// Call f(std::integral_constant<unsigned, rowLog>): code is instantiated per row width.
template <class F>
ZEST_FORCE_INLINE decltype(auto) withRowLog(unsigned searchLog, F&& f) {
    switch (rowLogOf(searchLog)) {
    case 4: return f(std::integral_constant<unsigned, 4>{});
    case 5: return f(std::integral_constant<unsigned, 5>{});
    default: return f(std::integral_constant<unsigned, 6>{});
    }
}

template <unsigned kRowLog>
struct RowWidth {
    template <unsigned kMls, DictMode kMode>
    using Finder = RowHash<kMls, kMode, kRowLog>;
};

template <unsigned kDepth, DictMode kMode>
struct RowBlock {
    static size_t run(MatchState& ms, SeqStore& seqs, const u32 rep[3], const u8* src, size_t srcSize) {
        return withRowLog(ms.cp.searchLog, [&](auto r) {
            using Blocks = LazyBlocks<RowWidth<r.value>::template Finder>;
            return Blocks::template Block<kDepth, kMode>::run(ms, seqs, rep, src, srcSize);
        });
    }
};

}  // namespace

BlockCompressor lazyRowHash(unsigned depth, DictMode mode) { return compressorTable<RowBlock>(depth, mode); }

void fillTablesRowHash(MatchState& ms, const u8* end) {
    const u8* const base = ms.window.base;
    const u32 target = u32(end - base);
    if (target < 8) return;
    withRowLog(ms.cp.searchLog, [&](auto r) {
        Rows<r.value> rows(ms);
        withMinMatch(ms.cp.minMatch, [&](auto m) {
            for (u32 i = ms.nextToUpdate; i + 8 <= target; ++i)
                rows.insert(u32(hashPtr<m.value>(base + i, rows.hashBits)), i);
        });
    });
    if (target - 8 + 1 > ms.nextToUpdate) ms.nextToUpdate = target - 8 + 1;
}

}  // namespace zest
