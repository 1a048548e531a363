// Shared helpers for the decoder-core tests: seeded data generators, the
// reference (Debian libzstd, linked statically) as compressor and oracle, and
// drivers that run zest's one-shot, streaming and bufferless decoders.
//
// The reference is reached through the *system* <zstd.h>; the project's own
// include/ directory must stay off these tests' include path.
#pragma once

#ifndef ZSTD_STATIC_LINKING_ONLY
#define ZSTD_STATIC_LINKING_ONLY
#endif
#ifndef ZDICT_STATIC_LINKING_ONLY
#define ZDICT_STATIC_LINKING_ONLY
#endif
#include <zdict.h>
#include <zstd.h>
#include <zstd_errors.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "common/error.h"
#include "decompress/dctx.h"
#include "decompress/frame.h"

namespace zt {

using Bytes = std::vector<uint8_t>;

// ---- Deterministic PRNG (xoshiro256**, seeded through splitmix64) ----------------

class Rng {
public:
    explicit Rng(uint64_t seed);
    uint64_t next();
    // Uniform in [0, n); n > 0.
    uint64_t below(uint64_t n) { return next() % n; }
    // Uniform in [lo, hi].
    uint64_t range(uint64_t lo, uint64_t hi) { return lo + below(hi - lo + 1); }
    bool chance(unsigned percent) { return below(100) < percent; }
    uint8_t byte() { return uint8_t(next() >> 56); }

private:
    uint64_t s_[4];
};

// ---- Generated data --------------------------------------------------------------

enum class Kind { text, binary, zeros, random, mixed };
const char* kindName(Kind k);

Bytes genText(Rng& rng, size_t n);
Bytes genBinary(Rng& rng, size_t n);
Bytes genZeros(size_t n);
Bytes genRandom(Rng& rng, size_t n);
// Segments of every other kind, plus copies of earlier segments.
Bytes genMixed(Rng& rng, size_t n);
Bytes gen(Kind k, Rng& rng, size_t n);
// A small JSON-like record (dictionary training samples); `flavor` varies the schema.
Bytes genRecord(Rng& rng, unsigned flavor = 0);
// A trained dictionary (ZDICT_trainFromBuffer on generated records).
Bytes trainDict(Rng& rng, unsigned flavor, size_t capacity, size_t nbSamples = 300);
// A formatted dictionary with a chosen ID (ZDICT_finalizeDictionary).
Bytes finalizeDict(Rng& rng, unsigned flavor, unsigned dictID, size_t capacity);

// ---- Reference compressor ----------------------------------------------------------

struct RefParams {
    int level = 3;
    int windowLog = 0;      // 0: the level's default
    int checksum = 0;       // ZSTD_c_checksumFlag
    int contentSize = 1;    // ZSTD_c_contentSizeFlag
    int dictIDFlag = 1;     // ZSTD_c_dictIDFlag
    bool magicless = false; // ZSTD_c_format = ZSTD_f_zstd1_magicless
    bool ldm = false;       // ZSTD_c_enableLongDistanceMatching
    // Any further parameters, set last (e.g. ZSTD_c_targetCBlockSize, ZSTD_c_strategy).
    std::vector<std::pair<ZSTD_cParameter, int>> extra;
};

// The dictionary handed to the reference compressor, if any.
struct RefDict {
    enum Mode { none, load, prefix } mode = none;
    const Bytes* bytes = nullptr;
    ZSTD_dictContentType_e type = ZSTD_dct_auto;
};

class RefCompressor {
public:
    RefCompressor();
    ~RefCompressor();
    RefCompressor(const RefCompressor&) = delete;
    RefCompressor& operator=(const RefCompressor&) = delete;

    // One frame with ZSTD_compress2.
    Bytes compress(const Bytes& src, const RefParams& p, const RefDict& d = {});
    // One frame with ZSTD_compressStream2 and no pledged size (so the frame
    // has no content size unless src is consumed by the first ZSTD_e_end),
    // random input chunks and ZSTD_e_flush at random points (many blocks).
    Bytes compressStream(const Bytes& src, const RefParams& p, Rng& rng, const RefDict& d = {});
    ZSTD_CCtx* get() { return c_; }

private:
    void setup(const RefParams& p, const RefDict& d);
    ZSTD_CCtx* c_;
};

// One frame with ZSTD_compress2 and the parameters already set on c, into
// compressBound(src) bytes (a failure is recorded and gives no bytes).
Bytes refFrame(ZSTD_CCtx* c, const Bytes& src);

// A skippable frame written by the reference.
Bytes refSkippable(const Bytes& content, unsigned magicVariant);

// The reference's one-shot decoder (for comparisons). Returns its result code;
// output goes to *out (resized to what was produced).
size_t refDecompress(const Bytes& src, size_t capacity, Bytes* out, const Bytes* dict = nullptr,
                     bool magicless = false, bool ignoreChecksum = false);

// ---- zest handles -------------------------------------------------------------------

struct ZDCtx {
    zest::DCtx* p;
    ZDCtx();
    ~ZDCtx();
    ZDCtx(const ZDCtx&) = delete;
    ZDCtx& operator=(const ZDCtx&) = delete;
    operator zest::DCtx*() const { return p; }
};

struct ZDDict {
    zest::DDict* p;
    ZDDict(const Bytes& dict, zest::DictLoadMethod m = zest::DictLoadMethod::byCopy,
           zest::DictContentType t = zest::DictContentType::autoDetect);
    ~ZDDict();
    ZDDict(const ZDDict&) = delete;
    ZDDict& operator=(const ZDDict&) = delete;
    operator const zest::DDict*() const { return p; }
};

struct RefDCtx {
    ZSTD_DCtx* p;
    RefDCtx();
    ~RefDCtx();
    RefDCtx(const RefDCtx&) = delete;
    RefDCtx& operator=(const RefDCtx&) = delete;
    operator ZSTD_DCtx*() const { return p; }
};

// Error code of a result: 0 for success.
inline int zcode(size_t r) { return int(zest::errorCodeOf(r)); }
inline int rcode(size_t r) { return ZSTD_isError(r) ? int(ZSTD_getErrorCode(r)) : 0; }
std::string zdescr(size_t r);  // "ok(N)" or "error(code name)"
std::string rdescr(size_t r);

void zset(zest::DCtx* d, zest::DParam p, int value);  // asserts success

// ---- Drivers ---------------------------------------------------------------------

// zest one-shot with decompressDCtx into a buffer of exactly `capacity` bytes.
size_t zestOneShot(zest::DCtx* d, const Bytes& src, size_t capacity, Bytes* out);
// zest's bufferless API alone over every frame of src (dd may be null): the
// first error, or the decoded size. Each step gets an exact-size copy, so
// over-reads show up under ASan.
size_t zestBufferless(const Bytes& src, const zest::DDict* dd, size_t capacity, Bytes* out);

enum class Split {
    whole,      // all input and an output buffer as large as needed at once
    random,     // random input and output chunk sizes (up to maxChunk)
    tiny,       // random chunk sizes of 1..4 bytes
    oneByte,    // one byte of input and one byte of output per call
    stableOut,  // DParam::stableOutBuffer with one big output buffer, random input chunks
};

struct StreamResult {
    size_t error = 0;             // first error returned, or 0
    bool complete = false;        // the last call returned 0 with all input consumed
    Bytes out;
    std::vector<size_t> zeroAt;   // input position after every call that returned 0
    size_t calls = 0;
};

// Drives zest::decompressStream over src. The context must be set up by the
// caller (parameters, dictionary); for Split::stableOut the driver enables
// DParam::stableOutBuffer itself. Each call gets fresh, exactly sized input and
// output buffers so that overruns hit ASan redzones and so that nothing relies
// on a previous call's buffers. outCapacity bounds the total output (stableOut).
StreamResult zestStream(zest::DCtx* d, const Bytes& src, Rng& rng, Split mode, size_t outCapacity,
                        size_t maxChunk = 1 << 17);

// How each frame of a buffer is to be decoded by the bufferless lockstep driver.
struct BufferlessDict {
    const Bytes* dict = nullptr;        // decompressBeginUsingDict / ZSTD_decompressBegin_usingDict
    const zest::DDict* zdd = nullptr;   // decompressBeginUsingDDict
    const ZSTD_DDict* rdd = nullptr;    // ZSTD_decompressBegin_usingDDict
};

// Decodes every frame of src with zest's bufferless API and the reference's in
// lockstep, checking at every step that both ask for the same input size and
// input type and return the same result. Output goes to one contiguous buffer
// of outCapacity bytes. Returns false (after recording failures) on mismatch.
bool bufferlessLockstep(const Bytes& src, size_t outCapacity, bool magicless, const BufferlessDict& dict,
                        Bytes* out);

// The end offset of every frame in src (walked with the reference).
std::vector<size_t> frameEnds(const Bytes& src, bool magicless = false);

// Compares every frame-inspection function of zest against the reference on
// src and on prefixes of it.
void checkInspection(const Bytes& src, bool magicless = false);

// Full decode check: one-shot, streaming in several split modes and bufferless,
// all must give `expected`; streaming must return 0 exactly at frame ends.
struct DecodeOptions {
    bool magicless = false;
    const Bytes* dict = nullptr;    // a dictionary for every frame (raw or formatted)
    bool rawDict = false;           // load `dict` as DictContentType::rawContent
    bool oneByte = false;           // also stream one byte at a time
    int streamRuns = 2;             // random-split streaming runs
    bool bufferless = true;
    bool inspect = true;
};
void checkDecodes(const Bytes& frame, const Bytes& expected, Rng& rng, const DecodeOptions& o = {});

// Environment integer, or fallback.
long envLong(const char* name, long fallback);

}  // namespace zt
