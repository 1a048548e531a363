// The dedicated dictionary search structure (ZSTD_c_enableDedicatedDictSearch):
// a CDict for greedy, lazy or lazy2 whose hash chains are laid out for being
// read, never updated. Each hash bucket holds four words: the three newest
// positions with that hash, and where the older ones lie (start << 8 | count)
// in one contiguous list, newest first. A search reads one cache line and
// then walks an array instead of chasing links across the chain table, which
// a CDict searched by many small frames repays.
//
// Layout (hashChain finder, hashLog and chainLog from the parameters):
//   hash  : 4 << hashLog words (buckets)
//   chain : 2 << chainLog words: the links used while building, then the lists.
#pragma once
#include "compress/match_finder.h"

namespace zest {

// Whether these (match-finder) parameters can use the structure.
bool dedicatedSearchSupported(const CParams& matchCp);
TableLayout dedicatedSearchLayout(const CParams& matchCp);

// Index the dictionary content [dictLimit, end) of d (tables carved with the
// dedicated layout, cleared) and lay the result out as buckets and lists.
void buildDedicatedSearch(MatchState& d, const u8* end);

// Visit the dictionary's candidates for the kMls bytes at ip, newest first,
// as window indices (index + delta), while `left` attempts remain, none below
// `low`, until consider(index) returns true.
template <unsigned kMls, class Consider>
ZEST_FORCE_INLINE void searchDedicated(const MatchState& d, const u8* ip, u32 delta, u32 low, u32 left,
                                       Consider&& consider) {
    const u32* const bucket = d.hashTable + (hashPtr<kMls>(ip, d.cp.hashLog) << 2);
    const u32 where = bucket[3];
    const u32* const list = d.chainTable + (size_t(1) << d.cp.chainLog) + (where >> 8);
    __builtin_prefetch(list);
    for (unsigned k = 0; k < 3 && left; ++k, --left) {
        const u32 m = bucket[k];
        if (m == 0 || m + delta < low || consider(m + delta)) return;
    }
    const u32 count = where & 255;
    for (u32 i = 0; i < count && left; ++i, --left) {
        const u32 m = list[i];
        if (m + delta < low || consider(m + delta)) return;
    }
}

}  // namespace zest
