// Private layout of the decompression context, shared by the files that
// implement its parts (parameters, one-shot, bufferless, streaming).
#pragma once
#define XXH_INLINE_ALL
#define XXH_STATIC_LINKING_ONLY
#include <xxhash.h>

#include "decompress/block.h"
#include "decompress/dctx.h"
#include "decompress/ddict.h"

namespace zest {

enum class DictUse { none, once, always };

enum class Stage {
    frameHeaderPrefix,   // waiting for the first bytes of a frame
    frameHeader,         // waiting for the rest of the frame header
    blockHeader,
    block,
    checksum,
    skippableHeader,
    skippableContent,
};

enum class StreamStage { init, loadHeader, read, load, flush };

class DCtx {
public:
    CustomMem mem{};
    bool isStatic = false;
    StaticArena arena;  // caller's workspace (static contexts)

    // Parameters.
    Format format = Format::zstd1;
    size_t maxWindowSize = (size_t(1) << kWindowLogDefaultLimit) + 1;
    bool stableOut = false;
    bool ignoreChecksum = false;
    bool refMultipleDDicts = false;
    bool disableHufAsm = false;
    int maxBlockSizeParam = 0;  // 0: the format's maximum
    size_t maxBlockSize() const { return maxBlockSizeParam ? size_t(maxBlockSizeParam) : kBlockSizeMax; }

    // Dictionaries.
    DDict* ownedDDict = nullptr;      // made by loadDictionary / refPrefix
    const DDict* ddict = nullptr;     // the one in use
    DictUse dictUse = DictUse::none;
    const DDict** ddictSet = nullptr; // refMultipleDDicts: referenced dictionaries
    size_t ddictSetCount = 0, ddictSetCapacity = 0;

    // Current frame.
    FrameHeader fh{};
    unsigned dictID = 0;           // ID of the dictionary started with
    bool validateChecksum = false;
    XXH64_state_t xxh;
    unsigned long long decodedSize = 0;
    size_t blockSizeMax = kBlockSizeMax;

    // Bufferless state machine.
    Stage stage = Stage::frameHeaderPrefix;
    size_t expected = 0;
    unsigned blockType = 0;
    bool lastBlock = false;
    size_t rleSize = 0;
    size_t headerSize = 0;
    u8 headerBuf[kFrameHeaderSizeMax];
    const u8* previousDstEnd = nullptr;
    bool hasHistory = false;  // a block was decoded: previousDstEnd is meaningful

    // Streaming.
    StreamStage streamStage = StreamStage::init;
    u8* inBuff = nullptr;
    size_t inBuffCapacity = 0, inPos = 0;
    u8* outBuff = nullptr;
    size_t outBuffCapacity = 0, outStart = 0, outEnd = 0;
    size_t headerFill = 0;
    bool hostageByte = false;  // hold back the last byte until the checksum is verified
    int noProgressCount = 0;
    OutBuffer expectedOut{};   // stableOut: the buffer promised by the caller

    DDict scratchDict;  // a dictionary passed by pointer for one call / frame (byRef)

    BlockState blk;

    // Helpers shared across files.
    void freeStreamBuffers();
    void clearDictionary();
    // The dictionary for a frame with this ID, given the context's default.
    const DDict* selectDDict(const DDict* base, unsigned frameDictID) const;
    // The context's dictionary for the next frame; a prefix is used only once.
    const DDict* takeDDict();
};

// Start decoding a frame whose header is fh (already parsed): dictionary,
// entropy, checksum state. Shared by one-shot and bufferless paths.
size_t beginFrame(DCtx* d, const FrameHeader& fh);
// Reset the bufferless machine and apply a dictionary (may be null).
void beginWithDDict(DCtx* d, const DDict* dd);
// Decode one block's content (type from its header) to dst. Returns the size or an error.
size_t decodeBlockContent(DCtx* d, unsigned type, u8* dst, size_t dstCapacity, const u8* src, size_t srcSize,
                          size_t rleSize);
// Mark dst as where the next output goes, keeping older output as history.
void continueHistory(DCtx* d, u8* dst);

}  // namespace zest
