// libFuzzer target: arbitrary bytes through the one-shot, streaming and
// dictionary decoding paths. Must never crash, hang or read out of bounds.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

#include "common/error.h"
#include "decompress/dctx.h"

namespace {

constexpr size_t kMaxOutput = 4 << 20;

void oneShot(zest::DCtx* d, const uint8_t* data, size_t size) {
    unsigned long long bound = zest::findDecompressedSize(data, size);
    size_t cap = bound < kMaxOutput ? size_t(bound) : 256 * 1024;
    std::vector<uint8_t> out(cap + 1);
    zest::decompressDCtx(d, out.data(), cap, data, size);
}

void streaming(zest::DCtx* d, const uint8_t* data, size_t size, size_t inStep, size_t outStep) {
    zest::dctxReset(d, zest::ResetDirective::session_only);
    std::vector<uint8_t> out(outStep);
    zest::InBuffer in{data, 0, 0};
    size_t produced = 0;
    while (in.pos < size && produced < kMaxOutput) {
        in.size = in.pos + inStep < size ? in.pos + inStep : size;
        zest::OutBuffer ob{out.data(), out.size(), 0};
        const size_t r = zest::decompressStream(d, &ob, &in);
        if (zest::isError(r)) return;
        produced += ob.pos;
        if (ob.pos == 0 && in.pos == in.size && in.size == size) break;
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static zest::DCtx* d = zest::createDCtx(zest::kDefaultMem);
    if (size < 1) return 0;
    // The first byte picks buffer sizes; the rest is the frame data.
    const uint8_t knob = data[0];
    data++;
    size--;
    zest::dctxReset(d, zest::ResetDirective::session_and_parameters);
    zest::dctxSetParameter(d, int(zest::DParam::windowLogMax), 24);
    oneShot(d, data, size);
    streaming(d, data, size, 1 + (knob & 15) * 37, 1 + (knob >> 4) * 511);
    if (knob & 1) {
        // Use a slice of the input as a dictionary for the rest.
        const size_t cut = size / 3;
        std::vector<uint8_t> out(256 * 1024);
        zest::decompressUsingDict(d, out.data(), out.size(), data + cut, size - cut, data, cut);
    }
    return 0;
}
