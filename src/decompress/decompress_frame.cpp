// Frame decoding: the one-shot path (whole frames in, whole output out) and
// the bufferless block-by-block state machine the streaming layer drives.
#include "decompress/dctx_impl.h"

namespace zest {

namespace {

struct BlockHeader {
    unsigned type;
    bool last;
    size_t size;  // content size for raw/compressed, repeat count for RLE
};

BlockHeader parseBlockHeader(const u8* p) {
    const u32 bh = readLE24(p);
    return BlockHeader{(bh >> 1) & 3, (bh & 1) != 0, bh >> 3};
}

size_t checkBlockHeader(const DCtx* d, const BlockHeader& b) {
    if (b.type == 3) return ZEST_ERR(corruption_detected);
    if (b.size > d->blockSizeMax) return ZEST_ERR(corruption_detected);
    return 0;
}

// End-of-content checks shared by both paths.
size_t checkContentSize(const DCtx* d) {
    if (d->fh.frameContentSize != kContentSizeUnknown && d->decodedSize != d->fh.frameContentSize)
        return ZEST_ERR(corruption_detected);
    return 0;
}

size_t checkChecksum(DCtx* d, const u8* stored) {
    if (!d->validateChecksum) return 0;
    const u32 h = u32(XXH64_digest(&d->xxh));
    return h == readLE32(stored) ? 0 : ZEST_ERR(checksum_wrong);
}

}  // namespace

void continueHistory(DCtx* d, u8* dst) {
    BlockState& st = d->blk;
    if (!d->hasHistory) {
        st.prefixStart = st.virtualStart = st.dictEnd = dst;
        d->previousDstEnd = dst;
        d->hasHistory = true;
        return;
    }
    if (dst != d->previousDstEnd) {
        // The previous segment becomes the one older segment we keep.
        st.dictEnd = d->previousDstEnd;
        st.virtualStart = dst - (d->previousDstEnd - st.prefixStart);
        st.prefixStart = dst;
        d->previousDstEnd = dst;
    }
}

void beginWithDDict(DCtx* d, const DDict* dd) {
    d->blk.resetEntropy();
    d->stage = Stage::frameHeaderPrefix;
    d->expected = frameHeaderPrefixSize(d->format);
    d->decodedSize = 0;
    d->dictID = 0;
    d->hasHistory = false;
    d->previousDstEnd = nullptr;
    d->blk.prefixStart = d->blk.virtualStart = d->blk.dictEnd = nullptr;
    if (dd) {
        applyDictionary(d->blk, *dd);
        d->dictID = dd->dictID;
        d->previousDstEnd = dd->content + dd->contentSize;
        d->hasHistory = dd->contentSize != 0;
    }
}

size_t beginFrame(DCtx* d, const FrameHeader& fh) {
    d->fh = fh;
    if (fh.dictID && d->dictID != fh.dictID) return ZEST_ERR(dictionary_wrong);
    d->validateChecksum = fh.checksumFlag && !d->ignoreChecksum;
    if (d->validateChecksum) XXH64_reset(&d->xxh, 0);
    d->blockSizeMax = fh.blockSizeMax < d->maxBlockSize() ? fh.blockSizeMax : d->maxBlockSize();
    d->decodedSize = 0;
    return 0;
}

size_t decodeBlockContent(DCtx* d, unsigned type, u8* dst, size_t dstCapacity, const u8* src, size_t srcSize,
                          size_t rleSize) {
    if (dstCapacity > 0) continueHistory(d, dst);
    size_t n;
    switch (type) {
    case 0:  // raw
        if (srcSize > dstCapacity) return ZEST_ERR(dstSize_tooSmall);
        if (srcSize) std::memmove(dst, src, srcSize);
        n = srcSize;
        break;
    case 1:  // RLE
        if (rleSize > dstCapacity) return ZEST_ERR(dstSize_tooSmall);
        if (rleSize) std::memset(dst, src[0], rleSize);
        n = rleSize;
        break;
    default:
        n = decodeCompressedBlock(d->blk, dst, dstCapacity, src, srcSize, d->blockSizeMax);
        if (isError(n)) return n;
        break;
    }
    if (n) {
        if (d->validateChecksum) XXH64_update(&d->xxh, dst, n);
        d->previousDstEnd = dst + n;
    }
    d->decodedSize += n;
    return n;
}

// ---- One-shot -------------------------------------------------------------------

namespace {

// Decode the frame at src whose header is fh. *consumed gets its compressed size.
size_t decodeFrame(DCtx* d, const FrameHeader& fh, u8* dst, size_t dstCapacity, const u8* src, size_t srcSize,
                   size_t* consumed) {
    ZEST_TRY(beginFrame(d, fh));
    const u8* ip = src + fh.headerSize;
    size_t remaining = srcSize - fh.headerSize;
    u8* op = dst;
    u8* const oend = dst + dstCapacity;
    for (;;) {
        if (remaining < kBlockHeaderSize) return ZEST_ERR(srcSize_wrong);
        const BlockHeader b = parseBlockHeader(ip);
        if (b.type == 3) return ZEST_ERR(corruption_detected);
        ip += kBlockHeaderSize;
        remaining -= kBlockHeaderSize;
        const size_t contentSize = b.type == 1 ? 1 : b.size;
        if (contentSize > remaining) return ZEST_ERR(srcSize_wrong);
        ZEST_TRY(checkBlockHeader(d, b));
        const size_t n = decodeBlockContent(d, b.type, op, size_t(oend - op), ip, contentSize, b.size);
        if (isError(n)) return n;
        op += n;
        ip += contentSize;
        remaining -= contentSize;
        if (b.last) break;
    }
    ZEST_TRY(checkContentSize(d));
    if (fh.checksumFlag) {
        if (remaining < 4) return ZEST_ERR(checksum_wrong);
        ZEST_TRY(checkChecksum(d, ip));
        ip += 4;
    }
    *consumed = size_t(ip - src);
    return size_t(op - dst);
}

// Decode every frame in src with dictionary `base` (or one picked by frame ID).
size_t decompressFrames(DCtx* d, void* dst, size_t dstCapacity, const void* src, size_t srcSize,
                        const DDict* base) {
    const u8* ip = static_cast<const u8*>(src);
    u8* const ostart = static_cast<u8*>(dst);
    u8* op = ostart;
    bool decodedOne = false;
    if (srcSize && !src) return ZEST_ERR(GENERIC);
    while (srcSize >= frameHeaderPrefixSize(d->format)) {
        if (d->format == Format::zstd1 && srcSize >= 4 && isSkippableMagic(readLE32(ip))) {
            if (srcSize < kSkippableHeaderSize) return ZEST_ERR(srcSize_wrong);
            const u32 declared = readLE32(ip + 4);
            if (declared > 0xFFFFFFFFu - kSkippableHeaderSize) return ZEST_ERR(frameParameter_unsupported);
            const size_t skip = size_t(declared) + kSkippableHeaderSize;
            if (skip > srcSize) return ZEST_ERR(srcSize_wrong);
            ip += skip;
            srcSize -= skip;
            continue;
        }
        // Size checks come before the header is interpreted (the reference's order).
        if (srcSize < frameHeaderMinSize(d->format) + kBlockHeaderSize) return ZEST_ERR(srcSize_wrong);
        const size_t hsize = frameHeaderSize(ip, srcSize, d->format);
        if (isError(hsize)) return hsize;
        if (srcSize < hsize + kBlockHeaderSize) return ZEST_ERR(srcSize_wrong);
        FrameHeader fh;
        const size_t r = getFrameHeader(&fh, ip, hsize, d->format);
        if (isError(r)) {
            // Bytes after a complete frame that are no frame: too much input was given.
            if (decodedOne && errorCodeOf(r) == ErrorCode::prefix_unknown) return ZEST_ERR(srcSize_wrong);
            return r;
        }
        if (r > 0) return ZEST_ERR(srcSize_wrong);
        beginWithDDict(d, d->selectDDict(base, fh.dictID));
        size_t consumed = 0;
        const size_t n = decodeFrame(d, fh, op, size_t(ostart + dstCapacity - op), ip, srcSize, &consumed);
        if (isError(n)) return n;
        op += n;
        ip += consumed;
        srcSize -= consumed;
        decodedOne = true;
    }
    if (srcSize) return ZEST_ERR(srcSize_wrong);
    return size_t(op - ostart);
}

}  // namespace

size_t decompressDCtx(DCtx* d, void* dst, size_t dstCapacity, const void* src, size_t srcSize) {
    return decompressFrames(d, dst, dstCapacity, src, srcSize, d->takeDDict());
}

size_t decompressUsingDDict(DCtx* d, void* dst, size_t dstCapacity, const void* src, size_t srcSize,
                            const DDict* ddict) {
    return decompressFrames(d, dst, dstCapacity, src, srcSize, ddict);
}

// Digest a caller's dictionary (by reference) into the context's scratch DDict.
static size_t useScratchDict(DCtx* d, const void* dict, size_t dictSize) {
    d->scratchDict.dict = static_cast<const u8*>(dict);
    d->scratchDict.dictSize = dictSize;
    if (isError(digestDictionary(&d->scratchDict, DictContentType::autoDetect)))
        return ZEST_ERR(dictionary_corrupted);
    return 0;
}

size_t decompressUsingDict(DCtx* d, void* dst, size_t dstCapacity, const void* src, size_t srcSize,
                           const void* dict, size_t dictSize) {
    if (!dict || dictSize == 0) return decompressFrames(d, dst, dstCapacity, src, srcSize, nullptr);
    ZEST_TRY(useScratchDict(d, dict, dictSize));
    return decompressFrames(d, dst, dstCapacity, src, srcSize, &d->scratchDict);
}

size_t decompress(void* dst, size_t dstCapacity, const void* src, size_t srcSize) {
    DCtx* d = createDCtx(kDefaultMem);
    if (!d) return ZEST_ERR(memory_allocation);
    const size_t r = decompressDCtx(d, dst, dstCapacity, src, srcSize);
    freeDCtx(d);
    return r;
}

// ---- Bufferless ------------------------------------------------------------------

size_t decompressBegin(DCtx* d) {
    beginWithDDict(d, nullptr);
    return 0;
}

size_t decompressBeginUsingDDict(DCtx* d, const DDict* dd) {
    beginWithDDict(d, dd);
    return 0;
}

size_t decompressBeginUsingDict(DCtx* d, const void* dict, size_t dictSize) {
    if (dict && dictSize) {
        ZEST_TRY(useScratchDict(d, dict, dictSize));
        beginWithDDict(d, &d->scratchDict);
        return 0;
    }
    beginWithDDict(d, nullptr);
    return 0;
}

size_t nextSrcSizeToDecompress(DCtx* d) { return d->expected; }

size_t nextSrcSizeWithInput(const DCtx* d, size_t inputSize) {
    if (d->stage == Stage::block && d->blockType == 0) {
        const size_t n = inputSize < d->expected ? inputSize : d->expected;
        return n ? n : 1;
    }
    return d->expected;
}

NextInputType nextInputType(DCtx* d) {
    switch (d->stage) {
    case Stage::frameHeaderPrefix:
    case Stage::frameHeader: return NextInputType::frameHeader;
    case Stage::blockHeader: return NextInputType::blockHeader;
    case Stage::block: return d->lastBlock ? NextInputType::lastBlock : NextInputType::block;
    case Stage::checksum: return NextInputType::checksum;
    default: return NextInputType::skippableFrame;
    }
}

namespace {

size_t endOfFrameContent(DCtx* d) {
    ZEST_TRY(checkContentSize(d));
    if (d->fh.checksumFlag) {
        d->expected = 4;
        d->stage = Stage::checksum;
    } else {
        d->expected = 0;
        d->stage = Stage::frameHeaderPrefix;
    }
    return 0;
}

size_t finishFrameHeader(DCtx* d) {
    FrameHeader fh;
    const size_t r = getFrameHeader(&fh, d->headerBuf, d->headerSize, d->format);
    if (isError(r)) return r;
    if (r != 0) return ZEST_ERR(srcSize_wrong);
    ZEST_TRY(beginFrame(d, fh));
    d->expected = kBlockHeaderSize;
    d->stage = Stage::blockHeader;
    return 0;
}

}  // namespace

size_t decompressContinue(DCtx* d, void* dstv, size_t dstCapacity, const void* srcv, size_t srcSize) {
    const u8* src = static_cast<const u8*>(srcv);
    u8* dst = static_cast<u8*>(dstv);
    if (srcSize != nextSrcSizeWithInput(d, srcSize)) return ZEST_ERR(srcSize_wrong);
    switch (d->stage) {
    case Stage::frameHeaderPrefix: {
        if (srcSize == 0) return ZEST_ERR(srcSize_wrong);  // frame finished: call decompressBegin
        if (d->format == Format::zstd1 && isSkippableMagic(readLE32(src))) {
            std::memcpy(d->headerBuf, src, srcSize);
            d->expected = kSkippableHeaderSize - srcSize;
            d->stage = Stage::skippableHeader;
            return 0;
        }
        const size_t hsize = frameHeaderSize(src, srcSize, d->format);
        if (isError(hsize)) return hsize;
        d->headerSize = hsize;
        std::memcpy(d->headerBuf, src, srcSize);
        if (hsize > srcSize) {
            d->expected = hsize - srcSize;
            d->stage = Stage::frameHeader;
            return 0;
        }
        return finishFrameHeader(d);
    }
    case Stage::frameHeader:
        std::memcpy(d->headerBuf + d->headerSize - srcSize, src, srcSize);
        return finishFrameHeader(d);
    case Stage::blockHeader: {
        const BlockHeader b = parseBlockHeader(src);
        ZEST_TRY(checkBlockHeader(d, b));
        d->blockType = b.type;
        d->lastBlock = b.last;
        d->rleSize = b.size;
        d->expected = b.type == 1 ? 1 : b.size;
        if (d->expected) {
            d->stage = Stage::block;
            return 0;
        }
        if (b.last) return endOfFrameContent(d);
        d->expected = kBlockHeaderSize;
        return 0;
    }
    case Stage::block: {
        const size_t n = decodeBlockContent(d, d->blockType, dst, dstCapacity, src, srcSize, d->rleSize);
        if (isError(n)) return n;
        if (d->blockType == 0) {  // raw content may come in pieces
            d->expected -= srcSize;
            if (d->expected) return n;
        }
        if (d->lastBlock) {
            ZEST_TRY(endOfFrameContent(d));
        } else {
            d->expected = kBlockHeaderSize;
            d->stage = Stage::blockHeader;
        }
        return n;
    }
    case Stage::checksum:
        ZEST_TRY(checkChecksum(d, src));
        d->expected = 0;
        d->stage = Stage::frameHeaderPrefix;
        return 0;
    case Stage::skippableHeader:
        std::memcpy(d->headerBuf + kSkippableHeaderSize - srcSize, src, srcSize);
        d->expected = readLE32(d->headerBuf + 4);
        d->stage = Stage::skippableContent;
        return 0;
    case Stage::skippableContent:
        d->expected = 0;
        d->stage = Stage::frameHeaderPrefix;
        return 0;
    }
    return ZEST_ERR(GENERIC);
}

size_t decompressBlock(DCtx* d, void* dst, size_t dstCapacity, const void* src, size_t srcSize) {
    d->blockSizeMax = kBlockSizeMax;
    d->validateChecksum = false;
    if (dstCapacity > 0) continueHistory(d, static_cast<u8*>(dst));
    const size_t n = decodeCompressedBlock(d->blk, static_cast<u8*>(dst), dstCapacity, static_cast<const u8*>(src),
                                           srcSize, kBlockSizeMax);
    if (isError(n)) return n;
    if (n) d->previousDstEnd = static_cast<u8*>(dst) + n;
    return n;
}

size_t insertBlock(DCtx* d, const void* blockStart, size_t blockSize) {
    continueHistory(d, static_cast<u8*>(const_cast<void*>(blockStart)));
    d->previousDstEnd = static_cast<const u8*>(blockStart) + blockSize;
    return blockSize;
}

void copyDCtx(DCtx* dst, const DCtx* src) {
    // Copy the decoding state, then re-point tables that live inside the copy.
    BlockState& to = dst->blk;
    const BlockState& from = src->blk;
    std::memcpy(static_cast<void*>(&to), &from, sizeof(BlockState));
    auto repoint = [&](const SeqCell* t, const SeqCell* space, SeqCell* mine) -> const SeqCell* {
        return t == space ? mine : t;
    };
    to.llTable = repoint(from.llTable, from.seqSpace.ll, to.seqSpace.ll);
    to.mlTable = repoint(from.mlTable, from.seqSpace.ml, to.seqSpace.ml);
    to.ofTable = repoint(from.ofTable, from.seqSpace.of, to.seqSpace.of);
    if (from.huf == &from.hufSpace) to.huf = &to.hufSpace;
    if (from.litPtr >= from.litBuffer && from.litPtr < from.litBuffer + sizeof from.litBuffer)
        to.litPtr = to.litBuffer + (from.litPtr - from.litBuffer);
    dst->format = src->format;
    dst->fh = src->fh;
    dst->dictID = src->dictID;
    dst->validateChecksum = src->validateChecksum;
    dst->xxh = src->xxh;
    dst->decodedSize = src->decodedSize;
    dst->blockSizeMax = src->blockSizeMax;
    dst->stage = src->stage;
    dst->expected = src->expected;
    dst->blockType = src->blockType;
    dst->lastBlock = src->lastBlock;
    dst->rleSize = src->rleSize;
    dst->headerSize = src->headerSize;
    std::memcpy(dst->headerBuf, src->headerBuf, sizeof dst->headerBuf);
    dst->previousDstEnd = src->previousDstEnd;
    dst->hasHistory = src->hasHistory;
}

}  // namespace zest
