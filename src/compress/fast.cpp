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

template <unsigned kMls, bool kExt>
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
        const u32 matchIndex = table[h];
        table[h] = curr;
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

template <unsigned kMls>
void fillFast(MatchState& ms, const u8* end) {
    const u8* const base = ms.window.base;
    const u32 target = u32(end - base);
    for (u32 idx = ms.nextToUpdate; idx + 8 <= target; ++idx) ms.hashTable[hashPtr<kMls>(base + idx, ms.cp.hashLog)] = idx;
    if (target > ms.nextToUpdate) ms.nextToUpdate = target;
}

}  // namespace

size_t compressBlockFast(MatchState& ms, SeqStore& seqs, const u32 rep[3], const u8* src, size_t srcSize) {
    return withMinMatch(ms.cp.minMatch, [&](auto m) { return fast<m.value, false>(ms, seqs, rep, src, srcSize); });
}

size_t compressBlockFastExtDict(MatchState& ms, SeqStore& seqs, const u32 rep[3], const u8* src, size_t srcSize) {
    if (!extDictInReach(ms, u32(src + srcSize - ms.window.base))) return compressBlockFast(ms, seqs, rep, src, srcSize);
    return withMinMatch(ms.cp.minMatch, [&](auto m) { return fast<m.value, true>(ms, seqs, rep, src, srcSize); });
}

void fillTablesFast(MatchState& ms, const u8* end) {
    withMinMatch(ms.cp.minMatch, [&](auto m) { fillFast<m.value>(ms, end); });
}

}  // namespace zest
