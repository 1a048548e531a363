// Frame-level inspection: headers, sizes, skippable frames. No context needed.
// (The format facts themselves are in format/frame_format.h.)
#pragma once
#include <cstddef>
#include <cstdint>

#include "common/buffers.h"
#include "format/frame_format.h"

namespace zest {

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
