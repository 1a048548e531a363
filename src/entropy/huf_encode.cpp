#include "entropy/huf_encode.h"

#include <cstring>

#include "common/cpu.h"

namespace zest {

namespace {

constexpr u32 kInf = ~u32(0);

// (The builtin becomes a libgcc call on baseline x86-64.)
ZEST_FORCE_INLINE unsigned popcount64(u64 x) {
    x -= (x >> 1) & 0x5555555555555555ull;
    x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
    x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0Full;
    return unsigned((x * 0x0101010101010101ull) >> 56);
}

// Present symbols sorted by ascending count (ties by ascending symbol):
// ws.sortedCount[0..m) / ws.sortedSymbol[0..m), with ws.sortedCount[m] = kInf.
// Counts are scaled down first if their sum could overflow the 32-bit
// weights of the package-merge lists (11 levels of sums). Returns m.
unsigned sortSymbols(const u32* counts, unsigned maxSymbol, HufWorkspace& ws) {
    // Gather the present symbols (branch-free: absent ones are overwritten).
    u64 total = 0;
    unsigned m = 0;
    for (unsigned s = 0; s <= maxSymbol; s++) {
        const u32 c = counts[s];
        ws.tmpCount[m] = c;
        ws.tmpSymbol[m] = u8(s);
        m += c != 0;
        total += c;
    }
    if (total >= (u64(1) << 27)) {
        unsigned scale = 0;
        while ((total >> scale) >= (u64(1) << 27)) scale++;
        for (unsigned i = 0; i < m; i++) {
            const u32 w = ws.tmpCount[i] >> scale;
            ws.tmpCount[i] = w + (w == 0);  // present symbols keep a non-zero weight
        }
    }
    ws.sortedCount[m] = kInf;
    if (m < 2) {
        if (m) {
            ws.sortedCount[0] = ws.tmpCount[0];
            ws.sortedSymbol[0] = ws.tmpSymbol[0];
        }
        return m;
    }

    // Distribute over 240 ordered classes: exact below 16, else the bit
    // length and the 3 bits after the leading one (steps of 1/8 octave).
    // Real histograms leave small classes, finished by insertion sort.
    auto classOf = [](u32 c) -> unsigned {
        if (c < 16) return c;
        const unsigned h = highBit32(c);
        return 16 + ((h - 4) << 3) + ((c >> (h - 3)) & 7);
    };
    u32* const cls = ws.buckets;  // 240 classes at most
    u32 maxCount = 0;
    for (unsigned i = 0; i < m; i++) maxCount = ws.tmpCount[i] > maxCount ? ws.tmpCount[i] : maxCount;
    const unsigned nbClasses = classOf(maxCount) + 1;
    std::memset(cls, 0, nbClasses * sizeof(u32));
    for (unsigned i = 0; i < m; i++) cls[classOf(ws.tmpCount[i])]++;
    u32 largestClass = 0, sum = 0;
    for (unsigned g = 0; g < nbClasses; g++) {
        const u32 c = cls[g];
        largestClass = c > largestClass ? c : largestClass;
        sum += c;
        cls[g] = sum;  // end of the class; scattering walks it back down
    }
    if (largestClass <= 16) {
        // Scatter backwards (stable), then one insertion sort: classes are
        // already in order, so elements only move within their class.
        for (unsigned i = m; i-- > 0;) {
            const u32 pos = --cls[classOf(ws.tmpCount[i])];
            ws.sortedCount[pos] = ws.tmpCount[i];
            ws.sortedSymbol[pos] = ws.tmpSymbol[i];
        }
        for (u32 i = 1; i < m; i++) {
            const u32 c = ws.sortedCount[i];
            if (ws.sortedCount[i - 1] <= c) continue;
            const u8 sym = ws.sortedSymbol[i];
            u32 j = i;
            do {
                ws.sortedCount[j] = ws.sortedCount[j - 1];
                ws.sortedSymbol[j] = ws.sortedSymbol[j - 1];
                j--;
            } while (j > 0 && ws.sortedCount[j - 1] > c);
            ws.sortedCount[j] = c;
            ws.sortedSymbol[j] = sym;
        }
        return m;
    }

    // Flat histograms: LSD radix sort on the bytes of the count (stable).
    u32* srcC = ws.tmpCount;
    u8* srcS = ws.tmpSymbol;
    u32* dstC = ws.sortedCount;
    u8* dstS = ws.sortedSymbol;
    for (unsigned shift = 0; shift < 32 && (maxCount >> shift) != 0; shift += 8) {
        std::memset(ws.buckets, 0, 256 * sizeof(u32));
        for (unsigned i = 0; i < m; i++) ws.buckets[(srcC[i] >> shift) & 255]++;
        u32 run = 0;
        for (unsigned b = 0; b < 256; b++) {
            const u32 c = ws.buckets[b];
            ws.buckets[b] = run;
            run += c;
        }
        for (unsigned i = 0; i < m; i++) {
            const u32 pos = ws.buckets[(srcC[i] >> shift) & 255]++;
            dstC[pos] = srcC[i];
            dstS[pos] = srcS[i];
        }
        u32* tc = srcC;
        srcC = dstC;
        dstC = tc;
        u8* ts = srcS;
        srcS = dstS;
        dstS = ts;
    }
    if (srcC != ws.sortedCount) {
        std::memcpy(ws.sortedCount, srcC, m * sizeof(u32));
        std::memcpy(ws.sortedSymbol, srcS, m);
    }
    ws.sortedCount[m] = kInf;
    return m;
}

// Huffman's algorithm with two queues over the sorted leaves. Writes the
// depth of each sorted leaf to len[0..m) and returns the largest.
unsigned huffmanDepths(u8* len, unsigned m, HufWorkspace& ws) {
    const u32* leaf = ws.sortedCount;  // leaf[m] == kInf
    u32* inner = ws.nodes;             // weights of internal nodes, in creation order
    u16* parent = ws.parent;           // of leaves [0, m) and internal nodes [m, 2m-1)
    unsigned i = 0, j = 0;
    for (unsigned k = 0; k + 1 < m; k++) {
        inner[k] = kInf;  // sentinel: no internal node left to take
        const bool la = leaf[i] <= inner[j];
        const u32 wa = la ? leaf[i] : inner[j];
        const unsigned ida = la ? i : m + j;
        i += la;
        j += !la;
        const bool lb = leaf[i] <= inner[j];
        const u32 wb = lb ? leaf[i] : inner[j];
        const unsigned idb = lb ? i : m + j;
        i += lb;
        j += !lb;
        inner[k] = wa + wb;
        parent[ida] = u16(m + k);
        parent[idb] = u16(m + k);
    }
    // Depths of internal nodes, root (the last one) first.
    u8* depth = ws.weights;  // free until descriptions are written
    depth[m - 2] = 0;
    for (unsigned k = m - 2; k-- > 0;) depth[k] = u8(depth[parent[m + k] - m] + 1);
    unsigned maxLen = 0;
    for (unsigned l = 0; l < m; l++) {
        len[l] = u8(depth[parent[l] - m] + 1);
        maxLen = len[l] > maxLen ? len[l] : maxLen;
    }
    return maxLen;
}

// Package-merge: optimal lengths no longer than maxBits for the sorted leaves.
// List 1 holds the leaves as coins of the smallest denomination; list j
// merges the leaves with pairs ("packages") of list j-1. The cheapest 2m-2
// items of list maxBits are selected; a selected package selects both of its
// items in the list below. A leaf's length is the number of lists in which
// it is selected. Selections are prefixes of the sorted lists, so each list
// only needs to remember which of its positions hold packages, and at most
// 2m-2 items per list matter.
void packageMerge(u8* len, unsigned m, unsigned maxBits, HufWorkspace& ws) {
    const u32* leaf = ws.sortedCount;  // leaf[m] == kInf
    const unsigned keep = 2 * m - 2;
    const u32* prev = leaf;
    unsigned prevLen = m;
    u32* cur = ws.nodes;
    u32* pkg = ws.packages;
    for (unsigned level = 2; level <= maxBits; level++) {
        const unsigned np = prevLen / 2;
        for (unsigned p = 0; p < np; p++) pkg[p] = prev[2 * p] + prev[2 * p + 1];
        pkg[np] = kInf;
        const unsigned n = m + np < keep ? m + np : keep;
        u64* bits = ws.packageBits[level];
        std::memset(bits, 0, sizeof ws.packageBits[0]);
        unsigned i = 0, p = 0;
        for (unsigned t = 0; t < n; t++) {
            const bool takeLeaf = leaf[i] <= pkg[p];
            cur[t] = takeLeaf ? leaf[i] : pkg[p];
            bits[t >> 6] |= u64(!takeLeaf) << (t & 63);
            i += takeLeaf;
            p += !takeLeaf;
        }
        prev = cur;
        prevLen = n;
    }
    // Walk back down. hist[v] counts lists whose selection holds v leaves.
    u32* hist = ws.buckets;
    std::memset(hist, 0, (m + 1) * sizeof(u32));
    unsigned k = keep;
    for (unsigned level = maxBits; level >= 2; level--) {
        const u64* bits = ws.packageBits[level];
        unsigned packages = 0;
        unsigned w = 0;
        for (; (w + 1) * 64 <= k; w++) packages += popcount64(bits[w]);
        if (k & 63) packages += popcount64(bits[w] & ((u64(1) << (k & 63)) - 1));
        hist[k - packages]++;
        k = 2 * packages;
    }
    hist[k]++;  // list 1: leaves only
    unsigned run = 0;
    for (unsigned l = m; l-- > 0;) {
        run += hist[l + 1];
        len[l] = u8(run);
    }
}

// Fast limit: clamp the lengths above maxBits, then restore the Kraft
// equality with single-symbol moves. Lengths are non-increasing along the
// sorted leaves, so each length d owns a block [start[d], start[d] + count[d]);
// its cheapest symbol to lengthen is the block's first, the most valuable one
// to shorten its last. Kraft sums are kept in units of 2^-maxBits.
void limitLengths(u8* len, unsigned m, unsigned maxBits, const HufWorkspace& ws) {
    const u32* w = ws.sortedCount;
    const unsigned L = maxBits;
    int count[kHufMaxCodeBits + 2] = {};
    for (unsigned i = 0; i < m; i++) {
        if (len[i] > L) len[i] = u8(L);
        count[len[i]]++;
    }
    int start[kHufMaxCodeBits + 2];
    start[L] = 0;
    for (unsigned d = L; d-- > 1;) start[d] = start[d + 1] + count[d + 1];
    i32 excess = -(i32(1) << L);
    for (unsigned d = 1; d <= L; d++) excess += count[d] << (L - d);

    // Too many short codes: lengthen symbols until the sum fits. Moving the
    // first symbol of block d frees 2^(L-d-1) units for weight w bits. Among
    // moves that free no more than needed, the best is the cheapest per unit
    // (smallest w * 2^d); a bigger move is taken instead when its whole cost
    // is below what the rest would cost at that best rate.
    while (excess > 0) {
        unsigned fit = 0, big = 0;
        u64 fitScore = ~u64(0), bigCost = ~u64(0);
        for (unsigned d = 1; d < L; d++) {
            if (!count[d]) continue;
            const u64 cost = w[start[d]];
            if ((i32(1) << (L - d - 1)) <= excess) {
                if ((cost << d) < fitScore) {
                    fit = d;
                    fitScore = cost << d;
                }
            } else if (cost <= bigCost) {
                big = d;
                bigCost = cost;
            }
        }
        // Rest at the fit rate: excess * w / 2^(L-d-1) = excess * score / 2^(L-1).
        unsigned d = fit;
        if (!fit || (big && (bigCost << (L - 1)) < u64(excess) * fitScore)) d = big;
        // The first symbol of block d joins the end of block d + 1.
        len[start[d]] = u8(d + 1);
        start[d]++;
        count[d]--;
        count[d + 1]++;
        excess -= i32(1) << (L - d - 1);
    }
    // Room left: shorten the symbols that save the most per unit of room
    // (weight * 2^d again), among those that fit. The longest block always
    // fits (the room is a multiple of its unit), so this ends exactly.
    while (excess < 0) {
        unsigned best = 0;
        u64 bestScore = 0;
        for (unsigned d = 2; d <= L; d++) {
            if (!count[d] || (i32(1) << (L - d)) > -excess) continue;
            const u64 score = u64(w[start[d] + count[d] - 1]) << d;
            if (score >= bestScore) {
                best = d;
                bestScore = score;
            }
        }
        const int last = start[best] + count[best] - 1;
        len[last] = u8(best - 1);
        count[best]--;
        count[best - 1]++;
        start[best - 1]--;
        excess += i32(1) << (L - best);
    }
    // Polish with balanced three-symbol moves while one pays:
    //  split: the heaviest of block d moves up to d-1, its two lightest down to d+1;
    //  join:  the two heaviest of block d+1 move up to d, the lightest of d-1 down to d.
    for (unsigned round = 0; round < 2 * m; round++) {
        int64_t bestGain = 0;
        unsigned bestD = 0;
        bool bestSplit = false;
        for (unsigned d = 2; d < L; d++) {
            if (count[d] >= 3) {
                const int f = start[d];
                const int64_t gain = int64_t(w[f + count[d] - 1]) - int64_t(w[f]) - int64_t(w[f + 1]);
                if (gain > bestGain) {
                    bestGain = gain;
                    bestD = d;
                    bestSplit = true;
                }
            }
            if (count[d + 1] >= 2 && count[d - 1] >= 1) {
                const int x = start[d + 1] + count[d + 1] - 1;
                const int64_t gain = int64_t(w[x]) + int64_t(w[x - 1]) - int64_t(w[start[d - 1]]);
                if (gain > bestGain) {
                    bestGain = gain;
                    bestD = d;
                    bestSplit = false;
                }
            }
        }
        if (!bestD) break;
        const unsigned d = bestD;
        if (bestSplit) {
            const int f = start[d];
            const int last = f + count[d] - 1;
            len[f] = len[f + 1] = u8(d + 1);
            len[last] = u8(d - 1);
            count[d] -= 3;
            count[d + 1] += 2;
            count[d - 1] += 1;
            start[d] += 2;
            start[d - 1] -= 1;
        } else {
            const int x = start[d + 1] + count[d + 1] - 1;
            len[x] = len[x - 1] = u8(d);
            len[start[d - 1]] = u8(d);
            count[d + 1] -= 2;
            count[d] += 3;
            count[d - 1] -= 1;
            start[d] -= 2;
            start[d - 1] += 1;
        }
    }
}

// The 1-stream writer keeps its pending bits at the top of a 64-bit word,
// newest highest. A table entry has its code in the top bits and its length
// in the low byte: appending is a shift right by the length and an OR. The
// length byte lands below the pending bits, where it stays out of the way as
// long as at most 60 bits are pending (4 codes of <= 11 bits between flushes).

// Append four entries, oldest first. They are first combined among
// themselves (off the container's dependency chain), so the container is
// shifted and merged once per group instead of once per symbol.
ZEST_FORCE_INLINE void put4(u64& bits, unsigned& nb, u64 e0, u64 e1, u64 e2, u64 e3) {
    const unsigned n1 = unsigned(e1) & 0xFF, n2 = unsigned(e2) & 0xFF, n3 = unsigned(e3) & 0xFF;
    const u64 a = (e0 >> n1) | e1;
    const u64 b = (e2 >> n3) | e3;
    const u64 quad = (a >> (n2 + n3)) | b;
    const unsigned total = (unsigned(e0) & 0xFF) + n1 + n2 + n3;
    bits = (bits >> total) | quad;
    nb += total;
}

ZEST_FORCE_INLINE void put1(u64& bits, unsigned& nb, u64 e) {
    const unsigned n = unsigned(e) & 0xFF;
    bits = (bits >> n) | e;
    nb += n;
}

// Byte-by-byte store near the end of the buffer; nullptr if it overflows.
ZEST_NOINLINE u8* storeSlow(u8* ptr, u8* end, u64 v, unsigned bytes) {
    for (unsigned b = 0; b < bytes; b++) {
        if (ptr >= end) return nullptr;
        *ptr++ = u8(v >> (8 * b));
    }
    return ptr;
}

// Store the complete bytes of the pending bits (nb >= 1); false on overflow.
ZEST_FORCE_INLINE bool flush(u64 bits, unsigned& nb, u8*& ptr, u8* end) {
    const u64 v = bits >> (64 - nb);
    if (ZEST_LIKELY(end - ptr >= 8)) {
        writeLE64(ptr, v);
        ptr += nb >> 3;
    } else {
        ptr = storeSlow(ptr, end, v, nb >> 3);
        if (!ptr) return false;
    }
    nb &= 7;
    return true;
}

ZEST_FORCE_INLINE size_t compress1(u8* dst, size_t cap, const u8* src, size_t n, const u64* table) {
    u64 bits = 0;
    unsigned nb = 0;
    u8* ptr = dst;
    u8* const end = dst + cap;
    const u8* ip = src + n;
    // The last (n mod 4) symbols first, then groups of four, back to front.
    switch (n & 3) {
        case 3: put1(bits, nb, table[*--ip]); [[fallthrough]];
        case 2: put1(bits, nb, table[*--ip]); [[fallthrough]];
        case 1:
            put1(bits, nb, table[*--ip]);
            if (!flush(bits, nb, ptr, end)) return 0;
            [[fallthrough]];
        default: break;
    }
    while (ip - src >= 8) {
        put4(bits, nb, table[ip[-1]], table[ip[-2]], table[ip[-3]], table[ip[-4]]);
        if (!flush(bits, nb, ptr, end)) return 0;
        put4(bits, nb, table[ip[-5]], table[ip[-6]], table[ip[-7]], table[ip[-8]]);
        ip -= 8;
        if (!flush(bits, nb, ptr, end)) return 0;
    }
    if (ip > src) {
        put4(bits, nb, table[ip[-1]], table[ip[-2]], table[ip[-3]], table[ip[-4]]);
        if (!flush(bits, nb, ptr, end)) return 0;
    }
    // End mark, then the last partial byte.
    bits = (bits >> 1) | (u64(1) << 63);
    nb += 1;
    if (!flush(bits, nb, ptr, end)) return 0;
    if (nb) {
        if (ptr >= end) return 0;
        *ptr++ = u8(bits >> (64 - nb));
    }
    return size_t(ptr - dst);
}

// How far above Huffman's cost the fast repair may end before package-merge
// runs: 1/256, plus up to 1/64 but at most 32 bytes. Small sections capped
// well below their Huffman depth (hufSuggestMaxBits) always exceed 1/256 of
// the unconstrained cost, a weak bound there; a few bytes is not worth
// package-merge's time on them (it would cost 5% of level 1's speed on 4 KiB blocks).
u64 repairSlackBits(u64 huffmanCost) {
    const u64 smallSlack = huffmanCost >> 6;
    return (huffmanCost >> 8) + (smallSlack < 256 ? smallSlack : 256);
}

}  // namespace

unsigned hufSuggestMaxBits(size_t srcSize, unsigned maxSymbol) {
    unsigned bits = kHufMaxCodeBits;
    if (srcSize > 1) {
        // Two bits under log2(srcSize): the shorter table description
        // outweighs the longer codes of rare symbols (about 0.25% smaller on
        // 4 KiB blocks; no effect above 4K literals, where 11 binds first).
        const unsigned bySize = highBit64(u64(srcSize - 1)) - 1;
        if (bySize < bits) bits = bySize;
    }
    const unsigned minBits = highBit32(maxSymbol | 1) + 2;
    if (bits < minBits) bits = minBits;
    if (bits > kHufMaxCodeBits) bits = kHufMaxCodeBits;
    return bits;
}

size_t hufBuildCodeLengths(u8* nbBits, const u32* counts, unsigned maxSymbol, unsigned maxBits, HufWorkspace& ws,
                           bool exact) {
    if (maxSymbol > kHufMaxSymbolValue) return ZEST_ERR(maxSymbolValue_tooLarge);
    if (maxBits > kHufMaxCodeBits) maxBits = kHufMaxCodeBits;
    if (maxBits < 1) maxBits = 1;
    const unsigned m = sortSymbols(counts, maxSymbol, ws);
    if (m < 2) return ZEST_ERR(GENERIC);
    while ((1u << maxBits) < m) maxBits++;  // at most 11 for 256 symbols

    u8 len[kHufMaxSymbolValue + 1];
    unsigned longest = huffmanDepths(len, m, ws);
    if (longest > maxBits) {
        // The fast repair needs lengths non-increasing along the sorted
        // leaves (Huffman's two-queue construction gives that; checked anyway).
        bool monotone = true;
        for (unsigned i = 1; i < m; i++) monotone &= len[i] <= len[i - 1];
        bool optimal = exact || !monotone;
        if (!optimal) {
            // Huffman's cost bounds the optimum from below: keep the fast
            // repair when it is close to it, else compute the optimum.
            u64 huffmanCost = 0, cost = 0;
            for (unsigned i = 0; i < m; i++) huffmanCost += u64(ws.sortedCount[i]) * len[i];
            limitLengths(len, m, maxBits, ws);
            for (unsigned i = 0; i < m; i++) cost += u64(ws.sortedCount[i]) * len[i];
            optimal = cost > huffmanCost + repairSlackBits(huffmanCost);
        }
        if (optimal) packageMerge(len, m, maxBits, ws);
        longest = 0;
        for (unsigned i = 0; i < m; i++) longest = len[i] > longest ? len[i] : longest;
    }
    std::memset(nbBits, 0, maxSymbol + 1);
    for (unsigned i = 0; i < m; i++) nbBits[ws.sortedSymbol[i]] = len[i];
    return longest;
}

size_t hufBuildCTableFromLengths(HufCTable* ct, const u8* nbBits, unsigned maxSymbol) {
    if (maxSymbol > kHufMaxSymbolValue) return ZEST_ERR(maxSymbolValue_tooLarge);
    unsigned maxLen = 0;
    unsigned top = 0;
    // Four sets of counters, so runs of equal lengths do not serialize on
    // one memory location.
    u32 perLen4[4][16] = {};
    for (unsigned s = 0; s <= maxSymbol; s++) {
        const unsigned nb = nbBits[s] & 15;
        if (nbBits[s] > kHufMaxCodeBits) return ZEST_ERR(GENERIC);
        perLen4[s & 3][nb]++;
        maxLen = nb > maxLen ? nb : maxLen;
        top = nb ? s : top;
    }
    if (maxLen == 0) return ZEST_ERR(GENERIC);
    u32 perLen[16];
    for (unsigned l = 0; l < 16; l++) perLen[l] = perLen4[0][l] + perLen4[1][l] + perLen4[2][l] + perLen4[3][l];
    u32 kraft = 0;
    for (unsigned l = 1; l <= maxLen; l++) kraft += perLen[l] << (maxLen - l);
    if (kraft != (u32(1) << maxLen)) return ZEST_ERR(GENERIC);

    // First cell of each weight's range: lower weights (longer codes) first.
    // Absent symbols use one of four scratch slots (12..15) in turn.
    u32 next[16] = {};
    u32 cell = 0;
    for (unsigned w = 1; w <= maxLen; w++) {
        next[w] = cell;
        cell += perLen[maxLen + 1 - w] << (w - 1);
    }
    for (unsigned s = 0; s <= maxSymbol; s++) {
        const unsigned nb = nbBits[s];
        const unsigned w = nb ? maxLen + 1 - nb : 12 + (s & 3);
        const u32 code = next[w] >> ((w - 1) & 15);
        next[w] += u32(1) << ((w - 1) & 15);
        // (code << 1 << (63 - nb)) is code << (64 - nb), and 0 for nb == 0.
        ct->entries[s] = ((u64(code) << 1) << (63 - nb)) | nb;
    }
    std::memset(ct->entries + maxSymbol + 1, 0, (kHufMaxSymbolValue - maxSymbol) * sizeof(u64));
    ct->maxBits = maxLen;
    ct->maxSymbol = top;
    return 0;
}

size_t hufBuildCTable(HufCTable* ct, const u32* counts, unsigned maxSymbol, unsigned maxBits, HufWorkspace& ws,
                      bool exact) {
    u8 nbBits[kHufMaxSymbolValue + 1];
    const size_t longest = hufBuildCodeLengths(nbBits, counts, maxSymbol, maxBits, ws, exact);
    if (isError(longest)) return longest;
    ZEST_TRY(hufBuildCTableFromLengths(ct, nbBits, maxSymbol));
    return longest;
}

size_t hufCTableFromDTable(HufCTable* ct, const HufTable& dt) {
    if (dt.tableLog == 0 || dt.tableLog > kHufMaxCodeBits) return ZEST_ERR(GENERIC);
    u8 nbBits[kHufMaxSymbolValue + 1] = {};
    unsigned top = 0;
    const u32 cells = u32(1) << dt.tableLog;
    for (u32 i = 0; i < cells; i++) {
        const HufTable::Cell c = dt.cells[i];
        nbBits[c.symbol] = c.nbBits;
        top = c.symbol > top ? c.symbol : top;
    }
    return hufBuildCTableFromLengths(ct, nbBits, top);
}

size_t hufWriteCTable(void* dst, size_t dstCapacity, const HufCTable& ct, HufWorkspace& ws) {
    u8* const out = static_cast<u8*>(dst);
    const unsigned nbWeights = ct.maxSymbol;  // the last symbol's weight is implied
    if (nbWeights < 1 || ct.maxBits < 1 || ct.maxBits > kHufMaxCodeBits) return ZEST_ERR(GENERIC);
    u8* const weights = ws.weights;
    u32 counts[kHufMaxCodeBits + 1] = {};
    unsigned maxWeight = 0;
    for (unsigned s = 0; s < nbWeights; s++) {
        const unsigned nb = hufNbBits(ct, s);
        const unsigned w = nb ? ct.maxBits + 1 - nb : 0;
        weights[s] = u8(w);
        counts[w]++;
        maxWeight = w > maxWeight ? w : maxWeight;
    }
    const size_t directSize = nbWeights <= 128 ? 1 + (nbWeights + 1) / 2 : ~size_t(0);

    // FSE-compressed weights: two states, accuracy log <= 6, at most 127 bytes.
    size_t fseSize = ~size_t(0);
    u32 largest = 0;
    for (unsigned w = 0; w <= maxWeight; w++) largest = counts[w] > largest ? counts[w] : largest;
    if (nbWeights >= 2 && largest < nbWeights) {
        short norm[kHufMaxCodeBits + 1];
        const unsigned tl = fseOptimalTableLog(6, nbWeights, maxWeight);
        if (!isError(fseNormalizeCounts(norm, tl, counts, nbWeights, maxWeight))) {
            u8* const body = ws.fseOut + 1;
            const size_t hdr = fseWriteNormalizedCounts(body, 127, norm, maxWeight, tl);
            if (!isError(hdr) && hdr < 127 && !isError(fseBuildCTable(&ws.weightTable, norm, maxWeight, tl))) {
                const size_t stream = fseCompressTwoStates(body + hdr, 127 - hdr, weights, nbWeights, ws.weightTable);
                if (!isError(stream) && stream != 0) fseSize = 1 + hdr + stream;
            }
        }
    }

    if (fseSize < directSize) {
        if (fseSize > dstCapacity) return ZEST_ERR(dstSize_tooSmall);
        ws.fseOut[0] = u8(fseSize - 1);
        std::memcpy(out, ws.fseOut, fseSize);
        return fseSize;
    }
    if (directSize == ~size_t(0)) return ZEST_ERR(GENERIC);
    if (directSize > dstCapacity) return ZEST_ERR(dstSize_tooSmall);
    out[0] = u8(127 + nbWeights);
    for (unsigned i = 0; i < nbWeights; i += 2) {
        const unsigned hi = weights[i];
        const unsigned lo = i + 1 < nbWeights ? weights[i + 1] : 0;
        out[1 + i / 2] = u8((hi << 4) | lo);
    }
    return directSize;
}

namespace {

ZEST_FORCE_INLINE size_t compress4(u8* out, size_t dstCapacity, const u8* ip, size_t srcSize, const u64* table) {
    const size_t seg = (srcSize + 3) / 4;
    if (3 * seg > srcSize) return ZEST_ERR(srcSize_wrong);
    if (dstCapacity < 6 + 4) return 0;
    u8* op = out + 6;
    u8* const end = out + dstCapacity;
    for (int i = 0; i < 4; i++) {
        const size_t len = i < 3 ? seg : srcSize - 3 * seg;
        const size_t r = compress1(op, size_t(end - op), ip, len, table);
        if (r == 0) return 0;
        if (i < 3) {
            if (r > 0xFFFF) return 0;
            writeLE16(out + 2 * i, u16(r));
        }
        op += r;
        ip += len;
    }
    return size_t(op - out);
}

// Variable shifts are single instructions with BMI2 (shrx), three with cl.
ZEST_NOINLINE size_t compress1Default(u8* dst, size_t cap, const u8* src, size_t n, const u64* table) {
    return compress1(dst, cap, src, n, table);
}
ZEST_NOINLINE ZEST_TARGET_BMI2 size_t compress1Bmi2(u8* dst, size_t cap, const u8* src, size_t n, const u64* table) {
    return compress1(dst, cap, src, n, table);
}
ZEST_NOINLINE size_t compress4Default(u8* dst, size_t cap, const u8* src, size_t n, const u64* table) {
    return compress4(dst, cap, src, n, table);
}
ZEST_NOINLINE ZEST_TARGET_BMI2 size_t compress4Bmi2(u8* dst, size_t cap, const u8* src, size_t n, const u64* table) {
    return compress4(dst, cap, src, n, table);
}

}  // namespace

size_t hufCompress1Stream(void* dst, size_t dstCapacity, const void* src, size_t srcSize, const HufCTable& ct,
                          bool bmi2) {
    u8* const d = static_cast<u8*>(dst);
    const u8* const s = static_cast<const u8*>(src);
    return bmi2 ? compress1Bmi2(d, dstCapacity, s, srcSize, ct.entries)
                : compress1Default(d, dstCapacity, s, srcSize, ct.entries);
}

size_t hufCompress4Streams(void* dst, size_t dstCapacity, const void* src, size_t srcSize, const HufCTable& ct,
                           bool bmi2) {
    u8* const d = static_cast<u8*>(dst);
    const u8* const s = static_cast<const u8*>(src);
    return bmi2 ? compress4Bmi2(d, dstCapacity, s, srcSize, ct.entries)
                : compress4Default(d, dstCapacity, s, srcSize, ct.entries);
}

size_t hufEstimateBits(const HufCTable& ct, const u32* counts, unsigned maxSymbol) {
    size_t bits = 0;
    for (unsigned s = 0; s <= maxSymbol; s++) bits += size_t(counts[s]) * (ct.entries[s] & 0xFF);
    return bits;
}

bool hufCanEncode(const HufCTable& ct, const u32* counts, unsigned maxSymbol) {
    u32 bad = 0;
    for (unsigned s = 0; s <= maxSymbol; s++) bad |= counts[s] & u32(-u32((ct.entries[s] & 0xFF) == 0));
    return bad == 0;
}

}  // namespace zest
