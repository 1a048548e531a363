// The sequence-level functions and ZSTD_copyCCtx through the C API, as a C
// program calls them (the core's behaviour is tested against the reference
// in tests/core/sequence_api_test.cpp; this checks the shims: layouts, the
// producer's calling convention, handles).
#include "capi_util.h"

#include <cstring>
#include <vector>

using namespace capi;

namespace {

Bytes seqText(size_t n) {
    static const char* const kWords[] = {"seq ", "match ", "literal ", "offset ", "block ", "\n", "7 ", "zz "};
    Bytes out;
    uint32_t x = 99;
    while (out.size() < n) {
        x = x * 1103515245u + 12345u;
        const char* w = kWords[(x >> 16) % 8];
        out.insert(out.end(), w, w + std::strlen(w));
    }
    out.resize(n);
    return out;
}

Bytes decode(const Bytes& frame, size_t size) {
    Bytes out(size + 1);
    const size_t r = ZSTD_decompress(out.data(), out.size(), frame.data(), frame.size());
    EXPECT_FALSE(ZSTD_isError(r)) << ZSTD_getErrorName(r);
    out.resize(ZSTD_isError(r) ? 0 : r);
    return out;
}

TEST(Sequences, GenerateMergeCompressThroughTheCApi) {
    const Bytes src = seqText(300000);
    ZSTD_CCtx* c = ZSTD_createCCtx();
    ASSERT_NE(c, nullptr);
    std::vector<ZSTD_Sequence> seqs(ZSTD_sequenceBound(src.size()));
    const size_t n = ZSTD_generateSequences(c, seqs.data(), seqs.size(), src.data(), src.size());
    ASSERT_FALSE(ZSTD_isError(n)) << ZSTD_getErrorName(n);
    seqs.resize(n);
    Bytes dst(ZSTD_compressBound(src.size()));
    ASSERT_FALSE(ZSTD_isError(ZSTD_CCtx_setParameter(c, ZSTD_c_blockDelimiters, ZSTD_sf_explicitBlockDelimiters)));
    ASSERT_FALSE(ZSTD_isError(ZSTD_CCtx_setParameter(c, ZSTD_c_validateSequences, 1)));
    size_t r = ZSTD_compressSequences(c, dst.data(), dst.size(), seqs.data(), seqs.size(), src.data(), src.size());
    ASSERT_FALSE(ZSTD_isError(r)) << ZSTD_getErrorName(r);
    EXPECT_EQ(decode(Bytes(dst.begin(), dst.begin() + r), src.size()), src);

    // The literals alone (1.5.7's ZSTD_compressSequencesAndLiterals).
    Bytes lits;
    size_t pos = 0;
    for (const ZSTD_Sequence& s : seqs) {
        lits.insert(lits.end(), src.begin() + pos, src.begin() + pos + s.litLength);
        pos += s.litLength + s.matchLength;
    }
    const size_t litSize = lits.size();
    lits.resize(litSize + 8);
    r = ZSTD_compressSequencesAndLiterals(c, dst.data(), dst.size(), seqs.data(), seqs.size(), lits.data(), litSize,
                                          lits.size(), src.size());
    ASSERT_FALSE(ZSTD_isError(r)) << ZSTD_getErrorName(r);
    EXPECT_EQ(decode(Bytes(dst.begin(), dst.begin() + r), src.size()), src);

    // Without delimiters.
    const size_t m = ZSTD_mergeBlockDelimiters(seqs.data(), seqs.size());
    EXPECT_LT(m, seqs.size());
    ASSERT_FALSE(ZSTD_isError(ZSTD_CCtx_setParameter(c, ZSTD_c_blockDelimiters, ZSTD_sf_noBlockDelimiters)));
    r = ZSTD_compressSequences(c, dst.data(), dst.size(), seqs.data(), m, src.data(), src.size());
    ASSERT_FALSE(ZSTD_isError(r)) << ZSTD_getErrorName(r);
    EXPECT_EQ(decode(Bytes(dst.begin(), dst.begin() + r), src.size()), src);
    ZSTD_freeCCtx(c);
}

struct Counter {
    int calls = 0;
    bool fail = false;
};

// Every block as literals only: the smallest valid parse.
extern "C" size_t literalsProducer(void* state, ZSTD_Sequence* out, size_t cap, const void*, size_t srcSize,
                                   const void*, size_t, int, size_t) {
    auto* k = static_cast<Counter*>(state);
    ++k->calls;
    if (k->fail || cap < 1) return ZSTD_SEQUENCE_PRODUCER_ERROR;
    out[0] = ZSTD_Sequence{0, unsigned(srcSize), 0, 0};
    return 1;
}

TEST(Sequences, ProducersThroughTheCApi) {
    const Bytes src = seqText(200000);
    Bytes dst(ZSTD_compressBound(src.size()));
    Counter k;
    ZSTD_CCtx* c = ZSTD_createCCtx();
    ZSTD_registerSequenceProducer(c, &k, literalsProducer);
    size_t r = ZSTD_compress2(c, dst.data(), dst.size(), src.data(), src.size());
    ASSERT_FALSE(ZSTD_isError(r)) << ZSTD_getErrorName(r);
    EXPECT_GE(k.calls, 2);
    EXPECT_EQ(decode(Bytes(dst.begin(), dst.begin() + r), src.size()), src);
    const size_t literalOnly = r;

    k.fail = true;
    r = ZSTD_compress2(c, dst.data(), dst.size(), src.data(), src.size());
    EXPECT_EQ(ZSTD_getErrorCode(r), ZSTD_error_sequenceProducer_failed);
    ASSERT_FALSE(ZSTD_isError(ZSTD_CCtx_setParameter(c, ZSTD_c_enableSeqProducerFallback, 1)));
    r = ZSTD_compress2(c, dst.data(), dst.size(), src.data(), src.size());
    ASSERT_FALSE(ZSTD_isError(r));
    EXPECT_LT(r, literalOnly);  // the internal finder found matches
    EXPECT_EQ(decode(Bytes(dst.begin(), dst.begin() + r), src.size()), src);
    ZSTD_freeCCtx(c);

    // On a parameter set.
    Counter k2;
    ZSTD_CCtx_params* p = ZSTD_createCCtxParams();
    ZSTD_CCtxParams_registerSequenceProducer(p, &k2, literalsProducer);
    c = ZSTD_createCCtx();
    ASSERT_FALSE(ZSTD_isError(ZSTD_CCtx_setParametersUsingCCtxParams(c, p)));
    r = ZSTD_compress2(c, dst.data(), dst.size(), src.data(), src.size());
    ASSERT_FALSE(ZSTD_isError(r));
    EXPECT_GE(k2.calls, 2);
    ZSTD_freeCCtx(c);
    ZSTD_freeCCtxParams(p);
}

TEST(Sequences, CopyCCtxThroughTheCApi) {
    const Bytes src = seqText(50000);
    const Bytes dict = seqText(4000);
    ZSTD_CCtx* prepared = ZSTD_createCCtx();
    ZSTD_CCtx* copy = ZSTD_createCCtx();
    EXPECT_EQ(ZSTD_getErrorCode(ZSTD_copyCCtx(copy, prepared, 0)), ZSTD_error_stage_wrong);
    ASSERT_FALSE(ZSTD_isError(ZSTD_compressBegin_usingDict(prepared, dict.data(), dict.size(), 5)));
    ASSERT_FALSE(ZSTD_isError(ZSTD_copyCCtx(copy, prepared, src.size())));
    Bytes dst(ZSTD_compressBound(src.size()) + 32);
    const size_t r = ZSTD_compressEnd(copy, dst.data(), dst.size(), src.data(), src.size());
    ASSERT_FALSE(ZSTD_isError(r)) << ZSTD_getErrorName(r);
    Bytes out(src.size());
    ZSTD_DCtx* d = ZSTD_createDCtx();
    const size_t dr = ZSTD_decompress_usingDict(d, out.data(), out.size(), dst.data(), r, dict.data(), dict.size());
    ASSERT_FALSE(ZSTD_isError(dr)) << ZSTD_getErrorName(dr);
    EXPECT_EQ(out, src);
    EXPECT_EQ(ZSTD_getFrameContentSize(dst.data(), r), src.size());
    ZSTD_freeDCtx(d);
    ZSTD_freeCCtx(copy);
    ZSTD_freeCCtx(prepared);
}

}  // namespace
