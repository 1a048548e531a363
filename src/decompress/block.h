// Decoding of one compressed block: literals section, sequences section and
// sequence execution, with the entropy and history state it carries.
#pragma once
#include "common/error.h"
#include "common/mem.h"
#include "decompress/frame.h"
#include "decompress/seq_tables.h"
#include "entropy/huf_decode.h"

namespace zest {

// Bytes that the overrunning copies may read past the end of the literals.
constexpr size_t kWildcopySlack = 32;

struct BlockState {
    // Entropy: tables in use point either into the *Space members, into a
    // dictionary, or at the predefined tables.
    const HufTable* huf = nullptr;
    const SeqCell* llTable = nullptr;
    const SeqCell* mlTable = nullptr;
    const SeqCell* ofTable = nullptr;
    unsigned llLog = 0, mlLog = 0, ofLog = 0;
    u32 rep[3] = {1, 4, 8};
    bool bmi2 = false;  // use the BMI2 builds of the hot loops

    // History: the current contiguous output segment starts at prefixStart;
    // older data (dictionary, or an earlier segment) ends at dictEnd and
    // reaches back to virtualStart (as if it were glued before prefixStart).
    const u8* prefixStart = nullptr;
    const u8* virtualStart = nullptr;
    const u8* dictEnd = nullptr;

    // Literals of the current block.
    const u8* litPtr = nullptr;
    size_t litSize = 0;

    HufTable hufSpace;
    SeqTables seqSpace;
    alignas(64) u8 litBuffer[kBlockSizeMax + kWildcopySlack];

    // Forget entropy from previous frames (keeps history pointers).
    void resetEntropy() {
        huf = nullptr;
        llTable = mlTable = ofTable = nullptr;
        rep[0] = 1; rep[1] = 4; rep[2] = 8;
    }
};

// Decode a compressed block of srcSize bytes into dst (at most dstCapacity
// bytes, and at most blockSizeMax). Returns the decoded size or an error.
size_t decodeCompressedBlock(BlockState& st, u8* dst, size_t dstCapacity, const u8* src, size_t srcSize,
                             size_t blockSizeMax);

}  // namespace zest
