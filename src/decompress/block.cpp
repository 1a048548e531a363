#include "decompress/block.h"

#include "common/bit_reader.h"
#include "common/cpu.h"
#include "decompress/copy.h"

namespace zest {

namespace {

constexpr size_t kMinLiteralsFor4Streams = 6;
constexpr size_t kLiteralsForCells2 = 4096;

// ---- Literals section ------------------------------------------------------

size_t decodeLiterals(BlockState& st, const u8* src, size_t srcSize, size_t blockSizeMax) {
    if (srcSize < 1) return ZEST_ERR(corruption_detected);
    const unsigned type = src[0] & 3;
    const unsigned sizeFormat = (src[0] >> 2) & 3;

    if (type <= 1) {  // raw or RLE: only a regenerated size
        size_t lh, litSize;
        switch (sizeFormat) {
        case 1:
            if (srcSize < 2) return ZEST_ERR(corruption_detected);
            lh = 2;
            litSize = readLE16(src) >> 4;
            break;
        case 3:
            if (srcSize < 3) return ZEST_ERR(corruption_detected);
            lh = 3;
            litSize = readLE24(src) >> 4;
            break;
        default:
            lh = 1;
            litSize = src[0] >> 3;
            break;
        }
        if (litSize > blockSizeMax) return ZEST_ERR(corruption_detected);
        if (type == 0) {
            if (litSize > srcSize - lh) return ZEST_ERR(corruption_detected);
            if (litSize + kWildcopySlack <= srcSize - lh) {
                st.litPtr = src + lh;  // enough input after them to read in place
            } else {
                std::memcpy(st.litBuffer, src + lh, litSize);
                std::memset(st.litBuffer + litSize, 0, kWildcopySlack);
                st.litPtr = st.litBuffer;
            }
            st.litSize = litSize;
            return lh + litSize;
        }
        if (srcSize - lh < 1) return ZEST_ERR(corruption_detected);
        std::memset(st.litBuffer, src[lh], litSize + kWildcopySlack);
        st.litPtr = st.litBuffer;
        st.litSize = litSize;
        return lh + 1;
    }

    // Huffman-compressed, with a new table (2) or the previous one (3).
    // (Checks in the reference's order, so errors match.)
    if (type == 3 && st.huf == nullptr) return ZEST_ERR(dictionary_corrupted);
    if (srcSize < 5) return ZEST_ERR(corruption_detected);
    size_t lh, litSize, compSize;
    bool fourStreams = sizeFormat != 0;
    const u32 h = readLE32(src);
    switch (sizeFormat) {
    case 0:
    case 1:
        lh = 3;
        litSize = (h >> 4) & 0x3FF;
        compSize = (h >> 14) & 0x3FF;
        break;
    case 2:
        lh = 4;
        litSize = (h >> 4) & 0x3FFF;
        compSize = h >> 18;
        break;
    default:
        lh = 5;
        litSize = (h >> 4) & 0x3FFFF;
        compSize = (h >> 22) | (size_t(src[4]) << 10);
        break;
    }
    if (litSize > blockSizeMax) return ZEST_ERR(corruption_detected);
    if (compSize > srcSize - lh) return ZEST_ERR(corruption_detected);
    if (fourStreams && litSize < kMinLiteralsFor4Streams) return ZEST_ERR(literals_headerWrong);
    const u8* ip = src + lh;
    size_t streamSize = compSize;
    if (type == 2) {
        const size_t tableSize = readHufTable(&st.hufSpace, ip, compSize);
        if (isError(tableSize)) return ZEST_ERR(corruption_detected);
        st.huf = &st.hufSpace;
        ip += tableSize;
        streamSize -= tableSize;
    }
    // Double-symbol lookups pay for their table once there are enough
    // literals, and only when codes are short enough (under ~5.5 bits on
    // average) for two of them to fit in one 11-bit lookup often.
    if (fourStreams && litSize >= kLiteralsForCells2 && st.huf == &st.hufSpace && !st.hufSpace.hasCells2 &&
        streamSize * 16 < litSize * 11)
        hufBuildCells2(st.hufSpace);
    const size_t r = fourStreams ? hufDecode4Streams(st.litBuffer, litSize, ip, streamSize, *st.huf, st.bmi2)
                                 : hufDecode1Stream(st.litBuffer, litSize, ip, streamSize, *st.huf);
    if (isError(r)) return ZEST_ERR(corruption_detected);
    std::memset(st.litBuffer + litSize, 0, kWildcopySlack);
    st.litPtr = st.litBuffer;
    st.litSize = litSize;
    return lh + compSize;
}

// ---- Sequences -------------------------------------------------------------

struct Sequence {
    size_t litLength;
    size_t matchLength;
    size_t offset;
};

// Sequence decoding state, kept in locals of the hot loop (no arrays: a
// variably indexed array would live in memory).
struct SeqDecoder {
    BitReader br;
    const SeqCell* llTable;
    const SeqCell* mlTable;
    const SeqCell* ofTable;
    size_t llState, mlState, ofState;
    size_t rep0, rep1, rep2;

    template <bool kUpdateStates>
    ZEST_FORCE_INLINE Sequence decode() {
        const SeqCell ll = llTable[llState];
        const SeqCell ml = mlTable[mlState];
        const SeqCell of = ofTable[ofState];
        Sequence seq;
        const unsigned ofBits = of.nbAddBits;
        const unsigned mlBits = ml.nbAddBits;
        const unsigned llBits = ll.nbAddBits;

        size_t offset;
        if (ofBits > 1) {
            offset = of.baseValue + br.readFast(ofBits) - 3;
            rep2 = rep1;
            rep1 = rep0;
            rep0 = offset;
        } else if (ofBits == 0) {
            // Repeat code 1: the latest offset, or the second with no literals.
            // Written as selects: whether LL is zero is not predictable.
            const bool ll0 = ll.baseValue == 0;
            offset = ll0 ? rep1 : rep0;
            rep1 = ll0 ? rep0 : rep1;
            rep0 = offset;
        } else {
            // Repeat codes 2 and 3, shifted by one when LL is zero:
            // 1 -> rep1, 2 -> rep2, 3 -> rep0 - 1.
            const size_t idx = of.baseValue + br.readFast(1) - 1 + (ll.baseValue == 0);
            offset = idx == 1 ? rep1 : idx == 2 ? rep2 : rep0 - 1;
            rep2 = idx == 1 ? rep2 : rep1;
            rep1 = rep0;
            rep0 = offset;
        }
        seq.offset = offset;
        seq.matchLength = ml.baseValue;
        if (mlBits) seq.matchLength += br.readFast(mlBits);
        if (ofBits + mlBits + llBits > 30) br.reload();
        seq.litLength = ll.baseValue;
        if (llBits) seq.litLength += br.readFast(llBits);

        if (kUpdateStates) {
            llState = ll.nextStateBase + br.read(ll.nbBits);
            mlState = ml.nextStateBase + br.read(ml.nbBits);
            ofState = of.nextStateBase + br.read(of.nbBits);
            br.reload();
        }
        return seq;
    }
};

struct ExecContext {
    const u8* prefixStart;
    const u8* virtualStart;
    const u8* dictEnd;
};

// A match that starts in the older segment (dictionary or previous window
// part): exact copies, since reading past that segment's end is not allowed.
ZEST_NOINLINE size_t copyMatchFromOlderSegment(u8* oLitEnd, const Sequence& seq, const ExecContext& h) {
    if (seq.offset > size_t(oLitEnd - h.virtualStart)) return ZEST_ERR(corruption_detected);
    const size_t back = seq.offset - size_t(oLitEnd - h.prefixStart);
    const u8* m = h.dictEnd - back;
    if (seq.matchLength <= back) {
        std::memmove(oLitEnd, m, seq.matchLength);
        return 0;
    }
    std::memmove(oLitEnd, m, back);
    overlapCopyExact(oLitEnd + back, h.prefixStart, seq.matchLength - back);
    return 0;
}

// Execute one sequence without the fast path's slack: exact copies only.
// (The caller advances its literal pointer on success.)
ZEST_NOINLINE size_t execSequenceSafe(u8* op, u8* const oend, const Sequence seq, const u8* lit,
                                      const u8* const litEnd, const ExecContext h) {
    if (seq.offset == 0) return ZEST_ERR(corruption_detected);
    if (seq.litLength > size_t(litEnd - lit)) return ZEST_ERR(corruption_detected);
    const size_t total = seq.litLength + seq.matchLength;
    if (total > size_t(oend - op)) return ZEST_ERR(dstSize_tooSmall);
    if (seq.litLength) std::memcpy(op, lit, seq.litLength);
    u8* const oLitEnd = op + seq.litLength;
    if (seq.offset > size_t(oLitEnd - h.prefixStart)) {
        ZEST_TRY(copyMatchFromOlderSegment(oLitEnd, seq, h));
        return total;
    }
    overlapCopyExact(oLitEnd, oLitEnd - seq.offset, seq.matchLength);
    return total;
}

// Execute one sequence: the fast path inline, everything else out of line.
// Returns 0 or an error; op and lit advance on success.
ZEST_FORCE_INLINE size_t execSequence(u8*& op, u8* const oend, u8* const oendWild, const Sequence& seq,
                                      const u8*& lit, const u8* const litEnd, const ExecContext& h) {
    u8* const oLitEnd = op + seq.litLength;
    u8* const oMatchEnd = oLitEnd + seq.matchLength;
    const u8* const litNext = lit + seq.litLength;
    // Fast path: room for the overrunning copies and literals available.
    if (ZEST_LIKELY(oMatchEnd <= oendWild && litNext <= litEnd && seq.offset != 0)) {
        copy16(op, lit);
        if (ZEST_UNLIKELY(seq.litLength > 16)) wildCopy16(op + 16, lit + 16, seq.litLength - 16);
        const size_t inPrefix = size_t(oLitEnd - h.prefixStart);
        if (ZEST_LIKELY(seq.offset <= inPrefix)) {
            wildMatchCopy(oLitEnd, seq.offset, seq.matchLength);
        } else if (seq.offset <= size_t(oLitEnd - h.virtualStart) &&
                   seq.offset - inPrefix >= seq.matchLength + kWildcopySlack) {
            // Wholly inside the older segment with room to overrun the read:
            // the segment lies apart from (or far ahead of) the bytes written.
            wildCopy16(oLitEnd, h.dictEnd - (seq.offset - inPrefix), seq.matchLength);
        } else {
            const size_t r = copyMatchFromOlderSegment(oLitEnd, seq, h);
            if (isError(r)) return r;
        }
        op = oMatchEnd;
        lit = litNext;
        return 0;
    }
    const size_t r = execSequenceSafe(op, oend, seq, lit, litEnd, h);
    if (isError(r)) return r;
    op += r;
    lit = litNext;
    return 0;
}

ZEST_FORCE_INLINE size_t decodeSequencesBody(BlockState& st, u8* dst, size_t dstCapacity, const u8* src,
                                             size_t srcSize, size_t nbSeq) {
    u8* op = dst;
    u8* const oend = dst + dstCapacity;
    const u8* lit = st.litPtr;
    const u8* const litEnd = lit + st.litSize;
    const ExecContext h{st.prefixStart, st.virtualStart, st.dictEnd};

    if (nbSeq) {
        SeqDecoder d;
        if (isError(d.br.init(src, srcSize))) return ZEST_ERR(corruption_detected);
        d.llTable = st.llTable;
        d.mlTable = st.mlTable;
        d.ofTable = st.ofTable;
        d.llState = d.br.read(st.llLog);
        d.ofState = d.br.read(st.ofLog);
        d.mlState = d.br.read(st.mlLog);
        d.br.reload();
        d.rep0 = st.rep[0];
        d.rep1 = st.rep[1];
        d.rep2 = st.rep[2];
        // Below oendWild the copies may overrun by up to kWildcopySlack bytes.
        u8* const oendWild = dstCapacity >= kWildcopySlack ? oend - kWildcopySlack : dst;
        for (size_t n = nbSeq; n > 1; n--) {
            const Sequence seq = d.decode<true>();
            const size_t err = execSequence(op, oend, oendWild, seq, lit, litEnd, h);
            if (ZEST_UNLIKELY(err)) return err;
        }
        {
            const Sequence seq = d.decode<false>();
            const size_t err = execSequence(op, oend, oendWild, seq, lit, litEnd, h);
            if (ZEST_UNLIKELY(err)) return err;
        }
        if (d.br.reload() != BitReader::kCompleted) return ZEST_ERR(corruption_detected);
        st.rep[0] = u32(d.rep0);
        st.rep[1] = u32(d.rep1);
        st.rep[2] = u32(d.rep2);
    }

    const size_t lastLits = size_t(litEnd - lit);
    if (lastLits > size_t(oend - op)) return ZEST_ERR(dstSize_tooSmall);
    if (lastLits) {
        std::memcpy(op, lit, lastLits);
        op += lastLits;
    }
    return size_t(op - dst);
}

// The same loop compiled for the baseline and for BMI2 machines.
ZEST_NOINLINE size_t decodeSequencesDefault(BlockState& st, u8* dst, size_t dstCapacity, const u8* src,
                                            size_t srcSize, size_t nbSeq) {
    return decodeSequencesBody(st, dst, dstCapacity, src, srcSize, nbSeq);
}
ZEST_NOINLINE ZEST_TARGET_BMI2 size_t decodeSequencesBmi2(BlockState& st, u8* dst, size_t dstCapacity,
                                                         const u8* src, size_t srcSize, size_t nbSeq) {
    return decodeSequencesBody(st, dst, dstCapacity, src, srcSize, nbSeq);
}

}  // namespace

size_t decodeCompressedBlock(BlockState& st, u8* dst, size_t dstCapacity, const u8* src, size_t srcSize,
                             size_t blockSizeMax) {
    if (srcSize > blockSizeMax) return ZEST_ERR(corruption_detected);
    if (dstCapacity > blockSizeMax) dstCapacity = blockSizeMax;

    const size_t litBytes = decodeLiterals(st, src, srcSize, blockSizeMax);
    if (isError(litBytes)) return litBytes;
    const u8* ip = src + litBytes;
    const u8* const iend = src + srcSize;

    // Sequences section header.
    if (ip >= iend) return ZEST_ERR(corruption_detected);
    size_t nbSeq = *ip++;
    if (nbSeq >= 128) {
        if (nbSeq == 255) {
            if (iend - ip < 2) return ZEST_ERR(corruption_detected);
            nbSeq = readLE16(ip) + 0x7F00;
            ip += 2;
        } else {
            if (ip >= iend) return ZEST_ERR(corruption_detected);
            nbSeq = ((nbSeq - 128) << 8) + *ip++;
        }
    }
    if (nbSeq == 0) {
        // The section ends at the count, whatever form it took.
        if (ip != iend) return ZEST_ERR(corruption_detected);
    } else {
        if (ip >= iend) return ZEST_ERR(corruption_detected);
        const unsigned modes = *ip++;
        if (modes & 3) return ZEST_ERR(corruption_detected);
        size_t n = readSeqTable<SeqKind::literalLength>(&st.llTable, &st.llLog, st.seqSpace.ll, modes >> 6, ip,
                                size_t(iend - ip));
        if (isError(n)) return ZEST_ERR(corruption_detected);
        ip += n;
        n = readSeqTable<SeqKind::offset>(&st.ofTable, &st.ofLog, st.seqSpace.of, (modes >> 4) & 3, ip,
                         size_t(iend - ip));
        if (isError(n)) return ZEST_ERR(corruption_detected);
        ip += n;
        n = readSeqTable<SeqKind::matchLength>(&st.mlTable, &st.mlLog, st.seqSpace.ml, (modes >> 2) & 3, ip,
                         size_t(iend - ip));
        if (isError(n)) return ZEST_ERR(corruption_detected);
        ip += n;
        if (ip >= iend) return ZEST_ERR(corruption_detected);
    }
    return st.bmi2 ? decodeSequencesBmi2(st, dst, dstCapacity, ip, size_t(iend - ip), nbSeq)
                   : decodeSequencesDefault(st, dst, dstCapacity, ip, size_t(iend - ip), nbSeq);
}

}  // namespace zest
