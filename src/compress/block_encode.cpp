// Literals and sequences sections of compressed blocks.
#include "compress/block_encode.h"

#include <algorithm>
#include <cstring>

#include "common/cpu.h"
#include "compress/length_codes.h"
#include "format/sequence_codes.h"

namespace zest {
namespace {

// ---- Literals ---------------------------------------------------------------------

size_t writeRleLiterals(u8* dst, size_t dstCapacity, u8 symbol, size_t litSize) {
    const size_t hSize = 1 + (litSize >= 32) + (litSize >= 4096);
    if (dstCapacity < hSize + 1) return ZEST_ERR(dstSize_tooSmall);
    const u32 type = 1;
    if (hSize == 1) dst[0] = u8(type | (litSize << 3));
    else if (hSize == 2) writeLE16(dst, u16(type | (1u << 2) | (litSize << 4)));
    else writeLE24(dst, u32(type | (3u << 2) | (litSize << 4)));
    dst[hSize] = symbol;
    return hSize + 1;
}

}  // namespace

size_t writeRawLiterals(u8* dst, size_t dstCapacity, const u8* lit, size_t litSize) {
    const size_t hSize = 1 + (litSize >= 32) + (litSize >= 4096);
    if (dstCapacity < hSize + litSize) return ZEST_ERR(dstSize_tooSmall);
    if (hSize == 1) dst[0] = u8(litSize << 3);
    else if (hSize == 2) writeLE16(dst, u16((1u << 2) | (litSize << 4)));
    else writeLE24(dst, u32((3u << 2) | (litSize << 4)));
    if (litSize) std::memcpy(dst + hSize, lit, litSize);
    return hSize + litSize;
}

// Sample size of the incompressibility check of literals.
constexpr size_t kSampleSize = 4096;

size_t encodeLiterals(u8* dst, size_t dstCapacity, const u8* lit, size_t litSize, const EntropyTables& prev,
                      EntropyTables& next, const BlockEncodeOptions& opt, BlockEncodeWorkspace& ws) {
    // Until a new table is chosen, the decoder keeps the previous one.
    auto keepPrevious = [&] {
        std::memcpy(&next.huf, &prev.huf, sizeof next.huf);
        next.hufRepeat = prev.hufRepeat;
    };
    auto raw = [&] {
        keepPrevious();
        return writeRawLiterals(dst, dstCapacity, lit, litSize);
    };
    if (!opt.compressLiterals) return raw();
    // Tiny literal runs do not repay a table description (a trusted or a
    // block's shared table may still be reused).
    const size_t minSize = prev.hufRepeat == RepeatMode::valid || opt.repeatShared ? 6 : 63;
    if (litSize < minSize) return raw();

    const size_t lhSize = 3 + (litSize >= 1024) + (litSize >= 16 * 1024);
    if (dstCapacity < lhSize + 1) return raw();
    u8* const body = dst + lhSize;
    const size_t bodyCapacity = dstCapacity - lhSize;

    // Huffman streams after a description of descSize bytes (0: the previous
    // table, treeless), then the section header; raw when not worth it.
    auto emit = [&](const HufCTable& table, size_t descSize, bool reuse) {
        // One stream below 256 literals; also below 1K with a reused table,
        // where the 6-byte jump table is a large share of a small section.
        const bool singleStream = litSize < 256 || (reuse && lhSize == 3);
        const size_t streams =
            singleStream ? hufCompress1Stream(body + descSize, bodyCapacity - descSize, lit, litSize, table, opt.bmi2)
                         : hufCompress4Streams(body + descSize, bodyCapacity - descSize, lit, litSize, table, opt.bmi2);
        if (isError(streams) || streams == 0) return raw();
        const size_t cLitSize = descSize + streams;
        if (cLitSize >= litSize - minGain(litSize, opt.strategy)) return raw();
        if (reuse) keepPrevious();
        else next.hufRepeat = RepeatMode::check;
        const u32 type = reuse ? 3 : 2;
        switch (lhSize) {
        case 3: {
            const u32 sizeFormat = singleStream ? 0 : 1;
            writeLE24(dst, type | (sizeFormat << 2) | u32(litSize << 4) | u32(cLitSize << 14));
            break;
        }
        case 4: writeLE32(dst, type | (2u << 2) | u32(litSize << 4) | u32(cLitSize << 18)); break;
        default:
            writeLE32(dst, type | (3u << 2) | u32(litSize << 4) | u32(cLitSize << 22));
            dst[4] = u8(cLitSize >> 10);
            break;
        }
        return lhSize + cLitSize;
    };

    // The fast strategies trust a complete table (a dictionary's) on small
    // literal sections, without even counting: a new table would rarely
    // repay its description, and tiny sections would otherwise go raw.
    if (prev.hufRepeat == RepeatMode::valid && litSize <= 1024 && opt.strategy < Strategy::lazy)
        return emit(prev.huf, 0, true);

    unsigned maxSymbol = 0;
    // Blocks that are nearly all literals are often incompressible (already
    // compressed data): judge two small samples before counting everything.
    if (opt.suspectIncompressible && litSize >= kSampleSize * 10) {
        const u32 head = countBytes(ws.counts, &maxSymbol, lit, kSampleSize, ws.hist);
        const u32 tail = countBytes(ws.counts, &maxSymbol, lit + litSize - kSampleSize, kSampleSize, ws.hist);
        constexpr u32 kFlat = (kSampleSize >> 7) + 4;
        if (head <= kFlat && tail <= kFlat) return raw();
    }
    const u32 largest = countBytes(ws.counts, &maxSymbol, lit, litSize, ws.hist);
    if (largest == litSize) {
        keepPrevious();
        return writeRleLiterals(dst, dstCapacity, lit[0], litSize);
    }
    if (largest <= (litSize >> 7) + 4) return raw();  // close to uniform: Huffman cannot win

    const bool repeatUsable = prev.hufRepeat == RepeatMode::valid ||
                              (prev.hufRepeat == RepeatMode::check && hufCanEncode(prev.huf, ws.counts, maxSymbol));
    // A new table from the shared counts when given (a superset of these).
    const u32* const buildCounts = opt.shared ? opt.shared->lit : ws.counts;
    const unsigned buildMax = opt.shared ? opt.shared->litMax : maxSymbol;
    const unsigned maxBits = hufSuggestMaxBits(opt.shared ? opt.shared->litTotal : litSize, buildMax);
    if (opt.repeatShared && repeatUsable) return emit(prev.huf, 0, true);
    if (isError(hufBuildCTable(&next.huf, buildCounts, buildMax, maxBits, ws.huf))) {
        return repeatUsable ? emit(prev.huf, 0, true) : raw();
    }
    const size_t descSize = hufWriteCTable(body, bodyCapacity, next.huf, ws.huf);
    if (isError(descSize)) return repeatUsable ? emit(prev.huf, 0, true) : raw();
    if (repeatUsable) {
        const size_t repeatCost = hufEstimateBytes(prev.huf, ws.counts, maxSymbol);
        const size_t newCost = descSize + hufEstimateBytes(next.huf, ws.counts, maxSymbol);
        if (repeatCost <= newCost || descSize + 12 >= litSize) return emit(prev.huf, 0, true);
    }
    return emit(next.huf, descSize, false);
}

namespace {

// ---- Sequences ----------------------------------------------------------------------

enum class SeqMode : u8 { predefined = 0, rle = 1, compressed = 2, repeat = 3 };

// What one of the three code streams looks like and what it may reuse.
struct StreamChoice {
    const u8* codes;
    size_t nbSeq;
    unsigned maxCode;           // largest code the format allows for this stream
    const short* defaultNorm;
    unsigned defaultMaxSymbol;
    unsigned defaultLog;
    unsigned maxLog;
    const FseCTable* predefined;
    const FseCTable* prevTable;
    RepeatMode prevRepeat;
    // Counts a new table is built from instead (SharedCounts), or null.
    const u32* sharedCounts;
    unsigned sharedMax;
    size_t sharedTotal;
    bool repeatShared;  // prevTable is shared: repeat it wherever it can code the stream
};

// Pick the mode of one stream, build its table into `table`, and write its
// description (RLE byte or FSE counts) to dst. Returns the bytes written or
// an error; *mode and *repeat receive the decision.
size_t encodeSeqTable(u8* dst, size_t dstCapacity, const StreamChoice& c, Strategy strategy, FseCTable& table,
                      SeqMode* mode, RepeatMode* repeat, BlockEncodeWorkspace& ws) {
    u32* const counts = ws.counts;
    unsigned maxSymbol = 0;
    const u32 largest = c.nbSeq >= 1024 ? countSymbols(counts, &maxSymbol, c.codes, c.nbSeq, c.maxCode, ws.hist)
                                        : countSymbolsSimple(counts, &maxSymbol, c.codes, c.nbSeq, c.maxCode);
    const bool defaultAllowed = maxSymbol <= c.defaultMaxSymbol;

    auto usePredefined = [&] {
        *mode = SeqMode::predefined;
        *repeat = RepeatMode::none;
        std::memcpy(&table, c.predefined, sizeof table);
        return size_t(0);
    };
    auto useRepeat = [&] {
        *mode = SeqMode::repeat;
        *repeat = c.prevRepeat;
        std::memcpy(&table, c.prevTable, sizeof table);
        return size_t(0);
    };

    if (isSingleSymbol(largest, c.nbSeq)) {
        if (defaultAllowed && c.nbSeq <= 2) return usePredefined();
        if (dstCapacity < 1) return ZEST_ERR(dstSize_tooSmall);
        dst[0] = c.codes[0];
        fseBuildCTableRle(&table, c.codes[0]);
        *mode = SeqMode::rle;
        *repeat = RepeatMode::check;
        return 1;
    }

    if (c.repeatShared && c.prevRepeat != RepeatMode::none &&
        !isError(fseCTableCostBits(*c.prevTable, counts, maxSymbol)))
        return useRepeat();
    // A new table's counts: the stream's own, or the shared ones.
    const u32* const buildCounts = c.sharedCounts ? c.sharedCounts : counts;
    const unsigned buildMax = c.sharedCounts ? c.sharedMax : maxSymbol;
    const size_t buildTotal = c.sharedCounts ? c.sharedTotal : c.nbSeq;
    const unsigned tableLog = fseOptimalTableLog(c.maxLog, buildTotal, buildMax);
    // "Less than 1" cells pay on long streams; on short ones they mostly make
    // both sides' table builds slower (the spread loses its fast path).
    const bool lowProbMinusOne = buildTotal >= 2048;
    if (strategy < Strategy::lazy) {
        // Cheap rules for the fast strategies: trust a valid old table on short
        // blocks, and take the predefined table when a custom one would not pay.
        if (defaultAllowed) {
            const size_t mult = 10 - size_t(strategy);
            const size_t dynamicMin = ((size_t(1) << c.defaultLog) * mult) >> 3;
            if (c.prevRepeat == RepeatMode::valid && c.nbSeq < 1000) return useRepeat();
            if (c.nbSeq < dynamicMin || largest < (c.nbSeq >> (c.defaultLog - 1))) return usePredefined();
        }
    } else {
        // Compare the estimated sizes of every allowed option.
        const size_t kNone = ~size_t(0);
        size_t predefinedCost = kNone, repeatCost = kNone;
        if (defaultAllowed) {
            const size_t bits = fseCostBits(c.defaultNorm, c.defaultLog, counts, maxSymbol);
            if (!isError(bits)) predefinedCost = bits;
        }
        if (c.prevRepeat != RepeatMode::none) {
            const size_t bits = fseCTableCostBits(*c.prevTable, counts, maxSymbol);
            if (!isError(bits)) repeatCost = bits;
        }
        ZEST_TRY(fseNormalizeCounts(ws.norm, tableLog, buildCounts, buildTotal, buildMax, lowProbMinusOne));
        const size_t descBits = 8 * fseNormalizedCountsBound(buildMax, tableLog);  // pessimistic; refined below
        u8 desc[kFseMaxSymbolValue + 16];
        const size_t descSize = fseWriteNormalizedCounts(desc, sizeof desc, ws.norm, buildMax, tableLog);
        const size_t compressedCost =
            (isError(descSize) ? descBits : 8 * descSize) + fseCostBits(ws.norm, tableLog, counts, maxSymbol);
        if (predefinedCost <= repeatCost && predefinedCost <= compressedCost) return usePredefined();
        if (repeatCost < compressedCost) return useRepeat();
    }

    ZEST_TRY(fseNormalizeCounts(ws.norm, tableLog, buildCounts, buildTotal, buildMax, lowProbMinusOne));
    const size_t descSize = fseWriteNormalizedCounts(dst, dstCapacity, ws.norm, buildMax, tableLog);
    ZEST_TRY(descSize);
    ZEST_TRY(fseBuildCTable(&table, ws.norm, buildMax, tableLog));
    *mode = SeqMode::compressed;
    *repeat = RepeatMode::check;
    return descSize;
}

// Codes of every sequence. Out of line, so that the loop gets registers of
// its own (table base included); the arrays are passed by value, as stores
// through them could otherwise alias a SeqCodes.
ZEST_NOINLINE void writeSeqCodes(const SeqDef* sq, size_t nbSeq, u8* llCodes, u8* mlCodes, u8* ofCodes) {
    // A stack copy of the tables: GCC reloads the address of a static table
    // on every use in this loop (PIE), while the stack pointer is free.
    const LengthCodeTables t = kLengthCodes;
    for (size_t i = 0; i < nbSeq; ++i) {
        llCodes[i] = u8(llCode(t, sq[i].litLength));
        mlCodes[i] = u8(mlCode(t, sq[i].matchLength));
        ofCodes[i] = u8(topBit(sq[i].offBase));
    }
}

// The sequences bitstream: fields written in the reverse of the order the
// decoder reads them (see fse_encode.h). Per sequence the stream gets the
// states' bits for the offset, match length and literal length codes, then
// the extra bits of the literal length, match length and offset.
//
// Register pressure decides the cost of this loop (3 states, the container,
// its pointers), so: the three tables come from one EntropyTables (addressed
// off one base), one walking pointer serves the three code arrays, the code
// tables are read off the stack pointer, and the extra bits are gathered in a
// second word, built from its top (the offset's, then the match length's below
// them, then the literal length's) and appended to the container in one go,
// which makes the check for long extra-bit groups a single comparison.
// Instantiated twice, like the Huffman loops: baseline and BMI2.
ZEST_FORCE_INLINE size_t encodeSeqBitstreamBody(u8* dst, size_t dstCapacity, const SeqDef* seqs,
                                                const SeqCodes& codes, size_t nbSeq, const EntropyTables& t) {
    const u8* const llCodes = codes.ll;
    BitWriter bw;
    bw.init(dst, dstCapacity);
    FseState sLL, sML, sOF;
    const size_t last = nbSeq - 1;
    fseInitState(sML, t.ml, codes.ml[last]);
    fseInitState(sOF, t.of, codes.of[last]);
    fseInitState(sLL, t.ll, llCodes[last]);
    // Extra bits of a sequence: the offset's are offBase without its top bit
    // (offBase has exactly ofc + 1 significant bits); at most 31 + 16 + 16.
    struct Extras {
        u64 bits;
        unsigned nb;
    };
    auto offsetExtras = [](const SeqDef& sq, unsigned ofc) { return Extras{sq.offBase ^ (u64(1) << ofc), ofc}; };
    // A copy of the code tables on the stack: addressed off the stack pointer,
    // they leave one more register to the loop than a static table would.
    const CodeTables ct = kCodes;
    auto addLengths = [&ct](Extras& e, const SeqDef& sq, unsigned llc, unsigned mlc) {
        const unsigned mlBits = ct.mlBits[mlc];
        e.bits = (e.bits << mlBits) | (sq.matchLength - ct.mlBase[mlc]);
        const unsigned llBits = ct.llBits[llc];
        e.bits = (e.bits << llBits) | (sq.litLength - ct.llBase[llc]);
        e.nb += mlBits + llBits;
    };
    // After the three state updates at most 7 + 9 + 9 + 8 = 33 bits are
    // pending, so up to 30 extra bits fit in the 63-bit container; longer
    // groups (rare: long offsets or lengths) go in two parts around flushes.
    auto writeExtras = [&]<bool kCheckRoom>(Extras e) ZEST_FORCE_INLINE_LAMBDA {
        auto flush = [&] {
            if constexpr (kCheckRoom) bw.flush();
            else bw.flushFast();
        };
        if (ZEST_UNLIKELY(e.nb > 30)) {
            flush();
            if (e.nb > 56) {
                bw.addBits(e.bits, 24);
                flush();
                e.bits >>= 24;
                e.nb -= 24;
            }
        }
        bw.addBitsFast(e.bits, e.nb);
        flush();
    };
    {
        const SeqDef& sq = seqs[last];
        Extras e = offsetExtras(sq, codes.of[last]);
        addLengths(e, sq, llCodes[last], codes.ml[last]);
        writeExtras.operator()<true>(e);
    }
    // The match length and offset codes are at fixed distances from the
    // literal length code (a register fewer than an index and three bases;
    // computed on addresses, so the arrays need not share an allocation).
    const uintptr_t toMl = uintptr_t(codes.ml) - uintptr_t(llCodes);
    const uintptr_t toOf = uintptr_t(codes.of) - uintptr_t(llCodes);
    const SeqDef* sq = seqs + last;
    const u8* p = llCodes + last;
    auto encodeNext = [&]<bool kCheckRoom>() ZEST_FORCE_INLINE_LAMBDA {
        --p;
        --sq;
        const unsigned ofc = *reinterpret_cast<const u8*>(uintptr_t(p) + toOf);
        fseEncodeSymbol(bw, sOF, ofc);
        Extras e = offsetExtras(*sq, ofc);
        const unsigned mlc = *reinterpret_cast<const u8*>(uintptr_t(p) + toMl);
        fseEncodeSymbol(bw, sML, mlc);
        const unsigned llc = *p;
        fseEncodeSymbol(bw, sLL, llc);
        addLengths(e, *sq, llc, mlc);
        writeExtras.operator()<kCheckRoom>(e);
    };
    // A sequence is at most 89 bits, so its flushes advance the output by at
    // most 12 bytes: runs of sequences that fit in the writer's fast room skip
    // the room check. Near the end of the buffer, one checked sequence at a time.
    constexpr size_t kMaxSeqBytes = 12;
    while (p != llCodes) {
        const size_t room = bw.fastRoom();
        if (ZEST_UNLIKELY(room <= kMaxSeqBytes)) {
            encodeNext.operator()<true>();
            continue;
        }
        const size_t run = std::min((room - 1) / kMaxSeqBytes, size_t(p - llCodes));
        const u8* const stop = p - run;
        do encodeNext.operator()<false>();
        while (p != stop);
    }
    fseFlushState(bw, sML);
    fseFlushState(bw, sOF);
    fseFlushState(bw, sLL);
    return bw.close();
}

ZEST_NOINLINE size_t encodeSeqBitstreamBase(u8* dst, size_t dstCapacity, const SeqDef* seqs, const SeqCodes& codes,
                                            size_t nbSeq, const EntropyTables& t) {
    return encodeSeqBitstreamBody(dst, dstCapacity, seqs, codes, nbSeq, t);
}
// Variable shifts and masks are single instructions with BMI2 (shlx, shrx, bzhi).
ZEST_NOINLINE ZEST_TARGET_BMI2 size_t encodeSeqBitstreamBmi2(u8* dst, size_t dstCapacity, const SeqDef* seqs,
                                                             const SeqCodes& codes, size_t nbSeq,
                                                             const EntropyTables& t) {
    return encodeSeqBitstreamBody(dst, dstCapacity, seqs, codes, nbSeq, t);
}

// Uses the tables of t (the ones the block declares).
size_t encodeSeqBitstream(u8* dst, size_t dstCapacity, const SeqDef* seqs, const SeqCodes& codes, size_t nbSeq,
                          const EntropyTables& t, bool bmi2) {
    return bmi2 ? encodeSeqBitstreamBmi2(dst, dstCapacity, seqs, codes, nbSeq, t)
                : encodeSeqBitstreamBase(dst, dstCapacity, seqs, codes, nbSeq, t);
}

size_t encodeSequences(u8* dst, size_t dstCapacity, const SeqStore& seqs, const SeqCodes& codes,
                       const EntropyTables& prev, EntropyTables& next, const PredefinedCTables& predefined,
                       const BlockEncodeOptions& opt, BlockEncodeWorkspace& ws) {
    const size_t nbSeq = seqs.nbSeq();
    u8* op = dst;
    u8* const oend = dst + dstCapacity;
    if (dstCapacity < 4) return ZEST_ERR(dstSize_tooSmall);
    if (nbSeq < 128) {
        *op++ = u8(nbSeq);
    } else if (nbSeq < 0x7F00) {
        op[0] = u8((nbSeq >> 8) + 0x80);
        op[1] = u8(nbSeq);
        op += 2;
    } else {
        op[0] = 0xFF;
        writeLE16(op + 1, u16(nbSeq - 0x7F00));
        op += 3;
    }
    if (nbSeq == 0) {
        // No tables in this block: the decoder keeps the previous ones.
        std::memcpy(&next.ll, &prev.ll, sizeof next.ll);
        std::memcpy(&next.ml, &prev.ml, sizeof next.ml);
        std::memcpy(&next.of, &prev.of, sizeof next.of);
        next.llRepeat = prev.llRepeat;
        next.mlRepeat = prev.mlRepeat;
        next.ofRepeat = prev.ofRepeat;
        return size_t(op - dst);
    }

    // Codes of every sequence.
    const SeqDef* const sq = seqs.seqStart;
    writeSeqCodes(sq, nbSeq, codes.ll, codes.ml, codes.of);

    u8* const modes = op++;
    SeqMode llMode, ofMode, mlMode;
    const SharedCounts* const sh = opt.shared;
    const size_t shSeq = sh ? sh->nbSeq : 0;
    const StreamChoice llc{codes.ll, nbSeq, kLLMaxCode, kLLDefaultNorm, kLLDefaultMaxSymbol, kLLPredefinedLog,
                           kLLMaxLog, &predefined.ll, &prev.ll, prev.llRepeat,
                           sh ? sh->ll : nullptr, sh ? sh->llMax : 0, shSeq, opt.repeatShared};
    const StreamChoice ofc{codes.of, nbSeq, kOFMaxCode, kOFDefaultNorm, kOFDefaultMaxSymbol, kOFPredefinedLog,
                           kOFMaxLog, &predefined.of, &prev.of, prev.ofRepeat,
                           sh ? sh->of : nullptr, sh ? sh->ofMax : 0, shSeq, opt.repeatShared};
    const StreamChoice mlc{codes.ml, nbSeq, kMLMaxCode, kMLDefaultNorm, kMLDefaultMaxSymbol, kMLPredefinedLog,
                           kMLMaxLog, &predefined.ml, &prev.ml, prev.mlRepeat,
                           sh ? sh->ml : nullptr, sh ? sh->mlMax : 0, shSeq, opt.repeatShared};
    size_t lastDescSize = 0;
    size_t n = encodeSeqTable(op, size_t(oend - op), llc, opt.strategy, next.ll, &llMode, &next.llRepeat, ws);
    ZEST_TRY(n);
    if (llMode == SeqMode::compressed) lastDescSize = n;
    op += n;
    n = encodeSeqTable(op, size_t(oend - op), ofc, opt.strategy, next.of, &ofMode, &next.ofRepeat, ws);
    ZEST_TRY(n);
    if (ofMode == SeqMode::compressed) lastDescSize = n;
    op += n;
    n = encodeSeqTable(op, size_t(oend - op), mlc, opt.strategy, next.ml, &mlMode, &next.mlRepeat, ws);
    ZEST_TRY(n);
    if (mlMode == SeqMode::compressed) lastDescSize = n;
    op += n;
    *modes = u8((unsigned(llMode) << 6) | (unsigned(ofMode) << 4) | (unsigned(mlMode) << 2));

    const size_t streamSize = encodeSeqBitstream(op, size_t(oend - op), sq, codes, nbSeq, next, opt.bmi2);
    if (streamSize == 0) return ZEST_ERR(dstSize_tooSmall);
    // Decoders before 1.3.4 read 4 bytes past a table description; keep that
    // much after the last one, as every encoder does.
    if (lastDescSize && lastDescSize + streamSize < 4) return 0;
    op += streamSize;
    return size_t(op - dst);
}

}  // namespace

void PredefinedCTables::build() {
    fseBuildCTable(&ll, kLLDefaultNorm, kLLDefaultMaxSymbol, kLLPredefinedLog);
    fseBuildCTable(&ml, kMLDefaultNorm, kMLDefaultMaxSymbol, kMLPredefinedLog);
    fseBuildCTable(&of, kOFDefaultNorm, kOFDefaultMaxSymbol, kOFPredefinedLog);
}

size_t encodeBlockBody(void* dst, size_t dstCapacity, const SeqStore& seqs, const SeqCodes& codes, size_t srcSize,
                       const EntropyTables& prev, EntropyTables& next, const PredefinedCTables& predefined,
                       const BlockEncodeOptions& opt, BlockEncodeWorkspace& ws) {
    u8* const ostart = static_cast<u8*>(dst);
    // Few sequences for many literals: the literals may well be incompressible.
    BlockEncodeOptions litOpt = opt;
    litOpt.suspectIncompressible = seqs.nbSeq() == 0 || seqs.litSize() / seqs.nbSeq() >= 20;
    const size_t litSize = encodeLiterals(ostart, dstCapacity, seqs.litStart, seqs.litSize(), prev, next, litOpt, ws);
    if (isError(litSize)) return errorCodeOf(litSize) == ErrorCode::dstSize_tooSmall ? 0 : litSize;
    const size_t seqSize = encodeSequences(ostart + litSize, dstCapacity - litSize, seqs, codes, prev, next,
                                           predefined, opt, ws);
    if (isError(seqSize)) return errorCodeOf(seqSize) == ErrorCode::dstSize_tooSmall ? 0 : seqSize;
    if (seqSize == 0) return 0;
    const size_t total = litSize + seqSize;
    if (total >= srcSize - minGain(srcSize, opt.strategy) || srcSize <= minGain(srcSize, opt.strategy)) return 0;
    return total;
}

void countBlock(SharedCounts& out, const SeqStore& seqs, const SeqCodes& codes, HistogramWorkspace& ws) {
    out.litTotal = seqs.litSize();
    out.litMax = 255;
    std::memset(out.lit, 0, sizeof out.lit);
    if (out.litTotal) countBytes(out.lit, &out.litMax, seqs.litStart, out.litTotal, ws);
    out.nbSeq = seqs.nbSeq();
    out.llMax = kLLMaxCode;
    out.ofMax = kOFMaxCode;
    out.mlMax = kMLMaxCode;
    std::memset(out.ll, 0, sizeof out.ll);
    std::memset(out.of, 0, sizeof out.of);
    std::memset(out.ml, 0, sizeof out.ml);
    if (out.nbSeq == 0) return;
    writeSeqCodes(seqs.seqStart, out.nbSeq, codes.ll, codes.ml, codes.of);
    countSymbolsSimple(out.ll, &out.llMax, codes.ll, out.nbSeq, kLLMaxCode);
    countSymbolsSimple(out.of, &out.ofMax, codes.of, out.nbSeq, kOFMaxCode);
    countSymbolsSimple(out.ml, &out.mlMax, codes.ml, out.nbSeq, kMLMaxCode);
}

}  // namespace zest
