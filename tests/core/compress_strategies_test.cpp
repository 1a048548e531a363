// The middle strategies (greedy, lazy, lazy2, btlazy2: levels 4..15) against
// the reference: every frame zest makes must decode byte-exact with the
// reference decoder (Debian's libzstd) and with zest's own, for every level,
// size and kind of data, explicit and extreme parameters, both finders of
// greedy..lazy2 (ZSTD_c_useRowMatchFinder), every dictionary mode, windows
// that wrap, and index rebasing (CCtx::indexLimit lowered so that it happens
// after a few MB). Property tests check that each strategy really runs its
// own finder, and unit tests cover the window bookkeeping (Window,
// lowestMatchIndex) the finders rely on.
//
// Each case runs whatever finder finderFor (compress/match_finder.h) picks
// for its strategy and ZSTD_c_useRowMatchFinder; the StrategyFallback tests
// fail if a strategy silently runs another's parser or finder. Compressed
// sizes are compared with the reference's where zest runs the same
// algorithm (StrategyQuality); known gaps are kept as disabled tests at the
// end of the file.
#define ZSTD_DISABLE_DEPRECATE_WARNINGS
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "compress/cctx.h"
#include "compress/cctx_impl.h"
#include "compress/match_finder.h"
#include "compress_support.h"

using namespace zt;
using zest::EndDirective;

namespace {

constexpr int kGreedy = 3, kLazy = 4, kLazy2 = 5, kBtLazy2 = 6, kBtOpt = 7, kBtUltra = 8, kBtUltra2 = 9;
const char* const kStrategyNames[] = {"?",       "fast",  "dfast",   "greedy",  "lazy",
                                     "lazy2",   "btlazy2", "btopt", "btultra", "btultra2"};

// ---- Data (handles, oracles and the streaming driver are in compress_support.h) -------

// Copies of earlier stretches at random distances up to maxDist (new offsets
// all the time: the finder, not the repeat offsets, must find them), with a
// byte changed now and then, between runs of fresh text and binary records.
Bytes copies(Rng& rng, size_t n, size_t maxDist, size_t maxLen) {
    Bytes out = genText(rng, std::min<size_t>(n, 2048));
    out.reserve(n + maxLen);
    while (out.size() < n) {
        const uint64_t pick = rng.below(10);
        if (pick < 7) {
            const size_t len = size_t(rng.range(8, maxLen));
            const size_t dist = size_t(rng.range(1, std::min(out.size(), maxDist)));
            const size_t from = out.size() - dist;
            for (size_t i = 0; i < len; i++) out.push_back(out[from + i]);  // may overlap: byte by byte
            if (rng.chance(30)) out.back() ^= uint8_t(rng.range(1, 255));
        } else if (pick < 9) {
            const Bytes t = genText(rng, size_t(rng.range(16, maxLen)));
            out.insert(out.end(), t.begin(), t.end());
        } else {
            const Bytes b = genBinary(rng, size_t(rng.range(16, maxLen)));
            out.insert(out.end(), b.begin(), b.end());
        }
    }
    out.resize(n);
    return out;
}

// A trained dictionary and its records, made once for the whole binary.
struct Trained {
    Bytes dict;
    std::vector<Bytes> recs;
    Bytes run;  // records one after the other (260 KB)
};
const Trained& trained() {
    static const Trained t = [] {
        Rng rng(777);
        Trained r;
        r.dict = trainDict(rng, 1, 16 * 1024);
        r.recs = records(rng, 1, 24);
        r.run = recordRun(rng, 1, 260000);
        return r;
    }();
    return t;
}

// The finder configurations of a strategy: for greedy..lazy2 automatic,
// rows and chain; the others ignore the switch (checked below) but run
// under every value too.
const int kRowModes[] = {0, 1, 2};

}  // namespace

// =======================================================================================
// 1. Levels 4..15: sizes, kinds, one-shot and streaming
// =======================================================================================

// Every level whose table row picks greedy..btlazy2 (4 at small sizes, 5..15),
// on text, binary records and mixed data, at sizes around the edges a finder
// must get right (nothing, less than a minimum match, the 16-byte minimum
// block the parsers search, one block and a byte either side, several blocks).
TEST(StrategyLevels, SizesKindsOneShotAndStreaming) {
    Rng rng(1001);
    const size_t kSizes[] = {0, 1, 15, 16, 17, 1000, 128 * 1024 - 1, 128 * 1024, 128 * 1024 + 1, 300000};
    const Kind kinds[] = {Kind::text, Kind::binary, Kind::mixed};
    std::vector<Bytes> srcs[3];
    for (int k = 0; k < 3; k++)
        for (size_t n : kSizes) srcs[k].push_back(gen(kinds[k], rng, n));
    ZCCtx c;
    for (int level = 4; level <= 15; level++) {
        for (int k = 0; k < 3; k++) {
            for (size_t i = 0; i < std::size(kSizes); i++) {
                const Bytes& src = srcs[k][i];
                // Level 4 picks greedy up to 16 KiB and from 128 KiB + 1 to 256 KiB
                // (dfast between and above, and when streamed with an unknown size:
                // covered by other tests, run here anyway up to 256 KiB).
                if (level == 4 && src.size() > 256 * 1024) continue;
                SCOPED_TRACE(std::string(kindName(kinds[k])) + at(" level/size", level, (long long)src.size()));
                // One-shot, with the simple API and the sticky one: same bytes.
                Buf dst(zest::compressBound(src.size()));
                const size_t r = zest::compress(dst.data(), dst.size(), src.data(), src.size(), level);
                ASSERT_FALSE(zest::isError(r)) << zdescr(r);
                const Bytes frame = dst.take(r);
                expectDecodes(frame, src);
                zreset(c);
                cset(c, pLevel, level);
                EXPECT_TRUE(zframe(c, src) == frame) << "compress2 differs from compress";
                // Streamed: size unknown, so the level's largest row; random pieces and flushes.
                cset(c, pChecksum, 1);
                StreamShape s;
                s.maxIn = i % 2 ? 70000 : 3000;
                s.maxOut = i % 3 ? 70000 : 500;
                expectDecodes(zestStreamCompress(c, src, rng, s), src);
                if (src.size() > 100000 && level >= 5) {
                    EXPECT_LT(frame.size(), src.size() * 2 / 3) << "barely compressed";
                }
                if (::testing::Test::HasFailure()) return;
            }
        }
    }
}

// =======================================================================================
// 2. Explicit and extreme parameters, per strategy and finder
// =======================================================================================

namespace {

struct Knobs {
    const char* name;
    int windowLog = 0, hashLog = 0, chainLog = 0, searchLog = 4, minMatch = 0, targetLength = -1;
    size_t size = 140000;  // bytes of input (a block and a bit)
};

const Knobs kKnobs[] = {
    {"searchLog 1", 0, 0, 0, 1},
    {"searchLog 9", 0, 0, 0, 9, 0, -1, 40000},
    {"searchLog 10", 0, 0, 0, 10, 0, -1, 40000},
    {"minMatch 3", 0, 0, 0, 4, 3},
    {"minMatch 7", 0, 0, 0, 4, 7},
    {"targetLength 0", 0, 0, 0, 4, 0, 0},
    {"targetLength 999", 0, 0, 0, 6, 0, 999},
    {"tiny tables", 0, 6, 6, 4},
    {"big hash, tiny chain", 0, 24, 6, 4},
    {"tiny hash, big chain", 0, 6, 24, 4},
    {"window 10", 10, 0, 0, 4, 0, -1, 40000},
    {"window 11, minMatch 3", 11, 0, 0, 6, 3, -1, 40000},
    {"window 12, tables below it", 12, 6, 6, 4, 0, -1, 40000},
    {"all small, searchLog 10", 10, 6, 6, 10, 3, 999, 30000},
    {"all large", 22, 22, 23, 7, 7, 999, 140000},
};

void applyKnobs(zest::CCtx* c, int strategy, int row, const Knobs& k) {
    cset(c, pStrategy, strategy);
    cset(c, pUseRowMatchFinder, row);
    if (k.windowLog) cset(c, pWindowLog, k.windowLog);
    if (k.hashLog) cset(c, pHashLog, k.hashLog);
    if (k.chainLog) cset(c, pChainLog, k.chainLog);
    if (k.searchLog) cset(c, pSearchLog, k.searchLog);
    if (k.minMatch) cset(c, pMinMatch, k.minMatch);
    if (k.targetLength >= 0) cset(c, pTargetLength, k.targetLength);
}

void explicitParameters(int strategy) {
    Rng rng(2000 + strategy);
    // Text, binary records and mixed data, and copies at short distances (the small windows' diet).
    const Bytes big = [&] {
        const Bytes t = genText(rng, 50000), b = genBinary(rng, 40000), m = genMixed(rng, 50000);
        return cat({&t, &b, &m});
    }();
    const Bytes near = copies(rng, 40000, 3000, 300);
    ZCCtx c;
    for (const Knobs& k : kKnobs) {
        const Bytes src = k.size >= big.size() ? big : k.windowLog && k.windowLog <= 12 ? near : slice(big, 0, k.size);
        for (int row : kRowModes) {
            SCOPED_TRACE(std::string(kStrategyNames[strategy]) + ", " + k.name + at(", row mode", row));
            DecodeWith o;
            o.windowLogMax = k.windowLog;
            zreset(c);
            applyKnobs(c, strategy, row, k);
            const Bytes frame = zframe(c, src);
            expectDecodes(frame, src, o);
            if (k.windowLog) {
                EXPECT_LE(header(frame).windowSize, 1ull << k.windowLog);
            }
            StreamShape s;
            s.maxIn = 20000;
            s.flushPercent = 10;
            expectDecodes(zestStreamCompress(c, src, rng, s), src, o);
            if (::testing::Test::HasFailure()) return;
        }
        // Explicit parameters in one go (compressAdvanced takes every field
        // as given, targetLength 0 included).
        SCOPED_TRACE(std::string(kStrategyNames[strategy]) + ", " + k.name + ", compressAdvanced");
        zest::CParams cp = zest::getCParams(3, src.size(), 0);
        cp.strategy = zest::Strategy(strategy);
        if (k.windowLog) cp.windowLog = unsigned(k.windowLog);
        if (k.hashLog) cp.hashLog = unsigned(k.hashLog);
        if (k.chainLog) cp.chainLog = unsigned(k.chainLog);
        if (k.searchLog) cp.searchLog = unsigned(k.searchLog);
        if (k.minMatch) cp.minMatch = unsigned(k.minMatch);
        if (k.targetLength >= 0) cp.targetLength = unsigned(k.targetLength);
        const zest::Params p{cp, zest::FParams{1, 1, 0}};
        Buf dst(zest::compressBound(src.size()));
        const size_t r = zest::compressAdvanced(c, dst.data(), dst.size(), src.data(), src.size(), nullptr, 0, p);
        ASSERT_FALSE(zest::isError(r)) << zdescr(r);
        DecodeWith o;
        o.windowLogMax = int(cp.windowLog);
        expectDecodes(dst.take(r), src, o);
        if (::testing::Test::HasFailure()) return;
    }
}

}  // namespace

// One test per strategy from greedy on: Suite.Greedy .. Suite.BtUltra2, each running fn(strategy).
#define ZT_EACH_MIDDLE_STRATEGY(Suite, fn)         \
    TEST(Suite, Greedy) { fn(kGreedy); }           \
    TEST(Suite, Lazy) { fn(kLazy); }               \
    TEST(Suite, Lazy2) { fn(kLazy2); }             \
    TEST(Suite, BtLazy2) { fn(kBtLazy2); }         \
    TEST(Suite, BtOpt) { fn(kBtOpt); }             \
    TEST(Suite, BtUltra) { fn(kBtUltra); }         \
    TEST(Suite, BtUltra2) { fn(kBtUltra2); }

ZT_EACH_MIDDLE_STRATEGY(StrategyParams, explicitParameters)

// =======================================================================================
// 3. Dictionaries, per strategy and finder
// =======================================================================================

namespace {

void dictionaryModes(int strategy) {
    Rng rng(3000 + strategy);
    const Trained& tr = trained();
    ASSERT_FALSE(tr.dict.empty());
    const Bytes rawDict = genText(rng, 40000);
    std::vector<Bytes> quotes;
    for (int i = 0; i < 4; i++) quotes.push_back(quoting(rng, rawDict, 3000));
    quotes.push_back(quoting(rng, rawDict, 150000));
    const Bytes prefixData = genMixed(rng, 240000);
    const Bytes prefix = slice(prefixData, 0, 100000);
    const Bytes afterPrefix = slice(prefixData, 100000, 140000);
    DecodeWith withRaw;
    withRaw.dict = &rawDict;
    withRaw.how = DecodeWith::rawContent;
    DecodeWith withTrained;
    withTrained.dict = &tr.dict;
    ZCCtx c;
    // Size of a frame without any dictionary, with the same parameters.
    auto plainSize = [&](int row, const Bytes& src) {
        ZCCtx p;
        cset(p, pStrategy, strategy);
        cset(p, pUseRowMatchFinder, row);
        return zframe(p, src).size();
    };
    for (int row : {1, 2}) {
        const std::string what = std::string(kStrategyNames[strategy]) + at(", row mode", row);
        auto setup = [&] {
            zreset(c);
            cset(c, pStrategy, strategy);
            cset(c, pUseRowMatchFinder, row);
        };
        // Frames of srcs from c, set up with the dictionary that `o` gives the
        // decoders: each must decode and name the dictionary's ID (0: raw),
        // and those under 10 KB must together be `gain` times smaller than
        // without the dictionary. Then the `streamed` ones are streamed
        // (pieces up to maxIn), the incremental decoder holding the dictionary too.
        auto framesWithDict = [&](const std::vector<const Bytes*>& srcs, const DecodeWith& o, unsigned dictID,
                                  size_t gain, std::initializer_list<const Bytes*> streamed, size_t maxIn) {
            size_t with = 0, without = 0;
            for (const Bytes* src : srcs) {
                const Bytes frame = zframe(c, *src);
                EXPECT_EQ(header(frame).dictID, dictID);
                expectDecodes(frame, *src, o);
                if (src->size() < 10000) {
                    with += frame.size();
                    without += plainSize(row, *src);
                }
            }
            EXPECT_LT(with * gain, without) << "the dictionary hardly helps";
            StreamShape s;
            s.dict = &o;
            s.maxIn = maxIn;
            for (const Bytes* src : streamed) expectDecodes(zestStreamCompress(c, *src, rng, s), *src, o);
        };
        const unsigned trainedID = ZDICT_getDictID(tr.dict.data(), tr.dict.size());
        // Raw content, loaded by copy and by reference.
        for (auto method : {zest::DictLoadMethod::byCopy, zest::DictLoadMethod::byRef}) {
            SCOPED_TRACE(what + at(", raw dictionary, method", int(method)));
            setup();
            ASSERT_EQ(zest::cctxLoadDictionary(c, rawDict.data(), rawDict.size(), method,
                                               zest::DictContentType::rawContent),
                      0u);
            std::vector<const Bytes*> srcs;
            for (const Bytes& q : quotes) srcs.push_back(&q);
            framesWithDict(srcs, withRaw, 0, 3, {&quotes[0], &quotes.back()}, 4000);
        }
        // A trained (formatted) dictionary: entropy tables, repeat offsets, ID.
        {
            SCOPED_TRACE(what + ", trained dictionary");
            setup();
            ASSERT_EQ(zest::cctxLoadDictionary(c, tr.dict.data(), tr.dict.size(), zest::DictLoadMethod::byCopy,
                                               zest::DictContentType::autoDetect),
                      0u);
            std::vector<const Bytes*> srcs;
            for (const Bytes& rec : tr.recs) srcs.push_back(&rec);  // all under 10 KB
            framesWithDict(srcs, withTrained, trainedID, 2, {&tr.recs[0], &tr.run}, 20000);
        }
        // Prepared dictionaries (trained and raw) under every ZSTD_c_forceAttachDict.
        for (int formatted = 0; formatted <= 1; formatted++) {
            const Bytes& dict = formatted ? tr.dict : rawDict;
            const DecodeWith& o = formatted ? withTrained : withRaw;
            const std::vector<const Bytes*> srcs =
                formatted ? std::vector<const Bytes*>{&tr.recs[1], &tr.recs[2], &tr.run}
                          : std::vector<const Bytes*>{&quotes[1], &quotes[2], &quotes.back()};
            zest::CParams cp = zest::getCParams(5, 0, dict.size());
            cp.strategy = zest::Strategy(strategy);
            ZCDict cd(zest::createCDict(dict.data(), dict.size(), zest::DictLoadMethod::byCopy,
                                        formatted ? zest::DictContentType::autoDetect
                                                  : zest::DictContentType::rawContent,
                                        cp, zest::kDefaultMem));
            ASSERT_NE(cd.p, nullptr);
            for (int attach = 0; attach <= 3; attach++) {
                SCOPED_TRACE(what + at(", CDict, formatted/forceAttachDict", formatted, attach));
                setup();
                cset(c, pForceAttachDict, attach);
                ASSERT_EQ(zest::cctxRefCDict(c, cd), 0u);
                framesWithDict(srcs, o, formatted ? trainedID : 0, 2, {srcs[0], srcs.back()}, 30000);
                // The one-shot entry point for CDicts too.
                Buf dst(zest::compressBound(srcs[1]->size()));
                const size_t r = zest::compressUsingCDict(c, dst.data(), dst.size(), srcs[1]->data(),
                                                          srcs[1]->size(), cd, zest::FParams{1, 1, 0});
                ASSERT_FALSE(zest::isError(r)) << zdescr(r);
                expectDecodes(dst.take(r), *srcs[1], o);
            }
        }
        // A prefix (next frame only).
        for (int streamed = 0; streamed <= 1; streamed++) {
            SCOPED_TRACE(what + at(", prefix, streamed", streamed));
            setup();
            cset(c, pWindowLog, 18);
            ASSERT_EQ(zest::cctxRefPrefix(c, prefix.data(), prefix.size(), zest::DictContentType::rawContent), 0u);
            DecodeWith o;
            o.dict = &prefix;
            o.how = DecodeWith::prefix;
            Bytes frame;
            if (streamed) {
                StreamShape s;
                s.dict = &o;
                s.maxIn = 25000;
                frame = zestStreamCompress(c, afterPrefix, rng, s);
            } else {
                frame = zframe(c, afterPrefix);
            }
            o.windowLogMax = 18;
            expectDecodes(frame, afterPrefix, o);
            // The prefix is gone for the next frame.
            const Bytes next = zframe(c, afterPrefix);
            expectDecodes(next, afterPrefix);
            if (!streamed) {
                EXPECT_LT(frame.size(), next.size()) << "the prefix was not used";
            }
        }
        // A raw dictionary, then a window that wraps: streamed with a window
        // far smaller than the input, the dictionary soon out of reach.
        for (int wlog : {10, 12}) {
            SCOPED_TRACE(what + at(", raw dictionary, streamed, windowLog", wlog));
            setup();
            cset(c, pWindowLog, wlog);
            ASSERT_EQ(zest::cctxLoadDictionary(c, rawDict.data(), rawDict.size(), zest::DictLoadMethod::byRef,
                                               zest::DictContentType::rawContent),
                      0u);
            DecodeWith o = withRaw;
            StreamShape s;
            s.dict = &o;
            s.maxIn = 3000;
            const Bytes src = slice(quotes.back(), 0, 60000);
            const Bytes frame = zestStreamCompress(c, src, rng, s);
            o.windowLogMax = wlog;
            expectDecodes(frame, src, o);
        }
    }
}

// Streamed with a window far smaller than the input, without a dictionary:
// the streaming buffer (window + block) wraps, so each block's history is
// partly in the older segment. Blocks are kept smaller than the window
// (ZSTD_c_maxBlockSize, or windowLog 18 with 128 KiB blocks): a block as large
// as the window would leave nothing of the older segment in reach. Copies at
// distances up to the window make that history matter: the frame must be
// about as small as a one-shot frame (one contiguous segment, same blocks).
void wrappedWindow(int strategy) {
    Rng rng(3100 + strategy);
    struct Case {
        int wlog, maxBlock;
        size_t size;
    };
    for (const Case& k : {Case{10, 0, 20000}, Case{12, 1024, 100000}, Case{15, 4096, 400000},
                          Case{18, 0, 1600000}}) {
        const size_t window = size_t(1) << k.wlog;
        const Bytes src = copies(rng, k.size, window - window / 8, std::min<size_t>(window / 4, 4096));
        for (int row : kRowModes) {
            if (k.wlog == 18 && row == 0) continue;  // same finder as 1; the large case is the slow one
            SCOPED_TRACE(std::string(kStrategyNames[strategy]) +
                         at(", wrapped window, windowLog/maxBlockSize/row", k.wlog, k.maxBlock, row));
            ZCCtx c;
            cset(c, pStrategy, strategy);
            cset(c, pUseRowMatchFinder, row);
            cset(c, pWindowLog, k.wlog);
            cset(c, pSearchLog, 5);
            if (k.maxBlock) cset(c, pMaxBlockSize, k.maxBlock);
            const Bytes oneShot = zframe(c, src);
            DecodeWith o;
            o.windowLogMax = k.wlog;
            expectDecodes(oneShot, src, o);
            StreamShape s;
            s.maxIn = std::max<size_t>(window / 2, 2000);
            s.flushPercent = 0;
            const Bytes streamed = zestStreamCompress(c, src, rng, s);
            expectDecodes(streamed, src, o);
            EXPECT_LE(double(streamed.size()), 1.02 * double(oneShot.size()) + 64)
                << "streamed " << streamed.size() << ", one-shot " << oneShot.size()
                << ": is the older segment searched?";
            EXPECT_LT(oneShot.size(), src.size() / 2);
            if (::testing::Test::HasFailure()) return;
        }
    }
}

}  // namespace

ZT_EACH_MIDDLE_STRATEGY(StrategyDicts, dictionaryModes)
ZT_EACH_MIDDLE_STRATEGY(StrategyWrap, wrappedWindow)

// =======================================================================================
// 4. No silent fallback: each strategy runs its own search
// =======================================================================================

namespace {

// Fixed parameters where each stronger strategy must find strictly better
// parses: a deeper lookahead, a better search. The data (JSON-like records,
// 400 KB) and parameters are chosen so that the reference keeps this order
// with both of its finders, by 1.5 % or more between neighbours (checked
// below). At searchLog 8 it does not: a hash chain followed 256 links deep
// finds nearly what the tree finds, and lazy2 loses to lazy on some text.
struct Ladder {
    Bytes src;
    Ladder() {
        Rng rng(4000);
        src = recordRun(rng, 1, 400000);
    }
    static constexpr int kSearchLog = 6;
    // The parameters, for zest's context and the reference's alike.
    static std::vector<std::pair<int, int>> params(int strategy, int row, int searchLog = kSearchLog) {
        return {{pStrategy, strategy}, {pUseRowMatchFinder, row}, {pWindowLog, 20}, {pHashLog, 18},
                {pChainLog, 18},       {pMinMatch, 5},            {pTargetLength, 64}, {pSearchLog, searchLog}};
    }
    size_t zest(int strategy, int row, Bytes* frame = nullptr, int searchLog = kSearchLog) const {
        ZCCtx c;
        for (const auto& [p, v] : params(strategy, row, searchLog)) cset(c, p, v);
        Bytes f = zframe(c, src);
        expectDecodes(f, src);
        const size_t n = f.size();
        if (frame) *frame = std::move(f);
        return n;
    }
    size_t ref(int strategy, int row) const {
        RefCCtx r;
        for (const auto& [p, v] : params(strategy, row)) rset(r, p, v);
        return refFrame(r, src).size();
    }
};

const Ladder& ladder() {
    static const Ladder l;
    return l;
}

}  // namespace

// dfast > greedy > lazy > lazy2 > btlazy2 (compressed sizes, strictly), with
// rows and with the hash chain: a strategy that silently ran another's
// parser or finder would tie with it. btlazy2 beating lazy2 on the hash chain
// (row mode 2) shows that it searches a binary tree. The reference keeps the
// same order on the same input (its sizes are printed beside zest's).
TEST(StrategyFallback, StrongerStrategiesCompressBetter) {
    const Ladder& l = ladder();
    for (int row : {0, 1, 2}) {
        SCOPED_TRACE(at("row mode", row));
        size_t sizes[7] = {}, refSizes[7] = {};
        for (int s = 2; s <= 6; s++) {
            sizes[s] = l.zest(s, row);
            refSizes[s] = l.ref(s, row);
            std::printf("row mode %d %-8s zest %7zu  reference %7zu\n", row, kStrategyNames[s], sizes[s],
                        refSizes[s]);
        }
        for (int s = 3; s <= 6; s++) {
            EXPECT_LT(sizes[s], sizes[s - 1])
                << kStrategyNames[s] << " does no better than " << kStrategyNames[s - 1];
            EXPECT_LT(refSizes[s], refSizes[s - 1]) << "the reference: the property does not hold";
        }
        // greedy searching deeper: still ahead of dfast; on the hash chain
        // better than at searchLog 6 (rows hold 64 entries at most, so
        // searchLog 8 searches as deep as 6 there).
        const size_t deeper = l.zest(kGreedy, row, nullptr, 8);
        EXPECT_LT(deeper, sizes[2]) << "greedy at searchLog 8 vs dfast";
        if (row == 2) {
            EXPECT_LT(deeper, sizes[kGreedy]) << "greedy at searchLog 8 vs 6";
        }
    }
}

// greedy, lazy and lazy2 with ZSTD_c_useRowMatchFinder enabled (hash rows) and
// disabled (hash chain) run different finders, so their frames differ.
// THIS CHECK NEEDS THE ROW FINDER (finderFor picking Finder::rowHash for
// row mode 1): without it both switch values run the hash chain and it fails.
TEST(StrategyFallback, RowFinderDiffersFromChain) {
    const Ladder& l = ladder();
    for (int s = kGreedy; s <= kLazy2; s++) {
        SCOPED_TRACE(kStrategyNames[s]);
        Bytes rows, chain;
        l.zest(s, 1, &rows);
        l.zest(s, 2, &chain);
        EXPECT_FALSE(rows == chain) << "rows and chain give the same frame (" << rows.size() << " bytes)";
        // Automatic means rows for these strategies (as the reference on x86-64).
        Bytes automatic;
        l.zest(s, 0, &automatic);
        EXPECT_TRUE(automatic == rows) << "automatic does not pick rows";
    }
}

// The switch means nothing to the other strategies: identical frames.
TEST(StrategyFallback, RowSwitchIgnoredElsewhere) {
    Rng rng(4100);
    const Bytes src = genMixed(rng, 200000);
    for (int s : {1, 2, kBtLazy2}) {
        SCOPED_TRACE(kStrategyNames[s]);
        Bytes frames[3];
        for (int row = 0; row <= 2; row++) {
            ZCCtx c;
            cset(c, pStrategy, s);
            cset(c, pUseRowMatchFinder, row);
            cset(c, pSearchLog, 5);
            frames[row] = zframe(c, src);
        }
        EXPECT_TRUE(frames[0] == frames[1] && frames[1] == frames[2]);
        expectDecodes(frames[0], src);
    }
}

// Each strategy's frame differs from its neighbour's at the same parameters
// (mixed data, a 64 KiB window): no strategy silently runs another's code.
TEST(StrategyFallback, NeighboursDiffer) {
    Rng rng(4200);
    const Bytes src = genMixed(rng, 150000);
    for (int row : {1, 2}) {
        Bytes prev;
        for (int s = 2; s <= 6; s++) {
            SCOPED_TRACE(std::string(kStrategyNames[s]) + at(" row mode", row));
            ZCCtx c;
            cset(c, pStrategy, s);
            cset(c, pUseRowMatchFinder, row);
            cset(c, pSearchLog, 6);
            cset(c, pWindowLog, 16);
            const Bytes frame = zframe(c, src);
            expectDecodes(frame, src);
            EXPECT_FALSE(frame == prev) << "same frame as the strategy below";
            prev = frame;
        }
    }
}

// =======================================================================================
// 5. Index rebasing (CCtx::indexLimit lowered)
// =======================================================================================

namespace {

// Compressible data with structure at every range up to `reach`: copies of
// earlier stretches (most within reach, some beyond it) between fresh text
// and binary records.
Bytes longRange(Rng& rng, size_t n, size_t reach) {
    Bytes out = genText(rng, 65536);
    out.reserve(n + 70000);
    while (out.size() < n) {
        const uint64_t pick = rng.below(20);
        if (pick < 12) {
            const size_t len = size_t(rng.range(64, 24000));
            const size_t maxDist = std::min(out.size(), pick < 11 ? reach : 2 * reach);
            const size_t dist = size_t(rng.range(len / 2 + 1, std::max(len / 2 + 1, maxDist)));
            if (dist > out.size()) continue;
            const size_t from = out.size() - dist;
            for (size_t i = 0; i < len; i++) out.push_back(out[from + i]);
            if (rng.chance(50)) out[out.size() - size_t(rng.range(1, len))] ^= 0x20;
        } else if (pick < 18) {
            const Bytes t = genText(rng, size_t(rng.range(100, 6000)));
            out.insert(out.end(), t.begin(), t.end());
        } else {
            const Bytes b = genBinary(rng, size_t(rng.range(100, 6000)));
            out.insert(out.end(), b.begin(), b.end());
        }
    }
    out.resize(n);
    return out;
}

struct RebaseCase {
    int strategy;
    int row;
    int windowLog;
    zest::u32 indexLimit;
    size_t size;
    bool dict;
};

// The context for a case: its parameters, and the dictionary if any.
void rebaseSetup(zest::CCtx* c, const RebaseCase& rc, const Bytes& dict) {
    cset(c, pStrategy, rc.strategy);
    cset(c, pUseRowMatchFinder, rc.row);
    cset(c, pWindowLog, rc.windowLog);
    cset(c, pHashLog, 16);
    cset(c, pChainLog, 12);
    cset(c, pSearchLog, 3);
    if (rc.dict) {
        ASSERT_EQ(zest::cctxLoadDictionary(c, dict.data(), dict.size(), zest::DictLoadMethod::byRef,
                                           zest::DictContentType::rawContent),
                  0u);
    }
}

void rebaseRun(const RebaseCase& rc, const Bytes& src, const Bytes& dict, Rng& rng) {
    SCOPED_TRACE(std::string(kStrategyNames[rc.strategy]) + at(" row/windowLog/indexLimit", rc.row, rc.windowLog,
                                                                (long long)rc.indexLimit) +
                 at(" size/dict", (long long)rc.size, rc.dict));
    ZCCtx c;
    c.p->indexLimit = rc.indexLimit;
    rebaseSetup(c, rc, dict);
    DecodeWith o;
    o.windowLogMax = rc.windowLog;
    if (rc.dict) {
        o.dict = &dict;
        o.how = DecodeWith::rawContent;
    }
    StreamShape s;
    s.maxIn = 300000;
    s.maxOut = 300000;
    s.flushPercent = 2;
    s.dict = &o;
    const Bytes frame = zestStreamCompress(c, src, rng, s);
    expectDecodes(frame, src, o);
    EXPECT_LT(frame.size(), src.size() / 2);
    // Rebasing happened (the source is larger than the limit): the window's indices stayed low.
    EXPECT_LE(c.p->ms.window.endIndex(), rc.indexLimit + (1u << 17) + 1);
    // The next frame continues the indices of this one (same tables).
    const Bytes next = slice(src, src.size() / 2, std::min<size_t>(src.size() / 2, 1 << 20));
    const Bytes f2 = zframe(c, next);
    expectDecodes(f2, next, o);
    expectDecodes(zestStreamCompress(c, next, rng, s), next, o);
}

}  // namespace

// About 12 MB streamed with a 1 MiB window and indices rebased every ~4 MB:
// matches reach across each rebasing point, the streaming buffer wraps.
TEST(IndexRebasing, EveryStrategy) {
    Rng rng(5000);
    const Bytes src = longRange(rng, 12 << 20, 900 << 10);
    const Bytes none;
    for (int s = 1; s <= 6; s++) {
        rebaseRun({s, s >= kGreedy && s <= kLazy2 ? 1 : 0, 20, (4u << 20) + (1u << 20), src.size(), false}, src,
                  none, rng);
        if (::testing::Test::HasFailure()) return;
    }
    // The other finder of greedy..lazy2.
    rebaseRun({kLazy, 2, 20, (4u << 20) + (1u << 20), src.size(), false}, src, none, rng);
}

// A dictionary in front of the data: in reach at first, rebased away later.
TEST(IndexRebasing, WithDictionary) {
    Rng rng(5001);
    const Bytes dict = genText(rng, 64 * 1024);
    Bytes src = quoting(rng, dict, 200000);
    const Bytes rest = longRange(rng, 6 << 20, 900 << 10);
    src.insert(src.end(), rest.begin(), rest.end());
    for (int s : {2, kGreedy, kLazy2, kBtLazy2})
        rebaseRun({s, 1, 20, (4u << 20) + (1u << 20), src.size(), true}, src, dict, rng);
}

// Small windows rebased every few hundred KB (every strategy and finder).
TEST(IndexRebasing, Frequent) {
    Rng rng(5002);
    const Bytes src = longRange(rng, 3 << 20, 100 << 10);
    const Bytes none;
    for (int s = 1; s <= 6; s++) {
        for (int row : {1, 2}) {
            if (row == 2 && (s < kGreedy || s > kLazy2)) continue;
            rebaseRun({s, row, 17, 3u << 17, src.size(), false}, src, none, rng);
            if (::testing::Test::HasFailure()) return;
        }
    }
}

namespace {

// A stream in pieces of `piece` bytes without flushes: blocks fall at the same
// places whatever the pieces, so two runs differ only by what the contexts do.
Bytes plainStream(zest::CCtx* c, const Bytes& src, size_t piece) {
    Bytes frame(zest::compressBound(src.size()) + 1024);
    zest::OutBuffer out{frame.data(), frame.size(), 0};
    size_t pos = 0;
    for (;;) {
        const size_t n = std::min(piece, src.size() - pos);
        const bool last = pos + n == src.size();
        zest::InBuffer in{src.data() + pos, n, 0};
        size_t r;
        do {
            r = zest::compressStream2(c, &out, &in, last ? EndDirective::end : EndDirective::continue_);
            if (zest::isError(r)) {
                ADD_FAILURE() << "compressStream2: " << zdescr(r);
                return {};
            }
        } while (in.pos < in.size || (last && r != 0));
        pos += n;
        if (last) break;
    }
    frame.resize(out.pos);
    return frame;
}

}  // namespace

// Rebasing only drops indices that are out of reach: a stream rebased every
// ~512 KB finds exactly the matches it finds without rebasing (windowLog 18,
// 128 KiB blocks, so blocks after a rebase have an older segment in reach).
TEST(IndexRebasing, LosesNoMatches) {
    Rng rng(5003);
    const Bytes src = longRange(rng, 3 << 20, 200 << 10);
    for (int s = 1; s <= 6; s++) {
        for (int row : {1, 2}) {
            if (row == 2 && (s < kGreedy || s > kLazy2)) continue;
            const RebaseCase rc{s, row, 18, 3u << 18, src.size(), false};
            SCOPED_TRACE(std::string(kStrategyNames[s]) + at(" row", row));
            ZCCtx rebased, plain;
            rebased.p->indexLimit = rc.indexLimit;
            rebaseSetup(rebased, rc, Bytes());
            rebaseSetup(plain, rc, Bytes());
            const Bytes a = plainStream(rebased, src, 100000), b = plainStream(plain, src, 100000);
            DecodeWith o;
            o.windowLogMax = 18;
            expectDecodes(a, src, o);
            EXPECT_LE(double(a.size()), 1.001 * double(b.size()) + 64)
                << "rebased " << a.size() << ", never rebased " << b.size();
        }
    }
}

// =======================================================================================
// 6. Window bookkeeping
// =======================================================================================

using zest::u32;
using zest::u8;

TEST(Window, ClearAndFirstData) {
    zest::Window w;
    w.clear();
    EXPECT_EQ(w.endIndex(), zest::kWindowStartIndex);
    EXPECT_FALSE(w.hasExtDict());
    std::vector<u8> a(1000);
    EXPECT_FALSE(w.update(a.data(), 100));  // first data: nothing to continue
    EXPECT_EQ(w.indexOf(a.data()), zest::kWindowStartIndex);
    EXPECT_EQ(w.endIndex(), zest::kWindowStartIndex + 100);
    EXPECT_FALSE(w.hasExtDict());
    EXPECT_TRUE(w.update(a.data() + 100, 50));  // contiguous
    EXPECT_EQ(w.endIndex(), zest::kWindowStartIndex + 150);
    EXPECT_EQ(w.dictLimit, zest::kWindowStartIndex);
    EXPECT_FALSE(w.hasExtDict());
    // Empty updates at the end change nothing.
    EXPECT_TRUE(w.update(a.data() + 150, 0));
    EXPECT_EQ(w.endIndex(), zest::kWindowStartIndex + 150);
    // Cleared to continue at a later index: the next data starts there.
    w.clear(5000);
    EXPECT_EQ(w.endIndex(), 5000u);
    EXPECT_FALSE(w.update(a.data() + 10, 20));
    EXPECT_EQ(w.indexOf(a.data() + 10), 5000u);
    EXPECT_EQ(w.endIndex(), 5020u);
    EXPECT_EQ(w.lowLimit, 5000u);
    EXPECT_EQ(w.dictLimit, 5000u);
}

TEST(Window, DataElsewhereMakesTheOlderSegment) {
    std::vector<u8> a(1000), b(1000), d(1000);
    zest::Window w;
    w.clear();
    w.update(a.data(), 300);
    EXPECT_FALSE(w.update(b.data(), 200));
    // a[0..300) is now the older segment [2, 302), b continues the indices.
    EXPECT_TRUE(w.hasExtDict());
    EXPECT_EQ(w.lowLimit, 2u);
    EXPECT_EQ(w.dictLimit, 302u);
    EXPECT_EQ(w.indexOf(b.data()), 302u);
    EXPECT_EQ(w.endIndex(), 502u);
    EXPECT_EQ(w.dictBase + 2, a.data());
    EXPECT_EQ(w.dictBase + 301, a.data() + 299);
    EXPECT_EQ(w.base + 501, b.data() + 199);
    EXPECT_TRUE(w.update(b.data() + 200, 100));
    EXPECT_EQ(w.dictLimit, 302u);
    EXPECT_EQ(w.endIndex(), 602u);
    // A third place: b's data becomes the older segment, a's is forgotten.
    EXPECT_FALSE(w.update(d.data(), 10));
    EXPECT_EQ(w.lowLimit, 302u);
    EXPECT_EQ(w.dictLimit, 602u);
    EXPECT_EQ(w.dictBase + 302, b.data());
    EXPECT_EQ(w.indexOf(d.data()), 602u);
    EXPECT_EQ(w.endIndex(), 612u);
}

TEST(Window, ShortOlderSegmentIsDropped) {
    std::vector<u8> a(100), b(100);
    zest::Window w;
    w.clear();
    w.update(a.data(), 7);  // shorter than any match could use
    EXPECT_FALSE(w.update(b.data(), 50));
    EXPECT_FALSE(w.hasExtDict());
    EXPECT_EQ(w.lowLimit, 9u);
    EXPECT_EQ(w.dictLimit, 9u);
    EXPECT_EQ(w.indexOf(b.data()), 9u);
    // Eight bytes are kept.
    w.clear();
    w.update(a.data(), 8);
    w.update(b.data(), 50);
    EXPECT_TRUE(w.hasExtDict());
    EXPECT_EQ(w.lowLimit, 2u);
    EXPECT_EQ(w.dictLimit, 10u);
}

// A circular buffer: new data written over the older segment removes what it covers.
TEST(Window, WrappedBufferOverwritesTheOlderSegment) {
    std::vector<u8> buf(1000);
    u8* const p = buf.data();
    zest::Window w;
    w.clear();
    w.update(p, 600);
    w.update(p + 600, 300);  // [2, 902) at p
    EXPECT_FALSE(w.update(p, 200));
    // The older segment was [2, 902) at p; its first 200 bytes are overwritten.
    EXPECT_TRUE(w.hasExtDict());
    EXPECT_EQ(w.dictLimit, 902u);
    EXPECT_EQ(w.lowLimit, 202u);
    EXPECT_EQ(w.dictBase + 202, p + 200);
    EXPECT_EQ(w.indexOf(p), 902u);
    EXPECT_TRUE(w.update(p + 200, 300));
    EXPECT_EQ(w.lowLimit, 502u);
    EXPECT_EQ(w.endIndex(), 1402u);
    // Overwriting past the older segment's end removes it entirely.
    EXPECT_TRUE(w.update(p + 500, 450));
    EXPECT_EQ(w.lowLimit, 902u);
    EXPECT_FALSE(w.hasExtDict());
    // Data elsewhere again: the current segment [902, 1852) becomes the older one.
    std::vector<u8> other(100);
    EXPECT_FALSE(w.update(other.data(), 100));
    EXPECT_EQ(w.lowLimit, 902u);
    EXPECT_EQ(w.dictLimit, 1852u);
    EXPECT_EQ(w.dictBase + 902, p);
    // Data that ends right at the older segment's start leaves it alone.
    zest::Window v;
    v.clear();
    v.update(p + 500, 400);  // [2, 402) at p + 500
    EXPECT_FALSE(v.update(p + 100, 400));  // p + 100 .. p + 500: just below it
    EXPECT_EQ(v.lowLimit, 2u);
    EXPECT_EQ(v.dictLimit, 402u);
    EXPECT_TRUE(v.update(p + 500, 1));  // one byte into it
    EXPECT_EQ(v.lowLimit, 3u);
}

TEST(Window, LowestMatchIndexWithoutDictionary) {
    zest::MatchState ms;
    ms.cp.windowLog = 10;  // 1024
    ms.window.clear();
    ms.loadedDictEnd = 0;
    const u32 low = zest::kWindowStartIndex;
    EXPECT_EQ(zest::lowestMatchIndex(ms, 100), low);
    EXPECT_EQ(zest::lowestMatchIndex(ms, low + 1024), low);  // exactly the window
    EXPECT_EQ(zest::lowestMatchIndex(ms, low + 1025), low + 1);
    EXPECT_EQ(zest::lowestMatchIndex(ms, 5000), 5000u - 1024);
    // The window's low limit wins when higher.
    ms.window.lowLimit = 4500;
    ms.window.dictLimit = 4600;
    EXPECT_EQ(zest::lowestMatchIndex(ms, 5000), 4500u);
    EXPECT_EQ(zest::lowestMatchIndex(ms, 5600), 5600u - 1024);
}

TEST(Window, LowestMatchIndexWithDictionary) {
    zest::MatchState ms;
    ms.cp.windowLog = 10;
    ms.window.clear();
    // A 3000-byte dictionary at [2, 3002): larger than the window, but whole
    // in reach while at most a window of data follows it.
    ms.loadedDictEnd = 3002;
    const u32 low = zest::kWindowStartIndex;
    EXPECT_EQ(zest::lowestMatchIndex(ms, 3002), low);
    EXPECT_EQ(zest::lowestMatchIndex(ms, 3500), low);
    EXPECT_EQ(zest::lowestMatchIndex(ms, 3002 + 1024), low);
    // One byte more and the ordinary window applies.
    EXPECT_EQ(zest::lowestMatchIndex(ms, 3002 + 1025), 3002u + 1);
    EXPECT_EQ(zest::lowestMatchIndex(ms, 10000), 10000u - 1024);
    // A small dictionary (inside the window anyway).
    ms.loadedDictEnd = 502;
    EXPECT_EQ(zest::lowestMatchIndex(ms, 1000), low);
    EXPECT_EQ(zest::lowestMatchIndex(ms, 502 + 1024), low);
    EXPECT_EQ(zest::lowestMatchIndex(ms, 502 + 1025), 503u);
}

TEST(Window, ExtDictInReach) {
    std::vector<u8> dict(3000), data(5000);
    zest::MatchState ms;
    ms.cp.windowLog = 10;
    ms.window.clear();
    ms.window.update(dict.data(), dict.size());  // [2, 3002)
    ms.window.update(data.data(), data.size());  // [3002, 8002): the dictionary is the older segment
    ASSERT_TRUE(ms.window.hasExtDict());
    // As a loaded dictionary: in reach, whole, up to a window past its end.
    ms.loadedDictEnd = 3002;
    EXPECT_TRUE(zest::extDictInReach(ms, 3002 + 1024));
    EXPECT_EQ(zest::lowestMatchIndex(ms, 3002 + 1024), 2u);
    // One byte further, the whole dictionary is out of reach at once (it
    // ends where the window's current segment starts).
    EXPECT_FALSE(zest::extDictInReach(ms, 3002 + 1025));
    EXPECT_EQ(zest::lowestMatchIndex(ms, 3002 + 1025), 3003u);
    // As the older half of a wrapped buffer (no dictionary): the plain window.
    ms.loadedDictEnd = 0;
    EXPECT_TRUE(zest::extDictInReach(ms, 3002 + 1023));
    EXPECT_EQ(zest::lowestMatchIndex(ms, 3002 + 1023), 3002u + 1023 - 1024);
    EXPECT_FALSE(zest::extDictInReach(ms, 3002 + 1024));
}

// =======================================================================================
// 7. Compressed sizes next to the reference's
// =======================================================================================

namespace {

size_t refLevelSize(const Bytes& src, int level) {
    Bytes dst(ZSTD_compressBound(src.size()));
    const size_t r = ZSTD_compress(dst.data(), dst.size(), src.data(), src.size(), level);
    EXPECT_FALSE(ZSTD_isError(r)) << rdescr(r);
    return r;
}

// Levels first..last on text, records and mixed data: sizes within `tolerance`
// of the reference's (printed), every frame decoding.
void levelsNextToReference(unsigned seed, int first, int last, double tolerance) {
    Rng rng(seed);
    const Bytes srcs[] = {genText(rng, 300000), recordRun(rng, 2, 300000), genMixed(rng, 300000)};
    const char* names[] = {"text", "records", "mixed"};
    for (int k = 0; k < 3; k++) {
        for (int level = first; level <= last; level++) {
            SCOPED_TRACE(std::string(names[k]) + at(" level", level));
            const Bytes& src = srcs[k];
            Buf dst(zest::compressBound(src.size()));
            const size_t z = zest::compress(dst.data(), dst.size(), src.data(), src.size(), level);
            ASSERT_FALSE(zest::isError(z)) << zdescr(z);
            expectDecodes(dst.take(z), src);
            const size_t r = refLevelSize(src, level);
            std::printf("%-8s level %2d: zest %7zu reference %7zu (%+.2f%%)\n", names[k], level, z, r,
                        100.0 * (double(z) / double(r) - 1));
            EXPECT_LE(double(z), tolerance * double(r) + 64);
        }
    }
}

}  // namespace

// Levels 5..15 run the reference's strategies with its parameters.
TEST(StrategyQuality, LevelsNextToReference) { levelsNextToReference(7000, 5, 15, 1.03); }

// Levels 16..22 (the optimal parsers). The reference splits blocks at these
// levels (issue 10), zest does not yet: most of the difference.
TEST(StrategyQuality, HighLevelsNextToReference) { levelsNextToReference(7001, 16, 22, 1.04); }

// The optimal parsers run their own parse: on the same tree with the same
// parameters each beats btlazy2, and with minMatch 3 they find 3-byte matches
// (btlazy2 counts minMatch 3 as 4: its frames do not change).
TEST(StrategyFallback, OptimalParsersBeatTheLazyOne) {
    Rng rng(7002);
    const Bytes text = genText(rng, 300000);
    const Bytes recs = recordRun(rng, 2, 300000);
    auto sizeWith = [&](const Bytes& src, int strategy, int minMatch) {
        ZCCtx c;
        cset(c, pStrategy, strategy);
        cset(c, pWindowLog, 20);
        cset(c, pHashLog, 18);
        cset(c, pChainLog, 19);
        cset(c, pSearchLog, 5);
        cset(c, pMinMatch, minMatch);
        cset(c, pTargetLength, 64);
        const Bytes frame = zframe(c, src);
        expectDecodes(frame, src);
        return frame.size();
    };
    for (const Bytes* src : {&text, &recs}) {
        const size_t lazy4 = sizeWith(*src, kBtLazy2, 4);
        EXPECT_EQ(sizeWith(*src, kBtLazy2, 3), lazy4);
        for (int s : {kBtOpt, kBtUltra, kBtUltra2}) {
            SCOPED_TRACE(kStrategyNames[s]);
            const size_t opt4 = sizeWith(*src, s, 4), opt3 = sizeWith(*src, s, 3);
            std::printf("%-8s btlazy2 %zu, minMatch 4: %zu, minMatch 3: %zu\n", kStrategyNames[s], lazy4, opt4, opt3);
            EXPECT_LT(opt4, lazy4);
            EXPECT_NE(opt3, opt4);
        }
    }
}

// btultra2 parses a frame's first block twice (the first time to learn its
// statistics): on single-block inputs its frames differ from btultra's and
// are smaller overall. Fails if btultra2 silently runs btultra.
TEST(StrategyQuality, Btultra2LearnsBeforeItsFirstBlock) {
    Rng rng(7004);
    size_t ultra = 0, ultra2 = 0, differ = 0;
    const int samples = 12;
    for (int i = 0; i < samples; ++i) {
        const size_t n = size_t(rng.range(4000, 100000));
        const Bytes src = i % 3 == 2 ? genBinary(rng, n) : i % 3 == 1 ? recordRun(rng, 1, n) : genText(rng, n);
        Bytes frames[2];
        for (int k = 0; k < 2; ++k) {
            ZCCtx c;
            cset(c, pLevel, 19);
            cset(c, pStrategy, k ? kBtUltra2 : kBtUltra);
            frames[k] = zframe(c, src);
            expectDecodes(frames[k], src);
        }
        ultra += frames[0].size();
        ultra2 += frames[1].size();
        differ += frames[0] != frames[1];
    }
    std::printf("btultra %zu, btultra2 %zu bytes; %zu of %d frames differ\n", ultra, ultra2, differ, samples);
    EXPECT_LT(ultra2, ultra);
    EXPECT_GE(differ, size_t(samples) * 3 / 4);
}

// Very regular data (the lines of `seq 1 2000`): the statistics btultra2
// learns from its first parse must not make the real parse give up on
// matches (it once emitted 75 sequences instead of ~1000, 24% larger than
// the reference's frame). No larger than btultra's frame, nor the reference's.
TEST(StrategyQuality, Btultra2FirstPassNeverBacksIntoLiterals) {
    std::string lines;
    for (int i = 1; i <= 2000; ++i) lines += std::to_string(i) + "\n";
    const Bytes src(lines.begin(), lines.end());
    size_t sizes[2];
    for (int k = 0; k < 2; ++k) {
        ZCCtx c;
        cset(c, pLevel, 19);
        cset(c, pStrategy, k ? kBtUltra2 : kBtUltra);
        const Bytes frame = zframe(c, src);
        expectDecodes(frame, src);
        sizes[k] = frame.size();
    }
    const size_t ref = refLevelSize(src, 19);
    std::printf("btultra %zu, btultra2 %zu, reference level 19 %zu bytes\n", sizes[0], sizes[1], ref);
    EXPECT_LE(sizes[1], sizes[0] + sizes[0] / 100);
    EXPECT_LE(sizes[1], ref);
}

// Runs at the strongest level: one byte and a short pattern, 10 MB each,
// compressed at a reasonable speed (long matches are taken at once, never
// priced length by length) into frames the size of the reference's.
TEST(StrategyQuality, RepetitiveInputsAtLevel22) {
    Rng rng(7003);
    const Bytes run(10 << 20, 'a');
    const Bytes unit = genRandom(rng, 13);
    Bytes pattern;
    while (pattern.size() < (10u << 20)) pattern.insert(pattern.end(), unit.begin(), unit.end());
    for (const Bytes* src : {&run, static_cast<const Bytes*>(&pattern)}) {
        Buf dst(zest::compressBound(src->size()));
        const size_t z = zest::compress(dst.data(), dst.size(), src->data(), src->size(), 22);
        ASSERT_FALSE(zest::isError(z)) << zdescr(z);
        expectDecodes(dst.take(z), *src);
        EXPECT_LE(double(z), 1.05 * double(refLevelSize(*src, 22)) + 64);
    }
}

// ---- Known gaps next to the reference (disabled until addressed) ----------------------
//
// Run with --gtest_also_run_disabled_tests. Frames are valid in every case;
// only their size is at stake.

namespace {

size_t refSize(const Bytes& src, const std::vector<std::pair<int, int>>& params, const Bytes* rawDict = nullptr) {
    RefCCtx r;
    for (const auto& [p, v] : params) rset(r, p, v);
    if (rawDict)
        ZSTD_CCtx_loadDictionary_advanced(r, rawDict->data(), rawDict->size(), ZSTD_dlm_byRef, ZSTD_dct_rawContent);
    return refFrame(r, src).size();
}

}  // namespace

// The lazy parsers measure the window from each position, as the reference
// does: with blocks as large as the window (windowLog <= 17) the data before
// a block stays in reach of its first positions. 4 x the same 64 KiB of
// random bytes at windowLog 17: the reference makes 65576 bytes.
void reachBeforeTheBlock(int firstStrategy, int lastStrategy) {
    Rng rng(7100);
    const Bytes x = genRandom(rng, 65536);
    const Bytes src = cat({&x, &x, &x, &x});
    for (int s = firstStrategy; s <= lastStrategy; s++) {
        SCOPED_TRACE(kStrategyNames[s]);
        ZCCtx c;
        cset(c, pStrategy, s);
        cset(c, pWindowLog, 17);
        const Bytes frame = zframe(c, src);
        expectDecodes(frame, src);
        const size_t r = refSize(src, {{pStrategy, s}, {pWindowLog, 17}});
        EXPECT_LE(double(frame.size()), 1.02 * double(r) + 64) << "zest " << frame.size() << ", reference " << r;
    }
}

TEST(StrategyQuality, MatchesReachBeforeTheBlock) { reachBeforeTheBlock(kGreedy, kBtLazy2); }

// QUALITY GAP (fast, dfast; not the middle levels' work): these finders take
// their window as ending at the block's end, repeat offsets at the block's
// start included, so with blocks as large as the window nothing before the
// block is in reach: zest 131116 bytes, the reference 65576 (it checks the
// repeat offsets of fast/dfast from the block's start).
TEST(StrategyQuality, DISABLED_FastMatchesReachBeforeTheBlock) { reachBeforeTheBlock(1, 2); }

// Once a dictionary is out of reach, an attached one is dropped and the
// wrapped streaming buffer's older segment is searched in the context's own
// tables. A 64 KB raw dictionary, then 2 MB of copies at distances up to
// 200 KB, windowLog 18, streamed (the reference: 206589 bytes; zest's fast
// made 244260 while it kept the dictionary attached).
TEST(StrategyQuality, AttachedDictionaryThenWrappedWindow) {
    Rng rng(7200);
    const Bytes dict = genText(rng, 65536);
    const Bytes src = longRange(rng, 2 << 20, 200 << 10);
    for (int s : {1, 2, kGreedy, kLazy2}) {
        SCOPED_TRACE(kStrategyNames[s]);
        auto setup = [&](zest::CCtx* c, bool withDict) {
            cset(c, pStrategy, s);
            cset(c, pWindowLog, 18);
            if (withDict)
                zest::cctxLoadDictionary(c, dict.data(), dict.size(), zest::DictLoadMethod::byRef,
                                         zest::DictContentType::rawContent);
        };
        ZCCtx with, without;
        setup(with, true);
        setup(without, false);
        const Bytes a = plainStream(with, src, 100000), b = plainStream(without, src, 100000);
        DecodeWith o;
        o.dict = &dict;
        o.how = DecodeWith::rawContent;
        expectDecodes(a, src, o);
        EXPECT_LE(double(a.size()), 1.01 * double(b.size()) + 256)
            << "with the dictionary " << a.size() << ", without " << b.size();
    }
}

// ZSTD_c_enableDedicatedDictSearch: a dictionary loaded into the context is
// prepared with the dedicated search structure for greedy, lazy and lazy2
// (not for other strategies), searched in place whatever the attach
// preference but forceLoad (which indexes the content as usual), for every
// record one-shot and streaming, and decodes with the reference. It searches
// the dictionary as well as the chains do: sizes within 1% of a plain CDict's.
TEST(DedicatedDictSearch, LazyStrategiesUseIt) {
    const Trained& t = trained();
    DecodeWith o;
    o.dict = &t.dict;
    Rng rng(7300);
    for (int level : {5, 6, 7, 9, 12}) {
        for (int pref : {0, 1, 2, 3}) {
            SCOPED_TRACE(at("level/attach pref", level, pref));
            ZCCtx dds, plain;
            for (zest::CCtx* c : {dds.p, plain.p}) {
                cset(c, pLevel, level);
                cset(c, pForceAttachDict, pref);
                zest::cctxLoadDictionary(c, t.dict.data(), t.dict.size(), zest::DictLoadMethod::byRef,
                                         zest::DictContentType::autoDetect);
            }
            cset(dds, pDedicatedDictSearch, 1);
            size_t withDds = 0, without = 0;
            for (const Bytes& rec : t.recs) {
                const Bytes a = zframe(dds, rec), b = zframe(plain, rec);
                expectDecodes(a, rec, o);
                withDds += a.size();
                without += b.size();
            }
            const zest::CDict* cd = dds.p->localCDict;
            ASSERT_NE(cd, nullptr);
            const zest::Strategy s = cd->cp.strategy;
            EXPECT_EQ(cd->ms.dedicatedSearch, s >= zest::Strategy::greedy && s <= zest::Strategy::lazy2);
            EXPECT_LE(double(withDds), 1.01 * double(without)) << "dedicated " << withDds << ", plain " << without;
            StreamShape shape;
            shape.dict = &o;
            const Bytes run = slice(t.run, 0, 100000);
            expectDecodes(zestStreamCompress(dds, run, rng, shape), run, o);
        }
    }
}

// A source large enough for the level's own parameters does not take the
// dictionary's (made for small sources): it indexes the content as with any
// CDict, so with and without the dedicated search the frames are the same.
TEST(DedicatedDictSearch, LargeSourcesIndexTheContent) {
    const Trained& t = trained();
    for (int level : {5, 7}) {
        SCOPED_TRACE(at("level", level));
        ZCCtx dds, plain;
        for (zest::CCtx* c : {dds.p, plain.p}) {
            cset(c, pLevel, level);
            zest::cctxLoadDictionary(c, t.dict.data(), t.dict.size(), zest::DictLoadMethod::byRef,
                                     zest::DictContentType::autoDetect);
        }
        cset(dds, pDedicatedDictSearch, 1);
        const Bytes a = zframe(dds, t.run), b = zframe(plain, t.run);
        ASSERT_TRUE(dds.p->localCDict && dds.p->localCDict->ms.dedicatedSearch);
        EXPECT_TRUE(a == b) << "dedicated " << a.size() << ", plain " << b.size();
    }
}

// The structure holds the newest positions of each hash first and bounds each
// list by the search depth: a dictionary of fresh text then one record
// repeated (the same few buckets over and over) at searchLog 1 and 9,
// minMatch 3 and 7; text copied from the dictionary must be found in it.
TEST(DedicatedDictSearch, ExtremeParameters) {
    Rng rng(7301);
    const Bytes rec = genText(rng, 300);
    Bytes dict = genText(rng, 20000);
    while (dict.size() < 40000) dict.insert(dict.end(), rec.begin(), rec.end());
    const Bytes copied = slice(dict, 1000, 6000);
    const Bytes src = cat({&rec, &copied, &rec});
    DecodeWith o;
    o.dict = &dict;
    o.how = DecodeWith::rawContent;
    for (int searchLog : {1, 9}) {
        for (int minMatch : {3, 7}) {
            for (int s : {kGreedy, kLazy, kLazy2}) {
                SCOPED_TRACE(at("searchLog/minMatch/strategy", searchLog, minMatch, s));
                ZCCtx c;
                cset(c, pStrategy, s);
                cset(c, pSearchLog, searchLog);
                cset(c, pMinMatch, minMatch);
                cset(c, pDedicatedDictSearch, 1);
                zest::cctxLoadDictionary(c, dict.data(), dict.size(), zest::DictLoadMethod::byRef,
                                         zest::DictContentType::rawContent);
                const Bytes f = zframe(c, src);
                expectDecodes(f, src, o);
                ASSERT_NE(c.p->localCDict, nullptr);
                EXPECT_TRUE(c.p->localCDict->ms.dedicatedSearch);
                EXPECT_LT(f.size(), 400u);  // 6600 bytes found in the dictionary
            }
        }
    }
}

// btlazy2's tree holds 2^(chainLog-1) positions; a match further back than
// that must still be found while its hash bucket's root (or a node past the
// tree's reach, as a leaf) names it. windowLog 20, hashLog 16, chainLog 12,
// searchLog 3 on 3 MB of copies at distances up to 900 KB: the reference
// makes 204426 bytes; the tree before 0260a4e made 1079042.
TEST(StrategyQuality, TreeReachesBeyondItsNodes) {
    Rng rng(7300);
    const Bytes src = longRange(rng, 3 << 20, 900 << 10);
    ZCCtx c;
    const std::vector<std::pair<int, int>> params = {
        {pStrategy, kBtLazy2}, {pWindowLog, 20}, {pHashLog, 16}, {pChainLog, 12}, {pSearchLog, 3}};
    for (const auto& [p, v] : params) cset(c, p, v);
    const Bytes frame = zframe(c, src);
    expectDecodes(frame, src);
    const size_t r = refSize(src, params);
    EXPECT_LE(double(frame.size()), 1.05 * double(r) + 64) << "zest " << frame.size() << ", reference " << r;
}
