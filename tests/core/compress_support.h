// Shared helpers for the compression tests (compress_interop_test.cpp,
// compress_strategies_test.cpp): handles, parameter setting, frame making,
// the decoding oracles (reference and zest, one-shot and streaming), the
// random streaming driver and record generators.
#pragma once

#include <climits>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <vector>

#include "compress/cctx.h"
#include "support.h"

namespace zt {

// Parameter ids as numbers: the system header (1.5.4) names some of them
// differently (ZSTD_c_targetCBlockSize is 1003 there, 1010 is
// useBlockSplitter, ...) or not at all.
enum : int {
    pLevel = 100,
    pWindowLog = 101,
    pHashLog = 102,
    pChainLog = 103,
    pSearchLog = 104,
    pMinMatch = 105,
    pTargetLength = 106,
    pStrategy = 107,
    pContentSize = 200,
    pChecksum = 201,
    pDictID = 202,
    pFormat = 10,
    pForceAttachDict = 1001,
    pDedicatedDictSearch = 1005,
    pStableIn = 1006,
    pStableOut = 1007,
    pUseRowMatchFinder = 1011,
    pMaxBlockSize = 1015,
};

// ---- Buffers and handles ---------------------------------------------------------

// A heap buffer of exactly n bytes, so that any overrun hits an ASan redzone.
class Buf {
public:
    explicit Buf(size_t n) : p_(new uint8_t[n]), n_(n) {}
    uint8_t* data() { return p_.get(); }
    size_t size() const { return n_; }
    Bytes take(size_t k) const { return Bytes(p_.get(), p_.get() + k); }

private:
    std::unique_ptr<uint8_t[]> p_;
    size_t n_;
};

struct ZCCtx {
    zest::CCtx* p;
    ZCCtx() : p(zest::createCCtx(zest::kDefaultMem)) {}
    ~ZCCtx() { zest::freeCCtx(p); }
    ZCCtx(const ZCCtx&) = delete;
    ZCCtx& operator=(const ZCCtx&) = delete;
    operator zest::CCtx*() const { return p; }
};

struct ZCDict {
    zest::CDict* p;
    explicit ZCDict(zest::CDict* q) : p(q) {}
    ~ZCDict() { zest::freeCDict(p); }
    ZCDict(const ZCDict&) = delete;
    ZCDict& operator=(const ZCDict&) = delete;
    operator const zest::CDict*() const { return p; }
};

struct RefCCtx {
    ZSTD_CCtx* p;
    RefCCtx() : p(ZSTD_createCCtx()) {}
    ~RefCCtx() { ZSTD_freeCCtx(p); }
    RefCCtx(const RefCCtx&) = delete;
    RefCCtx& operator=(const RefCCtx&) = delete;
    operator ZSTD_CCtx*() const { return p; }
};

// "what a b c" for SCOPED_TRACE (b and c optional).
std::string at(const char* what, long long a, long long b = LLONG_MIN, long long c = LLONG_MIN);

// A parameter that must be accepted.
void cset(zest::CCtx* c, int param, int value);
void rset(ZSTD_CCtx* c, int param, int value);

void zreset(zest::CCtx* c);

// One frame with the sticky parameters (compress2) into exactly compressBound(src) bytes.
Bytes zframe(zest::CCtx* c, const Bytes& src);
// One frame from a static context in a workspace of `workspaceSize` bytes,
// parameters from `p`; the frame decodes (checked). *jobs, if given,
// receives the frame's job count (ZSTD_getFrameProgression).
Bytes staticFrame(const zest::CCtxParams* p, size_t workspaceSize, const Bytes& src, unsigned* jobs = nullptr);

// (refFrame, the reference's counterpart, is in support.h.)

ZSTD_frameHeader header(const Bytes& frame, bool magicless = false);

// The blocks of a single frame: {type, size, last} per block header.
struct BlockInfo {
    unsigned type;  // 0 raw, 1 RLE, 2 compressed
    size_t size;
    bool last;
};
std::vector<BlockInfo> blocksOf(const Bytes& frame);

Bytes slice(const Bytes& b, size_t from, size_t n);
Bytes cat(const Bytes& a, const Bytes& b);
Bytes cat(std::initializer_list<const Bytes*> parts);

// ---- Decoding oracles ----------------------------------------------------------------

struct DecodeWith {
    const Bytes* dict = nullptr;
    enum { load, rawContent, prefix } how = load;  // how the decoders get `dict`
    bool magicless = false;
    int windowLogMax = 0;  // > 0: also stream-decode (both decoders) under this limit
};

void attachForReference(ZSTD_DCtx* d, const DecodeWith& o);
void attachForZest(zest::DCtx* d, const DecodeWith& o);

// `frames` must decode to exactly `expected` with the reference and with zest
// (one-shot, both; a dictionary to load also through decompressUsingDict);
// with a window limit also with both streaming decoders limited to it.
void expectDecodes(const Bytes& frames, const Bytes& expected, const DecodeWith& o = {});

// The reference's streaming decoder fed a frame as it is produced.
class IncrementalDecoder {
public:
    explicit IncrementalDecoder(const DecodeWith* o = nullptr);
    void feed(const uint8_t* p, size_t n);
    size_t last() const { return last_; }
    Bytes out;

private:
    RefDCtx d_;
    Bytes window_;
    size_t last_ = 1;
};

// ---- Streaming driver ------------------------------------------------------------------

struct StreamShape {
    size_t maxIn = 1 << 16;   // input pieces of 1..maxIn bytes (0 now and then)
    size_t maxOut = 1 << 16;  // output windows of 1..maxOut bytes (0 now and then)
    unsigned flushPercent = 15;
    bool stableIn = false;    // the caller sets ZSTD_c_stableInBuffer itself
    bool stableOut = false;   // likewise ZSTD_c_stableOutBuffer
    bool checkPrefixes = true;
    const DecodeWith* dict = nullptr;  // how the incremental decoder gets the dictionary
};

// Compresses src with zest::compressStream2 in random pieces, flushing at
// random points and ending once everything is in. After every completed flush
// the output so far must decode (reference streaming decoder) to exactly the
// input consumed so far (unless !checkPrefixes). Returns the frame; failures
// are recorded.
Bytes zestStreamCompress(zest::CCtx* c, const Bytes& src, Rng& rng, const StreamShape& s);

// ---- Data ---------------------------------------------------------------------------

// Records like the ones the dictionaries are trained on.
std::vector<Bytes> records(Rng& rng, unsigned flavor, int n);
// Records one after the other, at least n bytes.
Bytes recordRun(Rng& rng, unsigned flavor, size_t n);
// n bytes of text that repeats stretches of `from` (a dictionary) between new words.
Bytes quoting(Rng& rng, const Bytes& from, size_t n);

}  // namespace zt
