// Frames and blocks: parameter resolution and context preparation at the
// start of a frame, the frame header, block-by-block compression (raw, RLE
// or compressed, whichever is smallest), the checksum, and the one-shot entry
// points built on them.
#include <cstring>
#ifdef ZEST_VERIFY_SEQS
#include <cstdio>
#include <cstdlib>
#endif

#include "compress/cctx_impl.h"

namespace zest {
namespace {


CParams overrideCParams(CParams cp, const CParams& o) {
    if (o.windowLog) cp.windowLog = o.windowLog;
    if (o.hashLog) cp.hashLog = o.hashLog;
    if (o.chainLog) cp.chainLog = o.chainLog;
    if (o.searchLog) cp.searchLog = o.searchLog;
    if (o.minMatch) cp.minMatch = o.minMatch;
    if (o.targetLength) cp.targetLength = o.targetLength;
    if (int(o.strategy)) cp.strategy = o.strategy;
    return cp;
}

// The level's parameters for this source and dictionary, with the explicitly
// set ones on top, fitted to the source.
CParams cParamsFor(const CCtxParams& p, u64 srcSize, size_t dictSize, CParamMode mode) {
    u64 hint = srcSize;
    if (hint == kContentSizeUnknown && p.srcSizeHint > 0) hint = u64(p.srcSizeHint);
    CParams cp = getCParamsInternal(p.compressionLevel, hint, dictSize, mode);
    if (p.enableLdm == int(ParamSwitch::enable)) cp.windowLog = kLdmDefaultWindowLog;
    cp = overrideCParams(cp, p.cParams);
    return adjustCParamsInternal(cp, hint, dictSize, mode, ParamSwitch(p.useRowMatchFinder));
}

// With a prepared dictionary its own parameters win for small or unknown
// sources (its tables can then be copied as they are); the window grows to
// cover the source.
CParams cParamsForCDict(const CDict& cd, u64 srcSize) {
    const bool useDictParams = srcSize < 128 * 1024 || srcSize < u64(cd.dict.contentSize) * 6 ||
                               srcSize == kContentSizeUnknown || cd.level == 0;
    CParams cp =
        useDictParams ? cd.cp : getCParamsInternal(cd.level, srcSize, cd.dict.contentSize, CParamMode::unknown);
    if (srcSize != kContentSizeUnknown) {
        const u32 limited = srcSize < (1u << 19) ? u32(srcSize) : (1u << 19);
        const unsigned srcLog = limited > 1 ? highBit32(limited - 1) + 1 : 1;
        if (cp.windowLog < srcLog) cp.windowLog = srcLog;
    }
    return cp;
}

}  // namespace

CParams resolvedCParams(const CCtxParams& p) {
    return cParamsFor(p, kContentSizeUnknown, 0, CParamMode::noAttachDict);
}

namespace {

// Indices may keep growing from frame to frame up to here; then tables are cleared.
constexpr u32 kContinueIndexLimit = 1u << 30;

// Carve the workspace for these parameters and get the match tables ready:
// cleared, or (same sizes as the last frame) left as they are with the
// window's indices continuing past everything they hold.
size_t prepareWorkspace(CCtx* c, const FrameParams& f, bool bufferedIn, bool bufferedOut) {
    const WorkspaceLayout l = workspaceLayout(f.matchCp, f.finder, f.blockSize, bufferedIn, bufferedOut);
    const size_t need = l.total();
    const u32 nextIndex = c->ms.window.endIndex() + 1;
    // Kept tables are only valid for the finder that filled them (the same
    // layout may serve another finder: the binary tree's and the chain's).
    const bool keepTables = c->cleanTables == l.tables && c->ms.finder == f.finder && need <= c->workspaceSize &&
                            nextIndex < kContinueIndexLimit;
    if (need > c->workspaceSize) {
        if (c->isStatic) {
            // The workspace is normally the arena's last allocation: give it back and take more.
            if (c->workspace) {
                const size_t offset = size_t(reinterpret_cast<char*>(c->workspace) - c->arena.base);
                if (offset + c->workspaceSize != c->arena.used) return ZEST_ERR(memory_allocation);
                c->arena.used = offset;
                c->workspace = nullptr;
                c->workspaceSize = 0;
                c->cleanTables = TableLayout{};
            }
            c->workspace = static_cast<u8*>(c->arena.take(need));
            if (!c->workspace) return ZEST_ERR(memory_allocation);
        } else {
            if (c->workspace) memFree(c->mem, c->workspace);
            c->workspace = static_cast<u8*>(memAlloc(c->mem, need));
            if (!c->workspace) {
                c->workspaceSize = 0;
                return ZEST_ERR(memory_allocation);
            }
        }
        c->workspaceSize = need;
    }
    u8* p = c->workspace;
    auto carve = [&](size_t n) {
        u8* r = p;
        p += (n + 63) & ~size_t(63);
        return r;
    };
    c->ms.layout = l.tables;
    c->ms.finder = f.finder;
    c->ms.carveTables(carve(l.tables.bytes()));
    c->seqs.seqStart = reinterpret_cast<SeqDef*>(carve(l.seqBytes));
    c->seqs.litStart = carve(l.litBytes);
    const size_t maxNbSeq = l.codeBytes / 3;
    u8* codes = carve(l.codeBytes);
    c->codes = SeqCodes{codes, codes + maxNbSeq, codes + 2 * maxNbSeq};
    c->inBuff = l.inBuffBytes ? carve(l.inBuffBytes) : nullptr;
    c->inBuffSize = l.inBuffBytes;
    c->outBuff = l.outBuffBytes ? carve(l.outBuffBytes) : nullptr;
    c->outBuffSize = l.outBuffBytes;
    if (keepTables) {
        c->ms.window.clear(nextIndex);
    } else {
        c->ms.clearTables();
        c->cleanTables = l.tables;
        c->ms.window.clear();
    }
    return 0;
}

// Sources up to this size search a prepared dictionary in its own tables
// (attach) rather than copying them, which would cost more than the search.
constexpr u64 kAttachDictSizeCutoff = 32 * 1024;

// Values of ZSTD_c_forceAttachDict.
enum class AttachPref : int { automatic = 0, forceAttach = 1, forceCopy = 2, forceLoad = 3 };

// Whether a dictionary's tables can be searched by this frame's finder.
bool attachable(const MatchState& d, const CParams& matchCp, Finder f) {
    // Hash-only tables are searched through their tags.
    if ((f == Finder::fast || f == Finder::dfast) && !d.tagged) return false;
    // The finder hashes with the dictionary's functions: same finder and length (and row width).
    return f == d.finder && matchCp.minMatch == d.cp.minMatch &&
           (f != Finder::rowHash || rowLogOf(matchCp.searchLog) == rowLogOf(d.cp.searchLog));
}

bool shouldAttach(const CCtxParams& p, const CDict& cd, const CParams& cp, u64 pledged) {
    const AttachPref pref = AttachPref(p.attachDictPref);
    if (!cd.dict.contentSize || p.forceWindow) return false;
    if (pref == AttachPref::forceCopy || pref == AttachPref::forceLoad) return false;
    const CParams m = matchFinderParams(cp);
    if (!attachable(cd.ms, m, finderFor(m.strategy, ParamSwitch(p.useRowMatchFinder)))) return false;
    return pref == AttachPref::forceAttach || pledged == kContentSizeUnknown || pledged <= kAttachDictSizeCutoff;
}

// Start the window with the dictionary's content: attached (searched in the
// CDict's tables), with the CDict's tables copied, or indexed here.
void loadDictContent(CCtx* c, const DictContent& d, const CDict* cd, bool attach, bool forceLoad) {
    MatchState& ms = c->ms;
    if (d.contentSize && attach) {
        const u32 start = ms.window.dictLimit;
        ms.window.update(d.content, d.contentSize);
        ms.dictMs = &cd->ms;
        ms.dictIndexDelta = start - cd->ms.window.dictLimit;
        ms.nextToUpdate = ms.window.indexOf(d.content + d.contentSize);
        ms.loadedDictEnd = ms.nextToUpdate;
    } else if (d.contentSize) {
        // The same layout under the same finder and hashed length means the same hash functions.
        const bool copyTables = !forceLoad && cd && cd->ms.finder == ms.finder && cd->ms.layout == ms.layout &&
                                cd->ms.cp.minMatch == ms.cp.minMatch;
        // Copied tables index the content from kWindowStartIndex on.
        if (copyTables) ms.window.clear();
        ms.window.update(d.content, d.contentSize);
        ms.nextToUpdate = ms.window.dictLimit;
        if (copyTables) {
            ms.copyTablesFrom(cd->ms);
            ms.nextToUpdate = cd->ms.nextToUpdate;
        } else {
            fillTables(ms, d.content + d.contentSize);
        }
        ms.loadedDictEnd = ms.window.indexOf(d.content + d.contentSize);
    }
    if (d.hasEntropy) {
        // A CDict's tables outlive the frame: used in place. A dictionary
        // parsed for this frame only is copied.
        if (cd) {
            c->prevEntropy = &d.entropy;
        } else {
            std::memcpy(&c->entropy[0], &d.entropy, sizeof d.entropy);
            c->prevEntropy = &c->entropy[0];
        }
        std::memcpy(c->rep, d.rep, sizeof c->rep);
    }
}

}  // namespace

size_t beginFrameWith(CCtx* c, const CCtxParams& p, u64 pledged, bool bufferedIn, bool bufferedOut,
                      const DictSource& ds) {
    // Parse a plain dictionary first: its content size picks the parameters.
    DictContent parsed;
    const DictContent* d = nullptr;
    if (ds.cdict) {
        d = &ds.cdict->dict;
    } else if (ds.dict && ds.dictSize) {
        ZEST_TRY(parseDictionary(parsed, ds.dict, ds.dictSize, ds.type));
        d = &parsed;
    }
    const size_t dictSize = d ? d->contentSize : 0;

    FrameParams& f = c->fparams;
    // With a CDict its parameters stand in for the level's; explicitly set ones still apply.
    f.cp = ds.cdict ? overrideCParams(cParamsForCDict(*ds.cdict, pledged), p.cParams)
                    : cParamsFor(p, pledged, dictSize, CParamMode::noAttachDict);
    const bool attach = ds.cdict && shouldAttach(p, *ds.cdict, f.cp, pledged);
    if (attach) {
        // Own tables sized for the source alone; the dictionary keeps its own.
        const unsigned windowLog = f.cp.windowLog;
        f.cp = adjustCParamsInternal(overrideCParams(ds.cdict->cp, p.cParams), pledged, dictSize,
                                     CParamMode::attachDict, ParamSwitch(p.useRowMatchFinder));
        f.cp.windowLog = windowLog;
    }
    f.matchCp = matchFinderParams(f.cp);
    f.finder = finderFor(f.matchCp.strategy, ParamSwitch(p.useRowMatchFinder));
    f.fp = p.fParams;
    f.format = p.format;
    f.blockSize = size_t(1) << f.cp.windowLog;
    if (f.blockSize > kBlockSizeMax) f.blockSize = kBlockSizeMax;
    if (p.maxBlockSize && size_t(p.maxBlockSize) < f.blockSize) f.blockSize = size_t(p.maxBlockSize);
    const ParamSwitch litMode = ParamSwitch(p.literalCompressionMode);
    f.compressLiterals = litMode == ParamSwitch::enable ||
                         (litMode == ParamSwitch::automatic &&
                          !(f.cp.strategy == Strategy::fast && f.cp.targetLength > 0));

    ZEST_TRY(prepareWorkspace(c, f, bufferedIn, bufferedOut));
    c->bufferedIn = bufferedIn;
    c->bufferedOut = bufferedOut;

    MatchState& ms = c->ms;
    ms.cp = f.matchCp;
    ms.nextToUpdate = ms.window.dictLimit;
    ms.loadedDictEnd = 0;
    ms.dictMs = nullptr;
    c->rep[0] = 1;
    c->rep[1] = 4;
    c->rep[2] = 8;
    c->entropy[0].reset();
    c->entropy[1].reset();
    c->prevEntropy = &c->entropy[0];
    c->nextEntropy = &c->entropy[1];
    c->dictID = 0;
    if (d) {
        loadDictContent(c, *d, ds.cdict, attach, AttachPref(p.attachDictPref) == AttachPref::forceLoad);
        if (!f.fp.noDictIDFlag) c->dictID = d->dictID;
    }
    c->framePledged = pledged;
    c->consumed = 0;
    c->produced = 0;
    c->headerWritten = false;
    c->firstBlock = true;
    c->stage = CCtx::Stage::ongoing;
    XXH64_reset(&c->xxh, 0);
    return 0;
}

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
    Window& w = ms.window;
    w.base += correction;
    w.dictBase += correction;
    auto rebaseLimit = [&](u32 v) { return v < correction + kWindowStartIndex ? kWindowStartIndex : v - correction; };
    w.lowLimit = rebaseLimit(w.lowLimit);
    w.dictLimit = rebaseLimit(w.dictLimit);
    ms.nextToUpdate = rebaseLimit(ms.nextToUpdate);
    ms.loadedDictEnd = 0;
    ms.dictMs = nullptr;  // far out of reach by now
}

#ifdef ZEST_VERIFY_SEQS
// Debug builds (-DZEST_VERIFY_SEQS): check that every match a finder reports
// really repeats earlier data within reach (either segment of the window),
// with the decoder's repeat-offset rules.
void verifySequences(const MatchState& ms, const SeqStore& seqs, const u32 rep[3], const u8* src, size_t srcSize) {
    const Window& w = ms.window;
    const u32 lowest = lowestMatchIndex(ms, w.indexOf(src + srcSize));
    u32 r[3] = {rep[0], rep[1], rep[2]};
    u32 at = w.indexOf(src);
    for (const SeqDef* s = seqs.seqStart; s < seqs.seq; ++s) {
        at += s->litLength;
        updateRepHistory(r, s->offBase, s->litLength == 0);
        for (u32 k = 0; k < s->matchLength; ++k) {
            const u32 from = at + k - r[0];
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

size_t writeBlockHeader(u8* dst, unsigned type, size_t size, bool last) {
    writeLE24(dst, u32(last) | (type << 1) | u32(size << 3));
    return kBlockHeaderSize;
}

}  // namespace

CCtxParams levelParams(int level) {
    CCtxParams p;
    p.compressionLevel = level == 0 ? kDefaultCLevel : level;
    return p;
}

size_t compressBlockBody(CCtx* c, u8* dst, size_t dstCapacity, const u8* src, size_t srcSize) {
    MatchState& ms = c->ms;
    if (ms.window.indexOf(src + srcSize) > c->indexLimit) correctIndices(c, ms.window.indexOf(src));
    const u32 blockEnd = ms.window.indexOf(src + srcSize);
    if (srcSize < 8) return 0;
    c->seqs.reset();
    const DictMode mode = !extDictInReach(ms, blockEnd) ? DictMode::noDict
                          : ms.attached()               ? DictMode::attached
                                                        : DictMode::extDict;
    const size_t lastLits = selectBlockCompressor(ms.finder, ms.cp.strategy, mode)(ms, c->seqs, c->rep, src, srcSize);
    c->seqs.addLastLiterals(src + srcSize - lastLits, lastLits);
#ifdef ZEST_VERIFY_SEQS
    verifySequences(ms, c->seqs, c->rep, src, srcSize);
#endif
    const BlockEncodeOptions opt{c->fparams.cp.strategy, c->fparams.compressLiterals, c->bmi2};
    return encodeBlockBody(dst, dstCapacity, c->seqs, c->codes, srcSize, *c->prevEntropy, *c->nextEntropy,
                           c->predefined, opt, c->bws);
}

void commitCompressedBlock(CCtx* c) {
    for (const SeqDef* s = c->seqs.seqStart; s < c->seqs.seq; ++s)
        updateRepHistory(c->rep, s->offBase, s->litLength == 0);
    c->prevEntropy = c->nextEntropy;
    c->nextEntropy = c->nextEntropy == &c->entropy[0] ? &c->entropy[1] : &c->entropy[0];
}

namespace {

size_t compressBlock(CCtx* c, u8* dst, size_t dstCapacity, const u8* src, size_t srcSize, bool last) {
    if (dstCapacity < kBlockHeaderSize) return ZEST_ERR(dstSize_tooSmall);
    const size_t cSize = compressBlockBody(c, dst + kBlockHeaderSize, dstCapacity - kBlockHeaderSize, src, srcSize);
    ZEST_TRY(cSize);
    const bool firstBlock = c->firstBlock;
    c->firstBlock = false;
    // A run of one byte is cheaper as RLE (not in a frame's first block: some
    // old decoders mishandle that).
    const bool rle = !firstBlock && srcSize > 0 && (cSize == 0 || cSize < 25) && isSingleByteRun(src, srcSize);
    if (cSize != 0 && !rle) {
        commitCompressedBlock(c);
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

}  // namespace

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

size_t beginFrame(CCtx* c, u64 pledgedSrcSize, bool bufferedIn, bool bufferedOut) {
    DictSource ds;
    if (c->prefix) {
        ds.dict = c->prefix;
        ds.dictSize = c->prefixSize;
        ds.type = c->prefixType;
    } else if (c->cdict) {
        ds.cdict = c->cdict;
    } else if (c->localDict && c->isStatic) {
        // A static context stays in its workspace: the dictionary is indexed
        // at each frame instead of being prepared once on the heap.
        ds.dict = c->localDict;
        ds.dictSize = c->localDictSize;
        ds.type = c->localDictType;
    } else if (c->localDict) {
        if (!c->localCDict) {
            // Prepared once, for every frame until the dictionary changes.
            const CParams cp = cParamsFor(c->requested, kContentSizeUnknown, c->localDictSize, CParamMode::createCDict);
            c->localCDict = createCDictInternal(c->localDict, c->localDictSize, DictLoadMethod::byRef,
                                                c->localDictType, cp, c->requested.compressionLevel,
                                                ParamSwitch(c->requested.useRowMatchFinder), c->mem, nullptr, 0);
            if (!c->localCDict) {
                // Either memory or a malformed dictionary: tell which.
                DictContent probe;
                ZEST_TRY(parseDictionary(probe, c->localDict, c->localDictSize, c->localDictType));
                return ZEST_ERR(memory_allocation);
            }
        }
        ds.cdict = c->localCDict;
    }
    ZEST_TRY(beginFrameWith(c, c->requested, pledgedSrcSize, bufferedIn, bufferedOut, ds));
    // A prefix serves one frame.
    c->prefix = nullptr;
    c->prefixSize = 0;
    return 0;
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
    size_t remaining = srcSize;
    do {
        const size_t n = remaining < blockSize ? remaining : blockSize;
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

// ---- One-shot entry points ---------------------------------------------------------------

namespace {

size_t oneShot(CCtx* c, const CCtxParams& p, void* dst, size_t dstCapacity, const void* src, size_t srcSize,
               const DictSource& ds) {
    ZEST_TRY(beginFrameWith(c, p, srcSize, false, false, ds));
    return compressChunk(c, dst, dstCapacity, src, srcSize, true);
}

}  // namespace

size_t compressCCtx(CCtx* c, void* dst, size_t dstCapacity, const void* src, size_t srcSize, int level) {
    return compressUsingDict(c, dst, dstCapacity, src, srcSize, nullptr, 0, level);
}

size_t compressUsingDict(CCtx* c, void* dst, size_t dstCapacity, const void* src, size_t srcSize, const void* dict,
                         size_t dictSize, int level) {
    DictSource ds;
    ds.dict = dict;
    ds.dictSize = dict ? dictSize : 0;
    return oneShot(c, levelParams(level), dst, dstCapacity, src, srcSize, ds);
}

size_t compressAdvanced(CCtx* c, void* dst, size_t dstCapacity, const void* src, size_t srcSize, const void* dict,
                        size_t dictSize, Params params) {
    ZEST_TRY(checkCParams(params.cParams));
    CCtxParams p;
    p.cParams = params.cParams;
    p.fParams = params.fParams;
    DictSource ds;
    ds.dict = dict;
    ds.dictSize = dict ? dictSize : 0;
    return oneShot(c, p, dst, dstCapacity, src, srcSize, ds);
}

size_t compressUsingCDict(CCtx* c, void* dst, size_t dstCapacity, const void* src, size_t srcSize,
                          const CDict* cdict, FParams fp) {
    if (!cdict) return ZEST_ERR(dictionary_wrong);
    CCtxParams p = levelParams(cdict->level);
    p.fParams = fp;
    DictSource ds;
    ds.cdict = cdict;
    return oneShot(c, p, dst, dstCapacity, src, srcSize, ds);
}

size_t compress2(CCtx* c, void* dst, size_t dstCapacity, const void* src, size_t srcSize) {
    cctxReset(c, ResetDirective::session_only);
    ZEST_TRY(beginFrame(c, srcSize, false, false));
    return compressChunk(c, dst, dstCapacity, src, srcSize, true);
}

size_t compress(void* dst, size_t dstCapacity, const void* src, size_t srcSize, int level) {
    CCtx* c = createCCtx(kDefaultMem);
    if (!c) return ZEST_ERR(memory_allocation);
    const size_t r = compressCCtx(c, dst, dstCapacity, src, srcSize, level);
    freeCCtx(c);
    return r;
}

size_t writeSkippableFrame(void* dst, size_t dstCapacity, const void* src, size_t srcSize, unsigned magicVariant) {
    if (magicVariant > 15) return ZEST_ERR(parameter_outOfBound);
    if (u64(srcSize) > 0xFFFFFFFFull) return ZEST_ERR(srcSize_wrong);
    if (dstCapacity < kSkippableHeaderSize + srcSize) return ZEST_ERR(dstSize_tooSmall);
    u8* op = static_cast<u8*>(dst);
    writeLE32(op, kMagicSkippableStart + magicVariant);
    writeLE32(op + 4, u32(srcSize));
    if (srcSize) std::memcpy(op + 8, src, srcSize);
    return kSkippableHeaderSize + srcSize;
}

}  // namespace zest
