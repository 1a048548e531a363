// Formatted dictionaries from content and samples (see finalize.h).
#include "dictbuilder/finalize.h"

#include <cstring>
#include <xxhash.h>

#include "common/alloc.h"
#include "common/error.h"
#include "compress/cctx_impl.h"
#include "entropy/fse_encode.h"
#include "entropy/huf_encode.h"
#include "format/dictionary_format.h"
#include "format/frame_format.h"
#include "format/sequence_codes.h"

namespace zest {
namespace {

constexpr size_t kDictSizeMin = 256;  // ZDICT_DICTSIZE_MIN
constexpr size_t kHeaderMax = 1024;   // magic, ID, Huffman (<= 129), three count tables, offsets

// Counts of what the samples' blocks hold. Every value starts at 1, so the
// tables code anything (a dictionary's tables are then reused blindly).
struct Stats {
    u32 lit[256];
    u32 of[kOFMaxCode + 1];
    u32 ml[kMLMaxCode + 1];
    u32 ll[kLLMaxCode + 1];
    unsigned ofMax;  // largest offset code an offset into content + one block can need
};

unsigned codeOf(const u32* base, unsigned maxCode, u32 v) {
    unsigned c = 0;
    while (c < maxCode && base[c + 1] <= v) ++c;
    return c;
}

void countBlock(Stats& s, const SeqStore& seqs) {
    for (const u8* p = seqs.litStart; p < seqs.lit; ++p) s.lit[*p]++;
    for (const SeqDef* q = seqs.seqStart; q < seqs.seq; ++q) {
        const unsigned of = highBit32(q->offBase);
        if (of <= s.ofMax) s.of[of]++;
        s.ml[codeOf(kCodes.mlBase, kMLMaxCode, q->matchLength)]++;
        s.ll[codeOf(kCodes.llBase, kLLMaxCode, q->litLength)]++;
    }
}

// Run the compressor over the first block of every sample, the content as a
// raw dictionary, with the level's parameters for the average sample.
size_t gatherStats(Stats& s, const u8* content, size_t contentSize, const u8* samples, const size_t* sizes,
                   unsigned nb, int level) {
    for (u32& c : s.lit) c = 1;
    for (u32& c : s.of) c = 1;
    for (u32& c : s.ml) c = 1;
    for (u32& c : s.ll) c = 1;
    s.ofMax = highBit32(u32(contentSize + kBlockSizeMax));
    if (s.ofMax > kOFMaxCode - 1) s.ofMax = kOFMaxCode - 1;
    if (nb == 0 || contentSize == 0) return 0;
    size_t total = 0;
    for (unsigned i = 0; i < nb; ++i) total += sizes[i];
    const CParams cp = getCParams(level, total / nb, contentSize);
    CCtxParams p = levelParams(level);
    p.cParams = cp;
    CDict* cd = createCDictInternal(content, contentSize, DictLoadMethod::byRef, DictContentType::rawContent, cp, 0,
                                    ParamSwitch::automatic, kDefaultMem, nullptr, 0);
    CCtx* c = createCCtx(kDefaultMem);
    const size_t scratchSize = kBlockSizeMax + kBlockSizeMax / 2 + 64;
    u8* scratch = static_cast<u8*>(memAlloc(kDefaultMem, scratchSize));
    size_t r = (cd && c && scratch) ? 0 : ZEST_ERR(memory_allocation);
    DictSource ds;
    ds.cdict = cd;
    const u8* sample = samples;
    for (unsigned i = 0; i < nb && !isError(r); sample += sizes[i], ++i) {
        size_t n = sizes[i] < kBlockSizeMax ? sizes[i] : kBlockSizeMax;
        r = beginFrameWith(c, p, n, false, false, ds);
        if (isError(r)) break;
        // Parameters made for the average sample may have a smaller block.
        if (n > getBlockSize(c)) n = getBlockSize(c);
        c->ms.window.update(sample, n);
        const size_t cSize = compressBlockBody(c, scratch, scratchSize, sample, n);
        // Blocks the compressor would store raw say nothing about its tables.
        if (!isError(cSize) && cSize != 0) countBlock(s, c->seqs);
    }
    memFree(kDefaultMem, scratch);
    freeCCtx(c);
    freeCDict(cd);
    return isError(r) ? r : 0;
}

// The Huffman table of the literal counts and its description. A description
// the format cannot hold (every byte equally likely: one weight for all 256)
// is replaced by that of a nearly flat distribution with three code lengths.
size_t writeHuffman(u8* dst, size_t capacity, u32* counts) {
    HufWorkspace* ws = memNew<HufWorkspace>(kDefaultMem);
    HufCTable* ct = memNew<HufCTable>(kDefaultMem);
    size_t r = ZEST_ERR(memory_allocation);
    if (ws && ct) {
        for (int attempt = 0; attempt < 2; ++attempt) {
            r = hufBuildCTable(ct, counts, 255, kHufMaxCodeBits, *ws);
            if (!isError(r)) r = hufWriteCTable(dst, capacity, *ct, *ws);
            if (!isError(r)) break;
            for (unsigned u = 0; u < 256; ++u) counts[u] = 2;
            counts[0] = 4;
            counts[1] = counts[2] = 1;
        }
    }
    memDelete(kDefaultMem, ct);
    memDelete(kDefaultMem, ws);
    return r;
}

size_t writeCounts(u8* dst, size_t capacity, const u32* counts, unsigned maxSymbol, unsigned writtenMax,
                   unsigned tableLog) {
    short norm[kMLMaxCode + 1] = {};
    size_t total = 0;
    for (unsigned u = 0; u <= maxSymbol; ++u) total += counts[u];
    ZEST_TRY(fseNormalizeCounts(norm, tableLog, counts, total, maxSymbol, true));
    return fseWriteNormalizedCounts(dst, capacity, norm, writtenMax, tableLog);
}

}  // namespace

size_t finalizeDictionary(void* dst, size_t capacity, const void* content, size_t contentSize, const void* samples,
                          const size_t* sampleSizes, unsigned nbSamples, const FinalizeParams& fp) {
    if (capacity < kDictSizeMin || capacity < contentSize) return ZEST_ERR(dstSize_tooSmall);
    if ((contentSize && !content) || (nbSamples && (!samples || !sampleSizes))) return ZEST_ERR(GENERIC);
    const u8* const src = static_cast<const u8*>(content);
    Stats* s = memNew<Stats>(kDefaultMem);
    if (!s) return ZEST_ERR(memory_allocation);
    const int level = fp.level == 0 ? kDefaultCLevel : fp.level;
    size_t r = gatherStats(*s, src, contentSize, static_cast<const u8*>(samples), sampleSizes, nbSamples, level);

    u8 header[kHeaderMax];
    size_t h = 8;
    auto put = [&](size_t w) {
        if (!isError(r)) r = isError(w) ? w : 0;
        if (!isError(w)) h += w;
    };
    if (!isError(r)) put(writeHuffman(header + h, kHeaderMax - h, s->lit));
    if (!isError(r)) put(writeCounts(header + h, kHeaderMax - h, s->of, s->ofMax, kOFMaxCode - 1, kOFMaxLog));
    if (!isError(r)) put(writeCounts(header + h, kHeaderMax - h, s->ml, kMLMaxCode, kMLMaxCode, kMLMaxLog));
    if (!isError(r)) put(writeCounts(header + h, kHeaderMax - h, s->ll, kLLMaxCode, kLLMaxCode, kLLMaxLog));
    memDelete(kDefaultMem, s);
    ZEST_TRY(r);
    // The format's starting repeat offsets.
    const u32 reps[3] = {1, 4, 8};
    for (u32 rep : reps) {
        writeLE32(header + h, rep);
        h += 4;
    }
    u32 id = fp.dictID;
    if (id == 0) {
        const u64 hash = XXH64(content, contentSize, 0);
        id = u32(hash % ((u64(1) << 31) - 32768)) + 32768;
    }
    writeLE32(header, kMagicDictionary);
    writeLE32(header + 4, id);
    if (h >= capacity) return ZEST_ERR(dstSize_tooSmall);
    const size_t keep = contentSize < capacity - h ? contentSize : capacity - h;
    u8* const out = static_cast<u8*>(dst);
    // The content first: it may lie in dst, where the header goes.
    if (keep) std::memmove(out + h, src + (contentSize - keep), keep);
    std::memcpy(out, header, h);
    return h + keep;
}

}  // namespace zest
