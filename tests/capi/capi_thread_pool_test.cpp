// ZSTD_createThreadPool, ZSTD_freeThreadPool, ZSTD_CCtx_refThreadPool: a pool
// shared by several contexts compressing on several threads at once; the
// stage rule of refThreadPool; NULL handling.
#include "capi_util.h"

#include <thread>
#include <vector>

using namespace capi;

namespace {

Bytes sample(size_t n, unsigned seed) {
    Bytes b(n);
    unsigned x = seed;
    for (size_t i = 0; i < n; ++i) {
        x = x * 1103515245u + 12345u;
        b[i] = uint8_t("abcdefgh \n"[(x >> 16) % 10]);
    }
    return b;
}

}  // namespace

TEST(ThreadPool, CreateAndFree) {
    EXPECT_EQ(ZSTD_createThreadPool(0), nullptr);
    ZSTD_freeThreadPool(nullptr);
    ZSTD_threadPool* pool = ZSTD_createThreadPool(3);
    ASSERT_NE(pool, nullptr);
    ZSTD_freeThreadPool(pool);
}

TEST(ThreadPool, SharedByContextsOnSeveralThreads) {
    ZSTD_threadPool* pool = ZSTD_createThreadPool(2);
    ASSERT_NE(pool, nullptr);
    std::vector<std::thread> threads;
    std::vector<int> ok(4, 0);
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            ZSTD_CCtx* c = ZSTD_createCCtx();
            ZSTD_DCtx* d = ZSTD_createDCtx();
            int good = ZSTD_isError(ZSTD_CCtx_refThreadPool(c, pool)) ? 0 : 1;
            ZSTD_CCtx_setParameter(c, ZSTD_c_compressionLevel, 3 + t);
            for (unsigned i = 0; i < 4 && good; ++i) {
                const Bytes src = sample(100000 + 777 * i, 17 * t + i);
                Bytes dst(ZSTD_compressBound(src.size()));
                const size_t n = ZSTD_compress2(c, dst.data(), dst.size(), src.data(), src.size());
                Bytes back(src.size());
                const size_t m = ZSTD_isError(n) ? n : ZSTD_decompressDCtx(d, back.data(), back.size(), dst.data(), n);
                good = !ZSTD_isError(m) && m == src.size() && back == src;
            }
            ok[size_t(t)] = good;
            ZSTD_freeDCtx(d);
            ZSTD_freeCCtx(c);
        });
    for (std::thread& th : threads) th.join();
    for (int t = 0; t < 4; ++t) EXPECT_EQ(ok[size_t(t)], 1) << t;
    ZSTD_freeThreadPool(pool);
}

// Like the other references, only between frames; NULL goes back to a pool of its own.
TEST(ThreadPool, RefOnlyBetweenFrames) {
    ZSTD_threadPool* pool = ZSTD_createThreadPool(1);
    ASSERT_NE(pool, nullptr);
    ZSTD_CCtx* c = ZSTD_createCCtx();
    EXPECT_EQ(ZSTD_CCtx_refThreadPool(c, pool), 0u);
    const Bytes src = sample(5000, 1);
    Bytes dst(ZSTD_compressBound(src.size()));
    ZSTD_outBuffer out{dst.data(), dst.size(), 0};
    ZSTD_inBuffer in{src.data(), src.size(), 0};
    ASSERT_FALSE(ZSTD_isError(ZSTD_compressStream2(c, &out, &in, ZSTD_e_continue)));
    const size_t r = ZSTD_CCtx_refThreadPool(c, nullptr);
    EXPECT_EQ(ZSTD_getErrorCode(r), ZSTD_error_stage_wrong);
    ZSTD_CCtx_reset(c, ZSTD_reset_session_only);
    EXPECT_EQ(ZSTD_CCtx_refThreadPool(c, nullptr), 0u);
    ZSTD_freeCCtx(c);
    ZSTD_freeThreadPool(pool);
}
