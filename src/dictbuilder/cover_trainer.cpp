// COVER and fastCOVER training: fixed parameters, and the search over k and d
// (see trainers.h). Both kinds share everything but the d-mer index.
#include <pthread.h>

#include <atomic>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>

#include "common/error.h"
#include "compress/cctx.h"
#include "dictbuilder/cover_index.h"
#include "dictbuilder/fast_cover_index.h"
#include "dictbuilder/finalize.h"
#include "dictbuilder/segment_selection.h"
#include "dictbuilder/trainers.h"

namespace zest {
namespace {

constexpr size_t kDictSizeMin = 256;  // ZDICT_DICTSIZE_MIN
constexpr unsigned kDefaultSteps = 40, kMinK = 50, kMaxK = 2000;
constexpr unsigned kDefaultF = 20, kMaxF = 31, kMaxAccel = 10;
constexpr unsigned kMinTrainSamples = 5;
constexpr size_t kWorst = ~size_t(0);

void notify(unsigned level, unsigned at, const char* fmt, ...) {
    if (level < at) return;
    va_list ap;
    va_start(ap, fmt);
    std::vfprintf(stderr, fmt, ap);
    va_end(ap);
}

// The reference's answers: a search reports settings no candidate can use
// (a fastCOVER d other than 6 or 8, f above 31, k above the capacity) as
// GENERIC, the others as parameter_outOfBound.
size_t checkSettings(CoverSettings& s, size_t capacity, bool search) {
    if (capacity < kDictSizeMin) return ZEST_ERR(dstSize_tooSmall);
    const size_t unusable = search ? ZEST_ERR(GENERIC) : ZEST_ERR(parameter_outOfBound);
    if (s.kind == CoverKind::fastCover) {
        if (s.f == 0) s.f = kDefaultF;
        if (s.accel == 0) s.accel = 1;
        if (s.accel > kMaxAccel) return ZEST_ERR(parameter_outOfBound);
        if (s.f > kMaxF) return unusable;
        if ((s.d != 0 || !search) && s.d != 6 && s.d != 8) return unusable;
    }
    if (!search && (s.k == 0 || s.d == 0)) return ZEST_ERR(parameter_outOfBound);
    if (s.k != 0 && s.d > s.k) return ZEST_ERR(parameter_outOfBound);
    if (search) {
        if (s.steps == 0) s.steps = kDefaultSteps;
        if (s.splitPoint <= 0) s.splitPoint = s.kind == CoverKind::cover ? 1.0 : 0.75;
        if (s.splitPoint > 1) return ZEST_ERR(parameter_outOfBound);
        if (s.nbThreads == 0) s.nbThreads = 1;
    }
    if (s.k > capacity) return unusable;
    return 0;
}

// What one training run works on.
struct Problem {
    SampleSet train;     // the index is built on these
    SampleSet finalize;  // the entropy tables come from these
    SampleSet test;      // candidates are judged on these
    size_t capacity = 0;
    FinalizeParams fp;
    unsigned notificationLevel = 0;
    unsigned passes = 4;          // over the samples when selecting segments
    bool judgeFinalized = true;   // candidates judged with their entropy tables
};

// fastCOVER finalizes on the first ceil(100 / accel) percent of the samples.
SampleSet finalizeShare(const SampleSet& train, const CoverSettings& s) {
    if (s.kind != CoverKind::fastCover || s.accel <= 1) return train;
    const unsigned percent = (100 + s.accel - 1) / s.accel;
    unsigned n = unsigned(u64(train.count) * percent / 100);
    return train.first(n ? n : 1);
}

// fastCOVER, made for speed, scans the samples once per candidate; COVER
// four times, for segments chosen from a wider field.
unsigned passesFor(const CoverSettings& s) { return s.kind == CoverKind::fastCover ? 1 : 4; }

// One thread's buffers for building and judging candidates.
struct Workspace {
    Slot* slots = nullptr;
    u8* content = nullptr;
    u8* dict = nullptr;
    u8* out = nullptr;
    size_t outSize = 0;
    CCtx* cctx = nullptr;

    Workspace() = default;
    Workspace(const Workspace&) = delete;
    Workspace& operator=(const Workspace&) = delete;
    ~Workspace() {
        std::free(slots);
        std::free(content);
        std::free(dict);
        std::free(out);
        freeCCtx(cctx);
    }
    bool init(size_t nKeys, const Problem& pb) {
        slots = static_cast<Slot*>(std::malloc(nKeys * sizeof(Slot)));
        content = static_cast<u8*>(std::malloc(pb.capacity));
        dict = static_cast<u8*>(std::malloc(pb.capacity));
        outSize = compressBound(pb.test.largest());
        out = static_cast<u8*>(std::malloc(outSize ? outSize : 1));
        cctx = createCCtx(kDefaultMem);
        return slots && content && dict && out && cctx;
    }
};

// The content for segment size k at the end of ws.content; its size, 0 if
// nothing in the samples is worth keeping.
template <class Index>
size_t buildContent(const Index& ix, const Problem& pb, unsigned k, unsigned d, Workspace& ws) {
    const u32* worth = ix.worth();
    for (size_t i = 0; i < ix.keyCount(); ++i) ws.slots[i] = Slot{worth[i], 0};
    return selectSegments(ix, ix.positions(), pb.train.data, k, d, pb.passes, ws.slots, ws.content, pb.capacity);
}

// A formatted dictionary of at most `capacity` bytes in ws.dict from the end
// of the content.
size_t finalizeInto(Workspace& ws, size_t capacity, const u8* content, size_t contentSize, const Problem& pb) {
    const size_t keep = contentSize < capacity ? contentSize : capacity;
    const SampleSet& f = pb.finalize;
    return finalizeDictionary(ws.dict, capacity, content + contentSize - keep, keep, f.data, f.sizes, f.count, pb.fp);
}

// The test samples' total compressed size with a dictionary.
size_t testedSize(Workspace& ws, const u8* dict, size_t dictSize, DictContentType t, const Problem& pb) {
    CDict* cd = createCDictLevel(dict, dictSize, pb.fp.level, DictLoadMethod::byRef, kDefaultMem, t);
    if (!cd) return ZEST_ERR(memory_allocation);
    size_t total = 0;
    const u8* p = pb.test.data;
    for (unsigned i = 0; i < pb.test.count; p += pb.test.sizes[i], ++i) {
        const size_t r = compressUsingCDict(ws.cctx, ws.out, ws.outSize, p, pb.test.sizes[i], cd, FParams{1, 0, 0});
        if (isError(r)) {
            total = r;
            break;
        }
        total += r;
    }
    freeCDict(cd);
    return total;
}

// The best candidate one worker has seen.
struct Best {
    size_t score = kWorst;
    size_t candidate = kWorst;
    size_t contentSize = 0;
    u8* content = nullptr;
    size_t error = 0;  // the first error met, reported when no candidate works

    Best() = default;
    Best(const Best&) = delete;
    Best& operator=(const Best&) = delete;
    ~Best() { std::free(content); }
    bool better(size_t s, size_t c) const { return s < score || (s == score && c < candidate); }
};

struct Candidate {
    unsigned d, k;
};

// The candidates with one d, tried by several workers at once.
template <class Index>
struct Pass {
    const Index* ix;
    const Problem* pb;
    const Candidate* cands;
    size_t first, count;  // candidates [first, first + count) of the whole search
    std::atomic<size_t> next{0};
};

template <class Index>
struct WorkerArgs {
    Pass<Index>* pass;
    Best* best;
    size_t result;
};

template <class Index>
void runWorker(Pass<Index>& pass, Best& best, size_t& result) {
    const Problem& pb = *pass.pb;
    Workspace ws;
    if (!ws.init(pass.ix->keyCount(), pb)) {
        result = ZEST_ERR(memory_allocation);
        return;
    }
    if (!best.content) {
        best.content = static_cast<u8*>(std::malloc(pb.capacity));
        if (!best.content) {
            result = ZEST_ERR(memory_allocation);
            return;
        }
    }
    for (size_t i; (i = pass.next.fetch_add(1)) < pass.count;) {
        const Candidate c = pass.cands[pass.first + i];
        // fastCOVER judges a candidate by its content as a raw dictionary: the
        // entropy tables, built once for the winner, hardly change the ranking
        // and would double its time. COVER judges the finished dictionary.
        const size_t contentSize = buildContent(*pass.ix, pb, c.k, c.d, ws);
        const u8* const content = ws.content + pb.capacity - contentSize;
        size_t score = ZEST_ERR(dictionaryCreation_failed);
        if (contentSize && pb.judgeFinalized) {
            const size_t n = finalizeInto(ws, pb.capacity, content, contentSize, pb);
            score = isError(n) ? n : testedSize(ws, ws.dict, n, DictContentType::fullDict, pb);
        } else if (contentSize) {
            score = testedSize(ws, content, contentSize, DictContentType::rawContent, pb);
        }
        notify(pb.notificationLevel, 3, "k=%u d=%u: %zu bytes\n", c.k, c.d, isError(score) ? size_t(0) : score);
        if (isError(score)) {
            if (!best.error) best.error = score;
            continue;
        }
        if (!best.better(score, pass.first + i)) continue;
        best.score = score;
        best.candidate = pass.first + i;
        best.contentSize = contentSize;
        std::memcpy(best.content, content, contentSize);
    }
    result = 0;
}

template <class Index>
void* workerEntry(void* arg) {
    auto* a = static_cast<WorkerArgs<Index>*>(arg);
    runWorker(*a->pass, *a->best, a->result);
    return nullptr;
}

// Try every candidate of one pass on `threads` threads (this one included).
template <class Index>
size_t runPass(Pass<Index>& pass, Best* bests, unsigned threads) {
    constexpr unsigned kMaxThreads = 64;
    if (threads > kMaxThreads) threads = kMaxThreads;
    if (threads > pass.count) threads = unsigned(pass.count ? pass.count : 1);
    WorkerArgs<Index> args[kMaxThreads];
    pthread_t tids[kMaxThreads];
    bool started[kMaxThreads] = {};
    for (unsigned t = 0; t < threads; ++t) args[t] = WorkerArgs<Index>{&pass, &bests[t], 0};
    for (unsigned t = 1; t < threads; ++t)
        started[t] = pthread_create(&tids[t], nullptr, &workerEntry<Index>, &args[t]) == 0;
    runWorker(pass, bests[0], args[0].result);
    size_t r = args[0].result;
    for (unsigned t = 1; t < threads; ++t) {
        if (!started[t]) continue;
        pthread_join(tids[t], nullptr);
        if (isError(args[t].result)) r = args[t].result;
    }
    return r;
}

// Index of the d-mers of the training samples, by kind.
template <class Index>
size_t buildIndex(Index& ix, const SampleSet& train, const CoverSettings& s, unsigned d);
template <>
size_t buildIndex(CoverIndex& ix, const SampleSet& train, const CoverSettings&, unsigned d) {
    return ix.build(train, d);
}
template <>
size_t buildIndex(FastCoverIndex& ix, const SampleSet& train, const CoverSettings& s, unsigned d) {
    return ix.build(train, d, s.f, s.accel);
}

size_t tooSmallSet(const SampleSet& train, unsigned d, unsigned nbTest) {
    if (train.count < kMinTrainSamples || nbTest == 0) return ZEST_ERR(srcSize_wrong);
    const size_t minTotal = d > 8 ? d : 8;
    if (train.total < minTotal) return ZEST_ERR(srcSize_wrong);
    return 0;
}

void warnSmallSet(const Problem& pb) {
    const double ratio = double(pb.train.total) / double(pb.capacity);
    if (ratio >= 10) return;
    notify(pb.notificationLevel, 1,
           "Warning: %zu bytes of samples for a dictionary of up to %zu bytes (%.2f times; at least 10 times, "
           "better 100 times, makes a better dictionary)\n",
           pb.train.total, pb.capacity, ratio);
}

// The search, for one kind of index.
template <class Index>
size_t search(void* dst, size_t capacity, const SampleSet& all, CoverSettings& s) {
    const bool split = s.splitPoint < 1.0;
    const unsigned nbTrain = split ? unsigned(double(all.count) * s.splitPoint) : all.count;
    Problem pb;
    pb.train = all.first(nbTrain);
    pb.test = split ? all.from(nbTrain) : all;
    pb.finalize = finalizeShare(pb.train, s);
    pb.capacity = capacity;
    pb.fp.level = s.level;
    pb.fp.dictID = s.dictID;
    pb.notificationLevel = s.notificationLevel;
    pb.passes = passesFor(s);
    pb.judgeFinalized = s.kind == CoverKind::cover;
    ZEST_TRY(tooSmallSet(pb.train, s.d, pb.test.count));
    warnSmallSet(pb);

    // Candidates in the order d, then k (ties go to the first).
    const unsigned ds[2] = {s.d ? s.d : 6u, 8u};
    const unsigned nbD = s.d ? 1 : 2;
    const unsigned kMin = s.k ? s.k : kMinK, kMax = s.k ? s.k : kMaxK;
    unsigned kStep = (kMax - kMin) / s.steps;
    if (kStep == 0) kStep = 1;
    size_t nbCands = 0;
    for (unsigned i = 0; i < nbD; ++i)
        for (unsigned k = kMin; k <= kMax; k += kStep)
            if (ds[i] <= k && k <= capacity) ++nbCands;
    Candidate* cands = static_cast<Candidate*>(std::malloc(sizeof(Candidate) * (nbCands ? nbCands : 1)));
    if (!cands) return ZEST_ERR(memory_allocation);
    nbCands = 0;
    for (unsigned i = 0; i < nbD; ++i)
        for (unsigned k = kMin; k <= kMax; k += kStep)
            if (ds[i] <= k && k <= capacity) cands[nbCands++] = Candidate{ds[i], k};
    notify(s.notificationLevel, 2, "Trying %zu different sets of parameters\n", nbCands);

    const unsigned threads = s.nbThreads < 64 ? s.nbThreads : 64;
    Best* bests = static_cast<Best*>(std::malloc(sizeof(Best) * threads));
    if (!bests) {
        std::free(cands);
        return ZEST_ERR(memory_allocation);
    }
    for (unsigned t = 0; t < threads; ++t) new (&bests[t]) Best();
    size_t r = 0;
    for (size_t first = 0; first < nbCands && !isError(r);) {
        size_t count = 0;
        while (first + count < nbCands && cands[first + count].d == cands[first].d) ++count;
        Index ix;
        r = buildIndex(ix, pb.train, s, cands[first].d);
        if (!isError(r)) {
            Pass<Index> pass{&ix, &pb, cands, first, count};
            r = runPass(pass, bests, threads);
        }
        first += count;
    }
    unsigned winner = 0;
    for (unsigned t = 1; t < threads; ++t)
        if (bests[winner].better(bests[t].score, bests[t].candidate)) winner = t;
    Best& b = bests[winner];
    if (!isError(r) && b.candidate == kWorst) {
        r = ZEST_ERR(dictionaryCreation_failed);
        for (unsigned t = 0; t < threads; ++t)
            if (bests[t].error) r = bests[t].error;
    }
    // The winner gets its entropy tables.
    Workspace ws;
    if (!isError(r) && !ws.init(1, pb)) r = ZEST_ERR(memory_allocation);
    if (!isError(r)) r = finalizeInto(ws, capacity, b.content, b.contentSize, pb);
    const size_t fullSize = r;
    if (!isError(r)) std::memcpy(dst, ws.dict, fullSize);
    if (!isError(r) && s.shrinkDict) {
        // The smallest power-of-two size whose test result stays within the regression allowed.
        const double tolerance = 1.0 + double(s.shrinkDictMaxRegression) / 100.0;
        const size_t full = testedSize(ws, static_cast<const u8*>(dst), fullSize, DictContentType::fullDict, pb);
        for (size_t size = kDictSizeMin; size < fullSize && !isError(full); size *= 2) {
            const size_t n = finalizeInto(ws, size, b.content, b.contentSize, pb);
            if (isError(n)) continue;
            const size_t score = testedSize(ws, ws.dict, n, DictContentType::fullDict, pb);
            if (isError(score) || double(score) > double(full) * tolerance) continue;
            std::memcpy(dst, ws.dict, n);
            r = n;
            break;
        }
    }
    if (!isError(r)) {
        s.k = cands[b.candidate].k;
        s.d = cands[b.candidate].d;
    }
    for (unsigned t = 0; t < threads; ++t) bests[t].~Best();
    std::free(bests);
    std::free(cands);
    return r;
}

template <class Index>
size_t trainOnce(void* dst, size_t capacity, const SampleSet& all, const CoverSettings& s) {
    Problem pb;
    pb.train = all;
    pb.finalize = finalizeShare(all, s);
    pb.capacity = capacity;
    pb.fp.level = s.level;
    pb.fp.dictID = s.dictID;
    pb.notificationLevel = s.notificationLevel;
    pb.passes = passesFor(s);
    ZEST_TRY(tooSmallSet(pb.train, s.d, 1));
    warnSmallSet(pb);
    Index ix;
    ZEST_TRY(buildIndex(ix, pb.train, s, s.d));
    Workspace ws;
    if (!ws.init(ix.keyCount(), pb)) return ZEST_ERR(memory_allocation);
    const size_t contentSize = buildContent(ix, pb, s.k, s.d, ws);
    if (contentSize == 0) return ZEST_ERR(dictionaryCreation_failed);
    const size_t n = finalizeInto(ws, capacity, ws.content + capacity - contentSize, contentSize, pb);
    if (!isError(n)) std::memcpy(dst, ws.dict, n);
    return n;
}

size_t boundSamples(BoundedSamples& b, const SampleSet& samples, const CoverSettings& s) {
    const size_t budget = s.kind == CoverKind::cover ? kCoverSampleBudget : kFastCoverSampleBudget;
    ZEST_TRY(b.init(samples, budget));
    if (b.sampled())
        notify(s.notificationLevel, 1, "Training on %u of %u samples (%zu of %zu bytes, the most this trainer takes)\n",
               b.set().count, samples.count, b.set().total, samples.total);
    return 0;
}

}  // namespace

size_t trainCover(void* dst, size_t capacity, const SampleSet& samples, const CoverSettings& settings) {
    CoverSettings s = settings;
    ZEST_TRY(checkSettings(s, capacity, false));
    if (!dst) return ZEST_ERR(dstSize_tooSmall);
    BoundedSamples b;
    ZEST_TRY(boundSamples(b, samples, s));
    return s.kind == CoverKind::cover ? trainOnce<CoverIndex>(dst, capacity, b.set(), s)
                                      : trainOnce<FastCoverIndex>(dst, capacity, b.set(), s);
}

size_t optimizeCover(void* dst, size_t capacity, const SampleSet& samples, CoverSettings& settings) {
    CoverSettings s = settings;
    ZEST_TRY(checkSettings(s, capacity, true));
    if (!dst) return ZEST_ERR(dstSize_tooSmall);
    BoundedSamples b;
    ZEST_TRY(boundSamples(b, samples, s));
    const size_t r = s.kind == CoverKind::cover ? search<CoverIndex>(dst, capacity, b.set(), s)
                                                : search<FastCoverIndex>(dst, capacity, b.set(), s);
    if (!isError(r)) settings = s;
    return r;
}

}  // namespace zest
