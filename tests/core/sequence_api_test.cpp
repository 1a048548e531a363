// The sequence-level API (generateSequences, mergeBlockDelimiters,
// compressSequences, compressSequencesAndLiterals, sequence producers) and
// copyCCtx, against the reference (Debian's static libzstd in the same
// process): sequences travel both ways between the two libraries, both
// accept and refuse the same sequence streams, every frame decodes with both
// decoders.
#include <zstd.h>

#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

#include "compress/cctx.h"
#include "compress_support.h"

using namespace zt;
using zest::ExtSequence;

static_assert(sizeof(ZSTD_Sequence) == sizeof(ExtSequence));

namespace {

enum : int {
    pNbWorkers = 400,
    pEnableLdm = 160,
    pBlockDelimiters = 1008,
    pValidate = 1009,
    pProducerFallback = 1014,
    pRepcodes = 1016,
};

using Seqs = std::vector<ExtSequence>;

std::vector<ZSTD_Sequence> toRef(const Seqs& s) {
    std::vector<ZSTD_Sequence> r(s.size());
    if (!s.empty()) std::memcpy(r.data(), s.data(), s.size() * sizeof(ExtSequence));
    return r;
}
Seqs fromRef(const std::vector<ZSTD_Sequence>& r) {
    Seqs s(r.size());
    if (!r.empty()) std::memcpy(s.data(), r.data(), r.size() * sizeof(ExtSequence));
    return s;
}

Seqs zestGenerate(zest::CCtx* c, const Bytes& src) {
    Seqs out(zest::sequenceBound(src.size()));
    const size_t n = zest::generateSequences(c, out.data(), out.size(), src.data(), src.size());
    EXPECT_FALSE(zest::isError(n)) << zdescr(n);
    out.resize(zest::isError(n) ? 0 : n);
    return out;
}

std::vector<ZSTD_Sequence> refGenerate(ZSTD_CCtx* c, const Bytes& src) {
    std::vector<ZSTD_Sequence> out(ZSTD_sequenceBound(src.size()));
    const size_t n = ZSTD_generateSequences(c, out.data(), out.size(), src.data(), src.size());
    EXPECT_FALSE(ZSTD_isError(n)) << rdescr(n);
    out.resize(ZSTD_isError(n) ? 0 : n);
    return out;
}

// zest::compressSequences into a compressBound-sized buffer; error or frame.
size_t zestCompressSeqs(zest::CCtx* c, const Seqs& s, const Bytes& src, Bytes* frame) {
    Buf dst(zest::compressBound(src.size()) + 64);
    const size_t r = zest::compressSequences(c, dst.data(), dst.size(), s.data(), s.size(), src.data(), src.size());
    if (!zest::isError(r)) *frame = dst.take(r);
    return r;
}
size_t refCompressSeqs(ZSTD_CCtx* c, const std::vector<ZSTD_Sequence>& s, const Bytes& src, Bytes* frame) {
    Buf dst(ZSTD_compressBound(src.size()) + 64);
    const size_t r = ZSTD_compressSequences(c, dst.data(), dst.size(), s.data(), s.size(), src.data(), src.size());
    if (!ZSTD_isError(r)) *frame = dst.take(r);
    return r;
}

uint64_t covered(const Seqs& s) {
    uint64_t n = 0;
    for (const ExtSequence& e : s) n += uint64_t(e.litLength) + e.matchLength;
    return n;
}

// Data with matches near and far, runs and a stretch of noise.
Bytes sample(Rng& rng, size_t n) {
    Bytes b = recordRun(rng, 1, n / 2);
    const Bytes t = genText(rng, n / 4);
    b.insert(b.end(), t.begin(), t.end());
    b.insert(b.end(), 3000, 'x');
    const Bytes r = genRandom(rng, 2000);
    b.insert(b.end(), r.begin(), r.end());
    b.insert(b.end(), b.begin(), b.begin() + std::min<size_t>(b.size(), 50000));
    b.resize(n);
    return b;
}

TEST(Sequences, BoundCoversEveryParse) {
    // Every match takes at least 3 bytes and every block (the smallest is 1 KiB
    // with ZSTD_c_maxBlockSize) ends with a delimiter.
    for (size_t n : {0u, 1u, 2u, 3u, 1000u, 1024u, 131072u, 10000000u}) {
        EXPECT_GE(zest::sequenceBound(n), n / 3 + n / 1024 + 1) << n;
        EXPECT_GE(zest::sequenceBound(n), ZSTD_sequenceBound(n)) << n;
    }
}

TEST(Sequences, GeneratedSequencesRoundTripBothWays) {
    Rng rng(11);
    const Bytes src = sample(rng, 300000);
    for (int level : {1, 3, 7, 12}) {
        SCOPED_TRACE(at("level", level));
        ZCCtx z;
        cset(z, pLevel, level);
        const Seqs gen = zestGenerate(z, src);
        ASSERT_FALSE(gen.empty());
        EXPECT_EQ(covered(gen), src.size());
        // Each block ends with a delimiter; no block exceeds 128 KiB.
        uint64_t block = 0;
        size_t delimiters = 0;
        for (const ExtSequence& e : gen) {
            block += uint64_t(e.litLength) + e.matchLength;
            if (e.offset == 0 && e.matchLength == 0) {
                EXPECT_LE(block, 131072u);
                block = 0;
                ++delimiters;
            } else {
                EXPECT_GE(e.matchLength, 3u);
                EXPECT_LE(e.rep, 3u);
            }
        }
        EXPECT_EQ(block, 0u);
        EXPECT_GE(delimiters, 3u);

        // Explicit delimiters, zest and the reference.
        for (int validate : {0, 1}) {
            ZCCtx zc;
            cset(zc, pLevel, level);
            cset(zc, pBlockDelimiters, 1);
            cset(zc, pValidate, validate);
            Bytes zf;
            ASSERT_FALSE(zest::isError(zestCompressSeqs(zc, gen, src, &zf)));
            expectDecodes(zf, src);
            RefCCtx rc;
            rset(rc, pLevel, level);
            rset(rc, pBlockDelimiters, 1);
            rset(rc, pValidate, validate);
            Bytes rf;
            const size_t r = refCompressSeqs(rc, toRef(gen), src, &rf);
            ASSERT_FALSE(ZSTD_isError(r)) << rdescr(r);
            expectDecodes(rf, src);
        }
        // Merged: no delimiters, blocks cut by the library, sequences split.
        Seqs merged = gen;
        merged.resize(zest::mergeBlockDelimiters(merged.data(), merged.size()));
        std::vector<ZSTD_Sequence> refMerged = toRef(gen);
        refMerged.resize(ZSTD_mergeBlockDelimiters(refMerged.data(), refMerged.size()));
        ASSERT_EQ(merged.size(), refMerged.size());
        EXPECT_EQ(0, std::memcmp(merged.data(), refMerged.data(), merged.size() * sizeof(ExtSequence)));
        for (int validate : {0, 1}) {
            ZCCtx zc;
            cset(zc, pLevel, level);
            cset(zc, pValidate, validate);
            Bytes zf;
            ASSERT_FALSE(zest::isError(zestCompressSeqs(zc, merged, src, &zf)));
            expectDecodes(zf, src);
        }
        // Small blocks: every given sequence crosses a cut somewhere.
        ZCCtx small;
        cset(small, pLevel, level);
        cset(small, pMaxBlockSize, 1024);
        Bytes sf;
        ASSERT_FALSE(zest::isError(zestCompressSeqs(small, merged, src, &sf)));
        expectDecodes(sf, src);
    }
}

TEST(Sequences, ReferenceSequencesCompressWithZest) {
    Rng rng(12);
    const Bytes src = sample(rng, 200000);
    // (Not at the optimal parser's levels: Debian's 1.5.4 reports sequences
    // covering more than the input there, a bug fixed upstream later.)
    for (int level : {1, 5, 9}) {
        SCOPED_TRACE(at("level", level));
        RefCCtx rc;
        rset(rc, pLevel, level);
        const Seqs gen = fromRef(refGenerate(rc, src));
        ASSERT_EQ(covered(gen), src.size());
        for (int repcodes : {0, 1, 2}) {
            ZCCtx zc;
            cset(zc, pLevel, level);
            cset(zc, pBlockDelimiters, 1);
            cset(zc, pValidate, 1);
            cset(zc, pRepcodes, repcodes);
            Bytes zf;
            const size_t r = zestCompressSeqs(zc, gen, src, &zf);
            ASSERT_FALSE(zest::isError(r)) << zdescr(r);
            expectDecodes(zf, src);
        }
    }
}

TEST(Sequences, RepeatOffsetsAreFoundWhenAsked) {
    // Matches at the same distance again and again: as repeat offsets the
    // frame is smaller.
    Rng rng(13);
    Bytes src = genText(rng, 100);
    Seqs s;
    for (int i = 0; i < 400; ++i) {
        const Bytes lit = genRandom(rng, 5);
        src.insert(src.end(), lit.begin(), lit.end());
        for (int k = 0; k < 20; ++k) src.push_back(src[src.size() - 100]);
        s.push_back(ExtSequence{100, unsigned(i == 0 ? 105 : 5), 20, 0});
    }
    s.push_back(ExtSequence{0, 0, 0, 0});
    ASSERT_EQ(covered(s), src.size());
    Bytes with, without;
    for (int repcodes : {1, 2}) {
        ZCCtx zc;
        cset(zc, pBlockDelimiters, 1);
        cset(zc, pValidate, 1);
        cset(zc, pRepcodes, repcodes);
        Bytes f;
        ASSERT_FALSE(zest::isError(zestCompressSeqs(zc, s, src, &f)));
        expectDecodes(f, src);
        (repcodes == 1 ? with : without) = f;
    }
    EXPECT_LT(with.size(), without.size());
}

// One sequence stream, given to both libraries with validation on.
struct Case {
    const char* name;
    int delimiters;
    Seqs seqs;
    size_t srcSize;
};

TEST(Sequences, SameStreamsAcceptedAndRefused) {
    Rng rng(14);
    const Bytes src = recordRun(rng, 2, 40000);
    const size_t n = src.size();
    // A valid parse of src at level 3, to mutate.
    ZCCtx z;
    const Seqs good = zestGenerate(z, src);
    Seqs merged = good;
    merged.resize(zest::mergeBlockDelimiters(merged.data(), merged.size()));
    ASSERT_GT(merged.size(), 10u);
    auto mutate = [&](Seqs s, size_t i, auto f) {
        f(s[i]);
        return s;
    };
    const size_t mid = merged.size() / 2;
    std::vector<Case> cases = {
        {"valid explicit", 1, good, n},
        {"valid merged", 0, merged, n},
        {"only literals", 1, {{0, unsigned(n), 0, 0}}, n},
        {"no sequences, all literals", 0, {}, n},
        {"offset past the start", 0, mutate(merged, 0, [](ExtSequence& e) { e.offset = e.litLength + 1; }), n},
        {"offset zero with a match", 0, mutate(merged, mid, [](ExtSequence& e) { e.offset = 0; }), n},
        {"match of 2", 0, mutate(merged, mid, [](ExtSequence& e) {
             e.litLength += e.matchLength - 2;
             e.matchLength = 2;
         }), n},
        {"sequences beyond the source", 0, merged, n / 2},
        {"explicit total short", 1, good, n + 10},
        {"explicit last literals too long", 1,
         mutate(good, good.size() - 1, [](ExtSequence& e) { e.litLength += 1; }), n},
        {"explicit block over 128 KiB", 1, {{0, unsigned(n), 0, 0}}, n},
        {"huge offset", 0, mutate(merged, mid, [](ExtSequence& e) { e.offset = 0x7FFFFFF0u; }), n},
    };
    // A block larger than the maximum: give a source of 200000 literals in one block.
    const Bytes big = genText(rng, 200000);
    for (const Case& k : cases) {
        SCOPED_TRACE(k.name);
        const bool useBig = std::string(k.name) == "explicit block over 128 KiB";
        Bytes in = useBig ? big : slice(src, 0, std::min(k.srcSize, n));
        if (!useBig && k.srcSize > n) in.resize(k.srcSize, 'q');
        Seqs seqs = k.seqs;
        if (useBig) seqs = {{0, unsigned(big.size()), 0, 0}};
        ZCCtx zc;
        cset(zc, pBlockDelimiters, k.delimiters);
        cset(zc, pValidate, 1);
        RefCCtx rc;
        rset(rc, pBlockDelimiters, k.delimiters);
        rset(rc, pValidate, 1);
        Bytes zf, rf;
        const size_t zr = zestCompressSeqs(zc, seqs, in, &zf);
        const size_t rr = refCompressSeqs(rc, toRef(seqs), in, &rf);
        if (zest::isError(zr) && !ZSTD_isError(rr)) {
            // Debian's 1.5.4 does not validate without block delimiters: what
            // it accepts here does not reproduce the input (a bad frame or,
            // worse, a frame that decodes to something else). zest refuses.
            Bytes out;
            const size_t d = refDecompress(rf, in.size() + 1, &out);
            EXPECT_TRUE(ZSTD_isError(d) || out != in) << "zest refused a stream the reference compresses right";
            EXPECT_EQ(k.delimiters, 0);
        } else {
            EXPECT_EQ(zest::isError(zr), ZSTD_isError(rr)) << "zest " << zdescr(zr) << ", reference " << rdescr(rr);
        }
        if (!zest::isError(zr)) expectDecodes(zf, in);
        if (zest::isError(zr)) {
            EXPECT_EQ(zcode(zr), int(ZSTD_error_externalSequences_invalid)) << zdescr(zr);
        }
    }
}

TEST(Sequences, UnvalidatedStreamsNeverReadOutsideTheSource) {
    // Without validation bad offsets make a bad frame, but compression itself
    // stays within its buffers (ASan) and lengths are still checked.
    Rng rng(15);
    const Bytes src = recordRun(rng, 3, 20000);
    for (int round = 0; round < 200; ++round) {
        Seqs s;
        uint64_t left = src.size();
        while (left > 0 && rng.below(20) != 0) {
            ExtSequence e{unsigned(rng.below(70000)) , unsigned(rng.below(50)), unsigned(rng.below(300)), 0};
            if (uint64_t(e.litLength) + e.matchLength > left) break;
            left -= uint64_t(e.litLength) + e.matchLength;
            s.push_back(e);
        }
        for (int delimiters : {0, 1}) {
            ZCCtx zc;
            cset(zc, pBlockDelimiters, delimiters);
            if (delimiters) s.push_back(ExtSequence{0, unsigned(left), 0, 0});
            Bytes f;
            const size_t r = zestCompressSeqs(zc, s, src, &f);
            if (!zest::isError(r)) {
                // Whatever was made is a frame the decoders parse without harm.
                Bytes out;
                refDecompress(f, src.size() + 1, &out);
            }
            if (delimiters) s.pop_back();
        }
    }
}

TEST(Sequences, GenerateWithDictionaryAndSmallCapacity) {
    Rng rng(16);
    const Bytes dict = trainDict(rng, 1, 8192);
    const Bytes src = recordRun(rng, 1, 30000);
    ZCCtx z;
    ASSERT_FALSE(zest::isError(zest::cctxLoadDictionary(z, dict.data(), dict.size(), zest::DictLoadMethod::byCopy,
                                                        zest::DictContentType::autoDetect)));
    const Seqs gen = zestGenerate(z, src);
    EXPECT_EQ(covered(gen), src.size());
    // The same dictionary on the compressing side reproduces the input.
    ZCCtx zc;
    ASSERT_FALSE(zest::isError(zest::cctxLoadDictionary(zc, dict.data(), dict.size(), zest::DictLoadMethod::byCopy,
                                                         zest::DictContentType::autoDetect)));
    cset(zc, pBlockDelimiters, 1);
    cset(zc, pValidate, 1);
    Bytes f;
    const size_t r = zestCompressSeqs(zc, gen, src, &f);
    ASSERT_FALSE(zest::isError(r)) << zdescr(r);
    DecodeWith o;
    o.dict = &dict;
    expectDecodes(f, src, o);
    // Too small an output array: an error, never an overrun.
    Seqs tiny(3);
    const size_t t = zest::generateSequences(z, tiny.data(), tiny.size(), src.data(), src.size());
    EXPECT_EQ(zcode(t), int(ZSTD_error_dstSize_tooSmall)) << zdescr(t);
}

// ---- Sequence producers ---------------------------------------------------------------

constexpr size_t kErr = ~size_t(0);

struct ProducerState {
    int calls = 0;
    int failEvery = 0;  // fail every n-th call (0: never)
    bool lie = false;   // report more bytes than the block has
    int lastLevel = -100;
};

// A small greedy finder: 4-byte hash over the block only, as the API intends.
size_t greedyProducer(void* state, ExtSequence* out, size_t cap, const void* srcv, size_t srcSize, const void*,
                      size_t dictSize, int level, size_t windowSize) {
    auto* st = static_cast<ProducerState*>(state);
    ++st->calls;
    st->lastLevel = level;
    if (dictSize != 0 || windowSize == 0) return kErr;
    if (st->failEvery && st->calls % st->failEvery == 0) return kErr;
    const uint8_t* src = static_cast<const uint8_t*>(srcv);
    std::vector<int> table(4096, -1);
    size_t n = 0, anchor = 0, i = 0;
    while (i + 4 <= srcSize) {
        uint32_t v;
        std::memcpy(&v, src + i, 4);
        const uint32_t h = (v * 2654435761u) >> 20;
        const int cand = table[h];
        table[h] = int(i);
        if (cand >= 0 && std::memcmp(src + cand, src + i, 4) == 0) {
            size_t len = 4;
            while (i + len < srcSize && src[cand + len] == src[i + len]) ++len;
            if (n + 1 >= cap) return kErr;
            out[n++] = ExtSequence{unsigned(i - size_t(cand)), unsigned(i - anchor), unsigned(len), 0};
            i += len;
            anchor = i;
        } else {
            ++i;
        }
    }
    out[n++] = ExtSequence{0, unsigned(srcSize - anchor + (st->lie ? 1 : 0)), 0, 0};
    return n;
}

size_t invokeTestProducer(zest::SequenceProducer::Fn fn, void* state, ExtSequence* out, size_t cap, const void* src,
                          size_t srcSize, const void* dict, size_t dictSize, int level, size_t windowSize) {
    using F = size_t (*)(void*, ExtSequence*, size_t, const void*, size_t, const void*, size_t, int, size_t);
    return reinterpret_cast<F>(fn)(state, out, cap, src, srcSize, dict, dictSize, level, windowSize);
}

zest::SequenceProducer producer(ProducerState* st) {
    zest::SequenceProducer p;
    p.fn = reinterpret_cast<zest::SequenceProducer::Fn>(&greedyProducer);
    p.invoke = invokeTestProducer;
    p.state = st;
    return p;
}

TEST(Producer, ItsSequencesMakeTheFrame) {
    Rng rng(17);
    const Bytes src = sample(rng, 400000);
    ProducerState st;
    ZCCtx z;
    cset(z, pLevel, 5);
    zest::registerSequenceProducer(z, producer(&st));
    const Bytes f = zframe(z, src);
    expectDecodes(f, src);
    EXPECT_GE(st.calls, 3);
    EXPECT_EQ(st.lastLevel, 5);
    // Streaming uses it too.
    st.calls = 0;
    StreamShape shape;
    const Bytes sf = zestStreamCompress(z, src, rng, shape);
    expectDecodes(sf, src);
    EXPECT_GE(st.calls, 3);
    // The old one-shot API with a level ignores it, as the reference's does.
    st.calls = 0;
    Buf dst(zest::compressBound(src.size()));
    const size_t r = zest::compressCCtx(z, dst.data(), dst.size(), src.data(), src.size(), 3);
    ASSERT_FALSE(zest::isError(r));
    EXPECT_EQ(st.calls, 0);
    // Cleared by registering null, and by a parameter reset.
    zest::registerSequenceProducer(z, zest::SequenceProducer{});
    st.calls = 0;
    expectDecodes(zframe(z, src), src);
    EXPECT_EQ(st.calls, 0);
    zest::registerSequenceProducer(z, producer(&st));
    zest::cctxReset(z, zest::ResetDirective::parameters);
    expectDecodes(zframe(z, src), src);
    EXPECT_EQ(st.calls, 0);
}

TEST(Producer, FailuresFallBackOrFail) {
    Rng rng(18);
    const Bytes src = sample(rng, 300000);
    for (bool lie : {false, true}) {
        SCOPED_TRACE(lie ? "reports a wrong length" : "returns an error");
        ProducerState st;
        st.failEvery = lie ? 0 : 2;
        st.lie = lie;
        ZCCtx z;
        zest::registerSequenceProducer(z, producer(&st));
        Buf dst(zest::compressBound(src.size()));
        const size_t r = zest::compress2(z, dst.data(), dst.size(), src.data(), src.size());
        EXPECT_EQ(zcode(r), int(ZSTD_error_sequenceProducer_failed)) << zdescr(r);
        // With fallback the internal finder takes those blocks.
        cset(z, pProducerFallback, 1);
        const Bytes f = zframe(z, src);
        expectDecodes(f, src);
    }
    // Not with worker threads or long-distance matching.
    for (int param : {pNbWorkers, pEnableLdm}) {
        ProducerState st;
        ZCCtx z;
        zest::registerSequenceProducer(z, producer(&st));
        if (zest::isError(zest::cctxSetParameter(z, param, param == pNbWorkers ? 2 : 1))) continue;
        Buf dst(zest::compressBound(src.size()));
        const size_t r = zest::compress2(z, dst.data(), dst.size(), src.data(), src.size());
        EXPECT_EQ(zcode(r), int(ZSTD_error_parameter_combination_unsupported)) << param << " " << zdescr(r);
    }
}

TEST(Producer, RegisteredOnAParameterSet) {
    Rng rng(19);
    const Bytes src = sample(rng, 150000);
    ProducerState st;
    zest::CCtxParams* p = zest::createCCtxParams(zest::kDefaultMem);
    ASSERT_NE(p, nullptr);
    zest::registerSequenceProducer(p, producer(&st));
    ZCCtx z;
    ASSERT_FALSE(zest::isError(zest::cctxSetParametersUsingCCtxParams(z, p)));
    expectDecodes(zframe(z, src), src);
    EXPECT_GT(st.calls, 0);
    zest::freeCCtxParams(p, zest::kDefaultMem);
}

// ---- compressSequencesAndLiterals -------------------------------------------------------

Bytes literalsOf(const Seqs& s, const Bytes& src) {
    Bytes lits;
    size_t pos = 0;
    for (const ExtSequence& e : s) {
        lits.insert(lits.end(), src.begin() + pos, src.begin() + pos + e.litLength);
        pos += size_t(e.litLength) + e.matchLength;
    }
    return lits;
}

TEST(SequencesAndLiterals, RoundTripAndRefusals) {
    Rng rng(20);
    const Bytes src = recordRun(rng, 1, 250000);
    ZCCtx g;
    cset(g, pLevel, 3);
    const Seqs gen = zestGenerate(g, src);
    const Bytes lits = literalsOf(gen, src);
    Bytes litBuf = lits;
    litBuf.resize(lits.size() + 8);
    Buf dst(zest::compressBound(src.size()));
    auto run = [&](zest::CCtx* c, const Seqs& s, size_t litCap, size_t size) {
        return zest::compressSequencesAndLiterals(c, dst.data(), dst.size(), s.data(), s.size(), litBuf.data(),
                                                  lits.size(), litCap, size);
    };
    {
        ZCCtx z;
        cset(z, pBlockDelimiters, 1);
        const size_t r = run(z, gen, litBuf.size(), src.size());
        ASSERT_FALSE(zest::isError(r)) << zdescr(r);
        expectDecodes(dst.take(r), src);
        // The context is reusable afterwards.
        expectDecodes(zframe(z, src), src);
    }
    {
        ZCCtx z;  // no delimiters
        EXPECT_EQ(zcode(run(z, gen, litBuf.size(), src.size())), int(ZSTD_error_frameParameter_unsupported));
    }
    {
        ZCCtx z;
        cset(z, pBlockDelimiters, 1);
        cset(z, pChecksum, 1);
        EXPECT_EQ(zcode(run(z, gen, litBuf.size(), src.size())), int(ZSTD_error_frameParameter_unsupported));
    }
    {
        ZCCtx z;
        cset(z, pBlockDelimiters, 1);
        EXPECT_EQ(zcode(run(z, gen, lits.size() + 7, src.size())), int(ZSTD_error_workSpace_tooSmall));
        EXPECT_EQ(zcode(run(z, gen, litBuf.size(), src.size() + 1)), int(ZSTD_error_externalSequences_invalid));
    }
    {
        // Incompressible literals cannot be sent raw (there is no source).
        const Bytes noise = genRandom(rng, 50000);
        const Seqs s = {{0, unsigned(noise.size()), 0, 0}};
        ZCCtx z;
        cset(z, pBlockDelimiters, 1);
        Bytes nb = noise;
        nb.resize(noise.size() + 8);
        Buf d2(zest::compressBound(noise.size()));
        const size_t r = zest::compressSequencesAndLiterals(z, d2.data(), d2.size(), s.data(), s.size(), nb.data(),
                                                            noise.size(), nb.size(), noise.size());
        EXPECT_EQ(zcode(r), int(zest::ErrorCode::cannotProduce_uncompressedBlock)) << zdescr(r);
    }
}

// ---- copyCCtx -----------------------------------------------------------------------------

TEST(CopyCCtx, CopyCompressesLikeTheOriginal) {
    Rng rng(21);
    const Bytes dict = trainDict(rng, 2, 8192);
    const Bytes src = recordRun(rng, 2, 100000);
    ZCCtx prepared;
    ASSERT_FALSE(zest::isError(zest::compressBeginUsingDict(prepared, dict.data(), dict.size(), 6)));
    for (unsigned long long pledged : {0ull, (unsigned long long)src.size()}) {
        SCOPED_TRACE(at("pledged", (long long)pledged));
        ZCCtx copy;
        ASSERT_FALSE(zest::isError(zest::copyCCtx(copy, prepared, pledged)));
        Buf dst(zest::compressBound(src.size()) + 32);
        const size_t r = zest::compressEnd(copy, dst.data(), dst.size(), src.data(), src.size());
        ASSERT_FALSE(zest::isError(r)) << zdescr(r);
        const Bytes f = dst.take(r);
        const ZSTD_frameHeader h = header(f);
        EXPECT_EQ(h.frameContentSize, pledged ? pledged : ZSTD_CONTENTSIZE_UNKNOWN);
        EXPECT_EQ(h.checksumFlag, 0u);
        EXPECT_EQ(h.dictID, ZSTD_getDictID_fromDict(dict.data(), dict.size()));
        DecodeWith o;
        o.dict = &dict;
        expectDecodes(f, src, o);
    }
    // The prepared context is still usable itself.
    Buf dst(zest::compressBound(src.size()) + 32);
    const size_t r = zest::compressEnd(prepared, dst.data(), dst.size(), src.data(), src.size());
    ASSERT_FALSE(zest::isError(r));
    DecodeWith o;
    o.dict = &dict;
    expectDecodes(dst.take(r), src, o);
}

TEST(CopyCCtx, OnlyFromAFreshlyBegunContext) {
    Rng rng(22);
    const Bytes src = genText(rng, 5000);
    ZCCtx fresh, copy;
    EXPECT_EQ(zcode(zest::copyCCtx(copy, fresh, 0)), int(ZSTD_error_stage_wrong));
    ZCCtx begun;
    ASSERT_FALSE(zest::isError(zest::compressBegin(begun, 3)));
    Buf dst(zest::compressBound(src.size()) + 32);
    ASSERT_FALSE(zest::isError(zest::compressContinue(begun, dst.data(), dst.size(), src.data(), src.size())));
    EXPECT_EQ(zcode(zest::copyCCtx(copy, begun, 0)), int(ZSTD_error_stage_wrong));
    // A context used by the one-shot API was not begun bufferless.
    ZCCtx oneShot;
    zframe(oneShot, src);
    EXPECT_EQ(zcode(zest::copyCCtx(copy, oneShot, 0)), int(ZSTD_error_stage_wrong));
}

}  // namespace
