// zest C++ API: byte views, owning results and the types of one streaming step.
//
// Data comes in as std::span<const std::byte> at the core; std::string_view and
// std::span<const std::uint8_t> overloads return std::string and
// std::vector<std::uint8_t>, so each caller gets back the kind of bytes it handed in.
#pragma once

#include <zstd.h>

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace zest {
inline namespace v1 {

using Bytes = std::vector<std::byte>;
using ByteView = std::span<const std::byte>;
using MutableByteView = std::span<std::byte>;

// What a streaming call should do after taking its input (values of ZSTD_EndDirective).
enum class StreamOp : int {
    continue_input = ZSTD_e_continue,  // more input follows; output only as blocks fill up
    flush = ZSTD_e_flush,              // emit everything so far, so a reader can decode it
    end_frame = ZSTD_e_end,            // finish the frame; the next input starts a new one
};

// What one streaming call did. The caller advances its spans by consumed/produced.
struct StreamProgress {
    std::size_t consumed = 0;  // input bytes taken
    std::size_t produced = 0;  // output bytes written
    // Compression: bytes still waiting to be written for flush/end_frame (0 = done).
    // Decompression: 0 once a frame is complete and fully written out, otherwise a
    // hint of how much input the decoder would like next.
    std::size_t remaining = 0;
};

namespace detail {

inline ByteView bytes_of(std::string_view s) noexcept {
    return {reinterpret_cast<const std::byte*>(s.data()), s.size()};
}
inline ByteView bytes_of(std::span<const std::uint8_t> s) noexcept { return std::as_bytes(s); }
inline MutableByteView bytes_of(std::span<char> s) noexcept { return std::as_writable_bytes(s); }
inline MutableByteView bytes_of(std::span<std::uint8_t> s) noexcept { return std::as_writable_bytes(s); }

// The whole storage of a byte container (vector<byte>, string, vector<uint8_t>).
template <class Container>
MutableByteView storage_of(Container& c) noexcept {
    return {reinterpret_cast<std::byte*>(c.data()), c.size()};
}

// Cuts a container to `size` and gives back its memory when most of it would sit
// unused (a 1 MiB compress_bound buffer holding a 10 KiB frame, say).
template <class Container>
void trim(Container& c, std::size_t size) {
    c.resize(size);
    if (size < c.capacity() / 2) c.shrink_to_fit();
}

// Sizes a fresh Container to `capacity`, lets fill() write into it and trims the
// container to the size fill() returns.
template <class Container, class Fill>
Container produce(std::size_t capacity, Fill&& fill) {
    Container out;
    out.resize(capacity);
    trim(out, fill(storage_of(out)));
    return out;
}

}  // namespace detail
}  // namespace v1
}  // namespace zest
