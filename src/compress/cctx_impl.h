// Internals of the compression context and of prepared dictionaries, shared
// by cctx.cpp (creation, parameters, sizes), frame_params.cpp, frame_setup.cpp
// (a frame's parameters and preparation), block_compress.cpp (blocks and the
// frame around them), one_shot.cpp, cstream.cpp (streaming) and cdict.cpp.
#pragma once
#define XXH_INLINE_ALL
#define XXH_STATIC_LINKING_ONLY
#include <xxhash.h>

#include "compress/block_encode.h"
#include "compress/cctx.h"
#include "compress/dict_content.h"
#include "compress/ldm.h"
#include "compress/match_finder.h"
#include "compress/mt_ldm.h"
#include "common/thread_pool.h"
#include "format/frame_format.h"

namespace zest {

// Everything ZSTD_CCtx_setParameter can set, as set (0 = "choose for me"
// where the reference allows it).
struct CCtxParams {
    int compressionLevel = kDefaultCLevel;
    CParams cParams{};  // non-zero fields override the level's
    FParams fParams{1, 0, 0};
    Format format = Format::zstd1;
    int forceWindow = 0;
    int attachDictPref = 0;
    int literalCompressionMode = 0;
    int srcSizeHint = 0;
    int enableDedicatedDictSearch = 0;
    int inBufferMode = 0;   // 1 = stable
    int outBufferMode = 0;  // 1 = stable
    int blockDelimiters = 0;
    int validateSequences = 0;
    int splitAfterSequences = 0;
    int useRowMatchFinder = 0;
    int deterministicRefPrefix = 0;
    int prefetchCDictTables = 0;
    int enableSeqProducerFallback = 0;
    int maxBlockSize = 0;
    int repcodeResolution = 0;
    int blockSplitterLevel = 0;
    int nbWorkers = 0;
    int jobSize = 0;
    int overlapLog = 0;
    int rsyncable = 0;
    int enableLdm = 0;
    int ldmHashLog = 0;
    int ldmMinMatch = 0;
    int ldmBucketSizeLog = 0;
    int ldmHashRateLog = 0;
    int targetCBlockSize = 0;
    SequenceProducer producer;  // honoured by the advanced API only
};

// Parameters resolved for one frame.
struct FrameParams {
    CParams cp;       // as chosen (written to the frame: windowLog)
    Finder finder;
    FParams fp;
    Format format;
    size_t blockSize;
    bool compressLiterals;
    int level;  // what a sequence producer is told
    SequenceProducer producer;
    bool producerFallback;
    bool resolveRepcodes;  // given sequences: recognise repeat offsets
    bool splitBlocks;      // blocks cut after parsing where that pays (block_split.cpp)
    size_t targetCBlockSize;  // 0, or blocks cut to about this compressed size (block_split.cpp)
    LdmParams ldm;            // long-distance matching (ldm.cpp)
    int preSplit;             // pre-splitting effort, -1 none (pre_split.cpp)
};

// Bytes of workspace the match finder and block encoder need for these
// parameters; `buffered` adds the streaming buffers.
struct WorkspaceLayout {
    TableLayout tables;
    size_t seqBytes, litBytes, codeBytes, inBuffBytes, outBuffBytes;
    size_t optBytes;    // the optimal parser's state (btopt and up)
    size_t splitBytes;  // the block splitter's trial encodings
    size_t ldmTableBytes, ldmCursorBytes, ldmMatchBytes;  // long-distance matching
    size_t total() const {
        return tables.bytes() + seqBytes + litBytes + codeBytes + inBuffBytes + outBuffBytes + optBytes +
               splitBytes + ldmTableBytes + ldmCursorBytes + ldmMatchBytes + 10 * 64;
    }
};
WorkspaceLayout workspaceLayout(const CParams& matchCp, Finder f, size_t blockSize, bool bufferedIn,
                                bool bufferedOut, bool splitBlocks, const LdmParams& ldm = LdmParams{});
// A context's size for these parameters (the larger of the row and chain
// finders' where either may run), with trial room for splitting or a target
// block size.
size_t estimateFor(const CParams& cp, bool streaming, ParamSwitch split, bool targetCBlockSize,
                   const LdmParams& ldm = LdmParams{});

// A dictionary prepared once: parsed content, entropy tables, and the match
// finder's tables after indexing the content with `cp`.
class CDict {
public:
    CustomMem mem{};
    bool isStatic = false;
    int level = 0;  // 0 when created from explicit parameters
    CParams cp{};
    DictContent dict;
    u8* ownedContent = nullptr;
    size_t totalSize = 0;
    // The content indexed as a context would index it at a frame's start
    // (from kWindowStartIndex on); contexts search it in place (attach) or
    // copy its tables.
    MatchState ms;
};

// Dictionary material for one frame: a prepared CDict, or bytes to parse.
struct DictSource {
    const CDict* cdict = nullptr;
    const void* dict = nullptr;
    size_t dictSize = 0;
    DictContentType type = DictContentType::autoDetect;
};

struct SequenceFeed;
struct SequenceCapture;
struct MtCCtx;

// Table indices are 32-bit; past this index they are rebased (correctIndices).
constexpr u32 kIndexLimit = 0xE0000000u;

class CCtx {
public:
    // ---- Memory ---------------------------------------------------------------
    CustomMem mem{};
    bool isStatic = false;
    StaticArena arena;           // static contexts: the rest of the caller's workspace
    u8* workspace = nullptr;     // one block for all buffers, 64-byte aligned
    void* workspaceAlloc = nullptr;  // heap contexts: the allocation holding it
    size_t workspaceSize = 0;
    // The match tables hold only indices of earlier frames (below the window's
    // start), so the next frame with the same table layout can skip clearing them.
    TableLayout cleanTables{};

    // ---- Parameters -------------------------------------------------------------
    CCtxParams requested;
    u64 pledgedSrcSize = kContentSizeUnknown;  // sticky: ZSTD_CCtx_setPledgedSrcSize, for the next streamed frame
    FrameParams fparams{};
    bool bmi2 = false;

    // ---- Dictionaries -------------------------------------------------------------
    u8* localDictBuffer = nullptr;  // loadDictionary by copy
    const void* localDict = nullptr;
    size_t localDictSize = 0;
    DictContentType localDictType = DictContentType::autoDetect;
    CDict* localCDict = nullptr;  // built from localDict at the first frame that uses it
    const CDict* cdict = nullptr;  // referenced (refCDict / usingCDict)
    const void* prefix = nullptr;  // next frame only
    size_t prefixSize = 0;
    DictContentType prefixType = DictContentType::rawContent;

    // ---- Frame state -------------------------------------------------------------
    enum class Stage : u8 { init, ongoing, ended } stage = Stage::init;
    bool headerWritten = false;
    bool firstBlock = true;
    u32 dictID = 0;
    u64 framePledged = kContentSizeUnknown;  // the current frame's announced size
    u64 consumed = 0;  // source bytes taken into the frame
    u64 produced = 0;  // compressed bytes generated for the frame
    XXH64_state_t xxh;
    MatchState ms;
    u32 indexLimit = kIndexLimit;  // tests lower it to exercise rebasing
    SeqStore seqs;
    SeqCodes codes{};
    u32 rep[3] = {1, 4, 8};
    EntropyTables entropy[2];
    // The decoder's tables before the next block: one of entropy[], or a
    // prepared dictionary's own (read only) until the first compressed block.
    const EntropyTables* prevEntropy = &entropy[0];
    EntropyTables* nextEntropy = &entropy[1];
    PredefinedCTables predefined;
    BlockEncodeWorkspace bws;
    // Block splitting: where trial encodings go (splitBlocks only).
    u8* trialBuff = nullptr;
    size_t trialBuffSize = 0;
    EntropyTables trialEntropy;
    LdmState ldm;  // long-distance matching (fparams.ldm.enabled)
    // A job on a worker: the long matches the coordinator found for the job's
    // blocks (mt_ldm.h), taken in order instead of a search of its own.
    const JobLongMatches* givenLong = nullptr;
    size_t givenBlock = 0;
    // A job after a frame's first: its data continues compressed data, so
    // pre-splitting need not wait for savings of its own.
    bool continuesFrame = false;

    // ---- Workers ------------------------------------------------------------------------
    ThreadPool* sharedPool = nullptr;  // ZSTD_CCtx_refThreadPool (not owned)
    MtCCtx* mt = nullptr;              // jobs, buffers and worker contexts (mt_compress.cpp)
    bool mtFrame = false;              // the streamed frame in progress runs on workers

    // ---- Sequences given or reported ---------------------------------------------------
    SequenceFeed* feed = nullptr;        // compressSequences: blocks take their sequences from it
    SequenceCapture* capture = nullptr;  // generateSequences: blocks report their sequences to it
    ExtSequence* producerSeqs = nullptr; // a producer's output for one block
    size_t producerCapacity = 0;

    // ---- Bufferless frames: how the current one was begun (copyCCtx) --------------------
    CCtxParams begunParams;
    DictSource begunDict;
    bool begunBufferless = false;

    // ---- Streaming -----------------------------------------------------------------
    enum class StreamStage : u8 { init, load, flush } streamStage = StreamStage::init;
    bool bufferedIn = true, bufferedOut = true;  // false with stable buffers
    u8* inBuff = nullptr;
    size_t inBuffSize = 0, inToCompress = 0, inBuffPos = 0, inBuffTarget = 0;
    u8* outBuff = nullptr;
    size_t outBuffSize = 0, outBuffContentSize = 0, outBuffFlushedSize = 0;
    bool frameEnded = false;
    InBuffer expectedIn{};     // stable input: what the next call must pass
    size_t expectedOutSize = 0;  // stable output: the size the first call saw
    size_t stableNotConsumed = 0;  // stable input: bytes before in.pos not compressed yet
};

// ---- Shared between the context's source files -----------------------------------

// A frame's parameters and dictionary, resolved before any memory is touched
// (multithreaded frames resolve once and start each job's context from it).
struct FramePlan {
    FrameParams f{};
    const CDict* cdict = nullptr;
    DictContent parsed;  // a dictionary parsed for this frame (no CDict)
    bool hasParsed = false;
    bool attach = false;     // search the CDict in its own tables
    bool forceLoad = false;  // index the CDict's content, never copy its tables
    bool lazyPrefix = false;  // a binary tree indexes the content unsorted (a job's overlap)
    const DictContent* dict() const { return cdict ? &cdict->dict : hasParsed ? &parsed : nullptr; }
};
size_t planFrame(const CCtxParams& p, u64 pledged, const DictSource& ds, FramePlan& plan);
// Prepare the context for a planned frame: workspace, dictionary, state.
size_t startFrame(CCtx* c, const FramePlan& plan, u64 pledged, bool bufferedIn, bool bufferedOut);
// The dictionary the next frame uses (prefix, referenced CDict, or the
// loaded one, prepared as a CDict on first use).
size_t frameDictSource(CCtx* c, DictSource& ds);
// Prepare the context for a frame with these parameters and dictionary.
size_t beginFrameWith(CCtx* c, const CCtxParams& p, u64 pledged, bool bufferedIn, bool bufferedOut,
                      const DictSource& ds);
// ZSTD_CCtx_setParameter's validation and storage on a parameter set (the
// reference's return values); getCCtxParam reads one back.
size_t setCCtxParam(CCtxParams& p, int param, int value);
size_t getCCtxParam(const CCtxParams& p, int param, int* value);
// The compression parameters a set resolves to for an unknown source size.
CParams resolvedCParams(const CCtxParams& p);
// Long-distance matching as a set asks for it with these parameters.
LdmParams ldmParamsFor(const CCtxParams& p, const CParams& cp);
// Fresh parameters for a level (what the simple API uses, ignoring sticky ones).
CCtxParams levelParams(int level);
// Each non-zero field of o replaces cp's.
CParams overrideCParams(CParams cp, const CParams& o);
// The level's parameters for a source and dictionary, explicitly set ones on top, fitted.
CParams cParamsFor(const CCtxParams& p, u64 srcSize, size_t dictSize, CParamMode mode);
// Whether a frame of srcSize bytes takes a prepared dictionary's parameters
// (small or unknown sources, or a CDict made without a level) rather than
// the level's for its size.
bool takesCDictParams(const CDict& cd, u64 srcSize);
// The parameters of a frame using a prepared dictionary.
CParams cParamsForCDict(const CDict& cd, u64 srcSize);
// Match finding and entropy coding of one block into dst (no block header).
// Returns the body size, 0 when the block should be sent raw, or an error.
// On a non-zero result the caller either commits it or discards it.
size_t compressBlockBody(CCtx* c, u8* dst, size_t dstCapacity, const u8* src, size_t srcSize);
// Encode the sequences already in c->seqs as a compressed block of
// blockSize bytes, header included (no source: never raw, except empty).
size_t writeGivenBlock(CCtx* c, u8* dst, size_t dstCapacity, size_t blockSize, bool last);
// How the frame's blocks are entropy coded.
inline BlockEncodeOptions blockEncodeOptions(const CCtx* c) {
    return BlockEncodeOptions{c->fparams.cp.strategy, c->fparams.compressLiterals, c->bmi2};
}
// Make the block just encoded (these sequences) the decoder's latest: its
// repeat offsets and tables.
void commitCompressedBlock(CCtx* c, const SeqStore& seqs);
// The block header and body of a block whose body (cSize bytes, 0 when not
// worth compressing) is at dst + kBlockHeaderSize: compressed, RLE or raw,
// whichever the rules pick; a compressed one is committed.
size_t finishBlock(CCtx* c, u8* dst, size_t dstCapacity, const u8* src, size_t srcSize, size_t cSize,
                   const SeqStore& seqs, bool last);
// The block in c->seqs (its body as one block, wholeSize bytes with header,
// already at dst) cut into several where that costs less (block_split.cpp);
// returns the bytes written.
size_t splitBlock(CCtx* c, u8* dst, size_t dstCapacity, const u8* src, size_t srcSize, size_t wholeBody, bool last);
// Likewise into blocks of about c->fparams.targetCBlockSize compressed bytes.
size_t splitToTarget(CCtx* c, u8* dst, size_t dstCapacity, const u8* src, size_t srcSize, size_t wholeBody,
                     bool last);

// Resolve the sticky parameters for a frame and prepare the context for it:
// sizes the workspace, loads the dictionary (prefix, else referenced CDict,
// else the loaded one) and resets the window and entropy state.
size_t beginFrame(CCtx* c, u64 pledgedSrcSize, bool bufferedIn, bool bufferedOut);
// Compress src[0..srcSize) (data that follows what the frame already has; it
// must stay readable as long as the window may refer to it) into whole blocks.
// With last, also ends the frame (last block, checksum). Writes the frame
// header first if not done yet. Returns bytes written or an error.
size_t compressChunk(CCtx* c, void* dst, size_t dstCapacity, const void* src, size_t srcSize, bool last);
// Worst case of compressChunk's output for srcSize bytes (header included when not written).
size_t chunkBound(const CCtx* c, size_t srcSize, bool last);

size_t writeFrameHeader(void* dst, size_t dstCapacity, const FParams& fp, unsigned windowLog, u64 pledgedSrcSize,
                        u32 dictID, Format format);

// dedicatedSearch: ZSTD_c_enableDedicatedDictSearch (taken where the
// parameters support it: greedy..lazy2).
CDict* createCDictInternal(const void* dict, size_t dictSize, DictLoadMethod m, DictContentType t, CParams cp,
                           int level, ParamSwitch row, const CustomMem& mem, void* staticWorkspace,
                           size_t staticSize, bool dedicatedSearch = false);

// Allocate from the context's memory (heap or static arena).
void* cctxAlloc(CCtx* c, size_t size);
void cctxFree(CCtx* c, void* p);

}  // namespace zest
