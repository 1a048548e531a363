// Worker threads around one mutex: a ring of waiting jobs, one condition for
// "a job is waiting" (workers sleep on it) and one for "a slot is free"
// (producers sleep on it when the ring is full).
#include "common/thread_pool.h"

#include <pthread.h>

namespace zest {

struct QueuedJob {
    PoolJob fn;
    void* arg;
};

class ThreadPool {
public:
    CustomMem mem;
    pthread_t* threads = nullptr;
    size_t nbThreads = 0;  // started
    QueuedJob* ring = nullptr;
    size_t capacity = 0, head = 0, count = 0;
    bool shutdown = false;
    pthread_mutex_t lock;
    pthread_cond_t jobWaiting;
    pthread_cond_t slotFree;
};

namespace {

void* workerMain(void* p) {
    ThreadPool& pool = *static_cast<ThreadPool*>(p);
    pthread_mutex_lock(&pool.lock);
    for (;;) {
        while (pool.count == 0 && !pool.shutdown) pthread_cond_wait(&pool.jobWaiting, &pool.lock);
        if (pool.count == 0) break;  // shut down, nothing left to run
        const QueuedJob job = pool.ring[pool.head];
        pool.head = (pool.head + 1) % pool.capacity;
        --pool.count;
        pthread_cond_signal(&pool.slotFree);
        pthread_mutex_unlock(&pool.lock);
        job.fn(job.arg);
        pthread_mutex_lock(&pool.lock);
    }
    pthread_mutex_unlock(&pool.lock);
    return nullptr;
}

void enqueue(ThreadPool& pool, PoolJob job, void* arg) {
    pool.ring[(pool.head + pool.count) % pool.capacity] = QueuedJob{job, arg};
    ++pool.count;
    pthread_cond_signal(&pool.jobWaiting);
}

}  // namespace

ThreadPool* createThreadPool(size_t nbThreads, const CustomMem& mem, size_t queueSize) {
    if (nbThreads == 0 || !isValidMem(mem)) return nullptr;
    ThreadPool* pool = memNew<ThreadPool>(mem);
    if (!pool) return nullptr;
    pool->mem = mem;
    pthread_mutex_init(&pool->lock, nullptr);
    pthread_cond_init(&pool->jobWaiting, nullptr);
    pthread_cond_init(&pool->slotFree, nullptr);
    pool->capacity = queueSize ? queueSize : nbThreads;
    pool->ring = static_cast<QueuedJob*>(memAlloc(mem, pool->capacity * sizeof(QueuedJob)));
    pool->threads = static_cast<pthread_t*>(memAlloc(mem, nbThreads * sizeof(pthread_t)));
    if (!pool->ring || !pool->threads) {
        freeThreadPool(pool);
        return nullptr;
    }
    for (size_t i = 0; i < nbThreads; ++i) {
        if (pthread_create(&pool->threads[i], nullptr, workerMain, pool) != 0) {
            freeThreadPool(pool);
            return nullptr;
        }
        pool->nbThreads = i + 1;
    }
    return pool;
}

void freeThreadPool(ThreadPool* pool) {
    if (!pool) return;
    pthread_mutex_lock(&pool->lock);
    pool->shutdown = true;
    pthread_cond_broadcast(&pool->jobWaiting);
    pthread_mutex_unlock(&pool->lock);
    for (size_t i = 0; i < pool->nbThreads; ++i) pthread_join(pool->threads[i], nullptr);
    pthread_cond_destroy(&pool->slotFree);
    pthread_cond_destroy(&pool->jobWaiting);
    pthread_mutex_destroy(&pool->lock);
    const CustomMem mem = pool->mem;
    memFree(mem, pool->threads);
    memFree(mem, pool->ring);
    memDelete(mem, pool);
}

size_t threadPoolThreads(const ThreadPool* pool) { return pool ? pool->nbThreads : 0; }

void threadPoolAdd(ThreadPool* pool, PoolJob job, void* arg) {
    pthread_mutex_lock(&pool->lock);
    while (pool->count == pool->capacity) pthread_cond_wait(&pool->slotFree, &pool->lock);
    enqueue(*pool, job, arg);
    pthread_mutex_unlock(&pool->lock);
}

bool threadPoolTryAdd(ThreadPool* pool, PoolJob job, void* arg) {
    pthread_mutex_lock(&pool->lock);
    const bool room = pool->count < pool->capacity;
    if (room) enqueue(*pool, job, arg);
    pthread_mutex_unlock(&pool->lock);
    return room;
}

}  // namespace zest
