// Long-distance matching: content-defined points, fingerprints, buckets.
#include "compress/ldm.h"

#include <cstring>

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace zest {

namespace {

// Per-byte constants of the gear hash, from a fixed splitmix64 sequence.
struct GearTable {
    u64 v[256];
    constexpr GearTable() : v() {
        u64 x = 0x5EED1DEA5EED1DEAull;
        for (u64& e : v) {
            x += 0x9E3779B97F4A7C15ull;
            u64 z = x;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
            e = z ^ (z >> 31);
        }
    }
};
constexpr GearTable kGear;

// Defaults as in the reference (zstd 1.5.7's LDM parameter rules).
constexpr unsigned kDefaultBucketLog = 4;
constexpr unsigned kDefaultMinMatch = 64;

unsigned bounded(unsigned lo, unsigned v, unsigned hi) { return v < lo ? lo : v > hi ? hi : v; }

}  // namespace

LdmParams resolveLdm(int mode, unsigned hashLog, unsigned bucketLog, unsigned minMatch, unsigned hashRateLog,
                     const CParams& cp) {
    LdmParams p;
    const unsigned strategy = unsigned(cp.strategy);
    if (mode == int(ParamSwitch::automatic))
        p.enabled = cp.strategy >= Strategy::btopt && cp.windowLog >= 27;
    else
        p.enabled = mode == int(ParamSwitch::enable);
    if (!p.enabled) return p;
    p.hashRateLog = hashRateLog;
    if (p.hashRateLog == 0) {
        if (hashLog > 0) p.hashRateLog = cp.windowLog > hashLog ? cp.windowLog - hashLog : 0;
        else p.hashRateLog = 7 - strategy / 3;
    }
    p.hashLog = hashLog ? hashLog
                        : bounded(kLdmHashLogMin, cp.windowLog > p.hashRateLog ? cp.windowLog - p.hashRateLog : 0,
                                  kLdmHashLogMax);
    p.minMatch = minMatch ? minMatch : (cp.strategy >= Strategy::btultra ? kDefaultMinMatch / 2 : kDefaultMinMatch);
    p.bucketLog = bucketLog ? bucketLog : bounded(kDefaultBucketLog, strategy, kLdmBucketSizeLogMax);
    if (p.bucketLog > p.hashLog) p.bucketLog = p.hashLog;
    return p;
}

void LdmState::clear() {
    std::memset(table, 0, tableBytes(p));
    std::memset(cursors, 0, cursorBytes(p));
    gear = 0;
    gearEnd = nullptr;
}

void LdmState::rebase(u32 correction) {
    const size_t n = size_t(1) << p.hashLog;
    for (size_t i = 0; i < n; ++i)
        table[i].index = table[i].index < correction + kWindowStartIndex ? 0 : table[i].index - correction;
}

void LdmState::shift(u32 delta) {
    const size_t n = size_t(1) << p.hashLog;
    for (size_t i = 0; i < n; ++i)
        if (table[i].index) table[i].index += delta;
}

namespace {

// Points are gathered this many at a time: their buckets are then fetched
// together (one cache miss each, overlapped) before any is searched.
constexpr size_t kBatch = 64;

template <bool kSearch>
size_t scan(LdmState& st, const Window& w, u32 lowest, u32 maxDist, const u8* src, size_t srcSize) {
    const LdmParams& p = st.p;
    const u8* const base = w.base;
    const u8* const prefixStart = base + w.dictLimit;
    const u8* const dictEnd = w.dictBase + w.dictLimit;
    const u8* const iend = src + srcSize;
    // Buckets: the fingerprint's top bits (none when one bucket is the whole table).
    const unsigned bucketBits = p.hashLog - p.bucketLog;
    const u32 bucketMask = (u32(1) << p.bucketLog) - 1;
    // A point: the top hashRateLog bits of the gear hash all 0.
    const u64 stopMask = p.hashRateLog ? ~u64(0) << (64 - p.hashRateLog) : 0;
    if (st.gearEnd != src) st.gear = 0;  // not contiguous with what was rolled in last
    u64 gear = st.gear;
    const u8* anchor = src;
    size_t n = 0;
    const u8* points[kBatch];  // the first byte of each point's stretch
    u32 buckets[kBatch], checks[kBatch];  // its fingerprint: bucket and check bits
    const u8* ip = src;
    while (ip < iend) {
        // 1. The next points: a tight loop, four bytes at a time where it can.
        // A point's stretch is the minMatch bytes ending at it, whole in the
        // current segment.
        size_t np = 0;
        auto take = [&](const u8* at) ZEST_FORCE_INLINE_LAMBDA {
            if (size_t(at - prefixStart) + 1 >= p.minMatch) points[np++] = at + 1 - p.minMatch;
        };
        while (np < kBatch && ip + 4 <= iend) {
            const u64 g1 = (gear << 1) + kGear.v[ip[0]];
            const u64 g2 = (g1 << 1) + kGear.v[ip[1]];
            const u64 g3 = (g2 << 1) + kGear.v[ip[2]];
            const u64 g4 = (g3 << 1) + kGear.v[ip[3]];
            if (ZEST_UNLIKELY(((g1 & stopMask) == 0) | ((g2 & stopMask) == 0) | ((g3 & stopMask) == 0) |
                              ((g4 & stopMask) == 0))) {
                // Several may be points (room for four is kept below).
                if ((g1 & stopMask) == 0) take(ip);
                if ((g2 & stopMask) == 0) take(ip + 1);
                if ((g3 & stopMask) == 0) take(ip + 2);
                if ((g4 & stopMask) == 0) take(ip + 3);
                if (np > kBatch - 4) {
                    gear = g4;
                    ip += 4;
                    break;
                }
            }
            gear = g4;
            ip += 4;
        }
        if (np <= kBatch - 4) {
            for (; ip < iend; ++ip) {
                gear = (gear << 1) + kGear.v[*ip];
                if ((gear & stopMask) == 0) take(ip);
            }
        }
        // 2. Their fingerprints, and their buckets on the way into the cache.
        for (size_t k = 0; k < np; ++k) {
            const u64 h = XXH3_64bits(points[k], p.minMatch);
            buckets[k] = bucketBits ? u32(h >> (64 - bucketBits)) : 0;
            checks[k] = u32(h);
            // (The first two lines: a default bucket of 16 entries.)
            const char* const b = reinterpret_cast<const char*>(st.table + (size_t(buckets[k]) << p.bucketLog));
            __builtin_prefetch(b);
            __builtin_prefetch(b + 64);
        }
        // 3. In order: look for a long match, then remember the point.
        for (size_t k = 0; k < np; ++k) {
            const u8* const s = points[k];
            const u32 bucket = buckets[k], check = checks[k];
            LdmEntry* const entries = st.table + (size_t(bucket) << p.bucketLog);
            const u32 sIndex = u32(s - base);
            // Only where no long match was taken yet, and with room for a whole one.
            if (kSearch && s >= anchor && size_t(iend - s) >= p.minMatch && n < st.matchCapacity) {
                // The candidate reaching furthest forward (the nearest of equals),
                // then extended backwards.
                size_t bestLen = 0;
                u32 bestIndex = 0;
                for (u32 e = 0; e <= bucketMask; ++e) {
                    const LdmEntry c = entries[e];
                    if (c.check != check || c.index < lowest || c.index >= sIndex || sIndex - c.index > maxDist)
                        continue;
                    const size_t fwd = c.index >= w.dictLimit
                                           ? countMatch(s, base + c.index, iend)
                                           : countMatch2Segments(s, w.dictBase + c.index, iend, dictEnd, prefixStart);
                    if (fwd < p.minMatch || fwd < bestLen || (fwd == bestLen && c.index < bestIndex)) continue;
                    bestLen = fwd;
                    bestIndex = c.index;
                    if (s + fwd == iend) break;  // up to the block's end: nothing reaches further
                }
                if (bestLen) {
                    const bool current = bestIndex >= w.dictLimit;
                    const u8* const m = (current ? base : w.dictBase) + bestIndex;
                    const u32 segLow = current ? w.dictLimit : w.lowLimit;
                    const u8* const lowPtr = (current ? base : w.dictBase) + (lowest > segLow ? lowest : segLow);
                    size_t back = 0;
                    while (s - back > anchor && m - back > lowPtr &&
                           s[-1 - std::ptrdiff_t(back)] == m[-1 - std::ptrdiff_t(back)])
                        ++back;
                    const u8* const start = s - back;
                    st.matches[n++] = LdmMatch{u32(start - anchor), u32(bestLen + back), sIndex - bestIndex};
                    anchor = start + bestLen + back;
                }
            }
            entries[st.cursors[bucket]++ & bucketMask] = LdmEntry{sIndex, check};
        }
    }
    st.gear = gear;
    st.gearEnd = iend;
    return n;
}

}  // namespace

size_t findLongMatches(LdmState& st, const Window& w, u32 lowest, u32 maxDist, const u8* src, size_t srcSize) {
    return scan<true>(st, w, lowest, maxDist, src, srcSize);
}

void indexLongMatchPoints(LdmState& st, const Window& w, const u8* src, size_t srcSize) {
    scan<false>(st, w, 0, 0, src, srcSize);
}

}  // namespace zest
