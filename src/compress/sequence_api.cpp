// The sequence-level API: sequences reported (generateSequences), given
// (compressSequences, compressSequencesAndLiterals) or produced by the
// caller's match finder (registerSequenceProducer). The block machinery is
// the usual one; external_sequences.cpp converts.
#include "compress/cctx_impl.h"
#include "compress/external_sequences.h"

namespace zest {
namespace {

bool isDelimiter(const ExtSequence& s) { return s.offset == 0 && s.matchLength == 0; }

// Bytes of the block the sequences from `from` make, up to and including the
// next delimiter; *after is where the following block's sequences start.
u64 explicitBlockLength(const ExtSequence* seqs, size_t n, size_t from, size_t* after) {
    u64 len = 0;
    size_t i = from;
    for (; i < n; ++i) {
        len += u64(seqs[i].litLength) + seqs[i].matchLength;
        if (isDelimiter(seqs[i])) {
            ++i;
            break;
        }
    }
    *after = i;
    return len;
}

// Explicit delimiters: walks the caller's blocks in order, skipping empty
// ones; emit(position, length, last) writes one block and returns its size.
template <class Emit>
size_t forEachGivenBlock(const CCtx* c, SequenceFeed& feed, u64 total, Emit emit) {
    size_t written = 0, i = 0;
    u64 pos = 0;
    for (;;) {
        size_t after;
        const u64 len = explicitBlockLength(feed.seqs, feed.count, i, &after);
        if (len > c->fparams.blockSize) return ZEST_ERR(externalSequences_invalid);
        bool last = pos + len == total;
        for (size_t k = after; k < feed.count && last; ++k)
            last = isDelimiter(feed.seqs[k]) && feed.seqs[k].litLength == 0;
        if (!last && (after >= feed.count)) return ZEST_ERR(externalSequences_invalid);
        if (len == 0 && !last) {  // an empty block: nothing to send
            feed.next = i = after;
            continue;
        }
        const size_t w = emit(size_t(pos), size_t(len), last);
        ZEST_TRY(w);
        written += w;
        pos += len;
        i = after;
        if (last) return written;
    }
}

}  // namespace

size_t sequenceBound(size_t srcSize) {
    const size_t matches = srcSize / 3 + 1;           // every match at least 3 bytes
    const size_t delimiters = srcSize / 1024 + 1;    // blocks of at least 1 KiB, each ended by one
    return matches + delimiters;
}

size_t mergeBlockDelimiters(ExtSequence* seqs, size_t n) {
    size_t out = 0;
    u32 carry = 0;
    for (size_t i = 0; i < n; ++i) {
        if (isDelimiter(seqs[i])) {
            carry += seqs[i].litLength;
            continue;
        }
        ExtSequence s = seqs[i];
        s.litLength += carry;
        carry = 0;
        seqs[out++] = s;
    }
    return out;
}

size_t generateSequences(CCtx* c, ExtSequence* out, size_t outCapacity, const void* src, size_t srcSize) {
    if (!c || (!out && outCapacity)) return ZEST_ERR(GENERIC);
    if (c->requested.nbWorkers > 0) return ZEST_ERR(parameter_unsupported);
    const size_t bound = compressBound(srcSize);
    if (isError(bound)) return bound;
    void* scratch = memAlloc(c->mem, bound ? bound : 1);
    if (!scratch) return ZEST_ERR(memory_allocation);
    SequenceCapture cap;
    cap.out = out;
    cap.capacity = outCapacity;
    c->capture = &cap;
    const size_t r = compress2(c, scratch, bound, src, srcSize);
    c->capture = nullptr;
    memFree(c->mem, scratch);
    ZEST_TRY(r);
    if (cap.overflow) return ZEST_ERR(dstSize_tooSmall);
    return cap.count;
}

size_t compressSequences(CCtx* c, void* dst, size_t dstCapacity, const ExtSequence* seqs, size_t n,
                         const void* src, size_t srcSize) {
    if (!c || (n && !seqs) || (srcSize && !src)) return ZEST_ERR(GENERIC);
    const bool explicitDelims = c->requested.blockDelimiters != 0;
    ZEST_TRY(checkSequenceTotals(seqs, n, srcSize, explicitDelims));
    cctxReset(c, ResetDirective::session_only);
    ZEST_TRY(beginFrame(c, srcSize, false, false));
    SequenceFeed feed;
    feed.seqs = seqs;
    feed.count = n;
    feed.explicitDelimiters = explicitDelims;
    feed.validate = c->requested.validateSequences != 0;
    // Without delimiters the reference always looks for repeat offsets.
    feed.resolveRepcodes = explicitDelims ? c->fparams.resolveRepcodes : true;
    c->feed = &feed;
    const u8* const in = static_cast<const u8*>(src);
    u8* op = static_cast<u8*>(dst);
    u8* const oend = op + dstCapacity;
    // With delimiters one chunk per block, so that blocks end where the caller says.
    const size_t r = !explicitDelims ? compressChunk(c, dst, dstCapacity, in, srcSize, true)
                                     : forEachGivenBlock(c, feed, srcSize, [&](size_t pos, size_t len, bool last) {
                                           const size_t w = compressChunk(c, op, size_t(oend - op), in + pos, len, last);
                                           if (!isError(w)) op += w;
                                           return w;
                                       });
    c->feed = nullptr;
    return r;
}

size_t compressSequencesAndLiterals(CCtx* c, void* dst, size_t dstCapacity, const ExtSequence* seqs, size_t n,
                                    const void* literals, size_t litSize, size_t litCapacity,
                                    size_t decompressedSize) {
    if (!c || (n && !seqs) || (litSize && !literals)) return ZEST_ERR(GENERIC);
    if (c->requested.blockDelimiters == 0) return ZEST_ERR(frameParameter_unsupported);
    if (c->requested.fParams.checksumFlag) return ZEST_ERR(frameParameter_unsupported);
    if (litCapacity < litSize + 8) return ZEST_ERR(workSpace_tooSmall);
    ZEST_TRY(checkSequenceTotals(seqs, n, decompressedSize, true));
    u64 lits = 0;
    for (size_t i = 0; i < n; ++i) lits += seqs[i].litLength;
    if (lits != litSize) return ZEST_ERR(externalSequences_invalid);
    cctxReset(c, ResetDirective::session_only);
    ZEST_TRY(beginFrame(c, decompressedSize, false, false));
    u8* op = static_cast<u8*>(dst);
    u8* const oend = op + dstCapacity;
    const size_t h = writeFrameHeader(op, dstCapacity, c->fparams.fp, c->fparams.cp.windowLog, decompressedSize,
                                      c->dictID, c->fparams.format);
    ZEST_TRY(h);
    op += h;
    c->headerWritten = true;
    SequenceFeed feed;
    feed.seqs = seqs;
    feed.count = n;
    feed.explicitDelimiters = true;
    feed.resolveRepcodes = c->fparams.resolveRepcodes;
    feed.literals = static_cast<const u8*>(literals);
    feed.literalsEnd = feed.literals + litSize;
    const size_t body = forEachGivenBlock(c, feed, decompressedSize, [&](size_t, size_t len, bool last) {
        c->seqs.reset();
        ZEST_TRY(feedBlock(c, feed, nullptr, len));
        const size_t w = writeGivenBlock(c, op, size_t(oend - op), len, last);
        if (!isError(w)) op += w;
        return w;
    });
    ZEST_TRY(body);
    c->consumed = decompressedSize;
    c->produced += size_t(op - static_cast<u8*>(dst));
    c->stage = CCtx::Stage::ended;
    return size_t(op - static_cast<u8*>(dst));
}

void registerSequenceProducer(CCtx* c, const SequenceProducer& f) {
    if (c) registerSequenceProducer(&c->requested, f);
}

void registerSequenceProducer(CCtxParams* p, const SequenceProducer& f) {
    if (!p) return;
    p->producer = f ? f : SequenceProducer{};
}

}  // namespace zest
