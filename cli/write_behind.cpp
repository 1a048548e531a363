#include "write_behind.h"

#include <algorithm>
#include <cstring>

namespace zcli {

WriteBehindSink::WriteBehindSink(OutputSink& target) : target_(target) {
    for (size_t i = 0; i < kBuffers; ++i) {
        buffers_[i].resize(kBufferSize);
        if (i != current_) free_.push_back(i);
    }
    writer_ = std::thread([this] { writerLoop(); });
}

WriteBehindSink::~WriteBehindSink() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stop_ = true;
        queued_.clear();
    }
    changed_.notify_all();
    writer_.join();
}

void WriteBehindSink::write(const void* data, size_t size) {
    auto* p = static_cast<const unsigned char*>(data);
    while (size > 0) {
        const size_t n = std::min(size, kBufferSize - filled_[current_]);
        std::memcpy(buffers_[current_].data() + filled_[current_], p, n);
        filled_[current_] += n;
        p += n;
        size -= n;
        if (filled_[current_] == kBufferSize) {
            std::unique_lock<std::mutex> lock(mutex_);
            submitCurrent(lock);
        }
    }
}

// Queues the current buffer and takes a free one (waiting for the writer).
void WriteBehindSink::submitCurrent(std::unique_lock<std::mutex>& lock) {
    if (error_) std::rethrow_exception(error_);
    if (filled_[current_] == 0) return;
    queued_.push_back(current_);
    changed_.notify_all();
    changed_.wait(lock, [this] { return !free_.empty() || error_; });
    if (error_) std::rethrow_exception(error_);
    current_ = free_.back();
    free_.pop_back();
    filled_[current_] = 0;
}

void WriteBehindSink::drain() {
    std::unique_lock<std::mutex> lock(mutex_);
    submitCurrent(lock);
    changed_.wait(lock, [this] { return (queued_.empty() && !writing_) || error_; });
    if (error_) std::rethrow_exception(error_);
}

void WriteBehindSink::writerLoop() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
        changed_.wait(lock, [this] { return stop_ || !queued_.empty(); });
        if (stop_) return;
        const size_t b = queued_.front();
        queued_.pop_front();
        writing_ = true;
        lock.unlock();
        std::exception_ptr failed;
        try {
            target_.write(buffers_[b].data(), filled_[b]);
        } catch (...) {
            failed = std::current_exception();
        }
        lock.lock();
        writing_ = false;
        free_.push_back(b);
        if (failed) {
            error_ = failed;
            queued_.clear();
        }
        changed_.notify_all();
    }
}

}  // namespace zcli
