#include "support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>

namespace zt {

// ---- Rng ---------------------------------------------------------------------------

namespace {
uint64_t splitmix(uint64_t& x) {
    uint64_t z = (x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}
uint64_t rotl(uint64_t v, int k) { return (v << k) | (v >> (64 - k)); }
}  // namespace

Rng::Rng(uint64_t seed) {
    for (auto& w : s_) w = splitmix(seed);
}

uint64_t Rng::next() {
    const uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
}

// ---- Data -----------------------------------------------------------------------------

const char* kindName(Kind k) {
    switch (k) {
    case Kind::text: return "text";
    case Kind::binary: return "binary";
    case Kind::zeros: return "zeros";
    case Kind::random: return "random";
    case Kind::mixed: return "mixed";
    }
    return "?";
}

namespace {
const char* const kWords[] = {
    "the",     "a",        "of",      "and",      "to",       "in",      "is",       "frame",   "block",
    "window",  "literal",  "match",   "offset",   "sequence", "table",   "entropy",  "stream",  "decoder",
    "buffer",  "header",   "size",    "checksum", "history",  "repeat",  "huffman",  "symbol",  "state",
    "weight",  "bits",     "length",  "content",  "magic",    "skip",    "dictionary", "prefix", "level",
    "input",   "output",   "byte",    "fast",     "lazy",     "greedy",  "optimal",  "parser",  "hash",
    "chain",   "binary",   "tree",    "row",      "search",   "cost",    "price",    "model",   "zero",
    "one",     "two",      "many",    "every",    "never",    "always",  "quick",    "brown",   "fox",
};
constexpr size_t kNumWords = sizeof(kWords) / sizeof(kWords[0]);
}  // namespace

Bytes genText(Rng& rng, size_t n) {
    Bytes out;
    out.reserve(n + 32);
    unsigned sinceBreak = 0;
    bool capital = true;
    while (out.size() < n) {
        // Skewed word choice: low indices are more frequent, like natural text.
        const size_t w = size_t(rng.below(kNumWords) * rng.below(kNumWords) / kNumWords);
        const char* word = kWords[w];
        for (size_t i = 0; word[i]; i++) {
            char c = word[i];
            if (i == 0 && capital && c >= 'a' && c <= 'z') c = char(c - 'a' + 'A');
            out.push_back(uint8_t(c));
        }
        capital = false;
        if (rng.chance(4)) {
            char num[16];
            const int len = std::snprintf(num, sizeof num, " %u", unsigned(rng.below(100000)));
            out.insert(out.end(), num, num + len);
        }
        const uint64_t p = rng.below(100);
        if (p < 6) {
            out.push_back('.');
            capital = true;
        } else if (p < 10) {
            out.push_back(',');
        } else if (p < 11) {
            out.push_back(';');
        }
        if (++sinceBreak > 8 && rng.chance(10)) {
            out.push_back('\n');
            sinceBreak = 0;
        } else {
            out.push_back(' ');
        }
    }
    out.resize(n);
    return out;
}

Bytes genBinary(Rng& rng, size_t n) {
    // Records: a fixed tag, a counter, a type from a small set, a few small
    // integers, a slowly drifting 32-bit "measurement" and a short payload
    // that often repeats an earlier one.
    Bytes out;
    out.reserve(n + 64);
    uint32_t counter = uint32_t(rng.below(1000));
    uint32_t measure = uint32_t(rng.next());
    std::vector<Bytes> payloads;
    auto put32 = [&](uint32_t v) {
        for (int i = 0; i < 4; i++) out.push_back(uint8_t(v >> (8 * i)));
    };
    while (out.size() < n) {
        put32(0xC0DEF00Du);
        put32(counter++);
        out.push_back(uint8_t(rng.below(5)));
        out.push_back(uint8_t(rng.below(3) * 17));
        put32(uint32_t(rng.below(64)));
        measure += uint32_t(rng.below(200)) - 100;
        put32(measure);
        if (!payloads.empty() && rng.chance(60)) {
            const Bytes& p = payloads[rng.below(payloads.size())];
            out.insert(out.end(), p.begin(), p.end());
        } else {
            Bytes p(rng.range(0, 24));
            for (auto& b : p) b = uint8_t(rng.below(16) + 'A');
            out.insert(out.end(), p.begin(), p.end());
            if (payloads.size() < 32) payloads.push_back(std::move(p));
        }
        if (rng.chance(3)) out.insert(out.end(), size_t(rng.range(4, 300)), uint8_t(rng.below(3) * 0x55));
    }
    out.resize(n);
    return out;
}

Bytes genZeros(size_t n) { return Bytes(n, 0); }

Bytes genRandom(Rng& rng, size_t n) {
    Bytes out(n);
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        const uint64_t v = rng.next();
        std::memcpy(out.data() + i, &v, 8);
    }
    for (; i < n; i++) out[i] = rng.byte();
    return out;
}

Bytes genMixed(Rng& rng, size_t n) {
    Bytes out;
    out.reserve(n);
    while (out.size() < n) {
        const size_t seg = size_t(rng.range(1, 32 * 1024));
        const uint64_t pick = rng.below(10);
        if (pick < 2 && out.size() > 1024) {
            // Copy of an earlier stretch, at a random distance.
            const size_t len = std::min<size_t>(seg, out.size() / 2);
            const size_t from = size_t(rng.below(out.size() - len));
            for (size_t i = 0; i < len; i++) out.push_back(out[from + i]);
            continue;
        }
        Bytes part;
        switch (pick) {
        case 0:
        case 2:
        case 3:
        case 4: part = genText(rng, seg); break;
        case 5:
        case 6:
        case 7: part = genBinary(rng, seg); break;
        case 8: part = genZeros(seg / 4 + 1); break;
        default: part = genRandom(rng, seg / 2 + 1); break;
        }
        out.insert(out.end(), part.begin(), part.end());
    }
    out.resize(n);
    return out;
}

Bytes gen(Kind k, Rng& rng, size_t n) {
    switch (k) {
    case Kind::text: return genText(rng, n);
    case Kind::binary: return genBinary(rng, n);
    case Kind::zeros: return genZeros(n);
    case Kind::random: return genRandom(rng, n);
    case Kind::mixed: return genMixed(rng, n);
    }
    return {};
}

Bytes genRecord(Rng& rng, unsigned flavor) {
    static const char* const kKeys[3][5] = {{"id", "name", "tags", "value", "active"},
                                            {"user", "email", "roles", "score", "verified"},
                                            {"sensor", "site", "readings", "mean", "ok"}};
    const char* const* k = kKeys[flavor % 3];
    auto word = [&] { return std::string(kWords[rng.below(kNumWords)]); };
    std::string s = "{\"" + std::string(k[0]) + "\": " + std::to_string(rng.below(100000)) + ", \"" + k[1] +
                    "\": \"" + word() + " " + word() + "\", \"" + k[2] + "\": [";
    const unsigned nt = unsigned(rng.below(5));
    for (unsigned i = 0; i < nt; i++) s += (i ? ", \"" : "\"") + word() + "\"";
    s += "], \"" + std::string(k[3]) + "\": " + std::to_string(rng.below(1000)) + "." +
         std::to_string(rng.below(100)) + ", \"" + k[4] + "\": " + (rng.chance(50) ? "true" : "false");
    if (rng.chance(30)) {
        const Bytes t = genText(rng, size_t(rng.range(10, 200)));
        s += ", \"note\": \"" + std::string(t.begin(), t.end()) + "\"";
    }
    s += "}\n";
    return Bytes(s.begin(), s.end());
}

namespace {
void samples(Rng& rng, unsigned flavor, size_t nb, Bytes* all, std::vector<size_t>* sizes) {
    for (size_t i = 0; i < nb; i++) {
        Bytes r = genRecord(rng, flavor);
        // Some samples hold a few records.
        const unsigned extra = unsigned(rng.below(3));
        for (unsigned e = 0; e < extra; e++) {
            const Bytes more = genRecord(rng, flavor);
            r.insert(r.end(), more.begin(), more.end());
        }
        all->insert(all->end(), r.begin(), r.end());
        sizes->push_back(r.size());
    }
}
}  // namespace

Bytes trainDict(Rng& rng, unsigned flavor, size_t capacity, size_t nbSamples) {
    Bytes all;
    std::vector<size_t> sizes;
    samples(rng, flavor, nbSamples, &all, &sizes);
    Bytes dict(capacity);
    const size_t r = ZDICT_trainFromBuffer(dict.data(), capacity, all.data(), sizes.data(), unsigned(sizes.size()));
    if (ZDICT_isError(r)) {
        ADD_FAILURE() << "ZDICT_trainFromBuffer: " << ZDICT_getErrorName(r);
        return {};
    }
    dict.resize(r);
    return dict;
}

Bytes finalizeDict(Rng& rng, unsigned flavor, unsigned dictID, size_t capacity) {
    Bytes all;
    std::vector<size_t> sizes;
    samples(rng, flavor, 200, &all, &sizes);
    // Content: the tail of the sample set (recent records), as a trainer might pick.
    const size_t contentSize = std::min(all.size(), capacity / 2);
    Bytes content(all.end() - std::ptrdiff_t(contentSize), all.end());
    Bytes dict(capacity);
    ZDICT_params_t params{};
    params.compressionLevel = 3;
    params.dictID = dictID;
    const size_t r = ZDICT_finalizeDictionary(dict.data(), capacity, content.data(), content.size(), all.data(),
                                              sizes.data(), unsigned(sizes.size()), params);
    if (ZDICT_isError(r)) {
        ADD_FAILURE() << "ZDICT_finalizeDictionary: " << ZDICT_getErrorName(r);
        return {};
    }
    dict.resize(r);
    return dict;
}

// ---- Reference compressor -----------------------------------------------------------

namespace {
#define REF_OK(expr)                                                                      \
    do {                                                                                  \
        const size_t ref_ok_r_ = (expr);                                                  \
        if (ZSTD_isError(ref_ok_r_)) {                                                    \
            ADD_FAILURE() << #expr << ": " << ZSTD_getErrorName(ref_ok_r_);               \
        }                                                                                 \
    } while (0)
}  // namespace

RefCompressor::RefCompressor() : c_(ZSTD_createCCtx()) {}
RefCompressor::~RefCompressor() { ZSTD_freeCCtx(c_); }

void RefCompressor::setup(const RefParams& p, const RefDict& d) {
    REF_OK(ZSTD_CCtx_reset(c_, ZSTD_reset_session_and_parameters));
    REF_OK(ZSTD_CCtx_setParameter(c_, ZSTD_c_compressionLevel, p.level));
    if (p.windowLog) REF_OK(ZSTD_CCtx_setParameter(c_, ZSTD_c_windowLog, p.windowLog));
    REF_OK(ZSTD_CCtx_setParameter(c_, ZSTD_c_checksumFlag, p.checksum));
    REF_OK(ZSTD_CCtx_setParameter(c_, ZSTD_c_contentSizeFlag, p.contentSize));
    REF_OK(ZSTD_CCtx_setParameter(c_, ZSTD_c_dictIDFlag, p.dictIDFlag));
    if (p.magicless) REF_OK(ZSTD_CCtx_setParameter(c_, ZSTD_c_format, ZSTD_f_zstd1_magicless));
    if (p.ldm) REF_OK(ZSTD_CCtx_setParameter(c_, ZSTD_c_enableLongDistanceMatching, ZSTD_ps_enable));
    for (const auto& [param, value] : p.extra) REF_OK(ZSTD_CCtx_setParameter(c_, param, value));
    if (d.mode == RefDict::load)
        REF_OK(ZSTD_CCtx_loadDictionary_advanced(c_, d.bytes->data(), d.bytes->size(), ZSTD_dlm_byCopy, d.type));
    else if (d.mode == RefDict::prefix)
        REF_OK(ZSTD_CCtx_refPrefix_advanced(c_, d.bytes->data(), d.bytes->size(), d.type));
}

Bytes refFrame(ZSTD_CCtx* c, const Bytes& src) {
    Bytes out(ZSTD_compressBound(src.size()));
    const size_t r = ZSTD_compress2(c, out.data(), out.size(), src.data(), src.size());
    if (ZSTD_isError(r)) {
        ADD_FAILURE() << "reference ZSTD_compress2: " << ZSTD_getErrorName(r);
        return {};
    }
    out.resize(r);
    return out;
}

Bytes RefCompressor::compress(const Bytes& src, const RefParams& p, const RefDict& d) {
    setup(p, d);
    return refFrame(c_, src);
}

Bytes RefCompressor::compressStream(const Bytes& src, const RefParams& p, Rng& rng, const RefDict& d) {
    setup(p, d);
    Bytes out;
    Bytes buf(ZSTD_CStreamOutSize());
    size_t pos = 0;
    bool first = true;
    for (;;) {
        const bool last = pos == src.size();
        // Never let the first call be the ZSTD_e_end: the frame would learn its size.
        ZSTD_EndDirective mode = last && !first ? ZSTD_e_end : ZSTD_e_flush;
        if (!last && !rng.chance(30)) mode = ZSTD_e_continue;
        const size_t chunk = last ? 0 : std::min<size_t>(src.size() - pos, size_t(rng.range(1, 48 * 1024)));
        ZSTD_inBuffer in{src.data() + pos, chunk, 0};
        size_t r;
        do {
            ZSTD_outBuffer o{buf.data(), buf.size(), 0};
            r = ZSTD_compressStream2(c_, &o, &in, mode);
            if (ZSTD_isError(r)) {
                ADD_FAILURE() << "reference ZSTD_compressStream2: " << ZSTD_getErrorName(r);
                return {};
            }
            out.insert(out.end(), buf.begin(), buf.begin() + o.pos);
        } while ((mode != ZSTD_e_continue && r != 0) || in.pos < in.size);
        pos += in.pos;
        first = false;
        if (mode == ZSTD_e_end) break;
    }
    return out;
}

Bytes refSkippable(const Bytes& content, unsigned magicVariant) {
    Bytes out(content.size() + 8);
    const size_t r = ZSTD_writeSkippableFrame(out.data(), out.size(), content.data(), content.size(), magicVariant);
    if (ZSTD_isError(r)) {
        ADD_FAILURE() << "ZSTD_writeSkippableFrame: " << ZSTD_getErrorName(r);
        return {};
    }
    out.resize(r);
    return out;
}

size_t refDecompress(const Bytes& src, size_t capacity, Bytes* out, const Bytes* dict, bool magicless,
                     bool ignoreChecksum) {
    RefDCtx d;
    if (magicless) REF_OK(ZSTD_DCtx_setParameter(d, ZSTD_d_format, ZSTD_f_zstd1_magicless));
    if (ignoreChecksum) REF_OK(ZSTD_DCtx_setParameter(d, ZSTD_d_forceIgnoreChecksum, ZSTD_d_ignoreChecksum));
    if (dict) REF_OK(ZSTD_DCtx_loadDictionary(d, dict->data(), dict->size()));
    out->assign(capacity, 0);
    const size_t r = ZSTD_decompressDCtx(d, out->data(), capacity, src.data(), src.size());
    out->resize(ZSTD_isError(r) ? 0 : r);
    return r;
}

// ---- Handles -----------------------------------------------------------------------------

ZDCtx::ZDCtx() : p(zest::createDCtx(zest::kDefaultMem)) {
    if (!p) ADD_FAILURE() << "zest::createDCtx failed";
}
ZDCtx::~ZDCtx() { zest::freeDCtx(p); }

ZDDict::ZDDict(const Bytes& dict, zest::DictLoadMethod m, zest::DictContentType t)
    : p(zest::createDDict(dict.data(), dict.size(), m, t, zest::kDefaultMem)) {}
ZDDict::~ZDDict() { zest::freeDDict(p); }

RefDCtx::RefDCtx() : p(ZSTD_createDCtx()) {}
RefDCtx::~RefDCtx() { ZSTD_freeDCtx(p); }

std::string zdescr(size_t r) {
    if (zest::isError(r))
        return "error(" + std::to_string(zcode(r)) + " " + zest::errorName(r) + ")";
    return "ok(" + std::to_string(r) + ")";
}

std::string rdescr(size_t r) {
    if (ZSTD_isError(r)) return "error(" + std::to_string(rcode(r)) + " " + ZSTD_getErrorName(r) + ")";
    return "ok(" + std::to_string(r) + ")";
}

void zset(zest::DCtx* d, zest::DParam p, int value) {
    const size_t r = zest::dctxSetParameter(d, int(p), value);
    if (zest::isError(r)) ADD_FAILURE() << "dctxSetParameter(" << int(p) << ", " << value << "): " << zdescr(r);
}

long envLong(const char* name, long fallback) {
    const char* v = std::getenv(name);
    if (!v || !*v) return fallback;
    return std::strtol(v, nullptr, 10);
}

// ---- Drivers ------------------------------------------------------------------------------

size_t zestBufferless(const Bytes& m, const zest::DDict* dd, size_t capacity, Bytes* out) {
    ZDCtx d;
    out->assign(capacity + 1, 0);
    size_t pos = 0, op = 0;
    while (pos < m.size()) {
        if (dd) {
            zest::decompressBeginUsingDDict(d, dd);
        } else {
            zest::decompressBegin(d);
        }
        const size_t start = pos;
        for (;;) {
            const size_t n = zest::nextSrcSizeToDecompress(d);
            if (n == 0) break;
            if (n > m.size() - pos) return ZEST_ERR(srcSize_wrong);
            Bytes chunk(m.begin() + pos, m.begin() + pos + n);  // exact size: over-reads hit ASan
            const size_t r = zest::decompressContinue(d, out->data() + op, capacity - op, chunk.data(), n);
            if (zest::isError(r)) return r;
            op += r;
            pos += n;
        }
        if (pos == start) return ZEST_ERR(GENERIC);
    }
    out->resize(op);
    return op;
}

size_t zestOneShot(zest::DCtx* d, const Bytes& src, size_t capacity, Bytes* out) {
    out->assign(capacity, 0);
    const size_t r = zest::decompressDCtx(d, out->data(), capacity, src.data(), src.size());
    out->resize(zest::isError(r) ? 0 : std::min(r, capacity));
    return r;
}

namespace {
// Log-uniform in [1, maxChunk], with a bias toward very small sizes.
size_t chunkSize(Rng& rng, size_t maxChunk) {
    if (rng.chance(25)) return size_t(rng.range(1, std::min<size_t>(maxChunk, 16)));
    unsigned bits = 0;
    while ((size_t(1) << (bits + 1)) <= maxChunk) bits++;
    const size_t base = size_t(1) << rng.below(bits + 1);
    return std::min(maxChunk, base + size_t(rng.below(base)));
}
}  // namespace

StreamResult zestStream(zest::DCtx* d, const Bytes& src, Rng& rng, Split mode, size_t outCapacity,
                        size_t maxChunk) {
    StreamResult res;
    size_t pos = 0;
    unsigned idle = 0;
    const size_t maxCalls = 8 * (src.size() + outCapacity) + 1000;
    Bytes stable;
    zest::OutBuffer stableOut{nullptr, 0, 0};
    if (mode == Split::stableOut) {
        zset(d, zest::DParam::stableOutBuffer, 1);
        stable.assign(outCapacity, 0);
        stableOut = zest::OutBuffer{stable.data(), stable.size(), 0};
    }
    while (res.calls < maxCalls) {
        const size_t left = src.size() - pos;
        size_t inN = 0, outN = 1;
        switch (mode) {
        case Split::whole:
            inN = left;
            outN = std::max<size_t>(1, outCapacity > res.out.size() ? outCapacity - res.out.size() : 1);
            break;
        case Split::random:
        case Split::stableOut:
            inN = std::min(left, chunkSize(rng, maxChunk));
            outN = chunkSize(rng, maxChunk);
            break;
        case Split::tiny:
            inN = std::min<size_t>(left, size_t(rng.range(1, 4)));
            outN = size_t(rng.range(1, 4));
            break;
        case Split::oneByte:
            inN = std::min<size_t>(left, 1);
            outN = 1;
            break;
        }
        Bytes inBuf(src.begin() + pos, src.begin() + pos + inN);
        zest::InBuffer in{inBuf.data(), inN, 0};
        size_t r;
        size_t produced;
        if (mode == Split::stableOut) {
            const size_t before = stableOut.pos;
            r = zest::decompressStream(d, &stableOut, &in);
            produced = stableOut.pos - before;
            if (!zest::isError(r)) res.out.insert(res.out.end(), stable.begin() + before, stable.begin() + stableOut.pos);
        } else {
            Bytes outBuf(outN);
            zest::OutBuffer out{outBuf.data(), outN, 0};
            r = zest::decompressStream(d, &out, &in);
            produced = out.pos;
            if (!zest::isError(r)) res.out.insert(res.out.end(), outBuf.begin(), outBuf.begin() + out.pos);
        }
        res.calls++;
        if (zest::isError(r)) {
            res.error = r;
            break;
        }
        if (in.pos > inN) {
            ADD_FAILURE() << "decompressStream moved in.pos past in.size";
            res.error = ZEST_ERR(GENERIC);
            break;
        }
        pos += in.pos;
        if (r == 0) {
            res.zeroAt.push_back(pos);
            if (pos == src.size()) {
                res.complete = true;
                break;
            }
        }
        if (res.out.size() > outCapacity + (1u << 20)) break;  // runaway output (corrupted input)
        if (in.pos == 0 && produced == 0) {
            // Nothing left to give and nothing comes out: the input is incomplete.
            if (pos == src.size() && ++idle >= 3) break;
            if (pos < src.size() && ++idle >= 40) break;  // zest must have reported noForwardProgress by now
        } else {
            idle = 0;
        }
    }
    return res;
}

std::vector<size_t> frameEnds(const Bytes& src, bool magicless) {
    std::vector<size_t> ends;
    if (magicless) {
        ends.push_back(src.size());
        return ends;
    }
    size_t pos = 0;
    while (pos < src.size()) {
        const size_t n = ZSTD_findFrameCompressedSize(src.data() + pos, src.size() - pos);
        if (ZSTD_isError(n) || n == 0) {
            ADD_FAILURE() << "reference cannot walk frames at " << pos << ": " << rdescr(n);
            break;
        }
        pos += n;
        ends.push_back(pos);
    }
    if (src.empty()) ends.push_back(0);  // empty input counts as done at once
    return ends;
}

bool bufferlessLockstep(const Bytes& src, size_t outCapacity, bool magicless, const BufferlessDict& dict,
                        Bytes* out) {
    ZDCtx z;
    RefDCtx r;
    if (magicless) {
        zset(z, zest::DParam::format, 1);
        REF_OK(ZSTD_DCtx_setParameter(r, ZSTD_d_format, ZSTD_f_zstd1_magicless));
    }
    Bytes zo(outCapacity + 1), ro(outCapacity + 1);
    size_t pos = 0, zop = 0, rop = 0;
    while (pos < src.size()) {
        size_t zb, rb;
        if (dict.zdd) {
            zb = zest::decompressBeginUsingDDict(z, dict.zdd);
            rb = ZSTD_decompressBegin_usingDDict(r, dict.rdd);
        } else if (dict.dict) {
            zb = zest::decompressBeginUsingDict(z, dict.dict->data(), dict.dict->size());
            rb = ZSTD_decompressBegin_usingDict(r, dict.dict->data(), dict.dict->size());
        } else {
            zb = zest::decompressBegin(z);
            rb = ZSTD_decompressBegin(r);
        }
        if (zcode(zb) != rcode(rb)) {
            ADD_FAILURE() << "decompressBegin: zest " << zdescr(zb) << " vs ref " << rdescr(rb);
            return false;
        }
        const size_t frameStart = pos;
        for (;;) {
            const size_t zn = zest::nextSrcSizeToDecompress(z);
            const size_t rn = ZSTD_nextSrcSizeToDecompress(r);
            const int zt = int(zest::nextInputType(z));
            const int rt = int(ZSTD_nextInputType(r));
            if (zn != rn || zt != rt) {
                ADD_FAILURE() << "bufferless at offset " << pos << " (frame at " << frameStart
                              << "): zest wants " << zn << " bytes of type " << zt << ", reference " << rn
                              << " of type " << rt;
                return false;
            }
            if (zn == 0) break;
            if (zn > src.size() - pos) {
                ADD_FAILURE() << "bufferless asks for " << zn << " bytes at " << pos << ", only "
                              << src.size() - pos << " left";
                return false;
            }
            Bytes chunk(src.begin() + pos, src.begin() + pos + zn);
            const size_t zr = zest::decompressContinue(z, zo.data() + zop, outCapacity - zop, chunk.data(), zn);
            const size_t rr = ZSTD_decompressContinue(r, ro.data() + rop, outCapacity - rop, chunk.data(), zn);
            if (zcode(zr) != rcode(rr) || (!zest::isError(zr) && zr != rr)) {
                ADD_FAILURE() << "decompressContinue at offset " << pos << " (" << zn << " bytes, type " << zt
                              << "): zest " << zdescr(zr) << " vs ref " << rdescr(rr);
                return false;
            }
            if (zest::isError(zr)) {
                ADD_FAILURE() << "bufferless decode failed on both sides at " << pos << ": " << zdescr(zr);
                return false;
            }
            zop += zr;
            rop += rr;
            pos += zn;
        }
        if (pos == frameStart) {
            ADD_FAILURE() << "bufferless made no progress at " << pos;
            return false;
        }
    }
    zo.resize(zop);
    ro.resize(rop);
    EXPECT_TRUE(zo == ro) << "bufferless outputs differ";
    *out = std::move(zo);
    return true;
}

// ---- Frame inspection -------------------------------------------------------------------

namespace {

void compareHeader(const uint8_t* p, size_t n, bool magicless, const std::string& where) {
    zest::FrameHeader zh;
    ZSTD_frameHeader rh;  // named ZSTD_FrameHeader from 1.5.7 on; same layout
    const size_t zr = zest::getFrameHeader(&zh, p, n, magicless ? zest::Format::zstd1_magicless : zest::Format::zstd1);
    const size_t rr = ZSTD_getFrameHeader_advanced(&rh, p, n, magicless ? ZSTD_f_zstd1_magicless : ZSTD_f_zstd1);
    EXPECT_EQ(zr, rr) << where << " getFrameHeader: zest " << zdescr(zr) << " ref " << rdescr(rr);
    if (zr == 0 && rr == 0) {
        EXPECT_EQ(zh.frameContentSize, rh.frameContentSize) << where;
        EXPECT_EQ(zh.windowSize, rh.windowSize) << where;
        EXPECT_EQ(zh.blockSizeMax, rh.blockSizeMax) << where;
        EXPECT_EQ(int(zh.frameType), int(rh.frameType)) << where;
        EXPECT_EQ(zh.checksumFlag, rh.checksumFlag) << where;
        if (rh.frameType == ZSTD_skippableFrame) {
            // Known version difference: from 1.5.6 on the reference reports a
            // skippable frame's magic variant in dictID and its header size (8);
            // Debian's 1.5.4 leaves both 0. zest follows 1.5.7.
            EXPECT_EQ(zh.dictID, (p[0] | p[1] << 8 | p[2] << 16 | unsigned(p[3]) << 24) - ZSTD_MAGIC_SKIPPABLE_START)
                << where << " skippable magic variant";
            EXPECT_EQ(zh.headerSize, 8u) << where;
        } else {
            EXPECT_EQ(zh.headerSize, rh.headerSize) << where;
            EXPECT_EQ(zh.dictID, rh.dictID) << where;
        }
    }
}

void compareAt(const uint8_t* p, size_t n, const std::string& where) {
    compareHeader(p, n, false, where);
    EXPECT_EQ(zest::getFrameContentSize(p, n), ZSTD_getFrameContentSize(p, n)) << where << " getFrameContentSize";
    {
        const size_t z = zest::findFrameCompressedSize(p, n, zest::Format::zstd1);
        const size_t r = ZSTD_findFrameCompressedSize(p, n);
        EXPECT_EQ(z, r) << where << " findFrameCompressedSize: zest " << zdescr(z) << " ref " << rdescr(r);
    }
    EXPECT_EQ(zest::findDecompressedSize(p, n), ZSTD_findDecompressedSize(p, n)) << where << " findDecompressedSize";
    EXPECT_EQ(zest::decompressBound(p, n), ZSTD_decompressBound(p, n)) << where << " decompressBound";
    {
        const size_t z = zest::decompressionMargin(p, n);
        const size_t r = ZSTD_decompressionMargin(p, n);
        EXPECT_EQ(z, r) << where << " decompressionMargin: zest " << zdescr(z) << " ref " << rdescr(r);
    }
    if (n >= 5) {
        const size_t z = zest::frameHeaderSize(p, n, zest::Format::zstd1);
        const size_t r = ZSTD_frameHeaderSize(p, n);
        // The reference also checks the magic number; zest's helper only reads
        // the descriptor. Compare on real zstd frames only.
        if (n >= 4 && ZSTD_isFrame(p, n) && !ZSTD_isSkippableFrame(p, n)) {
            EXPECT_EQ(z, r) << where << " frameHeaderSize: zest " << zdescr(z) << " ref " << rdescr(r);
        }
    }
    if (n >= 8 && ZSTD_isSkippableFrame(p, n)) {
        // 1.5.7 returns the magic variant (see compareHeader); 1.5.4 returns 0.
        EXPECT_EQ(zest::getDictIDFromFrame(p, n), unsigned(p[0] - 0x50)) << where << " getDictIDFromFrame (skippable)";
    } else {
        EXPECT_EQ(zest::getDictIDFromFrame(p, n), ZSTD_getDictID_fromFrame(p, n)) << where << " getDictIDFromFrame";
    }
    EXPECT_EQ(zest::isFrame(p, n), ZSTD_isFrame(p, n) != 0) << where << " isFrame";
    EXPECT_EQ(zest::isSkippableFrame(p, n), ZSTD_isSkippableFrame(p, n) != 0) << where << " isSkippableFrame";
    if (n >= 4 && ZSTD_isSkippableFrame(p, n)) {
        for (size_t cap : {size_t(0), size_t(1), size_t(300), n}) {
            Bytes zd(cap + 1), rd(cap + 1);
            unsigned zv = 99, rv = 98;
            const size_t z = zest::readSkippableFrame(zd.data(), cap, &zv, p, n);
            const size_t r = ZSTD_readSkippableFrame(rd.data(), cap, &rv, p, n);
            EXPECT_EQ(z, r) << where << " readSkippableFrame cap " << cap << ": zest " << zdescr(z) << " ref "
                            << rdescr(r);
            if (z == r && !ZSTD_isError(r)) {
                EXPECT_EQ(zv, rv) << where << " magic variant";
                EXPECT_TRUE(std::equal(zd.begin(), zd.begin() + z, rd.begin())) << where << " skippable content";
            }
        }
    }
}

}  // namespace

void checkInspection(const Bytes& src, bool magicless) {
    if (magicless) {
        for (size_t n = 0; n <= std::min<size_t>(src.size(), 20); n++)
            compareHeader(src.data(), n, true, "magicless prefix " + std::to_string(n));
        compareHeader(src.data(), src.size(), true, "magicless whole");
        EXPECT_EQ(zest::findFrameCompressedSize(src.data(), src.size(), zest::Format::zstd1_magicless), src.size());
        return;
    }
    const std::vector<size_t> ends = frameEnds(src);
    size_t start = 0;
    for (size_t f = 0; f < ends.size() && start < src.size(); f++) {
        const uint8_t* p = src.data() + start;
        const size_t rest = src.size() - start;
        const size_t frameLen = ends[f] - start;
        const std::string where = "frame " + std::to_string(f) + " at " + std::to_string(start);
        for (size_t n = 0; n <= std::min<size_t>(rest, 24); n++) compareAt(p, n, where + " prefix " + std::to_string(n));
        for (size_t back = 1; back <= 5 && back <= frameLen; back++)
            compareAt(p, frameLen - back, where + " minus " + std::to_string(back));
        compareAt(p, frameLen, where + " exact");
        compareAt(p, rest, where + " to end");
        start = ends[f];
    }
    compareAt(src.data(), src.size(), "whole buffer");
}

// ---- Full decode check ---------------------------------------------------------------------

void checkDecodes(const Bytes& frame, const Bytes& expected, Rng& rng, const DecodeOptions& o) {
    const size_t cap = expected.size();
    const zest::DictContentType dtype = o.rawDict ? zest::DictContentType::rawContent : zest::DictContentType::autoDetect;
    const std::vector<size_t> ends = frameEnds(frame, o.magicless);

    ZDCtx d;
    auto resetCtx = [&] {
        ASSERT_FALSE(zest::isError(zest::dctxReset(d, zest::ResetDirective::session_and_parameters)));
        if (o.magicless) zset(d, zest::DParam::format, 1);
    };

    // ---- One-shot ----
    {
        Bytes out;
        resetCtx();
        if (!o.dict) {
            if (!o.magicless) {
                Bytes buf(cap);
                const size_t r = zest::decompress(buf.data(), cap, frame.data(), frame.size());
                EXPECT_EQ(r, cap) << "zest::decompress " << zdescr(r);
                EXPECT_TRUE(buf == expected) << "zest::decompress output differs";
            }
            size_t r = zestOneShot(d, frame, cap, &out);
            EXPECT_EQ(r, cap) << "decompressDCtx " << zdescr(r);
            EXPECT_TRUE(out == expected) << "decompressDCtx output differs";
            r = zestOneShot(d, frame, cap + 1000, &out);  // spare room
            EXPECT_EQ(r, cap) << "decompressDCtx (large dst) " << zdescr(r);
            EXPECT_TRUE(out == expected) << "decompressDCtx (large dst) output differs";
        } else {
            const Bytes& dict = *o.dict;
            if (!o.rawDict) {
                Bytes buf(cap);
                const size_t r = zest::decompressUsingDict(d, buf.data(), cap, frame.data(), frame.size(),
                                                           dict.data(), dict.size());
                EXPECT_EQ(r, cap) << "decompressUsingDict " << zdescr(r);
                EXPECT_TRUE(buf == expected) << "decompressUsingDict output differs";
            }
            for (auto m : {zest::DictLoadMethod::byCopy, zest::DictLoadMethod::byRef}) {
                ZDDict dd(dict, m, dtype);
                ASSERT_NE(dd.p, nullptr) << "createDDict failed";
                Bytes buf(cap);
                size_t r = zest::decompressUsingDDict(d, buf.data(), cap, frame.data(), frame.size(), dd);
                EXPECT_EQ(r, cap) << "decompressUsingDDict " << zdescr(r);
                EXPECT_TRUE(buf == expected) << "decompressUsingDDict output differs";

                resetCtx();
                ASSERT_FALSE(zest::isError(zest::dctxRefDDict(d, dd)));
                for (int rep = 0; rep < 2; rep++) {  // the reference stays for every frame
                    r = zestOneShot(d, frame, cap, &out);
                    EXPECT_EQ(r, cap) << "refDDict + decompressDCtx #" << rep << " " << zdescr(r);
                    EXPECT_TRUE(out == expected) << "refDDict + decompressDCtx output differs";
                }

                resetCtx();
                ASSERT_FALSE(zest::isError(zest::dctxLoadDictionary(d, dict.data(), dict.size(), m, dtype)));
                for (int rep = 0; rep < 2; rep++) {
                    r = zestOneShot(d, frame, cap, &out);
                    EXPECT_EQ(r, cap) << "loadDictionary + decompressDCtx #" << rep << " " << zdescr(r);
                    EXPECT_TRUE(out == expected) << "loadDictionary + decompressDCtx output differs";
                }
            }
        }
    }

    // ---- Streaming ----
    std::unique_ptr<ZDDict> sdd;
    if (o.dict) sdd = std::make_unique<ZDDict>(*o.dict, zest::DictLoadMethod::byRef, dtype);
    std::vector<Split> modes = {Split::whole, Split::stableOut};
    for (int i = 0; i < o.streamRuns; i++) modes.push_back(Split::random);
    if (frame.size() <= 4096) modes.push_back(Split::tiny);
    if (o.oneByte) modes.push_back(Split::oneByte);
    int variant = 0;
    for (Split mode : modes) {
        resetCtx();
        std::string how = "plain";
        if (o.dict) {
            switch (variant++ % 4) {
            case 0:
                how = "dctxLoadDictionary";
                ASSERT_FALSE(zest::isError(zest::dctxLoadDictionary(d, o.dict->data(), o.dict->size(),
                                                                    zest::DictLoadMethod::byCopy, dtype)));
                break;
            case 1:
                if (!o.rawDict) {
                    how = "initDStreamUsingDict";
                    ASSERT_FALSE(zest::isError(zest::initDStreamUsingDict(d, o.dict->data(), o.dict->size())));
                    break;
                }
                [[fallthrough]];
            case 2:
                how = "initDStreamUsingDDict";
                ASSERT_FALSE(zest::isError(zest::initDStreamUsingDDict(d, *sdd)));
                break;
            default:
                how = "dctxRefDDict";
                ASSERT_FALSE(zest::isError(zest::dctxRefDDict(d, *sdd)));
                break;
            }
        } else if (variant++ % 2) {
            how = "initDStream";
            ASSERT_FALSE(zest::isError(zest::initDStream(d)));
        }
        const StreamResult r = zestStream(d, frame, rng, mode, cap);
        SCOPED_TRACE("streaming mode " + std::to_string(int(mode)) + " (" + how + ")");
        EXPECT_EQ(r.error, 0u) << zdescr(r.error);
        EXPECT_TRUE(r.complete) << "stream did not finish (" << r.calls << " calls)";
        EXPECT_EQ(r.out.size(), expected.size());
        EXPECT_TRUE(r.out == expected) << "streaming output differs";
        EXPECT_EQ(r.zeroAt, ends) << "decompressStream must return 0 exactly at each frame end";
    }

    // ---- Bufferless, in lockstep with the reference ----
    if (o.bufferless) {
        Bytes out;
        BufferlessDict bd;
        ZSTD_DDict* rdd = nullptr;
        if (o.dict) {
            if (o.rawDict || rng.chance(50)) {
                rdd = ZSTD_createDDict_advanced(o.dict->data(), o.dict->size(), ZSTD_dlm_byRef,
                                                o.rawDict ? ZSTD_dct_rawContent : ZSTD_dct_auto, ZSTD_defaultCMem);
                bd.zdd = *sdd;
                bd.rdd = rdd;
            } else {
                bd.dict = o.dict;
            }
        }
        if (bufferlessLockstep(frame, cap, o.magicless, bd, &out)) {
            EXPECT_TRUE(out == expected) << "bufferless output differs";
        }
        ZSTD_freeDDict(rdd);
    }

    if (o.inspect) checkInspection(frame, o.magicless);
}

}  // namespace zt
