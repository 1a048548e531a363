// The hashed d-mer index of the fastCOVER trainer: a d-mer's key is a hash of
// f bits of its d bytes (d is 6 or 8), and each key's worth is how often it
// occurs, counted every `accel`-th position. Nothing is stored per position;
// memory is 4 * 2^f bytes here and 8 * 2^f per selection run.
#pragma once
#include <cstddef>
#include <cstdlib>

#include "common/error.h"
#include "common/mem.h"
#include "dictbuilder/sample_set.h"

namespace zest {

class FastCoverIndex {
public:
    FastCoverIndex() = default;
    FastCoverIndex(const FastCoverIndex&) = delete;
    FastCoverIndex& operator=(const FastCoverIndex&) = delete;
    ~FastCoverIndex() { std::free(freq_); }

    // memory_allocation on failure. d is 6 or 8, 1 <= f <= 31, accel >= 1.
    size_t build(const SampleSet& s, unsigned d, unsigned f, unsigned accel) {
        data_ = s.data;
        shift_ = 64 - f;
        mask_ = d == 8 ? ~0ull : (1ull << (8 * d)) - 1;
        // Keys load 8 bytes, so the last 7 bytes start no d-mer of their own.
        nDmers_ = s.total >= 8 ? s.total - 7 : 0;
        nKeys_ = size_t(1) << f;
        freq_ = static_cast<u32*>(std::calloc(nKeys_, sizeof(u32)));
        if (!freq_) return ZEST_ERR(memory_allocation);
        // A key counts once per sample holding it: repeats inside one sample
        // are found without a dictionary.
        u32* last = static_cast<u32*>(std::calloc(nKeys_, sizeof(u32)));
        if (!last) return ZEST_ERR(memory_allocation);
        size_t start = 0;
        for (unsigned i = 0; i < s.count; ++i) {
            const size_t end = start + s.sizes[i];
            for (size_t p = start; p + d <= end && p < nDmers_; p += accel) {
                const u32 k = (*this)(p);
                freq_[k] += last[k] != i + 1;
                last[k] = i + 1;
            }
            start = end;
        }
        std::free(last);
        return 0;
    }

    u32 operator()(size_t pos) const { return u32(((readLE64(data_ + pos) & mask_) * 0xCF1BBCDCB7A56463ull) >> shift_); }
    size_t positions() const { return nDmers_; }
    size_t keyCount() const { return nKeys_; }
    const u32* worth() const { return freq_; }

private:
    const u8* data_ = nullptr;
    unsigned shift_ = 44;
    u64 mask_ = 0;
    size_t nDmers_ = 0, nKeys_ = 0;
    u32* freq_ = nullptr;
};

}  // namespace zest
