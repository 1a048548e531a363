// The "fast" strategy (levels 1-2 and every negative level): one hash table
// of the next minMatch bytes, one candidate per position, greedy. Positions
// are skipped faster the longer no match turns up (and, for negative levels,
// by the acceleration in targetLength). The most recent offset is tried
// ahead of the positions being hashed, which catches the frequent "same
// offset again" case cheaply.
#include <utility>

#include "compress/match_finder.h"

namespace zest {
namespace {

// The loop is pipelined: positions are visited in pairs (p, p+1) whose hashes
// are computed one step ahead so table loads overlap, and the most recent
// offset is tried once per pair, at the start of the next pair. Pairs start
// stepSize apart (2 = every position); the distance grows by one every
// kStepIncr bytes without a match.
// kMode: see DictMode (match_finder.h).
template <unsigned kMls, DictMode kMode>
size_t fastPipelined(MatchState& ms, SeqStore& seqs, const u32 rep[3], const u8* src, size_t srcSize) {
    constexpr bool kTwo = kMode != DictMode::noDict;
    HashParserBlock<kMode> blk(ms, rep, src, srcSize);
    const Segments& sg = blk.sg;
    const u8* const base = sg.base;
    const u8* const iend = sg.iend;
    if (srcSize < 16) return srcSize;
    const unsigned hlog = ms.cp.hashLog;
    u32* const table = ms.hashTable;
    const u8* const ilimit = blk.ilimit;
    const size_t stepSize = ms.cp.targetLength + (ms.cp.targetLength == 0) + 1;
    constexpr size_t kStepIncr = size_t(1) << (kSearchStrength - 1);

    u32 rep1 = blk.rep1, rep2 = blk.rep2;
    const u8* ip0 = blk.start;
    const u8* anchor = src;

    auto candidate = [&](u32 idx, const u8* ip) ZEST_FORCE_INLINE_LAMBDA {
        return blk.template candidate<kMls, DictTable::hash>(idx, ip);
    };
    auto matches4 = [&](u32 idx, const u8* ip) ZEST_FORCE_INLINE_LAMBDA {
        return sg.matchesAt<kTwo, 4>(idx, ip);
    };
    auto repMatches = [&](u32 offset, const u8* ip) ZEST_FORCE_INLINE_LAMBDA {
        return sg.repMatches<kTwo>(offset, ip);
    };

    for (;;) {
        size_t step = stepSize;
        const u8* nextStep = ip0 + kStepIncr;
        const u8* ip1 = ip0 + 1;
        const u8* ip2 = ip0 + step;
        const u8* ip3 = ip2 + 1;
        if (ip3 >= ilimit) break;
        size_t h0 = hashPtr<kMls>(ip0, hlog);
        size_t h1 = hashPtr<kMls>(ip1, hlog);
        u32 idx = table[h0];
        u32 current0;
        u32 matchIdx;
        u32 offBase;
        size_t mLength;

        for (;;) {
            current0 = u32(ip0 - base);
            table[h0] = current0;
            // The most recent offset at ip2 (ip2 >= anchor + 2: the literal run stays
            // non-empty even after extending the match back by one byte).
            if (repMatches(rep1, ip2)) {
                ip0 = ip2;
                matchIdx = u32(ip0 - base) - rep1;
                mLength = 4;
                if (matchIdx > sg.dictStartIndex && ip0[-1] == *sg.ptr(matchIdx - 1)) {
                    --ip0;
                    --matchIdx;
                    ++mLength;
                }
                offBase = kRep1;
                goto found;
            }
            idx = candidate(idx, ip0);
            if (matches4(idx, ip0)) goto foundNew;
            idx = table[h1];
            h0 = h1;
            h1 = hashPtr<kMls>(ip2, hlog);
            ip0 = ip1;
            ip1 = ip2;
            ip2 = ip3;
            current0 = u32(ip0 - base);
            table[h0] = current0;
            idx = candidate(idx, ip0);
            if (matches4(idx, ip0)) goto foundNew;
            idx = table[h1];
            h0 = h1;
            h1 = hashPtr<kMls>(ip2, hlog);
            ip0 = ip1;
            ip1 = ip2;
            ip2 = ip0 + step;
            ip3 = ip1 + step;
            if (ip2 >= nextStep) {
                ++step;
                __builtin_prefetch(ip1 + 64);
                __builtin_prefetch(ip1 + 128);
                nextStep += kStepIncr;
            }
            if (ip3 >= ilimit) goto done;
        }

    foundNew:
        matchIdx = idx;
        {
            const u32 offset = current0 - matchIdx;
            rep2 = rep1;
            rep1 = offset;
            offBase = offsetToOffBase(offset);
            mLength = 4;
            sg.extendBack<kTwo>(ip0, anchor, matchIdx, mLength);
        }
    found:
        mLength = sg.count<kTwo>(ip0, matchIdx, mLength);
        seqs.add(size_t(ip0 - anchor), anchor, iend, offBase, mLength);
        ip0 += mLength;
        anchor = ip0;
        // ip1's hash is known: index it if the match covers it (a position
        // past the match would be indexed ahead of time, pointing at itself).
        if (ip1 < ip0) table[h1] = u32(ip1 - base);
        if (ip0 <= ilimit) {
            table[hashPtr<kMls>(base + current0 + 2, hlog)] = current0 + 2;
            table[hashPtr<kMls>(ip0 - 2, hlog)] = u32(ip0 - 2 - base);
            // The second most recent offset often continues right away.
            while (ip0 <= ilimit && repMatches(rep2, ip0)) {
                const u32 at = u32(ip0 - base);
                const size_t rLength = sg.count<kTwo>(ip0, at - rep2, 4);
                std::swap(rep1, rep2);
                table[hashPtr<kMls>(ip0, hlog)] = at;
                seqs.add(0, anchor, iend, kRep1, rLength);  // litLength 0: code 1 names the second offset
                ip0 += rLength;
                anchor = ip0;
            }
        }
    }
done:
    // The pipelined loop stops a few positions short of the end (it hashes
    // ahead); finish one position at a time, which matters for small inputs.
    // Only the last stretch: with acceleration the loop may stop far earlier,
    // and the positions before it were meant to be skipped anyway.
    constexpr size_t kTail = 16;
    if (ip0 < ilimit && size_t(ilimit - ip0) > kTail) ip0 = ilimit - kTail;
    while (ip0 < ilimit) {
        const size_t h = hashPtr<kMls>(ip0, hlog);
        const u32 curr = u32(ip0 - base);
        const u32 cand = candidate(table[h], ip0);
        table[h] = curr;
        u32 matchIdx;
        u32 offBase;
        size_t mLength = 4;
        if (ip0 > anchor && repMatches(rep1, ip0)) {
            matchIdx = curr - rep1;
            offBase = kRep1;
        } else if (matches4(cand, ip0)) {
            matchIdx = cand;
            rep2 = rep1;
            rep1 = curr - cand;
            offBase = offsetToOffBase(rep1);
            sg.extendBack<kTwo>(ip0, anchor, matchIdx, mLength);
        } else {
            ++ip0;
            continue;
        }
        mLength = sg.count<kTwo>(ip0, matchIdx, mLength);
        seqs.add(size_t(ip0 - anchor), anchor, iend, offBase, mLength);
        ip0 += mLength;
        anchor = ip0;
    }
    return size_t(iend - anchor);
}

template <unsigned kMls>
void fillFast(MatchState& ms, const u8* end) {
    const u8* const base = ms.window.base;
    const u32 target = u32(end - base);
    for (u32 idx = ms.nextToUpdate; idx + 8 <= target; ++idx) {
        if (ms.tagged) insertTagged<kMls>(ms.hashTable, ms.cp.hashLog, base + idx, idx);
        else ms.hashTable[hashPtr<kMls>(base + idx, ms.cp.hashLog)] = idx;
    }
    if (target > ms.nextToUpdate) ms.nextToUpdate = target;
}

}  // namespace

size_t compressBlockFast(MatchState& ms, SeqStore& seqs, const u32 rep[3], const u8* src, size_t srcSize) {
    return withMinMatch(ms.cp.minMatch,
                        [&](auto m) { return fastPipelined<m.value, DictMode::noDict>(ms, seqs, rep, src, srcSize); });
}

size_t compressBlockFastExtDict(MatchState& ms, SeqStore& seqs, const u32 rep[3], const u8* src, size_t srcSize) {
    return withMinMatch(ms.cp.minMatch,
                        [&](auto m) { return fastPipelined<m.value, DictMode::extDict>(ms, seqs, rep, src, srcSize); });
}

size_t compressBlockFastAttached(MatchState& ms, SeqStore& seqs, const u32 rep[3], const u8* src, size_t srcSize) {
    return withMinMatch(ms.cp.minMatch,
                        [&](auto m) { return fastPipelined<m.value, DictMode::attached>(ms, seqs, rep, src, srcSize); });
}

void fillTablesFast(MatchState& ms, const u8* end) {
    withMinMatch(ms.cp.minMatch, [&](auto m) { fillFast<m.value>(ms, end); });
}

}  // namespace zest
