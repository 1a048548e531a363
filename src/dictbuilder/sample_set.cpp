// Sample sets (see sample_set.h).
#include "dictbuilder/sample_set.h"

#include <cstdlib>
#include <cstring>

#include "common/error.h"

namespace zest {

SampleSet SampleSet::of(const void* data, const size_t* sizes, unsigned count) {
    SampleSet s;
    s.data = static_cast<const u8*>(data);
    s.sizes = sizes;
    s.count = count;
    for (unsigned i = 0; i < count; ++i) s.total += sizes[i];
    return s;
}

SampleSet SampleSet::first(unsigned n) const {
    SampleSet s = *this;
    s.count = n < count ? n : count;
    s.total = 0;
    for (unsigned i = 0; i < s.count; ++i) s.total += sizes[i];
    return s;
}

SampleSet SampleSet::from(unsigned i) const {
    if (i > count) i = count;
    const SampleSet head = first(i);
    SampleSet s;
    s.data = data + head.total;
    s.sizes = sizes + i;
    s.count = count - i;
    s.total = total - head.total;
    return s;
}

size_t SampleSet::largest() const {
    size_t m = 0;
    for (unsigned i = 0; i < count; ++i) m = sizes[i] > m ? sizes[i] : m;
    return m;
}

BoundedSamples::~BoundedSamples() {
    std::free(data_);
    std::free(sizes_);
}

size_t BoundedSamples::init(const SampleSet& s, size_t budget) {
    set_ = s;
    if (s.total <= budget) return 0;
    data_ = static_cast<u8*>(std::malloc(budget));
    sizes_ = static_cast<size_t*>(std::malloc(sizeof(size_t) * (s.count ? s.count : 1)));
    if (!data_ || !sizes_) return ZEST_ERR(memory_allocation);
    // Take a sample whenever the share of the budget earned so far covers it:
    // the kept bytes follow the set's own distribution of sizes.
    unsigned kept = 0;
    size_t used = 0;
    long double earned = 0;
    const long double share = static_cast<long double>(budget) / static_cast<long double>(s.total);
    const u8* p = s.data;
    for (unsigned i = 0; i < s.count; p += s.sizes[i], ++i) {
        earned += share * static_cast<long double>(s.sizes[i]);
        if (static_cast<long double>(used + s.sizes[i]) > earned || s.sizes[i] > budget - used) continue;
        std::memcpy(data_ + used, p, s.sizes[i]);
        used += s.sizes[i];
        sizes_[kept++] = s.sizes[i];
    }
    set_.data = data_;
    set_.sizes = sizes_;
    set_.count = kept;
    set_.total = used;
    return 0;
}

}  // namespace zest
