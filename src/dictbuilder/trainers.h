// The dictionary trainers behind zdict.h: COVER and fastCOVER with given
// parameters or with a search over them, and the legacy trainer.
#pragma once
#include <cstddef>

#include "common/mem.h"
#include "dictbuilder/sample_set.h"

namespace zest {

enum class CoverKind { cover, fastCover };

// The fields of ZDICT_cover_params_t / ZDICT_fastCover_params_t.
struct CoverSettings {
    CoverKind kind = CoverKind::fastCover;
    unsigned k = 0;          // segment size
    unsigned d = 0;          // d-mer size
    unsigned f = 0;          // fastCover: log2 of the hash table (0: 20)
    unsigned accel = 0;      // fastCover: 1..10, counts every accel-th position (0: 1)
    unsigned steps = 0;      // search: how many k values (0: 40)
    unsigned nbThreads = 1;  // search: parallel candidates
    double splitPoint = 0;   // search: share of samples trained on, the rest tests (0: cover 1, fastCover 0.75)
    unsigned shrinkDict = 0;
    unsigned shrinkDictMaxRegression = 0;  // percent
    int level = 0;                         // level the dictionary is tuned for (0: default)
    unsigned notificationLevel = 0;        // stderr: 0 none .. 4 debug
    u32 dictID = 0;                        // 0: derived from the content
};

// Train with exactly k and d (split, steps and threads unused).
size_t trainCover(void* dst, size_t capacity, const SampleSet& samples, const CoverSettings& s);
// Try d in {6, 8} when d is 0 and `steps` values of k in [50, 2000] when k is
// 0; keep the dictionary that compresses the test samples smallest (with
// shrinkDict, then the smallest dictionary within the allowed regression).
// The settings used, defaults filled in, are written back.
size_t optimizeCover(void* dst, size_t capacity, const SampleSet& samples, CoverSettings& s);

// The legacy trainer: content made of the samples' most repeated strings.
// selectivity 0 means 9; higher keeps fewer, more repeated strings.
size_t trainLegacy(void* dst, size_t capacity, const SampleSet& samples, unsigned selectivity, int level,
                   unsigned notificationLevel, u32 dictID);

// Largest sample sets trained on as given; larger ones are sampled down.
inline constexpr size_t kCoverSampleBudget = size_t(256) << 20;
inline constexpr size_t kFastCoverSampleBudget = size_t(1) << 30;

}  // namespace zest
