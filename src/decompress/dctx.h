// The decompression context: one-shot, bufferless and streaming decoding,
// parameters and dictionaries. ZSTD_DCtx and ZSTD_DStream are both this type.
#pragma once
#include <cstddef>
#include <cstdint>

#include "common/alloc.h"
#include "common/buffers.h"
#include "decompress/frame.h"

namespace zest {

class DDict;

enum class DParam : int {
    windowLogMax = 100,
    format = 1000,
    stableOutBuffer = 1001,
    forceIgnoreChecksum = 1002,
    refMultipleDDicts = 1003,
    disableHuffmanAssembly = 1004,
    maxBlockSize = 1005,
};

// Laid out like ZSTD_nextInputType_e.
enum class NextInputType : int { frameHeader = 0, blockHeader = 1, block = 2, lastBlock = 3, checksum = 4, skippableFrame = 5 };

Bounds dParamBounds(int param);

// Public size queries that need no context.
size_t estimateDCtxSize();
size_t estimateDStreamSize(size_t windowSize);
size_t estimateDStreamSizeFromFrame(const void* src, size_t srcSize);
size_t dStreamInSize();
size_t dStreamOutSize();
size_t decodingBufferSizeMin(unsigned long long windowSize, unsigned long long frameContentSize);

// One-shot decompression with a temporary context.
size_t decompress(void* dst, size_t dstCapacity, const void* src, size_t srcSize);

class DCtx;
DCtx* createDCtx(const CustomMem& mem);
DCtx* initStaticDCtx(void* workspace, size_t workspaceSize);
size_t freeDCtx(DCtx* dctx);  // a static context gives memory_allocation
size_t sizeofDCtx(const DCtx* dctx);

// Parameters / session.
size_t dctxSetParameter(DCtx* d, int param, int value);
size_t dctxGetParameter(DCtx* d, int param, int* value);
size_t dctxReset(DCtx* d, ResetDirective r);
size_t dctxSetMaxWindowSize(DCtx* d, size_t maxWindowSize);

// Dictionaries attached to the context (sticky until reset/changed).
size_t dctxLoadDictionary(DCtx* d, const void* dict, size_t dictSize, DictLoadMethod m, DictContentType t);
size_t dctxRefDDict(DCtx* d, const DDict* ddict);
size_t dctxRefPrefix(DCtx* d, const void* prefix, size_t prefixSize, DictContentType t);

// One-shot with a context. decompressDCtx uses whatever dictionary the context references.
size_t decompressDCtx(DCtx* d, void* dst, size_t dstCapacity, const void* src, size_t srcSize);
size_t decompressUsingDict(DCtx* d, void* dst, size_t dstCapacity, const void* src, size_t srcSize,
                           const void* dict, size_t dictSize);
size_t decompressUsingDDict(DCtx* d, void* dst, size_t dstCapacity, const void* src, size_t srcSize,
                            const DDict* ddict);

// Streaming.
size_t initDStream(DCtx* d);
size_t initDStreamUsingDict(DCtx* d, const void* dict, size_t dictSize);
size_t initDStreamUsingDDict(DCtx* d, const DDict* ddict);
size_t resetDStream(DCtx* d);
size_t decompressStream(DCtx* d, OutBuffer* out, InBuffer* in);

// Bufferless (block-by-block) decoding.
size_t decompressBegin(DCtx* d);
size_t decompressBeginUsingDict(DCtx* d, const void* dict, size_t dictSize);
size_t decompressBeginUsingDDict(DCtx* d, const DDict* ddict);
size_t nextSrcSizeToDecompress(DCtx* d);
// Like nextSrcSizeToDecompress, but a raw block may be taken in pieces of what is available.
size_t nextSrcSizeWithInput(const DCtx* d, size_t inputSize);
NextInputType nextInputType(DCtx* d);
size_t decompressContinue(DCtx* d, void* dst, size_t dstCapacity, const void* src, size_t srcSize);
void copyDCtx(DCtx* dst, const DCtx* src);
size_t decompressBlock(DCtx* d, void* dst, size_t dstCapacity, const void* src, size_t srcSize);
size_t insertBlock(DCtx* d, const void* blockStart, size_t blockSize);

// Dictionaries prepared once for many frames.
DDict* createDDict(const void* dict, size_t dictSize, DictLoadMethod m, DictContentType t, const CustomMem& mem);
const DDict* initStaticDDict(void* workspace, size_t workspaceSize, const void* dict, size_t dictSize,
                             DictLoadMethod m, DictContentType t);
size_t freeDDict(DDict* ddict);
size_t sizeofDDict(const DDict* ddict);
unsigned ddictGetDictID(const DDict* ddict);
size_t estimateDDictSize(size_t dictSize, DictLoadMethod m);

}  // namespace zest
