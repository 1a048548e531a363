// Multithreaded compression (src/compress/mt_compress.cpp): frames cut into
// jobs on worker threads decode with both decoders for every strategy,
// worker count, overlap, dictionary kind, streaming shape and buffer mode;
// sizes are checked, progress is reported, pools are shared, and a failing
// allocator gives an error, never a crash or a leak.
#include <zstd.h>

#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <set>
#include <thread>
#include <vector>

#include "common/thread_pool.h"
#include "compress/cctx.h"
#include "compress_support.h"

using namespace zt;
using zest::EndDirective;

namespace {

enum : int { pNbWorkers = 400, pJobSize = 401, pOverlapLog = 402 };

// Under ThreadSanitizer (the CI's build of these tests, where the job
// coordination is what is checked) the match finders run ~50x slower: the
// heaviest loops cover fewer levels there; every other build runs them all.
#if defined(__SANITIZE_THREAD__)
constexpr bool kThreadSanitizer = true;
#else
constexpr bool kThreadSanitizer = false;
#endif
constexpr int kMinJob = 512 * 1024;

// Text with repeats near and far (so overlaps and windows matter).
Bytes mtData(Rng& rng, size_t n) {
    Bytes out;
    const Bytes base = genText(rng, 64 * 1024);
    while (out.size() < n) {
        const Bytes t = rng.chance(30) ? base : genMixed(rng, 48 * 1024);
        out.insert(out.end(), t.begin(), t.end());
    }
    out.resize(n);
    return out;
}

// A context with workers and small jobs: several jobs even on small inputs.
void useWorkers(zest::CCtx* c, int workers, int level, int windowLog = 18) {
    cset(c, pLevel, level);
    cset(c, pNbWorkers, workers);
    cset(c, pJobSize, kMinJob);
    cset(c, pChecksum, 1);
    if (windowLog) cset(c, pWindowLog, windowLog);
}

// One frame through compressStream2 with whole input and output at once.
Bytes streamWhole(zest::CCtx* c, const Bytes& src, EndDirective e = EndDirective::end) {
    Buf out(zest::compressBound(src.size()) + 64);
    zest::InBuffer in{src.data(), src.size(), 0};
    zest::OutBuffer ob{out.data(), out.size(), 0};
    size_t r;
    do {
        r = zest::compressStream2(c, &ob, &in, e);
        if (zest::isError(r)) {
            ADD_FAILURE() << zdescr(r);
            return {};
        }
    } while (r != 0);
    return out.take(ob.pos);
}

}  // namespace

// Every strategy, one to four workers, minimal jobs: frames decode (checksum
// over the whole input checked by both decoders) and really are cut in jobs.
TEST(MtCompress, EveryStrategyAndWorkerCount) {
    Rng rng(4000);
    const Bytes src = mtData(rng, 1100 * 1024);
    const std::vector<int> levels = kThreadSanitizer ? std::vector<int>{-3, 3, 6, 16}
                                                     : std::vector<int>{-3, 1, 3, 5, 6, 8, 13, 16, 18, 19};
    int workers = 1;
    for (const int level : levels) {
        SCOPED_TRACE(at("level/workers", level, workers));
        ZCCtx z;
        useWorkers(z, workers, level);
        const Bytes frame = zframe(z, src);
        expectDecodes(frame, src);
        EXPECT_EQ(header(frame).frameContentSize, src.size());
        EXPECT_TRUE(header(frame).checksumFlag);
        // Three jobs (512 KiB at most): the job counter says so.
        EXPECT_EQ(zest::getFrameProgression(z).currentJobID, 3u);
        workers = workers % 4 + 1;
    }
}

// A job's overlap is the frame's earlier data, not a dictionary: matches
// into it stay within the window. With a 1 MiB window, overlap and job, job 1
// repeats, 600 KiB in, bytes from 1.4 MiB back: inside the overlap, beyond
// the window and the slack of streaming decoders' buffers.
TEST(MtCompress, OverlapStaysWithinTheWindow) {
    Rng rng(4014);
    Bytes src = genRandom(rng, 2200 * 1024);
    const size_t pos = 1624 * 1024, distance = 1434 * 1024;
    std::copy(src.begin() + std::ptrdiff_t(pos - distance), src.begin() + std::ptrdiff_t(pos - distance + 8192),
              src.begin() + std::ptrdiff_t(pos));
    for (const int level : {1, 3, 5, 9, 13, 16, 19}) {
        SCOPED_TRACE(at("level", level));
        ZCCtx z;
        useWorkers(z, 2, level, 20);
        cset(z, pOverlapLog, 9);
        // Decoders streaming in a window-sized buffer catch any offset beyond it.
        DecodeWith o;
        o.windowLogMax = 20;
        expectDecodes(zframe(z, src), src, o);
    }
}

// Long-distance matching with workers (the coordinator finds the long
// matches, ldm_test.cpp has the details): a repeat 1 MiB back, beyond every
// job's overlap, costs next to nothing. Streamed (size unknown), the jobs are
// filled in the coordinator's history ring, which wraps while workers read it.
TEST(MtCompress, LongDistanceMatching) {
    Rng rng(4015);
    Bytes src = genRandom(rng, 3200 * 1024);
    for (const size_t at : {size_t(1100), size_t(2500)})
        std::copy(src.begin(), src.begin() + 300 * 1024, src.begin() + std::ptrdiff_t(at * 1024));
    ZCCtx z;
    useWorkers(z, 2, 1, 21);
    cset(z, 160, 1);  // ZSTD_c_enableLongDistanceMatching
    const Bytes frame = zframe(z, src);
    expectDecodes(frame, src);
    EXPECT_LT(frame.size(), src.size() - 590 * 1024);
    zest::cctxReset(z, zest::ResetDirective::session_only);
    StreamShape s;
    s.maxIn = 300 * 1024;
    s.maxOut = 300 * 1024;
    const Bytes streamed = zestStreamCompress(z, src, rng, s);
    expectDecodes(streamed, src);

    EXPECT_LT(streamed.size(), src.size() - 590 * 1024);
}

// The frame's size stays close to one thread's: jobs lose only what they
// cannot see across their boundary.
TEST(MtCompress, SizeCloseToSingleThread) {
    Rng rng(4001);
    const Bytes src = mtData(rng, 2 * 1024 * 1024);
    for (const int level : {3, 12}) {
        SCOPED_TRACE(at("level", level));
        ZCCtx one, two;
        useWorkers(one, 0, level);
        useWorkers(two, 2, level);
        const Bytes a = zframe(one, src), b = zframe(two, src);
        expectDecodes(b, src);
        EXPECT_LT(double(b.size()), double(a.size()) * 1.03);
    }
}

// Overlap logs 0-9 all decode; a full window of overlap (9) beats none (1)
// on data that repeats across job boundaries.
TEST(MtCompress, OverlapLogs) {
    Rng rng(4002);
    const Bytes src = mtData(rng, 1600 * 1024);
    size_t none = 0, full = 0;
    for (int ov = 0; ov <= 9; ++ov) {
        SCOPED_TRACE(at("overlapLog", ov));
        ZCCtx z;
        useWorkers(z, 2, 6);
        cset(z, pOverlapLog, ov);
        const Bytes frame = zframe(z, src);
        expectDecodes(frame, src);
        if (ov == 1) none = frame.size();
        if (ov == 9) full = frame.size();
    }
    EXPECT_LT(full, none);
}

// Streaming in random pieces with random flushes and output windows: after
// every flush the output decodes to exactly the input so far.
TEST(MtCompress, StreamingRandomShapes) {
    Rng rng(4003);
    const Bytes src = mtData(rng, 1500 * 1024);
    for (int round = 0; round < 6; ++round) {
        SCOPED_TRACE(at("round", round));
        ZCCtx z;
        useWorkers(z, 1 + round % 3, round % 2 ? 4 : 7);
        StreamShape s;
        s.maxIn = round < 3 ? 200 * 1024 : 3000;
        s.maxOut = round < 3 ? 100 * 1024 : 5000;
        s.flushPercent = round < 3 ? 10 : 1;
        const Bytes frame = zestStreamCompress(z, src, rng, s);
        expectDecodes(frame, src);
    }
}

// Stable input and output buffers with workers.
TEST(MtCompress, StableBuffers) {
    Rng rng(4004);
    const Bytes src = mtData(rng, 1300 * 1024);
    for (const auto& [stableIn, stableOut] : {std::pair{true, false}, {false, true}, {true, true}}) {
        SCOPED_TRACE(at("stableIn/stableOut", stableIn, stableOut));
        ZCCtx z;
        useWorkers(z, 2, 3);
        cset(z, pStableIn, stableIn);
        cset(z, pStableOut, stableOut);
        StreamShape s;
        s.maxIn = 300 * 1024;
        s.stableIn = stableIn;
        s.stableOut = stableOut;
        const Bytes frame = zestStreamCompress(z, src, rng, s);
        expectDecodes(frame, src);
    }
}

// Pledged sizes: announced in the header when right, srcSize_wrong when the
// input falls short or runs over; unknown sizes leave the header without one.
TEST(MtCompress, PledgedSizes) {
    Rng rng(4005);
    const Bytes src = mtData(rng, 1200 * 1024);
    {
        ZCCtx z;
        useWorkers(z, 2, 3);
        ASSERT_FALSE(zest::isError(zest::cctxSetPledgedSrcSize(z, src.size())));
        const Bytes frame = streamWhole(z, src, EndDirective::end);
        expectDecodes(frame, src);
        EXPECT_EQ(header(frame).frameContentSize, src.size());
    }
    for (const long long delta : {-1LL, 1LL}) {
        SCOPED_TRACE(at("pledged - size", delta));
        ZCCtx z;
        useWorkers(z, 2, 3);
        ASSERT_FALSE(zest::isError(zest::cctxSetPledgedSrcSize(z, src.size() + delta)));
        // (With the end directive on the first call the size given then
        // replaces the pledge, as in the reference: continue first.)
        Buf out(zest::compressBound(src.size()));
        zest::InBuffer in{src.data(), src.size(), 0};
        zest::OutBuffer ob{out.data(), out.size(), 0};
        size_t r = 0;
        for (int i = 0; i < 100 && in.pos < in.size && !zest::isError(r); ++i)
            r = zest::compressStream2(z, &ob, &in, EndDirective::continue_);
        for (int i = 0; i < 100 && !zest::isError(r); ++i) {
            r = zest::compressStream2(z, &ob, &in, EndDirective::end);
            if (r == 0) break;
        }
        EXPECT_EQ(zcode(r), ZSTD_error_srcSize_wrong);
        // The context starts a new frame afterwards.
        const Bytes again = zframe(z, src);
        expectDecodes(again, src);
    }
    {
        // Streamed with continue then end: no content size in the header.
        ZCCtx z;
        useWorkers(z, 3, 3);
        Buf out(zest::compressBound(src.size()));
        zest::InBuffer in{src.data(), src.size(), 0};
        zest::OutBuffer ob{out.data(), out.size(), 0};
        while (in.pos < in.size) ASSERT_FALSE(zest::isError(zest::compressStream2(z, &ob, &in, EndDirective::continue_)));
        zest::InBuffer none{nullptr, 0, 0};
        size_t r;
        while ((r = zest::compressStream2(z, &ob, &none, EndDirective::end)) != 0) ASSERT_FALSE(zest::isError(r));
        const Bytes frame = out.take(ob.pos);
        expectDecodes(frame, src);
        EXPECT_EQ(header(frame).frameContentSize, ZSTD_CONTENTSIZE_UNKNOWN);
    }
}

// Small known sizes stay on the caller's thread, as in the reference: the
// frame is the single-threaded one, byte for byte.
TEST(MtCompress, SmallInputsStaySingleThreaded) {
    Rng rng(4006);
    const Bytes src = mtData(rng, 300 * 1024);
    ZCCtx one, two;
    useWorkers(one, 0, 5);
    useWorkers(two, 2, 5);
    EXPECT_EQ(zframe(one, src), zframe(two, src));
    EXPECT_EQ(zest::getFrameProgression(two).currentJobID, 0u);
}

// Dictionaries with workers: the first job starts from it (loaded, prepared
// or a prefix); the frame names it.
TEST(MtCompress, Dictionaries) {
    Rng rng(4007);
    const Bytes dict = trainDict(rng, 2, 16 * 1024);
    Bytes src = recordRun(rng, 2, 700 * 1024);
    for (const int level : kThreadSanitizer ? std::vector<int>{3, 9} : std::vector<int>{3, 9, 16}) {
        SCOPED_TRACE(at("level", level));
        {
            ZCCtx z;
            useWorkers(z, 2, level, 0);
            ASSERT_FALSE(zest::isError(zest::cctxLoadDictionary(z, dict.data(), dict.size(),
                                                                zest::DictLoadMethod::byCopy,
                                                                zest::DictContentType::autoDetect)));
            const Bytes frame = zframe(z, src);
            DecodeWith o;
            o.dict = &dict;
            expectDecodes(frame, src, o);
            EXPECT_EQ(header(frame).dictID, ZSTD_getDictID_fromDict(dict.data(), dict.size()));
        }
        {
            ZCDict cd(zest::createCDictLevel(dict.data(), dict.size(), level, zest::DictLoadMethod::byCopy,
                                             zest::kDefaultMem));
            ZCCtx z;
            useWorkers(z, 3, level, 0);
            ASSERT_FALSE(zest::isError(zest::cctxRefCDict(z, cd)));
            StreamShape s;
            DecodeWith o;
            o.dict = &dict;
            s.dict = &o;
            const Bytes frame = zestStreamCompress(z, src, rng, s);
            expectDecodes(frame, src, o);
        }
        {
            ZCCtx z;
            useWorkers(z, 2, level, 0);
            ASSERT_FALSE(zest::isError(
                zest::cctxRefPrefix(z, dict.data(), dict.size(), zest::DictContentType::rawContent)));
            const Bytes frame = zframe(z, src);
            DecodeWith o;
            o.dict = &dict;
            o.how = DecodeWith::prefix;
            expectDecodes(frame, src, o);
            // The prefix served one frame: the next one is made without it.
            const Bytes plain = zframe(z, src);
            expectDecodes(plain, src);
        }
    }
}

// ZSTD_getFrameProgression and ZSTD_toFlushNow while jobs run: counters
// never go backwards and stay ordered (ingested >= consumed, produced >=
// flushed); at the end everything is consumed and flushed.
TEST(MtCompress, Progression) {
    Rng rng(4008);
    const Bytes src = mtData(rng, 2600 * 1024);
    ZCCtx z;
    useWorkers(z, 2, 7);
    Bytes frame;
    zest::FrameProgression last{};
    size_t pos = 0;
    size_t r = 1;
    while (r != 0) {
        const size_t piece = std::min<size_t>(src.size() - pos, 64 * 1024);
        zest::InBuffer in{src.data() + pos, piece, 0};
        uint8_t window[32 * 1024];
        zest::OutBuffer ob{window, sizeof window, 0};
        const EndDirective e = pos + piece == src.size() ? EndDirective::end : EndDirective::continue_;
        r = zest::compressStream2(z, &ob, &in, e);
        ASSERT_FALSE(zest::isError(r)) << zdescr(r);
        pos += in.pos;
        frame.insert(frame.end(), window, window + ob.pos);
        const zest::FrameProgression p = zest::getFrameProgression(z);
        EXPECT_GE(p.ingested, last.ingested);
        EXPECT_GE(p.consumed, last.consumed);
        EXPECT_GE(p.produced, last.produced);
        EXPECT_GE(p.flushed, last.flushed);
        EXPECT_GE(p.ingested, p.consumed);
        EXPECT_GE(p.produced, p.flushed);
        EXPECT_EQ(p.ingested, pos);
        EXPECT_EQ(p.flushed, frame.size());
        EXPECT_LE(zest::toFlushNow(z), p.produced - p.flushed);
        last = p;
    }
    expectDecodes(frame, src);
    EXPECT_EQ(last.consumed, src.size());
    EXPECT_EQ(last.flushed, frame.size());
    EXPECT_EQ(last.nbActiveWorkers, 0u);
    EXPECT_EQ(zest::toFlushNow(z), 0u);
}

// The level may change in the middle of a frame on workers (as --adapt
// does): later jobs take it, the frame stays valid.
TEST(MtCompress, LevelChangeMidFrame) {
    Rng rng(4009);
    const Bytes src = mtData(rng, 2 * 1024 * 1024);
    ZCCtx z;
    useWorkers(z, 2, 1, 0);
    Buf out(zest::compressBound(src.size()));
    zest::OutBuffer ob{out.data(), out.size(), 0};
    for (size_t pos = 0, i = 0; pos < src.size(); pos += 256 * 1024, ++i) {
        zest::InBuffer in{src.data() + pos, 256 * 1024, 0};
        while (in.pos < in.size)
            ASSERT_FALSE(zest::isError(zest::compressStream2(z, &ob, &in, EndDirective::continue_)));
        ASSERT_FALSE(zest::isError(zest::cctxSetParameter(z, pLevel, i % 2 ? 1 : 9)));
    }
    zest::InBuffer none{nullptr, 0, 0};
    size_t r;
    while ((r = zest::compressStream2(z, &ob, &none, EndDirective::end)) != 0) ASSERT_FALSE(zest::isError(r));
    expectDecodes(out.take(ob.pos), src);
}

// One pool shared by several contexts compressing from several threads at once.
TEST(MtCompress, SharedPoolFromSeveralThreads) {
    Rng rng(4010);
    const Bytes src = mtData(rng, 1100 * 1024);
    zest::ThreadPool* pool = zest::createThreadPool(2, zest::kDefaultMem);
    ASSERT_NE(pool, nullptr);
    std::vector<Bytes> frames(4);
    std::vector<std::thread> threads;
    for (size_t t = 0; t < frames.size(); ++t)
        threads.emplace_back([&, t] {
            ZCCtx z;
            useWorkers(z, 2, int(1 + t * 2));
            zest::cctxRefThreadPool(z, pool);
            for (int i = 0; i < 2; ++i) frames[t] = zframe(z, src);
        });
    for (std::thread& t : threads) t.join();
    for (const Bytes& f : frames) expectDecodes(f, src);
    zest::freeThreadPool(pool);
}

// A frame given up half way (reset, or the context freed) waits for its jobs
// and leaves the context ready for the next frame.
TEST(MtCompress, AbandonedFrames) {
    Rng rng(4011);
    const Bytes src = mtData(rng, 2 * 1024 * 1024);
    for (int i = 0; i < 2; ++i) {
        ZCCtx z;
        useWorkers(z, 3, 5);
        uint8_t window[1000];
        zest::OutBuffer ob{window, sizeof window, 0};
        zest::InBuffer in{src.data(), src.size(), 0};
        ASSERT_FALSE(zest::isError(zest::compressStream2(z, &ob, &in, EndDirective::continue_)));
        if (i == 0) {
            zest::cctxReset(z, zest::ResetDirective::session_only);
            expectDecodes(zframe(z, src), src);
        }
        // i == 1: freed with jobs in flight.
    }
    // A one-shot call in the middle of a frame on workers gives that frame
    // up; the next streaming call starts a new frame.
    ZCCtx z;
    useWorkers(z, 2, 3);
    uint8_t window[1000];
    zest::OutBuffer ob{window, sizeof window, 0};
    zest::InBuffer in{src.data(), src.size(), 0};
    ASSERT_FALSE(zest::isError(zest::compressStream2(z, &ob, &in, EndDirective::continue_)));
    Buf out(zest::compressBound(src.size()));
    const size_t n = zest::compressCCtx(z, out.data(), out.size(), src.data(), src.size(), 1);
    ASSERT_FALSE(zest::isError(n)) << zdescr(n);
    expectDecodes(out.take(n), src);
    expectDecodes(streamWhole(z, src), src);
}

namespace {

// An allocator that fails from the n-th allocation on, counting what is live.
struct FailingAlloc {
    std::atomic<long> calls{0}, live{0};
    long failFrom = -1;
    static void* alloc(void* op, size_t n) {
        auto* a = static_cast<FailingAlloc*>(op);
        if (a->failFrom >= 0 && a->calls.fetch_add(1) >= a->failFrom) return nullptr;
        void* p = std::malloc(n);
        if (p) a->live.fetch_add(1);
        return p;
    }
    static void release(void* op, void* p) {
        if (!p) return;
        static_cast<FailingAlloc*>(op)->live.fetch_sub(1);
        std::free(p);
    }
};

}  // namespace

// Allocation failures anywhere (pool, job buffers, worker contexts): an
// error (memory_allocation), no crash; everything given back at the end.
TEST(MtCompress, AllocationFailures) {
    Rng rng(4012);
    const Bytes src = mtData(rng, 1300 * 1024);
    for (const bool ldm : {false, true}) {
        bool succeeded = false;
        for (long failFrom = 0; failFrom < 80 && !succeeded; ++failFrom) {
            SCOPED_TRACE(at("ldm/failFrom", ldm, failFrom));
            FailingAlloc a;
            const zest::CustomMem mem{FailingAlloc::alloc, FailingAlloc::release, &a};
            zest::CCtx* c = zest::createCCtx(mem);
            if (c) {
                a.failFrom = failFrom;
                useWorkers(c, 2, 3);
                if (ldm) cset(c, 160, 1);  // the coordinator's history ring and tables too
                Buf out(zest::compressBound(src.size()));
                const size_t r = zest::compress2(c, out.data(), out.size(), src.data(), src.size());
                if (zest::isError(r)) {
                    EXPECT_EQ(zcode(r), ZSTD_error_memory_allocation);
                } else {
                    expectDecodes(out.take(r), src);
                    succeeded = true;
                }
                zest::freeCCtx(c);
            }
            EXPECT_EQ(a.live.load(), 0);
        }
        EXPECT_TRUE(succeeded);
    }
}

namespace {

// The blocks of a frame (headers included), as byte strings.
std::vector<Bytes> blockBytes(const Bytes& frame) {
    std::vector<Bytes> out;
    size_t at = ZSTD_frameHeaderSize(frame.data(), frame.size());
    for (const BlockInfo& b : blocksOf(frame)) {
        const size_t n = 3 + (b.type == 1 ? 1 : b.size);
        out.push_back(slice(frame, at, n));
        at += n;
    }
    return out;
}

// Share of b's bytes that lie in blocks found unchanged in a.
double unchangedShare(const Bytes& a, const Bytes& b) {
    const std::vector<Bytes> ba = blockBytes(a);
    const std::set<Bytes> known(ba.begin(), ba.end());
    size_t same = 0;
    for (const Bytes& blk : blockBytes(b))
        if (known.count(blk)) same += blk.size();
    return double(same) / double(b.size());
}

}  // namespace

// ZSTD_c_rsyncable: after one byte is inserted near the start, jobs cut on
// content line up again, so most of the output stays the same; with jobs cut
// by size alone everything after the insertion changes.
TEST(MtCompress, Rsyncable) {
    Rng rng(4013);
    const Bytes src = mtData(rng, 4 * 1024 * 1024);
    Bytes edited = src;
    edited.insert(edited.begin() + 300 * 1024, uint8_t('!'));
    double sameShare[2] = {0, 0};
    for (const int rsync : {0, 1}) {
        SCOPED_TRACE(at("rsyncable", rsync));
        ZCCtx z;
        useWorkers(z, 2, 3, 0);
        cset(z, 500, rsync);
        const Bytes a = zframe(z, src), b = zframe(z, edited);
        expectDecodes(a, src);
        expectDecodes(b, edited);
        sameShare[rsync] = unchangedShare(a, b);
    }
    EXPECT_GT(sameShare[1], 0.6);
    EXPECT_LT(sameShare[0], 0.3);
    std::printf("rsyncable: %.1f%% of the output unchanged (%.1f%% without)\n", 100 * sameShare[1],
                100 * sameShare[0]);
}

// A static context given nbWorkers through a parameter set compresses on
// the calling thread, inside its workspace.
TEST(MtCompress, StaticContextStaysInItsWorkspace) {
    Rng rng(4015);
    const Bytes src = mtData(rng, 1100 * 1024);
    zest::CCtxParams* p = zest::createCCtxParams(zest::kDefaultMem);
    ASSERT_FALSE(zest::isError(zest::cctxParamsSetParameter(p, pLevel, 3)));
    ASSERT_FALSE(zest::isError(zest::cctxParamsSetParameter(p, pNbWorkers, 2)));
    unsigned jobs = 1;
    EXPECT_FALSE(staticFrame(p, zest::estimateCStreamSize(3), src, &jobs).empty());
    EXPECT_EQ(jobs, 0u);
    zest::freeCCtxParams(p, zest::kDefaultMem);
}
