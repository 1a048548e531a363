// The dictionary trainers (src/dictbuilder: COVER, fastCOVER, their search,
// the legacy trainer, sample budgets) against the reference's zdict (Debian's
// static libzstd in the same process).
#include <zdict.h>
#include <zstd.h>

#include <gtest/gtest.h>

#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "compress/cctx.h"
#include "compress/dict_content.h"
#include "compress_support.h"
#include "dictbuilder/sample_set.h"
#include "dictbuilder/trainers.h"

using namespace zt;

namespace {

struct Flat {
    Bytes data;
    std::vector<size_t> sizes;
    zest::SampleSet set() const { return zest::SampleSet::of(data.data(), sizes.data(), unsigned(sizes.size())); }
};
Flat flatten(const std::vector<Bytes>& recs) {
    Flat f;
    for (const Bytes& r : recs) {
        f.data.insert(f.data.end(), r.begin(), r.end());
        f.sizes.push_back(r.size());
    }
    return f;
}

// Log lines: a few fixed formats with varying fields.
std::vector<Bytes> logLines(Rng& rng, int n) {
    static const char* const kPaths[] = {"/index.html", "/api/v1/users", "/static/app.js", "/login", "/search?q="};
    std::vector<Bytes> v;
    for (int i = 0; i < n; ++i) {
        std::string s;
        for (int l = 0; l < 3; ++l) {
            s += "10.0." + std::to_string(rng.below(256)) + "." + std::to_string(rng.below(256)) +
                 " - - [02/Dec/2026:21:" + std::to_string(10 + rng.below(50)) + ":" + std::to_string(10 + rng.below(50)) +
                 " +0000] \"GET " + kPaths[rng.below(5)] + " HTTP/1.1\" " + (rng.chance(90) ? "200 " : "404 ") +
                 std::to_string(rng.below(50000)) + " \"-\" \"Mozilla/5.0 (X11; Linux x86_64)\"\n";
        }
        v.emplace_back(s.begin(), s.end());
    }
    return v;
}

// Small source files: shared boilerplate, varying bodies.
std::vector<Bytes> sourceFiles(Rng& rng, int n) {
    std::vector<Bytes> v;
    for (int i = 0; i < n; ++i) {
        std::string s = "// Copyright 2026 The Example Authors. All rights reserved.\n#include <stdio.h>\n#include "
                         "<stdlib.h>\n\nstatic int helper_" + std::to_string(i) + "(int x) {\n";
        const unsigned lines = unsigned(rng.range(3, 12));
        for (unsigned l = 0; l < lines; ++l)
            s += "    if (x > " + std::to_string(rng.below(100)) + ") return x * " + std::to_string(rng.below(9)) +
                 ";\n";
        s += "    return 0;\n}\n\nint main(void) {\n    printf(\"%d\\n\", helper_" + std::to_string(i) +
             "(42));\n    return EXIT_SUCCESS;\n}\n";
        v.emplace_back(s.begin(), s.end());
    }
    return v;
}

std::vector<Bytes> sampleKind(Rng& rng, int kind, int n) {
    if (kind == 0) return records(rng, 1, n);
    if (kind == 1) return logLines(rng, n);
    return sourceFiles(rng, n);
}

size_t zestTotal(const std::vector<Bytes>& recs, const Bytes* dict, int level) {
    size_t total = 0;
    ZCCtx c;
    cset(c, pLevel, level);
    if (dict)
        zest::cctxLoadDictionary(c, dict->data(), dict->size(), zest::DictLoadMethod::byRef,
                                 zest::DictContentType::fullDict);
    for (const Bytes& r : recs) total += zframe(c, r).size();
    return total;
}

// One way of training, by zest (core) and by the reference (zdict).
struct Trainer {
    const char* name;
    std::function<size_t(void*, size_t, const Flat&)> zest;
    std::function<size_t(void*, size_t, const Flat&)> ref;
};

zest::CoverSettings coverOf(const ZDICT_cover_params_t& p) {
    zest::CoverSettings s;
    s.kind = zest::CoverKind::cover;
    s.k = p.k;
    s.d = p.d;
    s.steps = p.steps;
    s.nbThreads = p.nbThreads;
    s.splitPoint = p.splitPoint;
    s.shrinkDict = p.shrinkDict;
    s.shrinkDictMaxRegression = p.shrinkDictMaxRegression;
    s.level = p.zParams.compressionLevel;
    s.dictID = p.zParams.dictID;
    return s;
}
zest::CoverSettings fastOf(const ZDICT_fastCover_params_t& p) {
    zest::CoverSettings s;
    s.kind = zest::CoverKind::fastCover;
    s.k = p.k;
    s.d = p.d;
    s.f = p.f;
    s.accel = p.accel;
    s.steps = p.steps;
    s.nbThreads = p.nbThreads;
    s.splitPoint = p.splitPoint;
    s.shrinkDict = p.shrinkDict;
    s.shrinkDictMaxRegression = p.shrinkDictMaxRegression;
    s.level = p.zParams.compressionLevel;
    s.dictID = p.zParams.dictID;
    return s;
}

ZDICT_cover_params_t coverParams(unsigned k, unsigned d, unsigned steps = 0) {
    ZDICT_cover_params_t p;
    std::memset(&p, 0, sizeof(p));
    p.k = k;
    p.d = d;
    p.steps = steps;
    p.nbThreads = 1;
    p.zParams.compressionLevel = 3;
    return p;
}
ZDICT_fastCover_params_t fastParams(unsigned k, unsigned d, unsigned steps = 0, unsigned f = 0, unsigned accel = 0) {
    ZDICT_fastCover_params_t p;
    std::memset(&p, 0, sizeof(p));
    p.k = k;
    p.d = d;
    p.steps = steps;
    p.f = f;
    p.accel = accel;
    p.nbThreads = 1;
    p.zParams.compressionLevel = 3;
    return p;
}

std::vector<Trainer> trainers() {
    std::vector<Trainer> t;
    t.push_back({"default (fastCover d=8 steps=4)",
                 [](void* d, size_t c, const Flat& f) {
                     zest::CoverSettings s = fastOf(fastParams(0, 8, 4, 20, 1));
                     return zest::optimizeCover(d, c, f.set(), s);
                 },
                 [](void* d, size_t c, const Flat& f) {
                     return ZDICT_trainFromBuffer(d, c, f.data.data(), f.sizes.data(), unsigned(f.sizes.size()));
                 }});
    t.push_back({"cover k=200 d=8",
                 [](void* d, size_t c, const Flat& f) { return zest::trainCover(d, c, f.set(), coverOf(coverParams(200, 8))); },
                 [](void* d, size_t c, const Flat& f) {
                     return ZDICT_trainFromBuffer_cover(d, c, f.data.data(), f.sizes.data(), unsigned(f.sizes.size()),
                                                        coverParams(200, 8));
                 }});
    t.push_back({"cover search steps=4",
                 [](void* d, size_t c, const Flat& f) {
                     zest::CoverSettings s = coverOf(coverParams(0, 0, 4));
                     return zest::optimizeCover(d, c, f.set(), s);
                 },
                 [](void* d, size_t c, const Flat& f) {
                     ZDICT_cover_params_t p = coverParams(0, 0, 4);
                     return ZDICT_optimizeTrainFromBuffer_cover(d, c, f.data.data(), f.sizes.data(),
                                                                unsigned(f.sizes.size()), &p);
                 }});
    t.push_back({"fastCover k=300 d=6 f=18 accel=3",
                 [](void* d, size_t c, const Flat& f) {
                     return zest::trainCover(d, c, f.set(), fastOf(fastParams(300, 6, 0, 18, 3)));
                 },
                 [](void* d, size_t c, const Flat& f) {
                     return ZDICT_trainFromBuffer_fastCover(d, c, f.data.data(), f.sizes.data(),
                                                            unsigned(f.sizes.size()), fastParams(300, 6, 0, 18, 3));
                 }});
    t.push_back({"legacy",
                 [](void* d, size_t c, const Flat& f) { return zest::trainLegacy(d, c, f.set(), 0, 3, 0, 0); },
                 [](void* d, size_t c, const Flat& f) {
                     ZDICT_legacy_params_t p;
                     std::memset(&p, 0, sizeof(p));
                     p.zParams.compressionLevel = 3;
                     return ZDICT_trainFromBuffer_legacy(d, c, f.data.data(), f.sizes.data(), unsigned(f.sizes.size()),
                                                         p);
                 }});
    return t;
}

}  // namespace

// Every trainer, on three kinds of samples: the dictionary makes the held-out
// samples clearly smaller, the reference reads its ID and header size as zest
// does, and frames made with it by either side decode on both. The
// reference's dictionary from the same samples works with zest too.
TEST(Trainer, DictionariesHelpAndInteroperate) {
    Rng rng(901);
    for (int kind = 0; kind < 3; ++kind) {
        const std::vector<Bytes> train = sampleKind(rng, kind, 400), test = sampleKind(rng, kind, 60);
        const Flat f = flatten(train);
        const size_t plain = zestTotal(test, nullptr, 3);
        for (const Trainer& t : trainers()) {
            SCOPED_TRACE(std::string(t.name) + " kind " + std::to_string(kind));
            Bytes zd(8192), rd(8192);
            const size_t zn = t.zest(zd.data(), zd.size(), f);
            ASSERT_FALSE(ZSTD_isError(zn)) << ZSTD_getErrorName(zn);
            zd.resize(zn);
            const size_t rn = t.ref(rd.data(), rd.size(), f);
            ASSERT_FALSE(ZSTD_isError(rn)) << ZSTD_getErrorName(rn);
            rd.resize(rn);
            EXPECT_LE(zn, 8192u);
            EXPECT_NE(ZDICT_getDictID(zd.data(), zd.size()), 0u);
            EXPECT_EQ(ZDICT_getDictID(zd.data(), zd.size()), zest::getDictIDFromDict(zd.data(), zd.size()));
            EXPECT_EQ(ZDICT_getDictHeaderSize(zd.data(), zd.size()), zest::dictionaryHeaderSize(zd.data(), zd.size()));
            const size_t withDict = zestTotal(test, &zd, 3);
            EXPECT_LT(double(withDict), 0.8 * double(plain)) << "with " << withDict << ", without " << plain;
            for (const Bytes* dict : {&zd, &rd}) {
                DecodeWith o;
                o.dict = dict;
                RefCCtx ref;
                rset(ref, pLevel, 3);
                ZSTD_CCtx_loadDictionary(ref, dict->data(), dict->size());
                ZCCtx c;
                cset(c, pLevel, 3);
                zest::cctxLoadDictionary(c, dict->data(), dict->size(), zest::DictLoadMethod::byRef,
                                         zest::DictContentType::fullDict);
                for (size_t i = 0; i < test.size(); i += 7) {
                    expectDecodes(refFrame(ref, test[i]), test[i], o);
                    expectDecodes(zframe(c, test[i]), test[i], o);
                }
            }
        }
    }
}

// The reference's answers for bad inputs, code for code.
TEST(Trainer, ErrorsLikeTheReference) {
    Rng rng(902);
    const Flat many = flatten(records(rng, 2, 200));
    const Flat four = flatten(records(rng, 2, 4));
    const Flat five = flatten(records(rng, 2, 5));
    const Flat six = flatten(records(rng, 2, 6));
    const Flat empties = flatten(std::vector<Bytes>(50, Bytes{}));
    const Flat tinyOnes = flatten(std::vector<Bytes>(50, Bytes{'a', 'b', 'c'}));
    struct Case {
        const char* what;
        const Flat* f;
        size_t cap;
        std::function<size_t(void*, size_t, const Flat&)> zest, ref;
    };
    auto cover = [](ZDICT_cover_params_t p, bool opt) -> std::pair<std::function<size_t(void*, size_t, const Flat&)>,
                                                                   std::function<size_t(void*, size_t, const Flat&)>> {
        return {[p, opt](void* d, size_t c, const Flat& f) {
                    zest::CoverSettings s = coverOf(p);
                    return opt ? zest::optimizeCover(d, c, f.set(), s) : zest::trainCover(d, c, f.set(), s);
                },
                [p, opt](void* d, size_t c, const Flat& f) {
                    ZDICT_cover_params_t q = p;
                    return opt ? ZDICT_optimizeTrainFromBuffer_cover(d, c, f.data.data(), f.sizes.data(),
                                                                    unsigned(f.sizes.size()), &q)
                               : ZDICT_trainFromBuffer_cover(d, c, f.data.data(), f.sizes.data(),
                                                             unsigned(f.sizes.size()), q);
                }};
    };
    auto fast = [](ZDICT_fastCover_params_t p, bool opt) -> std::pair<std::function<size_t(void*, size_t, const Flat&)>,
                                                                      std::function<size_t(void*, size_t, const Flat&)>> {
        return {[p, opt](void* d, size_t c, const Flat& f) {
                    zest::CoverSettings s = fastOf(p);
                    return opt ? zest::optimizeCover(d, c, f.set(), s) : zest::trainCover(d, c, f.set(), s);
                },
                [p, opt](void* d, size_t c, const Flat& f) {
                    ZDICT_fastCover_params_t q = p;
                    return opt ? ZDICT_optimizeTrainFromBuffer_fastCover(d, c, f.data.data(), f.sizes.data(),
                                                                        unsigned(f.sizes.size()), &q)
                               : ZDICT_trainFromBuffer_fastCover(d, c, f.data.data(), f.sizes.data(),
                                                                 unsigned(f.sizes.size()), q);
                }};
    };
    std::vector<Case> cases;
    auto add = [&](const char* what, const Flat* f, size_t cap, auto pair) {
        cases.push_back({what, f, cap, pair.first, pair.second});
    };
    add("cover k=0", &many, 8192, cover(coverParams(0, 8), false));
    add("cover d=0", &many, 8192, cover(coverParams(200, 0), false));
    add("cover d>k", &many, 8192, cover(coverParams(6, 8), false));
    add("cover k>capacity", &many, 1000, cover(coverParams(2000, 8), false));
    add("cover capacity 255", &many, 255, cover(coverParams(200, 8), false));
    add("cover capacity 256", &many, 256, cover(coverParams(200, 8), false));
    add("cover 4 samples", &four, 8192, cover(coverParams(200, 8), false));
    add("cover 5 samples", &five, 8192, cover(coverParams(200, 8), false));
    add("cover empty samples", &empties, 8192, cover(coverParams(200, 8), false));
    add("cover search 5 samples", &five, 8192, cover(coverParams(0, 0, 2), true));
    add("fastCover d=7", &many, 8192, fast(fastParams(200, 7), false));
    add("fastCover d=0", &many, 8192, fast(fastParams(200, 0), false));
    add("fastCover f=32", &many, 8192, fast(fastParams(200, 8, 0, 32), false));
    add("fastCover accel=11", &many, 8192, fast(fastParams(200, 8, 0, 20, 11), false));
    add("fastCover k=0", &many, 8192, fast(fastParams(0, 8), false));
    add("fastCover 4 samples", &four, 8192, fast(fastParams(200, 8), false));
    add("fastCover search 6 samples (4 train)", &six, 8192, fast(fastParams(0, 8, 2), true));
    add("fastCover search d=7", &many, 8192, fast(fastParams(0, 7, 2), true));
    add("fastCover capacity 100", &many, 100, fast(fastParams(0, 8, 2), true));
    add("fastCover search f=32", &many, 8192, fast(fastParams(0, 8, 2, 32), true));
    add("fastCover search accel=11", &many, 8192, fast(fastParams(0, 8, 2, 20, 11), true));
    add("fastCover search k>capacity", &many, 2000, fast(fastParams(3000, 8, 2), true));
    add("cover search k>capacity", &many, 2000, cover(coverParams(3000, 8, 2), true));
    add("cover search d>k", &many, 8192, cover(coverParams(6, 8, 2), true));
    {
        ZDICT_cover_params_t p = coverParams(0, 8, 2);
        p.splitPoint = 1.5;
        add("cover search split 1.5", &many, 8192, cover(p, true));
        p.splitPoint = -1;
        add("cover search split -1 (default)", &many, 8192, cover(p, true));
        ZDICT_fastCover_params_t q = fastParams(200, 8);
        q.splitPoint = 1.5;
        add("fastCover split 1.5 (unused)", &many, 8192, fast(q, false));
    }
    for (const Case& c : cases) {
        SCOPED_TRACE(c.what);
        Bytes zd(c.cap + 1), rd(c.cap + 1);
        const size_t z = c.zest(zd.data(), c.cap, *c.f), r = c.ref(rd.data(), c.cap, *c.f);
        EXPECT_EQ(ZSTD_isError(z), ZSTD_isError(r)) << ZSTD_getErrorName(z) << " / " << ZSTD_getErrorName(r);
        EXPECT_EQ(int(ZSTD_getErrorCode(z)), int(ZSTD_getErrorCode(r)));
        if (!ZSTD_isError(z)) EXPECT_LE(z, c.cap);
    }
    // Where the reference answers "a dictionary of size 0" (legacy with too few
    // samples), zest says srcSize_wrong; incompressible samples fail to make a
    // legacy dictionary on both sides.
    Bytes d(8192);
    EXPECT_EQ(int(zest::errorCodeOf(zest::trainLegacy(d.data(), d.size(), four.set(), 0, 3, 0, 0))),
              int(ZSTD_error_srcSize_wrong));
    // Incompressible samples: nothing shared, no dictionary, on both sides.
    std::vector<Bytes> noise;
    for (int i = 0; i < 100; ++i) {
        Bytes b(200);
        for (auto& c : b) c = rng.byte();
        noise.push_back(b);
    }
    const Flat nf = flatten(noise);
    ZDICT_legacy_params_t lp;
    std::memset(&lp, 0, sizeof(lp));
    EXPECT_EQ(int(ZSTD_getErrorCode(ZDICT_trainFromBuffer_legacy(d.data(), d.size(), nf.data.data(), nf.sizes.data(),
                                                                 unsigned(nf.sizes.size()), lp))),
              int(ZSTD_error_dictionaryCreation_failed));
    EXPECT_EQ(int(zest::errorCodeOf(zest::trainLegacy(d.data(), d.size(), nf.set(), 0, 3, 0, 0))),
              int(ZSTD_error_dictionaryCreation_failed));
    // Samples shorter than a d-mer give nothing to select: an error, not a
    // dictionary without content.
    EXPECT_TRUE(ZSTD_isError(zest::trainCover(d.data(), d.size(), tinyOnes.set(), coverOf(coverParams(200, 8)))));
}

// The search writes back what it chose, defaults filled in, as the reference
// does; the thread count changes nothing in the result; a fixed k or d is kept.
TEST(Trainer, SearchWritesBackAndIsDeterministic) {
    Rng rng(903);
    const Flat f = flatten(records(rng, 0, 500));
    zest::CoverSettings s = fastOf(fastParams(0, 0, 6));
    Bytes one(16384), three(16384);
    const size_t n1 = zest::optimizeCover(one.data(), one.size(), f.set(), s);
    ASSERT_FALSE(ZSTD_isError(n1));
    EXPECT_TRUE(s.d == 6 || s.d == 8);
    EXPECT_GE(s.k, 50u);
    EXPECT_LE(s.k, 2000u);
    EXPECT_EQ(s.f, 20u);
    EXPECT_EQ(s.accel, 1u);
    EXPECT_EQ(s.steps, 6u);
    EXPECT_DOUBLE_EQ(s.splitPoint, 0.75);
    zest::CoverSettings t = fastOf(fastParams(0, 0, 6));
    t.nbThreads = 3;
    const size_t n3 = zest::optimizeCover(three.data(), three.size(), f.set(), t);
    ASSERT_EQ(n1, n3);
    EXPECT_TRUE(std::memcmp(one.data(), three.data(), n1) == 0);
    EXPECT_EQ(t.k, s.k);
    EXPECT_EQ(t.d, s.d);
    EXPECT_EQ(t.nbThreads, 3u);

    zest::CoverSettings c = coverOf(coverParams(0, 8, 3));
    ASSERT_FALSE(ZSTD_isError(zest::optimizeCover(one.data(), one.size(), f.set(), c)));
    EXPECT_EQ(c.d, 8u);
    EXPECT_DOUBLE_EQ(c.splitPoint, 1.0);
    zest::CoverSettings k = coverOf(coverParams(300, 0, 0));
    ASSERT_FALSE(ZSTD_isError(zest::optimizeCover(one.data(), one.size(), f.set(), k)));
    EXPECT_EQ(k.k, 300u);
    EXPECT_EQ(k.steps, 40u);
    // The C API writes the same back.
    ZDICT_fastCover_params_t p = fastParams(0, 0, 6);
    ZDICT_fastCover_params_t q = p;
    const size_t rz = zest::optimizeCover(one.data(), one.size(), f.set(), s = fastOf(p));
    const size_t rr = ZDICT_optimizeTrainFromBuffer_fastCover(three.data(), three.size(), f.data.data(),
                                                              f.sizes.data(), unsigned(f.sizes.size()), &q);
    ASSERT_FALSE(ZSTD_isError(rz));
    ASSERT_FALSE(ZSTD_isError(rr));
    EXPECT_EQ(q.f, s.f);
    EXPECT_EQ(q.accel, s.accel);
    EXPECT_EQ(q.steps, s.steps);
    EXPECT_DOUBLE_EQ(q.splitPoint, s.splitPoint);
}

// Shrinking gives the smallest power-of-two dictionary whose test result is
// within the regression allowed; a generous allowance gives a small one.
TEST(Trainer, ShrinkKeepsWithinTheRegression) {
    Rng rng(904);
    const std::vector<Bytes> recs = records(rng, 1, 600);
    const Flat f = flatten(recs);
    ZDICT_fastCover_params_t p = fastParams(0, 8, 4);
    zest::CoverSettings full = fastOf(p);
    Bytes a(65536), b(65536);
    const size_t na = zest::optimizeCover(a.data(), a.size(), f.set(), full);
    ASSERT_FALSE(ZSTD_isError(na));
    p.shrinkDict = 1;
    p.shrinkDictMaxRegression = 50;
    zest::CoverSettings shrunk = fastOf(p);
    const size_t nb = zest::optimizeCover(b.data(), b.size(), f.set(), shrunk);
    ASSERT_FALSE(ZSTD_isError(nb));
    EXPECT_LT(nb, na);
    EXPECT_LE(nb, 65536u / 2);
    b.resize(nb);
    const std::vector<Bytes> test(recs.begin() + 450, recs.end());
    a.resize(na);
    EXPECT_LE(double(zestTotal(test, &b, 3)), 1.6 * double(zestTotal(test, &a, 3)));
}

// A set over the budget is sampled: whole samples, spread over the set,
// within the budget, the same every time; a set within it is used as is.
TEST(Trainer, BoundedSamples) {
    Rng rng(905);
    const Flat f = flatten(records(rng, 2, 1000));
    zest::BoundedSamples same;
    ASSERT_EQ(same.init(f.set(), f.data.size()), 0u);
    EXPECT_FALSE(same.sampled());
    EXPECT_EQ(same.set().data, f.data.data());
    const size_t budget = f.data.size() / 3;
    zest::BoundedSamples a, b;
    ASSERT_EQ(a.init(f.set(), budget), 0u);
    ASSERT_EQ(b.init(f.set(), budget), 0u);
    EXPECT_TRUE(a.sampled());
    EXPECT_LE(a.set().total, budget);
    EXPECT_GT(a.set().total, budget * 9 / 10);
    ASSERT_EQ(a.set().count, b.set().count);
    EXPECT_TRUE(std::memcmp(a.set().data, b.set().data, a.set().total) == 0);
    // Whole samples, in order, drawn from all over the set.
    size_t at = 0, matched = 0, lastIndex = 0;
    for (unsigned i = 0; i < a.set().count; ++i) {
        const Bytes s(a.set().data + at, a.set().data + at + a.set().sizes[i]);
        at += a.set().sizes[i];
        size_t off = 0;
        for (size_t j = 0; j < f.sizes.size(); off += f.sizes[j], ++j) {
            if (f.sizes[j] == s.size() && std::memcmp(f.data.data() + off, s.data(), s.size()) == 0) {
                ++matched;
                lastIndex = j;
                break;
            }
        }
    }
    EXPECT_EQ(matched, a.set().count);
    EXPECT_GT(lastIndex, f.sizes.size() * 9 / 10);
}
