// Frame-level inspection: headers, sizes, skippable frames. No context needed.
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

// 0 on success (header filled), >0 = this many bytes are needed, or an error.
size_t getFrameHeader(FrameHeader* fh, const void* src, size_t srcSize, Format format);
// Size of the frame header that starts src (needs frameHeaderPrefixSize bytes).
size_t frameHeaderSize(const void* src, size_t srcSize, Format format);

unsigned long long getFrameContentSize(const void* src, size_t srcSize);
size_t findFrameCompressedSize(const void* src, size_t srcSize, Format format);
unsigned long long findDecompressedSize(const void* src, size_t srcSize);
unsigned long long decompressBound(const void* src, size_t srcSize);
size_t decompressionMargin(const void* src, size_t srcSize);

bool isFrame(const void* src, size_t srcSize);
bool isSkippableFrame(const void* src, size_t srcSize);
size_t readSkippableFrame(void* dst, size_t dstCapacity, unsigned* magicVariant,
                          const void* src, size_t srcSize);

unsigned getDictIDFromFrame(const void* src, size_t srcSize);
unsigned getDictIDFromDict(const void* dict, size_t dictSize);

}  // namespace zest
