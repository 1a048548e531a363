// Custom allocators (ZSTD_customMem). This binary interposes the C allocator so it
// can prove that, while a custom allocator is in use, the library never calls
// malloc/calloc/realloc itself: every allocation goes through ZSTD_customMem.
#include "capi_util.h"

#include <cstdlib>
#include <cstring>

#if !defined(CAPI_NO_INTERPOSE)
extern "C" {
void* __libc_malloc(size_t);
void* __libc_calloc(size_t, size_t);
void* __libc_realloc(void*, size_t);
void __libc_free(void*);
void* __libc_memalign(size_t, size_t);
}
#endif

namespace {
// Set while library calls run; counts libc allocations made meanwhile.
volatile bool g_watch = false;
volatile long g_libcAllocs = 0;

#if defined(CAPI_NO_INTERPOSE)
// Sanitizer builds own malloc: no interposition, the libc counts stay unchecked.
constexpr bool kInterposed = false;
void* rawAlloc(size_t n) { return std::malloc(n); }
void rawFree(void* p) { std::free(p); }
#else
constexpr bool kInterposed = true;
void* rawAlloc(size_t n) { return __libc_malloc(n); }
void rawFree(void* p) { __libc_free(p); }
#endif
}  // namespace

#if !defined(CAPI_NO_INTERPOSE)
extern "C" {
void* malloc(size_t n) {
    if (g_watch) g_libcAllocs = g_libcAllocs + 1;
    return __libc_malloc(n);
}
void* calloc(size_t n, size_t m) {
    if (g_watch) g_libcAllocs = g_libcAllocs + 1;
    return __libc_calloc(n, m);
}
void* realloc(void* p, size_t n) {
    if (g_watch) g_libcAllocs = g_libcAllocs + 1;
    return __libc_realloc(p, n);
}
void free(void* p) { __libc_free(p); }
void* aligned_alloc(size_t a, size_t n) {
    if (g_watch) g_libcAllocs = g_libcAllocs + 1;
    return __libc_memalign(a, n);
}
void* memalign(size_t a, size_t n) {
    if (g_watch) g_libcAllocs = g_libcAllocs + 1;
    return __libc_memalign(a, n);
}
int posix_memalign(void** out, size_t a, size_t n) {
    if (g_watch) g_libcAllocs = g_libcAllocs + 1;
    void* p = __libc_memalign(a, n);
    if (!p) return 12;  // ENOMEM
    *out = p;
    return 0;
}
}
#endif

using namespace capi;

namespace {

// Counting allocator with a table of live blocks; optionally fails after `budget`
// successful allocations.
struct Counter {
    static constexpr int kMax = 4096;
    void* live[kMax];
    int nLive = 0;
    long allocs = 0;
    long frees = 0;
    long badFrees = 0;
    long nullFrees = 0;
    long wrongOpaque = 0;
    long budget = -1;  // < 0: unlimited

    Counter() { std::memset(live, 0, sizeof live); }
};

void* countingAlloc(void* opaque, size_t size) {
    Counter* c = static_cast<Counter*>(opaque);
    if (c->budget == 0) return nullptr;
    if (c->budget > 0) c->budget--;
    if (c->nLive == Counter::kMax) return nullptr;
    void* p = rawAlloc(size ? size : 1);
    if (!p) return nullptr;
    c->live[c->nLive++] = p;
    c->allocs++;
    return p;
}

void countingFree(void* opaque, void* address) {
    Counter* c = static_cast<Counter*>(opaque);
    if (address == nullptr) {
        c->nullFrees++;
        return;
    }
    for (int i = 0; i < c->nLive; i++) {
        if (c->live[i] == address) {
            c->live[i] = c->live[--c->nLive];
            c->frees++;
            rawFree(address);
            return;
        }
    }
    c->badFrees++;  // not ours: leak rather than corrupt
}

ZSTD_customMem memOf(Counter& c) { return ZSTD_customMem{countingAlloc, countingFree, &c}; }

struct Watch {
    Watch() {
        g_libcAllocs = 0;
        g_watch = true;
    }
    ~Watch() { g_watch = false; }
};

// Decodes `frame` with 1000-byte input pieces into `dst` through a 4096-byte window.
// No allocations of its own. Returns the last result; *produced receives the size.
size_t streamInto(ZSTD_DStream* s, const Bytes& frame, unsigned char* dst, size_t cap, size_t* produced) {
    unsigned char window[4096];
    size_t pos = 0, ret = 0;
    *produced = 0;
    for (int calls = 0; calls < 10000000; calls++) {
        const size_t avail = frame.size() - pos;
        ZSTD_inBuffer in = {frame.data() + pos, avail < 1000 ? avail : 1000, 0};
        ZSTD_outBuffer o = {window, sizeof window, 0};
        ret = ZSTD_decompressStream(s, &o, &in);
        if (ZSTD_isError(ret)) return ret;
        if (*produced + o.pos > cap) return size_t(0) - size_t(ZSTD_error_dstSize_tooSmall);
        std::memcpy(dst + *produced, window, o.pos);
        *produced += o.pos;
        pos += in.pos;
        if (pos == frame.size() && ret == 0) break;
    }
    return ret;
}

TEST(CustomMem, InterpositionSeesDefaultAllocations) {
    // Self-check of this harness: with the default allocator the library's malloc
    // calls are visible, so a zero count below really means "none".
    if (!kInterposed) GTEST_SKIP() << "allocator not interposed in this build";
    long libc = -1;
    {
        Watch w;
        ZSTD_DCtx* d = ZSTD_createDCtx();
        ZSTD_freeDCtx(d);
        libc = g_libcAllocs;
    }
    EXPECT_GT(libc, 0);
}

TEST(CustomMem, ExactlyOneNullFunctionIsRefused) {
    Counter c;
    const ZSTD_customMem noFree = {countingAlloc, nullptr, &c};
    const ZSTD_customMem noAlloc = {nullptr, countingFree, &c};
    const Bytes dict = load("dictA");
    EXPECT_EQ(ZSTD_createDCtx_advanced(noFree), nullptr);
    EXPECT_EQ(ZSTD_createDCtx_advanced(noAlloc), nullptr);
    EXPECT_EQ(ZSTD_createDStream_advanced(noFree), nullptr);
    EXPECT_EQ(ZSTD_createDStream_advanced(noAlloc), nullptr);
    EXPECT_EQ(ZSTD_createDDict_advanced(dict.data(), dict.size(), ZSTD_dlm_byCopy, ZSTD_dct_auto, noFree), nullptr);
    EXPECT_EQ(ZSTD_createDDict_advanced(dict.data(), dict.size(), ZSTD_dlm_byRef, ZSTD_dct_auto, noAlloc), nullptr);
    EXPECT_EQ(c.allocs, 0);
    // Both NULL selects malloc/free.
    ZSTD_DCtx* d = ZSTD_createDCtx_advanced(ZSTD_customMem{nullptr, nullptr, nullptr});
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(ZSTD_freeDCtx(d), 0u);
    ZSTD_DDict* dd = ZSTD_createDDict_advanced(dict.data(), dict.size(), ZSTD_dlm_byCopy, ZSTD_dct_auto,
                                               ZSTD_customMem{nullptr, nullptr, nullptr});
    ASSERT_NE(dd, nullptr);
    EXPECT_EQ(ZSTD_freeDDict(dd), 0u);
}

TEST(CustomMem, StreamingUsesOnlyTheCustomAllocator) {
    const Bytes w17 = load("text_w17.zst"), w20 = load("text_w20.zst"), orig = load("text.bin");
    Bytes dst(orig.size());
    Counter c;
    size_t r17 = 1, r20 = 1, n17 = 0, n20 = 0, freed = 1;
    long libc = -1;
    {
        Watch w;
        ZSTD_DStream* s = ZSTD_createDStream_advanced(memOf(c));
        if (s) {
            ZSTD_initDStream(s);
            r17 = streamInto(s, w17, dst.data(), dst.size(), &n17);
            ZSTD_resetDStream(s);
            r20 = streamInto(s, w20, dst.data(), dst.size(), &n20);  // larger window: buffers grow
            freed = ZSTD_freeDStream(s);
        }
        libc = g_libcAllocs;
        ASSERT_NE(s, nullptr);
    }
    if (kInterposed) {
        EXPECT_EQ(libc, 0) << "the library called the C allocator despite ZSTD_customMem";
    }
    EXPECT_EQ(r17, 0u) << ZSTD_getErrorName(r17);
    EXPECT_EQ(r20, 0u) << ZSTD_getErrorName(r20);
    EXPECT_EQ(n20, orig.size());
    EXPECT_EQ(dst, orig);
    EXPECT_EQ(freed, 0u);
    EXPECT_GT(c.allocs, 0);
    EXPECT_EQ(c.allocs, c.frees);
    EXPECT_EQ(c.nLive, 0);
    EXPECT_EQ(c.badFrees, 0);
}

TEST(CustomMem, DictionaryDecompressionUsesOnlyTheCustomAllocator) {
    const Bytes dictA = load("dictA"), dictB = load("dictB"), recA = load("recA.zst"), recB = load("recB.zst"),
                origA = load("recA.bin"), origB = load("recB.bin"), prefix = load("prefix.bin"),
                prefixed = load("prefixed.zst"), prefixedBin = load("prefixed.bin");
    Bytes dst(1 << 17);
    Counter cc, cd;  // one allocator for the context, one for the DDicts
    size_t results[12];
    size_t produced[12] = {0};
    long libc = -1;
    {
        Watch w;
        ZSTD_DCtx* d = ZSTD_createDCtx_advanced(memOf(cc));
        ZSTD_DDict* a = ZSTD_createDDict_advanced(dictA.data(), dictA.size(), ZSTD_dlm_byCopy, ZSTD_dct_auto,
                                                  memOf(cd));
        ZSTD_DDict* b = ZSTD_createDDict_advanced(dictB.data(), dictB.size(), ZSTD_dlm_byRef, ZSTD_dct_auto,
                                                  memOf(cd));
        if (d && a && b) {
            results[0] = ZSTD_decompress_usingDDict(d, dst.data(), dst.size(), recA.data(), recA.size(), a);
            // Sticky dictionary loaded by copy: the DCtx builds its own DDict.
            results[1] = ZSTD_DCtx_loadDictionary(d, dictB.data(), dictB.size());
            results[2] = ZSTD_decompressDCtx(d, dst.data(), dst.size(), recB.data(), recB.size());
            results[3] = ZSTD_decompress_usingDict(d, dst.data(), dst.size(), recA.data(), recA.size(),
                                                   dictA.data(), dictA.size());
            results[4] = ZSTD_DCtx_refPrefix(d, prefix.data(), prefix.size());
            results[5] = streamInto(d, prefixed, dst.data(), dst.size(), &produced[5]);
            // Multiple DDicts: the lookup table is allocated with the context's allocator.
            results[6] = ZSTD_DCtx_reset(d, ZSTD_reset_session_and_parameters);
            results[7] = ZSTD_DCtx_setParameter(d, ZSTD_d_refMultipleDDicts, 1);
            results[8] = ZSTD_DCtx_refDDict(d, a);
            results[9] = ZSTD_DCtx_refDDict(d, b);
            results[10] = streamInto(d, recB, dst.data(), dst.size(), &produced[10]);
            results[11] = ZSTD_initDStream_usingDict(d, dictA.data(), dictA.size());
        }
        ZSTD_freeDCtx(d);
        ZSTD_freeDDict(a);
        ZSTD_freeDDict(b);
        libc = g_libcAllocs;
        ASSERT_TRUE(d && a && b);
    }
    if (kInterposed) {
        EXPECT_EQ(libc, 0) << "the library called the C allocator despite ZSTD_customMem";
    }
    EXPECT_EQ(results[0], origA.size());
    EXPECT_EQ(results[2], origB.size());
    EXPECT_EQ(results[3], origA.size());
    EXPECT_EQ(results[5], 0u) << ZSTD_getErrorName(results[5]);
    EXPECT_EQ(produced[5], prefixedBin.size());
    EXPECT_EQ(results[10], 0u) << ZSTD_getErrorName(results[10]);
    EXPECT_EQ(produced[10], origB.size());
    for (int i : {1, 4, 6, 7, 8, 9, 11}) {
        EXPECT_FALSE(ZSTD_isError(results[i])) << i;
    }
    EXPECT_GT(cc.allocs, 0);
    EXPECT_GT(cd.allocs, 0);
    EXPECT_EQ(cc.allocs, cc.frees);
    EXPECT_EQ(cd.allocs, cd.frees);
    EXPECT_EQ(cc.nLive + cd.nLive, 0);
    EXPECT_EQ(cc.badFrees + cd.badFrees, 0);
}

TEST(CustomMem, AllocationFailuresAreCleanErrors) {
    // Let the N-th allocation fail, for every N until the scenario succeeds: each run
    // must end in a clean error (or success) and give back everything it took.
    const Bytes dict = load("dictA"), rec = load("recA.zst"), orig = load("recA.bin"), w17 = load("text_w17.zst");
    Bytes dst(1 << 20);
    bool succeeded = false;
    for (long budget = 0; budget < 64 && !succeeded; budget++) {
        SCOPED_TRACE(budget);
        Counter c;
        c.budget = budget;
        size_t r1 = 1, r2 = 1, n1 = 0, n2 = 0;
        bool created = false;
        {
            Watch w;
            ZSTD_DStream* s = ZSTD_createDStream_advanced(memOf(c));
            ZSTD_DDict* dd =
                ZSTD_createDDict_advanced(dict.data(), dict.size(), ZSTD_dlm_byCopy, ZSTD_dct_auto, memOf(c));
            if (s && dd) {
                created = true;
                r1 = ZSTD_initDStream_usingDDict(s, dd);
                if (!ZSTD_isError(r1)) r1 = streamInto(s, rec, dst.data(), dst.size(), &n1);
                ZSTD_initDStream(s);
                r2 = streamInto(s, w17, dst.data(), dst.size(), &n2);
            }
            ZSTD_freeDStream(s);
            ZSTD_freeDDict(dd);
        }
        EXPECT_EQ(c.allocs, c.frees);
        EXPECT_EQ(c.nLive, 0);
        EXPECT_EQ(c.badFrees, 0);
        if (!created) continue;
        if (ZSTD_isError(r2)) {
            EXPECT_EQ(ZSTD_getErrorCode(r2), ZSTD_error_memory_allocation);
        }
        if (!ZSTD_isError(r1) && !ZSTD_isError(r2)) {
            EXPECT_EQ(n1, orig.size());
            EXPECT_EQ(n2, 700000u);
            succeeded = true;
        }
    }
    EXPECT_TRUE(succeeded);
}

}  // namespace
