// Frame-level facts of the format (RFC 8878) that both directions use:
// magic numbers, size limits, the frame header's layout, and what kind of
// frame a buffer starts with.
#pragma once
#include <cstddef>
#include <cstdint>

#include "common/buffers.h"

namespace zest {

constexpr uint32_t kMagic = 0xFD2FB528u;
constexpr uint32_t kMagicDictionary = 0xEC30A437u;
constexpr uint32_t kMagicSkippableStart = 0x184D2A50u;
constexpr uint32_t kMagicSkippableMask = 0xFFFFFFF0u;
constexpr size_t kSkippableHeaderSize = 8;
constexpr size_t kFrameHeaderSizeMax = 18;
constexpr size_t kBlockSizeMax = 128 * 1024;
constexpr size_t kBlockHeaderSize = 3;
constexpr unsigned kWindowLogMin = 10;
constexpr unsigned kWindowLogMax = 31;
constexpr unsigned kWindowLogDefaultLimit = 27;
constexpr uint64_t kContentSizeUnknown = ~uint64_t(0);
constexpr uint64_t kContentSizeError = ~uint64_t(0) - 1;

enum class FrameType : int { frame = 0, skippable = 1 };

// Laid out like ZSTD_FrameHeader.
struct FrameHeader {
    unsigned long long frameContentSize;
    unsigned long long windowSize;
    unsigned blockSizeMax;
    FrameType frameType;
    unsigned headerSize;
    unsigned dictID;
    unsigned checksumFlag;
    unsigned _reserved1;
    unsigned _reserved2;
};

inline size_t frameHeaderPrefixSize(Format f) { return f == Format::zstd1 ? 5 : 1; }
inline size_t frameHeaderMinSize(Format f) { return f == Format::zstd1 ? 6 : 2; }

// What a buffer starts with, by its first four bytes.
enum class FrameKind { zstd, skippable, unknown };
constexpr FrameKind classifyFrame(uint32_t magic) {
    return magic == kMagic                                          ? FrameKind::zstd
           : (magic & kMagicSkippableMask) == kMagicSkippableStart ? FrameKind::skippable
                                                                    : FrameKind::unknown;
}
constexpr bool isSkippableMagic(uint32_t magic) { return classifyFrame(magic) == FrameKind::skippable; }

}  // namespace zest
