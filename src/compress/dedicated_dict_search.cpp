// Building the dedicated dictionary search structure (see the header).
#include "compress/dedicated_dict_search.h"

namespace zest {

namespace {
constexpr unsigned kCachedPerBucket = 3;  // the bucket's fourth word locates its list
constexpr u32 kMaxListLength = 255;       // the count is one byte
}  // namespace

bool dedicatedSearchSupported(const CParams& cp) {
    // List starts take 24 bits.
    return cp.strategy >= Strategy::greedy && cp.strategy <= Strategy::lazy2 && cp.chainLog <= 24;
}

TableLayout dedicatedSearchLayout(const CParams& cp) {
    TableLayout l;
    l.hashEntries = size_t(4) << cp.hashLog;
    l.chainEntries = size_t(2) << cp.chainLog;
    return l;
}

void buildDedicatedSearch(MatchState& d, const u8* end) {
    // First the ordinary chains: heads in the first 2^hashLog words, links in
    // the first half of the chain area.
    fillTablesHashChain(d, end);
    const u32 buckets = u32(1) << d.cp.hashLog;
    const u32 chainSize = u32(1) << d.cp.chainLog;
    const u32 mask = chainSize - 1;
    u32* const links = d.chainTable;
    u32* const lists = d.chainTable + chainSize;
    const u32 indexed = d.nextToUpdate;
    // Links of positions older than this were overwritten (the link area is a ring).
    const u32 minChain = indexed > chainSize ? indexed - chainSize : 0;
    const u32 attempts = u32(1) << d.cp.searchLog;
    const u32 listMax = attempts <= kCachedPerBucket ? 0
                        : attempts - kCachedPerBucket > kMaxListLength ? kMaxListLength
                                                                       : attempts - kCachedPerBucket;
    const u32 low = d.window.lowLimit;
    u32 used = 0;
    // Bucket h takes words 4h..4h+3, which held the heads of buckets 4h..4h+3:
    // going down from the last bucket, every head is read before it is overwritten.
    for (u32 h = buckets; h-- > 0;) {
        u32 m = d.hashTable[h];
        auto next = [&](u32 x) { return x > minChain ? links[x & mask] : 0; };
        u32 cached[kCachedPerBucket] = {};
        for (unsigned k = 0; k < kCachedPerBucket && m >= low && m != 0; ++k) {
            cached[k] = m;
            m = next(m);
        }
        const u32 start = used;
        while (m >= low && m != 0 && used - start < listMax && used < chainSize) {
            lists[used++] = m;
            m = next(m);
        }
        u32* const bucket = d.hashTable + size_t(h) * 4;
        for (unsigned k = 0; k < kCachedPerBucket; ++k) bucket[k] = cached[k];
        bucket[3] = (start << 8) | (used - start);
    }
}

}  // namespace zest
