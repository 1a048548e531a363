// Streaming decompression: buffers input until a whole block (or header) is
// available and keeps a window of output for back-references, on top of the
// bufferless state machine.
#include "decompress/dctx_impl.h"

namespace zest {

namespace {

constexpr int kNoProgressMax = 16;

size_t roundedUp(size_t n) { return (n + 63) & ~size_t(63); }

// What the reference reports as the minimum output buffer for a frame
// (ZSTD_decodingBufferSize_min): the window, two blocks and copy slack.
unsigned long long referenceBufferSize(unsigned long long windowSize, unsigned long long contentSize) {
    const unsigned long long block = windowSize < kBlockSizeMax ? windowSize : kBlockSizeMax;
    const unsigned long long need = windowSize + 2 * block + 2 * kWildcopySlack;
    return contentSize < need ? contentSize : need;
}

// What we allocate: the window, one block and copy slack suffice, because a
// block is only decoded at the start of the buffer (wrapping) when the old
// segment's needed part lies at least 2 * kWildcopySlack bytes beyond
// everything the new block can write. Never more than the frame needs.
unsigned long long windowBufferSize(unsigned long long windowSize, unsigned long long contentSize) {
    const unsigned long long block = windowSize < kBlockSizeMax ? windowSize : kBlockSizeMax;
    const unsigned long long need = windowSize + block + 2 * kWildcopySlack;
    return contentSize < need ? contentSize : need;
}

// Grow a stream buffer to at least `size` bytes.
size_t ensureBuffer(DCtx* d, u8** buf, size_t* capacity, size_t size) {
    if (*capacity >= size) return 0;
    if (d->isStatic) {
        void* p = d->arena.take(roundedUp(size));
        if (!p) return ZEST_ERR(memory_allocation);
        *buf = static_cast<u8*>(p);
        *capacity = size;
        return 0;
    }
    memFree(d->mem, *buf);
    *buf = static_cast<u8*>(memAlloc(d->mem, size));
    *capacity = *buf ? size : 0;
    return *buf ? 0 : ZEST_ERR(memory_allocation);
}

// Hint returned to the caller: how much input the next step wants.
size_t nextInputHint(DCtx* d) {
    size_t hint = d->expected;
    if (nextInputType(d) == NextInputType::block) hint += kBlockHeaderSize;
    return hint - d->inPos;
}

}  // namespace

size_t dStreamInSize() { return kBlockSizeMax + kBlockHeaderSize; }
size_t dStreamOutSize() { return kBlockSizeMax; }

size_t decodingBufferSizeMin(unsigned long long windowSize, unsigned long long frameContentSize) {
    const unsigned long long need = referenceBufferSize(windowSize, frameContentSize);
    if (need != (unsigned long long)size_t(need)) return ZEST_ERR(frameParameter_windowTooLarge);
    return size_t(need);
}

size_t estimateDStreamSize(size_t windowSize) {
    const size_t block = windowSize < kBlockSizeMax ? windowSize : kBlockSizeMax;
    return estimateDCtxSize() + roundedUp(block) + roundedUp(size_t(windowBufferSize(windowSize, kContentSizeUnknown))) +
           128;
}

size_t estimateDStreamSizeFromFrame(const void* src, size_t srcSize) {
    FrameHeader fh;
    const size_t r = getFrameHeader(&fh, src, srcSize, Format::zstd1);
    if (isError(r)) return r;
    if (r > 0) return ZEST_ERR(srcSize_wrong);
    if (fh.windowSize > (1ULL << kWindowLogMax)) return ZEST_ERR(frameParameter_windowTooLarge);
    return estimateDStreamSize(size_t(fh.windowSize));
}

// The init/reset calls return the first input size worth providing.
size_t initDStream(DCtx* d) {
    ZEST_TRY(dctxReset(d, ResetDirective::session_only));
    ZEST_TRY(dctxRefDDict(d, nullptr));
    return frameHeaderPrefixSize(d->format);
}

size_t initDStreamUsingDict(DCtx* d, const void* dict, size_t dictSize) {
    ZEST_TRY(dctxReset(d, ResetDirective::session_only));
    ZEST_TRY(dctxLoadDictionary(d, dict, dictSize, DictLoadMethod::byCopy, DictContentType::autoDetect));
    return frameHeaderPrefixSize(d->format);
}

size_t initDStreamUsingDDict(DCtx* d, const DDict* ddict) {
    ZEST_TRY(dctxReset(d, ResetDirective::session_only));
    ZEST_TRY(dctxRefDDict(d, ddict));
    return frameHeaderPrefixSize(d->format);
}

size_t resetDStream(DCtx* d) {
    ZEST_TRY(dctxReset(d, ResetDirective::session_only));
    return frameHeaderPrefixSize(d->format);
}

namespace {

// Header is complete in d->headerBuf (or in the input at frameStart): set up the frame.
size_t startFrame(DCtx* d, const FrameHeader& fh, const DDict* dd) {
    if (fh.frameType == FrameType::skippable) {
        beginWithDDict(d, nullptr);
        d->expected = size_t(fh.frameContentSize);
        d->stage = Stage::skippableContent;
        return 0;
    }
    beginWithDDict(d, dd);
    ZEST_TRY(beginFrame(d, fh));
    d->stage = Stage::blockHeader;
    d->expected = kBlockHeaderSize;

    const unsigned long long window = fh.windowSize < (1u << kWindowLogMin) ? (1u << kWindowLogMin) : fh.windowSize;
    if (window > d->maxWindowSize) return ZEST_ERR(frameParameter_windowTooLarge);
    ZEST_TRY(ensureBuffer(d, &d->inBuff, &d->inBuffCapacity, d->blockSizeMax < 4 ? 4 : d->blockSizeMax));
    if (!d->stableOut) {
        const unsigned long long outSize = windowBufferSize(window, fh.frameContentSize);
        if (outSize != (unsigned long long)size_t(outSize)) return ZEST_ERR(frameParameter_windowTooLarge);
        ZEST_TRY(ensureBuffer(d, &d->outBuff, &d->outBuffCapacity, size_t(outSize)));
    }
    return 0;
}

// Feed one input step (header part, block or checksum) to the bufferless
// decoder. Output goes to the caller's buffer (stable output) or to the
// window buffer, wrapping to its start when a block might not fit at the end
// (unless the whole frame fits), and is then flushed.
size_t decodeStep(DCtx* d, const u8* src, size_t size, u8*& op, u8* oend) {
    if (d->stableOut) {
        const size_t n = decompressContinue(d, op, size_t(oend - op), src, size);
        if (isError(n)) return n;
        op += n;
        return 0;
    }
    const bool frameFits = d->fh.frameContentSize != kContentSizeUnknown && d->fh.frameContentSize <= d->outBuffCapacity;
    if (d->stage == Stage::block && !frameFits && d->outEnd + d->blockSizeMax > d->outBuffCapacity)
        d->outStart = d->outEnd = 0;
    const size_t n = decompressContinue(d, d->outBuff + d->outEnd, d->outBuffCapacity - d->outEnd, src, size);
    if (isError(n)) return n;
    d->outEnd += n;
    if (n) d->streamStage = StreamStage::flush;
    return 0;
}

}  // namespace

size_t decompressStream(DCtx* d, OutBuffer* out, InBuffer* in) {
    if (in->pos > in->size) return ZEST_ERR(srcSize_wrong);
    if (out->pos > out->size) return ZEST_ERR(dstSize_tooSmall);
    const u8* const istart = static_cast<const u8*>(in->src);
    const u8* const iend = in->size ? istart + in->size : istart;
    const u8* ip = istart ? istart + in->pos : istart;
    u8* const ostart = static_cast<u8*>(out->dst);
    u8* const oend = out->size ? ostart + out->size : ostart;
    u8* op = ostart ? ostart + out->pos : ostart;
    const u8* const ipStart = ip;
    u8* const opStart = op;

    if (d->stableOut && d->streamStage != StreamStage::init && d->streamStage != StreamStage::loadHeader) {
        if (out->dst != d->expectedOut.dst || out->pos != d->expectedOut.pos || out->size != d->expectedOut.size)
            return ZEST_ERR(dstBuffer_wrong);
    }

    bool moreWork = true;
    while (moreWork) {
        switch (d->streamStage) {
        case StreamStage::init:
            d->inPos = 0;
            d->outStart = d->outEnd = 0;
            d->headerFill = 0;
            d->hostageByte = false;
            d->expectedOut = *out;
            d->streamStage = StreamStage::loadHeader;
            [[fallthrough]];

        case StreamStage::loadHeader: {
            FrameHeader fh;
            size_t r;
            const u8* frameStart = nullptr;  // set when the header lies whole in this input
            if (d->headerFill == 0) {
                r = getFrameHeader(&fh, ip, size_t(iend - ip), d->format);
                if (r == 0) frameStart = ip;
            } else {
                r = getFrameHeader(&fh, d->headerBuf, d->headerFill, d->format);
            }
            if (isError(r)) return r;
            if (r > 0) {
                // Need more header bytes: keep what we have.
                const size_t want = r - d->headerFill;
                const size_t avail = size_t(iend - ip);
                const size_t take = avail < want ? avail : want;
                if (take) std::memcpy(d->headerBuf + d->headerFill, ip, take);
                d->headerFill += take;
                ip += take;
                if (take < want) {
                    in->pos = size_t(ip - istart);
                    const size_t minSize = frameHeaderMinSize(d->format);
                    return (r > minSize ? r : minSize) - d->headerFill + kBlockHeaderSize;
                }
                continue;  // header complete now: parse it from headerBuf
            }
            const DDict* dd =
                fh.frameType == FrameType::frame ? d->selectDDict(d->takeDDict(), fh.dictID) : nullptr;
            // Whole frame in the input and room for all of it: decode in one go.
            if (frameStart && fh.frameType == FrameType::frame && fh.frameContentSize != kContentSizeUnknown &&
                !d->stableOut && fh.frameContentSize <= size_t(oend - op)) {
                const size_t csize = findFrameCompressedSize(frameStart, size_t(iend - frameStart), d->format);
                if (!isError(csize) && csize <= size_t(iend - frameStart)) {
                    const size_t n = decompressUsingDDict(d, op, size_t(oend - op), frameStart, csize, dd);
                    if (isError(n)) return n;
                    ip = frameStart + csize;
                    op += n;
                    d->expected = 0;
                    d->streamStage = StreamStage::init;
                    moreWork = false;
                    break;
                }
            }
            // A stable output buffer must hold the whole frame when its size is known.
            if (d->stableOut && fh.frameType == FrameType::frame && fh.frameContentSize != kContentSizeUnknown &&
                fh.frameContentSize > size_t(oend - op))
                return ZEST_ERR(dstSize_tooSmall);
            if (frameStart) ip += fh.headerSize;
            ZEST_TRY(startFrame(d, fh, dd));
            d->streamStage = StreamStage::read;
            break;
        }

        case StreamStage::read: {
            const size_t need = nextSrcSizeWithInput(d, size_t(iend - ip));
            if (need == 0) {  // frame finished
                d->streamStage = StreamStage::init;
                moreWork = false;
                break;
            }
            if (d->stage == Stage::skippableContent) {
                // Skippable content is discarded as it arrives, never buffered.
                const size_t avail = size_t(iend - ip);
                const size_t take = avail < need ? avail : need;
                ip += take;
                d->expected -= take;
                if (d->expected == 0) d->stage = Stage::frameHeaderPrefix;
                if (take < need) moreWork = false;
                break;
            }
            if (size_t(iend - ip) >= need) {
                // Decode straight from the caller's input.
                const u8* src = ip;
                ip += need;
                ZEST_TRY(decodeStep(d, src, need, op, oend));
                break;
            }
            if (ip == iend) {
                moreWork = false;
                break;
            }
            d->streamStage = StreamStage::load;
            [[fallthrough]];
        }

        case StreamStage::load: {
            const size_t need = d->expected;
            const size_t want = need - d->inPos;
            const size_t avail = size_t(iend - ip);
            const size_t take = avail < want ? avail : want;
            if (take) std::memcpy(d->inBuff + d->inPos, ip, take);
            ip += take;
            d->inPos += take;
            if (d->inPos < need) {
                moreWork = false;
                break;
            }
            d->inPos = 0;
            d->streamStage = StreamStage::read;
            ZEST_TRY(decodeStep(d, d->inBuff, need, op, oend));
            break;
        }

        case StreamStage::flush: {
            const size_t pending = d->outEnd - d->outStart;
            const size_t room = size_t(oend - op);
            const size_t n = pending < room ? pending : room;
            if (n) std::memcpy(op, d->outBuff + d->outStart, n);
            op += n;
            d->outStart += n;
            if (n == pending) {
                d->streamStage = StreamStage::read;
            } else {
                moreWork = false;  // output full
            }
            break;
        }
        }
    }

    in->pos = size_t(ip - istart);
    out->pos = size_t(op - ostart);
    d->expectedOut = *out;

    if (ip == ipStart && op == opStart) {
        if (++d->noProgressCount >= kNoProgressMax) {
            if (op == oend) return ZEST_ERR(noForwardProgress_destFull);
            if (ip == iend) return ZEST_ERR(noForwardProgress_inputEmpty);
        }
    } else {
        d->noProgressCount = 0;
    }

    if (d->streamStage == StreamStage::init || (d->streamStage != StreamStage::loadHeader && d->expected == 0)) {
        // Frame fully decoded. Until its output is flushed, keep one input byte
        // back so callers that watch the input see that work remains.
        if (d->outStart == d->outEnd) {
            if (d->hostageByte) {
                if (in->pos >= in->size) {
                    d->streamStage = StreamStage::read;
                    return 1;
                }
                in->pos++;
                d->hostageByte = false;
            }
            return 0;
        }
        if (!d->hostageByte && in->pos > 0) {
            in->pos--;
            d->hostageByte = true;
        }
        return 1;
    }
    return nextInputHint(d);
}

}  // namespace zest
