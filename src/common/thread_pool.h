// A pool of worker threads (pthreads) running queued jobs: what
// ZSTD_createThreadPool returns, and what multithreaded compression will
// hand its jobs to. Several contexts may share one pool; jobs run in the
// order they are queued, each on whichever thread is free.
#pragma once
#include <cstddef>

#include "common/alloc.h"

namespace zest {

class ThreadPool;
using PoolJob = void (*)(void* arg);

// nbThreads >= 1 threads and a queue of queueSize waiting jobs (0: as many
// as threads); nullptr when nbThreads is 0 or resources run out. Everything
// is allocated through mem.
ThreadPool* createThreadPool(size_t nbThreads, const CustomMem& mem, size_t queueSize = 0);
// Runs the jobs still queued, then joins the threads. Accepts nullptr.
void freeThreadPool(ThreadPool* pool);
size_t threadPoolThreads(const ThreadPool* pool);
// Queue a job, waiting while the queue is full.
void threadPoolAdd(ThreadPool* pool, PoolJob job, void* arg);
// Queue a job if there is room right now; false otherwise.
bool threadPoolTryAdd(ThreadPool* pool, PoolJob job, void* arg);

}  // namespace zest
