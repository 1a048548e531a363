// Streaming compression (ZSTD_compressStream2 and the older stream calls).
//
// Input is gathered into a buffer of window + one block, compressed a block
// at a time, and the buffer wraps around when the next block would not fit;
// the window then sees the older data as a second segment (match_common.h).
// Compressed blocks go straight to the caller's output when it has room for
// the worst case, else through an internal block buffer that is flushed as
// space appears. With ZSTD_c_stableInBuffer the caller's input is compressed
// in place; with ZSTD_c_stableOutBuffer there is no block buffer.
#include <algorithm>
#include <cstring>

#include "compress/cctx_impl.h"
#include "compress/mt_compress.h"

namespace zest {
namespace {

using Stage = CCtx::StreamStage;

// Whether a block of n more bytes would end exactly at the pledged size. Such
// a block waits for the end directive, so that it carries the last-block flag
// rather than being followed by an empty 3-byte last block.
bool completesPledged(const CCtx* c, size_t n) {
    return c->framePledged != kContentSizeUnknown && c->consumed + n == c->framePledged;
}

void startStream(CCtx* c) {
    c->inToCompress = 0;
    c->inBuffPos = 0;
    c->inBuffTarget = c->fparams.blockSize + completesPledged(c, c->fparams.blockSize);
    c->outBuffContentSize = 0;
    c->outBuffFlushedSize = 0;
    c->frameEnded = false;
    c->stableNotConsumed = 0;
    c->streamStage = Stage::load;
}

void endStreamFrame(CCtx* c) {
    c->streamStage = Stage::init;
    c->pledgedSrcSize = kContentSizeUnknown;
}

// One chunk of the frame to the output (directly when it surely fits) or to
// the block buffer. Returns an error or 0; *buffered tells which happened.
size_t emitChunk(CCtx* c, u8*& op, u8* oend, const u8* chunk, size_t n, bool last, bool* buffered) {
    const size_t room = size_t(oend - op);
    if (!c->bufferedOut || room >= chunkBound(c, n, last)) {
        const size_t w = compressChunk(c, op, room, chunk, n, last);
        ZEST_TRY(w);
        op += w;
        *buffered = false;
    } else {
        const size_t w = compressChunk(c, c->outBuff, c->outBuffSize, chunk, n, last);
        ZEST_TRY(w);
        c->outBuffContentSize = w;
        c->outBuffFlushedSize = 0;
        *buffered = true;
    }
    if (last) c->frameEnded = true;
    return 0;
}

size_t streamLoop(CCtx* c, OutBuffer* out, InBuffer* in, EndDirective end) {
    const u8* const istart = static_cast<const u8*>(in->src);
    const u8* const iend = istart + in->size;
    const u8* ip = istart + in->pos;
    u8* const ostart = static_cast<u8*>(out->dst);
    u8* const oend = ostart + out->size;
    u8* op = ostart + out->pos;
    const size_t blockSize = c->fparams.blockSize;

    for (;;) {
        if (c->streamStage == Stage::load) {
            const u8* chunk;
            size_t n;
            bool last;
            if (c->bufferedIn) {
                // Whole frame in one call with room for it: no copy at all.
                if (end == EndDirective::end && !c->headerWritten && c->inBuffPos == 0 &&
                    size_t(oend - op) >= chunkBound(c, size_t(iend - ip), true)) {
                    const size_t w = compressChunk(c, op, size_t(oend - op), ip, size_t(iend - ip), true);
                    ZEST_TRY(w);
                    op += w;
                    ip = iend;
                    endStreamFrame(c);
                    break;
                }
                const size_t take = std::min(c->inBuffTarget - c->inBuffPos, size_t(iend - ip));
                if (take) std::memcpy(c->inBuff + c->inBuffPos, ip, take);
                ip += take;
                c->inBuffPos += take;
                const bool full = c->inBuffPos == c->inBuffTarget;
                if (!full && end == EndDirective::continue_) break;
                if (!full && end == EndDirective::flush && c->inBuffPos == c->inToCompress) break;
                chunk = c->inBuff + c->inToCompress;
                n = c->inBuffPos - c->inToCompress;
                last = end == EndDirective::end && ip == iend;
                // The next block must fit after this one, else the buffer wraps.
                const size_t nextBlock = blockSize + completesPledged(c, n + blockSize);
                c->inBuffTarget = c->inBuffPos + nextBlock;
                if (c->inBuffTarget > c->inBuffSize) {
                    c->inBuffPos = 0;
                    c->inBuffTarget = nextBlock;
                }
                c->inToCompress = c->inBuffPos;
            } else {
                // Stable input: the data not yet compressed ends at ip.
                const u8* const pending = ip - c->stableNotConsumed;
                const size_t avail = size_t(iend - pending);
                if (end == EndDirective::continue_ &&
                    (avail < blockSize || (avail == blockSize && completesPledged(c, blockSize)))) {
                    c->stableNotConsumed = avail;
                    ip = iend;
                    break;
                }
                if (end == EndDirective::flush && avail == 0) break;
                chunk = pending;
                n = std::min(avail, blockSize);
                last = end == EndDirective::end && n == avail;
                c->stableNotConsumed = 0;
                ip = chunk + n;
            }
            bool buffered = false;
            ZEST_TRY(emitChunk(c, op, oend, chunk, n, last, &buffered));
            if (!buffered) {
                if (c->frameEnded) {
                    endStreamFrame(c);
                    break;
                }
                continue;
            }
            c->streamStage = Stage::flush;
        }
        if (c->streamStage == Stage::flush) {
            const size_t toFlush = c->outBuffContentSize - c->outBuffFlushedSize;
            const size_t n = std::min(toFlush, size_t(oend - op));
            if (n) std::memcpy(op, c->outBuff + c->outBuffFlushedSize, n);
            op += n;
            c->outBuffFlushedSize += n;
            if (n < toFlush) break;  // output full
            c->outBuffContentSize = c->outBuffFlushedSize = 0;
            if (c->frameEnded) {
                endStreamFrame(c);
                break;
            }
            c->streamStage = Stage::load;
            continue;
        }
        break;  // Stage::init: nothing in progress
    }
    in->pos = size_t(ip - istart);
    out->pos = size_t(op - ostart);
    return 0;
}

}  // namespace

size_t compressStream2(CCtx* c, OutBuffer* out, InBuffer* in, EndDirective end) {
    if (out->pos > out->size) return ZEST_ERR(dstSize_tooSmall);
    if (in->pos > in->size) return ZEST_ERR(srcSize_wrong);
    if (unsigned(end) > unsigned(EndDirective::end)) return ZEST_ERR(parameter_outOfBound);
    const bool stableIn = c->requested.inBufferMode != 0;
    const bool stableOut = c->requested.outBufferMode != 0;
    if (c->streamStage == Stage::init) {
        u64 pledged = c->pledgedSrcSize;
        if (end == EndDirective::end) pledged = in->size - in->pos;  // the whole frame is here
        if (mtWanted(c, pledged)) {
            ZEST_TRY(mtBeginFrame(c, pledged));
            c->streamStage = Stage::load;
        } else {
            ZEST_TRY(beginFrame(c, pledged, !stableIn, !stableOut));
            startStream(c);
        }
    } else {
        if (stableIn && (in->src != c->expectedIn.src || in->pos != c->expectedIn.pos))
            return ZEST_ERR(stabilityCondition_notRespected);
        if (stableOut && out->size - out->pos != c->expectedOutSize) return ZEST_ERR(stabilityCondition_notRespected);
    }
    size_t remaining;
    if (c->mtFrame) {
        remaining = mtCompressStream(c, out, in, end);
        if (isError(remaining)) mtAbort(c);
        else if (remaining == 0 && end == EndDirective::end) endStreamFrame(c);
    } else {
        remaining = streamLoop(c, out, in, end);
        if (!isError(remaining)) remaining = c->outBuffContentSize - c->outBuffFlushedSize;
    }
    if (isError(remaining)) {
        // A failed frame cannot be resumed: the next call starts a new one.
        endStreamFrame(c);
        return remaining;
    }
    c->expectedIn = *in;
    c->expectedOutSize = out->size - out->pos;
    return remaining;
}

FrameProgression getFrameProgression(const CCtx* c) {
    if (c->mtFrame) return mtProgression(c);
    FrameProgression fp{};
    const bool streaming = c->streamStage != Stage::init;
    const size_t buffered = streaming && c->bufferedIn ? c->inBuffPos - c->inToCompress : 0;
    const size_t pending = streaming ? c->outBuffContentSize - c->outBuffFlushedSize : 0;
    fp.consumed = c->consumed;
    fp.ingested = c->consumed + buffered + (streaming ? c->stableNotConsumed : 0);
    fp.produced = c->produced;
    fp.flushed = c->produced - pending;
    return fp;
}

size_t toFlushNow(CCtx* c) { return c->mtFrame ? mtToFlushNow(c) : 0; }

size_t initCStream(CCtx* c, int level) {
    ZEST_TRY(cctxReset(c, ResetDirective::session_only));
    ZEST_TRY(cctxRefCDict(c, nullptr));
    return cctxSetParameter(c, int(CParam::compressionLevel), level);
}

size_t compressStream(CCtx* c, OutBuffer* out, InBuffer* in) {
    ZEST_TRY(compressStream2(c, out, in, EndDirective::continue_));
    if (c->mtFrame) return mtInputHint(c);
    // Hint: what completes the current block.
    const size_t hint = c->inBuffTarget - c->inBuffPos;
    return hint ? hint : c->fparams.blockSize;
}

size_t flushStream(CCtx* c, OutBuffer* out) {
    InBuffer in{nullptr, 0, 0};
    return compressStream2(c, out, &in, EndDirective::flush);
}

size_t endStream(CCtx* c, OutBuffer* out) {
    InBuffer in{nullptr, 0, 0};
    const size_t remaining = compressStream2(c, out, &in, EndDirective::end);
    ZEST_TRY(remaining);
    if (c->streamStage == Stage::init || c->mtFrame) return remaining;
    // Not done: also count the last block header and checksum still to come.
    return remaining + kBlockHeaderSize + (c->fparams.fp.checksumFlag ? 4 : 0);
}

}  // namespace zest
