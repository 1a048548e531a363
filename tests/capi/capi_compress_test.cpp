// Compression through the C API, as a C program uses it: one-shot and
// streaming round trips, contexts in caller memory, prepared dictionaries,
// skippable frames, and (in the capi_compress_alloc binaries, built with
// CAPI_COMPRESS_ALLOC) custom allocators with the C allocator interposed to
// prove the library never calls it behind ZSTD_customMem's back.
#include "capi_util.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>

using namespace capi;

namespace {

// Deterministic word-ish text (no reference library in these binaries).
Bytes makeText(size_t n, unsigned seed) {
    static const char* const kWords[] = {"alpha ", "beta ",  "gamma ", "delta ", "frame ", "block ", "the ",
                                         "of ",    "window ", "match ", "zstd ",  "\n",     "42 ",    "a "};
    Bytes out;
    out.reserve(n + 16);
    uint32_t x = seed * 2654435761u + 1;
    while (out.size() < n) {
        x = x * 1103515245u + 12345u;
        const char* w = kWords[(x >> 16) % (sizeof kWords / sizeof kWords[0])];
        out.insert(out.end(), w, w + std::strlen(w));
    }
    out.resize(n);
    return out;
}

// Uninitialized 8-byte aligned memory for static contexts: large workspaces
// cost nothing until the library touches them.
class RawWorkspace {
public:
    explicit RawWorkspace(size_t n) : w_(new uint64_t[n / 8 + 1]), n_(n) {}
    void* data() { return w_.get(); }
    size_t size() const { return n_; }

private:
    std::unique_ptr<uint64_t[]> w_;
    size_t n_;
};

}  // namespace

#if !defined(CAPI_COMPRESS_ALLOC)

namespace {

struct CCtxDeleter {
    void operator()(ZSTD_CCtx* c) const { ZSTD_freeCCtx(c); }
};
struct CDictDeleter {
    void operator()(ZSTD_CDict* d) const { ZSTD_freeCDict(d); }
};
using CCtxPtr = std::unique_ptr<ZSTD_CCtx, CCtxDeleter>;
using CDictPtr = std::unique_ptr<ZSTD_CDict, CDictDeleter>;

// A frame must decode (one-shot, optionally with a dictionary) to `expected`.
void expectRoundTrip(const Bytes& frame, const Bytes& expected, const Bytes* dict = nullptr) {
    Bytes out(expected.size() + 1);
    const size_t r = dict ? ZSTD_decompress_usingDict(DCtxPtr(ZSTD_createDCtx()).get(), out.data(), out.size(),
                                                      frame.data(), frame.size(), dict->data(), dict->size())
                          : ZSTD_decompress(out.data(), out.size(), frame.data(), frame.size());
    ASSERT_EQ(r, expected.size()) << show(r);
    out.resize(r);
    EXPECT_TRUE(out == expected);
}

// Streams src through ZSTD_compressStream2_simpleArgs in `piece`-byte inputs
// and `window`-byte outputs, then ends the frame.
size_t streamCompress(ZSTD_CCtx* c, const Bytes& src, size_t piece, size_t window, Bytes& frame) {
    Bytes buf(window);
    size_t srcPos = 0;
    for (;;) {
        const size_t end = std::min(src.size(), srcPos + piece);
        const ZSTD_EndDirective op = end == src.size() ? ZSTD_e_end : ZSTD_e_continue;
        size_t r;
        do {
            size_t dstPos = 0;
            r = ZSTD_compressStream2_simpleArgs(c, buf.data(), buf.size(), &dstPos, src.data(), end, &srcPos, op);
            if (ZSTD_isError(r)) return r;
            frame.insert(frame.end(), buf.begin(), buf.begin() + std::ptrdiff_t(dstPos));
        } while (op == ZSTD_e_end ? r != 0 : srcPos < end);
        if (op == ZSTD_e_end) return 0;
    }
}

TEST(Compress, SimpleRoundTrip) {
    for (size_t n : {size_t(0), size_t(1), size_t(1000), size_t(200000)}) {
        const Bytes src = makeText(n, unsigned(n));
        for (int level : {ZSTD_minCLevel(), -5, 0, 1, 3, 19, ZSTD_maxCLevel()}) {
            SCOPED_TRACE("size " + std::to_string(n) + " level " + std::to_string(level));
            const size_t bound = ZSTD_compressBound(n);
            ASSERT_FALSE(ZSTD_isError(bound));
            Bytes frame(bound);
            const size_t r = ZSTD_compress(frame.data(), frame.size(), src.data(), src.size(), level);
            ASSERT_FALSE(ZSTD_isError(r)) << ZSTD_getErrorName(r);
            ASSERT_LE(r, bound);
            frame.resize(r);
            EXPECT_EQ(ZSTD_getFrameContentSize(frame.data(), frame.size()), n);
            EXPECT_EQ(ZSTD_findFrameCompressedSize(frame.data(), frame.size()), r);
            expectRoundTrip(frame, src);
            // One byte short of what the frame needs, and no room at all.
            Bytes tight(r - 1);
            EXPECT_ZSTD_ERR(ZSTD_compress(tight.data(), tight.size(), src.data(), src.size(), level),
                            ZSTD_error_dstSize_tooSmall);
            EXPECT_ZSTD_ERR(ZSTD_compress(nullptr, 0, src.data(), src.size(), level), ZSTD_error_dstSize_tooSmall);
        }
    }
    EXPECT_TRUE(ZSTD_isError(ZSTD_compressBound(size_t(-1))));
}

TEST(Compress, ContextParameters) {
    const Bytes src = makeText(50000, 7);
    CCtxPtr c(ZSTD_createCCtx());
    ASSERT_TRUE(c);
    EXPECT_EQ(ZSTD_CCtx_setParameter(c.get(), ZSTD_c_compressionLevel, 7), 7u);
    EXPECT_EQ(ZSTD_CCtx_setParameter(c.get(), ZSTD_c_checksumFlag, 5), 1u);
    EXPECT_EQ(ZSTD_CCtx_setParameter(c.get(), ZSTD_c_contentSizeFlag, 0), 0u);
    EXPECT_ZSTD_ERR(ZSTD_CCtx_setParameter(c.get(), ZSTD_c_windowLog, 9), ZSTD_error_parameter_outOfBound);
    EXPECT_ZSTD_ERR(ZSTD_CCtx_setParameter(c.get(), ZSTD_cParameter(12345), 1), ZSTD_error_parameter_unsupported);
    int v = 0;
    ASSERT_ZSTD_OK(ZSTD_CCtx_getParameter(c.get(), ZSTD_c_compressionLevel, &v));
    EXPECT_EQ(v, 7);
    Bytes frame(ZSTD_compressBound(src.size()));
    const size_t r = ZSTD_compress2(c.get(), frame.data(), frame.size(), src.data(), src.size());
    ASSERT_FALSE(ZSTD_isError(r)) << ZSTD_getErrorName(r);
    frame.resize(r);
    ZSTD_frameHeader fh;
    ASSERT_EQ(ZSTD_getFrameHeader(&fh, frame.data(), frame.size()), 0u);
    EXPECT_EQ(fh.checksumFlag, 1u);
    EXPECT_EQ(fh.frameContentSize, ZSTD_CONTENTSIZE_UNKNOWN);
    expectRoundTrip(frame, src);
    // compressCCtx ignores the sticky parameters: no checksum, size written.
    Bytes simple(ZSTD_compressBound(src.size()));
    const size_t s = ZSTD_compressCCtx(c.get(), simple.data(), simple.size(), src.data(), src.size(), 7);
    ASSERT_FALSE(ZSTD_isError(s));
    simple.resize(s);
    EXPECT_EQ(ZSTD_getFrameContentSize(simple.data(), simple.size()), src.size());
    expectRoundTrip(simple, src);
    // Parameter reset restores the defaults.
    ASSERT_ZSTD_OK(ZSTD_CCtx_reset(c.get(), ZSTD_reset_session_and_parameters));
    ASSERT_ZSTD_OK(ZSTD_CCtx_getParameter(c.get(), ZSTD_c_compressionLevel, &v));
    EXPECT_EQ(v, ZSTD_CLEVEL_DEFAULT);
    ASSERT_ZSTD_OK(ZSTD_CCtx_getParameter(c.get(), ZSTD_c_checksumFlag, &v));
    EXPECT_EQ(v, 0);
}

TEST(Compress, StreamingSimpleArgs) {
    const Bytes src = makeText(300000, 3);
    CCtxPtr c(ZSTD_createCCtx());
    for (size_t piece : {size_t(1000), size_t(131072), size_t(300000)}) {
        for (size_t window : {size_t(1), size_t(777), ZSTD_CStreamOutSize()}) {
            if (window == 1 && piece != 1000) continue;
            SCOPED_TRACE("piece " + std::to_string(piece) + " window " + std::to_string(window));
            ASSERT_ZSTD_OK(ZSTD_CCtx_setParameter(c.get(), ZSTD_c_checksumFlag, 1));
            Bytes frame;
            ASSERT_EQ(streamCompress(c.get(), src, piece, window, frame), 0u);
            expectRoundTrip(frame, src);
        }
    }
    EXPECT_EQ(ZSTD_CStreamInSize(), size_t(131072));
    EXPECT_EQ(ZSTD_CStreamOutSize(), size_t(131591));
}

// The older stream initializers (documented as sticky-parameter equivalents).
TEST(Compress, LegacyStreamCalls) {
    const Bytes src = makeText(150000, 4);
    const Bytes dict = load("dictA"), rec = load("recA.bin");
    ZSTD_CStream* s = ZSTD_createCStream();
    ASSERT_NE(s, nullptr);
    Bytes out(ZSTD_compressBound(src.size()) + 64);
    auto run = [&](const Bytes& in) -> Bytes {
        ZSTD_outBuffer o = {out.data(), out.size(), 0};
        ZSTD_inBuffer i = {in.data(), in.size() / 2, 0};
        EXPECT_ZSTD_OK(ZSTD_compressStream(s, &o, &i));
        EXPECT_EQ(ZSTD_flushStream(s, &o), 0u);
        i.size = in.size();
        EXPECT_ZSTD_OK(ZSTD_compressStream(s, &o, &i));
        EXPECT_EQ(ZSTD_endStream(s, &o), 0u);
        return Bytes(out.begin(), out.begin() + std::ptrdiff_t(o.pos));
    };
    ASSERT_ZSTD_OK(ZSTD_initCStream(s, 5));
    Bytes frame = run(src);
    EXPECT_EQ(ZSTD_getFrameContentSize(frame.data(), frame.size()), ZSTD_CONTENTSIZE_UNKNOWN);
    expectRoundTrip(frame, src);

    ASSERT_ZSTD_OK(ZSTD_initCStream_srcSize(s, 1, src.size()));
    frame = run(src);
    EXPECT_EQ(ZSTD_getFrameContentSize(frame.data(), frame.size()), src.size());
    expectRoundTrip(frame, src);

    ASSERT_ZSTD_OK(ZSTD_resetCStream(s, src.size()));
    frame = run(src);
    EXPECT_EQ(ZSTD_getFrameContentSize(frame.data(), frame.size()), src.size());
    expectRoundTrip(frame, src);

    ASSERT_ZSTD_OK(ZSTD_initCStream_usingDict(s, dict.data(), dict.size(), 3));
    frame = run(rec);
    EXPECT_EQ(ZSTD_getDictID_fromFrame(frame.data(), frame.size()), 1111u);
    expectRoundTrip(frame, rec, &dict);

    CDictPtr cd(ZSTD_createCDict(dict.data(), dict.size(), 3));
    ASSERT_ZSTD_OK(ZSTD_initCStream_usingCDict(s, cd.get()));
    frame = run(rec);
    EXPECT_EQ(ZSTD_getDictID_fromFrame(frame.data(), frame.size()), 1111u);
    expectRoundTrip(frame, rec, &dict);
    EXPECT_GT(ZSTD_sizeof_CStream(s), 0u);
    EXPECT_EQ(ZSTD_freeCStream(s), 0u);
}

TEST(Compress, SkippableFrames) {
    for (size_t n : {size_t(0), size_t(1), size_t(100), size_t(70000)}) {
        const Bytes content = makeText(n, 9);
        for (unsigned variant = 0; variant < 16; variant++) {
            SCOPED_TRACE("size " + std::to_string(n) + " variant " + std::to_string(variant));
            Bytes frame(n + 8);
            ASSERT_EQ(ZSTD_writeSkippableFrame(frame.data(), frame.size(), content.data(), n, variant), n + 8);
            EXPECT_EQ(ZSTD_isSkippableFrame(frame.data(), frame.size()), 1u);
            EXPECT_EQ(ZSTD_findFrameCompressedSize(frame.data(), frame.size()), n + 8);
            Bytes back(n + 1);
            unsigned got = 99;
            EXPECT_EQ(ZSTD_readSkippableFrame(back.data(), back.size(), &got, frame.data(), frame.size()), n);
            EXPECT_EQ(got, variant);
            back.resize(n);
            EXPECT_TRUE(back == content);
            Bytes small(n + 7);
            EXPECT_ZSTD_ERR(ZSTD_writeSkippableFrame(small.data(), small.size(), content.data(), n, variant),
                            ZSTD_error_dstSize_tooSmall);
        }
        Bytes frame(n + 8);
        EXPECT_ZSTD_ERR(ZSTD_writeSkippableFrame(frame.data(), frame.size(), content.data(), n, 16),
                        ZSTD_error_parameter_outOfBound);
    }
    // A skippable frame before a compressed one is skipped by the decoder.
    const Bytes text = makeText(5000, 10), note = makeText(300, 11);
    Bytes both(note.size() + 8 + ZSTD_compressBound(text.size()));
    const size_t a = ZSTD_writeSkippableFrame(both.data(), both.size(), note.data(), note.size(), 3);
    ASSERT_FALSE(ZSTD_isError(a));
    const size_t b = ZSTD_compress(both.data() + a, both.size() - a, text.data(), text.size(), 1);
    ASSERT_FALSE(ZSTD_isError(b));
    both.resize(a + b);
    expectRoundTrip(both, text);
}

TEST(Compress, Dictionaries) {
    const Bytes dict = load("dictA"), rec = load("recA.bin");
    ASSERT_FALSE(dict.empty());
    CCtxPtr c(ZSTD_createCCtx());
    Bytes frame(ZSTD_compressBound(rec.size()));
    auto finish = [&](size_t r) {
        EXPECT_FALSE(ZSTD_isError(r)) << ZSTD_getErrorName(r);
        return Bytes(frame.begin(), frame.begin() + std::ptrdiff_t(ZSTD_isError(r) ? 0 : r));
    };
    // Prepared dictionaries.
    CDictPtr byCopy(ZSTD_createCDict(dict.data(), dict.size(), 3));
    CDictPtr byRef(ZSTD_createCDict_byReference(dict.data(), dict.size(), 19));
    ASSERT_TRUE(byCopy && byRef);
    EXPECT_EQ(ZSTD_getDictID_fromCDict(byCopy.get()), 1111u);
    EXPECT_EQ(ZSTD_getDictID_fromCDict(byRef.get()), 1111u);
    EXPECT_GT(ZSTD_sizeof_CDict(byCopy.get()), 0u);
    const ZSTD_CDict* const cdicts[] = {byCopy.get(), byRef.get()};
    for (const ZSTD_CDict* cd : cdicts) {
        Bytes f = finish(ZSTD_compress_usingCDict(c.get(), frame.data(), frame.size(), rec.data(), rec.size(), cd));
        EXPECT_EQ(ZSTD_getDictID_fromFrame(f.data(), f.size()), 1111u);
        expectRoundTrip(f, rec, &dict);
        const ZSTD_frameParameters noId = {1, 1, 1};
        f = finish(ZSTD_compress_usingCDict_advanced(c.get(), frame.data(), frame.size(), rec.data(), rec.size(), cd,
                                                     noId));
        EXPECT_EQ(ZSTD_getDictID_fromFrame(f.data(), f.size()), 0u);
        expectRoundTrip(f, rec, &dict);
        ASSERT_ZSTD_OK(ZSTD_CCtx_refCDict(c.get(), cd));
        f = finish(ZSTD_compress2(c.get(), frame.data(), frame.size(), rec.data(), rec.size()));
        EXPECT_EQ(ZSTD_getDictID_fromFrame(f.data(), f.size()), 1111u);
        expectRoundTrip(f, rec, &dict);
        ASSERT_ZSTD_OK(ZSTD_CCtx_refCDict(c.get(), nullptr));
    }
    // Raw content: no ID.
    const Bytes raw = makeText(20000, 12);
    CDictPtr rawCd(ZSTD_createCDict_advanced(raw.data(), raw.size(), ZSTD_dlm_byCopy, ZSTD_dct_rawContent,
                                             ZSTD_getCParams(3, 0, raw.size()), ZSTD_defaultCMem));
    ASSERT_TRUE(rawCd);
    EXPECT_EQ(ZSTD_getDictID_fromCDict(rawCd.get()), 0u);
    const Bytes similar = makeText(5000, 12);
    Bytes f = finish(ZSTD_compress_usingCDict(c.get(), frame.data(), frame.size(), similar.data(), similar.size(),
                                              rawCd.get()));
    expectRoundTrip(f, similar, &raw);
    // Plain dictionary buffers.
    f = finish(ZSTD_compress_usingDict(c.get(), frame.data(), frame.size(), rec.data(), rec.size(), dict.data(),
                                       dict.size(), 5));
    EXPECT_EQ(ZSTD_getDictID_fromFrame(f.data(), f.size()), 1111u);
    expectRoundTrip(f, rec, &dict);
    ASSERT_ZSTD_OK(ZSTD_CCtx_loadDictionary(c.get(), dict.data(), dict.size()));
    f = finish(ZSTD_compress2(c.get(), frame.data(), frame.size(), rec.data(), rec.size()));
    expectRoundTrip(f, rec, &dict);
    ASSERT_ZSTD_OK(ZSTD_CCtx_loadDictionary(c.get(), nullptr, 0));
    // A prefix serves one frame.
    ASSERT_ZSTD_OK(ZSTD_CCtx_refPrefix(c.get(), raw.data(), raw.size()));
    f = finish(ZSTD_compress2(c.get(), frame.data(), frame.size(), similar.data(), similar.size()));
    {
        DCtxPtr d(ZSTD_createDCtx());
        ASSERT_ZSTD_OK(ZSTD_DCtx_refPrefix(d.get(), raw.data(), raw.size()));
        Bytes out(similar.size());
        EXPECT_EQ(ZSTD_decompressDCtx(d.get(), out.data(), out.size(), f.data(), f.size()), similar.size());
        EXPECT_TRUE(out == similar);
    }
    f = finish(ZSTD_compress2(c.get(), frame.data(), frame.size(), similar.data(), similar.size()));
    expectRoundTrip(f, similar);
}

// ZSTD_createCDict_advanced2: a CDict from a parameter set (level, explicit
// parameters, the dedicated search switch), with a custom allocator; used
// through every CDict entry point. A dedicated-search CDict is larger (its
// buckets) and still makes frames that decode with the dictionary.
TEST(Compress, CDictFromParams) {
    const Bytes dict = load("dictA"), rec = load("recA.bin");
    ASSERT_FALSE(dict.empty());
    EXPECT_EQ(ZSTD_createCDict_advanced2(dict.data(), dict.size(), ZSTD_dlm_byRef, ZSTD_dct_auto, nullptr,
                                         ZSTD_defaultCMem),
              nullptr);
    static int live = 0;
    const ZSTD_customMem counting = {[](void*, size_t n) { live++; return std::malloc(n); },
                                     [](void*, void* p) { if (p) live--; std::free(p); }, nullptr};
    CCtxPtr c(ZSTD_createCCtx());
    Bytes frame(ZSTD_compressBound(rec.size()));
    for (int level : {1, 5, 6, 9, 12}) {
        size_t plainSize = 0;
        for (int dds : {0, 1}) {
            SCOPED_TRACE("level " + std::to_string(level) + " dds " + std::to_string(dds));
            ZSTD_CCtx_params* p = ZSTD_createCCtxParams();
            ASSERT_ZSTD_OK(ZSTD_CCtxParams_setParameter(p, ZSTD_c_compressionLevel, level));
            ASSERT_ZSTD_OK(ZSTD_CCtxParams_setParameter(p, ZSTD_c_enableDedicatedDictSearch, dds));
            ZSTD_CDict* cd =
                ZSTD_createCDict_advanced2(dict.data(), dict.size(), ZSTD_dlm_byCopy, ZSTD_dct_auto, p, counting);
            ZSTD_freeCCtxParams(p);
            ASSERT_NE(cd, nullptr);
            EXPECT_GT(live, 0);
            EXPECT_EQ(ZSTD_getDictID_fromCDict(cd), 1111u);
            const size_t size = ZSTD_sizeof_CDict(cd);
            if (dds == 0) plainSize = size;
            // Buckets of four words: only greedy..lazy2 get them.
            const ZSTD_strategy s = ZSTD_getCParams(level, ZSTD_CONTENTSIZE_UNKNOWN, dict.size()).strategy;
            if (dds && s >= ZSTD_greedy && s <= ZSTD_lazy2) EXPECT_GT(size, plainSize);
            else EXPECT_EQ(size, plainSize);
            size_t r = ZSTD_compress_usingCDict(c.get(), frame.data(), frame.size(), rec.data(), rec.size(), cd);
            ASSERT_FALSE(ZSTD_isError(r)) << ZSTD_getErrorName(r);
            expectRoundTrip(Bytes(frame.begin(), frame.begin() + std::ptrdiff_t(r)), rec, &dict);
            ASSERT_ZSTD_OK(ZSTD_CCtx_refCDict(c.get(), cd));
            r = ZSTD_compress2(c.get(), frame.data(), frame.size(), rec.data(), rec.size());
            ASSERT_FALSE(ZSTD_isError(r)) << ZSTD_getErrorName(r);
            expectRoundTrip(Bytes(frame.begin(), frame.begin() + std::ptrdiff_t(r)), rec, &dict);
            ASSERT_ZSTD_OK(ZSTD_CCtx_refCDict(c.get(), nullptr));
            ZSTD_freeCDict(cd);
            EXPECT_EQ(live, 0);
        }
    }
}

// ZDICT_finalizeDictionary and ZDICT_addEntropyTablesFromBuffer through the
// C ABI: the ID asked for, a header ZDICT_getDictHeaderSize accepts, content
// after it, and a dictionary the compressor and decoder use.
TEST(Compress, FinalizedDictionaries) {
    const Bytes content = makeText(20000, 21);
    Bytes samples;
    std::vector<size_t> sizes;
    for (unsigned i = 0; i < 60; i++) {
        const Bytes t = makeText(1000, 100 + i);
        samples.insert(samples.end(), t.begin(), t.end());
        sizes.push_back(t.size());
    }
    const Bytes rec = makeText(3000, 7777);
    auto check = [&](const Bytes& dict, unsigned id) {
        EXPECT_EQ(ZDICT_getDictID(dict.data(), dict.size()), id);
        const size_t h = ZDICT_getDictHeaderSize(dict.data(), dict.size());
        ASSERT_FALSE(ZDICT_isError(h)) << ZDICT_getErrorName(h);
        EXPECT_EQ(dict.size(), h + content.size());
        EXPECT_TRUE(std::memcmp(dict.data() + h, content.data(), content.size()) == 0);
        CCtxPtr c(ZSTD_createCCtx());
        Bytes frame(ZSTD_compressBound(rec.size()));
        const size_t r = ZSTD_compress_usingDict(c.get(), frame.data(), frame.size(), rec.data(), rec.size(),
                                                 dict.data(), dict.size(), 3);
        ASSERT_FALSE(ZSTD_isError(r)) << ZSTD_getErrorName(r);
        frame.resize(r);
        expectRoundTrip(frame, rec, &dict);
    };
    Bytes dict(30000);
    const ZDICT_params_t params = {5, 0, 777};
    size_t r = ZDICT_finalizeDictionary(dict.data(), dict.size(), content.data(), content.size(), samples.data(),
                                        sizes.data(), unsigned(sizes.size()), params);
    ASSERT_FALSE(ZDICT_isError(r)) << ZDICT_getErrorName(r);
    dict.resize(r);
    check(dict, 777);
    EXPECT_TRUE(ZDICT_isError(ZDICT_finalizeDictionary(dict.data(), 255, content.data(), content.size(),
                                                       samples.data(), sizes.data(), unsigned(sizes.size()), params)));

    Bytes buf(25000);
    std::memcpy(buf.data() + buf.size() - content.size(), content.data(), content.size());
    r = ZDICT_addEntropyTablesFromBuffer(buf.data(), content.size(), buf.size(), samples.data(), sizes.data(),
                                         unsigned(sizes.size()));
    ASSERT_FALSE(ZDICT_isError(r)) << ZDICT_getErrorName(r);
    buf.resize(r);
    const unsigned derived = ZDICT_getDictID(buf.data(), buf.size());
    EXPECT_GE(derived, 32768u);
    EXPECT_LT(derived, 1u << 31);
    check(buf, derived);
}

TEST(Compress, StaticContextsEveryLevel) {
    const Bytes src = makeText(100000, 13);
    const Bytes dict = load("dictA"), rec = load("recA.bin");
    for (int level = 1; level <= ZSTD_maxCLevel(); level++) {
        SCOPED_TRACE("level " + std::to_string(level));
        const size_t need = ZSTD_estimateCCtxSize(level);
        RawWorkspace ws(need);
        ZSTD_CCtx* c = ZSTD_initStaticCCtx(ws.data(), need);
        ASSERT_NE(c, nullptr);
        EXPECT_LE(ZSTD_sizeof_CCtx(c), need);
        Bytes frame(ZSTD_compressBound(src.size()));
        const size_t r = ZSTD_compressCCtx(c, frame.data(), frame.size(), src.data(), src.size(), level);
        ASSERT_FALSE(ZSTD_isError(r)) << ZSTD_getErrorName(r);
        frame.resize(r);
        expectRoundTrip(frame, src);
        EXPECT_ZSTD_ERR(ZSTD_freeCCtx(c), ZSTD_error_memory_allocation);

        const size_t needStream = ZSTD_estimateCStreamSize(level);
        RawWorkspace wss(needStream);
        ZSTD_CStream* s = ZSTD_initStaticCStream(wss.data(), needStream);
        ASSERT_NE(s, nullptr);
        ASSERT_ZSTD_OK(ZSTD_CCtx_setParameter(s, ZSTD_c_compressionLevel, level));
        // The largest levels with an unknown size touch hundreds of MB: give them the size.
        if (level >= 20) ASSERT_ZSTD_OK(ZSTD_CCtx_setPledgedSrcSize(s, src.size()));
        Bytes streamed;
        ASSERT_EQ(streamCompress(s, src, 40000, 30000, streamed), 0u);
        expectRoundTrip(streamed, src);
        EXPECT_ZSTD_ERR(ZSTD_freeCStream(s), ZSTD_error_memory_allocation);

        const ZSTD_compressionParameters cp = ZSTD_getCParams(level, 0, dict.size());
        const size_t needDict = ZSTD_estimateCDictSize_advanced(dict.size(), cp, ZSTD_dlm_byCopy);
        RawWorkspace wsd(needDict);
        const ZSTD_CDict* cd =
            ZSTD_initStaticCDict(wsd.data(), needDict, dict.data(), dict.size(), ZSTD_dlm_byCopy, ZSTD_dct_auto, cp);
        ASSERT_NE(cd, nullptr);
        EXPECT_EQ(ZSTD_getDictID_fromCDict(cd), 1111u);
        EXPECT_LE(ZSTD_sizeof_CDict(cd), needDict);
        CCtxPtr h(ZSTD_createCCtx());
        Bytes df(ZSTD_compressBound(rec.size()));
        const size_t dr = ZSTD_compress_usingCDict(h.get(), df.data(), df.size(), rec.data(), rec.size(), cd);
        ASSERT_FALSE(ZSTD_isError(dr)) << ZSTD_getErrorName(dr);
        df.resize(dr);
        expectRoundTrip(df, rec, &dict);
    }
}

TEST(Compress, StaticWorkspacesRefused) {
    const size_t need = ZSTD_estimateCCtxSize(1);
    RawWorkspace ws(need + 8);
    unsigned char* base = static_cast<unsigned char*>(ws.data());
    EXPECT_EQ(ZSTD_initStaticCCtx(base + 1, need), nullptr);  // misaligned
    EXPECT_EQ(ZSTD_initStaticCCtx(base, 64), nullptr);        // far too small
    EXPECT_EQ(ZSTD_initStaticCStream(base + 4, need), nullptr);
    const Bytes dict = load("dictA");
    const ZSTD_compressionParameters cp = ZSTD_getCParams(3, 0, dict.size());
    EXPECT_EQ(ZSTD_initStaticCDict(base, 100, dict.data(), dict.size(), ZSTD_dlm_byCopy, ZSTD_dct_auto, cp), nullptr);
}

TEST(Compress, Sizeof) {
    CCtxPtr c(ZSTD_createCCtx());
    const size_t fresh = ZSTD_sizeof_CCtx(c.get());
    EXPECT_GT(fresh, 0u);
    const Bytes src = makeText(100000, 14);
    Bytes frame(ZSTD_compressBound(src.size()));
    ASSERT_FALSE(ZSTD_isError(ZSTD_compressCCtx(c.get(), frame.data(), frame.size(), src.data(), src.size(), 3)));
    EXPECT_GT(ZSTD_sizeof_CCtx(c.get()), fresh);
    ZSTD_CStream* s = ZSTD_createCStream();
    EXPECT_GT(ZSTD_sizeof_CStream(s), 0u);
    ZSTD_freeCStream(s);
    const Bytes dict = load("dictA");
    CDictPtr cd(ZSTD_createCDict(dict.data(), dict.size(), 3));
    EXPECT_GT(ZSTD_sizeof_CDict(cd.get()), dict.size());
    EXPECT_EQ(ZSTD_sizeof_CCtx(nullptr), 0u);
    EXPECT_EQ(ZSTD_sizeof_CDict(nullptr), 0u);
    EXPECT_EQ(ZSTD_freeCCtx(nullptr), 0u);
    EXPECT_EQ(ZSTD_freeCDict(nullptr), 0u);
}

}  // namespace

#else  // CAPI_COMPRESS_ALLOC: custom allocators, C allocator interposed

#if !defined(CAPI_NO_INTERPOSE)
extern "C" {
void* __libc_malloc(size_t);
void* __libc_calloc(size_t, size_t);
void* __libc_realloc(void*, size_t);
void* __libc_memalign(size_t, size_t);
void __libc_free(void*);
}
#endif

namespace {

// Number of C allocator calls while `g_counting` is set.
volatile bool g_counting = false;
volatile long g_cCalls = 0;

#if defined(CAPI_NO_INTERPOSE)
constexpr bool kInterposed = false;  // sanitizers own the C allocator
void* plainAlloc(size_t n) { return std::malloc(n); }
void plainFree(void* p) { std::free(p); }
#else
constexpr bool kInterposed = true;
void* plainAlloc(size_t n) { return __libc_malloc(n); }
void plainFree(void* p) { __libc_free(p); }
#endif

}  // namespace

#if !defined(CAPI_NO_INTERPOSE)
namespace {
template <class T>
T noted(T p) {
    if (g_counting) g_cCalls = g_cCalls + 1;
    return p;
}
}  // namespace
extern "C" {
void* malloc(size_t n) { return noted(__libc_malloc(n)); }
void* calloc(size_t n, size_t m) { return noted(__libc_calloc(n, m)); }
void* realloc(void* p, size_t n) { return noted(__libc_realloc(p, n)); }
void* memalign(size_t a, size_t n) { return noted(__libc_memalign(a, n)); }
void* aligned_alloc(size_t a, size_t n) { return noted(__libc_memalign(a, n)); }
int posix_memalign(void** out, size_t a, size_t n) {
    *out = noted(__libc_memalign(a, n));
    return *out ? 0 : 12;
}
void free(void* p) { __libc_free(p); }
}
#endif

namespace {

// Each block carries a header with a tag and its size, so that frees of
// blocks this allocator never gave out are recognised.
struct Ledger {
    long allocs = 0, frees = 0, foreign = 0;
    size_t liveBytes = 0;
    long failAfter = -1;  // >= 0: that many allocations succeed, then all fail
};
constexpr uint64_t kTag = 0x5A45535443414C4Cull;
constexpr size_t kHeader = 16;

void* ledgerAlloc(void* opaque, size_t size) {
    Ledger* l = static_cast<Ledger*>(opaque);
    if (l->failAfter == 0) return nullptr;
    if (l->failAfter > 0) l->failAfter--;
    unsigned char* p = static_cast<unsigned char*>(plainAlloc(size + kHeader));
    if (!p) return nullptr;
    const uint64_t words[2] = {kTag, uint64_t(size)};
    std::memcpy(p, words, sizeof words);
    l->allocs++;
    l->liveBytes += size;
    return p + kHeader;
}

void ledgerFree(void* opaque, void* address) {
    Ledger* l = static_cast<Ledger*>(opaque);
    if (!address) return;
    unsigned char* p = static_cast<unsigned char*>(address) - kHeader;
    uint64_t words[2];
    std::memcpy(words, p, sizeof words);
    if (words[0] != kTag) {
        l->foreign++;
        return;
    }
    words[0] = 0;
    std::memcpy(p, words, sizeof words);
    l->frees++;
    l->liveBytes -= size_t(words[1]);
    plainFree(p);
}

ZSTD_customMem memOf(Ledger& l) { return ZSTD_customMem{ledgerAlloc, ledgerFree, &l}; }

void expectBalanced(const Ledger& l) {
    EXPECT_EQ(l.allocs, l.frees);
    EXPECT_EQ(l.liveBytes, 0u);
    EXPECT_EQ(l.foreign, 0);
}

// Everything one C user might do with custom-allocated compression objects;
// returns false at the first failure (an allocation failure included).
bool workload(const ZSTD_customMem& mem, const Bytes& src, const Bytes& dict, const Bytes& rec, Bytes& out) {
    ZSTD_CCtx* c = ZSTD_createCCtx_advanced(mem);
    ZSTD_CStream* s = ZSTD_createCStream_advanced(mem);
    ZSTD_CDict* cd = ZSTD_createCDict_advanced(dict.data(), dict.size(), ZSTD_dlm_byCopy, ZSTD_dct_auto,
                                               ZSTD_getCParams(3, 0, dict.size()), mem);
    bool ok = c && s && cd;
    auto step = [&](size_t r) {
        if (ZSTD_isError(r)) {
            ok = false;
            EXPECT_EQ(ZSTD_getErrorCode(r), ZSTD_error_memory_allocation) << ZSTD_getErrorName(r);
        }
        return ok;
    };
    out.assign(ZSTD_compressBound(src.size()), 0);
    for (int level : {1, 3, 12, 19}) {
        if (!ok) break;
        step(ZSTD_compressCCtx(c, out.data(), out.size(), src.data(), src.size(), level));
    }
    if (ok && step(ZSTD_CCtx_loadDictionary(c, dict.data(), dict.size())))
        step(ZSTD_compress2(c, out.data(), out.size(), rec.data(), rec.size()));
    if (ok) step(ZSTD_compress_usingCDict(c, out.data(), out.size(), rec.data(), rec.size(), cd));
    if (ok && step(ZSTD_initCStream(s, 4))) {
        ZSTD_outBuffer o = {out.data(), out.size(), 0};
        ZSTD_inBuffer i = {src.data(), src.size(), 0};
        if (step(ZSTD_compressStream(s, &o, &i))) {
            size_t left = 1;
            while (ok && left) step(left = ZSTD_endStream(s, &o));
            if (ok) out.resize(o.pos);
        }
    }
    ZSTD_freeCCtx(c);
    ZSTD_freeCStream(s);
    ZSTD_freeCDict(cd);
    return ok;
}

TEST(CompressCustomMem, HarnessSeesTheCAllocator) {
    if (!kInterposed) GTEST_SKIP() << "C allocator not interposed in this build";
    g_cCalls = 0;
    g_counting = true;
    ZSTD_CCtx* c = ZSTD_createCCtx();
    ZSTD_freeCCtx(c);
    g_counting = false;
    EXPECT_GT(g_cCalls, 0);
}

TEST(CompressCustomMem, OnlyTheCustomAllocatorIsUsed) {
    const Bytes src = makeText(300000, 21), dict = load("dictA"), rec = load("recA.bin");
    Ledger l;
    Bytes out;
    out.reserve(ZSTD_compressBound(src.size()));
    g_cCalls = 0;
    g_counting = true;
    const bool ok = workload(memOf(l), src, dict, rec, out);
    g_counting = false;
    const long cCalls = g_cCalls;
    EXPECT_TRUE(ok);
    if (kInterposed) EXPECT_EQ(cCalls, 0) << "the library called the C allocator despite ZSTD_customMem";
    EXPECT_GT(l.allocs, 2);
    expectBalanced(l);
    Bytes back(src.size());
    EXPECT_EQ(ZSTD_decompress(back.data(), back.size(), out.data(), out.size()), src.size());
    EXPECT_TRUE(back == src);
}

TEST(CompressCustomMem, HalfACustomMemIsRefused) {
    Ledger l;
    const ZSTD_customMem noFree = {ledgerAlloc, nullptr, &l}, noAlloc = {nullptr, ledgerFree, &l};
    const Bytes dict = load("dictA");
    const ZSTD_compressionParameters cp = ZSTD_getCParams(3, 0, dict.size());
    for (const ZSTD_customMem& m : {noFree, noAlloc}) {
        EXPECT_EQ(ZSTD_createCCtx_advanced(m), nullptr);
        EXPECT_EQ(ZSTD_createCStream_advanced(m), nullptr);
        EXPECT_EQ(ZSTD_createCDict_advanced(dict.data(), dict.size(), ZSTD_dlm_byCopy, ZSTD_dct_auto, cp, m), nullptr);
    }
    EXPECT_EQ(l.allocs, 0);
}

TEST(CompressCustomMem, AllocationFailuresAreClean) {
    // Let the allocator fail after N successes, for every N until the
    // workload runs through: each run ends cleanly and gives everything back.
    const Bytes src = makeText(150000, 22), dict = load("dictA"), rec = load("recA.bin");
    bool completed = false;
    for (long n = 0; n < 200 && !completed; n++) {
        SCOPED_TRACE("allocations allowed: " + std::to_string(n));
        Ledger l;
        l.failAfter = n;
        Bytes out;
        completed = workload(memOf(l), src, dict, rec, out);
        expectBalanced(l);
    }
    EXPECT_TRUE(completed);
}

}  // namespace

#endif  // CAPI_COMPRESS_ALLOC
