// The "double fast" strategy (levels 3-4): two hash tables, one of the next
// 8 bytes (hashLog bits: long matches) and one of the next minMatch bytes
// (chainLog bits: short matches). A long candidate is preferred; a short one
// is only taken after checking whether the next position starts a long match.
#include <utility>

#include "compress/match_finder.h"

namespace zest {
namespace {

// The general loop: one position at a time, both segments (kExt), and with
// kAttached the dictionary's own tables consulted when these have nothing.
template <unsigned kMls, bool kExt, bool kAttached = false>
size_t doubleFast(MatchState& ms, SeqStore& seqs, const u32 rep[3], const u8* src, size_t srcSize) {
    const Segments sg = Segments::of<kExt>(ms, src, srcSize);
    const u8* const base = sg.base;
    const u8* const iend = sg.iend;
    if (srcSize < 16) return srcSize;

    u32* const longTable = ms.hashTable;
    u32* const shortTable = ms.chainTable;
    const unsigned hlogL = ms.cp.hashLog;
    const unsigned hlogS = ms.cp.chainLog;
    const u8* const ilimit = iend - 8;

    const u8* ip = src;
    const u8* anchor = src;
    u32 offset1 = rep[0], offset2 = rep[1];
    if constexpr (!kExt) {
        ip += (ip == sg.prefixStart);
        const u32 maxRep = u32(ip - sg.prefixStart);
        if (offset1 > maxRep) offset1 = 0;
        if (offset2 > maxRep) offset2 = 0;
    }

    while (ip < ilimit) {
        const u32 curr = u32(ip - base);
        const size_t hL = hashPtr<8>(ip, hlogL);
        const size_t hS = hashPtr<kMls>(ip, hlogS);
        u32 idxL = longTable[hL];
        u32 idxS = shortTable[hS];
        if constexpr (kAttached) {
            if (idxL < sg.prefixStartIndex)
                idxL = attachedCandidate<8>(ms.dictTable1, ms.dictLog1, ms.dictIndexDelta, ip);
            if (idxS < sg.prefixStartIndex)
                idxS = attachedCandidate<kMls>(ms.dictTable2, ms.dictLog2, ms.dictIndexDelta, ip);
        }
        longTable[hL] = curr;
        shortTable[hS] = curr;

        size_t mLength;
        u32 offset;
        const u8* match;
        // 1. The most recent offset, one byte ahead.
        if (sg.repUsable<kExt>(offset1, curr + 1) && readLE32(sg.ptr(curr + 1 - offset1)) == readLE32(ip + 1)) {
            mLength = sg.count<kExt>(ip + 1, curr + 1 - offset1, 4);
            ++ip;
            seqs.add(size_t(ip - anchor), anchor, iend, kRep1, mLength);
            goto matched;
        }
        // 2. A long match here.
        if (idxL >= sg.dictStartIndex && sg.fits<kExt>(match = sg.ptr(idxL), idxL, 8) &&
            readLE64(match) == readLE64(ip)) {
            mLength = sg.count<kExt>(ip, idxL, 8);
            offset = curr - idxL;
        } else if (idxS >= sg.dictStartIndex && sg.fits<kExt>(match = sg.ptr(idxS), idxS, 4) &&
                   readLE32(match) == readLE32(ip)) {
            // 3. A short match here, unless the next position starts a long one.
            const size_t hL1 = hashPtr<8>(ip + 1, hlogL);
            u32 idxL1 = longTable[hL1];
            if constexpr (kAttached) {
                if (idxL1 < sg.prefixStartIndex)
                    idxL1 = attachedCandidate<8>(ms.dictTable1, ms.dictLog1, ms.dictIndexDelta, ip + 1);
            }
            longTable[hL1] = curr + 1;
            const u8* match1;
            if (idxL1 >= sg.dictStartIndex && sg.fits<kExt>(match1 = sg.ptr(idxL1), idxL1, 8) &&
                readLE64(match1) == readLE64(ip + 1)) {
                ++ip;
                match = match1;
                mLength = sg.count<kExt>(ip, idxL1, 8);
                offset = curr + 1 - idxL1;
            } else {
                mLength = sg.count<kExt>(ip, idxS, 4);
                offset = curr - idxS;
            }
        } else {
            ip += (size_t(ip - anchor) >> kSearchStrength) + 1;
            continue;
        }
        {
            // Extend backwards over literals.
            const u8* const lowPtr = kExt ? sg.low(u32(ip - base) - offset) : sg.prefixStart;
            while (ip > anchor && match > lowPtr && ip[-1] == match[-1]) {
                --ip;
                --match;
                ++mLength;
            }
        }
        offset2 = offset1;
        offset1 = offset;
        seqs.add(size_t(ip - anchor), anchor, iend, offsetToOffBase(offset), mLength);

    matched:
        ip += mLength;
        anchor = ip;
        if (ip <= ilimit) {
            // Index a few positions inside the match and just before its end.
            const u32 indexToInsert = curr + 2;
            longTable[hashPtr<8>(base + indexToInsert, hlogL)] = indexToInsert;
            longTable[hashPtr<8>(ip - 2, hlogL)] = u32(ip - 2 - base);
            shortTable[hashPtr<kMls>(base + indexToInsert + 1, hlogS)] = indexToInsert + 1;
            shortTable[hashPtr<kMls>(ip - 1, hlogS)] = u32(ip - 1 - base);
            // The second most recent offset often continues right away.
            while (ip <= ilimit) {
                const u32 at = u32(ip - base);
                if (!sg.repUsable<kExt>(offset2, at) || readLE32(sg.ptr(at - offset2)) != readLE32(ip)) break;
                const size_t rLength = sg.count<kExt>(ip, at - offset2, 4);
                std::swap(offset1, offset2);
                shortTable[hashPtr<kMls>(ip, hlogS)] = at;
                longTable[hashPtr<8>(ip, hlogL)] = at;
                seqs.add(0, anchor, iend, kRep1, rLength);
                ip += rLength;
                anchor = ip;
            }
        }
    }
    return size_t(iend - anchor);
}

// The no-dictionary loop, pipelined: the long-table candidate of the next
// position is fetched while the current one is examined. A short match is
// extended first and then compared with a long match at the next position;
// the longer one wins.
template <unsigned kMls>
size_t doubleFastNoDict(MatchState& ms, SeqStore& seqs, const u32 rep[3], const u8* src, size_t srcSize) {
    const Segments sg = Segments::of<false>(ms, src, srcSize);
    const u8* const base = sg.base;
    const u8* const iend = sg.iend;
    const u8* const prefixStart = sg.prefixStart;
    const u32 prefixStartIndex = sg.prefixStartIndex;
    if (srcSize < 16) return srcSize;
    u32* const longTable = ms.hashTable;
    u32* const shortTable = ms.chainTable;
    const unsigned hlogL = ms.cp.hashLog;
    const unsigned hlogS = ms.cp.chainLog;
    const u8* const ilimit = iend - 8;
    constexpr size_t kStepIncr = size_t(1) << kSearchStrength;

    const u8* ip = src + (src == prefixStart ? 1 : 0);
    const u8* anchor = src;
    u32 offset1 = rep[0], offset2 = rep[1];
    {
        const u32 maxRep = u32(ip - prefixStart);
        if (offset1 > maxRep) offset1 = 0;
        if (offset2 > maxRep) offset2 = 0;
    }

    while (ip + 1 <= ilimit) {
        size_t step = 1;
        const u8* nextStep = ip + kStepIncr;
        const u8* ip1 = ip + step;
        size_t hl0 = hashPtr<8>(ip, hlogL);
        u32 idxl0 = longTable[hl0];
        size_t hl1 = 0;
        u32 curr;
        u32 offset;
        size_t mLength;
        const u8* match;
        for (;;) {
            const size_t hs0 = hashPtr<kMls>(ip, hlogS);
            const u32 idxs0 = shortTable[hs0];
            curr = u32(ip - base);
            longTable[hl0] = curr;
            shortTable[hs0] = curr;
            // 1. The most recent offset, one byte ahead.
            if (offset1 != 0 && readLE32(ip + 1 - offset1) == readLE32(ip + 1)) {
                mLength = countMatch(ip + 5, ip + 5 - offset1, iend) + 4;
                ++ip;
                seqs.add(size_t(ip - anchor), anchor, iend, kRep1, mLength);
                goto stored;
            }
            hl1 = hashPtr<8>(ip1, hlogL);
            // 2. A long match here.
            if (idxl0 >= prefixStartIndex && readLE64(base + idxl0) == readLE64(ip)) {
                match = base + idxl0;
                mLength = countMatch(ip + 8, match + 8, iend) + 8;
                offset = u32(ip - match);
                goto extendBack;
            }
            {
                const u32 idxl1 = longTable[hl1];
                // 3. A short match here, or a longer long one at the next position.
                if (idxs0 >= prefixStartIndex && readLE32(base + idxs0) == readLE32(ip)) {
                    match = base + idxs0;
                    mLength = countMatch(ip + 4, match + 4, iend) + 4;
                    offset = u32(ip - match);
                    if (idxl1 >= prefixStartIndex && readLE64(base + idxl1) == readLE64(ip1)) {
                        const u8* const match1 = base + idxl1;
                        const size_t len1 = countMatch(ip1 + 8, match1 + 8, iend) + 8;
                        if (len1 > mLength) {
                            ip = ip1;
                            match = match1;
                            mLength = len1;
                            offset = u32(ip - match);
                        }
                    }
                    goto extendBack;
                }
                if (ip1 >= nextStep) {
                    __builtin_prefetch(ip1 + 64);
                    __builtin_prefetch(ip1 + 128);
                    ++step;
                    nextStep += kStepIncr;
                }
                ip = ip1;
                ip1 += step;
                hl0 = hl1;
                idxl0 = idxl1;
                if (ip1 > ilimit) goto done;
            }
        }
    extendBack:
        while (ip > anchor && match > prefixStart && ip[-1] == match[-1]) {
            --ip;
            --match;
            ++mLength;
        }
        offset2 = offset1;
        offset1 = offset;
        // ip1's long hash is known: index it if the match covers it.
        if (ip1 < ip + mLength) longTable[hl1] = u32(ip1 - base);
        seqs.add(size_t(ip - anchor), anchor, iend, offsetToOffBase(offset), mLength);
    stored:
        ip += mLength;
        anchor = ip;
        if (ip <= ilimit) {
            // Index a position inside the match and the ones just before its end.
            const u32 indexToInsert = curr + 2;
            longTable[hashPtr<8>(base + indexToInsert, hlogL)] = indexToInsert;
            longTable[hashPtr<8>(ip - 2, hlogL)] = u32(ip - 2 - base);
            shortTable[hashPtr<kMls>(base + indexToInsert, hlogS)] = indexToInsert;
            shortTable[hashPtr<kMls>(ip - 1, hlogS)] = u32(ip - 1 - base);
            // The second most recent offset often continues right away.
            while (ip <= ilimit && offset2 != 0 && readLE32(ip) == readLE32(ip - offset2)) {
                const size_t rLength = countMatch(ip + 4, ip + 4 - offset2, iend) + 4;
                std::swap(offset1, offset2);
                const u32 at = u32(ip - base);
                shortTable[hashPtr<kMls>(ip, hlogS)] = at;
                longTable[hashPtr<8>(ip, hlogL)] = at;
                seqs.add(0, anchor, iend, kRep1, rLength);
                ip += rLength;
                anchor = ip;
            }
        }
    }
done:
    return size_t(iend - anchor);
}

template <unsigned kMls>
void fillDoubleFast(MatchState& ms, const u8* end) {
    const u8* const base = ms.window.base;
    const u32 target = u32(end - base);
    for (u32 idx = ms.nextToUpdate; idx + 8 <= target; ++idx) {
        ms.hashTable[hashPtr<8>(base + idx, ms.cp.hashLog)] = idx;
        ms.chainTable[hashPtr<kMls>(base + idx, ms.cp.chainLog)] = idx;
    }
    if (target > ms.nextToUpdate) ms.nextToUpdate = target;
}

}  // namespace

size_t compressBlockDoubleFast(MatchState& ms, SeqStore& seqs, const u32 rep[3], const u8* src, size_t srcSize) {
    return withMinMatch(ms.cp.minMatch, [&](auto m) { return doubleFastNoDict<m.value>(ms, seqs, rep, src, srcSize); });
}

size_t compressBlockDoubleFastExtDict(MatchState& ms, SeqStore& seqs, const u32 rep[3], const u8* src,
                                      size_t srcSize) {
    if (!extDictInReach(ms, u32(src + srcSize - ms.window.base)))
        return compressBlockDoubleFast(ms, seqs, rep, src, srcSize);
    return withMinMatch(ms.cp.minMatch, [&](auto m) { return doubleFast<m.value, true>(ms, seqs, rep, src, srcSize); });
}

size_t compressBlockDoubleFastAttached(MatchState& ms, SeqStore& seqs, const u32 rep[3], const u8* src,
                                       size_t srcSize) {
    if (!extDictInReach(ms, u32(src + srcSize - ms.window.base)))
        return compressBlockDoubleFast(ms, seqs, rep, src, srcSize);
    return withMinMatch(ms.cp.minMatch,
                        [&](auto m) { return doubleFast<m.value, true, true>(ms, seqs, rep, src, srcSize); });
}

void fillTablesDoubleFast(MatchState& ms, const u8* end) {
    withMinMatch(ms.cp.minMatch, [&](auto m) { fillDoubleFast<m.value>(ms, end); });
}

}  // namespace zest
