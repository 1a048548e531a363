// Turning dictionary content into a formatted dictionary (ZDICT_finalizeDictionary,
// ZDICT_addEntropyTablesFromBuffer): entropy tables and repeat offsets from
// what the compressor does with the samples when the content is its dictionary.
#pragma once
#include <cstddef>

#include "common/mem.h"

namespace zest {

struct FinalizeParams {
    int level = 0;   // the compression level the dictionary is made for (0: the default)
    u32 dictID = 0;  // 0: derived from the content (in [32768, 2^31), as the reference)
};

// Write the dictionary into dst[0..capacity): header, then the content (which
// may already lie anywhere in dst). When header and content do not fit, the
// front of the content is dropped: its end is what matches reach cheapest.
// Statistics come from the first block (up to 128 KiB) of each sample.
// Returns the dictionary's size, or dstSize_tooSmall (capacity below 256 or
// below the content size), memory_allocation, or GENERIC (statistics that
// cannot be described).
size_t finalizeDictionary(void* dst, size_t capacity, const void* content, size_t contentSize, const void* samples,
                          const size_t* sampleSizes, unsigned nbSamples, const FinalizeParams& p);

}  // namespace zest
