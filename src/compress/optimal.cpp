// The optimal parser (btopt, btultra, btultra2): a block is cut into series
// of positions; in each, the cheapest way in bits to reach every position is
// found by dynamic programming forward from the series' start, over literals
// and every match the binary tree and the repeat offsets offer there; the
// cheapest path is then emitted. Prices come from symbol statistics: the
// block's bytes for literals; for lengths and offsets the frame's sequences so
// far (the spec's default distributions to start with), updated as series
// are emitted.
#include "compress/optimal.h"

#include <cstring>

#include "compress/length_codes.h"

namespace zest {
namespace {

constexpr u32 kInfinite = 0xFFFFFFFFu / 2;
// Weight of an emitted literal in the statistics, against the block's own
// bytes (each 2^-kLitShift) that seed them: what the parser actually leaves
// as literals prices them much better than the block's byte histogram.
constexpr u32 kLitWeight = 16;
constexpr unsigned kLitShift = 6;
// Sizes (log2) the statistics are scaled to between blocks.
// (Small targets for the codes: their statistics follow the data's changes
// quickly; measured on the corpus.)
constexpr unsigned kLitLogTarget = 15, kCodeLogTarget = 8;
// btultra2's first pass: not on blocks too small to learn from.
constexpr size_t kMinFirstPass = 64;

// log2(x) in 1/256 bit, x >= 1 (mantissa linear between powers of two).
ZEST_FORCE_INLINE u32 weight(u32 x) {
    const unsigned hb = highBit32(x);
    return hb * kPriceScale + u32((u64(x) << 8) >> hb) - kPriceScale;
}

// Price of a symbol seen `freq` times out of `sum`.
ZEST_FORCE_INLINE u32 symbolPrice(u32 freq, u32 sum) {
    const u32 w = weight(sum), f = weight(freq ? freq : 1);
    return w > f ? w - f : 0;
}

u32 total(const u32* f, unsigned n) {
    u32 s = 0;
    for (unsigned i = 0; i < n; ++i) s += f[i];
    return s;
}

void seedFromNorm(u32* freq, const short* norm, unsigned n, unsigned maxCode) {
    for (unsigned i = 0; i <= maxCode; ++i) freq[i] = i < n ? u32(norm[i] < 0 ? 1 : norm[i]) : 1;
}

// Frequencies that a table's code lengths or state counts stand for (at
// least 1: a symbol the table cannot code may still come).
void seedFromHuffman(u32* freq, const HufCTable& t) {
    for (unsigned i = 0; i < 256; ++i) {
        const unsigned nb = i <= t.maxSymbol ? hufNbBits(t, i) : 0;
        freq[i] = nb ? u32(1) << (kHufMaxCodeBits + 1 - nb) : 1;
    }
}
void seedFromFse(u32* freq, const FseCTable& t, unsigned maxCode) {
    for (unsigned i = 0; i <= maxCode; ++i) {
        const unsigned n = i <= t.maxSymbol ? fseStateCount(t, i) : 0;
        freq[i] = n ? n : 1;
    }
}

// Frequencies scaled down (by a power of two, each at least 1) so that they
// sum to about 2^logTarget: older blocks count, newer ones count more.
void rescale(u32* f, unsigned n, unsigned logTarget) {
    const u32 sum = total(f, n);
    if ((sum >> logTarget) <= 1) return;
    const unsigned shift = highBit32(sum >> logTarget);
    for (unsigned i = 0; i < n; ++i) f[i] = 1 + (f[i] >> shift);
}

// Statistics at a block's start. The frame's first: the block's own bytes
// for the literals, the spec's default distributions for the codes, or with
// `fromTables` (btultra) the decoder's tables where there are some (a
// dictionary's). Later ones: what earlier blocks emitted, scaled down.
void startBlockStats(OptState& st, const u8* src, size_t srcSize, bool fromTables) {
    OptStats& s = st.stats;
    if (!st.haveStats) {
        const EntropyTables* t = fromTables ? st.tables : nullptr;
        if (t && t->hufRepeat != RepeatMode::none) {
            seedFromHuffman(s.lit, t->huf);
        } else {
            std::memset(s.lit, 0, sizeof s.lit);
            for (size_t i = 0; i < srcSize; ++i) ++s.lit[src[i]];
            for (u32& f : s.lit) f = 1 + (f >> kLitShift);
        }
        if (t && t->llRepeat != RepeatMode::none) seedFromFse(s.ll, t->ll, kLLMaxCode);
        else seedFromNorm(s.ll, kLLDefaultNorm, 36, kLLMaxCode);
        if (t && t->mlRepeat != RepeatMode::none) seedFromFse(s.ml, t->ml, kMLMaxCode);
        else seedFromNorm(s.ml, kMLDefaultNorm, 53, kMLMaxCode);
        if (t && t->ofRepeat != RepeatMode::none) seedFromFse(s.of, t->of, kOFMaxCode);
        else seedFromNorm(s.of, kOFDefaultNorm, 29, kOFMaxCode);
        st.haveStats = true;
    } else {
        rescale(s.lit, 256, kLitLogTarget);
        rescale(s.ll, kLLMaxCode + 1, kCodeLogTarget);
        rescale(s.ml, kMLMaxCode + 1, kCodeLogTarget);
        rescale(s.of, kOFMaxCode + 1, kCodeLogTarget);
    }
    st.pricesStale = true;
    s.litSum = total(s.lit, 256);
    s.llSum = total(s.ll, kLLMaxCode + 1);
    s.mlSum = total(s.ml, kMLMaxCode + 1);
    s.ofSum = total(s.of, kOFMaxCode + 1);
}

void computePrices(OptState& st) {
    if (!st.pricesStale) return;
    st.pricesStale = false;
    const OptStats& s = st.stats;
    st.litSumWeight = weight(s.litSum);
    for (unsigned i = 0; i <= kLLMaxCode; ++i)
        st.llPrice[i] = symbolPrice(s.ll[i], s.llSum) + kCodes.llBits[i] * kPriceScale;
    for (unsigned i = 0; i <= kMLMaxCode; ++i)
        st.mlPrice[i] = symbolPrice(s.ml[i], s.mlSum) + kCodes.mlBits[i] * kPriceScale;
    for (unsigned i = 0; i <= kOFMaxCode; ++i) st.ofPrice[i] = symbolPrice(s.of[i], s.ofSum) + i * kPriceScale;
}

// The emitted sequence's literals and codes count for the next series' prices.
void recordSequence(OptState& st, const u8* lits, u32 litlen, u32 offBase, u32 mlen) {
    OptStats& s = st.stats;
    st.pricesStale = true;
    for (u32 i = 0; i < litlen; ++i) s.lit[lits[i]] += kLitWeight;
    s.litSum += kLitWeight * litlen;
    const LengthCodeTables& t = kLengthCodes;
    ++s.ll[llCode(t, litlen)];
    ++s.ml[mlCode(t, mlen)];
    ++s.of[highBit32(offBase)];
    ++s.llSum;
    ++s.mlSum;
    ++s.ofSum;
}

// kSkip (btopt): no search at a position the next one is already reached more
// cheaply than: its matches rarely win (faster, hardly larger).
template <unsigned kMls, DictMode kMode, bool kSkip>
size_t optimalParse(MatchState& ms, SeqStore& seqs, const u32 rep[3], const u8* src, size_t srcSize) {
    constexpr bool kTwo = kMode != DictMode::noDict;
    OptState& st = *ms.opt;
    const Segments sg = Segments::of<kTwo, true>(ms, src, srcSize);
    const u8* const base = sg.base;
    const u8* const iend = sg.iend;
    if (srcSize < 16) return srcSize;
    const u8* const ilimit = iend - 8;
    if (ms.nextToUpdate < ms.window.dictLimit) ms.nextToUpdate = ms.window.dictLimit;
    BinaryTree<kMls, kMode> tree(ms, sg);
    const LengthCodeTables& lc = kLengthCodes;
    const u32 minLen = ms.cp.minMatch <= 3 ? 3 : 4;
    // A match this long is taken at once (its alternatives hardly matter, and
    // pricing every shorter length would cost quadratic time on runs).
    const u32 sufficient = ms.cp.targetLength < 8 ? 8 : ms.cp.targetLength < kOptSeries - 1 ? ms.cp.targetLength
                                                                                             : kOptSeries - 1;
    startBlockStats(st, src, srcSize, ms.cp.strategy >= Strategy::btultra);
    st.longs.rewind();

    u32 reps[3] = {rep[0], rep[1], rep[2]};
    // The window's very first byte has no history to match.
    const u8* ip = src + ((!kTwo && src == sg.prefixStart) ? 1 : 0);
    const u8* anchor = src;
    OptNode* const opt = st.nodes;
    OptMatch* const matches = st.matches;

    auto llPrice = [&](u32 litlen) ZEST_FORCE_INLINE_LAMBDA { return st.llPrice[llCode(lc, litlen)]; };
    auto literalPrice = [&](u8 c) ZEST_FORCE_INLINE_LAMBDA {
        const u32 w = weight(st.stats.lit[c]);
        return st.litSumWeight > w ? st.litSumWeight - w : 0;
    };
    auto matchPrice = [&](u32 offBase, u32 mlen) ZEST_FORCE_INLINE_LAMBDA {
        return st.ofPrice[highBit32(offBase)] + st.mlPrice[mlCode(lc, mlen)];
    };
    // The matches at p (position `at` in the window) for a node with these
    // repeat offsets and literal count: repeat offsets first, then the tree's.
    auto gather = [&](const u8* p, const u32 r[3], u32 litlen, u32& longest) ZEST_FORCE_INLINE_LAMBDA -> size_t {
        const u32 at = u32(p - base);
        size_t n = 0;
        longest = 0;
        const bool ll0 = litlen == 0;
        for (u32 code = 1; code <= 3; ++code) {
            const u32 offset = ll0 ? (code == 3 ? r[0] - 1 : r[code]) : r[code - 1];
            if (offset == 0 || offset > sg.maxDist || !sg.repUsable<kTwo>(offset, at)) continue;
            if (offset > at - sg.lowFor(at)) continue;
            const u8* const m = sg.ptr(at - offset);
            if (m[0] != p[0] || m[1] != p[1] || m[2] != p[2]) continue;
            const size_t len = sg.count<kTwo>(p, at - offset, 0);
            if (len < minLen) continue;
            matches[n++] = OptMatch{u32(len), code};
            if (len > longest) longest = u32(len);
        }
        const size_t nRep = n;
        const size_t nTree = tree.findAll(p, kMls > minLen ? kMls : minLen, matches + n, kOptMaxMatches - 1 - n);
        for (size_t i = nRep; i < nRep + nTree; ++i)
            if (matches[i].len > longest) longest = matches[i].len;
        n += nTree;
        // A long match covering p, where it reaches further than the others
        // (the list stays ordered by length).
        u32 len, offset;
        if (st.longs.start && st.longs.covering(p, len, offset) && len > longest && len >= minLen) {
            matches[n++] = OptMatch{len, offsetToOffBase(offset)};
            longest = len;
        }
        return n;
    };
    // Emit the cheapest path to node `end` of the series starting at ip.
    auto emitPath = [&](u32 end) ZEST_FORCE_INLINE_LAMBDA {
        // Walk back collecting the matches (start, node), then emit forwards.
        u32 starts[kOptSeries / 3 + 2];
        u32 ends[kOptSeries / 3 + 2];
        u32 k = 0;
        for (u32 pos = end; pos > 0;) {
            const OptNode& nd = opt[pos];
            if (nd.mlen == 0) {
                --pos;
                continue;
            }
            starts[k] = pos - nd.mlen;
            ends[k] = pos;
            ++k;
            pos -= nd.mlen;
        }
        while (k > 0) {
            --k;
            const OptNode& nd = opt[ends[k]];
            const u8* const mstart = ip + starts[k];
            const u32 litlen = u32(mstart - anchor);
            seqs.add(litlen, anchor, iend, nd.offBase, nd.mlen);
            recordSequence(st, anchor, litlen, nd.offBase, nd.mlen);
            anchor = mstart + nd.mlen;
        }
    };

    while (ip < ilimit) {
        const u32 litlen0 = u32(ip - anchor);
        const u32 rep0[3] = {reps[0], reps[1], reps[2]};
        u32 longest = 0;
        size_t n = gather(ip, rep0, litlen0, longest);
        if (n == 0) {
            ++ip;
            continue;
        }
        computePrices(st);
        // Node 0: the series' start, after the pending literals.
        opt[0] = OptNode{llPrice(litlen0), 0, 0, litlen0, {reps[0], reps[1], reps[2]}};
        u32 lastPos = 0;
        u32 takeAt = kInfinite;  // a long match taken at once from this node
        OptMatch take{0, 0};
        // Relax the nodes the matches at `cur` reach.
        auto relax = [&](u32 cur, size_t count) ZEST_FORCE_INLINE_LAMBDA {
            const OptNode& from = opt[cur];
            const bool ll0 = from.litlen == 0;
            const u32 basePrice = from.price + llPrice(0);
            u32 prevLen = minLen - 1;
            for (size_t i = 0; i < count; ++i) {
                const OptMatch m = matches[i];
                const bool isRep = m.offBase <= kRepMove;
                u32 l = isRep ? minLen : (prevLen + 1 > minLen ? prevLen + 1 : minLen);
                if (!isRep) prevLen = m.len;
                for (; l <= m.len; ++l) {
                    const u32 price = basePrice + matchPrice(m.offBase, l);
                    OptNode& to = opt[cur + l];
                    if (cur + l <= lastPos && price >= to.price) continue;
                    while (lastPos < cur + l) opt[++lastPos].price = kInfinite;
                    if (price >= to.price) continue;
                    to.price = price;
                    to.offBase = m.offBase;
                    to.mlen = l;
                    to.litlen = 0;
                    std::memcpy(to.rep, from.rep, sizeof to.rep);
                    updateRepHistory(to.rep, m.offBase, ll0);
                }
            }
        };
        auto pickLongest = [&](size_t count) ZEST_FORCE_INLINE_LAMBDA {
            OptMatch best = matches[0];
            for (size_t i = 1; i < count; ++i)
                if (matches[i].len > best.len || (matches[i].len == best.len && matches[i].offBase < best.offBase))
                    best = matches[i];
            return best;
        };
        if (longest > sufficient || longest >= kOptSeries) {
            takeAt = 0;
            take = pickLongest(n);
        } else {
            relax(0, n);
            for (u32 cur = 1; cur <= lastPos; ++cur) {
                // A literal from the node before.
                const OptNode& prev = opt[cur - 1];
                const u32 litPrice = prev.price + literalPrice(ip[cur - 1]) + llPrice(prev.litlen + 1) -
                                     llPrice(prev.litlen);
                OptNode& here = opt[cur];
                if (litPrice < here.price) {
                    here.price = litPrice;
                    here.offBase = 0;
                    here.mlen = 0;
                    here.litlen = prev.litlen + 1;
                    std::memcpy(here.rep, prev.rep, sizeof here.rep);
                }
                if (cur == lastPos) break;
                const u8* const p = ip + cur;
                if (p >= ilimit) continue;
                // The next position's bucket is a likely cache miss: start it now.
                tree.prefetchBucket(p + 1);
                if (kSkip && opt[cur + 1].price <= here.price) continue;
                n = gather(p, here.rep, here.litlen, longest);
                if (n == 0) continue;
                if (longest > sufficient || cur + longest >= kOptSeries) {
                    takeAt = cur;
                    take = pickLongest(n);
                    break;
                }
                relax(cur, n);
            }
        }
        if (takeAt != kInfinite) {
            emitPath(takeAt);
            const OptNode& from = opt[takeAt];
            const u8* const mstart = ip + takeAt;
            const u32 litlen = u32(mstart - anchor);
            seqs.add(litlen, anchor, iend, take.offBase, take.len);
            recordSequence(st, anchor, litlen, take.offBase, take.len);
            std::memcpy(reps, from.rep, sizeof reps);
            updateRepHistory(reps, take.offBase, litlen == 0);
            anchor = mstart + take.len;
            ip = anchor;
        } else {
            emitPath(lastPos);
            std::memcpy(reps, opt[lastPos].rep, sizeof reps);
            ip += lastPos;
        }
    }
    return size_t(iend - anchor);
}

// btultra2 parses the first block of a frame without history twice: the
// first time only to learn its statistics, so that the real parse starts
// from prices that fit the data instead of default ones.
bool wantsFirstPass(const MatchState& ms, const u8* src, size_t srcSize) {
    const Window& w = ms.window;
    return ms.cp.strategy == Strategy::btultra2 && !ms.opt->haveStats && !w.hasExtDict() && !ms.dictMs &&
           ms.loadedDictEnd == 0 && w.indexOf(src) == w.dictLimit && srcSize >= kMinFirstPass;
}

// Make the tables forget what the first pass inserted: the window moves past
// it (the same bytes get new, higher indices, and the old ones fall below
// the window's low limit).
void forgetFirstPass(MatchState& ms, size_t srcSize) {
    Window& w = ms.window;
    w.base -= srcSize;
    w.dictBase = w.base;
    w.dictLimit += u32(srcSize);
    w.lowLimit = w.dictLimit;
    ms.nextToUpdate = w.dictLimit;
}

template <DictMode kMode>
size_t runOptimal(MatchState& ms, SeqStore& seqs, const u32 rep[3], const u8* src, size_t srcSize) {
    return withTreeHashLength(ms.cp, [&](auto m) {
        if (ms.cp.strategy == Strategy::btopt) return optimalParse<m.value, kMode, true>(ms, seqs, rep, src, srcSize);
        if (kMode == DictMode::noDict && wantsFirstPass(ms, src, srcSize)) {
            optimalParse<m.value, kMode, false>(ms, seqs, rep, src, srcSize);
            const size_t firstSeqs = seqs.nbSeq(), firstLits = seqs.litSize();
            seqs.reset();
            forgetFirstPass(ms, srcSize);
            const size_t last = optimalParse<m.value, kMode, false>(ms, seqs, rep, src, srcSize);
            // Prices learned from a parse of very regular data can be so sharp
            // that any other pattern looks dear: the second parse then falls
            // back to literals, which get cheaper as it emits them (seen: 75
            // sequences where the first parse had 1006, 24% larger). Such a
            // block is parsed once more from the default prices.
            if (seqs.nbSeq() * 4 >= firstSeqs || seqs.litSize() <= firstLits) return last;
            seqs.reset();
            forgetFirstPass(ms, srcSize);
            ms.opt->haveStats = false;
        }
        return optimalParse<m.value, kMode, false>(ms, seqs, rep, src, srcSize);
    });
}

}  // namespace

BlockCompressor optimalBinaryTree(DictMode mode) {
    static constexpr BlockCompressor kTable[3] = {runOptimal<DictMode::noDict>, runOptimal<DictMode::extDict>,
                                                  runOptimal<DictMode::attached>};
    return kTable[int(mode)];
}

}  // namespace zest
