// The dictionary builder against the reference's zdict (Debian's static
// libzstd in the same process): ZDICT_finalizeDictionary and
// ZDICT_addEntropyTablesFromBuffer's core (src/dictbuilder/finalize.*).
#include <zdict.h>
#include <zstd.h>

#include <gtest/gtest.h>

#include <cstring>
#include <vector>

#include "compress/cctx.h"
#include "compress/dict_content.h"
#include "compress_support.h"
#include "dictbuilder/finalize.h"

using namespace zt;

namespace {

struct SampleSet {
    Bytes flat;
    std::vector<size_t> sizes;
};
SampleSet samplesOf(const std::vector<Bytes>& recs) {
    SampleSet s;
    for (const Bytes& r : recs) {
        s.flat.insert(s.flat.end(), r.begin(), r.end());
        s.sizes.push_back(r.size());
    }
    return s;
}

size_t zestFinalize(Bytes& out, size_t capacity, const Bytes& content, const SampleSet& s, int level,
                    unsigned id = 0) {
    out.assign(capacity, 0);
    zest::FinalizeParams p;
    p.level = level;
    p.dictID = id;
    const size_t r = zest::finalizeDictionary(out.data(), capacity, content.data(), content.size(), s.flat.data(),
                                              s.sizes.data(), unsigned(s.sizes.size()), p);
    if (!ZSTD_isError(r)) out.resize(r);
    return r;
}
size_t refFinalize(Bytes& out, size_t capacity, const Bytes& content, const SampleSet& s, int level,
                   unsigned id = 0) {
    out.assign(capacity, 0);
    ZDICT_params_t p{level, 0, id};
    const size_t r = ZDICT_finalizeDictionary(out.data(), capacity, content.data(), content.size(), s.flat.data(),
                                              s.sizes.data(), unsigned(s.sizes.size()), p);
    if (!ZSTD_isError(r)) out.resize(r);
    return r;
}

// Total size of the records compressed with dict by zest at level.
size_t zestTotal(const std::vector<Bytes>& recs, const Bytes& dict, int level) {
    size_t total = 0;
    ZCCtx c;
    cset(c, pLevel, level);
    zest::cctxLoadDictionary(c, dict.data(), dict.size(), zest::DictLoadMethod::byRef,
                             zest::DictContentType::fullDict);
    for (const Bytes& r : recs) total += zframe(c, r).size();
    return total;
}

}  // namespace

// A dictionary finalized by zest: valid for the reference (its header size,
// its compressor and decoder), the same ID the reference derives from the
// content (or the one asked for), and at least as useful to zest's
// compressor as the reference's own finalization of the same content.
TEST(Finalize, ValidForTheReferenceAndUseful) {
    Rng rng(801);
    for (unsigned flavor : {1u, 2u}) {
        const std::vector<Bytes> train = records(rng, flavor, 300), test = records(rng, flavor, 100);
        const SampleSet s = samplesOf(train);
        const Bytes content = recordRun(rng, flavor, 32 * 1024);
        for (int level : {1, 3, 6, 9}) {
            SCOPED_TRACE(at("flavor/level", flavor, level));
            Bytes zd, rd;
            ASSERT_FALSE(ZSTD_isError(zestFinalize(zd, 40000, content, s, level)));
            ASSERT_FALSE(ZSTD_isError(refFinalize(rd, 40000, content, s, level)));
            EXPECT_EQ(ZDICT_getDictID(zd.data(), zd.size()), ZDICT_getDictID(rd.data(), rd.size()));
            const size_t h = ZDICT_getDictHeaderSize(zd.data(), zd.size());
            ASSERT_FALSE(ZSTD_isError(h)) << ZSTD_getErrorName(h);
            EXPECT_EQ(zest::dictionaryHeaderSize(zd.data(), zd.size()), h);
            EXPECT_EQ(zd.size(), h + content.size());
            EXPECT_TRUE(std::memcmp(zd.data() + h, content.data(), content.size()) == 0);
            DecodeWith o;
            o.dict = &zd;
            RefCCtx ref;
            rset(ref, pLevel, level);
            ZSTD_CCtx_loadDictionary(ref, zd.data(), zd.size());
            for (size_t i = 0; i < test.size(); i += 10) {
                expectDecodes(refFrame(ref, test[i]), test[i], o);
                ZCCtx c;
                cset(c, pLevel, level);
                zest::cctxLoadDictionary(c, zd.data(), zd.size(), zest::DictLoadMethod::byRef,
                                         zest::DictContentType::fullDict);
                expectDecodes(zframe(c, test[i]), test[i], o);
            }
            const size_t withZest = zestTotal(test, zd, level), withRef = zestTotal(test, rd, level);
            EXPECT_LE(double(withZest), 1.01 * double(withRef)) << "zest's tables " << withZest << ", reference's "
                                                                 << withRef;
        }
        Bytes withId;
        ASSERT_FALSE(ZSTD_isError(zestFinalize(withId, 40000, content, s, 3, 123456)));
        EXPECT_EQ(ZDICT_getDictID(withId.data(), withId.size()), 123456u);
    }
}

// The reference's limits: a buffer below 256 bytes or below the content is
// too small. Without samples the tables still code everything. When header
// and content do not fit, zest keeps the end of the content (as zdict.h
// documents; the reference keeps its start).
TEST(Finalize, LimitsAndEdges) {
    Rng rng(802);
    const SampleSet s = samplesOf(records(rng, 1, 50));
    const Bytes content = genText(rng, 5000);
    Bytes out;
    for (size_t cap : {size_t(0), size_t(255), size_t(4999)}) {
        SCOPED_TRACE(at("capacity", (long long)cap));
        EXPECT_EQ(int(zest::errorCodeOf(zestFinalize(out, cap, content, s, 3))), int(ZSTD_error_dstSize_tooSmall));
        EXPECT_EQ(int(ZSTD_getErrorCode(refFinalize(out, cap, content, s, 3))), int(ZSTD_error_dstSize_tooSmall));
    }
    // Content cut to fit: its end is kept.
    ASSERT_EQ(zestFinalize(out, 5000, content, s, 3), 5000u);
    const size_t h = ZDICT_getDictHeaderSize(out.data(), out.size());
    ASSERT_FALSE(ZSTD_isError(h));
    EXPECT_TRUE(std::memcmp(out.data() + h, content.data() + h, 5000 - h) == 0);
    // No samples, and a tiny content.
    const SampleSet none;
    ASSERT_FALSE(ZSTD_isError(zestFinalize(out, 8000, content, none, 3)));
    EXPECT_FALSE(ZSTD_isError(ZDICT_getDictHeaderSize(out.data(), out.size())));
    const Bytes tiny = slice(content, 0, 100);
    ASSERT_FALSE(ZSTD_isError(zestFinalize(out, 1000, tiny, s, 3)));
    DecodeWith o;
    o.dict = &out;
    ZCCtx c;
    zest::cctxLoadDictionary(c, out.data(), out.size(), zest::DictLoadMethod::byRef, zest::DictContentType::fullDict);
    for (const Bytes* src : {&content, &tiny}) expectDecodes(zframe(c, *src), *src, o);
    // Incompressible samples (every byte value equally likely in the literals).
    const SampleSet noise = samplesOf({genBinary(rng, 50000)});
    ASSERT_FALSE(ZSTD_isError(zestFinalize(out, 8000, content, noise, 3)));
    EXPECT_FALSE(ZSTD_isError(ZDICT_getDictHeaderSize(out.data(), out.size())));
}

// The content may already be in the output buffer (at its end: the
// ZDICT_addEntropyTablesFromBuffer layout); the result is the same as from a
// separate copy.
TEST(Finalize, ContentInPlace) {
    Rng rng(803);
    const SampleSet s = samplesOf(records(rng, 2, 80));
    const Bytes content = recordRun(rng, 2, 10000);
    Bytes separate;
    ASSERT_FALSE(ZSTD_isError(zestFinalize(separate, 12000, content, s, 0)));
    Bytes buf(12000, 0);
    std::memcpy(buf.data() + buf.size() - content.size(), content.data(), content.size());
    zest::FinalizeParams p;
    const size_t r = zest::finalizeDictionary(buf.data(), buf.size(), buf.data() + buf.size() - content.size(),
                                              content.size(), s.flat.data(), s.sizes.data(),
                                              unsigned(s.sizes.size()), p);
    ASSERT_FALSE(ZSTD_isError(r));
    buf.resize(r);
    EXPECT_TRUE(buf == separate);
}

// Statistics come from parameters made for the average sample; a sample far
// larger than the average is cut to those parameters' block size (it once
// overran the compressor's buffers).
TEST(Finalize, SampleLargerThanTheAverageBlock) {
    Rng rng(804);
    std::vector<Bytes> recs = records(rng, 1, 200);
    recs.push_back(genText(rng, 128 * 1024));
    recs.push_back(genText(rng, 300 * 1024));
    const SampleSet s = samplesOf(recs);
    const Bytes content = recordRun(rng, 1, 8000);
    for (int level : {1, 3, 9, 19}) {
        SCOPED_TRACE(at("level", level));
        Bytes out;
        const size_t r = zestFinalize(out, 16384, content, s, level);
        ASSERT_FALSE(ZSTD_isError(r)) << ZSTD_getErrorName(r);
        EXPECT_FALSE(ZSTD_isError(ZDICT_getDictHeaderSize(out.data(), out.size())));
    }
}
