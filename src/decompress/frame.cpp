#include "decompress/frame.h"

#include <cstring>

#include "common/error.h"
#include "common/mem.h"

namespace zest {

namespace {

// Frame sizes found by walking block headers without decoding them.
struct FrameExtent {
    size_t compressedSize;        // or an error
    size_t nbBlocks;
    unsigned long long decompressedBound;
};

FrameExtent walkFrame(const void* src, size_t srcSize, Format format) {
    FrameExtent fx{0, 0, 0};
    const u8* const start = static_cast<const u8*>(src);
    if (format == Format::zstd1 && srcSize >= kSkippableHeaderSize && isSkippableMagic(readLE32(start))) {
        const size_t total = size_t(readLE32(start + 4)) + kSkippableHeaderSize;
        fx.compressedSize = total > srcSize ? ZEST_ERR(srcSize_wrong) : total;
        return fx;
    }
    FrameHeader fh;
    const size_t r = getFrameHeader(&fh, src, srcSize, format);
    if (isError(r)) {
        fx.compressedSize = r;
        return fx;
    }
    if (r > 0) {
        fx.compressedSize = ZEST_ERR(srcSize_wrong);
        return fx;
    }
    const u8* ip = start + fh.headerSize;
    size_t remaining = srcSize - fh.headerSize;
    for (;;) {
        if (remaining < kBlockHeaderSize) {
            fx.compressedSize = ZEST_ERR(srcSize_wrong);
            return fx;
        }
        const u32 bh = readLE24(ip);
        const unsigned type = (bh >> 1) & 3;
        if (type == 3) {
            fx.compressedSize = ZEST_ERR(corruption_detected);
            return fx;
        }
        const size_t contentSize = type == 1 ? 1 : (bh >> 3);
        if (contentSize > remaining - kBlockHeaderSize) {
            fx.compressedSize = ZEST_ERR(srcSize_wrong);
            return fx;
        }
        ip += kBlockHeaderSize + contentSize;
        remaining -= kBlockHeaderSize + contentSize;
        fx.nbBlocks++;
        if (bh & 1) break;
    }
    if (fh.checksumFlag) {
        if (remaining < 4) {
            fx.compressedSize = ZEST_ERR(srcSize_wrong);
            return fx;
        }
        ip += 4;
    }
    fx.compressedSize = size_t(ip - start);
    fx.decompressedBound = fh.frameContentSize != kContentSizeUnknown
                               ? fh.frameContentSize
                               : (unsigned long long)fx.nbBlocks * fh.blockSizeMax;
    return fx;
}

}  // namespace

size_t frameHeaderSize(const void* src, size_t srcSize, Format format) {
    const size_t prefix = frameHeaderPrefixSize(format);
    if (srcSize < prefix) return ZEST_ERR(srcSize_wrong);
    const u8 fhd = static_cast<const u8*>(src)[prefix - 1];
    static constexpr u8 kDidSize[4] = {0, 1, 2, 4};
    static constexpr u8 kFcsSize[4] = {0, 2, 4, 8};
    const bool singleSegment = (fhd >> 5) & 1;
    const unsigned fcsId = fhd >> 6;
    return prefix + !singleSegment + kDidSize[fhd & 3] + kFcsSize[fcsId] + (singleSegment && fcsId == 0);
}

size_t getFrameHeader(FrameHeader* fh, const void* src, size_t srcSize, Format format) {
    const size_t minInput = frameHeaderPrefixSize(format);
    std::memset(fh, 0, sizeof *fh);
    if (srcSize > 0 && src == nullptr) return ZEST_ERR(GENERIC);
    const u8* in = static_cast<const u8*>(src);
    if (srcSize < minInput) {
        // Reject early when even the few bytes given cannot start a frame.
        if (srcSize > 0 && format == Format::zstd1) {
            u8 probe[4];
            writeLE32(probe, kMagic);
            std::memcpy(probe, in, srcSize < 4 ? srcSize : 4);
            if (readLE32(probe) != kMagic) {
                writeLE32(probe, kMagicSkippableStart);
                std::memcpy(probe, in, srcSize < 4 ? srcSize : 4);
                if (!isSkippableMagic(readLE32(probe))) return ZEST_ERR(prefix_unknown);
            }
        }
        return minInput;
    }
    if (format == Format::zstd1) {
        const u32 magic = readLE32(in);
        if (magic != kMagic) {
            if (!isSkippableMagic(magic)) return ZEST_ERR(prefix_unknown);
            if (srcSize < kSkippableHeaderSize) return kSkippableHeaderSize;
            fh->frameType = FrameType::skippable;
            fh->dictID = magic - kMagicSkippableStart;
            fh->headerSize = unsigned(kSkippableHeaderSize);
            fh->frameContentSize = readLE32(in + 4);
            return 0;
        }
    }
    const size_t hsize = frameHeaderSize(src, srcSize, format);
    if (srcSize < hsize) return hsize;
    fh->headerSize = unsigned(hsize);

    size_t pos = minInput;
    const u8 fhd = in[pos - 1];
    const unsigned didCode = fhd & 3;
    const bool singleSegment = (fhd >> 5) & 1;
    const unsigned fcsId = fhd >> 6;
    if (fhd & 0x08) return ZEST_ERR(frameParameter_unsupported);  // reserved bit

    unsigned long long windowSize = 0;
    if (!singleSegment) {
        const u8 wd = in[pos++];
        const unsigned windowLog = (wd >> 3) + kWindowLogMin;
        if (windowLog > kWindowLogMax) return ZEST_ERR(frameParameter_windowTooLarge);
        windowSize = 1ULL << windowLog;
        windowSize += (windowSize >> 3) * (wd & 7);
    }
    u32 dictID = 0;
    switch (didCode) {
    case 1: dictID = in[pos]; pos += 1; break;
    case 2: dictID = readLE16(in + pos); pos += 2; break;
    case 3: dictID = readLE32(in + pos); pos += 4; break;
    default: break;
    }
    unsigned long long fcs = kContentSizeUnknown;
    switch (fcsId) {
    case 0: if (singleSegment) fcs = in[pos]; break;
    case 1: fcs = readLE16(in + pos) + 256ULL; break;
    case 2: fcs = readLE32(in + pos); break;
    default: fcs = readLE64(in + pos); break;
    }
    if (singleSegment) windowSize = fcs;
    fh->frameType = FrameType::frame;
    fh->frameContentSize = fcs;
    fh->windowSize = windowSize;
    fh->blockSizeMax = unsigned(windowSize < kBlockSizeMax ? windowSize : kBlockSizeMax);
    fh->dictID = dictID;
    fh->checksumFlag = (fhd >> 2) & 1;
    return 0;
}

unsigned long long getFrameContentSize(const void* src, size_t srcSize) {
    FrameHeader fh;
    const size_t r = getFrameHeader(&fh, src, srcSize, Format::zstd1);
    if (r != 0) return kContentSizeError;
    if (fh.frameType == FrameType::skippable) return 0;
    return fh.frameContentSize;
}

size_t findFrameCompressedSize(const void* src, size_t srcSize, Format format) {
    return walkFrame(src, srcSize, format).compressedSize;
}

unsigned long long findDecompressedSize(const void* src, size_t srcSize) {
    const u8* ip = static_cast<const u8*>(src);
    unsigned long long total = 0;
    while (srcSize >= frameHeaderMinSize(Format::zstd1)) {
        const u32 magic = readLE32(ip);
        if (isSkippableMagic(magic)) {
            if (srcSize < kSkippableHeaderSize) return kContentSizeError;
            const size_t skip = size_t(readLE32(ip + 4)) + kSkippableHeaderSize;
            if (skip > srcSize) return kContentSizeError;
            ip += skip;
            srcSize -= skip;
            continue;
        }
        const unsigned long long fcs = getFrameContentSize(ip, srcSize);
        if (fcs >= kContentSizeError) return fcs;
        if (total + fcs < total) return kContentSizeError;
        total += fcs;
        const size_t csize = findFrameCompressedSize(ip, srcSize, Format::zstd1);
        if (isError(csize)) return kContentSizeError;
        ip += csize;
        srcSize -= csize;
    }
    if (srcSize) return kContentSizeError;
    return total;
}

unsigned long long decompressBound(const void* src, size_t srcSize) {
    const u8* ip = static_cast<const u8*>(src);
    unsigned long long bound = 0;
    while (srcSize > 0) {
        const FrameExtent fx = walkFrame(ip, srcSize, Format::zstd1);
        if (isError(fx.compressedSize)) return kContentSizeError;
        if (bound + fx.decompressedBound < bound) return kContentSizeError;
        bound += fx.decompressedBound;
        ip += fx.compressedSize;
        srcSize -= fx.compressedSize;
    }
    return bound;
}

size_t decompressionMargin(const void* src, size_t srcSize) {
    const u8* ip = static_cast<const u8*>(src);
    size_t margin = 0;
    unsigned maxBlockSize = 0;
    while (srcSize > 0) {
        const FrameExtent fx = walkFrame(ip, srcSize, Format::zstd1);
        FrameHeader fh;
        const size_t r = getFrameHeader(&fh, ip, srcSize, Format::zstd1);
        if (isError(r)) return r;
        if (isError(fx.compressedSize) || r != 0) return ZEST_ERR(corruption_detected);
        if (fh.frameType == FrameType::frame) {
            margin += fh.headerSize + (fh.checksumFlag ? 4 : 0) + kBlockHeaderSize * fx.nbBlocks;
            if (fh.blockSizeMax > maxBlockSize) maxBlockSize = fh.blockSizeMax;
        } else {
            margin += fx.compressedSize;
        }
        ip += fx.compressedSize;
        srcSize -= fx.compressedSize;
    }
    return margin + maxBlockSize;
}

bool isFrame(const void* src, size_t srcSize) {
    if (srcSize < 4) return false;
    return classifyFrame(readLE32(src)) != FrameKind::unknown;
}

bool isSkippableFrame(const void* src, size_t srcSize) {
    return srcSize >= 4 && isSkippableMagic(readLE32(src));
}

size_t readSkippableFrame(void* dst, size_t dstCapacity, unsigned* magicVariant, const void* src, size_t srcSize) {
    if (srcSize < kSkippableHeaderSize) return ZEST_ERR(srcSize_wrong);
    const u8* in = static_cast<const u8*>(src);
    const u32 magic = readLE32(in);
    if (!isSkippableMagic(magic)) return ZEST_ERR(frameParameter_unsupported);
    const size_t contentSize = readLE32(in + 4);
    if (contentSize > srcSize - kSkippableHeaderSize) return ZEST_ERR(srcSize_wrong);
    if (contentSize > dstCapacity) return ZEST_ERR(dstSize_tooSmall);
    if (contentSize) std::memcpy(dst, in + kSkippableHeaderSize, contentSize);
    if (magicVariant) *magicVariant = magic - kMagicSkippableStart;
    return contentSize;
}

unsigned getDictIDFromFrame(const void* src, size_t srcSize) {
    FrameHeader fh;
    const size_t r = getFrameHeader(&fh, src, srcSize, Format::zstd1);
    if (r != 0) return 0;
    return fh.dictID;
}

unsigned getDictIDFromDict(const void* dict, size_t dictSize) {
    if (dictSize < 8) return 0;
    if (readLE32(dict) != kMagicDictionary) return 0;
    return readLE32(static_cast<const u8*>(dict) + 4);
}

}  // namespace zest
