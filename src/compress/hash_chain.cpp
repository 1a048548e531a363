// The hash-chain finder (greedy, lazy, lazy2 with ZSTD_c_useRowMatchFinder
// disabled): a head table of the last position per hash of the next minMatch
// bytes, and a chain table linking each position to the previous one with
// the same hash. The chain table is a ring over the last 2^chainLog
// positions; a search follows at most 2^searchLog links.
#include "compress/dedicated_dict_search.h"
#include "compress/lazy.h"

namespace zest {
namespace {

template <unsigned kMls, DictMode kMode>
class HashChain {
public:
    HashChain(MatchState& ms, const Segments& sg)
        : ms_(ms), sg_(sg), head_(ms.hashTable), chain_(ms.chainTable), hashLog_(ms.cp.hashLog),
          chainMask_((u32(1) << ms.cp.chainLog) - 1), attempts_(u32(1) << ms.cp.searchLog) {}

    ZEST_FORCE_INLINE size_t find(const u8* ip, u32& offBase) {
        constexpr bool kTwo = kMode != DictMode::noDict;
        const u8* const base = sg_.base;
        const u32 curr = u32(ip - base);
        insertUpTo(curr);
        const u32 minChain = curr > chainMask_ + 1 ? curr - (chainMask_ + 1) : 0;
        BestMatch best;
        u32 left = attempts_;
        const u32 low = sg_.lowFor(curr);
        for (u32 m = chain_[curr & chainMask_]; m >= low && left; --left) {
            if (best.consider<kTwo>(sg_, ip, m)) return best.result(curr, offBase);
            if (m <= minChain) break;  // older links are overwritten
            m = chain_[m & chainMask_];
        }
        if constexpr (kMode == DictMode::attached) findInDictionary(ip, low, best, left);
        return best.result(curr, offBase);
    }

private:
    // Index positions nextToUpdate..target (inclusive).
    ZEST_FORCE_INLINE void insertUpTo(u32 target) {
        const u8* const base = sg_.base;
        for (u32 i = ms_.nextToUpdate; i <= target; ++i) {
            const size_t h = hashPtr<kMls>(base + i, hashLog_);
            chain_[i & chainMask_] = head_[h];
            head_[h] = i;
        }
        if (target >= ms_.nextToUpdate) ms_.nextToUpdate = target + 1;
    }

    // Continue the search in an attached dictionary's own chains.
    ZEST_FORCE_INLINE void findInDictionary(const u8* ip, u32 low, BestMatch& best, u32 left) const {
        const MatchState& d = *ms_.dictMs;
        const u32 delta = ms_.dictIndexDelta;
        if (d.dedicatedSearch) {
            searchDedicated<kMls>(d, ip, delta, low, left,
                                  [&](u32 w) ZEST_FORCE_INLINE_LAMBDA { return best.consider<true>(sg_, ip, w); });
            return;
        }
        const u32 dMask = (u32(1) << d.cp.chainLog) - 1;
        const u32 dEnd = d.nextToUpdate;
        const u32 dMinChain = dEnd > dMask + 1 ? dEnd - (dMask + 1) : 0;
        for (u32 m = d.hashTable[hashPtr<kMls>(ip, d.cp.hashLog)]; m >= d.window.lowLimit && left; --left) {
            const u32 w = m + delta;
            if (w < low) break;  // out of the window, and older ones too
            if (best.consider<true>(sg_, ip, w) || m <= dMinChain) break;
            m = d.chainTable[m & dMask];
        }
    }

    MatchState& ms_;
    const Segments sg_;  // a copy: table stores cannot alias it
    u32* const head_;
    u32* const chain_;
    const unsigned hashLog_;
    const u32 chainMask_;
    const u32 attempts_;
};

}  // namespace

BlockCompressor lazyHashChain(unsigned depth, DictMode mode) { return lazyCompressor<HashChain>(depth, mode); }

void fillTablesHashChain(MatchState& ms, const u8* end) {
    const u8* const base = ms.window.base;
    const u32 target = u32(end - base);
    if (target < 8) return;
    withMinMatch(ms.cp.minMatch, [&](auto m) {
        const unsigned hashLog = ms.cp.hashLog;
        const u32 mask = (u32(1) << ms.cp.chainLog) - 1;
        for (u32 i = ms.nextToUpdate; i + 8 <= target; ++i) {
            const size_t h = hashPtr<m.value>(base + i, hashLog);
            ms.chainTable[i & mask] = ms.hashTable[h];
            ms.hashTable[h] = i;
        }
    });
    if (target - 8 + 1 > ms.nextToUpdate) ms.nextToUpdate = target - 8 + 1;
}

}  // namespace zest
