// The optimal parser of btopt, btultra and btultra2: its state between blocks
// and its working arrays, which live in the context's workspace.
#pragma once
#include <cstddef>

#include "compress/binary_tree.h"
#include "compress/block_encode.h"
#include "compress/ldm.h"
#include "format/sequence_codes.h"

namespace zest {

// Positions a parse series looks at before it settles (and the nodes it keeps).
constexpr unsigned kOptSeries = 4096;
// Matches kept per position: the repeat offsets, the tree's by length, a long one.
constexpr unsigned kOptMaxMatches = 3 + 64 + 1;

// Prices are in 1/256 of a bit.
constexpr unsigned kPriceScale = 256;

// Symbol statistics the prices come from.
struct OptStats {
    u32 lit[256];
    u32 ll[kLLMaxCode + 1];
    u32 ml[kMLMaxCode + 1];
    u32 of[kOFMaxCode + 1];
    u32 litSum, llSum, mlSum, ofSum;
};

// One position of a series: the cheapest way found to reach it.
struct OptNode {
    u32 price;    // everything before, the pending literals' length code included
    u32 offBase;  // of the match that ends here (mlen > 0)
    u32 mlen;     // 0: reached by a literal
    u32 litlen;   // literals since the last match
    u32 rep[3];   // repeat offsets after the last match
};

// A block's long matches (long-distance matching), offered to the parser as
// one more candidate wherever they cover a position; read in order with a
// cursor (a parse only moves forward).
struct LongCandidates {
    const LdmMatch* list = nullptr;  // litLength from the block's start or the match before
    size_t count = 0;
    const u8* blockStart = nullptr;
    size_t next = 0;
    const u8* start = nullptr;  // the current one (nullptr: none left)
    const u8* end = nullptr;
    u32 offset = 0;

    void rewind() {
        next = 0;
        end = blockStart;
        load();
    }
    void load() {
        if (next == count) {
            start = nullptr;
            return;
        }
        start = end + list[next].litLength;
        end = start + list[next].matchLength;
        offset = list[next].offset;
        ++next;
    }
    // The long match covering p: what remains of it from p.
    ZEST_FORCE_INLINE bool covering(const u8* p, u32& len, u32& off) {
        while (start && p >= end) load();
        if (!start || p < start) return false;
        len = u32(end - p);
        off = offset;
        return true;
    }
};

struct OptState {
    bool haveStats = false;  // statistics from an earlier block of the frame
    // The decoder's tables before the block (a dictionary's before the
    // first): where btultra's statistics start when there are none yet.
    const EntropyTables* tables = nullptr;
    OptStats stats;
    // Prices derived from stats at the start of each series (when sequences
    // were recorded since the last time): the codes' in tables, the
    // literals' from weight(litSum) and their own frequency as needed.
    bool pricesStale = true;
    u32 litSumWeight;
    u32 llPrice[kLLMaxCode + 1];
    u32 mlPrice[kMLMaxCode + 1];
    u32 ofPrice[kOFMaxCode + 1];
    OptNode nodes[kOptSeries + 1];
    OptMatch matches[kOptMaxMatches];
    LongCandidates longs;  // set for one block (list nullptr otherwise)
};

// The optimal parser's block compressor for a dictionary mode.
BlockCompressor optimalBinaryTree(DictMode mode);

}  // namespace zest
