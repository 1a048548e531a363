// Multithreaded compression: the coordinator (the caller's thread, inside
// ZSTD_compressStream2) copies input into the job being filled; a full job
// (or a flush, or the end) is queued on the thread pool, where a worker
// context compresses it into the job's output buffer piece by piece; the
// coordinator hands the oldest job's output to the caller as it appears.
//
// Jobs live in a ring of nbWorkers + 2 slots, each with its own input buffer
// (the overlap copied from the job before, then the job's source) and output
// buffer, allocated on first use and kept across frames. A job's blocks
// continue the frame: no header (the coordinator writes it before job 0), no
// entropy tables or repeat offsets from the job before (the worker starts
// with none: repeat offsets 0 never match), the checksum written by the last
// job from the coordinator's running hash.
//
// One mutex per context guards every job's progress fields (consumed, cSize,
// done, error) and the pool of worker contexts; a condition variable wakes the
// coordinator when a job progresses.
#include "compress/mt_compress.h"

#include <pthread.h>

#include <cstring>

#include "compress/cctx_impl.h"
#include "compress/pre_split.h"

namespace zest {

namespace {

// A worker publishes its output after each piece of about this size, so the
// caller sees output before the whole job is done.
constexpr size_t kPieceSize = 512 * 1024;

// A prefix shorter than this is not worth indexing (raw dictionaries below 8
// bytes are ignored likewise).
constexpr size_t kMinPrefix = 8;

// ZSTD_c_rsyncable: a job also ends where a rolling hash of the last
// kRsyncWindow bytes hits a pattern (about once per job size), once it holds
// kRsyncMinJob bytes. The cuts depend on the content only, so after a local
// change the jobs, and hence the output, line up again.
constexpr size_t kRsyncWindow = 32;
constexpr size_t kRsyncMinJob = size_t(1) << 17;
constexpr u64 kRsyncPrime = 0x9E3779B97F4A7C15ull;

constexpr u64 powerOf(u64 x, unsigned n) {
    u64 r = 1;
    while (n--) r *= x;
    return r;
}
constexpr u64 kRsyncPrimePower = powerOf(kRsyncPrime, kRsyncWindow);

}  // namespace

struct MtJob {
    MtCCtx* mt = nullptr;
    // Buffers of the slot (kept from job to job).
    u8* inBuf = nullptr;
    size_t inCapacity = 0;
    u8* out = nullptr;
    size_t outCapacity = 0;
    // Set by the coordinator before the job is queued, then read only.
    u8* in = nullptr;       // the job's overlap and source: inBuf, or in the long-match history
    size_t prefixSize = 0;  // overlap at the start of `in`
    size_t srcSize = 0;     // source after it
    size_t outStart = 0;    // bytes already in `out` (job 0: the frame header)
    bool first = false, last = false;
    u32 checksum = 0;
    bool writeChecksum = false;
    FrameParams params{};  // jobs after the first (the first uses the frame's plan)
    JobLongMatches longMatches;  // long-distance matching: found by the coordinator
    // Progress: the worker writes, the coordinator reads, both under mt->lock.
    size_t consumed = 0;
    size_t cSize = 0;  // valid bytes in out (outStart included)
    size_t error = 0;
    bool done = false;
    // The coordinator's own.
    size_t flushed = 0;
};

struct MtCCtx {
    CustomMem mem{};
    pthread_mutex_t lock;
    pthread_cond_t progress;  // some job published output or finished
    ThreadPool* ownPool = nullptr;
    ThreadPool* pool = nullptr;  // this frame's: own or shared
    MtJob* jobs = nullptr;
    size_t nbSlots = 0;
    // Worker contexts not running a job (at most one per slot).
    CCtx** idle = nullptr;
    size_t nbIdle = 0, nbWorkerCtx = 0;
    bool cancel = false;  // under lock: jobs stop at their next piece
    MtLongMatcher ldm;    // long-distance matching over the whole window (mt_ldm.h)

    // ---- The frame (coordinator only) ----
    bool active = false;
    FramePlan firstPlan;  // job 0: the frame's parameters and dictionary
    FrameParams jobParams{};  // later jobs: no dictionary
    size_t jobSize = 0, overlap = 0, inCapacity = 0, outCapacity = 0;
    u64 pledged = kContentSizeUnknown;
    bool checksum = false;
    XXH64_state_t xxh;
    u64 nextJob = 0;  // the job being filled
    u64 oldest = 0;   // oldest job not released (== nextJob: none in flight)
    bool fillStarted = false;  // the job being filled has its slot and prefix
    size_t filled = 0;         // its source bytes so far
    bool lastQueued = false;
    bool paramsChanged = false;
    bool ldmOn = false;
    bool rsync = false;
    unsigned rsyncShift = 0;  // a hit: the hash's bits above this are all 0
    u64 rsyncHash = 0;
    size_t hashedTo = 0;  // position in the job up to which rsyncHash is computed
    u64 ingested = 0, consumedReleased = 0, producedReleased = 0, flushedTotal = 0;
    size_t headerSize = 0;
    u8 header[kFrameHeaderSizeMax];
};

namespace {

MtJob& slotOf(MtCCtx& mt, u64 id) { return mt.jobs[id % mt.nbSlots]; }

// ---- Workers ------------------------------------------------------------------------------

CCtx* acquireWorker(MtCCtx& mt) {
    pthread_mutex_lock(&mt.lock);
    CCtx* w = mt.nbIdle ? mt.idle[--mt.nbIdle] : nullptr;
    if (!w) ++mt.nbWorkerCtx;  // reserved: created below
    pthread_mutex_unlock(&mt.lock);
    if (w) return w;
    w = createCCtx(mt.mem);
    if (!w) {
        pthread_mutex_lock(&mt.lock);
        --mt.nbWorkerCtx;
        pthread_mutex_unlock(&mt.lock);
    }
    return w;
}

// The job's context at the start of its data: the frame's plan for job 0;
// later jobs get the overlap as a raw prefix, no entropy tables, and repeat
// offsets that cannot match (the decoder's are those of the job before).
size_t startJob(CCtx* w, const MtJob& j) {
    const MtCCtx& mt = *j.mt;
    if (j.first) {
        FramePlan plan = mt.firstPlan;
        plan.f.fp.checksumFlag = 0;
        plan.f.ldm.enabled = false;  // the coordinator's
        ZEST_TRY(startFrame(w, plan, kContentSizeUnknown, false, false));
    } else {
        FramePlan plan;
        plan.f = j.params;
        if (j.prefixSize >= kMinPrefix) {
            plan.hasParsed = true;
            plan.parsed.content = j.in;
            plan.parsed.contentSize = j.prefixSize;
            plan.lazyPrefix = true;
        }
        ZEST_TRY(startFrame(w, plan, kContentSizeUnknown, false, false));
        // The overlap is the frame's earlier data, not a dictionary at the
        // frame's start: only the window reaches it.
        w->ms.loadedDictEnd = 0;
        w->rep[0] = w->rep[1] = w->rep[2] = 0;
        w->firstBlock = false;
    }
    w->headerWritten = true;
    w->givenLong = mt.ldmOn ? &j.longMatches : nullptr;
    w->givenBlock = 0;
    w->continuesFrame = !j.first;
    return 0;
}

void runJob(void* arg) {
    MtJob& j = *static_cast<MtJob*>(arg);
    MtCCtx& mt = *j.mt;
    CCtx* w = acquireWorker(mt);
    size_t err = w ? startJob(w, j) : ZEST_ERR(memory_allocation);
    const u8* const src = j.in + j.prefixSize;
    size_t pos = 0, cSize = j.outStart;
    bool cancelled = false;
    if (!isError(err)) {
        // Pieces of whole blocks, so the output can be handed over early.
        const size_t blockSize = w->fparams.blockSize;
        const size_t piece = kPieceSize > blockSize ? kPieceSize - kPieceSize % blockSize : blockSize;
        do {
            const size_t n = j.srcSize - pos < piece ? j.srcSize - pos : piece;
            const bool lastPiece = j.last && pos + n == j.srcSize;
            size_t wrote = compressChunk(w, j.out + cSize, j.outCapacity - cSize, src + pos, n, lastPiece);
            if (!isError(wrote) && lastPiece && j.writeChecksum) {
                if (j.outCapacity - cSize - wrote < 4) {
                    wrote = ZEST_ERR(dstSize_tooSmall);
                } else {
                    writeLE32(j.out + cSize + wrote, j.checksum);
                    wrote += 4;
                }
            }
            if (isError(wrote)) {
                err = wrote;
                break;
            }
            pos += n;
            cSize += wrote;
            pthread_mutex_lock(&mt.lock);
            j.consumed = pos;
            j.cSize = cSize;
            cancelled = mt.cancel;
            pthread_cond_broadcast(&mt.progress);
            pthread_mutex_unlock(&mt.lock);
        } while (pos < j.srcSize && !cancelled);
    }
    if (w) {
        w->givenLong = nullptr;
        w->continuesFrame = false;
    }
    pthread_mutex_lock(&mt.lock);
    if (w) mt.idle[mt.nbIdle++] = w;
    j.error = err;
    j.done = true;
    pthread_cond_broadcast(&mt.progress);
    pthread_mutex_unlock(&mt.lock);
}

// ---- Coordinator --------------------------------------------------------------------------

MtCCtx* createMt(const CustomMem& mem) {
    MtCCtx* mt = memNew<MtCCtx>(mem);
    if (!mt) return nullptr;
    mt->mem = mem;
    pthread_mutex_init(&mt->lock, nullptr);
    pthread_cond_init(&mt->progress, nullptr);
    return mt;
}

void freeSlotBuffers(MtCCtx& mt, MtJob& j) {
    memFree(mt.mem, j.inBuf);
    memFree(mt.mem, j.out);
    j.longMatches.release(mt.mem);
    j.in = j.inBuf = j.out = nullptr;
    j.inCapacity = j.outCapacity = 0;
}

void freeWorkers(MtCCtx& mt) {
    for (size_t i = 0; i < mt.nbIdle; ++i) freeCCtx(mt.idle[i]);
    mt.nbWorkerCtx -= mt.nbIdle;
    mt.nbIdle = 0;
}

// A ring of `slots` jobs and room for as many worker contexts (no job runs).
size_t resizeSlots(MtCCtx& mt, size_t slots) {
    if (mt.nbSlots == slots) return 0;
    freeWorkers(mt);
    for (size_t i = 0; i < mt.nbSlots; ++i) freeSlotBuffers(mt, mt.jobs[i]);
    memFree(mt.mem, mt.jobs);
    memFree(mt.mem, mt.idle);
    mt.nbSlots = 0;
    mt.jobs = static_cast<MtJob*>(memAlloc(mt.mem, slots * sizeof(MtJob)));
    mt.idle = static_cast<CCtx**>(memAlloc(mt.mem, slots * sizeof(CCtx*)));
    if (!mt.jobs || !mt.idle) {
        memFree(mt.mem, mt.jobs);
        memFree(mt.mem, mt.idle);
        mt.jobs = nullptr;
        mt.idle = nullptr;
        return ZEST_ERR(memory_allocation);
    }
    for (size_t i = 0; i < slots; ++i) new (&mt.jobs[i]) MtJob();
    mt.nbSlots = slots;
    return 0;
}

size_t ensurePool(CCtx* c, MtCCtx& mt, size_t nbWorkers) {
    if (c->sharedPool) {
        mt.pool = c->sharedPool;
        return 0;
    }
    if (!mt.ownPool || threadPoolThreads(mt.ownPool) != nbWorkers) {
        freeThreadPool(mt.ownPool);
        // Room in the queue for every job in flight: queuing never waits.
        mt.ownPool = createThreadPool(nbWorkers, mt.mem, mt.nbSlots);
        if (!mt.ownPool) return ZEST_ERR(memory_allocation);
    }
    mt.pool = mt.ownPool;
    return 0;
}

// The reference's job size: four windows, at least 1 MiB (or as set). With
// long-distance matching the window is typically far larger than what the
// finder's tables cover: eight table cycles then, at least 2 MiB.
unsigned jobLogFor(const CParams& cp, bool ldm) {
    unsigned log;
    if (ldm) {
        const unsigned cycleLog = cp.chainLog - (cp.strategy >= Strategy::btlazy2 ? 1 : 0);
        log = cycleLog + 3 > 21 ? cycleLog + 3 : 21;
    } else {
        log = cp.windowLog + 2 > 20 ? cp.windowLog + 2 : 20;
    }
    return log > 30 ? 30 : log;
}

size_t jobSizeFor(const CCtxParams& p, const CParams& cp, bool ldm) {
    if (p.jobSize) return size_t(p.jobSize);
    return size_t(1) << jobLogFor(cp, ldm);
}

// Overlap: 2^(overlapLog - 9) of the window (with long-distance matching, of
// a quarter job when that is smaller); overlapLog 0 takes the strategy's
// default (fuller for the stronger strategies), 1 means none.
size_t overlapFor(const CCtxParams& p, const CParams& cp, bool ldm) {
    int ovLog = p.overlapLog;
    if (ovLog == 0) {
        switch (cp.strategy) {
        case Strategy::btultra2: ovLog = 9; break;
        case Strategy::btultra:
        case Strategy::btopt: ovLog = 8; break;
        case Strategy::btlazy2:
        case Strategy::lazy2: ovLog = 7; break;
        default: ovLog = 6; break;
        }
    }
    const unsigned reverse = unsigned(9 - ovLog);
    if (reverse >= 8) return 0;
    unsigned log = cp.windowLog;
    if (ldm && jobLogFor(cp, true) - 2 < log) log = jobLogFor(cp, true) - 2;
    return size_t(1) << (log - reverse);
}

// Parameters of the jobs after the first: the frame's (with the plain
// finder: no dictionary to share tables with), or after a change in the
// middle of the frame the new level's, always in the frame's window.
FrameParams laterJobParams(const CCtxParams& p, const FramePlan& plan, bool changed) {
    FrameParams f = plan.f;
    if (changed) {
        f.cp = cParamsFor(p, kContentSizeUnknown, 0, CParamMode::noAttachDict);
        f.cp.windowLog = plan.f.cp.windowLog;
        f.splitBlocks = splitsBlocks(f.cp, ParamSwitch(p.splitAfterSequences));
        f.preSplit = preSplitEffort(p.blockSplitterLevel, f.cp.strategy);
        f.level = p.compressionLevel;
    }
    f.finder = finderFor(f.cp, ParamSwitch(p.useRowMatchFinder));
    f.fp.checksumFlag = 0;
    f.ldm.enabled = false;  // the coordinator finds the long matches
    return f;
}

// Wait until the oldest job in flight has output to hand over or is done.
void waitOldest(MtCCtx& mt) {
    MtJob& j = slotOf(mt, mt.oldest);
    pthread_mutex_lock(&mt.lock);
    while (!j.done && j.cSize == j.flushed) pthread_cond_wait(&mt.progress, &mt.lock);
    pthread_mutex_unlock(&mt.lock);
}

// A slot's buffer of at least `need` bytes (kept when large enough).
size_t ensureBuffer(MtCCtx& mt, u8*& buf, size_t& capacity, size_t need) {
    if (capacity >= need) return 0;
    memFree(mt.mem, buf);
    capacity = 0;
    buf = static_cast<u8*>(memAlloc(mt.mem, need));
    if (!buf) return ZEST_ERR(memory_allocation);
    capacity = need;
    return 0;
}

// Claim the slot of the job to fill: buffers sized, overlap copied (with
// long-distance matching the job is filled in place in the history, right
// after the overlap).
size_t startFill(MtCCtx& mt) {
    MtJob& j = slotOf(mt, mt.nextJob);
    ZEST_TRY(ensureBuffer(mt, j.out, j.outCapacity, mt.outCapacity));
    j.prefixSize = 0;
    if (mt.ldmOn) {
        const u64 left = mt.pledged == kContentSizeUnknown ? mt.jobSize : mt.pledged - mt.ingested;
        const size_t maxJob = left < mt.jobSize ? size_t(left) : mt.jobSize;
        mt.ldm.placeJob(mt.nextJob > 0 ? mt.overlap : 0, maxJob, j.in, j.prefixSize);
    } else {
        ZEST_TRY(ensureBuffer(mt, j.inBuf, j.inCapacity, mt.inCapacity));
        j.in = j.inBuf;
        if (mt.nextJob > 0 && mt.overlap) {
            // The end of what the job before saw (its own overlap included).
            const MtJob& prev = slotOf(mt, mt.nextJob - 1);
            const size_t avail = prev.prefixSize + prev.srcSize;
            const size_t n = avail < mt.overlap ? avail : mt.overlap;
            std::memcpy(j.in, prev.in + avail - n, n);
            j.prefixSize = n;
        }
    }
    mt.fillStarted = true;
    mt.filled = 0;
    mt.hashedTo = 0;
    return 0;
}

// The job length at which a synchronisation point ends the job, if one lies
// within job[from, to) (bytes already in the job's buffer); else 0.
size_t syncPoint(MtCCtx& mt, const u8* job, size_t from, size_t to) {
    const size_t start = from > kRsyncMinJob - 1 ? from : kRsyncMinJob - 1;
    if (to <= start) return 0;
    u64 h = mt.rsyncHash;
    if (mt.hashedTo != start) {
        // The window before the first position checked.
        h = 0;
        for (size_t i = start - kRsyncWindow; i < start; ++i) h = h * kRsyncPrime + job[i] + 1;
    }
    for (size_t p = start; p < to; ++p) {
        h = h * kRsyncPrime + job[p] + 1 - (u64(job[p - kRsyncWindow]) + 1) * kRsyncPrimePower;
        if ((h >> mt.rsyncShift) == 0) {
            mt.rsyncHash = h;
            mt.hashedTo = p + 1;
            return p + 1;
        }
    }
    mt.rsyncHash = h;
    mt.hashedTo = to;
    return 0;
}

size_t queueJob(CCtx* c, MtCCtx& mt, bool last) {
    MtJob& j = slotOf(mt, mt.nextJob);
    if (mt.ldmOn) ZEST_TRY(mt.ldm.scanJob(mt.filled, j.longMatches));
    if (mt.paramsChanged) {
        // A new level from the next job on; the window stays the frame's.
        mt.jobParams = laterJobParams(c->requested, mt.firstPlan, true);
        mt.paramsChanged = false;
    }
    j.mt = &mt;
    j.srcSize = mt.filled;
    j.first = mt.nextJob == 0;
    j.last = last;
    j.params = mt.jobParams;
    j.writeChecksum = last && mt.checksum;
    j.checksum = j.writeChecksum ? u32(XXH64_digest(&mt.xxh)) : 0;
    j.outStart = 0;
    if (j.first) {
        std::memcpy(j.out, mt.header, mt.headerSize);
        j.outStart = mt.headerSize;
    }
    j.consumed = 0;
    j.cSize = j.outStart;
    j.error = 0;
    j.done = false;
    j.flushed = 0;
    ++mt.nextJob;
    mt.fillStarted = false;
    mt.filled = 0;
    if (last) mt.lastQueued = true;
    threadPoolAdd(mt.pool, runJob, &j);
    return 0;
}

// Hand the output of the oldest jobs over; release the jobs fully handed over.
size_t flushJobs(MtCCtx& mt, OutBuffer* out) {
    while (mt.oldest < mt.nextJob) {
        MtJob& j = slotOf(mt, mt.oldest);
        pthread_mutex_lock(&mt.lock);
        const size_t cSize = j.cSize;
        const bool done = j.done;
        const size_t error = j.error;
        pthread_mutex_unlock(&mt.lock);
        if (done && isError(error)) return error;
        const size_t n = cSize - j.flushed < out->size - out->pos ? cSize - j.flushed : out->size - out->pos;
        if (n) {
            std::memcpy(static_cast<u8*>(out->dst) + out->pos, j.out + j.flushed, n);
            out->pos += n;
            j.flushed += n;
            mt.flushedTotal += n;
        }
        if (!done || j.flushed < cSize) return 0;
        mt.consumedReleased += j.srcSize;
        mt.producedReleased += cSize;
        ++mt.oldest;
    }
    return 0;
}

// Bytes still to hand over, at least 1 while the frame or a flush is unfinished.
size_t pendingOutput(MtCCtx& mt) {
    size_t n = 0;
    pthread_mutex_lock(&mt.lock);
    for (u64 id = mt.oldest; id < mt.nextJob; ++id) {
        const MtJob& j = slotOf(mt, id);
        n += j.cSize - j.flushed;
    }
    pthread_mutex_unlock(&mt.lock);
    return n;
}

}  // namespace

bool mtWanted(const CCtx* c, u64 pledged) {
    const CCtxParams& p = c->requested;
    if (p.nbWorkers == 0 || (pledged != kContentSizeUnknown && pledged <= u64(kJobSizeMin))) return false;
    // A static context (nbWorkers copied in from a parameter set) stays in its workspace.
    return !c->isStatic;
}

size_t mtBeginFrame(CCtx* c, u64 pledged) {
    mtAbort(c);
    if (!c->mt) {
        c->mt = createMt(c->mem);
        if (!c->mt) return ZEST_ERR(memory_allocation);
    }
    MtCCtx& mt = *c->mt;
    const CCtxParams& p = c->requested;
    DictSource ds;
    ZEST_TRY(frameDictSource(c, ds));
    ZEST_TRY(planFrame(p, pledged, ds, mt.firstPlan));
    const FrameParams& f = mt.firstPlan.f;
    const size_t nbWorkers = size_t(p.nbWorkers);
    ZEST_TRY(resizeSlots(mt, nbWorkers + 2));
    ZEST_TRY(ensurePool(c, mt, nbWorkers));
    // Worker contexts beyond what can run at once are given back.
    while (mt.nbIdle > nbWorkers) {
        freeCCtx(mt.idle[--mt.nbIdle]);
        --mt.nbWorkerCtx;
    }

    mt.jobParams = laterJobParams(p, mt.firstPlan, false);
    mt.ldmOn = f.ldm.enabled;
    mt.jobSize = jobSizeFor(p, f.cp, mt.ldmOn);
    mt.overlap = overlapFor(p, f.cp, mt.ldmOn);
    if (mt.jobSize < mt.overlap) mt.jobSize = mt.overlap;
    // Buffers no larger than the frame when its size is known.
    const size_t jobIn = pledged != kContentSizeUnknown && pledged < mt.jobSize ? size_t(pledged) : mt.jobSize;
    mt.inCapacity = mt.overlap + jobIn;
    const size_t blocks = jobIn / f.blockSize + 2;
    mt.outCapacity = kFrameHeaderSizeMax + jobIn + blocks * kBlockHeaderSize + 4;
    if (mt.ldmOn) {
        // Jobs are filled in the long-match history: no input buffers of their own.
        for (size_t i = 0; i < mt.nbSlots; ++i) {
            memFree(mt.mem, mt.jobs[i].inBuf);
            mt.jobs[i].inBuf = nullptr;
            mt.jobs[i].inCapacity = 0;
        }
        mt.ldm.mem = mt.mem;
        ZEST_TRY(mt.ldm.begin(f.ldm, f.cp.windowLog, jobIn, mt.overlap, mt.nbSlots, f.blockSize, c->indexLimit,
                              pledged));
    }
    mt.pledged = pledged;
    mt.checksum = f.fp.checksumFlag;
    mt.rsync = p.rsyncable != 0;
    if (mt.rsync) {
        // About one hit per job size (at least 2^19: jobs are 512 KiB or more).
        const unsigned bits = highBit32(u32(mt.jobSize >> 10)) + 10;
        mt.rsyncShift = 64 - bits;
    }
    XXH64_reset(&mt.xxh, 0);
    const DictContent* d = mt.firstPlan.dict();
    const u32 dictID = d && !f.fp.noDictIDFlag ? d->dictID : 0;
    const size_t h = writeFrameHeader(mt.header, sizeof mt.header, f.fp, f.cp.windowLog, pledged, dictID, f.format);
    ZEST_TRY(h);
    mt.headerSize = h;
    mt.nextJob = mt.oldest = 0;
    mt.fillStarted = false;
    mt.filled = 0;
    mt.lastQueued = false;
    mt.paramsChanged = false;
    mt.cancel = false;
    mt.ingested = mt.consumedReleased = mt.producedReleased = mt.flushedTotal = 0;
    mt.active = true;
    c->mtFrame = true;
    c->prefix = nullptr;  // a prefix serves one frame
    c->prefixSize = 0;
    return 0;
}

size_t mtCompressStream(CCtx* c, OutBuffer* out, InBuffer* in, EndDirective end) {
    MtCCtx& mt = *c->mt;
    if (!mt.active) return ZEST_ERR(stage_wrong);
    for (;;) {
        const size_t inBefore = in->pos, outBefore = out->pos;
        // 1. Input into the job being filled, while a slot is free.
        if (!mt.lastQueued && mt.nextJob - mt.oldest < mt.nbSlots) {
            if (!mt.fillStarted) ZEST_TRY(startFill(mt));
            MtJob& j = slotOf(mt, mt.nextJob);
            const size_t room = mt.jobSize - mt.filled;
            const size_t avail = in->size - in->pos;
            size_t take = avail < room ? avail : room;
            bool synced = false;
            if (take) {
                if (mt.pledged != kContentSizeUnknown && mt.ingested + take > mt.pledged)
                    return ZEST_ERR(srcSize_wrong);
                const u8* const src = static_cast<const u8*>(in->src) + in->pos;
                u8* const job = j.in + j.prefixSize;
                std::memcpy(job + mt.filled, src, take);
                if (mt.rsync) {
                    // Bytes past a synchronisation point go to the next job.
                    const size_t cut = syncPoint(mt, job, mt.filled, mt.filled + take);
                    if (cut) {
                        take = cut - mt.filled;
                        synced = true;
                    }
                }
                if (mt.checksum) XXH64_update(&mt.xxh, src, take);
                in->pos += take;
                mt.filled += take;
                mt.ingested += take;
            }
            const bool inputDone = in->pos == in->size;
            if (inputDone && end == EndDirective::end) {
                if (mt.pledged != kContentSizeUnknown && mt.ingested != mt.pledged) return ZEST_ERR(srcSize_wrong);
                ZEST_TRY(queueJob(c, mt, true));
            } else if (mt.filled == mt.jobSize || synced || (inputDone && end == EndDirective::flush && mt.filled)) {
                ZEST_TRY(queueJob(c, mt, false));
            }
        }
        // 2. Output of the oldest jobs.
        ZEST_TRY(flushJobs(mt, out));
        if (mt.lastQueued && mt.oldest == mt.nextJob) {
            mt.active = false;  // frame complete
            return 0;
        }
        const size_t pending = pendingOutput(mt);
        if (out->pos == out->size) return pending ? pending : 1;
        const bool inputDone = in->pos == in->size;
        if (end == EndDirective::continue_) {
            // Some progress is enough; wait only when nothing could move.
            if (in->pos != inBefore || out->pos != outBefore || inputDone) return pending ? pending : 1;
        } else if (end == EndDirective::flush && inputDone && mt.filled == 0 && mt.oldest == mt.nextJob) {
            return 0;  // everything given so far is out
        }
        if (mt.oldest == mt.nextJob) continue;  // nothing in flight: go on filling
        waitOldest(mt);
    }
}

void mtAbort(CCtx* c) {
    if (!c->mt) return;
    MtCCtx& mt = *c->mt;
    pthread_mutex_lock(&mt.lock);
    mt.cancel = true;
    for (u64 id = mt.oldest; id < mt.nextJob; ++id) {
        MtJob& j = slotOf(mt, id);
        while (!j.done) pthread_cond_wait(&mt.progress, &mt.lock);
    }
    mt.cancel = false;
    pthread_mutex_unlock(&mt.lock);
    mt.oldest = mt.nextJob = 0;
    mt.fillStarted = false;
    mt.filled = 0;
    mt.active = false;
}

void mtFree(CCtx* c) {
    if (!c->mt) return;
    mtAbort(c);
    MtCCtx& mt = *c->mt;
    freeThreadPool(mt.ownPool);
    freeWorkers(mt);
    mt.ldm.release();
    for (size_t i = 0; i < mt.nbSlots; ++i) freeSlotBuffers(mt, mt.jobs[i]);
    memFree(mt.mem, mt.jobs);
    memFree(mt.mem, mt.idle);
    pthread_cond_destroy(&mt.progress);
    pthread_mutex_destroy(&mt.lock);
    memDelete(mt.mem, c->mt);
    c->mt = nullptr;
}

size_t mtSizeof(const CCtx* c) {
    if (!c->mt) return 0;
    MtCCtx& mt = *c->mt;
    size_t n = sizeof(MtCCtx) + mt.nbSlots * (sizeof(MtJob) + sizeof(CCtx*));
    pthread_mutex_lock(&mt.lock);
    for (size_t i = 0; i < mt.nbSlots; ++i)
        n += mt.jobs[i].inCapacity + mt.jobs[i].outCapacity + mt.jobs[i].longMatches.bytes();
    n += mt.ldm.bytes();
    for (size_t i = 0; i < mt.nbIdle; ++i) n += sizeofCCtx(mt.idle[i]);
    pthread_mutex_unlock(&mt.lock);
    return n;
}

FrameProgression mtProgression(const CCtx* c) {
    FrameProgression fp{};
    if (!c->mt) return fp;
    MtCCtx& mt = *c->mt;
    fp.ingested = mt.ingested;
    fp.consumed = mt.consumedReleased;
    fp.produced = mt.producedReleased;
    fp.flushed = mt.flushedTotal;
    fp.currentJobID = unsigned(mt.nextJob);
    pthread_mutex_lock(&mt.lock);
    for (u64 id = mt.oldest; id < mt.nextJob; ++id) {
        const MtJob& j = slotOf(mt, id);
        fp.consumed += j.consumed;
        fp.produced += j.cSize;
        if (!j.done) ++fp.nbActiveWorkers;
    }
    pthread_mutex_unlock(&mt.lock);
    return fp;
}

size_t mtToFlushNow(CCtx* c) {
    if (!c->mt || c->mt->oldest == c->mt->nextJob) return 0;
    MtCCtx& mt = *c->mt;
    const MtJob& j = slotOf(mt, mt.oldest);
    pthread_mutex_lock(&mt.lock);
    const size_t n = j.cSize - j.flushed;
    pthread_mutex_unlock(&mt.lock);
    return n;
}

size_t mtInputHint(const CCtx* c) {
    if (!c->mt) return 0;
    const size_t left = c->mt->jobSize - c->mt->filled;
    return left ? left : c->mt->jobSize;
}

void mtParamsChanged(CCtx* c) {
    if (c->mt && c->mt->active) c->mt->paramsChanged = true;
}

}  // namespace zest
