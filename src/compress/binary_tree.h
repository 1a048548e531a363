// The binary-tree finder of btlazy2 and the optimal parsers.
// Each hash bucket of the next minMatch bytes roots a binary search tree of
// the positions with that hash, ordered by the bytes that follow them. Node
// slots live in the chain table, two per position (smaller, larger child),
// as a ring over the last 2^(chainLog-1) positions.
//
// Positions are first added *unsorted*: pushed on their bucket's list, the
// larger-child slot holding kUnsorted. A search sorts the pending ones of its
// bucket into the tree (oldest first, each inserted at the root) and then
// inserts its own position, meeting the best matches on the way down.
// Positions inside long matches are thus indexed cheaply, and sorted only if
// a later search needs them. Every descent is bounded by 2^searchLog
// comparisons; what lies beyond is cut off, so the tree stays a valid search
// tree. Dictionaries are sorted in as they are loaded (a prepared one is
// then searched read-only, as a tree).
#pragma once
#include "compress/match_finder.h"

namespace zest {

// A match as the optimal parser collects them.
struct OptMatch {
    u32 len;
    u32 offBase;
};

constexpr u32 kUnsorted = 1;  // never an index (indices start at kWindowStartIndex)

template <unsigned kMls, DictMode kMode>
class BinaryTree {
    static constexpr bool kTwo = kMode != DictMode::noDict;

public:
    BinaryTree(MatchState& ms, const Segments& sg)
        : ms_(ms), sg_(sg), roots_(ms.hashTable), nodes_(ms.chainTable), hashLog_(ms.cp.hashLog),
          btMask_((u32(1) << (ms.cp.chainLog - 1)) - 1), compares_(u32(1) << ms.cp.searchLog) {}

    ZEST_FORCE_INLINE size_t find(const u8* ip, u32& offBase) {
        const u32 curr = u32(ip - sg_.base);
        windowLow_ = sg_.lowFor(curr);
        addUnsorted(curr);
        const size_t h = hashPtr<kMls>(ip, hashLog_);
        sortPending(roots_[h], curr);
        size_t best = 0;
        u32 bestIdx = 0;
        insertAtRoot<true>(curr, roots_[h], btLow(curr), best, bestIdx);
        roots_[h] = curr;
        if constexpr (kMode == DictMode::attached) findInDictionary(ip, best, bestIdx);
        // Lengths found in a descent rely on the tree's order; the winner's
        // is measured again so a damaged order can never yield a false match.
        if (best >= 4) best = extend(ip, bestIdx, 0);
        // In a repetitive stretch (a match overlapping its own source) the
        // positions up to the source's end repeat what is indexed already.
        const u32 sourceEnd = best >= 4 ? bestIdx + u32(best) : 0;
        const u32 next = sourceEnd > curr + 8 + 1 ? sourceEnd - 8 : curr + 1;
        if (next > ms_.nextToUpdate) ms_.nextToUpdate = next;
        if (best < 4) return 0;
        offBase = offsetToOffBase(curr - bestIdx);
        return best;
    }

    // Every match at ip longer than minLen - 1 bytes, by increasing length
    // (the optimal parser's query): up to cap of them into out; returns how
    // many. Each length is measured again against the data.
    ZEST_FORCE_INLINE size_t findAll(const u8* ip, size_t minLen, OptMatch* out, size_t cap) {
        const u32 curr = u32(ip - sg_.base);
        windowLow_ = sg_.lowFor(curr);
        addUnsorted(curr);
        const size_t h = hashPtr<kMls>(ip, hashLog_);
        sortPending(roots_[h], curr);
        collect_ = out;
        collectCap_ = cap;
        collectCount_ = 0;
        collectLen_ = minLen - 1;
        size_t best = 0;
        u32 bestIdx = 0;
        insertAtRoot<true>(curr, roots_[h], btLow(curr), best, bestIdx);
        roots_[h] = curr;
        if constexpr (kMode == DictMode::attached) findInDictionary(ip, best, bestIdx);
        collect_ = nullptr;
        if (curr + 1 > ms_.nextToUpdate) ms_.nextToUpdate = curr + 1;
        // Re-measure (a damaged order must never yield a false match) and
        // keep the lengths increasing.
        size_t n = 0, last = minLen - 1;
        for (size_t i = 0; i < collectCount_; ++i) {
            const u32 idx = curr - (out[i].offBase - kRepMove);
            const size_t real = extend(ip, idx, 0);
            const size_t len = real < out[i].len ? real : out[i].len;
            if (len <= last) continue;
            out[n++] = OptMatch{u32(len), out[i].offBase};
            last = len;
        }
        return n;
    }

    // The bucket of the position at p will be read soon.
    ZEST_FORCE_INLINE void prefetchBucket(const u8* p) const {
        __builtin_prefetch(&roots_[hashPtr<kMls>(p, hashLog_)]);
    }

    // Dictionary loading: insert position idx sorted, right away. Returns
    // the longest common prefix met on the way down.
    ZEST_FORCE_INLINE size_t insertSorted(u32 idx) {
        windowLow_ = sg_.lowFor(idx);
        const size_t h = hashPtr<kMls>(sg_.base + idx, hashLog_);
        // Positions pushed unsorted before (the older part of a job's
        // overlap) are left out of a bucket sorted from here on: sorting
        // them would cost what pushing them saved.
        u32 root = roots_[h];
        if (root > btLow(idx) && node(root)[1] == kUnsorted) root = 0;
        size_t longest = 0;
        u32 unused = 0;
        insertAtRoot<false>(idx, root, btLow(idx), longest, unused);
        roots_[h] = idx;
        return longest;
    }

    // Push positions nextToUpdate..target-1 on their buckets' lists.
    ZEST_FORCE_INLINE void addUnsorted(u32 target) {
        const u8* const base = sg_.base;
        for (u32 i = ms_.nextToUpdate; i < target; ++i) {
            const size_t h = hashPtr<kMls>(base + i, hashLog_);
            u32* const n = node(i);
            n[0] = roots_[h];
            n[1] = kUnsorted;
            roots_[h] = i;
        }
        if (target > ms_.nextToUpdate) ms_.nextToUpdate = target;
    }

private:
    ZEST_FORCE_INLINE u32* node(u32 idx) const { return nodes_ + 2 * size_t(idx & btMask_); }
    // Nodes at or below this index have had their slots reused (at == the
    // position being inserted; everything indexed so far is below it).
    ZEST_FORCE_INLINE u32 btLow(u32 at) const { return at > btMask_ ? at - btMask_ : 0; }
    // The byte at window index idx (in the older segment, or the current one).
    ZEST_FORCE_INLINE u8 byteAt(u32 idx) const {
        if constexpr (kTwo) return idx < sg_.prefixStartIndex ? sg_.dictBase[idx] : sg_.base[idx];
        else return sg_.base[idx];
    }
    // Length of the common prefix of p (current segment) and the data at
    // index m, knowing that the first `known` bytes are equal.
    ZEST_FORCE_INLINE size_t extend(const u8* p, u32 m, size_t known) const {
        if (!kTwo || m >= sg_.prefixStartIndex) return known + countMatch(p + known, sg_.base + m + known, sg_.iend);
        const u8* const mp = sg_.dictBase + m;
        const size_t inOlder = size_t(sg_.dictEnd - mp);
        if (known < inOlder)
            return known + countMatch2Segments(p + known, mp + known, sg_.iend, sg_.dictEnd, sg_.prefixStart);
        return known + countMatch(p + known, sg_.prefixStart + (known - inOlder), sg_.iend);
    }

    // Sort the unsorted positions at the head of a bucket (newest first from
    // `head`) into the tree below them, oldest first.
    ZEST_FORCE_INLINE void sortPending(u32 head, u32 curr) {
        const u32 low = btLow(curr);
        const u32 windowLow = windowLow_;
        u32 m = head;
        u32 newer = 0;
        u32 budget = compares_;
        while (m > low && m >= windowLow && node(m)[1] == kUnsorted && budget) {
            --budget;
            node(m)[1] = newer;  // reversed list: each node names the next newer one
            newer = m;
            m = node(m)[0];
        }
        if (!newer) return;
        // Older pending positions that were not reached are dropped: only
        // sorted nodes may hang below a sorted one.
        if (m > low && node(m)[1] == kUnsorted) node(newer)[0] = 0;
        for (u32 x = newer; x;) {
            const u32 next = node(x)[1];
            size_t unused = 0;
            u32 unusedIdx = 0;
            // A position of the older segment is compared up to that segment's end.
            if (kTwo && x < sg_.prefixStartIndex) insertAtRoot<false, true>(x, node(x)[0], low, unused, unusedIdx);
            else insertAtRoot<false>(x, node(x)[0], low, unused, unusedIdx);
            x = next;
        }
    }

    // Make position idx the root of the tree rooted at `root` (whose nodes
    // are all older): the tree is split around idx's bytes into its smaller
    // and larger subtrees. With kSearch, the longest match met is kept.
    // A node at or below `low` is still a candidate (its bytes are in the
    // window) but a leaf: its slot may hold a newer node. kOlder: idx (and
    // so every node below it) lies in the window's older segment.
    template <bool kSearch, bool kOlder = false>
    ZEST_FORCE_INLINE void insertAtRoot(u32 idx, u32 root, u32 low, size_t& best, u32& bestIdx) {
        const u8* const p = (kOlder ? sg_.dictBase : sg_.base) + idx;
        const u8* const iend = kOlder ? sg_.dictEnd : sg_.iend;
        const u32 windowLow = windowLow_;
        u32* smaller = node(idx);
        u32* larger = smaller + 1;
        size_t commonSmaller = 0, commonLarger = 0;
        u32 m = root;
        for (u32 budget = compares_; m >= windowLow && budget; --budget) {
            u32* const mn = node(m);
            size_t len = commonSmaller < commonLarger ? commonSmaller : commonLarger;
            if constexpr (kOlder) len += countMatch(p + len, sg_.dictBase + m + len, iend);
            else len = extend(p, m, len);
            if (kSearch && collect_ && len > collectLen_ && collectCount_ < collectCap_) {
                collect_[collectCount_++] = OptMatch{u32(len), offsetToOffBase(idx - m)};
                collectLen_ = len;
            }
            // A longer match wins when its extra bytes pay for its farther offset.
            if (kSearch && len > best &&
                (best == 0 || int(4 * (len - best)) > int(highBit32(idx - m + 1)) - int(highBit32(idx - bestIdx + 1)))) {
                best = len;
                bestIdx = m;
            }
            if (!kSearch && len > best) best = len;  // insertion only: the longest prefix met
            // Equal up to the end of the data: the order is unknown, so m and
            // its subtrees are dropped.
            if (p + len == iend) break;
            if ((kOlder ? sg_.dictBase[m + len] : byteAt(m + u32(len))) < p[len]) {
                *smaller = m;
                if (m <= low) {
                    smaller = &dummy_;
                    break;
                }
                commonSmaller = len;
                smaller = mn + 1;
                m = mn[1];
            } else {
                *larger = m;
                if (m <= low) {
                    larger = &dummy_;
                    break;
                }
                commonLarger = len;
                larger = mn;
                m = mn[0];
            }
        }
        *smaller = 0;
        *larger = 0;
    }

    // Search an attached dictionary (read only): a sorted tree per bucket
    // (an unsorted node, should one be met, is followed like a chain link).
    ZEST_FORCE_INLINE void findInDictionary(const u8* ip, size_t& best, u32& bestIdx) {
        const MatchState& d = *ms_.dictMs;
        const u32 delta = ms_.dictIndexDelta;
        const u32 dMask = (u32(1) << (d.cp.chainLog - 1)) - 1;
        const u32 dEnd = d.nextToUpdate;
        const u32 dLow = dEnd > dMask ? dEnd - dMask : 0;
        const u8* const iend = sg_.iend;
        size_t commonSmaller = 0, commonLarger = 0;
        u32 m = d.hashTable[hashPtr<kMls>(ip, d.cp.hashLog)];
        for (u32 budget = compares_; m >= d.window.lowLimit && budget; --budget) {
            const u32 w = m + delta;
            if (w < windowLow_) break;
            size_t len = commonSmaller < commonLarger ? commonSmaller : commonLarger;
            len = extend(ip, w, len);
            if (collect_ && len > collectLen_ && collectCount_ < collectCap_) {
                collect_[collectCount_++] = OptMatch{u32(len), offsetToOffBase(u32(ip - sg_.base) - w)};
                collectLen_ = len;
            }
            if (len > best) {
                best = len;
                bestIdx = w;
            }
            if (ip + len == iend || m <= dLow) break;  // a node at or below dLow is a leaf
            const u32* const mn = d.chainTable + 2 * size_t(m & dMask);
            if (mn[1] == kUnsorted) {
                m = mn[0];
                continue;
            }
            if (byteAt(w + u32(len)) < ip[len]) {
                commonSmaller = len;
                m = mn[1];
            } else {
                commonLarger = len;
                m = mn[0];
            }
        }
    }

    MatchState& ms_;
    const Segments sg_;  // a copy: table stores cannot alias it
    u32* const roots_;
    u32* const nodes_;
    const unsigned hashLog_;
    const u32 btMask_;
    const u32 compares_;
    u32 dummy_ = 0;      // where the links of a cut-off node go
    u32 windowLow_ = 0;  // lowest index in reach of the position being searched
    OptMatch* collect_ = nullptr;  // findAll: where the matches met go
    size_t collectCap_ = 0, collectCount_ = 0, collectLen_ = 0;
};

}  // namespace zest
