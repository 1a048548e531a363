// Pre-splitting: where a block's byte statistics change.
//
// Each chunk's sampled byte histogram is compared with the histogram of the
// chunks before it in the block. The test is the log-likelihood ratio of
// "two distributions" against "one" (n·H(all) − na·H(a) − nb·H(b), in bits
// of samples): the block ends before the chunk when that is far beyond what
// sampling noise gives for the symbols seen, and the bits it stands for
// (scaled back to every byte) pay for a block header and a second table.
#include "compress/pre_split.h"

#include <cstring>

#include "format/frame_format.h"

namespace zest {

namespace {

constexpr size_t kChunk = 8 * 1024;
// Sampling steps of efforts 1..4.
constexpr unsigned kStep[5] = {0, 43, 11, 5, 1};
// A split must save about this many bytes (a block header, a literals table).
constexpr float kMinGainBytes = 96;

struct Histogram {
    u32 count[256];
    u32 total;

    void clear() {
        std::memset(count, 0, sizeof count);
        total = 0;
    }
    void add(const u8* p, size_t n, unsigned step) {
        for (size_t i = 0; i < n; i += step) ++count[p[i]];
        total += u32((n + step - 1) / step);
    }
    void merge(const Histogram& o) {
        for (unsigned k = 0; k < 256; ++k) count[k] += o.count[k];
        total += o.total;
    }
};

// log2(x) for x >= 1, to about 0.01: the exponent, and the next 8 bits
// through a table (the test needs no more, and runs for every chunk). The
// table is built at compile time, so the library needs neither libm nor a
// static initializer.
constexpr double log2OnePlus(double f) {
    // ln(1 + f) = 2·atanh(f / (2 + f)); |f / (2 + f)| <= 1/3 for f in [0, 1).
    const double y = f / (2 + f);
    double term = y, sum = 0;
    for (int k = 1; k < 40; k += 2) {
        sum += term / k;
        term *= y * y;
    }
    return 2 * sum / 0.69314718055994530942;
}
struct Log2Table {
    float v[256];
    constexpr Log2Table() : v() {
        for (int i = 0; i < 256; ++i) v[i] = float(log2OnePlus(double(i) / 256));
    }
};
constexpr Log2Table kLog2;

inline float fastLog2(u32 x) {
    const unsigned e = highBit32(x);
    const u32 frac = e >= 8 ? (x >> (e - 8)) & 255 : (x << (8 - e)) & 255;
    return float(e) + kLog2.v[frac];
}

// n·log2(n) − Σ c·log2(c): the bits of n samples under their own distribution.
float selfBits(const u32* c, u32 n) {
    float s = n ? float(n) * fastLog2(n) : 0;
    for (unsigned k = 0; k < 256; ++k)
        if (c[k]) s -= float(c[k]) * fastLog2(c[k]);
    return s;
}

// Whether coding b apart from a (selfBits aBits) pays, scaled by `step`
// (bytes per sample). `strict`: the densest sampling, meant for the optimal
// parsers (measured on the corpus: looser tests cost them more ratio).
bool differs(const Histogram& a, float aBits, const Histogram& b, unsigned step, bool strict) {
    u32 both[256];
    unsigned symbols = 0;
    for (unsigned k = 0; k < 256; ++k) {
        both[k] = a.count[k] + b.count[k];
        symbols += both[k] != 0;
    }
    const float gainBits = selfBits(both, a.total + b.total) - aBits - selfBits(b.count, b.total);
    // Under one distribution 2·ln2·gain follows about a chi-square law with
    // symbols − 1 degrees of freedom (mean symbols − 1): ask for far more.
    const float noise = float(symbols > 1 ? symbols - 1 : 1) / (2 * 0.6931472f);
    return gainBits > (strict ? 10 : 4) * noise + 16 && gainBits * float(step) / 8 > kMinGainBytes;
}

}  // namespace

int preSplitEffort(int level, Strategy s) {
    if (level == 1) return -1;
    if (level >= 2) return level - 2;
    // By strategy as in the reference from greedy to btlazy2 (0.4-0.5% smaller
    // on the corpus), but not elsewhere: at fast and dfast a split block costs
    // ~2-4% of speed for 0.1-0.2% of size; the optimal parsers (whose blocks
    // are split after parsing, on real costs) lost up to 1.1% with it on the
    // corpus's binary files.
    switch (s) {
    case Strategy::greedy:
    case Strategy::lazy: return 2;
    case Strategy::lazy2:
    case Strategy::btlazy2: return 3;
    default: return -1;
    }
}

size_t preSplitBlock(const u8* src, size_t size, int effort) {
    if (effort < 0 || size != kBlockSizeMax) return size;
    Histogram a, b;
    a.clear();
    b.clear();
    if (effort == 0) {
        // The halves, each from 4 KiB at its start and end (every 4th byte).
        const size_t half = size / 2, edge = 4096;
        a.add(src, edge, 4);
        a.add(src + half - edge, edge, 4);
        b.add(src + half, edge, 4);
        b.add(src + size - edge, edge, 4);
        return differs(a, selfBits(a.count, a.total), b, 32, false) ? half : size;
    }
    const unsigned step = kStep[effort];
    a.add(src, kChunk, step);
    float aBits = selfBits(a.count, a.total);
    for (size_t at = kChunk; at < size; at += kChunk) {
        b.clear();
        b.add(src + at, kChunk, step);
        if (differs(a, aBits, b, step, effort == 4)) return at;
        a.merge(b);
        aBits = selfBits(a.count, a.total);
    }
    return size;
}

}  // namespace zest
