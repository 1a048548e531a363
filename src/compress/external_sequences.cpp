// Sequences from outside the match finders (see external_sequences.h).
#include "compress/external_sequences.h"

#include "compress/cctx_impl.h"

namespace zest {
namespace {

constexpr u32 kMinMatchLength = 3;           // the format's shortest match
constexpr u32 kMaxOffset = (u32(1) << 31) - 4;  // Offset_Value must fit 32 bits

// Repeat offset codes as the decoder reads them, where asked for.
u32 offBaseFor(const u32 rep[3], u32 offset, bool litLengthZero, bool resolve) {
    return resolve ? offBaseForOffset(rep, offset, litLengthZero) : offsetToOffBase(offset);
}

// Distance a match starting at `at` may reach back: the window (which holds
// a dictionary's content, attached or not, as its older segment while the
// dictionary is in reach).
u64 reachAt(const MatchState& ms, const u8* at) {
    const u32 idx = ms.window.indexOf(at);
    return idx - lowestMatchIndex(ms, idx);
}

struct Appender {
    CCtx* c;
    SequenceFeed& f;
    u32 rep[3];
    const u8* ip;       // source position of the next literals (null: literals only)
    const u8* ipEnd;

    // One sequence, whole, into the block.
    bool add(u32 lit, u32 match, u32 offset) {
        if (match < kMinMatchLength || offset == 0 || offset > kMaxOffset) return false;
        const u8* lits = f.literals ? f.literals : ip;
        const u8* litsEnd = f.literals ? f.literalsEnd : ipEnd;
        if (f.literals && u64(litsEnd - lits) < lit) return false;
        if (f.validate && ip && reachAt(c->ms, ip + lit) < offset) return false;
        const u32 offBase = offBaseFor(rep, offset, lit == 0, f.resolveRepcodes);
        c->seqs.add(lit, lits, litsEnd, offBase, match);
        updateRepHistory(rep, offBase, lit == 0);
        if (f.literals) f.literals += lit;
        if (ip) ip += lit + match;
        return true;
    }
};

}  // namespace

size_t checkSequenceTotals(const ExtSequence* seqs, size_t n, size_t srcSize, bool explicitDelimiters) {
    u64 total = 0;
    for (size_t i = 0; i < n; ++i) {
        const ExtSequence& s = seqs[i];
        const bool delimiter = s.matchLength == 0 && s.offset == 0;
        if (!delimiter && s.matchLength != 0 && s.matchLength < kMinMatchLength) return ZEST_ERR(externalSequences_invalid);
        total += u64(s.litLength) + s.matchLength;
    }
    if (total > srcSize || (explicitDelimiters && total != srcSize)) return ZEST_ERR(externalSequences_invalid);
    return 0;
}

size_t feedBlock(CCtx* c, SequenceFeed& f, const u8* src, size_t n) {
    Appender a{c, f, {c->rep[0], c->rep[1], c->rep[2]}, src, src ? src + n : nullptr};
    size_t budget = n;
    if (f.explicitDelimiters) {
        // Sequences up to the next delimiter make exactly this block.
        while (f.next < f.count) {
            const ExtSequence& s = f.seqs[f.next++];
            if (s.matchLength == 0 && s.offset == 0) {
                if (s.litLength != budget) return ZEST_ERR(externalSequences_invalid);
                if (f.literals) {
                    if (u64(f.literalsEnd - f.literals) < budget) return ZEST_ERR(externalSequences_invalid);
                    c->seqs.addLastLiterals(f.literals, budget);
                    f.literals += budget;
                }
                return budget;
            }
            if (u64(s.litLength) + s.matchLength > budget || !a.add(s.litLength, s.matchLength, s.offset))
                return ZEST_ERR(externalSequences_invalid);
            budget -= s.litLength + s.matchLength;
        }
        if (budget == 0) return 0;  // the last block may do without its delimiter
        return ZEST_ERR(externalSequences_invalid);
    }
    // No delimiters: blocks are cut where the context's block size says, and
    // a sequence running over a cut is split. Match bytes that cannot stay a
    // match (fewer than 3 on a side) become literals; any bytes may.
    size_t covered = 0;  // bytes of the block the added sequences cover
    while (covered < n) {
        const size_t budget = n - covered;
        if (!f.haveCurrent) {
            if (f.next == f.count) break;  // the rest of the source is literals
            const ExtSequence& s = f.seqs[f.next++];
            if (s.matchLength == 0) {  // literals only (a stray delimiter): merged with what follows
                if (s.offset != 0 && f.validate) return ZEST_ERR(externalSequences_invalid);
                f.carry += s.litLength;
                continue;
            }
            f.curLit = s.litLength + f.carry;
            f.carry = 0;
            f.curMatch = s.matchLength;
            f.curOffset = s.offset;
            f.haveCurrent = true;
        }
        if (f.curLit >= budget) {  // the block ends inside the literals
            f.curLit -= u32(budget);
            break;
        }
        if (u64(f.curLit) + f.curMatch <= budget) {
            if (!a.add(f.curLit, f.curMatch, f.curOffset)) return ZEST_ERR(externalSequences_invalid);
            covered += f.curLit + f.curMatch;
            f.haveCurrent = false;
            continue;
        }
        // The match runs over the cut: its head stays a match if it can,
        // else the block ends with those bytes as literals.
        const u32 room = u32(budget) - f.curLit;
        if (room >= kMinMatchLength) {
            if (!a.add(f.curLit, room, f.curOffset)) return ZEST_ERR(externalSequences_invalid);
            covered = n;
        }
        f.curLit = 0;
        f.curMatch -= room;
        if (f.curMatch < kMinMatchLength) {  // a stub: literals of the next sequence
            f.carry += f.curMatch;
            f.haveCurrent = false;
        }
        break;
    }
    return n - covered;
}

void captureBlock(CCtx* c, SequenceCapture& cap, size_t srcSize) {
    u32 rep[3] = {c->rep[0], c->rep[1], c->rep[2]};
    size_t covered = 0;
    auto push = [&](const ExtSequence& e) {
        if (cap.count == cap.capacity) {
            cap.overflow = true;
            return;
        }
        cap.out[cap.count++] = e;
    };
    for (const SeqDef* s = c->seqs.seqStart; s < c->seqs.seq; ++s) {
        const bool litZero = s->litLength == 0;
        u32 offset, repNumber = 0;
        if (s->offBase > kRepMove) {
            offset = s->offBase - kRepMove;
        } else {
            const u32 code = s->offBase - 1 + (litZero ? 1 : 0);  // 0..3; 3 is "rep[0] - 1"
            offset = code == 3 ? rep[0] - 1 : rep[code];
            repNumber = s->offBase;  // the repeat code as written (read with litLength, as the format does)
        }
        push(ExtSequence{offset, s->litLength, s->matchLength, repNumber});
        updateRepHistory(rep, s->offBase, litZero);
        covered += size_t(s->litLength) + s->matchLength;
    }
    push(ExtSequence{0, u32(srcSize - covered), 0, 0});
}

size_t produceBlock(CCtx* c, const u8* src, size_t srcSize) {
    const FrameParams& fp = c->fparams;
    // As the reference: the producer is not shown the dictionary.
    const SequenceProducer& p = fp.producer;
    const size_t n = p.invoke(p.fn, p.state, c->producerSeqs, c->producerCapacity, src, srcSize, nullptr, 0, fp.level,
                              size_t(1) << fp.cp.windowLog);
    if (n == kSequenceProducerError || n > c->producerCapacity) return ZEST_ERR(sequenceProducer_failed);
    if (isError(checkSequenceTotals(c->producerSeqs, n, srcSize, true))) return ZEST_ERR(sequenceProducer_failed);
    SequenceFeed feed;
    feed.seqs = c->producerSeqs;
    feed.count = n;
    feed.explicitDelimiters = true;
    feed.validate = true;
    feed.resolveRepcodes = fp.resolveRepcodes;
    c->seqs.reset();
    const size_t r = feedBlock(c, feed, src, srcSize);
    if (isError(r)) return ZEST_ERR(sequenceProducer_failed);
    for (size_t i = feed.next; i < n; ++i)  // only empty delimiters may follow
        if (c->producerSeqs[i].litLength || c->producerSeqs[i].matchLength) return ZEST_ERR(sequenceProducer_failed);
    return r;
}

}  // namespace zest
