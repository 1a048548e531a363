// The "fast" strategy (levels 1-2 and every negative level): one hash table
// of the next minMatch bytes, one candidate per position, greedy. Positions
// are skipped faster the longer no match turns up (and, for negative levels,
// by the acceleration in targetLength). Before each lookup the most recent
// offset is tried one byte ahead, which catches the frequent "same offset
// again" case cheaply.
#include <utility>

#include "compress/match_finder.h"

namespace zest {
namespace {

// The general loop: one position at a time, both segments (kExt), and with
// kAttached the dictionary's own table consulted when this one has nothing.
template <unsigned kMls, bool kExt, bool kAttached = false>
size_t fast(MatchState& ms, SeqStore& seqs, const u32 rep[3], const u8* src, size_t srcSize) {
    const Segments sg = Segments::of<kExt>(ms, src, srcSize);
    const u8* const base = sg.base;
    const u8* const iend = sg.iend;
    if (srcSize < 16) return srcSize;
    const unsigned hlog = ms.cp.hashLog;
    u32* const table = ms.hashTable;
    const u8* const ilimit = iend - 8;  // hashing reads up to 8 bytes
    const size_t step0 = ms.cp.targetLength ? ms.cp.targetLength : 1;

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
        const size_t h = hashPtr<kMls>(ip, hlog);
        const u32 curr = u32(ip - base);
        u32 matchIndex = table[h];
        table[h] = curr;
        if constexpr (kAttached) {
            if (matchIndex < sg.prefixStartIndex)
                matchIndex = attachedCandidate<kMls>(ms.dictTable1, ms.dictLog1, ms.dictIndexDelta, ip);
        }
        size_t mLength;
        if (sg.repUsable<kExt>(offset1, curr + 1) && readLE32(sg.ptr(curr + 1 - offset1)) == readLE32(ip + 1)) {
            mLength = sg.count<kExt>(ip + 1, curr + 1 - offset1, 4);
            ++ip;
            seqs.add(size_t(ip - anchor), anchor, iend, kRep1, mLength);
        } else {
            const u8* match = sg.ptr(matchIndex);
            if (matchIndex < sg.dictStartIndex || !sg.fits<kExt>(match, matchIndex, 4) ||
                readLE32(match) != readLE32(ip)) {
                ip += (size_t(ip - anchor) >> kSearchStrength) + step0;
                continue;
            }
            mLength = sg.count<kExt>(ip, matchIndex, 4);
            const u32 offset = curr - matchIndex;
            const u8* const lowPtr = kExt ? sg.low(matchIndex) : sg.prefixStart;
            while (ip > anchor && match > lowPtr && ip[-1] == match[-1]) {
                --ip;
                --match;
                ++mLength;
            }
            offset2 = offset1;
            offset1 = offset;
            seqs.add(size_t(ip - anchor), anchor, iend, offsetToOffBase(offset), mLength);
        }
        ip += mLength;
        anchor = ip;
        if (ip <= ilimit) {
            table[hashPtr<kMls>(base + curr + 2, hlog)] = curr + 2;
            table[hashPtr<kMls>(ip - 2, hlog)] = u32(ip - 2 - base);
            // The second most recent offset often continues right away.
            while (ip <= ilimit) {
                const u32 at = u32(ip - base);
                if (!sg.repUsable<kExt>(offset2, at) || readLE32(sg.ptr(at - offset2)) != readLE32(ip)) break;
                const size_t rLength = sg.count<kExt>(ip, at - offset2, 4);
                std::swap(offset1, offset2);
                table[hashPtr<kMls>(ip, hlog)] = at;
                seqs.add(0, anchor, iend, kRep1, rLength);  // litLength 0: code 1 names the second offset
                ip += rLength;
                anchor = ip;
            }
        }
    }
    return size_t(iend - anchor);
}

// The no-dictionary loop, pipelined: positions are visited in pairs (p, p+1)
// whose hashes are computed one step ahead so table loads overlap, and the
// most recent offset is tried once per pair, at the start of the next pair.
// Pairs start stepSize apart (2 = every position); the distance grows by one
// every kStepIncr bytes without a match.
template <unsigned kMls>
size_t fastNoDictPipelined(MatchState& ms, SeqStore& seqs, const u32 rep[3], const u8* src, size_t srcSize) {
    const Segments sg = Segments::of<false>(ms, src, srcSize);
    const u8* const base = sg.base;
    const u8* const iend = sg.iend;
    const u8* const prefixStart = sg.prefixStart;
    const u32 prefixStartIndex = sg.prefixStartIndex;
    if (srcSize < 16) return srcSize;
    const unsigned hlog = ms.cp.hashLog;
    u32* const table = ms.hashTable;
    const u8* const ilimit = iend - 8;
    const size_t stepSize = ms.cp.targetLength + (ms.cp.targetLength == 0) + 1;
    constexpr size_t kStepIncr = size_t(1) << (kSearchStrength - 1);

    const u8* ip0 = src + (src == prefixStart ? 1 : 0);
    const u8* anchor = src;
    u32 rep1 = rep[0], rep2 = rep[1];
    {
        const u32 maxRep = u32(ip0 - prefixStart);
        if (rep1 > maxRep) rep1 = 0;
        if (rep2 > maxRep) rep2 = 0;
    }

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
        const u8* match0;
        u32 offBase;
        size_t mLength;

        for (;;) {
            // The most recent offset at ip2 (ip2 >= anchor + 2, so the literal run stays non-empty).
            const u32 rval = readLE32(ip2 - rep1);
            current0 = u32(ip0 - base);
            table[h0] = current0;
            if ((readLE32(ip2) == rval) & (rep1 > 0)) {
                ip0 = ip2;
                match0 = ip0 - rep1;
                mLength = ip0[-1] == match0[-1];
                ip0 -= mLength;
                match0 -= mLength;
                mLength += 4;
                offBase = kRep1;
                goto found;
            }
            {
                const u32 mval = idx >= prefixStartIndex ? readLE32(base + idx) : ~readLE32(ip0);
                if (readLE32(ip0) == mval) goto foundNew;
            }
            idx = table[h1];
            h0 = h1;
            h1 = hashPtr<kMls>(ip2, hlog);
            ip0 = ip1;
            ip1 = ip2;
            ip2 = ip3;
            current0 = u32(ip0 - base);
            table[h0] = current0;
            {
                const u32 mval = idx >= prefixStartIndex ? readLE32(base + idx) : ~readLE32(ip0);
                if (readLE32(ip0) == mval) goto foundNew;
            }
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
        match0 = base + idx;

        {
            const u32 offset = u32(ip0 - match0);
            rep2 = rep1;
            rep1 = offset;
            offBase = offsetToOffBase(offset);
            mLength = 4;
            while (ip0 > anchor && match0 > prefixStart && ip0[-1] == match0[-1]) {
                --ip0;
                --match0;
                ++mLength;
            }
        }
    found:
        mLength += countMatch(ip0 + mLength, match0 + mLength, iend);
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
            if (rep2 > 0) {
                while (ip0 <= ilimit && readLE32(ip0) == readLE32(ip0 - rep2)) {
                    const size_t rLength = countMatch(ip0 + 4, ip0 + 4 - rep2, iend) + 4;
                    std::swap(rep1, rep2);
                    table[hashPtr<kMls>(ip0, hlog)] = u32(ip0 - base);
                    seqs.add(0, anchor, iend, kRep1, rLength);  // litLength 0: code 1 names the second offset
                    ip0 += rLength;
                    anchor = ip0;
                }
            }
        }
    }
done:
    return size_t(iend - anchor);
}

template <unsigned kMls>
void fillFast(MatchState& ms, const u8* end) {
    const u8* const base = ms.window.base;
    const u32 target = u32(end - base);
    for (u32 idx = ms.nextToUpdate; idx + 8 <= target; ++idx) ms.hashTable[hashPtr<kMls>(base + idx, ms.cp.hashLog)] = idx;
    if (target > ms.nextToUpdate) ms.nextToUpdate = target;
}

}  // namespace

size_t compressBlockFast(MatchState& ms, SeqStore& seqs, const u32 rep[3], const u8* src, size_t srcSize) {
    return withMinMatch(ms.cp.minMatch, [&](auto m) { return fastNoDictPipelined<m.value>(ms, seqs, rep, src, srcSize); });
}

size_t compressBlockFastExtDict(MatchState& ms, SeqStore& seqs, const u32 rep[3], const u8* src, size_t srcSize) {
    if (!extDictInReach(ms, u32(src + srcSize - ms.window.base))) return compressBlockFast(ms, seqs, rep, src, srcSize);
    // The general loop (one position at a time, both segments).
    return withMinMatch(ms.cp.minMatch, [&](auto m) { return fast<m.value, true>(ms, seqs, rep, src, srcSize); });
}

size_t compressBlockFastAttached(MatchState& ms, SeqStore& seqs, const u32 rep[3], const u8* src, size_t srcSize) {
    if (!extDictInReach(ms, u32(src + srcSize - ms.window.base))) return compressBlockFast(ms, seqs, rep, src, srcSize);
    return withMinMatch(ms.cp.minMatch, [&](auto m) { return fast<m.value, true, true>(ms, seqs, rep, src, srcSize); });
}

void fillTablesFast(MatchState& ms, const u8* end) {
    withMinMatch(ms.cp.minMatch, [&](auto m) { fillFast<m.value>(ms, end); });
}

}  // namespace zest
