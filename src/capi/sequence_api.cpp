// The sequence-level functions of the C API (compress/sequence_api.cpp) and ZSTD_copyCCtx.
#include <cstddef>

#include "capi/capi.h"

using namespace zest;
using namespace zest::capi;

// ZSTD_Sequence and the core's ExtSequence are the same four unsigned fields.
static_assert(sizeof(ZSTD_Sequence) == sizeof(ExtSequence) && alignof(ZSTD_Sequence) == alignof(ExtSequence));
static_assert(offsetof(ZSTD_Sequence, offset) == offsetof(ExtSequence, offset) &&
              offsetof(ZSTD_Sequence, litLength) == offsetof(ExtSequence, litLength) &&
              offsetof(ZSTD_Sequence, matchLength) == offsetof(ExtSequence, matchLength) &&
              offsetof(ZSTD_Sequence, rep) == offsetof(ExtSequence, rep));
static_assert(ZSTD_SEQUENCE_PRODUCER_ERROR == kSequenceProducerError);

namespace {

ExtSequence* core(ZSTD_Sequence* s) { return reinterpret_cast<ExtSequence*>(s); }
const ExtSequence* core(const ZSTD_Sequence* s) { return reinterpret_cast<const ExtSequence*>(s); }

// Calls the caller's producer with its own signature (the core keeps it opaque).
size_t invokeProducer(SequenceProducer::Fn fn, void* state, ExtSequence* out, size_t outCapacity, const void* src,
                      size_t srcSize, const void* dict, size_t dictSize, int level, size_t windowSize) {
    const auto f = reinterpret_cast<ZSTD_sequenceProducer_F>(fn);
    return f(state, reinterpret_cast<ZSTD_Sequence*>(out), outCapacity, src, srcSize, dict, dictSize, level,
             windowSize);
}

SequenceProducer producerOf(void* state, ZSTD_sequenceProducer_F f) {
    SequenceProducer p;
    if (f) {
        p.fn = reinterpret_cast<SequenceProducer::Fn>(f);
        p.invoke = invokeProducer;
        p.state = state;
    }
    return p;
}

}  // namespace

ZEST_CAPI size_t ZSTD_sequenceBound(size_t srcSize) { return sequenceBound(srcSize); }

ZEST_CAPI size_t ZSTD_generateSequences(ZSTD_CCtx* zc, ZSTD_Sequence* outSeqs, size_t outSeqsCapacity,
                                        const void* src, size_t srcSize) {
    return generateSequences(core(zc), core(outSeqs), outSeqsCapacity, src, srcSize);
}

ZEST_CAPI size_t ZSTD_mergeBlockDelimiters(ZSTD_Sequence* sequences, size_t seqsSize) {
    return mergeBlockDelimiters(core(sequences), seqsSize);
}

ZEST_CAPI size_t ZSTD_compressSequences(ZSTD_CCtx* cctx, void* dst, size_t dstCapacity, const ZSTD_Sequence* inSeqs,
                                        size_t inSeqsSize, const void* src, size_t srcSize) {
    return compressSequences(core(cctx), dst, dstCapacity, core(inSeqs), inSeqsSize, src, srcSize);
}

ZEST_CAPI size_t ZSTD_compressSequencesAndLiterals(ZSTD_CCtx* cctx, void* dst, size_t dstCapacity,
                                                   const ZSTD_Sequence* inSeqs, size_t nbSequences,
                                                   const void* literals, size_t litSize, size_t litBufCapacity,
                                                   size_t decompressedSize) {
    return compressSequencesAndLiterals(core(cctx), dst, dstCapacity, core(inSeqs), nbSequences, literals, litSize,
                                        litBufCapacity, decompressedSize);
}

ZEST_CAPI void ZSTD_registerSequenceProducer(ZSTD_CCtx* cctx, void* sequenceProducerState,
                                             ZSTD_sequenceProducer_F sequenceProducer) {
    registerSequenceProducer(core(cctx), producerOf(sequenceProducerState, sequenceProducer));
}

ZEST_CAPI void ZSTD_CCtxParams_registerSequenceProducer(ZSTD_CCtx_params* params, void* sequenceProducerState,
                                                        ZSTD_sequenceProducer_F sequenceProducer) {
    registerSequenceProducer(core(params), producerOf(sequenceProducerState, sequenceProducer));
}

ZEST_CAPI size_t ZSTD_copyCCtx(ZSTD_CCtx* cctx, const ZSTD_CCtx* preparedCCtx, unsigned long long pledgedSrcSize) {
    return copyCCtx(core(cctx), core(preparedCCtx), pledgedSrcSize);
}
