// The strategy registry: which match finder runs a block, table sizes, and
// dictionary indexing.
#include "compress/match_finder.h"

namespace zest {

BlockCompressor selectBlockCompressor(Strategy s, DictMode mode) {
    static constexpr BlockCompressor kFast[] = {compressBlockFast, compressBlockFastExtDict,
                                                compressBlockFastAttached};
    static constexpr BlockCompressor kDoubleFast[] = {compressBlockDoubleFast, compressBlockDoubleFastExtDict,
                                                      compressBlockDoubleFastAttached};
    // Stronger strategies are substituted before this point (matchFinderParams).
    return s == Strategy::fast ? kFast[int(mode)] : kDoubleFast[int(mode)];
}

void fillTables(MatchState& ms, const u8* end) {
    if (ms.cp.strategy == Strategy::fast) fillTablesFast(ms, end);
    else fillTablesDoubleFast(ms, end);
}

size_t hashTableEntries(const CParams& cp) { return size_t(1) << cp.hashLog; }
size_t chainTableEntries(const CParams& cp) { return cp.strategy == Strategy::fast ? 0 : size_t(1) << cp.chainLog; }

}  // namespace zest
