// The lazy parser of the middle strategies, written once for every finder
// (hash chain, hash rows, binary tree), lookahead depth and dictionary mode.
//
// At each position the most recent repeat offset is tried one byte ahead,
// then the finder's best match here. With lookahead (lazy: 1, lazy2 and
// btlazy2: 2) the next positions are searched as well, and a later match
// replaces the current one when it gains more than the literals it costs.
//
// A finder is a class with a constructor (MatchState&, const Segments&) and
//   size_t find(const u8* ip, u32& offBase)
// which indexes every position up to ip and returns the length of its best
// match at ip (0 when none reaches 4 bytes), with the match's offBase. The
// window is measured from each position: a finder keeps to sg.lowFor(ip).
#pragma once
#include <utility>

#include "compress/match_finder.h"

namespace zest {

// The longest match found so far by a finder, and the test of one more
// candidate (a window index in either segment) against it.
struct BestMatch {
    size_t len = 3;  // a candidate must beat this: shorter than 4 is no match
    u32 idx = 0;

    // Returns true when nothing can be longer (the match reaches the block's end).
    template <bool kTwo>
    ZEST_FORCE_INLINE bool consider(const Segments& sg, const u8* ip, u32 m) {
        size_t l = 0;
        if (!kTwo || m >= sg.prefixStartIndex) {
            // Equal at the current best length's last 4 bytes, or not worth counting.
            const u8* const match = sg.base + m;
            if (readLE32(match + len - 3) == readLE32(ip + len - 3)) l = countMatch(ip, match, sg.iend);
        } else {
            const u8* const match = sg.dictBase + m;
            if (sg.fits<true>(match, m, 4) && readLE32(match) == readLE32(ip))
                l = countMatch2Segments(ip + 4, match + 4, sg.iend, sg.dictEnd, sg.prefixStart) + 4;
        }
        if (l <= len) return false;
        len = l;
        idx = m;
        return ip + l == sg.iend;
    }
    // The finder's answer: the length (0 if none) and offBase of the match at curr.
    ZEST_FORCE_INLINE size_t result(u32 curr, u32& offBase) const {
        if (len < 4) return 0;
        offBase = offsetToOffBase(curr - idx);
        return len;
    }
};

// What a match is worth in the lookahead's comparisons: 4 per byte, less the
// bits its offset costs (a repeat offset costs nothing).
ZEST_FORCE_INLINE int matchGain(size_t len, u32 offBase) { return int(4 * len) - int(highBit32(offBase)); }

// The current match's edge over a candidate found `depth` positions later:
// those positions would become literals. A repeat-offset candidate needs 3
// less: besides having no offset bits, its codes are the cheapest.
constexpr int kLazyBonus[3] = {0, 4, 7};
constexpr int kRepeatDiscount = 3;

template <class Finder, unsigned kDepth, DictMode kMode>
size_t lazyParse(MatchState& ms, SeqStore& seqs, const u32 rep[3], const u8* src, size_t srcSize) {
    constexpr bool kTwo = kMode != DictMode::noDict;
    const Segments sg = Segments::of<kTwo, true>(ms, src, srcSize);
    const u8* const base = sg.base;
    const u8* const iend = sg.iend;
    if (srcSize < 16) return srcSize;
    const u8* const ilimit = iend - 8;
    // Positions of an older segment that were never indexed stay so.
    if (ms.nextToUpdate < ms.window.dictLimit) ms.nextToUpdate = ms.window.dictLimit;
    Finder finder(ms, sg);

    u32 rep1 = rep[0], rep2 = rep[1];
    const u8* ip = sg.start<kTwo>(src, rep1, rep2);
    const u8* anchor = src;

    // Length of a repeat-offset match at p (0 if it does not reach 4 bytes).
    auto repLength = [&](u32 offset, const u8* p) ZEST_FORCE_INLINE_LAMBDA -> size_t {
        if (offset > sg.maxDist || !sg.repMatches<kTwo>(offset, p)) return 0;
        return sg.count<kTwo>(p, u32(p - base) - offset, 4);
    };

    while (ip < ilimit) {
        size_t len = 0;
        u32 offBase = 0;
        const u8* start = ip + 1;
        // 1. The most recent offset, one byte ahead (the literal run stays non-empty).
        len = repLength(rep1, ip + 1);
        if (len) offBase = kRep1;
        if (kDepth > 0 || !len) {
            // 2. The finder's best match here.
            u32 found = 0;
            const size_t l = finder.find(ip, found);
            if (l > len) {
                len = l;
                offBase = found;
                start = ip;
            }
            if (len < 4) {
                // Nothing: step ahead, faster the longer nothing turns up.
                ip += (size_t(ip - anchor) >> kSearchStrength) + 1;
                continue;
            }
            // 3. Lookahead: a better match one or two positions later wins.
            if constexpr (kDepth > 0) {
                auto better = [&](const u8* p, unsigned depth) ZEST_FORCE_INLINE_LAMBDA {
                    bool taken = false;
                    const size_t r = repLength(rep1, p);
                    if (r && matchGain(r, kRep1) > matchGain(len, offBase) + kLazyBonus[depth] - kRepeatDiscount) {
                        len = r;
                        offBase = kRep1;
                        start = p;
                        taken = true;
                    }
                    u32 o = 0;
                    const size_t l2 = finder.find(p, o);
                    if (l2 >= 4 && matchGain(l2, o) > matchGain(len, offBase) + kLazyBonus[depth]) {
                        len = l2;
                        offBase = o;
                        start = p;
                        taken = true;
                    }
                    return taken;
                };
                while (ip < ilimit) {
                    ++ip;
                    if (better(ip, 1)) continue;
                    if (kDepth == 2 && ip < ilimit) {
                        ++ip;
                        if (better(ip, 2)) continue;
                    }
                    break;
                }
            }
        }
        // A new offset: extend the match backwards over the literals, and it
        // becomes the most recent one.
        if (offBase > kRepMove) {
            const u32 offset = offBase - kRepMove;
            u32 idx = u32(start - base) - offset;
            sg.extendBack<kTwo>(start, anchor, idx, len);
            rep2 = rep1;
            rep1 = offset;
        }
        seqs.add(size_t(start - anchor), anchor, iend, offBase, len);
        ip = start + len;
        anchor = ip;
        // The second most recent offset often continues right away.
        while (ip <= ilimit) {
            const size_t r = repLength(rep2, ip);
            if (!r) break;
            std::swap(rep1, rep2);
            seqs.add(0, anchor, iend, kRep1, r);  // litLength 0: code 1 names the second offset
            ip += r;
            anchor = ip;
        }
    }
    return size_t(iend - anchor);
}

// The table of block compressors Block<kDepth, kMode>::run, by lookahead
// depth (0..2) and dictionary mode.
template <template <unsigned, DictMode> class Block>
BlockCompressor compressorTable(unsigned depth, DictMode mode) {
    static constexpr BlockCompressor kTable[3][3] = {
        {Block<0, DictMode::noDict>::run, Block<0, DictMode::extDict>::run, Block<0, DictMode::attached>::run},
        {Block<1, DictMode::noDict>::run, Block<1, DictMode::extDict>::run, Block<1, DictMode::attached>::run},
        {Block<2, DictMode::noDict>::run, Block<2, DictMode::extDict>::run, Block<2, DictMode::attached>::run},
    };
    return kTable[depth][int(mode)];
}

// The lazy parser over FinderT<minMatch, mode>, instantiated per hashed length.
template <template <unsigned, DictMode> class FinderT>
struct LazyBlocks {
    template <unsigned kDepth, DictMode kMode>
    struct Block {
        static size_t run(MatchState& ms, SeqStore& seqs, const u32 rep[3], const u8* src, size_t srcSize) {
            return withMinMatch(ms.cp.minMatch, [&](auto m) {
                return lazyParse<FinderT<m.value, kMode>, kDepth, kMode>(ms, seqs, rep, src, srcSize);
            });
        }
    };
};

template <template <unsigned, DictMode> class FinderT>
BlockCompressor lazyCompressor(unsigned depth, DictMode mode) {
    return compressorTable<LazyBlocks<FinderT>::template Block>(depth, mode);
}

}  // namespace zest
