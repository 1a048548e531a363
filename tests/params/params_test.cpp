// Compression parameters: zest's core against the reference library.
//
// The reference is Debian's libzstd 1.5.4 (system <zstd.h>, linked
// statically); zest targets 1.5.7. Where the two versions differ (recorded in
// ../shared/reference/abi-constants.md) the tests check the 1.5.7 facts
// instead and say so next to the check.
#include <gtest/gtest.h>

#include <climits>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include <zstd.h>

#include "common/error.h"
#include "compress/params.h"

namespace {

using zest::CParams;
using zest::Strategy;

constexpr unsigned long long kUnknown = ZSTD_CONTENTSIZE_UNKNOWN;

// Deterministic pseudo-random numbers (splitmix64).
struct Rng {
    uint64_t s;
    uint64_t next() {
        uint64_t z = (s += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    uint64_t below(uint64_t n) { return next() % n; }
};

std::string show(const ZSTD_compressionParameters& p) {
    return "{w" + std::to_string(p.windowLog) + " c" + std::to_string(p.chainLog) + " h" +
           std::to_string(p.hashLog) + " s" + std::to_string(p.searchLog) + " m" + std::to_string(p.minMatch) +
           " t" + std::to_string(p.targetLength) + " st" + std::to_string(int(p.strategy)) + "}";
}
std::string show(const CParams& p) {
    ZSTD_compressionParameters q;
    std::memcpy(&q, &p, sizeof q);
    return show(q);
}

bool same(const ZSTD_compressionParameters& r, const CParams& z) {
    return r.windowLog == z.windowLog && r.chainLog == z.chainLog && r.hashLog == z.hashLog &&
           r.searchLog == z.searchLog && r.minMatch == z.minMatch && r.targetLength == z.targetLength &&
           int(r.strategy) == int(z.strategy);
}

ZSTD_compressionParameters toRef(const CParams& z) {
    ZSTD_compressionParameters r;
    r.windowLog = z.windowLog;
    r.chainLog = z.chainLog;
    r.hashLog = z.hashLog;
    r.searchLog = z.searchLog;
    r.minMatch = z.minMatch;
    r.targetLength = z.targetLength;
    r.strategy = ZSTD_strategy(int(z.strategy));
    return r;
}

const std::vector<int>& levels() {
    static const std::vector<int> v = [] {
        std::vector<int> l;
        for (int i = -10; i <= 22; ++i) l.push_back(i);
        for (int i : {23, 24, 50, 1000, INT_MAX, -11, -50, -100, -1000, -65536, -131071, -131072, -131073,
                      -200000, -1000000, INT_MIN + 1, INT_MIN})
            l.push_back(i);
        return l;
    }();
    return v;
}

const std::vector<unsigned long long>& srcSizes() {
    static const std::vector<unsigned long long> v = {
        0, 1, 2, 63, 64, 65, 100, 500, 512, 513, 1000, 1023, 1024, 1025, 4096, 10000,
        (16 << 10) - 1, 16 << 10, (16 << 10) + 1, 50000, (128 << 10) - 1, 128 << 10, (128 << 10) + 1,
        200000, (256 << 10) - 1, 256 << 10, (256 << 10) + 1, 588895, 1 << 20, (1 << 20) + 1, 10 << 20,
        (1ull << 30) - 1, 1ull << 30, (1ull << 30) + 1, 1ull << 31, (1ull << 31) + 1, 1ull << 32, 1ull << 40,
        kUnknown - 1000, kUnknown - 1, kUnknown};
    return v;
}

const std::vector<size_t>& dictSizes() {
    static const std::vector<size_t> v = [] {
        std::vector<size_t> d = {0,       1,       100,       1000,      1 << 10,         4096,
                                 16000,   100 << 10, 200 << 10, 1 << 20,  1 << 30,         (1u << 30) + 1,
                                 size_t(1) << 31, size_t(1) << 40, SIZE_MAX};
        // With an unknown source the class is picked from dictSize + 499:
        // straddle each class boundary.
        for (size_t b : {size_t(16) << 10, size_t(128) << 10, size_t(256) << 10})
            for (size_t off : {498, 499, 500, 501}) d.push_back(b - off);
        return d;
    }();
    return v;
}

// ---------------------------------------------------------------------------------
TEST(Params, LevelRange) {
    EXPECT_EQ(zest::minCLevel(), ZSTD_minCLevel());
    EXPECT_EQ(zest::maxCLevel(), ZSTD_maxCLevel());
    EXPECT_EQ(zest::defaultCLevel(), ZSTD_defaultCLevel());
    EXPECT_EQ(zest::minCLevel(), -131072);
    EXPECT_EQ(zest::maxCLevel(), 22);
    EXPECT_EQ(zest::defaultCLevel(), 3);
}

TEST(Params, GetCParamsMatchesReference) {
    int checked = 0, failures = 0;
    for (int level : levels())
        for (unsigned long long src : srcSizes())
            for (size_t dict : dictSizes()) {
                const ZSTD_compressionParameters r = ZSTD_getCParams(level, src, dict);
                const CParams z = zest::getCParams(level, src, dict);
                ++checked;
                if (!same(r, z) && ++failures <= 20)
                    ADD_FAILURE() << "getCParams(" << level << ", " << src << ", " << dict << "): ref " << show(r)
                                  << " zest " << show(z);
            }
    EXPECT_EQ(failures, 0) << "of " << checked;
}

TEST(Params, GetParamsMatchesReference) {
    int failures = 0;
    for (int level : levels())
        for (unsigned long long src : srcSizes())
            for (size_t dict : dictSizes()) {
                const ZSTD_parameters r = ZSTD_getParams(level, src, dict);
                const zest::Params z = zest::getParams(level, src, dict);
                const bool ok = same(r.cParams, z.cParams) && r.fParams.contentSizeFlag == z.fParams.contentSizeFlag &&
                                r.fParams.checksumFlag == z.fParams.checksumFlag &&
                                r.fParams.noDictIDFlag == z.fParams.noDictIDFlag;
                if (!ok && ++failures <= 20)
                    ADD_FAILURE() << "getParams(" << level << ", " << src << ", " << dict << "): ref "
                                  << show(r.cParams) << " f" << r.fParams.contentSizeFlag << r.fParams.checksumFlag
                                  << r.fParams.noDictIDFlag << " zest " << show(z.cParams) << " f"
                                  << z.fParams.contentSizeFlag << z.fParams.checksumFlag << z.fParams.noDictIDFlag;
            }
    EXPECT_EQ(failures, 0);
    const zest::Params p = zest::getParams(3, 0, 0);
    EXPECT_EQ(p.fParams.contentSizeFlag, 1);
    EXPECT_EQ(p.fParams.checksumFlag, 0);
    EXPECT_EQ(p.fParams.noDictIDFlag, 0);
}

// The raw rows (no size, no dictionary: class 0, and small windows left alone
// since the size is unknown) against the facts file's table, and the facts
// file's worked example.
TEST(Params, FactsFileRows) {
    struct Row {
        int level;
        unsigned w, c, h, s, m, t;
        Strategy st;
    };
    const Row rows[] = {
        {-1, 19, 12, 13, 1, 6, 1, Strategy::fast},       {-5, 19, 12, 13, 1, 6, 5, Strategy::fast},
        {1, 19, 13, 14, 1, 7, 0, Strategy::fast},        {3, 21, 16, 17, 1, 5, 0, Strategy::dfast},
        {0, 21, 16, 17, 1, 5, 0, Strategy::dfast},       {12, 22, 22, 23, 6, 5, 32, Strategy::lazy2},
        {19, 23, 24, 22, 7, 3, 256, Strategy::btultra2}, {22, 27, 27, 25, 9, 3, 999, Strategy::btultra2},
        {99, 27, 27, 25, 9, 3, 999, Strategy::btultra2},
    };
    for (const Row& r : rows) {
        const CParams z = zest::getCParams(r.level, 0, 0);
        EXPECT_EQ(z.windowLog, r.w) << r.level;
        EXPECT_EQ(z.chainLog, r.c) << r.level;
        EXPECT_EQ(z.hashLog, r.h) << r.level;
        EXPECT_EQ(z.searchLog, r.s) << r.level;
        EXPECT_EQ(z.minMatch, r.m) << r.level;
        EXPECT_EQ(z.targetLength, r.t) << r.level;
        EXPECT_EQ(z.strategy, r.st) << r.level;
    }
    const CParams ex = zest::getCParams(3, 588895, 0);
    EXPECT_EQ(ex.windowLog, 20u);
    EXPECT_EQ(ex.chainLog, 16u);
    EXPECT_EQ(ex.hashLog, 17u);
    EXPECT_EQ(zest::getCParams(-131073, 0, 0).targetLength, 131072u);
    EXPECT_EQ(zest::getCParams(INT_MIN, 0, 0).targetLength, 131072u);
}

// ---------------------------------------------------------------------------------
// A field value drawn to hit the interesting places: inside the bounds, at and
// just past them, zero, and far out (including values that are negative as int).
unsigned drawField(Rng& g, int lo, int hi) {
    switch (g.below(8)) {
    case 0: return unsigned(lo);
    case 1: return unsigned(hi);
    case 2: return unsigned(lo - 1);
    case 3: return unsigned(hi + 1);
    case 4: return unsigned(g.next());
    case 5: return unsigned(g.below(64));
    default: return unsigned(lo + int(g.below(uint64_t(hi - lo) + 1)));
    }
}

CParams drawCParams(Rng& g) {
    CParams p;
    p.windowLog = drawField(g, 10, 31);
    p.chainLog = drawField(g, 6, 30);
    p.hashLog = drawField(g, 6, 30);
    p.searchLog = drawField(g, 1, 30);
    p.minMatch = drawField(g, 3, 7);
    p.targetLength = drawField(g, 0, 131072);
    p.strategy = Strategy(int(drawField(g, 1, 9)));
    return p;
}

unsigned long long drawSrcSize(Rng& g) {
    switch (g.below(5)) {
    case 0: return srcSizes()[g.below(srcSizes().size())];
    case 1: return g.below(1 << 20);
    case 2: return g.next() >> g.below(64);
    case 3: return kUnknown;
    default: return g.below(1ull << 32);
    }
}

size_t drawDictSize(Rng& g) {
    switch (g.below(5)) {
    case 0: return dictSizes()[g.below(dictSizes().size())];
    case 1: return 0;
    case 2: return size_t(g.below(1 << 20));
    case 3: return size_t(g.next() >> g.below(64));
    default: return size_t(g.below(1ull << 31));
    }
}

TEST(Params, AdjustCParamsMatchesReference) {
    Rng g{12345};
    int failures = 0;
    const int kRounds = 400000;
    for (int i = 0; i < kRounds; ++i) {
        // Half from random fields, half from real level rows so the adjustment
        // itself (rather than the clamping) gets exercised on plausible sets.
        CParams p = drawCParams(g);
        if (i & 1) {
            const int level = levels()[g.below(levels().size())];
            p = zest::getCParams(level, drawSrcSize(g), drawDictSize(g));
            if (g.below(4) == 0) p.hashLog = drawField(g, 6, 30);
            if (g.below(4) == 0) p.chainLog = drawField(g, 6, 30);
            if (g.below(4) == 0) p.searchLog = drawField(g, 1, 30);
        }
        const unsigned long long src = drawSrcSize(g);
        const size_t dict = drawDictSize(g);
        const ZSTD_compressionParameters r = ZSTD_adjustCParams(toRef(p), src, dict);
        const CParams z = zest::adjustCParams(p, src, dict);
        if (!same(r, z) && ++failures <= 20)
            ADD_FAILURE() << "adjustCParams(" << show(p) << ", " << src << ", " << dict << "): ref " << show(r)
                          << " zest " << show(z);
    }
    EXPECT_EQ(failures, 0) << "of " << kRounds;
}

TEST(Params, AdjustCParamsGrid) {
    int failures = 0;
    for (int level = 1; level <= 22; ++level) {
        const CParams base = zest::getCParams(level, 0, 0);
        for (unsigned long long src : srcSizes())
            for (size_t dict : dictSizes()) {
                const ZSTD_compressionParameters r = ZSTD_adjustCParams(toRef(base), src, dict);
                const CParams z = zest::adjustCParams(base, src, dict);
                if (!same(r, z) && ++failures <= 20)
                    ADD_FAILURE() << "adjustCParams(level " << level << ", " << src << ", " << dict << "): ref "
                                  << show(r) << " zest " << show(z);
            }
    }
    EXPECT_EQ(failures, 0);
}

// ---------------------------------------------------------------------------------
TEST(Params, CheckCParamsMatchesReference) {
    Rng g{777};
    int failures = 0, valid = 0;
    const int kRounds = 400000;
    for (int i = 0; i < kRounds; ++i) {
        CParams p = drawCParams(g);
        // Often make all but one field valid so each bound is probed on its own.
        if (g.below(2)) {
            CParams ok = zest::getCParams(int(g.below(23)), 0, 0);
            switch (g.below(7)) {
            case 0: ok.windowLog = p.windowLog; break;
            case 1: ok.chainLog = p.chainLog; break;
            case 2: ok.hashLog = p.hashLog; break;
            case 3: ok.searchLog = p.searchLog; break;
            case 4: ok.minMatch = p.minMatch; break;
            case 5: ok.targetLength = p.targetLength; break;
            default: ok.strategy = p.strategy; break;
            }
            p = ok;
        }
        const size_t r = ZSTD_checkCParams(toRef(p));
        const size_t z = zest::checkCParams(p);
        if (!ZSTD_isError(r)) ++valid;
        if (r != z && ++failures <= 20)
            ADD_FAILURE() << "checkCParams(" << show(p) << "): ref " << r << " zest " << z;
    }
    EXPECT_EQ(failures, 0);
    EXPECT_GT(valid, kRounds / 10);
    EXPECT_LT(valid, kRounds - kRounds / 10);
}

TEST(Params, CheckCParamsBoundaries) {
    const CParams good = {20, 16, 17, 1, 5, 0, Strategy::dfast};
    EXPECT_EQ(zest::checkCParams(good), 0u);
    EXPECT_EQ(ZSTD_checkCParams(toRef(good)), 0u);
    struct Field {
        unsigned CParams::*m;
        int lo, hi;
    };
    const Field fields[] = {{&CParams::windowLog, 10, 31}, {&CParams::chainLog, 6, 30},  {&CParams::hashLog, 6, 30},
                            {&CParams::searchLog, 1, 30},  {&CParams::minMatch, 3, 7},   {&CParams::targetLength, 0, 131072}};
    for (const Field& f : fields) {
        for (long long v : {(long long)f.lo - 1, (long long)f.lo, (long long)f.hi, (long long)f.hi + 1, 0ll,
                            (long long)UINT_MAX, (long long)INT_MAX, (long long)INT_MAX + 1}) {
            CParams p = good;
            p.*f.m = unsigned(v);
            const size_t r = ZSTD_checkCParams(toRef(p));
            const size_t z = zest::checkCParams(p);
            EXPECT_EQ(r, z) << show(p);
            const bool inside = v >= f.lo && v <= f.hi;
            EXPECT_EQ(z, inside ? 0 : ZEST_ERR(parameter_outOfBound)) << show(p);
        }
    }
    for (int s : {-1, 0, 1, 9, 10, INT_MAX, INT_MIN}) {
        CParams p = good;
        p.strategy = Strategy(s);
        EXPECT_EQ(ZSTD_checkCParams(toRef(p)), zest::checkCParams(p)) << s;
        EXPECT_EQ(zest::checkCParams(p), (s >= 1 && s <= 9) ? 0 : ZEST_ERR(parameter_outOfBound)) << s;
    }
}

// ---------------------------------------------------------------------------------
TEST(Params, CompressBoundMatchesReference) {
    std::vector<size_t> sizes;
    for (size_t s = 0; s <= 300000; ++s) sizes.push_back(s);
    const size_t maxIn = size_t(ZSTD_MAX_INPUT_SIZE);
    for (size_t d = 0; d <= 300; ++d) {
        sizes.push_back(maxIn - d);
        sizes.push_back(maxIn + d);
        sizes.push_back(SIZE_MAX - d);
        sizes.push_back((size_t(1) << 32) + d - 150);
    }
    Rng g{99};
    for (int i = 0; i < 100000; ++i) sizes.push_back(size_t(g.next() >> g.below(64)));
    int failures = 0;
    for (size_t s : sizes) {
        const size_t r = ZSTD_compressBound(s);
        const size_t z = zest::compressBound(s);
        if (r != z && ++failures <= 20) ADD_FAILURE() << "compressBound(" << s << "): ref " << r << " zest " << z;
        // The constant-expression forms agree with the function where it succeeds.
        const size_t macro = ZSTD_COMPRESSBOUND(s);
        if (zest::compressBoundOrZero(s) != macro && ++failures <= 20)
            ADD_FAILURE() << "compressBoundOrZero(" << s << ") != ZSTD_COMPRESSBOUND";
        // Just below the limit the bound itself lands among the error values
        // (the reference returns it all the same), so decide by the input size.
        const size_t expected = s >= maxIn ? ZEST_ERR(srcSize_wrong) : macro;
        if (z != expected && ++failures <= 20) ADD_FAILURE() << "macro vs function " << s;
    }
    EXPECT_EQ(failures, 0);
    EXPECT_EQ(zest::compressBound(0), 64u);
    EXPECT_EQ(zest::compressBound(1), 64u);
    EXPECT_EQ(zest::compressBound(100), 163u);
    EXPECT_EQ(zest::compressBound(131072), 131584u);
    EXPECT_EQ(zest::compressBound(1048576), 1052672u);
    EXPECT_EQ(zest::compressBound(maxIn), ZEST_ERR(srcSize_wrong));
    // Below the limit the formula applies, even where its value reads as an
    // error code (as in the reference): maxIn - 1 gives SIZE_MAX - 2.
    EXPECT_EQ(zest::compressBound(maxIn - 1), SIZE_MAX - 2);
    EXPECT_FALSE(zest::isError(zest::compressBound(maxIn - 256 * 200)));
}

// ---------------------------------------------------------------------------------
// Ids whose bounds changed between 1.5.4 (the reference) and 1.5.7 (the target).
bool differsIn157(int id) {
    return id == 130     // targetCBlockSize: stable id 130 since 1.5.6
           || id == 1003 // its former experimental id, retired
           || id == 1017;  // blockSplitterLevel, new in 1.5.7
}

// Debian's libzstd.a is built without multithreading, so it reports 0..0 for
// the worker parameters; the facts file (and zest) give the bounds of a
// multithread-enabled build, as upstream's default shared library is.
bool differsInSingleThreadBuild(int id) { return id >= 400 && id <= 402; }

TEST(Params, BoundsMatchReference) {
    int existing = 0;
    std::vector<int> ids;
    for (int id = -5; id <= 1100; ++id) ids.push_back(id);
    for (int id : {INT_MIN, INT_MAX, 2000, 5000, 65536, 1 << 20}) ids.push_back(id);
    for (int id : ids) {
        if (differsIn157(id) || differsInSingleThreadBuild(id)) continue;
        const ZSTD_bounds r = ZSTD_cParam_getBounds(ZSTD_cParameter(id));
        const zest::Bounds z = zest::cParamBounds(id);
        EXPECT_EQ(r.error, z.error) << "param " << id;
        if (ZSTD_isError(r.error)) {
            EXPECT_EQ(z.error, ZEST_ERR(parameter_unsupported)) << "param " << id;
            continue;
        }
        ++existing;
        EXPECT_EQ(r.lowerBound, z.lowerBound) << "param " << id;
        EXPECT_EQ(r.upperBound, z.upperBound) << "param " << id;
        EXPECT_TRUE(zest::cParamWithinBounds(id, z.lowerBound)) << id;
        EXPECT_TRUE(zest::cParamWithinBounds(id, z.upperBound)) << id;
        if (z.lowerBound > INT_MIN) EXPECT_FALSE(zest::cParamWithinBounds(id, z.lowerBound - 1)) << id;
        if (z.upperBound < INT_MAX) EXPECT_FALSE(zest::cParamWithinBounds(id, z.upperBound + 1)) << id;
    }
    // 1.5.7 has 39 parameters; 1.5.4 shares 37 of them (1.5.7 adds 130 and
    // 1017, drops 1003), of which the 3 worker parameters are checked apart.
    EXPECT_EQ(existing, 34);
}

// The 1.5.7 facts for the ids the reference cannot speak for.
TEST(Params, BoundsOf157Changes) {
    zest::Bounds b = zest::cParamBounds(130);  // ZSTD_c_targetCBlockSize (1.5.7: 1340..131072)
    EXPECT_FALSE(zest::isError(b.error));
    EXPECT_EQ(b.lowerBound, 1340);
    EXPECT_EQ(b.upperBound, 131072);
    b = zest::cParamBounds(1003);  // retired experimentalParam6
    EXPECT_EQ(b.error, ZEST_ERR(parameter_unsupported));
    EXPECT_EQ(b.lowerBound, 0);
    EXPECT_EQ(b.upperBound, 0);
    b = zest::cParamBounds(1017);  // ZSTD_c_blockSplitterLevel, new in 1.5.7
    EXPECT_FALSE(zest::isError(b.error));
    EXPECT_EQ(b.lowerBound, 0);
    EXPECT_EQ(b.upperBound, 6);
    // The 1.5.4 reference still has targetCBlockSize at 1003, with minimum 64;
    // the upper bound did not move.
    const ZSTD_bounds r = ZSTD_cParam_getBounds(ZSTD_cParameter(1003));
    ASSERT_FALSE(ZSTD_isError(r.error));
    EXPECT_EQ(r.lowerBound, 64);
    EXPECT_EQ(r.upperBound, zest::cParamBounds(130).upperBound);
    // Multithread bounds (facts file §3.1 / §3.3, 64-bit).
    b = zest::cParamBounds(400);  // nbWorkers
    EXPECT_EQ(b.lowerBound, 0);
    EXPECT_EQ(b.upperBound, 256);
    b = zest::cParamBounds(401);  // jobSize
    EXPECT_EQ(b.lowerBound, 0);
    EXPECT_EQ(b.upperBound, 1 << 30);
    b = zest::cParamBounds(402);  // overlapLog
    EXPECT_EQ(b.lowerBound, 0);
    EXPECT_EQ(b.upperBound, 9);
    // 1016 is ZSTD_c_repcodeResolution in 1.5.7 (searchForExternalRepcodes before): same bounds.
    b = zest::cParamBounds(1016);
    EXPECT_EQ(b.lowerBound, 0);
    EXPECT_EQ(b.upperBound, 2);
}

// ---------------------------------------------------------------------------------
// Internal modes the public helpers never reach (rules from abi-constants.md §5.1).
TEST(Params, InternalModes) {
    using zest::CParamMode;
    using zest::ParamSwitch;
    // An attached CDict's size does not push the source into a smaller class
    // or a bigger window.
    const CParams attach = zest::getCParamsInternal(19, 1 << 20, 100 << 10, CParamMode::attachDict);
    const CParams alone = zest::getCParamsInternal(19, 1 << 20, 0, CParamMode::unknown);
    EXPECT_EQ(show(attach), show(alone));
    // Unknown source with a dictionary: the class is picked from dictSize + 499.
    const CParams withDict = zest::getCParamsInternal(3, kUnknown, 1000, CParamMode::noAttachDict);
    EXPECT_EQ(withDict.windowLog, 14u);  // class 3 row, window not shrunk (size unknown)
    // CDict creation without a known source: a 513-byte source is assumed.
    const CParams cdict = zest::getCParamsInternal(3, kUnknown, 1000, CParamMode::createCDict);
    EXPECT_EQ(cdict.windowLog, 11u);  // ceil(log2(513 + 1000))
    EXPECT_EQ(cdict.hashLog, 12u);
    // Tagged CDict tables (fast/dfast) cap hash and chain logs at 24.
    CParams big = {27, 30, 30, 1, 5, 0, Strategy::dfast};
    CParams capped = zest::adjustCParamsInternal(big, kUnknown, 0, CParamMode::createCDict, ParamSwitch::automatic);
    EXPECT_EQ(capped.hashLog, 24u);
    EXPECT_EQ(capped.chainLog, 24u);
    capped = zest::adjustCParamsInternal(big, kUnknown, 0, CParamMode::noAttachDict, ParamSwitch::automatic);
    EXPECT_EQ(capped.hashLog, 30u);
    EXPECT_EQ(capped.chainLog, 30u);
    // Row matcher: hashLog <= 24 + clamp(searchLog, 4, 6) unless the matcher is off.
    CParams lazy = {27, 30, 30, 5, 5, 0, Strategy::lazy2};
    EXPECT_EQ(zest::adjustCParamsInternal(lazy, kUnknown, 0, CParamMode::unknown, ParamSwitch::automatic).hashLog, 29u);
    EXPECT_EQ(zest::adjustCParamsInternal(lazy, kUnknown, 0, CParamMode::unknown, ParamSwitch::enable).hashLog, 29u);
    EXPECT_EQ(zest::adjustCParamsInternal(lazy, kUnknown, 0, CParamMode::unknown, ParamSwitch::disable).hashLog, 30u);
    lazy.searchLog = 1;
    EXPECT_EQ(zest::adjustCParamsInternal(lazy, kUnknown, 0, CParamMode::unknown, ParamSwitch::automatic).hashLog, 28u);
    lazy.strategy = Strategy::btlazy2;
    EXPECT_EQ(zest::adjustCParamsInternal(lazy, kUnknown, 0, CParamMode::unknown, ParamSwitch::automatic).hashLog, 30u);
}

}  // namespace
