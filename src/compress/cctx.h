// The compression context: one-shot and streaming compression, parameters and
// dictionaries. ZSTD_CCtx and ZSTD_CStream are both this type. The C shim
// (src/capi/compress_api.cpp) forwards to these functions one to one; tests and
// the benchmark call them directly beside the reference library.
#pragma once
#include <cstddef>
#include <cstdint>

#include "common/alloc.h"
#include "common/buffers.h"
#include "compress/params.h"

namespace zest {

class CCtx;
class ThreadPool;
class CDict;
struct CCtxParams;

// Values are those of ZSTD_EndDirective.
enum class EndDirective : int { continue_ = 0, flush = 1, end = 2 };

// ---- Sizes that need no context ----------------------------------------------
size_t estimateCCtxSize(int level);
size_t estimateCCtxSizeUsingCParams(CParams cp);
size_t estimateCStreamSize(int level);
size_t estimateCStreamSizeUsingCParams(CParams cp);
size_t estimateCDictSize(size_t dictSize, int level);
size_t estimateCDictSizeAdvanced(size_t dictSize, CParams cp, DictLoadMethod m);
size_t cStreamInSize();   // one block: 128 KiB
size_t cStreamOutSize();  // compressBound(one block) + block header + checksum

// One-shot compression with a temporary context.
size_t compress(void* dst, size_t dstCapacity, const void* src, size_t srcSize, int level);

// Skippable frame of src with magic 0x184D2A50 + magicVariant (0..15).
size_t writeSkippableFrame(void* dst, size_t dstCapacity, const void* src, size_t srcSize, unsigned magicVariant);

// ---- Contexts --------------------------------------------------------------------
CCtx* createCCtx(const CustomMem& mem);
CCtx* initStaticCCtx(void* workspace, size_t workspaceSize);
size_t freeCCtx(CCtx* cctx);  // a static context gives memory_allocation
size_t sizeofCCtx(const CCtx* cctx);

// Parameters (ZSTD_CCtx_* semantics, return values included).
size_t cctxSetParameter(CCtx* c, int param, int value);
size_t cctxGetParameter(const CCtx* c, int param, int* value);
size_t cctxSetPledgedSrcSize(CCtx* c, unsigned long long pledgedSrcSize);
size_t cctxReset(CCtx* c, ResetDirective r);
size_t cctxSetCParams(CCtx* c, CParams cp);
size_t cctxSetFParams(CCtx* c, FParams fp);
size_t cctxSetParams(CCtx* c, Params p);

// Dictionaries attached to the context (sticky until reset/changed; a prefix
// serves the next frame only).
size_t cctxLoadDictionary(CCtx* c, const void* dict, size_t dictSize, DictLoadMethod m, DictContentType t);
size_t cctxRefCDict(CCtx* c, const CDict* cdict);
// ZSTD_CCtx_refThreadPool: the pool the context's workers will run on
// (nullptr: a pool of its own). Between frames only.
size_t cctxRefThreadPool(CCtx* c, ThreadPool* pool);
size_t cctxRefPrefix(CCtx* c, const void* prefix, size_t prefixSize, DictContentType t);

// ---- One-shot with a context ---------------------------------------------------
// compressCCtx / compressUsingDict / compressAdvanced set the level or
// parameters for this call only (like the reference: sticky parameters other
// than those are ignored); compress2 uses the sticky parameters and dictionary.
size_t compressCCtx(CCtx* c, void* dst, size_t dstCapacity, const void* src, size_t srcSize, int level);
size_t compress2(CCtx* c, void* dst, size_t dstCapacity, const void* src, size_t srcSize);
size_t compressUsingDict(CCtx* c, void* dst, size_t dstCapacity, const void* src, size_t srcSize, const void* dict,
                         size_t dictSize, int level);
size_t compressAdvanced(CCtx* c, void* dst, size_t dstCapacity, const void* src, size_t srcSize, const void* dict,
                        size_t dictSize, Params p);
size_t compressUsingCDict(CCtx* c, void* dst, size_t dstCapacity, const void* src, size_t srcSize,
                          const CDict* cdict, FParams fp);

// ---- Streaming -----------------------------------------------------------------
// compressStream2: ZSTD_compressStream2 semantics. Returns the bytes still to
// flush (0 when done with flush/end), or an error.
size_t compressStream2(CCtx* c, OutBuffer* out, InBuffer* in, EndDirective end);
size_t initCStream(CCtx* c, int level);
size_t compressStream(CCtx* c, OutBuffer* out, InBuffer* in);
size_t flushStream(CCtx* c, OutBuffer* out);
size_t endStream(CCtx* c, OutBuffer* out);

// Progress of the current frame (ZSTD_frameProgression's layout).
struct FrameProgression {
    unsigned long long ingested;  // input taken, buffered or not
    unsigned long long consumed;  // input compressed
    unsigned long long produced;  // compressed bytes generated
    unsigned long long flushed;   // compressed bytes handed to the caller
    unsigned currentJobID;
    unsigned nbActiveWorkers;
};
FrameProgression getFrameProgression(const CCtx* c);
size_t toFlushNow(CCtx* c);  // 0: there are no worker threads

// ---- Bufferless (block-level) compression ------------------------------------------
// The caller keeps every byte passed to compressContinue readable (and in place)
// until the frame ends; compressEnd ends the frame.
size_t compressBegin(CCtx* c, int level);
size_t compressBeginUsingDict(CCtx* c, const void* dict, size_t dictSize, int level);
size_t compressBeginAdvanced(CCtx* c, const void* dict, size_t dictSize, Params p, unsigned long long pledgedSrcSize);
size_t compressBeginUsingCDict(CCtx* c, const CDict* cdict, FParams fp, unsigned long long pledgedSrcSize);
size_t compressContinue(CCtx* c, void* dst, size_t dstCapacity, const void* src, size_t srcSize);
size_t compressEnd(CCtx* c, void* dst, size_t dstCapacity, const void* src, size_t srcSize);
size_t getBlockSize(const CCtx* c);
// One block's compressed body, no header; 0 = not compressible (store it raw).
size_t compressBlockOnly(CCtx* c, void* dst, size_t dstCapacity, const void* src, size_t srcSize);

// ---- Sequences -----------------------------------------------------------------
// One sequence as ZSTD_Sequence lays it out: litLength literals, then a match
// of matchLength bytes at distance `offset` (the real distance, never a
// repeat code). offset 0 with matchLength 0 ends a block; rep reports which
// repeat offset a generated sequence used (1-3, 0 for none).
struct ExtSequence {
    unsigned offset;
    unsigned litLength;
    unsigned matchLength;
    unsigned rep;
};
// A block-level match finder supplied by the caller (ZSTD_sequenceProducer_F).
// The core keeps the caller's function opaque, with the adapter (from the C
// API layer) that calls it with its own signature.
struct SequenceProducer {
    using Fn = void (*)();
    using Invoke = size_t (*)(Fn fn, void* state, ExtSequence* out, size_t outCapacity, const void* src,
                              size_t srcSize, const void* dict, size_t dictSize, int level, size_t windowSize);
    Fn fn = nullptr;
    Invoke invoke = nullptr;
    void* state = nullptr;
    explicit operator bool() const { return fn != nullptr && invoke != nullptr; }
};
constexpr size_t kSequenceProducerError = ~size_t(0);

// Most sequences srcSize bytes can hold, block delimiters included.
size_t sequenceBound(size_t srcSize);
// ZSTD_generateSequences: compress src with the sticky parameters and report
// the sequences found, each block ended by a delimiter.
size_t generateSequences(CCtx* c, ExtSequence* out, size_t outCapacity, const void* src, size_t srcSize);
// Fold block delimiters into the next sequence's literals; returns the new count.
size_t mergeBlockDelimiters(ExtSequence* seqs, size_t n);
// ZSTD_compressSequences: one frame of src whose matches are the given sequences.
size_t compressSequences(CCtx* c, void* dst, size_t dstCapacity, const ExtSequence* seqs, size_t n,
                         const void* src, size_t srcSize);
// ZSTD_compressSequencesAndLiterals: the same from the literals alone
// (explicit delimiters, no checksum, no raw blocks).
size_t compressSequencesAndLiterals(CCtx* c, void* dst, size_t dstCapacity, const ExtSequence* seqs, size_t n,
                                    const void* literals, size_t litSize, size_t litCapacity,
                                    size_t decompressedSize);
// Register (null: clear) an external sequence producer on a context's or a set's parameters.
void registerSequenceProducer(CCtx* c, const SequenceProducer& f);
void registerSequenceProducer(CCtxParams* p, const SequenceProducer& f);
// ZSTD_copyCCtx: begin a frame on dst as `prepared` was begun (bufferless),
// for pledgedSrcSize bytes (0: unknown).
size_t copyCCtx(CCtx* dst, const CCtx* prepared, unsigned long long pledgedSrcSize);

// ---- Parameter sets apart from a context (ZSTD_CCtx_params) ----------------------------
CCtxParams* createCCtxParams(const CustomMem& mem);
size_t freeCCtxParams(CCtxParams* p, const CustomMem& mem);
size_t cctxParamsInit(CCtxParams* p, int level);  // reset: init with the default level
size_t cctxParamsInitAdvanced(CCtxParams* p, Params params);
size_t cctxParamsSetParameter(CCtxParams* p, int param, int value);
size_t cctxParamsGetParameter(const CCtxParams* p, int param, int* value);
size_t cctxSetParametersUsingCCtxParams(CCtx* c, const CCtxParams* p);
size_t estimateCCtxSizeUsingCCtxParams(const CCtxParams* p);
size_t estimateCStreamSizeUsingCCtxParams(const CCtxParams* p);

// ---- Dictionaries prepared once for many frames ------------------------------------
CDict* createCDict(const void* dict, size_t dictSize, DictLoadMethod m, DictContentType t, CParams cp,
                   const CustomMem& mem);
// A CDict from a parameter set (ZSTD_createCDict_advanced2): the level and
// the parameters set in p, sized for the dictionary; with
// ZSTD_c_enableDedicatedDictSearch the dedicated search structure where the
// strategy allows it. Null when p is null.
CDict* createCDictFromParams(const void* dict, size_t dictSize, DictLoadMethod m, DictContentType t,
                             const CCtxParams* p, const CustomMem& mem);
// createCDict with the level's parameters (ZSTD_createCDict semantics).
CDict* createCDictLevel(const void* dict, size_t dictSize, int level, DictLoadMethod m, const CustomMem& mem,
                        DictContentType t = DictContentType::autoDetect);
const CDict* initStaticCDict(void* workspace, size_t workspaceSize, const void* dict, size_t dictSize,
                             DictLoadMethod m, DictContentType t, CParams cp);
size_t freeCDict(CDict* cdict);
size_t sizeofCDict(const CDict* cdict);
unsigned cdictGetDictID(const CDict* cdict);

}  // namespace zest
