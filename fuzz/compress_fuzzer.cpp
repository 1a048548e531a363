// libFuzzer target: arbitrary input compressed with parameters drawn from the
// first bytes (level, strategy, table sizes, window, checksum, a dictionary
// cut from the input, one-shot or streaming with odd buffer sizes), then
// decompressed by zest's decoder and compared. Must never crash, read out of
// bounds, or produce a frame that does not decode to the input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "common/error.h"
#include "compress/cctx.h"
#include "decompress/dctx.h"

namespace {

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
    Knobs k{data, size < 12 ? size : 12};
    const unsigned mode = k.next();
    const int level = int(k.next() % 30) - 7;  // -7..22
    const unsigned strategy = k.next() % 10;   // 0 = level's own
    const unsigned windowLog = k.next() % 16;  // 0 = level's own, else 10..24
    const unsigned hashLog = k.next() % 16;
    const unsigned minMatch = k.next() % 8;
    const unsigned dictSplit = k.next();
    const size_t inStep = 1 + k.next() * 37;
    const size_t outStep = 1 + k.next() * 53;
    const uint8_t* src = data + (size < 12 ? size : 12);
    const size_t srcSize = size - size_t(src - data);

    zest::CCtx* c = zest::createCCtx(zest::kDefaultMem);
    zest::DCtx* d = zest::createDCtx(zest::kDefaultMem);
    using zest::CParam;
    zest::cctxSetParameter(c, int(CParam::compressionLevel), level);
    if (strategy) zest::cctxSetParameter(c, int(CParam::strategy), int(strategy));
    if (windowLog) zest::cctxSetParameter(c, int(CParam::windowLog), int(9 + windowLog));
    if (hashLog) zest::cctxSetParameter(c, int(CParam::hashLog), int(5 + hashLog));
    if (minMatch >= 3) zest::cctxSetParameter(c, int(CParam::minMatch), int(minMatch));
    zest::cctxSetParameter(c, int(CParam::checksumFlag), int(mode & 1));
    // A raw dictionary cut from the front of the input (the rest is compressed).
    size_t dictSize = (mode & 2) ? (srcSize * dictSplit) / 256 : 0;
    const uint8_t* body = src + dictSize;
    const size_t bodySize = srcSize - dictSize;
    if (dictSize)
        zest::cctxLoadDictionary(c, src, dictSize, zest::DictLoadMethod::byRef, zest::DictContentType::rawContent);

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
    zest::freeDCtx(d);
    return 0;
}
