// The interface between the block compressor and the match finders.
//
// A match finder reads one block (src[0..srcSize), the newest part of the
// window), appends its sequences to a SeqStore and returns the number of
// literals left after the last match. It owns nothing: its tables live in the
// MatchState, which the context sizes from the parameters. Strategies differ
// only in how they search; everything before and after (window upkeep,
// literal and sequence encoding) is shared.
#pragma once
#include <type_traits>

#include "compress/match_common.h"
#include "compress/params.h"
#include "compress/seq_store.h"

namespace zest {

// The match finder a strategy runs on. greedy, lazy and lazy2 search a hash
// chain or hash rows (ZSTD_c_useRowMatchFinder); btlazy2 a binary tree.
enum class Finder : u8 { fast, dfast, hashChain, rowHash, binaryTree };

// The finder for a parameter set; `row` is ZSTD_c_useRowMatchFinder
// (automatic: rows for greedy..lazy2 with windows above 2^14, as the
// reference decides on x86-64).
Finder finderFor(const CParams& cp, ParamSwitch row);

// The tables of a finder, described once: workspace carving, CDict layout,
// clearing, index rebasing and dictionary copying all follow it.
//   fast        hash: hashLog bits
//   dfast       hash: 8-byte hashes (hashLog); chain: minMatch hashes (chainLog)
//   hashChain   hash: chain heads (hashLog); chain: links, by index modulo 2^chainLog
//   rowHash     hash: rows of 2^rowLog indices; tags: per row a header (its head) and a byte per entry
//   binaryTree  hash: tree roots (hashLog); chain: two children per node (2^(chainLog-1) nodes)
struct TableLayout {
    size_t hashEntries = 0;   // u32 indices
    size_t chainEntries = 0;  // u32 indices (or the binary tree's "unsorted" mark)
    size_t tagBytes = 0;      // not indices: never rebased
    static constexpr size_t align(size_t n) { return (n + 63) & ~size_t(63); }
    size_t bytes() const { return align(hashEntries * 4) + align(chainEntries * 4) + align(tagBytes); }
    bool operator==(const TableLayout&) const = default;
};
TableLayout tableLayout(const CParams& cp, Finder f);

// Rows of the row finder hold 16, 32 or 64 entries, picked by searchLog; each
// row's tags follow a header of kRowTagHeader bytes (its head).
constexpr unsigned rowLogOf(unsigned searchLog) { return searchLog < 4 ? 4u : searchLog > 6 ? 6u : searchLog; }
constexpr unsigned kRowTagHeader = 16;

struct OptState;

struct MatchState {
    Window window;
    CParams cp{};
    Finder finder = Finder::fast;
    TableLayout layout{};
    u32* hashTable = nullptr;
    u32* chainTable = nullptr;
    u8* tagTable = nullptr;
    u32 nextToUpdate = kWindowStartIndex;  // first index not yet inserted in the tables
    u32 loadedDictEnd = 0;                 // end index of a loaded dictionary while it is still in reach
    bool tagged = false;  // fast/dfast entries carry hash tags (prepared dictionaries: kDictTagBits)
    // A CDict's hash chains laid out as buckets and lists (dedicated_dict_search.h).
    bool dedicatedSearch = false;
    // An attached dictionary: a CDict's match state searched in place instead
    // of copying its tables, and what to add to its indices to place its
    // content as this window's older segment.
    const MatchState* dictMs = nullptr;
    u32 dictIndexDelta = 0;
    // The optimal parser's statistics and arrays (btopt and up; in the workspace).
    OptState* opt = nullptr;
    bool attached() const { return dictMs != nullptr; }

    // Point the tables at p (layout.bytes() bytes, 64-byte aligned).
    void carveTables(u8* p);
    void clearTables();
    // Subtract `correction` from every index (those that fall below the
    // window become 0; the values 0 and 1, never indices, are kept).
    void rebaseTables(u32 correction);
    // Take a prepared dictionary's tables (same layout), tags stripped.
    void copyTablesFrom(const MatchState& dict);
};

// rep[0..2] is the repeat-offset history at the start of the block (the
// caller replays the block's sequences to get the history after it).
using BlockCompressor = size_t (*)(MatchState& ms, SeqStore& seqs, const u32 rep[3], const u8* src, size_t srcSize);

// What a finder searches besides the current segment: nothing (noDict), the
// window's older segment (extDict: a raw dictionary, or a wrapped streaming
// buffer), or that segment through an attached CDict's own tables, consulted
// where the context's tables have nothing in reach (attached).
enum class DictMode { noDict, extDict, attached };

// The block compressor of a finder, strategy and dictionary mode. mode must
// match the window: noDict unless extDictInReach (the caller decides, once
// per block).
BlockCompressor selectBlockCompressor(Finder f, Strategy s, DictMode mode);

// Insert the positions of window data up to `end` into the tables (dictionary
// loading); `end` must lie in the current segment. Prepared dictionaries of
// fast and dfast are indexed with tags (ms.tagged).
void fillTables(MatchState& ms, const u8* end);

// Per-finder entry points (fast.cpp, dfast.cpp, lazy_*.cpp).
size_t compressBlockFast(MatchState& ms, SeqStore& seqs, const u32 rep[3], const u8* src, size_t srcSize);
size_t compressBlockFastExtDict(MatchState& ms, SeqStore& seqs, const u32 rep[3], const u8* src, size_t srcSize);
size_t compressBlockFastAttached(MatchState& ms, SeqStore& seqs, const u32 rep[3], const u8* src, size_t srcSize);
void fillTablesFast(MatchState& ms, const u8* end);
size_t compressBlockDoubleFast(MatchState& ms, SeqStore& seqs, const u32 rep[3], const u8* src, size_t srcSize);
size_t compressBlockDoubleFastExtDict(MatchState& ms, SeqStore& seqs, const u32 rep[3], const u8* src, size_t srcSize);
size_t compressBlockDoubleFastAttached(MatchState& ms, SeqStore& seqs, const u32 rep[3], const u8* src,
                                       size_t srcSize);
void fillTablesDoubleFast(MatchState& ms, const u8* end);
// Lazy parsers: depth 0 (greedy), 1 (lazy) or 2 (lazy2/btlazy2) per finder.
BlockCompressor lazyHashChain(unsigned depth, DictMode mode);
BlockCompressor lazyRowHash(unsigned depth, DictMode mode);
BlockCompressor lazyBinaryTree(unsigned depth, DictMode mode);
void fillTablesHashChain(MatchState& ms, const u8* end);
void fillTablesRowHash(MatchState& ms, const u8* end);
void fillTablesBinaryTree(MatchState& ms, const u8* end);
// A binary tree's positions up to end pushed unsorted (a job's overlap: sorted
// only where a search needs them, never read by others).
void indexUnsortedBinaryTree(MatchState& ms, const u8* end);

// Whether a loaded dictionary is still whole in reach (at any distance) of
// data up to index `at`: while the frame's data after it fits the window, as
// decoders keep it that long.
ZEST_FORCE_INLINE bool dictInReach(const MatchState& ms, u32 at) {
    return ms.loadedDictEnd != 0 && at - ms.loadedDictEnd <= (u32(1) << ms.cp.windowLog);
}

// Lowest index a match may use from index `at` (a block's end covers the
// whole block): the window's low limit, raised to keep offsets within
// 2^windowLog unless a loaded dictionary is in reach.
ZEST_FORCE_INLINE u32 lowestMatchIndex(const MatchState& ms, u32 at) {
    const u32 maxDist = u32(1) << ms.cp.windowLog;
    const u32 low = ms.window.lowLimit;
    const u32 byWindow = at - low > maxDist && !dictInReach(ms, at) ? at - maxDist : low;
    return byWindow > low ? byWindow : low;
}

// Finders skip ahead by one more byte every 2^kSearchStrength literals without a match.
constexpr unsigned kSearchStrength = 8;

// Where the window's two segments are, seen from one block. In noDict mode
// the older segment is empty (dictStartIndex == prefixStartIndex). The
// window is measured from the block's end (every position may use what lies
// above dictStartIndex), or, with kPerPosition, from its start: each
// position then keeps to lowFor(its index).
struct Segments {
    template <bool kExt, bool kPerPosition = false>
    static Segments of(const MatchState& ms, const u8* src, size_t srcSize) {
        const Window& w = ms.window;
        Segments sg;
        sg.base = w.base;
        sg.dictBase = w.dictBase;
        sg.iend = src + srcSize;
        const u32 from = u32((kPerPosition ? src : sg.iend) - w.base);
        const u32 lowest = lowestMatchIndex(ms, from);
        sg.maxDist = dictInReach(ms, u32(sg.iend - w.base)) ? ~u32(0) : u32(1) << ms.cp.windowLog;
        if constexpr (kExt) {
            sg.prefixStartIndex = w.dictLimit;
            sg.dictStartIndex = lowest;
        } else {
            sg.prefixStartIndex = lowest > w.dictLimit ? lowest : w.dictLimit;
            sg.dictStartIndex = sg.prefixStartIndex;
        }
        sg.prefixStart = sg.base + sg.prefixStartIndex;
        sg.dictStart = sg.dictBase + sg.dictStartIndex;
        sg.dictEnd = sg.dictBase + sg.prefixStartIndex;
        return sg;
    }

    const u8* base;
    const u8* dictBase;
    u32 maxDist;         // the farthest an offset may reach (no limit while a dictionary is in reach)
    u32 dictStartIndex;  // lowest usable index
    u32 prefixStartIndex;
    const u8* prefixStart;
    const u8* dictStart;
    const u8* dictEnd;
    const u8* iend;

    // Lowest index usable from position curr.
    ZEST_FORCE_INLINE u32 lowFor(u32 curr) const {
        const u32 byWindow = curr > maxDist ? curr - maxDist : 0;
        return byWindow > dictStartIndex ? byWindow : dictStartIndex;
    }
    ZEST_FORCE_INLINE const u8* ptr(u32 idx) const { return idx < prefixStartIndex ? dictBase + idx : base + idx; }
    ZEST_FORCE_INLINE const u8* end(u32 idx) const { return idx < prefixStartIndex ? dictEnd : iend; }
    ZEST_FORCE_INLINE const u8* low(u32 idx) const { return idx < prefixStartIndex ? dictStart : prefixStart; }
    // Forward length of a match at idx against ip (both already known equal for `skip` bytes).
    template <bool kExt>
    ZEST_FORCE_INLINE size_t count(const u8* ip, u32 idx, size_t skip) const {
        if constexpr (!kExt) return countMatch(ip + skip, base + idx + skip, iend) + skip;
        else return countMatch2Segments(ip + skip, ptr(idx) + skip, iend, end(idx), prefixStart) + skip;
    }
    // A candidate's first n bytes lie in its segment (always true in the current one).
    template <bool kExt>
    ZEST_FORCE_INLINE bool fits(const u8* p, u32 idx, size_t n) const {
        if constexpr (!kExt) return true;
        else return size_t(end(idx) - p) >= n;
    }
    // Where a block's search starts (the window's very first byte has no
    // history to match), and the repeat offsets it may use from there: in a
    // single segment, offsets reaching before it are dropped for the block.
    template <bool kTwo>
    ZEST_FORCE_INLINE const u8* start(const u8* src, u32& rep1, u32& rep2) const {
        if constexpr (kTwo) return src;
        const u8* const ip = src + (src == prefixStart ? 1 : 0);
        const u32 maxRep = u32(ip - prefixStart);
        if (rep1 > maxRep) rep1 = 0;
        if (rep2 > maxRep) rep2 = 0;
        return ip;
    }
    // Whether the first kN (4 or 8) bytes at candidate idx equal those at p.
    // In one segment the test is branch-free (a candidate below the window
    // compares against a value that cannot match).
    template <bool kTwo, unsigned kN>
    ZEST_FORCE_INLINE bool matchesAt(u32 idx, const u8* p) const {
        using Word = std::conditional_t<kN == 8, u64, u32>;
        auto read = [](const u8* q) ZEST_FORCE_INLINE_LAMBDA -> Word {
            if constexpr (kN == 8) return readLE64(q);
            else return readLE32(q);
        };
        if constexpr (!kTwo) {
            const Word there = idx >= prefixStartIndex ? read(base + idx) : Word(~read(p));
            return read(p) == there;
        } else {
            if (idx < dictStartIndex) return false;
            const u8* const m = ptr(idx);
            return size_t(end(idx) - m) >= kN && read(m) == read(p);
        }
    }
    // Extend a match (ip against candidate idx, len bytes long) backwards over
    // the literals since anchor, staying within the candidate's segment.
    template <bool kTwo>
    ZEST_FORCE_INLINE void extendBack(const u8*& ip, const u8* anchor, u32& idx, size_t& len) const {
        const u8* m = kTwo ? ptr(idx) : base + idx;
        const u8* const lowPtr = kTwo ? low(idx) : prefixStart;
        while (ip > anchor && m > lowPtr && ip[-1] == m[-1]) {
            --ip;
            --m;
            --idx;
            ++len;
        }
    }
    // Whether a repeat offset matches the 4 bytes at p.
    template <bool kTwo>
    ZEST_FORCE_INLINE bool repMatches(u32 offset, const u8* p) const {
        if constexpr (!kTwo) {
            return (readLE32(p) == readLE32(p - offset)) & (offset > 0);
        } else {
            const u32 at = u32(p - base);
            return repUsable<true>(offset, at) && readLE32(ptr(at - offset)) == readLE32(p);
        }
    }
    // Usable repeat candidate: in the window, and its first 4 bytes in one segment.
    template <bool kExt>
    ZEST_FORCE_INLINE bool repUsable(u32 offset, u32 at) const {
        if (offset - 1 >= at - dictStartIndex) return false;
        if constexpr (!kExt) return true;
        else return u32(prefixStartIndex - 1 - (at - offset)) >= 3;
    }
};

// True when the window's older segment is still within reach from index
// `from` (a block's end, or its start for finders that measure the window
// per position): the finder must then search both segments.
inline bool extDictInReach(const MatchState& ms, u32 from) {
    return ms.window.hasExtDict() && lowestMatchIndex(ms, from) < ms.window.dictLimit;
}

// Finders whose window is measured from each position (Segments::lowFor):
// the lazy parser's. fast and dfast measure it from the block's end.
constexpr bool measuresPerPosition(Finder f) {
    return f == Finder::hashChain || f == Finder::rowHash || f == Finder::binaryTree;
}

// A prepared dictionary's tables are "tagged": each entry holds the index
// shifted up by kDictTagBits and, below it, the low bits of a longer hash of
// the same bytes. A lookup whose tag differs is rejected without touching the
// dictionary's content (most of them: a cache miss saved each time).
constexpr unsigned kDictTagBits = 8;
// Tables whose hash plus tag fits the 32-bit hash of 4-byte keys, and content
// whose indices fit beside the tag, can be tagged.
constexpr bool taggable(unsigned log, size_t contentSize) {
    return log + kDictTagBits <= 32 && contentSize + kWindowStartIndex < (size_t(1) << (32 - kDictTagBits));
}
template <unsigned kLen>
ZEST_FORCE_INLINE void insertTagged(u32* table, unsigned log, const u8* p, u32 idx) {
    const size_t h = hashPtr<kLen>(p, log + kDictTagBits);
    table[h >> kDictTagBits] = (idx << kDictTagBits) | u32(h & ((1u << kDictTagBits) - 1));
}
// Candidate from an attached dictionary's tagged table for the kLen bytes at
// p, as a window index (0, i.e. invalid, when the tag differs).
template <unsigned kLen>
ZEST_FORCE_INLINE u32 attachedCandidate(const u32* table, unsigned log, u32 delta, const u8* p) {
    const size_t h = hashPtr<kLen>(p, log + kDictTagBits);
    const u32 e = table[h >> kDictTagBits];
    return ((e ^ u32(h)) & ((1u << kDictTagBits) - 1)) == 0 ? (e >> kDictTagBits) + delta : 0;
}

// What the single-pass hash parsers (fast, dfast) start a block with: its
// segments, the last position a search may start at (8 bytes are read), the
// two repeat offsets they track and the first position to search (see
// Segments::start), and the candidate lookup that falls back on an attached
// dictionary's tagged table (its hash table or its chain table, each hashed
// like this context's).
enum class DictTable { hash, chain };
template <DictMode kMode>
struct HashParserBlock {
    static constexpr bool kTwo = kMode != DictMode::noDict;
    const Segments sg;
    const u8* const ilimit;
    u32 rep1, rep2;
    const u8* const start;
    const MatchState* const dms;
    const u32 dictIndexDelta;

    HashParserBlock(const MatchState& ms, const u32 rep[3], const u8* src, size_t srcSize)
        : sg(Segments::of<kTwo>(ms, src, srcSize)), ilimit(sg.iend - 8), rep1(rep[0]), rep2(rep[1]),
          start(sg.template start<kTwo>(src, rep1, rep2)), dms(ms.dictMs), dictIndexDelta(ms.dictIndexDelta) {}

    // idx, this context's entry for the kLen bytes at p; one below the
    // current segment is replaced by the attached dictionary's entry.
    template <unsigned kLen, DictTable kTable>
    ZEST_FORCE_INLINE u32 candidate(u32 idx, const u8* p) const {
        if constexpr (kMode == DictMode::attached) {
            if (idx < sg.prefixStartIndex) {
                if constexpr (kTable == DictTable::hash)
                    return attachedCandidate<kLen>(dms->hashTable, dms->cp.hashLog, dictIndexDelta, p);
                else
                    return attachedCandidate<kLen>(dms->chainTable, dms->cp.chainLog, dictIndexDelta, p);
            }
        }
        (void)p;
        return idx;
    }
};

// Call f(std::integral_constant<unsigned, N>) with N = minMatch in 4..7 (3 counts as 4):
// finders are instantiated once per hashed length.
template <class F>
ZEST_FORCE_INLINE decltype(auto) withMinMatch(unsigned minMatch, F&& f) {
    switch (minMatch) {
    case 5: return f(std::integral_constant<unsigned, 5>{});
    case 6: return f(std::integral_constant<unsigned, 6>{});
    case 7: return f(std::integral_constant<unsigned, 7>{});
    default: return f(std::integral_constant<unsigned, 4>{});
    }
}

// The bytes the binary tree hashes: minMatch 3 is honoured by the optimal
// parsers (3-byte matches pay there); btlazy2 counts it as 4.
constexpr unsigned treeHashLength(const CParams& cp) {
    return cp.minMatch <= 3 && cp.strategy > Strategy::btlazy2 ? 3u : cp.minMatch < 4 ? 4u : cp.minMatch > 7 ? 7u
                                                                                                      : cp.minMatch;
}
template <class F>
ZEST_FORCE_INLINE decltype(auto) withTreeHashLength(const CParams& cp, F&& f) {
    if (treeHashLength(cp) == 3) return f(std::integral_constant<unsigned, 3>{});
    return withMinMatch(cp.minMatch, static_cast<F&&>(f));
}

}  // namespace zest
