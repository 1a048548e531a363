#include "entropy/fse_encode.h"

#include <cstring>

namespace zest {

namespace {

// log2(x) in 16.16 fixed point, computed by repeated squaring of the mantissa.
constexpr u32 log2Q16(u32 x) {
    unsigned h = 0;
    while ((x >> h) > 1) h++;
    u64 y = (u64(x) << 30) >> h;  // mantissa in [1, 2), 30 fraction bits
    u32 r = u32(h) << 16;
    for (int i = 15; i >= 0; i--) {
        y = (y * y) >> 30;
        if (y >= (u64(2) << 30)) {
            y >>= 1;
            r |= u32(1) << i;
        }
    }
    return r;
}

constexpr unsigned kLogEntries = (1u << kFseMaxTableLog) + 2;
struct Log2Table {
    u32 v[kLogEntries];
};
constexpr Log2Table makeLog2Table() {
    Log2Table t{};
    t.v[0] = 0;
    for (unsigned i = 1; i < kLogEntries; i++) t.v[i] = log2Q16(i);
    return t;
}
constexpr Log2Table kLog2 = makeLog2Table();

// Rounding points. With ideal share p (in states) between k and k + 1, k + 1
// is the better integer when p * ln((k+1)/k) > 1 (the marginal gain of a state
// at the optimum). These are the fractional parts of 1 / ln(1 + 1/k), 16 bits.
constexpr u32 kRoundUp[9] = {0, 29012, 30560, 31199, 31550, 31773, 31926, 32039, 32125};
ZEST_FORCE_INLINE u32 roundUpPoint(u32 k) { return k < 9 ? kRoundUp[k] : 32768 - 5461 / k; }

ZEST_FORCE_INLINE unsigned absNorm(short n) { return n < 0 ? 1u : unsigned(n); }

}  // namespace

unsigned fseOptimalTableLog(unsigned maxTableLog, size_t srcSize, unsigned maxSymbol) {
    if (maxTableLog > kFseMaxTableLog) maxTableLog = kFseMaxTableLog;
    if (maxTableLog < kFseMinTableLog) maxTableLog = kFseMinTableLog;
    unsigned tl = maxTableLog;
    if (srcSize > 1) {
        // Beyond about a quarter of a state per coded symbol, precision
        // no longer pays for the larger description.
        const unsigned bySize = highBit64(u64(srcSize - 1));
        if (bySize < 2 + tl) tl = bySize >= 2 ? bySize - 2 : 0;
    }
    // Enough states for every symbol: either more than srcSize, or about
    // twice the alphabet.
    const unsigned minBySize = srcSize ? highBit64(u64(srcSize)) + 1 : 1;
    const unsigned minBySymbols = highBit32(maxSymbol | 1) + 2;
    const unsigned minLog = minBySize < minBySymbols ? minBySize : minBySymbols;
    if (tl < minLog) tl = minLog;
    if (tl < kFseMinTableLog) tl = kFseMinTableLog;
    if (tl > maxTableLog) tl = maxTableLog;
    return tl;
}

size_t fseNormalizeCounts(short* norm, unsigned tableLog, const u32* counts, size_t total, unsigned maxSymbol,
                          bool lowProbMinusOne) {
    if (tableLog < kFseMinTableLog || tableLog > kFseMaxTableLog) return ZEST_ERR(GENERIC);
    if (maxSymbol > kFseMaxSymbolValue || total == 0) return ZEST_ERR(GENERIC);
    const u32 L = u32(1) << tableLog;

    // Symbols whose share is below one state get exactly one ("small").
    // The others split the remaining states in proportion to their counts.
    u8 big[kFseMaxSymbolValue + 1];
    unsigned nbBig = 0, nbSmall = 0;
    u64 smallTotal = 0;
    for (unsigned s = 0; s <= maxSymbol; s++) {
        const u32 c = counts[s];
        if (c > total) return ZEST_ERR(GENERIC);
        const bool small = (u64(c) << tableLog) < total;
        norm[s] = short(c != 0);
        big[nbBig] = u8(s);
        nbBig += !small;
        nbSmall += small && c;
        smallTotal += small ? c : 0;
    }
    if (nbBig + nbSmall > L || nbBig == 0) return ZEST_ERR(GENERIC);
    const u64 restTotal = total - smallTotal;
    const u32 restStates = L - nbSmall;

    // Shares in 16.16 fixed point through one reciprocal, rounded at the
    // point where the next state starts paying for itself.
    const u64 recip = (u64(1) << 62) / restTotal;
    const unsigned shift = 62 - 16;
    u32 sum = nbSmall;
    for (unsigned i = 0; i < nbBig; i++) {
        const unsigned s = big[i];
        const u64 q = (u64(counts[s]) * recip >> 16) * restStates >> (shift - 16);
        const u32 k = u32(q >> 16);
        const u32 n = k == 0 ? 1 : k + (u32(q & 0xFFFF) > roundUpPoint(k));
        norm[s] = short(n);
        sum += n;
    }

    // Exact total and optimality by unit moves between the big symbols
    // (a small symbol never gains from a second state: its share is < 1).
    // gain: bits saved by one more state; loss: bits lost by one less.
    u64 gain[kFseMaxSymbolValue + 1], loss[kFseMaxSymbolValue + 1];
    auto refresh = [&](unsigned i) {
        const unsigned s = big[i];
        const unsigned n = unsigned(norm[s]);
        gain[i] = u64(counts[s]) * (kLog2.v[n + 1] - kLog2.v[n]);
        loss[i] = n > 1 ? u64(counts[s]) * (kLog2.v[n] - kLog2.v[n - 1]) : ~u64(0);
    };
    for (unsigned i = 0; i < nbBig; i++) refresh(i);
    auto bestGain = [&]() {
        unsigned best = 0;
        for (unsigned i = 1; i < nbBig; i++) best = gain[i] > gain[best] ? i : best;
        return best;
    };
    auto leastLoss = [&]() {
        unsigned best = 0;
        for (unsigned i = 1; i < nbBig; i++) best = loss[i] < loss[best] ? i : best;
        return best;
    };
    while (sum < L) {
        const unsigned i = bestGain();
        norm[big[i]]++;
        refresh(i);
        sum++;
    }
    while (sum > L) {
        const unsigned i = leastLoss();
        if (loss[i] == ~u64(0)) return ZEST_ERR(GENERIC);  // unreachable: states >= symbols
        norm[big[i]]--;
        refresh(i);
        sum--;
    }
    // For a separable concave objective, no improving move left means the optimum.
    for (unsigned iter = 0; iter < 2 * nbBig + 8; iter++) {
        const unsigned up = bestGain(), down = leastLoss();
        if (up == down || gain[up] <= loss[down]) break;
        norm[big[up]]++;
        norm[big[down]]--;
        refresh(up);
        refresh(down);
    }

    if (lowProbMinusOne) {
        for (unsigned s = 0; s <= maxSymbol; s++) {
            const bool small = counts[s] && (u64(counts[s]) << tableLog) < total;
            norm[s] = small ? short(-1) : norm[s];
        }
    }
    return tableLog;
}

size_t fseWriteNormalizedCounts(void* dst, size_t dstCapacity, const short* norm, unsigned maxSymbol,
                                unsigned tableLog) {
    if (tableLog < kFseMinTableLog || tableLog > kFseMaxTableLog) return ZEST_ERR(GENERIC);
    if (maxSymbol > kFseMaxSymbolValue) return ZEST_ERR(GENERIC);
    u8* const out = static_cast<u8*>(dst);
    size_t pos = 0;
    u64 acc = tableLog - kFseMinTableLog;
    unsigned nbAcc = 4;
    bool full = false;
    auto put = [&](u32 v, unsigned nb) {
        acc |= u64(v) << nbAcc;
        nbAcc += nb;
        while (nbAcc >= 8) {
            if (pos >= dstCapacity) {
                full = true;
                return;
            }
            out[pos++] = u8(acc);
            acc >>= 8;
            nbAcc -= 8;
        }
    };

    const int L = 1 << tableLog;
    int remaining = L + 1;  // mirrors the reader: states left, plus one
    int threshold = L;
    unsigned nbBits = tableLog + 1;
    unsigned symbol = 0;
    bool previousZero = false;
    while (remaining > 1) {
        if (symbol > maxSymbol) return ZEST_ERR(GENERIC);  // sums below L
        if (previousZero) {
            unsigned run = 0;
            while (symbol + run <= maxSymbol && norm[symbol + run] == 0) run++;
            if (symbol + run > maxSymbol) return ZEST_ERR(GENERIC);
            symbol += run;
            while (run >= 3) {
                put(3, 2);
                run -= 3;
            }
            put(run, 2);
            previousZero = false;
        }
        const int count = norm[symbol++];
        if (count < -1) return ZEST_ERR(GENERIC);
        const int value = count + 1;  // stored value is probability + 1
        const int max = (2 * threshold - 1) - remaining;
        if (value < max) put(u32(value), nbBits - 1);
        else if (value < threshold) put(u32(value), nbBits);
        else put(u32(value + max), nbBits);
        remaining -= count < 0 ? -count : count;
        if (remaining < 1) return ZEST_ERR(GENERIC);  // sums above L
        previousZero = count == 0;
        while (remaining < threshold) {
            nbBits--;
            threshold >>= 1;
        }
        if (full) return ZEST_ERR(dstSize_tooSmall);
    }
    // Later symbols must all be zero.
    for (unsigned s = symbol; s <= maxSymbol; s++)
        if (norm[s] != 0) return ZEST_ERR(GENERIC);
    if (nbAcc) {
        if (pos >= dstCapacity) return ZEST_ERR(dstSize_tooSmall);
        out[pos++] = u8(acc);
    }
    if (full) return ZEST_ERR(dstSize_tooSmall);
    return pos;
}

size_t fseBuildCTable(FseCTable* ct, const short* norm, unsigned maxSymbol, unsigned tableLog) {
    if (tableLog < kFseMinTableLog || tableLog > kFseMaxTableLog || maxSymbol > kFseMaxSymbolValue)
        return ZEST_ERR(GENERIC);
    const u32 L = u32(1) << tableLog;
    u16 next[kFseMaxSymbolValue + 1];
    u32 cumul = 0;
    for (unsigned s = 0; s <= maxSymbol; s++) {
        next[s] = u16(cumul);
        if (norm[s] < -1) return ZEST_ERR(GENERIC);
        const u32 n = norm[s] == 0 ? 0 : absNorm(norm[s]);
        if (n == 0) {
            ct->symbols[s] = FseSymbolTransform{0, 0};
            continue;
        }
        if (n > L) return ZEST_ERR(GENERIC);
        const u32 maxNb = tableLog - highBit32(n);
        ct->symbols[s] = FseSymbolTransform{(maxNb << 16) - (n << maxNb), i32(cumul) - i32(n)};
        cumul += n;
    }
    if (cumul != L) return ZEST_ERR(GENERIC);
    ct->tableLog = tableLog;
    ct->maxSymbol = maxSymbol;
    u16* const table = ct->stateTable;
    buildFseTable(norm, maxSymbol, tableLog, [&](unsigned state, unsigned s, unsigned, unsigned) {
        table[next[s]++] = u16(L + state);
    });
    return 0;
}

void fseBuildCTableRle(FseCTable* ct, unsigned symbol) {
    ct->tableLog = 0;
    ct->maxSymbol = symbol;
    for (unsigned s = 0; s < symbol; s++) ct->symbols[s] = FseSymbolTransform{0, 0};
    // One state (x = 1): zero bits out, next state index 0.
    ct->symbols[symbol] = FseSymbolTransform{u32(0) - 1u, -1};
    ct->stateTable[0] = 1;
}

size_t fseCostBits(const short* norm, unsigned tableLog, const u32* counts, unsigned maxSymbol) {
    if (tableLog > kFseMaxTableLog) return ZEST_ERR(GENERIC);
    const u64 full = u64(tableLog) << 16;
    u64 cost = 0;
    for (unsigned s = 0; s <= maxSymbol; s++) {
        if (counts[s] == 0) continue;
        if (norm[s] == 0) return ZEST_ERR(GENERIC);
        cost += u64(counts[s]) * (full - kLog2.v[absNorm(norm[s])]);
    }
    return size_t((cost + 0xFFFF) >> 16);
}

size_t fseCTableCostBits(const FseCTable& ct, const u32* counts, unsigned maxSymbol) {
    const u64 full = u64(ct.tableLog) << 16;
    u64 cost = 0;
    for (unsigned s = 0; s <= maxSymbol; s++) {
        if (counts[s] == 0) continue;
        if (s > ct.maxSymbol) return ZEST_ERR(GENERIC);
        const unsigned n = fseStateCount(ct, s);
        if (n == 0) return ZEST_ERR(GENERIC);
        cost += u64(counts[s]) * (full - kLog2.v[n]);
    }
    return size_t((cost + 0xFFFF) >> 16);
}

size_t fseCompressTwoStates(void* dst, size_t dstCapacity, const u8* src, size_t n, const FseCTable& ct) {
    if (n < 2) return ZEST_ERR(GENERIC);
    BitWriter bw;
    bw.init(dst, dstCapacity);
    // The last two symbols start the chains: position n-1 and n-2, each on
    // the state of its parity (even positions: first state).
    FseState st[2];
    fseInitState(st[(n - 1) & 1], ct, src[n - 1]);
    fseInitState(st[(n - 2) & 1], ct, src[n - 2]);
    size_t i = n - 2;
    // Make the remaining count even so the loop handles pairs.
    if (i & 1) {
        i--;
        fseEncodeSymbol(bw, st[i & 1], src[i]);
    }
    while (i >= 2) {
        // Positions i-1 (odd: second state) and i-2 (even: first state).
        fseEncodeSymbol(bw, st[1], src[i - 1]);
        fseEncodeSymbol(bw, st[0], src[i - 2]);
        bw.flush();
        i -= 2;
    }
    fseFlushState(bw, st[1]);
    fseFlushState(bw, st[0]);
    return bw.close();
}

}  // namespace zest
