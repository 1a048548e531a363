// Getting a context ready for a frame: the workspace carved for the frame's
// parameters (tables kept when they can be), the dictionary attached, copied
// or indexed, and the frame's state reset.
#include <cstring>

#include "compress/cctx_impl.h"
#include "compress/pre_split.h"
#include "compress/mt_compress.h"
#include "compress/optimal.h"

namespace zest {

namespace {

// Indices may keep growing from frame to frame up to here; then tables are cleared.
constexpr u32 kContinueIndexLimit = 1u << 30;

// Carve the workspace for these parameters and get the match tables ready:
// cleared, or (same sizes as the last frame) left as they are with the
// window's indices continuing past everything they hold.
size_t prepareWorkspace(CCtx* c, const FrameParams& f, bool bufferedIn, bool bufferedOut) {
    const WorkspaceLayout l = workspaceLayout(f.cp, f.finder, f.blockSize, bufferedIn, bufferedOut,
                                              f.splitBlocks || f.targetCBlockSize, f.ldm);
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
            // Rows and buckets are laid out on cache lines: the block starts on one.
            if (c->workspaceAlloc) memFree(c->mem, c->workspaceAlloc);
            c->workspaceAlloc = nullptr;
            c->workspace = nullptr;
            c->cleanTables = TableLayout{};
            c->workspaceAlloc = memAlloc(c->mem, need + kCacheLine);
            if (!c->workspaceAlloc) {
                c->workspaceSize = 0;
                return ZEST_ERR(memory_allocation);
            }
            c->workspace = alignUp(static_cast<u8*>(c->workspaceAlloc), kCacheLine);
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
    c->ms.opt = l.optBytes ? reinterpret_cast<OptState*>(carve(l.optBytes)) : nullptr;
    c->trialBuff = l.splitBytes ? carve(l.splitBytes) : nullptr;
    c->trialBuffSize = l.splitBytes;
    c->ldm.p = f.ldm;
    if (f.ldm.enabled) {
        c->ldm.table = reinterpret_cast<LdmEntry*>(carve(l.ldmTableBytes));
        c->ldm.cursors = carve(l.ldmCursorBytes);
        c->ldm.matches = reinterpret_cast<LdmMatch*>(carve(l.ldmMatchBytes));
        c->ldm.matchCapacity = l.ldmMatchBytes / sizeof(LdmMatch);
        c->ldm.clear();  // its indices are the frame's
    }
    if (c->ms.opt) {
        c->ms.opt->haveStats = false;  // statistics are gathered per frame
        c->ms.opt->longs = LongCandidates{};
    }
    if (keepTables) {
        c->ms.window.clear(nextIndex);
        // Old entries are out of the window, but a row's tags would still
        // match and cost a candidate each: forget them (a third of the rows' bytes).
        if (c->ms.tagTable) std::memset(c->ms.tagTable, 0, l.tables.tagBytes);
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

// The finder of a frame. With a prepared dictionary and the row choice left
// automatic, greedy..lazy2 take the dictionary's (rows or chain), whose
// tables can then be searched in place or copied.
Finder frameFinder(const CParams& matchCp, ParamSwitch row, const CDict* cd) {
    const Finder f = finderFor(matchCp, row);
    const bool lazyFamily = f == Finder::rowHash || f == Finder::hashChain;
    if (cd && row == ParamSwitch::automatic && lazyFamily &&
        (cd->ms.finder == Finder::rowHash || cd->ms.finder == Finder::hashChain))
        return cd->ms.finder;
    return f;
}

bool shouldAttach(const CCtxParams& p, const CDict& cd, const CParams& cp, u64 pledged) {
    const AttachPref pref = AttachPref(p.attachDictPref);
    if (!cd.dict.contentSize || p.forceWindow) return false;
    if (pref == AttachPref::forceLoad) return false;
    const CParams& m = cp;
    if (!attachable(cd.ms, m, frameFinder(m, ParamSwitch(p.useRowMatchFinder), &cd))) return false;
    // A dedicated search structure is made to be searched in place (it cannot
    // be copied); a source large enough for the level's own parameters indexes
    // the content instead, as it would with any CDict.
    if (cd.ms.dedicatedSearch) return pref == AttachPref::forceAttach || takesCDictParams(cd, pledged);
    if (pref == AttachPref::forceCopy) return false;
    return pref == AttachPref::forceAttach || pledged == kContentSizeUnknown || pledged <= kAttachDictSizeCutoff;
}

// Start the window with the dictionary's content: attached (searched in the
// CDict's tables), with the CDict's tables copied, or indexed here.
void loadDictContent(CCtx* c, const DictContent& d, const CDict* cd, bool attach, bool forceLoad,
                     bool unsortedTree) {
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
        const bool copyTables = !forceLoad && cd && !cd->ms.dedicatedSearch && cd->ms.finder == ms.finder &&
                                cd->ms.layout == ms.layout && cd->ms.cp.minMatch == ms.cp.minMatch &&
                                (ms.finder != Finder::binaryTree || treeHashLength(cd->ms.cp) == treeHashLength(ms.cp));
        // Copied tables index the content from kWindowStartIndex on.
        if (copyTables) ms.window.clear();
        ms.window.update(d.content, d.contentSize);
        ms.nextToUpdate = ms.window.dictLimit;
        if (copyTables) {
            ms.copyTablesFrom(cd->ms);
            ms.nextToUpdate = cd->ms.nextToUpdate;
        } else if (unsortedTree && ms.finder == Finder::binaryTree) {
            // The older part pushed unsorted, the end (what the first blocks
            // search most) sorted.
            const size_t sorted = d.contentSize / 8;
            indexUnsortedBinaryTree(ms, d.content + d.contentSize - sorted);
            fillTables(ms, d.content + d.contentSize);
        } else {
            fillTables(ms, d.content + d.contentSize);
        }
        ms.loadedDictEnd = ms.window.indexOf(d.content + d.contentSize);
    }
    // Long-distance matching reaches the content too.
    if (d.contentSize && c->fparams.ldm.enabled) indexLongMatchPoints(c->ldm, ms.window, d.content, d.contentSize);
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

size_t planFrame(const CCtxParams& p, u64 pledged, const DictSource& ds, FramePlan& plan) {
    // Parse a plain dictionary first: its content size picks the parameters.
    plan.cdict = ds.cdict;
    plan.hasParsed = false;
    if (!ds.cdict && ds.dict && ds.dictSize) {
        ZEST_TRY(parseDictionary(plan.parsed, ds.dict, ds.dictSize, ds.type));
        plan.hasParsed = true;
    }
    const DictContent* d = plan.dict();
    const size_t dictSize = d ? d->contentSize : 0;

    FrameParams& f = plan.f;
    // With a CDict its parameters stand in for the level's; explicitly set ones still apply.
    f.cp = ds.cdict ? overrideCParams(cParamsForCDict(*ds.cdict, pledged), p.cParams)
                    : cParamsFor(p, pledged, dictSize, CParamMode::noAttachDict);
    plan.attach = ds.cdict && shouldAttach(p, *ds.cdict, f.cp, pledged);
    plan.forceLoad = AttachPref(p.attachDictPref) == AttachPref::forceLoad;
    if (plan.attach) {
        // Own tables sized for the source alone; the dictionary keeps its own.
        const unsigned windowLog = f.cp.windowLog;
        f.cp = adjustCParamsInternal(overrideCParams(ds.cdict->cp, p.cParams), pledged, dictSize,
                                     CParamMode::attachDict, ParamSwitch(p.useRowMatchFinder));
        f.cp.windowLog = windowLog;
    }
    // A dedicated-search CDict is never copied: its finder only matters when it is attached.
    const bool adoptFinder = ds.cdict && (plan.attach || !ds.cdict->ms.dedicatedSearch);
    f.finder = frameFinder(f.cp, ParamSwitch(p.useRowMatchFinder), adoptFinder ? ds.cdict : nullptr);
    f.fp = p.fParams;
    f.format = p.format;
    f.blockSize = size_t(1) << f.cp.windowLog;
    if (f.blockSize > kBlockSizeMax) f.blockSize = kBlockSizeMax;
    if (p.maxBlockSize && size_t(p.maxBlockSize) < f.blockSize) f.blockSize = size_t(p.maxBlockSize);
    const ParamSwitch litMode = ParamSwitch(p.literalCompressionMode);
    f.compressLiterals = litMode == ParamSwitch::enable ||
                         (litMode == ParamSwitch::automatic &&
                          !(f.cp.strategy == Strategy::fast && f.cp.targetLength > 0));

    f.level = p.compressionLevel;
    f.producer = p.producer;
    f.producerFallback = p.enableSeqProducerFallback != 0;
    const ParamSwitch repcodes = ParamSwitch(p.repcodeResolution);
    f.resolveRepcodes = repcodes == ParamSwitch::enable || (repcodes == ParamSwitch::automatic && f.level >= 10);
    f.splitBlocks = splitsBlocks(f.cp, ParamSwitch(p.splitAfterSequences));
    f.targetCBlockSize = size_t(p.targetCBlockSize);
    f.preSplit = preSplitEffort(p.blockSplitterLevel, f.cp.strategy);
    f.ldm = ldmParamsFor(p, f.cp);
    // As in the reference: no producer with worker threads or long-distance matching.
    if (f.producer && (p.nbWorkers > 0 || p.enableLdm == int(ParamSwitch::enable)))
        return ZEST_ERR(parameter_combination_unsupported);
    return 0;
}

size_t startFrame(CCtx* c, const FramePlan& plan, u64 pledged, bool bufferedIn, bool bufferedOut) {
    // Until this succeeds there is no frame to continue (a failed begin must
    // not leave an earlier frame's state, or freed tables, usable).
    c->stage = CCtx::Stage::init;
    c->begunBufferless = false;
    if (c->mtFrame) {
        // A frame on workers was still streaming: it is given up (its jobs
        // stop first), and the next streaming call starts a new one.
        mtAbort(c);
        c->streamStage = CCtx::StreamStage::init;
        c->mtFrame = false;
    }
    FrameParams& f = c->fparams;
    f = plan.f;
    if (f.producer) {
        const size_t need = sequenceBound(f.blockSize);
        if (c->producerCapacity < need) {
            if (c->producerSeqs) cctxFree(c, c->producerSeqs);
            c->producerCapacity = 0;
            c->producerSeqs = static_cast<ExtSequence*>(cctxAlloc(c, need * sizeof(ExtSequence)));
            if (!c->producerSeqs) return ZEST_ERR(memory_allocation);
            c->producerCapacity = need;
        }
    }

    ZEST_TRY(prepareWorkspace(c, f, bufferedIn, bufferedOut));
    c->bufferedIn = bufferedIn;
    c->bufferedOut = bufferedOut;

    MatchState& ms = c->ms;
    ms.cp = f.cp;
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
    if (const DictContent* d = plan.dict()) {
        loadDictContent(c, *d, plan.cdict, plan.attach, plan.forceLoad, plan.lazyPrefix);
        if (!f.fp.noDictIDFlag) c->dictID = d->dictID;
    }
    c->framePledged = pledged;
    c->consumed = 0;
    c->produced = 0;
    c->headerWritten = false;
    c->firstBlock = true;
    c->stage = CCtx::Stage::ongoing;
    c->begunBufferless = false;
    XXH64_reset(&c->xxh, 0);
    return 0;
}

size_t beginFrameWith(CCtx* c, const CCtxParams& p, u64 pledged, bool bufferedIn, bool bufferedOut,
                      const DictSource& ds) {
    c->stage = CCtx::Stage::init;
    c->begunBufferless = false;
    FramePlan plan;
    ZEST_TRY(planFrame(p, pledged, ds, plan));
    return startFrame(c, plan, pledged, bufferedIn, bufferedOut);
}

size_t frameDictSource(CCtx* c, DictSource& ds) {
    ds = DictSource{};
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
                                                ParamSwitch(c->requested.useRowMatchFinder), c->mem, nullptr, 0,
                                                c->requested.enableDedicatedDictSearch != 0);
            if (!c->localCDict) {
                // Either memory or a malformed dictionary: tell which.
                DictContent probe;
                ZEST_TRY(parseDictionary(probe, c->localDict, c->localDictSize, c->localDictType));
                return ZEST_ERR(memory_allocation);
            }
        }
        ds.cdict = c->localCDict;
    }
    return 0;
}

size_t beginFrame(CCtx* c, u64 pledgedSrcSize, bool bufferedIn, bool bufferedOut) {
    DictSource ds;
    ZEST_TRY(frameDictSource(c, ds));
    ZEST_TRY(beginFrameWith(c, c->requested, pledgedSrcSize, bufferedIn, bufferedOut, ds));
    // A prefix serves one frame.
    c->prefix = nullptr;
    c->prefixSize = 0;
    return 0;
}

}  // namespace zest
