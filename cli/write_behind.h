// --asyncio: output handed to a writer thread, so that (de)compression and
// the write system calls overlap, as the reference's asynchronous I/O does.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#include "fileio.h"

namespace zcli {

class WriteBehindSink final : public OutputSink {
public:
    explicit WriteBehindSink(OutputSink& target);
    // Stops the writer. Data not drained yet is dropped: that only happens
    // when an exception (a fatal error) is on its way out.
    ~WriteBehindSink() override;
    WriteBehindSink(const WriteBehindSink&) = delete;
    WriteBehindSink& operator=(const WriteBehindSink&) = delete;

    // Copies the data; throws the writer's error (FatalError) if it failed.
    void write(const void* data, size_t size) override;
    // Waits until the target has received everything; throws the writer's
    // error. The target's own flush stays with its owner.
    void drain();

private:
    static constexpr size_t kBufferSize = size_t{1} << 20;
    static constexpr size_t kBuffers = 3;

    void submitCurrent(std::unique_lock<std::mutex>& lock);
    void writerLoop();

    OutputSink& target_;
    std::vector<unsigned char> buffers_[kBuffers];
    size_t filled_[kBuffers] = {};
    size_t current_ = 0;            // being filled by the caller
    std::deque<size_t> queued_;     // full, in order, for the writer
    std::vector<size_t> free_;      // ready to be filled
    bool writing_ = false;          // the writer holds a buffer
    bool stop_ = false;
    std::exception_ptr error_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::thread writer_;
};

}  // namespace zcli
