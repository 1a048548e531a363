// The finder registry: which finder and parser run a block, the tables each
// finder owns, and the table operations every finder shares.
#include "compress/match_finder.h"

#include "compress/optimal.h"

#include <cstring>

namespace zest {

Finder finderFor(const CParams& cp, ParamSwitch row) {
    switch (cp.strategy) {
    case Strategy::fast: return Finder::fast;
    case Strategy::dfast: return Finder::dfast;
    case Strategy::greedy:
    case Strategy::lazy:
    case Strategy::lazy2:
        // Automatic: rows for windows above 16 KiB (SIMD at hand), as the
        // reference decides; small inputs index faster in a chain.
        if (row == ParamSwitch::automatic) row = cp.windowLog > 14 ? ParamSwitch::enable : ParamSwitch::disable;
        return row == ParamSwitch::enable ? Finder::rowHash : Finder::hashChain;
    default: return Finder::binaryTree;
    }
}

TableLayout tableLayout(const CParams& cp, Finder f) {
    TableLayout l;
    l.hashEntries = size_t(1) << cp.hashLog;
    switch (f) {
    case Finder::fast: break;
    case Finder::dfast:
    case Finder::hashChain:
    case Finder::binaryTree: l.chainEntries = size_t(1) << cp.chainLog; break;
    case Finder::rowHash: l.tagBytes = l.hashEntries + (l.hashEntries >> rowLogOf(cp.searchLog)) * kRowTagHeader; break;
    }
    return l;
}

void MatchState::carveTables(u8* p) {
    hashTable = reinterpret_cast<u32*>(p);
    p += TableLayout::align(layout.hashEntries * 4);
    chainTable = layout.chainEntries ? reinterpret_cast<u32*>(p) : nullptr;
    p += TableLayout::align(layout.chainEntries * 4);
    tagTable = layout.tagBytes ? p : nullptr;
}

void MatchState::clearTables() {
    std::memset(hashTable, 0, layout.hashEntries * 4);
    if (chainTable) std::memset(chainTable, 0, layout.chainEntries * 4);
    if (tagTable) std::memset(tagTable, 0, layout.tagBytes);
}

void MatchState::rebaseTables(u32 correction) {
    auto rebase = [correction](u32* t, size_t n) {
        for (size_t i = 0; i < n; ++i) {
            const u32 v = t[i];
            t[i] = v >= correction + kWindowStartIndex ? v - correction : v < kWindowStartIndex ? v : 0;
        }
    };
    rebase(hashTable, layout.hashEntries);
    if (chainTable) rebase(chainTable, layout.chainEntries);
}

void MatchState::copyTablesFrom(const MatchState& d) {
    auto copy = [&](u32* dst, const u32* src, size_t n) {
        if (!d.tagged) {
            std::memcpy(dst, src, n * sizeof(u32));
            return;
        }
        for (size_t i = 0; i < n; ++i) dst[i] = src[i] >> kDictTagBits;
    };
    copy(hashTable, d.hashTable, layout.hashEntries);
    if (chainTable) copy(chainTable, d.chainTable, layout.chainEntries);
    if (tagTable) std::memcpy(tagTable, d.tagTable, layout.tagBytes);
}

BlockCompressor selectBlockCompressor(Finder f, Strategy s, DictMode mode) {
    static constexpr BlockCompressor kFast[] = {compressBlockFast, compressBlockFastExtDict,
                                                compressBlockFastAttached};
    static constexpr BlockCompressor kDoubleFast[] = {compressBlockDoubleFast, compressBlockDoubleFastExtDict,
                                                      compressBlockDoubleFastAttached};
    const unsigned depth = s == Strategy::greedy ? 0 : s == Strategy::lazy ? 1 : 2;
    switch (f) {
    case Finder::fast: return kFast[int(mode)];
    case Finder::dfast: return kDoubleFast[int(mode)];
    case Finder::hashChain: return lazyHashChain(depth, mode);
    case Finder::rowHash: return lazyRowHash(depth, mode);
    case Finder::binaryTree: return s > Strategy::btlazy2 ? optimalBinaryTree(mode) : lazyBinaryTree(depth, mode);
    }
    return kFast[0];
}

void fillTables(MatchState& ms, const u8* end) {
    switch (ms.finder) {
    case Finder::fast: fillTablesFast(ms, end); break;
    case Finder::dfast: fillTablesDoubleFast(ms, end); break;
    case Finder::hashChain: fillTablesHashChain(ms, end); break;
    case Finder::rowHash: fillTablesRowHash(ms, end); break;
    case Finder::binaryTree: fillTablesBinaryTree(ms, end); break;
    }
}

}  // namespace zest
