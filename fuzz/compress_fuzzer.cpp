// libFuzzer target: arbitrary input compressed with parameters drawn from the
// first bytes (level, strategy 1..9 with the middle ones 3..6 drawn most,
// table sizes, search depth, minimum match, target length, window, row
// match finder switch, block splitting switch, checksum, a dictionary cut from the input: loaded, or
// prepared as a CDict under each ZSTD_c_forceAttachDict value, with or without
// ZSTD_c_enableDedicatedDictSearch for a loaded one; one-shot or
// streaming with odd buffer sizes), then decompressed by zest's decoder and
// compared. Must never crash, read out of bounds, or produce a frame that
// does not decode to the input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "common/error.h"
#include "compress/cctx.h"
#include "decompress/dctx.h"

namespace {

constexpr size_t kKnobBytes = 16;

struct Knobs {
    const uint8_t* p;
    size_t n;
    unsigned next() {
        if (!n) return 0;
        --n;
        return *p++;
    }
};

void check(bool ok) {
    if (!ok) std::abort();
}

// A parameter within its bounds must be accepted.
void set(zest::CCtx* c, zest::CParam p, int value) { check(!zest::isError(zest::cctxSetParameter(c, int(p), value))); }

size_t compressStreaming(zest::CCtx* c, std::vector<uint8_t>& dst, const uint8_t* src, size_t size, size_t inStep,
                         size_t outStep) {
    size_t produced = 0, consumed = 0;
    for (;;) {
        const size_t inEnd = consumed + inStep < size ? consumed + inStep : size;
        const bool last = inEnd == size;
        zest::InBuffer in{src, inEnd, consumed};
        size_t r;
        do {
            const size_t room = dst.size() - produced < outStep ? dst.size() - produced : outStep;
            zest::OutBuffer out{dst.data() + produced, room, 0};
            r = zest::compressStream2(c, &out, &in, last ? zest::EndDirective::end : zest::EndDirective::continue_);
            if (zest::isError(r)) return r;
            produced += out.pos;
            check(produced <= dst.size());
        } while (in.pos < in.size || (last && r != 0));
        consumed = in.pos;
        if (last) return produced;
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const size_t knobBytes = size < kKnobBytes ? size : kKnobBytes;
    Knobs k{data, knobBytes};
    const unsigned mode = k.next();
    const int level = int(k.next() % 30) - 7;  // -7..22
    // 0 = the level's own; 1..6 drawn twice as often as 7..9.
    static constexpr int kStrategies[16] = {0, 1, 2, 3, 4, 5, 6, 7, 1, 2, 3, 4, 5, 6, 8, 9};
    const int strategy = kStrategies[k.next() % 16];
    const unsigned windowLog = k.next() % 16;  // 0 = the level's own, else 10..24
    const unsigned hashLog = k.next() % 18;    // 0 = own, else 6..22
    const unsigned chainLog = k.next() % 18;   // 0 = own, else 6..22
    const unsigned searchLog = k.next() % 12;  // 0 = own, else 1..11
    const unsigned minMatch = k.next() % 6;    // 0 = own, else 3..7
    static constexpr int kTargetLengths[8] = {-1, 0, 1, 4, 16, 64, 999, 131072};  // -1 = own
    const int targetLength = kTargetLengths[k.next() % 8];
    // useRowMatchFinder (0..2), forceAttachDict (0..3), dedicated search, splitAfterSequences (0..2)
    const unsigned switches = k.next();
    const unsigned dictSplit = k.next();
    const size_t inStep = 1 + k.next() * 37;
    const size_t outStep = 1 + k.next() * 53;
    const uint8_t* src = data + knobBytes;
    const size_t srcSize = size - knobBytes;

    zest::CCtx* c = zest::createCCtx(zest::kDefaultMem);
    zest::DCtx* d = zest::createDCtx(zest::kDefaultMem);
    using zest::CParam;
    set(c, CParam::compressionLevel, level);
    if (strategy) set(c, CParam::strategy, strategy);
    if (windowLog) set(c, CParam::windowLog, int(9 + windowLog));
    if (hashLog) set(c, CParam::hashLog, int(5 + hashLog));
    if (chainLog) set(c, CParam::chainLog, int(5 + chainLog));
    if (searchLog) set(c, CParam::searchLog, int(searchLog));
    if (minMatch) set(c, CParam::minMatch, int(2 + minMatch));
    if (targetLength >= 0) set(c, CParam::targetLength, targetLength);
    set(c, CParam::useRowMatchFinder, int(switches % 3));
    set(c, CParam::forceAttachDict, int((switches / 3) % 4));
    set(c, CParam::enableDedicatedDictSearch, int((switches / 12) % 2));
    set(c, CParam::splitAfterSequences, int((switches / 24) % 3));
    set(c, CParam::blockSplitterLevel, int((switches / 144) % 7));
    set(c, CParam::checksumFlag, int(mode & 1));
    // Long-distance matching (in a window drawn above: the default one is 128 MiB).
    if (windowLog && (switches / 72) % 2) {
        set(c, CParam::enableLongDistanceMatching, 1);
        if (switches & 1) set(c, CParam::ldmMinMatch, 4 + int(switches % 60));
        if (switches & 2) set(c, CParam::ldmHashRateLog, int(switches % 5));
    }
    // Worker threads: streamed frames of unknown size run on them even when small.
    if ((mode & 32) && (mode & 64)) {
        set(c, CParam::nbWorkers, 1 + int(mode >> 7));
        set(c, CParam::overlapLog, int(switches % 10));
    }
    // A raw dictionary cut from the front of the input (the rest is
    // compressed): loaded, or prepared once as a CDict with the context's
    // level and strategy (so that it can be attached, copied or reloaded).
    const size_t dictSize = (mode & 2) ? (srcSize * dictSplit) / 256 : 0;
    const uint8_t* body = src + dictSize;
    const size_t bodySize = srcSize - dictSize;
    zest::CDict* cdict = nullptr;
    if (dictSize && (mode & 8)) {
        zest::CParams cp = zest::getCParams(level, bodySize, dictSize);
        if (strategy) cp.strategy = zest::Strategy(strategy);
        cdict = zest::createCDict(src, dictSize, zest::DictLoadMethod::byRef, zest::DictContentType::rawContent, cp,
                                  zest::kDefaultMem);
        check(cdict != nullptr);
        check(zest::cctxRefCDict(c, cdict) == 0);
    } else if (dictSize) {
        check(zest::cctxLoadDictionary(c, src, dictSize, zest::DictLoadMethod::byRef,
                                       zest::DictContentType::rawContent) == 0);
    }
    // A known size now and then (one-shot frames always have one).
    if ((mode & 4) && (mode & 16)) check(zest::cctxSetPledgedSrcSize(c, bodySize) == 0);

    std::vector<uint8_t> frame(zest::compressBound(bodySize) + 64);
    size_t cSize;
    if (mode & 4) cSize = compressStreaming(c, frame, body, bodySize, inStep, outStep);
    else cSize = zest::compress2(c, frame.data(), frame.size(), body, bodySize);
    check(!zest::isError(cSize));  // compressBound always suffices

    std::vector<uint8_t> back(bodySize + 1);
    if (dictSize)
        zest::dctxLoadDictionary(d, src, dictSize, zest::DictLoadMethod::byRef, zest::DictContentType::rawContent);
    const size_t dSize = zest::decompressDCtx(d, back.data(), back.size(), frame.data(), cSize);
    check(!zest::isError(dSize) && dSize == bodySize && std::memcmp(back.data(), body, bodySize) == 0);

    zest::freeCCtx(c);
    zest::freeCDict(cdict);
    zest::freeDCtx(d);
    return 0;
}
