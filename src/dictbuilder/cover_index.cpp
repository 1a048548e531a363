// Numbering d-mers exactly (see cover_index.h). A hash table maps d-mer
// contents to numbers in one pass: linear time, where sorting all suffixes
// would cost n log n comparisons of d bytes.
#include "dictbuilder/cover_index.h"

#include <cstdlib>
#include <cstring>
#define XXH_INLINE_ALL
#include <xxhash.h>

#include "common/error.h"

namespace zest {
namespace {

// Per distinct d-mer: where it first occurs, its worth, and the last sample
// (plus one) counted, so that a sample counts once.
struct Entry {
    u32 pos;
    u32 freq;
    u32 lastSample;
};

class Numbering {
public:
    Numbering(const u8* data, size_t total, unsigned d) : data_(data), total_(total), d_(d) {}
    ~Numbering() {
        std::free(slots_);
        std::free(entries_);
    }
    bool init(size_t expected) {
        size_t n = 1024;
        while (n < expected) n <<= 1;
        return resize(n);
    }
    // The number of the d-mer at pos; ~0u when out of memory.
    u32 find(size_t pos) {
        const u64 h = hash(pos);
        for (size_t i = h & mask_;; i = (i + 1) & mask_) {
            const u32 s = slots_[i];
            if (s == 0) break;
            if (same(entries_[s - 1].pos, pos)) return s - 1;
        }
        if (nEntries_ * 10 >= (mask_ + 1) * 7 && !resize((mask_ + 1) * 2)) return ~0u;
        if (nEntries_ == entryCap_ && !grow()) return ~0u;
        entries_[nEntries_] = Entry{u32(pos), 0, 0};
        place(h, u32(++nEntries_));
        return u32(nEntries_ - 1);
    }
    Entry& entry(u32 id) { return entries_[id]; }
    size_t size() const { return nEntries_; }

private:
    u64 hash(size_t pos) const {
        if (d_ <= 8) return (load(pos) * 0x9E3779B185EBCA87ull) >> 17;
        return XXH3_64bits(data_ + pos, d_);
    }
    // The d bytes at pos as a number (d <= 8).
    u64 load(size_t pos) const {
        if (pos + 8 <= total_) return readLE64(data_ + pos) & (d_ == 8 ? ~0ull : (1ull << (8 * d_)) - 1);
        u64 v = 0;
        std::memcpy(&v, data_ + pos, d_);
        return v;
    }
    bool same(size_t a, size_t b) const {
        if (d_ <= 8) return load(a) == load(b);
        return std::memcmp(data_ + a, data_ + b, d_) == 0;
    }
    void place(u64 h, u32 slot) {
        size_t i = h & mask_;
        while (slots_[i]) i = (i + 1) & mask_;
        slots_[i] = slot;
    }
    bool resize(size_t n) {
        u32* old = slots_;
        slots_ = static_cast<u32*>(std::calloc(n, sizeof(u32)));
        if (!slots_) {
            slots_ = old;
            return false;
        }
        mask_ = n - 1;
        for (size_t e = 0; e < nEntries_; ++e) place(hash(entries_[e].pos), u32(e + 1));
        std::free(old);
        return true;
    }
    bool grow() {
        const size_t cap = entryCap_ ? entryCap_ * 2 : 4096;
        Entry* e = static_cast<Entry*>(std::realloc(entries_, cap * sizeof(Entry)));
        if (!e) return false;
        entries_ = e;
        entryCap_ = cap;
        return true;
    }

    const u8* data_;
    size_t total_;
    unsigned d_;
    u32* slots_ = nullptr;  // entry number + 1; 0 = empty
    size_t mask_ = 0;
    Entry* entries_ = nullptr;
    size_t nEntries_ = 0, entryCap_ = 0;
};

}  // namespace

CoverIndex::~CoverIndex() {
    std::free(keys_);
    std::free(freq_);
}

size_t CoverIndex::build(const SampleSet& s, unsigned d) {
    nDmers_ = s.total >= d ? s.total - d + 1 : 0;
    if (nDmers_ > 0xFFFFFFF0u) return ZEST_ERR(memory_allocation);
    keys_ = static_cast<u32*>(std::malloc(sizeof(u32) * (nDmers_ ? nDmers_ : 1)));
    Numbering num(s.data, s.total, d);
    if (!keys_ || !num.init(nDmers_ / 8)) return ZEST_ERR(memory_allocation);
    const u32 none = ~0u - 1;  // renumbered below, once the count is known
    size_t pos = 0;
    for (unsigned i = 0; i < s.count; ++i) {
        const size_t end = pos + s.sizes[i];
        for (; pos + d <= end; ++pos) {
            const u32 id = num.find(pos);
            if (id == ~0u) return ZEST_ERR(memory_allocation);
            keys_[pos] = id;
            Entry& e = num.entry(id);
            if (e.lastSample != i + 1) {
                e.lastSample = i + 1;
                e.freq++;
            }
        }
        for (; pos < end && pos < nDmers_; ++pos) keys_[pos] = none;
    }
    nKeys_ = num.size() + 1;
    freq_ = static_cast<u32*>(std::malloc(sizeof(u32) * nKeys_));
    if (!freq_) return ZEST_ERR(memory_allocation);
    for (size_t e = 0; e + 1 < nKeys_; ++e) freq_[e] = num.entry(u32(e)).freq;
    freq_[nKeys_ - 1] = 0;
    for (size_t p = 0; p < nDmers_; ++p)
        if (keys_[p] == none) keys_[p] = u32(nKeys_ - 1);
    return 0;
}

}  // namespace zest
