#include "compress_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <vector>

namespace zt {

using zest::EndDirective;

std::string at(const char* what, long long a, long long b, long long c) {
    std::string s = what;
    s += " " + std::to_string(a);
    if (b != LLONG_MIN) s += " " + std::to_string(b);
    if (c != LLONG_MIN) s += " " + std::to_string(c);
    return s;
}

void cset(zest::CCtx* c, int param, int value) {
    const size_t r = zest::cctxSetParameter(c, param, value);
    ASSERT_FALSE(zest::isError(r)) << "cctxSetParameter(" << param << ", " << value << "): " << zdescr(r);
}

void rset(ZSTD_CCtx* c, int param, int value) {
    const size_t r = ZSTD_CCtx_setParameter(c, ZSTD_cParameter(param), value);
    ASSERT_FALSE(ZSTD_isError(r)) << "ZSTD_CCtx_setParameter(" << param << ", " << value << "): " << rdescr(r);
}

void zreset(zest::CCtx* c) { zest::cctxReset(c, zest::ResetDirective::session_and_parameters); }

Bytes zframe(zest::CCtx* c, const Bytes& src) {
    Buf dst(zest::compressBound(src.size()));
    const size_t r = zest::compress2(c, dst.data(), dst.size(), src.data(), src.size());
    if (zest::isError(r)) {
        ADD_FAILURE() << "zest::compress2: " << zdescr(r);
        return {};
    }
    EXPECT_LE(r, dst.size());
    return dst.take(r);
}

Bytes staticFrame(const zest::CCtxParams* p, size_t workspaceSize, const Bytes& src, unsigned* jobs) {
    std::vector<uint64_t> workspace(workspaceSize / 8 + 1);
    zest::CCtx* c = zest::initStaticCCtx(workspace.data(), workspaceSize);
    if (!c) {
        ADD_FAILURE() << "initStaticCCtx refused " << workspaceSize << " bytes";
        return {};
    }
    const size_t set = zest::cctxSetParametersUsingCCtxParams(c, p);
    if (zest::isError(set)) {
        ADD_FAILURE() << "cctxSetParametersUsingCCtxParams: " << zdescr(set);
        return {};
    }
    const Bytes frame = zframe(c, src);
    if (jobs) *jobs = zest::getFrameProgression(c).currentJobID;
    expectDecodes(frame, src);
    return frame;
}

ZSTD_frameHeader header(const Bytes& frame, bool magicless) {
    ZSTD_frameHeader fh{};
    const size_t r = ZSTD_getFrameHeader_advanced(&fh, frame.data(), frame.size(),
                                                  magicless ? ZSTD_f_zstd1_magicless : ZSTD_f_zstd1);
    EXPECT_EQ(r, 0u) << "frame header: " << rdescr(r);
    return fh;
}

std::vector<BlockInfo> blocksOf(const Bytes& frame) {
    std::vector<BlockInfo> blocks;
    const size_t headerSize = ZSTD_frameHeaderSize(frame.data(), frame.size());
    if (ZSTD_isError(headerSize)) return blocks;
    for (size_t pos = headerSize; pos + 3 <= frame.size();) {
        const unsigned h = frame[pos] | (frame[pos + 1] << 8) | (frame[pos + 2] << 16);
        const BlockInfo b{(h >> 1) & 3, h >> 3, (h & 1) != 0};
        blocks.push_back(b);
        pos += 3 + (b.type == 1 ? 1 : b.size);
        if (b.last) break;
    }
    return blocks;
}

Bytes slice(const Bytes& b, size_t from, size_t n) {
    return Bytes(b.begin() + std::ptrdiff_t(from), b.begin() + std::ptrdiff_t(from + n));
}

Bytes cat(const Bytes& a, const Bytes& b) { return cat({&a, &b}); }

Bytes cat(std::initializer_list<const Bytes*> parts) {
    Bytes r;
    for (const Bytes* p : parts) r.insert(r.end(), p->begin(), p->end());
    return r;
}

// ---- Decoding oracles ----------------------------------------------------------------

void attachForReference(ZSTD_DCtx* d, const DecodeWith& o) {
    if (o.magicless) ZSTD_DCtx_setParameter(d, ZSTD_d_format, ZSTD_f_zstd1_magicless);
    if (!o.dict) return;
    size_t r = 0;
    switch (o.how) {
    case DecodeWith::load: r = ZSTD_DCtx_loadDictionary(d, o.dict->data(), o.dict->size()); break;
    case DecodeWith::rawContent:
        r = ZSTD_DCtx_loadDictionary_advanced(d, o.dict->data(), o.dict->size(), ZSTD_dlm_byCopy,
                                              ZSTD_dct_rawContent);
        break;
    case DecodeWith::prefix: r = ZSTD_DCtx_refPrefix(d, o.dict->data(), o.dict->size()); break;
    }
    EXPECT_FALSE(ZSTD_isError(r)) << rdescr(r);
}

void attachForZest(zest::DCtx* d, const DecodeWith& o) {
    if (o.magicless) zset(d, zest::DParam::format, 1);
    if (!o.dict) return;
    size_t r = 0;
    switch (o.how) {
    case DecodeWith::load:
        r = zest::dctxLoadDictionary(d, o.dict->data(), o.dict->size(), zest::DictLoadMethod::byCopy,
                                     zest::DictContentType::autoDetect);
        break;
    case DecodeWith::rawContent:
        r = zest::dctxLoadDictionary(d, o.dict->data(), o.dict->size(), zest::DictLoadMethod::byCopy,
                                     zest::DictContentType::rawContent);
        break;
    case DecodeWith::prefix:
        r = zest::dctxRefPrefix(d, o.dict->data(), o.dict->size(), zest::DictContentType::rawContent);
        break;
    }
    EXPECT_FALSE(zest::isError(r)) << zdescr(r);
}

namespace {

// A one-shot result r with its output in dst against the expected bytes.
void expectOutput(const char* who, size_t r, std::string (*descr)(size_t), Buf& dst, const Bytes& expected) {
    EXPECT_EQ(r, expected.size()) << who << ": " << descr(r);
    if (r == expected.size() && r) EXPECT_EQ(std::memcmp(dst.data(), expected.data(), r), 0) << who << " output";
}

// The reference's streaming decoder under o.windowLogMax, output in small windows.
void expectReferenceStreamDecodes(const Bytes& frames, const Bytes& expected, const DecodeWith& o) {
    RefDCtx d;
    ZSTD_DCtx_setParameter(d, ZSTD_d_windowLogMax, o.windowLogMax);
    attachForReference(d, o);
    Bytes out;
    Buf window(4096);
    ZSTD_inBuffer in{frames.data(), frames.size(), 0};
    size_t r = 1;
    while (in.pos < in.size || r != 0) {
        ZSTD_outBuffer ob{window.data(), window.size(), 0};
        r = ZSTD_decompressStream(d, &ob, &in);
        if (ZSTD_isError(r)) break;
        out.insert(out.end(), window.data(), window.data() + ob.pos);
        if (in.pos == in.size && ob.pos == 0 && r != 0) break;  // truncated
    }
    EXPECT_EQ(r, 0u) << "reference stream decoder with windowLogMax " << o.windowLogMax << ": " << rdescr(r);
    EXPECT_TRUE(out == expected) << "reference stream decoder output";
}

}  // namespace

void expectDecodes(const Bytes& frames, const Bytes& expected, const DecodeWith& o) {
    {
        RefDCtx d;
        attachForReference(d, o);
        Buf dst(expected.size());
        const size_t r = ZSTD_decompressDCtx(d, dst.data(), dst.size(), frames.data(), frames.size());
        expectOutput("reference decoder", r, rdescr, dst, expected);
    }
    {
        ZDCtx d;
        attachForZest(d, o);
        Buf dst(expected.size());
        const size_t r = zest::decompressDCtx(d, dst.data(), dst.size(), frames.data(), frames.size());
        expectOutput("zest decoder", r, zdescr, dst, expected);
    }
    if (o.dict && o.how == DecodeWith::load) {
        ZDCtx d;
        if (o.magicless) zset(d, zest::DParam::format, 1);
        Buf dst(expected.size());
        const size_t r = zest::decompressUsingDict(d, dst.data(), dst.size(), frames.data(), frames.size(),
                                                   o.dict->data(), o.dict->size());
        expectOutput("zest decoder (decompressUsingDict)", r, zdescr, dst, expected);
    }
    if (o.windowLogMax) {
        expectReferenceStreamDecodes(frames, expected, o);
        ZDCtx d;
        zset(d, zest::DParam::windowLogMax, o.windowLogMax);
        attachForZest(d, o);
        Rng rng(frames.size());
        const StreamResult r = zestStream(d, frames, rng, Split::random, expected.size(), 1 << 16);
        EXPECT_EQ(r.error, 0u) << "zest stream decoder with windowLogMax " << o.windowLogMax << ": "
                               << zdescr(r.error);
        EXPECT_TRUE(r.complete) << "zest stream decoder did not finish";
        EXPECT_TRUE(r.out == expected) << "zest stream decoder output";
    }
}

IncrementalDecoder::IncrementalDecoder(const DecodeWith* o) : window_(1 << 17) {
    if (o) attachForReference(d_, *o);
}

void IncrementalDecoder::feed(const uint8_t* p, size_t n) {
    if (n == 0 || ZSTD_isError(last_)) return;
    ZSTD_inBuffer in{p, n, 0};
    for (;;) {
        ZSTD_outBuffer ob{window_.data(), window_.size(), 0};
        const size_t before = in.pos;
        const size_t r = ZSTD_decompressStream(d_, &ob, &in);
        // A call with nothing to do (the window was exactly filled
        // before) says nothing about the frame.
        if (ZSTD_isError(r) || ob.pos || in.pos != before) last_ = r;
        if (ZSTD_isError(r)) return;
        out.insert(out.end(), window_.data(), window_.data() + ob.pos);
        if (in.pos == in.size && ob.pos < ob.size) return;
    }
}

// ---- Streaming driver ------------------------------------------------------------------

Bytes zestStreamCompress(zest::CCtx* c, const Bytes& src, Rng& rng, const StreamShape& s) {
    Bytes frame;
    IncrementalDecoder dec(s.dict);
    Buf whole(src.size());  // the stable input buffer
    if (!src.empty()) std::memcpy(whole.data(), src.data(), src.size());
    Buf stableDst(zest::compressBound(src.size()) + 64);
    size_t stablePos = 0;
    size_t pos = 0;
    size_t checked = 0;  // decoded output already compared with the source
    int idle = 0;
    for (;;) {
        const size_t remaining = src.size() - pos;
        size_t piece = rng.chance(5) ? 0 : size_t(rng.range(1, s.maxIn));
        piece = std::min(piece, remaining);
        EndDirective dir = EndDirective::continue_;
        if (rng.chance(s.flushPercent)) dir = EndDirective::flush;
        if (piece == remaining && rng.chance(50)) dir = EndDirective::end;
        Buf chunk(piece);
        if (piece) std::memcpy(chunk.data(), src.data() + pos, piece);
        zest::InBuffer in = s.stableIn ? zest::InBuffer{whole.data(), pos + piece, pos}
                                       : zest::InBuffer{chunk.data(), piece, 0};
        const size_t inEnd = in.size;
        for (;;) {
            size_t r;
            size_t produced;
            const uint8_t* outStart;
            if (s.stableOut) {
                zest::OutBuffer ob{stableDst.data(), stableDst.size(), stablePos};
                r = zest::compressStream2(c, &ob, &in, dir);
                outStart = stableDst.data() + stablePos;
                produced = ob.pos - stablePos;
                stablePos = ob.pos;
            } else {
                Buf window(rng.chance(3) ? 0 : size_t(rng.range(1, s.maxOut)));
                zest::OutBuffer ob{window.data(), window.size(), 0};
                r = zest::compressStream2(c, &ob, &in, dir);
                frame.insert(frame.end(), window.data(), window.data() + ob.pos);
                outStart = frame.data() + frame.size() - ob.pos;
                produced = ob.pos;
            }
            if (zest::isError(r)) {
                ADD_FAILURE() << "compressStream2 at input " << pos << ": " << zdescr(r);
                return {};
            }
            if (s.checkPrefixes) dec.feed(outStart, produced);
            const bool consumed = in.pos == inEnd;
            if (consumed && (dir == EndDirective::continue_ || r == 0)) break;
            idle = produced ? 0 : idle + 1;
            if (idle > 100) {
                ADD_FAILURE() << "compressStream2 makes no progress";
                return {};
            }
        }
        pos += piece;
        if (dir != EndDirective::continue_ && s.checkPrefixes) {
            EXPECT_FALSE(ZSTD_isError(dec.last())) << "reference decoder: " << rdescr(dec.last());
            // dec.out only grows: what was compared before stays compared.
            if (dec.out.size() != pos || !std::equal(dec.out.begin() + std::ptrdiff_t(checked), dec.out.end(),
                                                     src.begin() + std::ptrdiff_t(checked))) {
                ADD_FAILURE() << "after a flush at input " << pos << " the output decodes to " << dec.out.size()
                              << " bytes";
                return {};
            }
            checked = pos;
        }
        if (dir == EndDirective::end) break;
    }
    if (s.stableOut) frame = stableDst.take(stablePos);
    if (s.checkPrefixes) EXPECT_EQ(dec.last(), 0u) << "the frame does not end";
    return frame;
}

// ---- Data ---------------------------------------------------------------------------

std::vector<Bytes> records(Rng& rng, unsigned flavor, int n) {
    std::vector<Bytes> v;
    for (int i = 0; i < n; i++) v.push_back(genRecord(rng, flavor));
    return v;
}

Bytes recordRun(Rng& rng, unsigned flavor, size_t n) {
    Bytes all;
    while (all.size() < n) {
        const Bytes r = genRecord(rng, flavor);
        all.insert(all.end(), r.begin(), r.end());
    }
    return all;
}

Bytes quoting(Rng& rng, const Bytes& from, size_t n) {
    Bytes s;
    while (s.size() < n) {
        const size_t len = size_t(rng.range(20, 400));
        const size_t at = size_t(rng.below(from.size() - len));
        s.insert(s.end(), from.begin() + std::ptrdiff_t(at), from.begin() + std::ptrdiff_t(at + len));
        const Bytes t = genText(rng, size_t(rng.range(0, 100)));
        s.insert(s.end(), t.begin(), t.end());
    }
    s.resize(n);
    return s;
}

}  // namespace zt
