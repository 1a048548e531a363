// Streaming buffer descriptors, laid out like ZSTD_inBuffer / ZSTD_outBuffer.
#pragma once
#include <cstddef>

namespace zest {

struct InBuffer {
    const void* src;
    size_t size;
    size_t pos;
};

struct OutBuffer {
    void* dst;
    size_t size;
    size_t pos;
};

// Laid out like ZSTD_bounds.
struct Bounds {
    size_t error;
    int lowerBound;
    int upperBound;
};

enum class ResetDirective : int { session_only = 1, parameters = 2, session_and_parameters = 3 };
enum class Format : int { zstd1 = 0, zstd1_magicless = 1 };
enum class DictContentType : int { autoDetect = 0, rawContent = 1, fullDict = 2 };
enum class DictLoadMethod : int { byCopy = 0, byRef = 1 };

}  // namespace zest
