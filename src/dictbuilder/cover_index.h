// The exact d-mer index of the COVER trainer: every position of the samples
// gets the number of the d bytes starting there, and each number's worth is
// how many samples hold it.
#pragma once
#include <cstddef>

#include "common/mem.h"
#include "dictbuilder/sample_set.h"

namespace zest {

class CoverIndex {
public:
    CoverIndex() = default;
    CoverIndex(const CoverIndex&) = delete;
    CoverIndex& operator=(const CoverIndex&) = delete;
    ~CoverIndex();

    // memory_allocation on failure. d >= 1.
    size_t build(const SampleSet& samples, unsigned d);

    u32 operator()(size_t pos) const { return keys_[pos]; }
    size_t positions() const { return nDmers_; }
    // Keys are [0, keyCount()); the last one stands for d-mers that run over
    // the end of a sample and is worth nothing.
    size_t keyCount() const { return nKeys_; }
    const u32* worth() const { return freq_; }

private:
    u32* keys_ = nullptr;
    u32* freq_ = nullptr;
    size_t nDmers_ = 0;
    size_t nKeys_ = 0;
};

// Peak bytes of memory per sample byte (incompressible samples; repetitive
// ones need far less), for the documentation and the sample budget.
inline constexpr size_t kCoverIndexBytesPerByte = 24;

}  // namespace zest
