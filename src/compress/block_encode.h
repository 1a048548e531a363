// Entropy stage of a compressed block: the literals section and the sequences
// section, each in the cheapest of the forms the format allows, with the
// tables carried over from the previous block where that pays.
#pragma once
#include "common/error.h"
#include "compress/params.h"
#include "compress/seq_store.h"
#include "entropy/fse_encode.h"
#include "entropy/histogram.h"
#include "entropy/huf_encode.h"
#include "format/sequence_codes.h"

namespace zest {

// How much a table left by earlier blocks (or a dictionary) can be trusted:
// not at all, after checking that it codes every symbol present, or blindly.
enum class RepeatMode : u8 { none, check, valid };

// The tables a decoder holds after a compressed block; the next block may
// repeat them (treeless literals, Repeat_Mode sequences).
struct EntropyTables {
    HufCTable huf;
    FseCTable ll, ml, of;
    RepeatMode hufRepeat = RepeatMode::none;
    RepeatMode llRepeat = RepeatMode::none, mlRepeat = RepeatMode::none, ofRepeat = RepeatMode::none;

    void reset() { hufRepeat = llRepeat = mlRepeat = ofRepeat = RepeatMode::none; }
};

// Encoding tables of the spec's predefined distributions, built once per context.
struct PredefinedCTables {
    FseCTable ll, ml, of;
    void build();
};

struct BlockEncodeWorkspace {
    HufWorkspace huf;
    HistogramWorkspace hist;
    u32 counts[256];
    short norm[kFseMaxSymbolValue + 1];
};

// Symbol counts of a whole block whose parts share one set of tables
// (ZSTD_c_targetCBlockSize): the first part's new tables are built from
// them, so that the parts after it can repeat them.
struct SharedCounts {
    u32 lit[256];
    u32 ll[kLLMaxCode + 1];
    u32 of[kOFMaxCode + 1];
    u32 ml[kMLMaxCode + 1];
    unsigned litMax, llMax, ofMax, mlMax;
    size_t litTotal, nbSeq;
};

struct BlockEncodeOptions {
    Strategy strategy;
    bool compressLiterals;  // false: literals always raw (negative levels, or as requested)
    bool bmi2;
    bool suspectIncompressible = false;  // literals: sample before a full count (set per block)
    const SharedCounts* shared = nullptr;  // new tables from these counts (a superset of the block's)
    bool repeatShared = false;  // the previous tables are shared ones: repeat them wherever they can code the block
};

// Codes of each sequence (scratch of nbSeq bytes each).
struct SeqCodes {
    u8* ll;
    u8* ml;
    u8* of;
};

// Smallest gain (in bytes) that makes a compressed form worth its decoding cost.
constexpr size_t minGain(size_t srcSize, Strategy s) {
    return (srcSize >> (s >= Strategy::btultra ? 7 : 6)) + 2;
}

// Write the literals and sequences sections of a block whose original size is
// srcSize. `prev` holds the tables of the previous compressed block; `next`
// receives the tables after this one. Returns the size written, 0 when the
// block should be sent raw instead (not enough gain, or dst too small), or an error.
size_t encodeBlockBody(void* dst, size_t dstCapacity, const SeqStore& seqs, const SeqCodes& codes, size_t srcSize,
                       const EntropyTables& prev, EntropyTables& next, const PredefinedCTables& predefined,
                       const BlockEncodeOptions& opt, BlockEncodeWorkspace& ws);

// Literals section alone (exposed for tests). Returns its size or an error.
size_t encodeLiterals(u8* dst, size_t dstCapacity, const u8* lit, size_t litSize, const EntropyTables& prev,
                      EntropyTables& next, const BlockEncodeOptions& opt, BlockEncodeWorkspace& ws);

// The counts of a whole block's literals and sequence codes (codes: scratch
// for its nbSeq sequences).
void countBlock(SharedCounts& out, const SeqStore& seqs, const SeqCodes& codes, HistogramWorkspace& ws);

// Raw literals section (header + bytes). Returns its size or dstSize_tooSmall.
size_t writeRawLiterals(u8* dst, size_t dstCapacity, const u8* lit, size_t litSize);

}  // namespace zest
