// Long-distance matching (src/compress/ldm.cpp): repeats far beyond what the
// normal finders keep are found at every strategy, one-shot and streaming
// (the window's buffer wrapping into two segments), with index rebasing,
// with and without workers; frames decode with both decoders within the window.
#include <zstd.h>

#include <gtest/gtest.h>

#include <vector>

#include "compress/cctx.h"
#include "compress/cctx_impl.h"
#include "compress_support.h"

using namespace zt;

namespace {

enum : int { pEnableLdm = 160, pLdmHashLog = 161, pLdmMinMatch = 162, pNbWorkers = 400, pJobSize = 401, pOverlapLog = 402 };
constexpr int kOn = 1, kOff = 2;

// Random stretches, each repeated once `distance` later: nothing nearby to
// find, everything findable far back.
Bytes farRepeats(Rng& rng, size_t stretch, size_t distance, size_t rounds) {
    Bytes out;
    for (size_t r = 0; r < rounds; ++r) {
        const Bytes a = genRandom(rng, stretch), b = genRandom(rng, distance - stretch);
        out.insert(out.end(), a.begin(), a.end());
        out.insert(out.end(), b.begin(), b.end());
        out.insert(out.end(), a.begin(), a.end());
    }
    return out;
}

// src streamed through c in random pieces of up to maxIn bytes (flushes
// now and then): the frame decodes within a 2^windowLog window.
Bytes streamWithin(zest::CCtx* c, const Bytes& src, Rng& rng, unsigned windowLog, size_t maxIn,
                   unsigned flushPercent) {
    StreamShape s;
    s.maxIn = maxIn;
    s.maxOut = 100 * 1024;
    s.flushPercent = flushPercent;
    const Bytes frame = zestStreamCompress(c, src, rng, s);
    DecodeWith o;
    o.windowLogMax = windowLog;
    expectDecodes(frame, src, o);
    return frame;
}

}  // namespace

// One-shot: 600 KB repeated 2 MB later, in a 4 MiB window, with small
// tables for the normal finders. With long-distance matching the repeat
// costs next to nothing at every strategy (without it, the tree strategies
// lose it); the frame decodes within the window.
TEST(Ldm, FindsFarRepeatsAtEveryStrategy) {
    Rng rng(1600);
    const Bytes src = farRepeats(rng, 600 * 1024, 2 * 1024 * 1024, 1);
    for (const int level : {-5, 1, 3, 5, 7, 12, 13, 16, 18, 19}) {
        SCOPED_TRACE(at("level", level));
        ZCCtx on, off;
        for (zest::CCtx* c : {on.p, off.p}) {
            cset(c, pLevel, level);
            cset(c, pWindowLog, 22);
            cset(c, pHashLog, 14);  // normal finders that keep little
            cset(c, pChainLog, 14);
        }
        cset(on, pEnableLdm, kOn);
        cset(off, pEnableLdm, kOff);
        const Bytes withLdm = zframe(on, src), without = zframe(off, src);
        DecodeWith o;
        o.windowLogMax = 22;
        expectDecodes(withLdm, src, o);
        EXPECT_LE(withLdm.size(), without.size() + 64);
        EXPECT_LT(withLdm.size(), src.size() - 590 * 1024);
        if (level >= 13) EXPECT_LT(withLdm.size() + 500 * 1024, without.size());
    }
}

// Text whose repeats the normal finders reach too: long matches must not
// cost ratio. The optimal parsers weigh them as one more candidate (taken
// as they come, the many short ones among them cut the parse into pieces).
TEST(Ldm, CostsNothingWhereTheWindowReaches) {
    Rng rng(1608);
    Bytes src = genText(rng, 600 * 1024);
    const Bytes again = src;
    src.insert(src.end(), again.begin(), again.end());
    for (const int level : {5, 13, 16, 19}) {
        SCOPED_TRACE(at("level", level));
        ZCCtx on, off;
        for (zest::CCtx* c : {on.p, off.p}) {
            cset(c, pLevel, level);
            cset(c, pWindowLog, 22);
        }
        cset(on, pEnableLdm, kOn);
        cset(off, pEnableLdm, kOff);
        const Bytes withLdm = zframe(on, src), without = zframe(off, src);
        expectDecodes(withLdm, src);
        EXPECT_LT(double(withLdm.size()), double(without.size()) * 1.01);
    }
}

// Streaming in random pieces through a 1 MiB window: the buffer wraps, long
// matches reach into its older segment; a small minimum match and table.
TEST(Ldm, StreamingAcrossTheWrappedBuffer) {
    Rng rng(1601);
    const Bytes src = farRepeats(rng, 200 * 1024, 700 * 1024, 5);
    for (const int level : {1, 6, 16}) {
        SCOPED_TRACE(at("level", level));
        ZCCtx z;
        cset(z, pLevel, level);
        cset(z, pWindowLog, 20);
        cset(z, pHashLog, 12);
        cset(z, pChainLog, 12);
        cset(z, pEnableLdm, kOn);
        cset(z, pLdmMinMatch, 32);
        cset(z, pLdmHashLog, 16);
        const Bytes frame = streamWithin(z, src, rng, 20, 200 * 1024, 3);
        EXPECT_LT(frame.size(), src.size() - 5 * 190 * 1024);
    }
}

// Index rebasing with long matches in flight: table entries move with the
// window (the context's own, or the coordinator's with workers).
TEST(Ldm, IndexRebasing) {
    for (const int workers : {0, 2}) {
        SCOPED_TRACE(at("workers", workers));
        Rng rng(1602);
        const Bytes src = farRepeats(rng, 100 * 1024, 400 * 1024, 8);
        ZCCtx z;
        z.p->indexLimit = 1u << 21;
        cset(z, pLevel, 3);
        cset(z, pWindowLog, 19);
        cset(z, pEnableLdm, kOn);
        cset(z, pNbWorkers, workers);
        cset(z, pJobSize, 512 * 1024);
        const Bytes frame = streamWithin(z, src, rng, 19, 300 * 1024, 15);
        EXPECT_LT(frame.size(), src.size() - 8 * 95 * 1024);
    }
}

// Workers with long-distance matching: the coordinator finds the long
// matches over the whole window, the jobs (512 KiB, with an overlap far
// shorter than the distance) take them; the frame decodes within the window
// and is as small as one thread's.
TEST(Ldm, WorkersFindFarRepeats) {
    Rng rng(1603);
    const Bytes src = farRepeats(rng, 600 * 1024, 2 * 1024 * 1024, 1);
    int workers = 1;
    for (const int level : {-5, 1, 3, 6, 13, 19}) {
        SCOPED_TRACE(at("level/workers", level, workers));
        ZCCtx mt, st;
        for (zest::CCtx* c : {mt.p, st.p}) {
            cset(c, pLevel, level);
            cset(c, pWindowLog, 22);
            cset(c, pEnableLdm, kOn);
        }
        cset(mt, pNbWorkers, workers);
        cset(mt, pJobSize, 512 * 1024);
        cset(mt, pOverlapLog, 5);  // an overlap shorter than a job at every level
        const Bytes frame = zframe(mt, src);
        DecodeWith o;
        o.windowLogMax = 22;
        expectDecodes(frame, src, o);
        EXPECT_GT(zest::getFrameProgression(mt).currentJobID, 4u);  // really on workers
        EXPECT_LT(frame.size(), src.size() - 590 * 1024);
        EXPECT_LT(double(frame.size()), double(zframe(st, src).size()) * 1.02);
        workers = workers % 3 + 1;
    }
}

// Streaming with workers in random pieces and flushes (jobs of every length)
// through a 1 MiB window: the coordinator's history ring wraps, long matches
// reach into its older part; small blocks cut the long matches in many places.
TEST(Ldm, WorkersStreamingAcrossTheWrappedHistory) {
    Rng rng(1606);
    const Bytes src = farRepeats(rng, 200 * 1024, 700 * 1024, 5);
    for (const int round : {0, 1, 2}) {
        SCOPED_TRACE(at("round", round));
        ZCCtx z;
        cset(z, pLevel, round == 1 ? 6 : 1);
        cset(z, pWindowLog, 20);
        cset(z, pEnableLdm, kOn);
        cset(z, pLdmMinMatch, 32);
        cset(z, pNbWorkers, 2);
        cset(z, pJobSize, 512 * 1024);
        if (round == 2) cset(z, pMaxBlockSize, 3000);
        const Bytes frame = streamWithin(z, src, rng, 20, 200 * 1024, 5);
        EXPECT_LT(frame.size(), src.size() - 5 * 190 * 1024);
    }
}

// Size estimates count the long-distance matching tables.
TEST(Ldm, EstimatesCountTheTables) {
    zest::CCtxParams* p = zest::createCCtxParams(zest::kDefaultMem);
    ASSERT_FALSE(zest::isError(zest::cctxParamsSetParameter(p, pLevel, 3)));
    const size_t without = zest::estimateCCtxSizeUsingCCtxParams(p);
    ASSERT_FALSE(zest::isError(zest::cctxParamsSetParameter(p, pEnableLdm, kOn)));
    const size_t with = zest::estimateCCtxSizeUsingCCtxParams(p);
    // The window grows to 2^27 (the reference's rule) and the table is 2^20 entries of 8 bytes.
    EXPECT_GT(with, without + (size_t(8) << 20));
    zest::freeCCtxParams(p, zest::kDefaultMem);
}

// A prefix (as --patch-from gives the old version of a file) is indexed for
// long matches too: a new version differing in one place costs next to nothing.
TEST(Ldm, ReachesIntoAPrefix) {
    Rng rng(1604);
    const Bytes old = genRandom(rng, 1 << 20);
    Bytes now = old;
    now[400000] ^= 0x55;
    for (const int level : {1, 3, 9, 19}) {
        SCOPED_TRACE(at("level", level));
        ZCCtx z;
        cset(z, pLevel, level);
        cset(z, pWindowLog, 21);
        cset(z, pHashLog, 12);
        cset(z, pChainLog, 12);
        cset(z, pEnableLdm, kOn);
        ASSERT_FALSE(zest::isError(zest::cctxRefPrefix(z, old.data(), old.size(), zest::DictContentType::rawContent)));
        const Bytes frame = zframe(z, now);
        DecodeWith o;
        o.dict = &old;
        o.how = DecodeWith::prefix;
        expectDecodes(frame, now, o);
        EXPECT_LT(frame.size(), 2000u);
    }
}

// The smallest tables: one bucket holds the whole table (hashLog ==
// bucketLog), with small windows and every strategy.
TEST(Ldm, OneBucketTables) {
    Rng rng(1605);
    const Bytes src = farRepeats(rng, 3000, 9000, 20);
    for (const int strategy : {1, 2, 5, 7, 9}) {
        SCOPED_TRACE(at("strategy", strategy));
        ZCCtx z;
        cset(z, pStrategy, strategy);
        cset(z, pWindowLog, 14);
        cset(z, pEnableLdm, kOn);
        cset(z, pLdmHashLog, 6);
        cset(z, 163, 8);  // ldmBucketSizeLog, limited to the table's 6
        const Bytes frame = zframe(z, src);
        DecodeWith o;
        o.windowLogMax = 14;
        expectDecodes(frame, src, o);
    }
}
