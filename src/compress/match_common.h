// Small pieces every match finder uses: hashing of the next 3..8 bytes,
// forward match counting (within one segment or across the dictionary /
// prefix boundary) and the window of indices the tables refer to.
#pragma once
#include "common/mem.h"

namespace zest {

// Multiplicative hashing: the top bits of (bytes * odd constant) mix every
// input bit. Bytes beyond `len` are shifted out first.
constexpr u32 kHashPrime3 = 506832829u;
constexpr u32 kHashPrime4 = 2654435761u;
constexpr u64 kHashPrime5 = 889523592379ull;
constexpr u64 kHashPrime6 = 227718039650203ull;
constexpr u64 kHashPrime7 = 58295818150454627ull;
constexpr u64 kHashPrime8 = 0xCF1BBCDCB7A56463ull;

template <unsigned kLen>
ZEST_FORCE_INLINE size_t hashPtr(const void* p, unsigned hashLog) {
    static_assert(kLen >= 3 && kLen <= 8);
    if constexpr (kLen == 3) {
        return size_t(((readLE32(p) << 8) * kHashPrime3) >> (32 - hashLog));
    } else if constexpr (kLen == 4) {
        return size_t((readLE32(p) * kHashPrime4) >> (32 - hashLog));
    } else {
        constexpr u64 prime = kLen == 5 ? kHashPrime5 : kLen == 6 ? kHashPrime6 : kLen == 7 ? kHashPrime7 : kHashPrime8;
        return size_t(((readLE64(p) << (64 - 8 * kLen)) * prime) >> (64 - hashLog));
    }
}

// Length of the common prefix of ip[0..) and match[0..), ip stopping at ipEnd.
// Reads 8 bytes at a time; match must be readable as far as ip is.
ZEST_FORCE_INLINE size_t countMatch(const u8* ip, const u8* match, const u8* ipEnd) {
    const u8* const start = ip;
    while (ip + 8 <= ipEnd) {
        const u64 diff = readLE64(ip) ^ readLE64(match);
        if (diff) return size_t(ip - start) + (unsigned(__builtin_ctzll(diff)) >> 3);
        ip += 8;
        match += 8;
    }
    while (ip < ipEnd && *ip == *match) {
        ++ip;
        ++match;
    }
    return size_t(ip - start);
}

// Match that starts in the older segment at `match` (ending at matchEnd) and
// may continue at prefixStart, the first byte of the current segment.
ZEST_FORCE_INLINE size_t countMatch2Segments(const u8* ip, const u8* match, const u8* ipEnd, const u8* matchEnd,
                                             const u8* prefixStart) {
    const u8* const vEnd = ip + (matchEnd - match) < ipEnd ? ip + (matchEnd - match) : ipEnd;
    const size_t n = countMatch(ip, match, vEnd);
    if (match + n != matchEnd) return n;
    return n + countMatch(ip + n, prefixStart, ipEnd);
}

// Window of the data the hash tables index. Index i of the current segment
// is at base + i; indices in [lowLimit, dictLimit) lie in the older segment
// (an external dictionary, or the previous contents of a wrapped buffer) at
// dictBase + i. Indices start at kWindowStartIndex so that 0 in a table
// never names valid data.
constexpr u32 kWindowStartIndex = 2;

struct Window {
    const u8* nextSrc = nullptr;  // end of the data added last
    const u8* base = nullptr;
    const u8* dictBase = nullptr;
    u32 dictLimit = kWindowStartIndex;
    u32 lowLimit = kWindowStartIndex;

    // Forget all data; the next data added gets index `start` (indices below
    // it are invalid, so tables holding only older indices need no reset).
    void clear(u32 start = kWindowStartIndex) {
        nextSrc = nullptr;
        base = nullptr;
        dictBase = nullptr;
        dictLimit = start;
        lowLimit = start;
    }
    // The index the next data would get if it continued the current segment.
    u32 endIndex() const { return nextSrc ? u32(nextSrc - base) : dictLimit; }
    bool hasExtDict() const { return lowLimit < dictLimit; }
    u32 indexOf(const u8* p) const { return u32(p - base); }

    // Record that src[0..size) follows. When it does not continue the current
    // segment, that segment becomes the older one. Returns true if contiguous.
    bool update(const u8* src, size_t size) {
        if (!nextSrc) {
            // First data: index dictLimit (set by clear).
            base = src - dictLimit;
            dictBase = base;
            nextSrc = src + size;
            return false;
        }
        bool contiguous = true;
        if (src != nextSrc) {
            const size_t distFromBase = size_t(nextSrc - base);
            lowLimit = dictLimit;
            dictLimit = u32(distFromBase);
            dictBase = base;
            base = src - distFromBase;
            // An older segment too short to hold a match is not worth the boundary checks.
            if (dictLimit - lowLimit < 8) lowLimit = dictLimit;
            contiguous = false;
        }
        nextSrc = src + size;
        // New data overwriting part of the older segment (a wrapped buffer) removes it.
        if (src + size > dictBase + lowLimit && src < dictBase + dictLimit) {
            const size_t high = size_t(src + size - dictBase);
            lowLimit = high > dictLimit ? dictLimit : u32(high);
        }
        return contiguous;
    }
    // Every index moves down by `correction` (index rebasing); limits below
    // the new start are raised to it.
    void rebase(u32 correction) {
        base += correction;
        dictBase += correction;
        lowLimit = rebased(lowLimit, correction);
        dictLimit = rebased(dictLimit, correction);
    }
    static u32 rebased(u32 v, u32 correction) {
        return v < correction + kWindowStartIndex ? kWindowStartIndex : v - correction;
    }
};

}  // namespace zest
