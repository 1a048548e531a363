// Frames block by block: index rebasing, match finding and entropy coding
// of each block (raw, RLE or compressed, whichever is smallest), the frame
// header, and the checksum at the end.
#include <cstring>
#ifdef ZEST_VERIFY_SEQS
#include <cstdio>
#include <cstdlib>
#endif

#include "compress/cctx_impl.h"
#include "compress/external_sequences.h"
#include "compress/optimal.h"
#include "compress/pre_split.h"

namespace zest {

namespace {

// Rebase every index so the newest window fits far below the 32-bit limit.
// Everything a block starting at index blockStart can reach is kept.
void correctIndices(CCtx* c, u32 blockStart) {
    MatchState& ms = c->ms;
    const u32 maxDist = u32(1) << ms.cp.windowLog;
    const u32 keep = maxDist + kWindowStartIndex;
    if (blockStart <= keep) return;
    // Chains and trees place an index at slot (index mod their size): a
    // multiple of that size keeps every entry in its slot.
    const u32 cycle = ms.layout.chainEntries > 64 ? u32(ms.layout.chainEntries) : 64;
    const u32 correction = (blockStart - keep) / cycle * cycle;
    if (correction == 0) return;
    ms.rebaseTables(correction);
    if (c->fparams.ldm.enabled) c->ldm.rebase(correction);
    ms.window.rebase(correction);
    ms.nextToUpdate = Window::rebased(ms.nextToUpdate, correction);
    ms.loadedDictEnd = 0;
    ms.dictMs = nullptr;  // far out of reach by now
}

#ifdef ZEST_VERIFY_SEQS
// Debug builds (-DZEST_VERIFY_SEQS): check that every match a finder reports
// really repeats earlier data within reach (either segment of the window),
// with the decoder's repeat-offset rules.
// farAllowed: a job on a worker, whose given long matches may reach before
// its data (as far as the window): those bytes are not checked here.
void verifySequences(const MatchState& ms, const SeqStore& seqs, const u32 rep[3], const u8* src, size_t srcSize,
                     bool farAllowed) {
    const Window& w = ms.window;
    const bool dictWhole = dictInReach(ms, w.indexOf(src + srcSize));
    u32 r[3] = {rep[0], rep[1], rep[2]};
    u32 at = w.indexOf(src);
    for (const SeqDef* s = seqs.seqStart; s < seqs.seq; ++s) {
        at += s->litLength;
        updateRepHistory(r, s->offBase, s->litLength == 0);
        for (u32 k = 0; k < s->matchLength; ++k) {
            const u32 from = at + k - r[0];
            // Within the window of this position (the whole dictionary while it is in reach).
            const u32 lowest = dictWhole ? w.lowLimit : lowestMatchIndex(ms, at + k);
            const bool beyond = r[0] > at + k || from < lowest;
            if (beyond && farAllowed && r[0] != 0 && r[0] <= u32(1) << ms.cp.windowLog) continue;
            const bool ok = r[0] != 0 && r[0] <= at + k && from >= lowest &&
                            w.base[at + k] == (from < w.dictLimit ? w.dictBase : w.base)[from];
            if (!ok) {
                std::fprintf(stderr, "bad sequence #%zu at %zu: ll %u ml %u offBase %u offset %u\n",
                             size_t(s - seqs.seqStart), size_t(at - w.indexOf(src)), s->litLength, s->matchLength,
                             s->offBase, r[0]);
                std::abort();
            }
        }
        at += s->matchLength;
    }
}
#endif

// The frame's match finder over src[0..srcSize), from repeat offsets rep.
// Appends sequences; returns the trailing literal count.
size_t runFinder(CCtx* c, const u8* src, size_t srcSize, const u32 rep[3]) {
    MatchState& ms = c->ms;
    const u32 reachFrom = measuresPerPosition(ms.finder) ? ms.window.indexOf(src) : ms.window.indexOf(src + srcSize);
    const DictMode mode = !extDictInReach(ms, reachFrom) ? DictMode::noDict
                          : ms.attached()                ? DictMode::attached
                                                         : DictMode::extDict;
    return selectBlockCompressor(ms.finder, ms.cp.strategy, mode)(ms, c->seqs, rep, src, srcSize);
}

// Long-distance matching: the block's long matches (found here, or given by
// the coordinator of a multithreaded frame). The optimal parsers take them
// as candidates; the other finders run on the stretches between them (each
// from the repeat offsets the decoder will have there).
size_t findWithLongMatches(CCtx* c, const u8* src, size_t srcSize, size_t block) {
    MatchState& ms = c->ms;
    const Window& w = ms.window;
    size_t n = 0;
    const LdmMatch* const matches = c->givenLong ? c->givenLong->block(block, n) : c->ldm.matches;
    if (!c->givenLong) n = findLongMatches(c->ldm, w, w.lowLimit, u32(1) << ms.cp.windowLog, src, srcSize);
    if (ms.opt) {
        // The optimal parser weighs them against its own matches, in one parse of the block.
        LongCandidates& longs = ms.opt->longs;
        longs.list = matches;
        longs.count = n;
        longs.blockStart = src;
        const u8* const base = w.base;
        const size_t r = runFinder(c, src, srcSize, c->rep);
        longs = LongCandidates{};
        // btultra2's first pass moved the window's base back (optimal.cpp):
        // the table's indices follow.
        if (w.base != base && c->fparams.ldm.enabled) c->ldm.shift(u32(base - w.base));
        return r;
    }
    const u8* const iend = src + srcSize;
    u32 rep[3] = {c->rep[0], c->rep[1], c->rep[2]};
    const u8* ip = src;
    auto finder = [&](const u8* p, size_t size) {
        // After a long match only its last positions are indexed: indexing
        // all of it would cost what the match saved.
        const u32 at = w.indexOf(p);
        if (at > ms.nextToUpdate + 1024) ms.nextToUpdate = at - 512;
        // fast and dfast index only what they search: the long match's last
        // positions go into their tables here (the others index up to p
        // themselves). Not at the block's start: no long match ends there.
        if ((ms.finder == Finder::fast || ms.finder == Finder::dfast) && p != src) {
            if (ms.nextToUpdate < w.dictLimit) ms.nextToUpdate = w.dictLimit;  // the current segment only
            fillTables(ms, p);
        }
        return runFinder(c, p, size, rep);
    };
    for (size_t i = 0; i < n; ++i) {
        const LdmMatch& m = matches[i];
        // Stretches too short for the finders stay literals.
        SeqDef* const first = c->seqs.seq;
        size_t lits = m.litLength;
        if (m.litLength >= 16) lits = finder(ip, m.litLength);
        for (const SeqDef* s = first; s < c->seqs.seq; ++s) updateRepHistory(rep, s->offBase, s->litLength == 0);
        const u8* const matchStart = ip + m.litLength;
        const u32 offBase = offBaseForOffset(rep, m.offset, lits == 0);
        c->seqs.add(lits, matchStart - lits, iend, offBase, m.matchLength);
        updateRepHistory(rep, offBase, lits == 0);
        ip = matchStart + m.matchLength;
    }
    const size_t rest = size_t(iend - ip);
    return rest >= 16 ? finder(ip, rest) : rest;
}

size_t writeBlockHeader(u8* dst, unsigned type, size_t size, bool last) {
    writeLE24(dst, u32(last) | (type << 1) | u32(size << 3));
    return kBlockHeaderSize;
}

}  // namespace

size_t compressBlockBody(CCtx* c, u8* dst, size_t dstCapacity, const u8* src, size_t srcSize) {
    MatchState& ms = c->ms;
    if (ms.window.indexOf(src + srcSize) > c->indexLimit) correctIndices(c, ms.window.indexOf(src));
    const u32 blockEnd = ms.window.indexOf(src + srcSize);
    // Once the frame's data after a dictionary outgrows the window, the
    // dictionary is gone for good (the older segment is then the previous
    // window, which an attached dictionary's tables know nothing of).
    if (ms.loadedDictEnd && !dictInReach(ms, blockEnd)) {
        ms.loadedDictEnd = 0;
        ms.dictMs = nullptr;
    }
    c->seqs.reset();
    // Given long matches are per block, tiny ones included.
    const size_t block = c->givenLong ? c->givenBlock++ : 0;
    size_t lastLits = kSequenceProducerError;
    if (c->feed) {
        // Given sequences (compressSequences): consumed even by blocks sent raw.
        lastLits = feedBlock(c, *c->feed, src, srcSize);
        ZEST_TRY(lastLits);
    }
    if (srcSize < 8) {
        if (c->capture) captureBlock(c, *c->capture, srcSize);
        return 0;
    }
    if (!c->feed && c->fparams.producer) {
        lastLits = produceBlock(c, src, srcSize);
        if (isError(lastLits) && !c->fparams.producerFallback) return lastLits;
        if (isError(lastLits)) lastLits = kSequenceProducerError;
    }
    const bool ownSequences = lastLits == kSequenceProducerError;  // not given by the caller
    if (ownSequences) {
        c->seqs.reset();
        if (ms.opt) ms.opt->tables = c->prevEntropy;
        lastLits = c->fparams.ldm.enabled || c->givenLong ? findWithLongMatches(c, src, srcSize, block)
                                                          : runFinder(c, src, srcSize, c->rep);
    }
    c->seqs.addLastLiterals(src + srcSize - lastLits, lastLits);
    if (c->capture) captureBlock(c, *c->capture, srcSize);
#ifdef ZEST_VERIFY_SEQS
    // Given sequences are the caller's responsibility (without validation
    // they may not match); the finders' must.
    if (ownSequences) verifySequences(ms, c->seqs, c->rep, src, srcSize, c->givenLong != nullptr);
#endif
    const BlockEncodeOptions opt = blockEncodeOptions(c);
    return encodeBlockBody(dst, dstCapacity, c->seqs, c->codes, srcSize, *c->prevEntropy, *c->nextEntropy,
                           c->predefined, opt, c->bws);
}

void commitCompressedBlock(CCtx* c, const SeqStore& seqs) {
    for (const SeqDef* s = seqs.seqStart; s < seqs.seq; ++s) updateRepHistory(c->rep, s->offBase, s->litLength == 0);
    c->prevEntropy = c->nextEntropy;
    c->nextEntropy = c->nextEntropy == &c->entropy[0] ? &c->entropy[1] : &c->entropy[0];
}

size_t finishBlock(CCtx* c, u8* dst, size_t dstCapacity, const u8* src, size_t srcSize, size_t cSize,
                   const SeqStore& seqs, bool last) {
    const bool firstBlock = c->firstBlock;
    c->firstBlock = false;
    // A run of one byte is cheaper as RLE (not in a frame's first block: some
    // old decoders mishandle that).
    const bool rle = !firstBlock && srcSize > 0 && (cSize == 0 || cSize < 25) && isSingleByteRun(src, srcSize);
    if (cSize != 0 && !rle) {
        commitCompressedBlock(c, seqs);
        return writeBlockHeader(dst, 2, cSize, last) + cSize;
    }
    if (rle) {
        if (dstCapacity < kBlockHeaderSize + 1) return ZEST_ERR(dstSize_tooSmall);
        dst[kBlockHeaderSize] = src[0];
        return writeBlockHeader(dst, 1, srcSize, last) + 1;
    }
    if (dstCapacity < kBlockHeaderSize + srcSize) return ZEST_ERR(dstSize_tooSmall);
    if (srcSize) std::memcpy(dst + kBlockHeaderSize, src, srcSize);
    return writeBlockHeader(dst, 0, srcSize, last) + srcSize;
}

namespace {

size_t compressBlock(CCtx* c, u8* dst, size_t dstCapacity, const u8* src, size_t srcSize, bool last) {
    if (dstCapacity < kBlockHeaderSize) return ZEST_ERR(dstSize_tooSmall);
    const size_t cSize = compressBlockBody(c, dst + kBlockHeaderSize, dstCapacity - kBlockHeaderSize, src, srcSize);
    ZEST_TRY(cSize);
    if (srcSize >= 8) {
        if (c->fparams.targetCBlockSize) return splitToTarget(c, dst, dstCapacity, src, srcSize, cSize, last);
        if (c->fparams.splitBlocks) return splitBlock(c, dst, dstCapacity, src, srcSize, cSize, last);
    }
    return finishBlock(c, dst, dstCapacity, src, srcSize, cSize, c->seqs, last);
}

}  // namespace

size_t writeGivenBlock(CCtx* c, u8* dst, size_t dstCapacity, size_t blockSize, bool last) {
    if (dstCapacity < kBlockHeaderSize) return ZEST_ERR(dstSize_tooSmall);
    const BlockEncodeOptions opt = blockEncodeOptions(c);
    const size_t cSize = encodeBlockBody(dst + kBlockHeaderSize, dstCapacity - kBlockHeaderSize, c->seqs, c->codes,
                                         blockSize, *c->prevEntropy, *c->nextEntropy, c->predefined, opt, c->bws);
    ZEST_TRY(cSize);
    c->firstBlock = false;
    if (cSize == 0) {
        if (blockSize != 0) return ZEST_ERR(cannotProduce_uncompressedBlock);
        return writeBlockHeader(dst, 0, 0, last);
    }
    commitCompressedBlock(c, c->seqs);
    return writeBlockHeader(dst, 2, cSize, last) + cSize;
}

size_t writeFrameHeader(void* dst, size_t dstCapacity, const FParams& fp, unsigned windowLog, u64 pledgedSrcSize,
                        u32 dictID, Format format) {
    const bool sizeKnown = pledgedSrcSize != kContentSizeUnknown;
    const bool writeSize = fp.contentSizeFlag && sizeKnown;
    const u64 windowSize = u64(1) << windowLog;
    const bool singleSegment = writeSize && windowSize >= pledgedSrcSize;
    const unsigned dictIDCode = (fp.noDictIDFlag || dictID == 0) ? 0 : dictID < 256 ? 1 : dictID < 65536 ? 2 : 3;
    unsigned fcsCode = 0;
    if (writeSize)
        fcsCode = (pledgedSrcSize >= 256) + (pledgedSrcSize >= 65536 + 256) + (pledgedSrcSize >= 0xFFFFFFFFull);
    const size_t need = (format == Format::zstd1 ? 4 : 0) + 1 + !singleSegment +
                        (dictIDCode ? (size_t(1) << (dictIDCode - 1)) : 0) +
                        (writeSize ? (fcsCode == 0 ? size_t(singleSegment) : (size_t(1) << fcsCode)) : 0);
    if (dstCapacity < need) return ZEST_ERR(dstSize_tooSmall);
    u8* op = static_cast<u8*>(dst);
    if (format == Format::zstd1) {
        writeLE32(op, kMagic);
        op += 4;
    }
    *op++ = u8(dictIDCode | (unsigned(fp.checksumFlag != 0) << 2) | (unsigned(singleSegment) << 5) | (fcsCode << 6));
    if (!singleSegment) *op++ = u8((windowLog - kWindowLogMin) << 3);
    switch (dictIDCode) {
    case 1: *op++ = u8(dictID); break;
    case 2: writeLE16(op, u16(dictID)); op += 2; break;
    case 3: writeLE32(op, dictID); op += 4; break;
    default: break;
    }
    if (writeSize) {
        switch (fcsCode) {
        case 0:
            if (singleSegment) *op++ = u8(pledgedSrcSize);
            break;
        case 1: writeLE16(op, u16(pledgedSrcSize - 256)); op += 2; break;
        case 2: writeLE32(op, u32(pledgedSrcSize)); op += 4; break;
        default: writeLE64(op, pledgedSrcSize); op += 8; break;
        }
    }
    return size_t(op - static_cast<u8*>(dst));
}

size_t chunkBound(const CCtx* c, size_t srcSize, bool last) {
    const size_t blocks = srcSize / c->fparams.blockSize + 1;
    return (c->headerWritten ? 0 : kFrameHeaderSizeMax) + srcSize + blocks * kBlockHeaderSize + (last ? 4 : 0);
}

size_t compressChunk(CCtx* c, void* dst, size_t dstCapacity, const void* src, size_t srcSize, bool last) {
    if (c->stage != CCtx::Stage::ongoing) return ZEST_ERR(stage_wrong);
    u8* op = static_cast<u8*>(dst);
    u8* const oend = op + dstCapacity;
    if (!c->headerWritten) {
        const size_t h = writeFrameHeader(op, dstCapacity, c->fparams.fp, c->fparams.cp.windowLog, c->framePledged,
                                          c->dictID, c->fparams.format);
        ZEST_TRY(h);
        op += h;
        c->headerWritten = true;
    }
    c->consumed += srcSize;
    if (c->framePledged != kContentSizeUnknown && c->consumed > c->framePledged) return ZEST_ERR(srcSize_wrong);
    if (last && c->framePledged != kContentSizeUnknown && c->consumed != c->framePledged)
        return ZEST_ERR(srcSize_wrong);
    const u8* ip = static_cast<const u8*>(src);
    if (srcSize) {
        c->ms.window.update(ip, srcSize);
        if (c->fparams.fp.checksumFlag) XXH64_update(&c->xxh, ip, srcSize);
    }
    const size_t blockSize = c->fparams.blockSize;
    const u64 producedBefore = c->produced, consumedBefore = c->consumed - srcSize;
    size_t remaining = srcSize;
    do {
        size_t n = remaining < blockSize ? remaining : blockSize;
        // A full block may end early where its statistics change, once the
        // frame has shown it compresses (never its first block). Not with
        // long matches given per block of fixed size.
        const u64 in = consumedBefore + u64(ip - static_cast<const u8*>(src));
        const u64 out = producedBefore + u64(op - static_cast<u8*>(dst));
        if (n == kBlockSizeMax && c->fparams.preSplit >= 0 && !c->givenLong && (c->continuesFrame || in >= out + 3))
            n = preSplitBlock(ip, n, c->fparams.preSplit);
        const bool lastBlock = last && n == remaining;
        if (n == 0 && !lastBlock) break;
        const size_t w = compressBlock(c, op, size_t(oend - op), ip, n, lastBlock);
        ZEST_TRY(w);
        op += w;
        ip += n;
        remaining -= n;
    } while (remaining);
    if (last) {
        if (c->fparams.fp.checksumFlag) {
            if (oend - op < 4) return ZEST_ERR(dstSize_tooSmall);
            writeLE32(op, u32(XXH64_digest(&c->xxh)));
            op += 4;
        }
        c->stage = CCtx::Stage::ended;
    }
    c->produced += size_t(op - static_cast<u8*>(dst));
    return size_t(op - static_cast<u8*>(dst));
}

}  // namespace zest
