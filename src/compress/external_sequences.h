// Sequences from outside the match finders: given by the caller
// (compressSequences), by a registered producer, or reported back
// (generateSequences). Turns them into a block's SeqStore and back.
#pragma once
#include <cstddef>

#include "compress/cctx.h"
#include "compress/seq_store.h"

namespace zest {

// Given sequences, handed out block by block.
struct SequenceFeed {
    const ExtSequence* seqs = nullptr;
    size_t count = 0;
    size_t next = 0;
    bool explicitDelimiters = false;
    bool validate = false;  // check offsets against the window (lengths are always checked)
    bool resolveRepcodes = false;
    // The sequence being cut across a block boundary.
    bool haveCurrent = false;
    u32 curLit = 0, curMatch = 0, curOffset = 0;
    u32 carry = 0;  // bytes owed as literals ahead of the next sequence
    // Literals only (compressSequencesAndLiterals): literal bytes come from here.
    const u8* literals = nullptr;
    const u8* literalsEnd = nullptr;
};

// Fill c->seqs with the sequences of the block src[0, n) (src may be null
// with literals only) and return how many literals end the block, or
// externalSequences_invalid.
size_t feedBlock(CCtx* c, SequenceFeed& f, const u8* src, size_t n);

// Check given sequences before a frame starts: lengths encodable, total no
// larger than the source (exactly it with explicit delimiters).
size_t checkSequenceTotals(const ExtSequence* seqs, size_t n, size_t srcSize, bool explicitDelimiters);

// Sequences reported back by generateSequences.
struct SequenceCapture {
    ExtSequence* out = nullptr;
    size_t capacity = 0;
    size_t count = 0;
    bool overflow = false;
};

// Append c->seqs (block of srcSize bytes, offsets as the decoder sees them
// with c->rep) and a closing delimiter.
void captureBlock(CCtx* c, SequenceCapture& cap, size_t srcSize);

// Ask the registered producer for the block's sequences into c->seqs; returns
// the trailing literal count, or sequenceProducer_failed.
size_t produceBlock(CCtx* c, const u8* src, size_t srcSize);

}  // namespace zest
