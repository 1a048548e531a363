// The "double fast" strategy (levels 3-4): two hash tables, one of the next
// 8 bytes (hashLog bits: long matches) and one of the next minMatch bytes
// (chainLog bits: short matches). A long candidate is preferred; a short one
// is only taken after checking whether the next position starts a long match.
#include <utility>

#include "compress/match_finder.h"

namespace zest {
namespace {

// The loop is pipelined: the long-table candidate of the next position is
// fetched while the current one is examined. A short match is extended
// first and then compared with a long match at the next position; the
// longer one wins.
// kMode: see DictMode (match_finder.h).
template <unsigned kMls, DictMode kMode>
size_t doubleFastPipelined(MatchState& ms, SeqStore& seqs, const u32 rep[3], const u8* src, size_t srcSize) {
    constexpr bool kTwo = kMode != DictMode::noDict;
    HashParserBlock<kMode> blk(ms, rep, src, srcSize);
    const Segments& sg = blk.sg;
    const u8* const base = sg.base;
    const u8* const iend = sg.iend;
    if (srcSize < 16) return srcSize;
    u32* const longTable = ms.hashTable;
    u32* const shortTable = ms.chainTable;
    const unsigned hlogL = ms.cp.hashLog;
    const unsigned hlogS = ms.cp.chainLog;
    const u8* const ilimit = blk.ilimit;
    constexpr size_t kStepIncr = size_t(1) << kSearchStrength;

    u32 offset1 = blk.rep1, offset2 = blk.rep2;
    const u8* ip = blk.start;
    const u8* anchor = src;

    // Long candidates hash 8 bytes, short ones minMatch.
    auto longCandidate = [&](u32 idx, const u8* p) ZEST_FORCE_INLINE_LAMBDA {
        return blk.template candidate<8, DictTable::hash>(idx, p);
    };
    auto shortCandidate = [&](u32 idx, const u8* p) ZEST_FORCE_INLINE_LAMBDA {
        return blk.template candidate<kMls, DictTable::chain>(idx, p);
    };
    auto repMatches = [&](u32 offset, const u8* p) ZEST_FORCE_INLINE_LAMBDA {
        return sg.repMatches<kTwo>(offset, p);
    };

    while (ip + 1 <= ilimit) {
        size_t step = 1;
        const u8* nextStep = ip + kStepIncr;
        const u8* ip1 = ip + step;
        size_t hl0 = hashPtr<8>(ip, hlogL);
        u32 idxl0 = longTable[hl0];
        size_t hl1 = 0;
        u32 curr;
        u32 matchIdx;
        size_t mLength;
        for (;;) {
            const size_t hs0 = hashPtr<kMls>(ip, hlogS);
            const u32 idxs0 = shortTable[hs0];
            curr = u32(ip - base);
            longTable[hl0] = curr;
            shortTable[hs0] = curr;
            // 1. The most recent offset, one byte ahead.
            if (repMatches(offset1, ip + 1)) {
                mLength = sg.count<kTwo>(ip + 1, curr + 1 - offset1, 4);
                ++ip;
                seqs.add(size_t(ip - anchor), anchor, iend, kRep1, mLength);
                goto stored;
            }
            hl1 = hashPtr<8>(ip1, hlogL);
            // 2. A long match here.
            idxl0 = longCandidate(idxl0, ip);
            if (sg.matchesAt<kTwo, 8>(idxl0, ip)) {
                matchIdx = idxl0;
                mLength = sg.count<kTwo>(ip, matchIdx, 8);
                goto extendBack;
            }
            {
                u32 idxl1 = longTable[hl1];
                // 3. A short match here, or a longer long one at the next position.
                const u32 idxs = shortCandidate(idxs0, ip);
                if (sg.matchesAt<kTwo, 4>(idxs, ip)) {
                    matchIdx = idxs;
                    mLength = sg.count<kTwo>(ip, matchIdx, 4);
                    idxl1 = longCandidate(idxl1, ip1);
                    if (sg.matchesAt<kTwo, 8>(idxl1, ip1)) {
                        const size_t len1 = sg.count<kTwo>(ip1, idxl1, 8);
                        if (len1 > mLength) {
                            ip = ip1;
                            matchIdx = idxl1;
                            mLength = len1;
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
    extendBack: {
        const u32 offset = u32(ip - base) - matchIdx;
        sg.extendBack<kTwo>(ip, anchor, matchIdx, mLength);
        offset2 = offset1;
        offset1 = offset;
        // ip1's long hash is known: index it if the match covers it.
        if (ip1 < ip + mLength) longTable[hl1] = u32(ip1 - base);
        seqs.add(size_t(ip - anchor), anchor, iend, offsetToOffBase(offset), mLength);
    }
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
            while (ip <= ilimit && repMatches(offset2, ip)) {
                const u32 at = u32(ip - base);
                const size_t rLength = sg.count<kTwo>(ip, at - offset2, 4);
                std::swap(offset1, offset2);
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
        if (ms.tagged) {
            insertTagged<8>(ms.hashTable, ms.cp.hashLog, base + idx, idx);
            insertTagged<kMls>(ms.chainTable, ms.cp.chainLog, base + idx, idx);
        } else {
            ms.hashTable[hashPtr<8>(base + idx, ms.cp.hashLog)] = idx;
            ms.chainTable[hashPtr<kMls>(base + idx, ms.cp.chainLog)] = idx;
        }
    }
    if (target > ms.nextToUpdate) ms.nextToUpdate = target;
}

}  // namespace

size_t compressBlockDoubleFast(MatchState& ms, SeqStore& seqs, const u32 rep[3], const u8* src, size_t srcSize) {
    return withMinMatch(ms.cp.minMatch, [&](auto m) {
        return doubleFastPipelined<m.value, DictMode::noDict>(ms, seqs, rep, src, srcSize);
    });
}

size_t compressBlockDoubleFastExtDict(MatchState& ms, SeqStore& seqs, const u32 rep[3], const u8* src,
                                      size_t srcSize) {
    return withMinMatch(ms.cp.minMatch, [&](auto m) {
        return doubleFastPipelined<m.value, DictMode::extDict>(ms, seqs, rep, src, srcSize);
    });
}

size_t compressBlockDoubleFastAttached(MatchState& ms, SeqStore& seqs, const u32 rep[3], const u8* src,
                                       size_t srcSize) {
    return withMinMatch(ms.cp.minMatch, [&](auto m) {
        return doubleFastPipelined<m.value, DictMode::attached>(ms, seqs, rep, src, srcSize);
    });
}

void fillTablesDoubleFast(MatchState& ms, const u8* end) {
    withMinMatch(ms.cp.minMatch, [&](auto m) { fillDoubleFast<m.value>(ms, end); });
}

}  // namespace zest
