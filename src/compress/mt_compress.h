// Multithreaded compression (ZSTD_c_nbWorkers >= 1): one frame cut into
// jobs, each compressed by a worker context on a thread pool and primed with
// the end of the input before it (the overlap); the jobs' blocks are written
// out in order behind one frame header, with one checksum over the whole input.
#pragma once
#include "common/buffers.h"
#include "common/mem.h"
#include "compress/cctx.h"

namespace zest {

class CCtx;
struct MtCCtx;

// Whether a frame of `pledged` bytes (kContentSizeUnknown if unknown) with
// the context's parameters runs on workers: with nbWorkers >= 1, unless the
// frame is known to be small (one job's minimum or less), as in the reference.
bool mtWanted(const CCtx* c, u64 pledged);
// Begin such a frame with the context's sticky parameters and dictionary.
size_t mtBeginFrame(CCtx* c, u64 pledged);
// ZSTD_compressStream2 for a frame on workers: takes input into jobs, hands
// finished output over. Returns the bytes still to flush (0 once a flush or
// the frame is complete), or an error (the frame is then abandoned).
size_t mtCompressStream(CCtx* c, OutBuffer* out, InBuffer* in, EndDirective end);
// Abandon the frame in progress: waits until no job runs.
void mtAbort(CCtx* c);
// Frees the workers, buffers and own thread pool (after mtAbort).
void mtFree(CCtx* c);
size_t mtSizeof(const CCtx* c);
FrameProgression mtProgression(const CCtx* c);
size_t mtToFlushNow(CCtx* c);
// How much more input completes the job being filled.
size_t mtInputHint(const CCtx* c);
// Parameters changed in the middle of the frame (level, search parameters):
// applied from the next job on, the window kept.
void mtParamsChanged(CCtx* c);

}  // namespace zest
