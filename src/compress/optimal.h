// The optimal parser of btopt, btultra and btultra2: its state between blocks
// and its working arrays, which live in the context's workspace.
#pragma once
#include <cstddef>

#include "compress/binary_tree.h"
#include "compress/block_encode.h"
#include "format/sequence_codes.h"

namespace zest {

// Positions a parse series looks at before it settles (and the nodes it keeps).
constexpr unsigned kOptSeries = 4096;
// Matches kept per position: the repeat offsets and the tree's, by length.
constexpr unsigned kOptMaxMatches = 3 + 64;

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
};

// The optimal parser's block compressor for a dictionary mode.
BlockCompressor optimalBinaryTree(DictMode mode);

}  // namespace zest
