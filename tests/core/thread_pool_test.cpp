// The worker pool (src/common/thread_pool.cpp): every job queued runs exactly
// once, from several producers at once, with a full queue making producers
// wait (or TryAdd refuse); freeing the pool runs what is still queued.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "common/thread_pool.h"

namespace {

struct Counter {
    std::atomic<int> runs{0};
    std::atomic<int> slow{0};
};

void bump(void* p) { static_cast<Counter*>(p)->runs.fetch_add(1); }
void bumpSlowly(void* p) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    static_cast<Counter*>(p)->slow.fetch_add(1);
}

}  // namespace

TEST(ThreadPool, RunsEveryJobFromSeveralProducers) {
    zest::ThreadPool* pool = zest::createThreadPool(4, zest::kDefaultMem);
    ASSERT_NE(pool, nullptr);
    EXPECT_EQ(zest::threadPoolThreads(pool), 4u);
    Counter c;
    std::vector<std::thread> producers;
    for (int t = 0; t < 3; ++t)
        producers.emplace_back([&] {
            for (int i = 0; i < 1000; ++i) zest::threadPoolAdd(pool, bump, &c);
        });
    for (std::thread& t : producers) t.join();
    zest::freeThreadPool(pool);  // waits for the queue to drain
    EXPECT_EQ(c.runs.load(), 3000);
}

TEST(ThreadPool, FullQueueAndShutdown) {
    zest::ThreadPool* pool = zest::createThreadPool(1, zest::kDefaultMem);
    ASSERT_NE(pool, nullptr);
    Counter c;
    // One thread busy, one job waiting: the queue (one slot) is then full.
    zest::threadPoolAdd(pool, bumpSlowly, &c);
    int accepted = 0;
    for (int i = 0; i < 50; ++i) accepted += zest::threadPoolTryAdd(pool, bumpSlowly, &c);
    EXPECT_LT(accepted, 50);
    zest::freeThreadPool(pool);
    EXPECT_EQ(c.slow.load(), 1 + accepted);
}

TEST(ThreadPool, RefusesNoThreadsAndBadAllocators) {
    EXPECT_EQ(zest::createThreadPool(0, zest::kDefaultMem), nullptr);
    const zest::CustomMem half{[](void*, size_t n) { return std::malloc(n); }, nullptr, nullptr};
    EXPECT_EQ(zest::createThreadPool(2, half), nullptr);
    zest::freeThreadPool(nullptr);
}
