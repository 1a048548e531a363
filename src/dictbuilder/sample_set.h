// Training samples as every trainer takes them: one flat buffer and the size
// of each sample, plus the helpers that split and bound such a set.
#pragma once
#include <cstddef>

#include "common/mem.h"

namespace zest {

struct SampleSet {
    const u8* data = nullptr;
    const size_t* sizes = nullptr;
    unsigned count = 0;
    size_t total = 0;  // sum of the sizes

    static SampleSet of(const void* data, const size_t* sizes, unsigned count);
    SampleSet first(unsigned n) const;  // samples [0, n)
    SampleSet from(unsigned i) const;   // samples [i, count)
    size_t largest() const;
};

// A set of at most `budget` bytes: the caller's set when it fits, otherwise a
// copy of whole samples spread evenly over it (deterministic, so the same
// samples always give the same dictionary). This is how zest trains on sets
// larger than the reference accepts, with memory bounded by the budget.
class BoundedSamples {
public:
    BoundedSamples() = default;
    BoundedSamples(const BoundedSamples&) = delete;
    BoundedSamples& operator=(const BoundedSamples&) = delete;
    ~BoundedSamples();
    // memory_allocation on failure.
    size_t init(const SampleSet& s, size_t budget);
    const SampleSet& set() const { return set_; }
    bool sampled() const { return data_ != nullptr; }

private:
    SampleSet set_;
    u8* data_ = nullptr;
    size_t* sizes_ = nullptr;
};

}  // namespace zest
