// Blocks cut after parsing. ZSTD_c_splitAfterSequences (on by default for
// btopt and up with windows of 128 KiB and more): parts get tables of their
// own where that pays, frames stay valid for both decoders, repeat codes stay
// right when a part between others is sent raw. ZSTD_c_blockSplitterLevel:
// full blocks end early where their bytes change. ZSTD_c_targetCBlockSize:
// compressed blocks of about the target size, sharing their block's tables.
#include <zstd.h>

#include <gtest/gtest.h>

#include <vector>

#include "compress/cctx.h"
#include "compress/pre_split.h"
#include "compress_support.h"

using namespace zt;
using zest::ExtSequence;

namespace {

enum : int {
    pBlockDelimiters = 1008,
    pSplitAfterSequences = 1010,
    pRepcodes = 1016,
    pTargetCBlockSize = 130,
    pBlockSplitterLevel = 1017,
};
constexpr int kAuto = 0, kOn = 1, kOff = 2;

size_t countType(const std::vector<BlockInfo>& blocks, unsigned type) {
    size_t n = 0;
    for (const BlockInfo& b : blocks) n += b.type == type;
    return n;
}

// Each 128 KiB block holds text, then binary records, then other text.
Bytes changingData(Rng& rng, size_t blocks) {
    Bytes out;
    for (size_t i = 0; i < blocks; ++i) {
        const Bytes a = genText(rng, 44 * 1024), b = genBinary(rng, 40 * 1024), c = genText(rng, 44 * 1024);
        out = cat({&out, &a, &b, &c});
    }
    return out;
}

}  // namespace

// Levels 16-22 split such blocks by default, and the frame is smaller for it.
TEST(BlockSplit, DefaultAtHighLevelsAndItPays) {
    Rng rng(1010);
    const Bytes src = changingData(rng, 3);
    for (const int level : {16, 19, 22}) {
        SCOPED_TRACE(at("level", level));
        ZCCtx on, off;
        for (zest::CCtx* c : {on.p, off.p}) {
            cset(c, pLevel, level);
            cset(c, pBlockSplitterLevel, 1);  // this is about splitting after parsing
        }
        cset(off, pSplitAfterSequences, kOff);
        const Bytes split = zframe(on, src), whole = zframe(off, src);
        expectDecodes(split, src);
        expectDecodes(whole, src);
        EXPECT_GT(blocksOf(split).size(), blocksOf(whole).size());
        EXPECT_LT(split.size(), whole.size());
        EXPECT_EQ(blocksOf(whole).size(), 3u);
    }
    // Not by default below btopt, nor with a window under 128 KiB.
    for (const auto& [level, windowLog] : {std::pair{15, 0}, std::pair{19, 16}}) {
        SCOPED_TRACE(at("level/windowLog", level, windowLog));
        ZCCtx z;
        cset(z, pLevel, level);
        cset(z, pBlockSplitterLevel, 1);
        if (windowLog) cset(z, pWindowLog, windowLog);
        const Bytes frame = zframe(z, src);
        expectDecodes(frame, src);
        const size_t blockSize = size_t(1) << (windowLog ? windowLog : 17);
        EXPECT_EQ(blocksOf(frame).size(), (src.size() + blockSize - 1) / blockSize);
    }
}

// Asked for, every strategy splits, one-shot and streaming with random
// flushes; frames decode with both decoders.
TEST(BlockSplit, EveryStrategyWhenEnabled) {
    Rng rng(1011);
    const Bytes src = changingData(rng, 2);
    for (int strategy = 1; strategy <= 9; ++strategy) {
        SCOPED_TRACE(at("strategy", strategy));
        ZCCtx z;
        cset(z, pLevel, 19);
        cset(z, pStrategy, strategy);
        // (For fast, level 19's targetLength would be an acceleration of 256.)
        if (strategy == 1) cset(z, pTargetLength, 1);
        cset(z, pSplitAfterSequences, kOn);
        const Bytes frame = zframe(z, src);
        expectDecodes(frame, src);
        EXPECT_GT(blocksOf(frame).size(), 2u);
        zreset(z);
        StreamShape s;
        s.maxIn = 40000;
        expectDecodes(zestStreamCompress(z, src, rng, s), src);
    }
}

// Given sequences whose middle half costs more compressed than raw: the
// block is cut around it, the middle goes raw, and the last third's repeat
// codes (which name the middle's last offset) become explicit offsets, since the
// decoder never saw the middle's sequences.
TEST(BlockSplit, RawPartInTheMiddleKeepsRepeatOffsetsRight) {
    Rng rng(1012);
    std::vector<ExtSequence> seqs;
    Bytes src;
    auto add = [&](size_t litLength, auto&& lit, size_t offset, unsigned matchLength) {
        for (size_t i = 0; i < litLength; ++i) src.push_back(lit());
        if (offset > src.size()) offset = src.size();
        for (unsigned i = 0; i < matchLength; ++i) src.push_back(src[src.size() - offset]);
        seqs.push_back(ExtSequence{unsigned(offset), unsigned(litLength), matchLength, 0});
    };
    auto small = [&] { return uint8_t('a' + rng.below(4)); };
    auto noise = [&] { return uint8_t(rng.next()); };
    // The block's sequences are cut in halves, then quarters: the first
    // quarter compressible, with a handful of offsets.
    for (int i = 0; i < 300; ++i) add(2 + rng.below(4), small, unsigned(8 + 8 * rng.below(4)), 4 + rng.below(16));
    // Middle: long runs of random literals between 3-byte matches at random
    // distances (a match costs more bits than its bytes would as literals).
    unsigned lastOffset = 0;
    for (int i = 0; i < 600; ++i) {
        lastOffset = unsigned(1000 + rng.below(src.size() - 2000));
        add(64 + rng.below(64), noise, lastOffset, 3);
    }
    // Last quarter: long matches at the middle's last offset (a repeat offset
    // for the parser's history, not for the decoder's).
    for (int i = 0; i < 300; ++i) add(1 + rng.below(3), small, lastOffset, 10 + rng.below(20));
    seqs.push_back(ExtSequence{0, 0, 0, 0});  // the block's end
    ASSERT_LT(src.size(), size_t(128 * 1024));

    ZCCtx z;
    cset(z, pLevel, 19);
    cset(z, pSplitAfterSequences, kOn);
    cset(z, pBlockDelimiters, 1);
    cset(z, pRepcodes, 1);
    Buf dst(zest::compressBound(src.size()));
    const size_t n = zest::compressSequences(z, dst.data(), dst.size(), seqs.data(), seqs.size(), src.data(),
                                             src.size());
    ASSERT_FALSE(zest::isError(n)) << zdescr(n);
    const Bytes frame = dst.take(n);
    expectDecodes(frame, src);
    const std::vector<BlockInfo> blocks = blocksOf(frame);
    ASSERT_GE(blocks.size(), 3u);
    EXPECT_GE(countType(blocks, 0), 1u) << "no part sent raw";
    EXPECT_EQ(blocks.back().type, 2u);
    EXPECT_EQ(blocks.front().type, 2u);
}

// ZSTD_c_targetCBlockSize: compressed blocks of about the target size (never
// above it here: text has no sequence too large alone), at every kind of
// level, one-shot and streaming; frames decode with both decoders.
TEST(TargetCBlockSize, BlocksNearTheTarget) {
    Rng rng(1013);
    const Bytes src = cat(genText(rng, 200000), recordRun(rng, 1, 100000));
    for (const int target : {1340, 4096, 20000}) {
        for (const int level : {-3, 1, 3, 9, 19}) {
            SCOPED_TRACE(at("target/level", target, level));
            ZCCtx z;
            cset(z, pLevel, level);
            cset(z, pTargetCBlockSize, target);
            const Bytes frame = zframe(z, src);
            expectDecodes(frame, src);
            const std::vector<BlockInfo> blocks = blocksOf(frame);
            size_t compressed = 0, bytes = 0;
            for (const BlockInfo& b : blocks) {
                if (b.type != 2) continue;
                ++compressed;
                bytes += b.size;
                EXPECT_LE(b.size + 3, size_t(target));
            }
            ASSERT_GT(compressed, 0u);
            // Near the target: on average at least half of it (the last
            // part of each 128 KiB block may be small).
            EXPECT_GE(bytes / compressed + 3, size_t(target) / 2) << compressed << " blocks";
            ZCCtx plain;
            cset(plain, pLevel, level);
            const Bytes whole = zframe(plain, src);
            EXPECT_GT(compressed, (src.size() + (1 << 17) - 1) >> 17);
            // The extra headers and tables cost a little.
            EXPECT_LT(frame.size(), whole.size() + whole.size() / (target < 2000 ? 5 : 10));
            zreset(z);
            StreamShape s;
            s.maxIn = 30000;
            expectDecodes(zestStreamCompress(z, src, rng, s), src);
        }
    }
}

// The parts of a block share one set of tables (built for the whole block,
// declared by its first part, repeated by the others): on text their cost
// over the plain frame stays close to the reference's, which does the same.
TEST(TargetCBlockSize, PartsShareTheBlocksTables) {
    Rng rng(1015);
    const Bytes src = genText(rng, 600 * 1024);
    for (const int level : {1, 3}) {
        for (const int target : {1340, 4096}) {
            SCOPED_TRACE(at("level/target", level, target));
            ZCCtx z, plain;
            cset(z, pLevel, level);
            cset(z, pTargetCBlockSize, target);
            cset(plain, pLevel, level);
            const Bytes frame = zframe(z, src), whole = zframe(plain, src);
            expectDecodes(frame, src);
            RefCCtx r, rPlain;
            ZSTD_CCtx_setParameter(r.p, ZSTD_c_compressionLevel, level);
            ZSTD_CCtx_setParameter(r.p, ZSTD_c_targetCBlockSize, target);
            ZSTD_CCtx_setParameter(rPlain.p, ZSTD_c_compressionLevel, level);
            const Bytes refParts = refFrame(r.p, src), refWhole = refFrame(rPlain.p, src);
            const double ours = double(frame.size()) / double(whole.size());
            const double theirs = double(refParts.size()) / double(refWhole.size());
            // (Without shared tables: +5.9% at 1340 bytes, the reference +0.9%.)
            EXPECT_LT(ours, theirs + 0.005) << frame.size() << " " << whole.size();
        }
    }
}

// A static context sized by ZSTD_estimateCCtxSize_usingCCtxParams with a
// target block size has room for the trial encodings, at every strategy.
TEST(TargetCBlockSize, StaticContextSizedByTheEstimate) {
    Rng rng(1013);
    const Bytes src = changingData(rng, 1);
    for (const int level : {1, 3, 7, 13, 19}) {
        SCOPED_TRACE(at("level", level));
        zest::CCtxParams* p = zest::createCCtxParams(zest::kDefaultMem);
        ASSERT_FALSE(zest::isError(zest::cctxParamsSetParameter(p, pLevel, level)));
        ASSERT_FALSE(zest::isError(zest::cctxParamsSetParameter(p, pTargetCBlockSize, 4096)));
        const size_t need = zest::estimateCCtxSizeUsingCCtxParams(p);
        ASSERT_FALSE(zest::isError(need));
        EXPECT_FALSE(staticFrame(p, need, src).empty());
        zest::freeCCtxParams(p, zest::kDefaultMem);
    }
}

// The pre-splitter ends a block where its byte statistics change, at every
// effort, and leaves alike or random data whole.
TEST(PreSplit, WhereTheBytesChange) {
    Rng rng(1013);
    const Bytes text = genText(rng, 64 * 1024), binary = genBinary(rng, 64 * 1024);
    const Bytes changing = cat(text, binary), alike = genText(rng, 128 * 1024), noise = genRandom(rng, 128 * 1024);
    for (int effort = 0; effort <= 4; ++effort) {
        SCOPED_TRACE(at("effort", effort));
        EXPECT_EQ(zest::preSplitBlock(changing.data(), changing.size(), effort), 64u * 1024);
        EXPECT_EQ(zest::preSplitBlock(alike.data(), alike.size(), effort), alike.size());
        EXPECT_EQ(zest::preSplitBlock(noise.data(), noise.size(), effort), noise.size());
        EXPECT_EQ(zest::preSplitBlock(changing.data(), 100000, effort), 100000u);  // full blocks only
    }
    EXPECT_EQ(zest::preSplitBlock(changing.data(), changing.size(), -1), changing.size());
    // Levels: 1 never, 2..6 efforts 0..4, 0 by strategy.
    EXPECT_EQ(zest::preSplitEffort(1, zest::Strategy::btultra2), -1);
    EXPECT_EQ(zest::preSplitEffort(4, zest::Strategy::fast), 2);
    EXPECT_EQ(zest::preSplitEffort(0, zest::Strategy::fast), -1);  // (the reference: 0 and 1)
    EXPECT_EQ(zest::preSplitEffort(0, zest::Strategy::dfast), -1);
    EXPECT_EQ(zest::preSplitEffort(0, zest::Strategy::lazy), 2);
    EXPECT_EQ(zest::preSplitEffort(0, zest::Strategy::btlazy2), 3);
    EXPECT_EQ(zest::preSplitEffort(0, zest::Strategy::btopt), -1);  // (the reference: 4)
    EXPECT_EQ(zest::preSplitEffort(6, zest::Strategy::btultra2), 4);
}

// By default from greedy to btlazy2, elsewhere when asked for, frames of
// changing data get more, smaller blocks and are smaller for it; every level
// of the parameter round-trips, one-shot and streaming.
TEST(PreSplit, DefaultFromGreedyToBtlazy2AndItPays) {
    Rng rng(1014);
    // Each 128 KiB: text, then binary records (fast levels compare the halves).
    Bytes src;
    for (int i = 0; i < 4; ++i) {
        const Bytes a = genText(rng, 64 * 1024), b = genBinary(rng, 64 * 1024);
        src = cat({&src, &a, &b});
    }
    for (const int level : {-3, 1, 3, 6, 12, 16}) {
        SCOPED_TRACE(at("level", level));
        ZCCtx on, off;
        for (zest::CCtx* c : {on.p, off.p}) {
            cset(c, pLevel, level);
            cset(c, pSplitAfterSequences, kOff);  // this is about splitting before parsing
        }
        cset(off, pBlockSplitterLevel, 1);
        if (level <= 4 || level >= 16) cset(on, pBlockSplitterLevel, level < 3 ? 2 : level < 16 ? 3 : 6);  // not by default there
        const Bytes split = zframe(on, src), whole = zframe(off, src);
        expectDecodes(split, src);
        EXPECT_GT(blocksOf(split).size(), blocksOf(whole).size());
        EXPECT_LT(split.size(), whole.size());
        EXPECT_EQ(blocksOf(whole).size(), 4u);
    }
    for (int splitterLevel = 0; splitterLevel <= 6; ++splitterLevel) {
        SCOPED_TRACE(at("blockSplitterLevel", splitterLevel));
        ZCCtx z;
        cset(z, pLevel, 4);
        cset(z, pBlockSplitterLevel, splitterLevel);
        expectDecodes(zframe(z, src), src);
        zreset(z);
        StreamShape s;
        s.maxIn = 50000;
        expectDecodes(zestStreamCompress(z, src, rng, s), src);
    }
}
