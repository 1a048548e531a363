// Cutting a parsed block into several blocks, at sequence boundaries.
// ZSTD_c_splitAfterSequences: where the data changes character within a
// block, tables of its own for each part code it in fewer bytes than one set
// of tables for the whole. The sequences are cut in halves as long as the
// halves, each encoded for real into a trial buffer, cost less than what they
// replace. ZSTD_c_targetCBlockSize: parts as large as fits in the target
// (a decoder can deliver each one as soon as it has arrived).
#include <algorithm>

#include "compress/cctx_impl.h"

namespace zest {
namespace {

// Parts have at least this many sequences (fewer rarely repay new tables),
// and a block is cut into at most this many.
constexpr size_t kMinPartSeqs = 300;
constexpr size_t kMaxParts = 196;
// Trial encodings per block made for ZSTD_c_targetCBlockSize.
constexpr int kTargetProbes = 8;

// Sequences [first, last) of the block with their literals and source bytes;
// the last part also holds the block's trailing literals.
struct Part {
    SeqStore seqs;
    size_t srcSize;
};

class Splitter {
public:
    Splitter(CCtx* c, size_t srcSize) : c_(c), all_(c->seqs), nbSeq_(c->seqs.nbSeq()), srcSize_(srcSize) {}

    Part part(size_t first, size_t last) const {
        seek(first);
        const size_t litFrom = litAt_, srcFrom = srcAt_;
        seek(last);
        size_t litTo = litAt_, srcTo = srcAt_;
        if (last == nbSeq_) {
            srcTo += all_.litSize() - litTo;
            litTo = all_.litSize();
        }
        SeqStore v;
        v.seqStart = all_.seqStart + first;
        v.seq = all_.seqStart + last;
        v.litStart = all_.litStart + litFrom;
        v.lit = all_.litStart + litTo;
        return Part{v, srcTo - srcFrom};
    }

    // Bytes the part takes as a block of its own after the block's
    // predecessor (header included; raw when compression does not pay).
    size_t cost(size_t first, size_t last) {
        const Part p = part(first, last);
        const BlockEncodeOptions opt = optionsFor(first);
        const size_t body = encodeBlockBody(c_->trialBuff, c_->trialBuffSize, p.seqs, c_->codes, p.srcSize,
                                            *c_->prevEntropy, c_->trialEntropy, c_->predefined, opt, c_->bws);
        if (isError(body)) return ~size_t(0) / 4;  // never worth a cut
        return kBlockHeaderSize + (body ? body : p.srcSize);
    }

    // Cut [first, last), which costs `whole`, while halves cost less; cuts
    // are appended in order.
    void derive(size_t first, size_t last, size_t whole) {
        if (last - first < 2 * kMinPartSeqs || nbCuts_ + 1 >= kMaxParts) return;
        const size_t mid = first + (last - first) / 2;
        const size_t left = cost(first, mid), right = cost(mid, last);
        if (left + right >= whole) return;
        derive(first, mid, left);
        if (nbCuts_ + 1 >= kMaxParts) return;
        cuts_[nbCuts_++] = u32(mid);
        derive(mid, last, right);
    }

    // Parts sharing the tables of the first (targetCBlockSize): `shared`
    // holds the whole block's counts.
    void shareTables(const SharedCounts* shared) { shared_ = shared; }
    // How the part starting at sequence `first` is encoded: the first part
    // declares the shared tables, if any; the others repeat them where they
    // can (new tables, where needed, from the shared counts again).
    BlockEncodeOptions optionsFor(size_t first) const {
        BlockEncodeOptions opt = blockEncodeOptions(c_);
        opt.shared = shared_;
        opt.repeatShared = first != 0 && shared_ != nullptr;
        return opt;
    }

    size_t nbCuts() const { return nbCuts_; }
    size_t cut(size_t i) const { return cuts_[i]; }
    size_t nbSeq() const { return nbSeq_; }
    // The sequences and trailing literals make up exactly the block (true by
    // construction for parsed and given sequences; parts are copied raw from
    // the source by their sizes, so this is checked before cutting).
    bool coversBlock() const { return part(0, nbSeq_).srcSize == srcSize_; }

private:
    // Move the cursor to sequence i: where its literals and bytes start in
    // the block. Parts are asked for near each other, so walking is cheap.
    void seek(size_t i) const {
        for (; at_ < i; ++at_) {
            litAt_ += all_.seqStart[at_].litLength;
            srcAt_ += all_.seqStart[at_].litLength + all_.seqStart[at_].matchLength;
        }
        while (at_ > i) {
            --at_;
            litAt_ -= all_.seqStart[at_].litLength;
            srcAt_ -= all_.seqStart[at_].litLength + all_.seqStart[at_].matchLength;
        }
    }

    CCtx* c_;
    const SharedCounts* shared_ = nullptr;
    SeqStore all_;
    size_t nbSeq_;
    size_t srcSize_;
    mutable size_t at_ = 0, litAt_ = 0, srcAt_ = 0;
    u32 cuts_[kMaxParts];
    size_t nbCuts_ = 0;
};

// Repeat codes of a part that follows parts sent raw may name other offsets
// for the decoder than the parser meant: those become explicit offsets.
// `parser` is the history the parser assumed and advances over the part;
// c->rep is the decoder's.
void fixRepeatCodes(const CCtx* c, SeqStore& part, u32 parser[3]) {
    u32 decoder[3] = {c->rep[0], c->rep[1], c->rep[2]};
    for (SeqDef* s = part.seqStart; s < part.seq; ++s) {
        const bool ll0 = s->litLength == 0;
        const u32 meant = resolveOffset(parser, s->offBase, ll0);
        updateRepHistory(parser, s->offBase, ll0);
        if (s->offBase <= kRepMove && resolveOffset(decoder, s->offBase, ll0) != meant)
            s->offBase = offsetToOffBase(meant);
        updateRepHistory(decoder, s->offBase, ll0);
    }
}

// Write part [first, next) of the block as a block of its own (last: the
// frame's last block ends with it); src advances past its bytes.
size_t emitPart(CCtx* c, const Splitter& sp, size_t first, size_t next, u8* op, size_t room, const u8*& src,
                u32 parser[3], bool last) {
    Part p = sp.part(first, next);
    fixRepeatCodes(c, p.seqs, parser);
    const BlockEncodeOptions opt = sp.optionsFor(first);
    const size_t body = encodeBlockBody(op + kBlockHeaderSize, room - kBlockHeaderSize, p.seqs, c->codes, p.srcSize,
                                        *c->prevEntropy, *c->nextEntropy, c->predefined, opt, c->bws);
    ZEST_TRY(body);
    const size_t w = finishBlock(c, op, room, src, p.srcSize, body, p.seqs, last && next == sp.nbSeq());
    src += p.srcSize;
    return w;
}

}  // namespace

size_t splitBlock(CCtx* c, u8* dst, size_t dstCapacity, const u8* src, size_t srcSize, size_t wholeBody, bool last) {
    Splitter sp(c, srcSize);
    const size_t whole = kBlockHeaderSize + (wholeBody ? wholeBody : srcSize);
    // Parts sent raw could take a header each beyond the source's size: cut
    // only when that fits.
    if (c->trialBuff && sp.nbSeq() >= 2 * kMinPartSeqs && sp.coversBlock()) sp.derive(0, sp.nbSeq(), whole);
    if (sp.nbCuts() == 0 || dstCapacity < srcSize + (sp.nbCuts() + 1) * kBlockHeaderSize)
        return finishBlock(c, dst, dstCapacity, src, srcSize, wholeBody, c->seqs, last);

    u32 parser[3] = {c->rep[0], c->rep[1], c->rep[2]};
    u8* op = dst;
    size_t first = 0;
    for (size_t i = 0; i <= sp.nbCuts(); ++i) {
        const size_t next = i < sp.nbCuts() ? sp.cut(i) : sp.nbSeq();
        const size_t w = emitPart(c, sp, first, next, op, dstCapacity - size_t(op - dst), src, parser, last);
        ZEST_TRY(w);
        op += w;
        first = next;
    }
    return size_t(op - dst);
}

size_t splitToTarget(CCtx* c, u8* dst, size_t dstCapacity, const u8* src, size_t srcSize, size_t wholeBody,
                     bool last) {
    const size_t target = c->fparams.targetCBlockSize;
    Splitter sp(c, srcSize);
    const size_t n = sp.nbSeq();
    const size_t whole = kBlockHeaderSize + wholeBody;
    // Blocks sent raw or RLE stay whole, as do those within the target.
    if (wholeBody == 0 || whole <= target || n < 2 || !c->trialBuff || !sp.coversBlock())
        return finishBlock(c, dst, dstCapacity, src, srcSize, wholeBody, c->seqs, last);
    const size_t maxParts = std::min(n, 2 * whole / target + 2);
    if (dstCapacity < srcSize + maxParts * kBlockHeaderSize)
        return finishBlock(c, dst, dstCapacity, src, srcSize, wholeBody, c->seqs, last);

    // One set of tables for all parts: built for the whole block, declared
    // by the first part, repeated by the others where that costs less than
    // tables of their own (a table per part of a few KiB would cost more than
    // the part saves with it).
    SharedCounts shared;
    countBlock(shared, c->seqs, c->codes, c->bws.hist);
    sp.shareTables(&shared);
    u32 parser[3] = {c->rep[0], c->rep[1], c->rep[2]};
    u8* op = dst;
    size_t first = 0, parts = 0;
    size_t perPart = std::max<size_t>(1, n * target / whole);  // sequences a part holds, as seen so far
    while (first < n) {
        // The most sequences from `first` whose block (encoded for real after
        // the parts before) stays within the target, found by a few probes:
        // at least one sequence, everything left in the last allowed part.
        size_t good = first + 1, bad = n + 1;
        if (++parts == maxParts) good = n;
        size_t probe = std::min(n, first + perPart);
        for (int k = 0; k < kTargetProbes && good + 1 < bad; ++k) {
            if (probe > good && probe < bad) {
                if (sp.cost(first, probe) <= target) good = probe;
                else bad = probe;
            }
            if (good == n) break;
            probe = bad == n + 1 ? std::min(n, good + (good - first)) : good + (bad - good) / 2;
        }
        const size_t next = good;
        perPart = next - first;
        const size_t w = emitPart(c, sp, first, next, op, dstCapacity - size_t(op - dst), src, parser, last);
        ZEST_TRY(w);
        op += w;
        first = next;
    }
    return size_t(op - dst);
}

}  // namespace zest
