// Long-distance matching (ZSTD_c_enableLongDistanceMatching): long matches
// anywhere in a large window, found through a table of fingerprints of
// minMatch-byte stretches taken at content-defined points (a gear rolling
// hash picks about one position in 2^hashRateLog). The block's normal match
// finder fills the gaps between them (block_compress.cpp).
#pragma once
#include "compress/match_common.h"
#include "compress/params.h"

namespace zest {

struct LdmParams {
    bool enabled = false;
    unsigned hashLog = 0, bucketLog = 0, minMatch = 0, hashRateLog = 0;
};

// The parameters of a frame: 0 fields take the reference's defaults for the
// strategy and window; `mode` is ZSTD_c_enableLongDistanceMatching (auto:
// on for btopt and up with windows of 128 MiB and more, as the reference).
LdmParams resolveLdm(int mode, unsigned hashLog, unsigned bucketLog, unsigned minMatch, unsigned hashRateLog,
                     const CParams& cp);

struct LdmEntry {
    u32 index;  // window index of the stretch's first byte (0: empty)
    u32 check;  // the fingerprint's other bits
};

// A long match found: litLength bytes, then matchLength bytes from `offset` back.
struct LdmMatch {
    u32 litLength, matchLength, offset;
};

struct LdmState {
    LdmParams p;
    LdmEntry* table = nullptr;  // 2^hashLog entries, in buckets of 2^bucketLog
    u8* cursors = nullptr;      // per bucket: where the next entry goes (round robin)
    LdmMatch* matches = nullptr;
    size_t matchCapacity = 0;
    u64 gear = 0;
    const u8* gearEnd = nullptr;  // the byte after the last one rolled in

    static size_t tableBytes(const LdmParams& p) { return sizeof(LdmEntry) << p.hashLog; }
    static size_t cursorBytes(const LdmParams& p) { return size_t(1) << (p.hashLog - p.bucketLog); }
    static size_t matchBytes(const LdmParams& p, size_t blockSize) {
        return (blockSize / p.minMatch + 2) * sizeof(LdmMatch);
    }
    void clear();
    // Indices move down by `correction` (index rebasing); older ones are dropped.
    void rebase(u32 correction);
    // Indices move up by `delta` (the window's base moved back by as much).
    void shift(u32 delta);
};

// Long matches in src[0..srcSize) (the block, already in the window), from
// index `lowest` on and at most maxDist back; the table learns the block's
// points. Returns how many were written to st.matches.
size_t findLongMatches(LdmState& st, const Window& w, u32 lowest, u32 maxDist, const u8* src, size_t srcSize);

// The points of src[0..srcSize) (dictionary content in the window) into the
// table, without looking for matches.
void indexLongMatchPoints(LdmState& st, const Window& w, const u8* src, size_t srcSize);

}  // namespace zest
