// zest C++ API: streams.
//
// CompressStream and DecompressStream take input in pieces of any size and hand their
// output to a Sink as soon as it is produced, so memory stays bounded by one internal
// buffer however long the stream is. The std::istream/std::ostream functions at the
// end run a whole stream through the same loops.
#pragma once

#include "zest/bytes.hpp"
#include "zest/compressor.hpp"
#include "zest/decompressor.hpp"
#include "zest/error.hpp"

#include <functional>
#include <ios>
#include <istream>
#include <ostream>
#include <utility>

namespace zest {
inline namespace v1 {

// Receives output bytes; the span is only valid during the call. May throw: the
// exception leaves the stream's write()/flush()/finish(), and the stream must then be
// reset() before further use.
using Sink = std::function<void(ByteView)>;

namespace detail {

inline Sink ostream_sink(std::ostream& out) {
    return [&out](ByteView bytes) {
        out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
        if (!out) throw std::ios_base::failure("zest: writing to the output stream failed");
    };
}

// Feeds `in` to the compressor until it is all taken and, for flush/end_frame, until
// nothing is left to write; every filled part of `buffer` goes to `sink`.
template <class Fn>
void pump_compress(Compressor& c, ByteView in, StreamOp op, MutableByteView buffer, Fn& sink) {
    for (;;) {
        const StreamProgress step = c.compress_some(in, buffer, op);
        in = in.subspan(step.consumed);
        if (step.produced != 0) sink(ByteView(buffer.data(), step.produced));
        if (op == StreamOp::continue_input ? in.empty() : step.remaining == 0) return;
    }
}

// Feeds `in` to the decompressor until it is all taken and nothing more is pending.
// Returns whether the input now stops inside a frame (`in_frame` says so on entry).
template <class Fn>
bool pump_decompress(Decompressor& d, ByteView in, MutableByteView buffer, Fn& sink, bool in_frame) {
    for (;;) {
        const StreamProgress step = d.decompress_some(in, buffer);
        in = in.subspan(step.consumed);
        if (step.remaining == 0) {
            in_frame = false;
        } else if (step.consumed != 0) {
            in_frame = true;
        }
        if (step.produced != 0) sink(ByteView(buffer.data(), step.produced));
        // A full buffer means the decoder may hold more output.
        if (in.empty() && step.produced < buffer.size()) return in_frame;
    }
}

}  // namespace detail

// Compresses data written in pieces into frames delivered to a Sink.
//
//   zest::CompressStream zs(file_out, zest::Compressor{zest::Level{19}});
//   for (auto chunk : chunks) zs.write(chunk);
//   zs.finish();
//
// finish() ends the frame; a write() after it starts the next one. The destructor
// does not finish: output cannot be reported from there, so an unfinished stream
// leaves a truncated frame behind (which decompression reports as an error).
class CompressStream {
public:
    explicit CompressStream(Sink sink, Compressor compressor = Compressor())
        : compressor_(std::move(compressor)), sink_(std::move(sink)), buffer_(ZSTD_CStreamOutSize()) {
        compressor_.reset_session();
    }
    // Writes the frames to `out`, which must outlive the stream. A failed write throws
    // std::ios_base::failure.
    explicit CompressStream(std::ostream& out, Compressor compressor = Compressor())
        : CompressStream(detail::ostream_sink(out), std::move(compressor)) {}

    // Takes data; compressed output reaches the sink as whole blocks fill up.
    void write(ByteView data) { run(data, StreamOp::continue_input); }
    void write(std::string_view data) { write(detail::bytes_of(data)); }
    void write(std::span<const std::uint8_t> data) { write(detail::bytes_of(data)); }

    // Delivers everything written so far, so the receiver can decompress all of it now
    // (costs some ratio when done often).
    void flush() { run({}, StreamOp::flush); }
    // Ends the frame (an empty one if nothing was written) and delivers all of it.
    void finish() { run({}, StreamOp::end_frame); }
    // Drops the frame in progress; the next write() starts a new one.
    void reset() noexcept { compressor_.reset_session(); }

    // The context, e.g. for set_pledged_size() before the first write of a frame.
    Compressor& compressor() noexcept { return compressor_; }

private:
    void run(ByteView data, StreamOp op) { detail::pump_compress(compressor_, data, op, buffer_, sink_); }

    Compressor compressor_;
    Sink sink_;
    Bytes buffer_;
};

// Decompresses data written in pieces (any split, any number of concatenated frames)
// and delivers the content to a Sink. finish() checks that the data did not stop in
// the middle of a frame.
class DecompressStream {
public:
    explicit DecompressStream(Sink sink, Decompressor decompressor = Decompressor())
        : decompressor_(std::move(decompressor)), sink_(std::move(sink)), buffer_(ZSTD_DStreamOutSize()) {
        decompressor_.reset_session();
    }
    explicit DecompressStream(std::ostream& out, Decompressor decompressor = Decompressor())
        : DecompressStream(detail::ostream_sink(out), std::move(decompressor)) {}

    // Takes compressed data; throws Error on corrupt input, after which the stream
    // must be reset().
    void write(ByteView data) {
        in_frame_ = detail::pump_decompress(decompressor_, data, buffer_, sink_, in_frame_);
    }
    void write(std::string_view data) { write(detail::bytes_of(data)); }
    void write(std::span<const std::uint8_t> data) { write(detail::bytes_of(data)); }

    // Declares the end of the compressed data: throws Error(srcSize_wrong) when it
    // ended inside a frame (truncated input).
    void finish() const {
        if (in_frame_) detail::throw_truncated();
    }
    // True between the first byte of a frame and the end of its content.
    bool in_frame() const noexcept { return in_frame_; }
    // Drops any partial frame; the next write() must start a new one.
    void reset() noexcept {
        decompressor_.reset_session();
        in_frame_ = false;
    }

    Decompressor& decompressor() noexcept { return decompressor_; }

private:
    Decompressor decompressor_;
    Sink sink_;
    Bytes buffer_;
    bool in_frame_ = false;
};

// ---- Whole std::istream to std::ostream ------------------------------------------------

// Compresses everything `in` yields into one frame written to `out`. Throws
// std::ios_base::failure when reading or writing fails, Error on a compression error.
inline void compress(std::istream& in, std::ostream& out, Compressor& compressor) {
    compressor.reset_session();
    Bytes input(ZSTD_CStreamInSize());
    Bytes output(ZSTD_CStreamOutSize());
    Sink sink = detail::ostream_sink(out);
    for (;;) {
        in.read(reinterpret_cast<char*>(input.data()), static_cast<std::streamsize>(input.size()));
        if (in.bad()) throw std::ios_base::failure("zest: reading the input stream failed");
        const auto got = static_cast<std::size_t>(in.gcount());
        const bool last = got < input.size();  // end of input (or a failed read)
        detail::pump_compress(compressor, ByteView(input).first(got),
                              last ? StreamOp::end_frame : StreamOp::continue_input, output, sink);
        if (last) return;
    }
}
inline void compress(std::istream& in, std::ostream& out, Level level = Level{ZSTD_CLEVEL_DEFAULT}) {
    Compressor compressor(level);
    compress(in, out, compressor);
}

// Decompresses every frame `in` yields to `out`. Throws Error for corrupt or truncated
// data, std::ios_base::failure when reading or writing fails.
inline void decompress(std::istream& in, std::ostream& out, Decompressor& decompressor) {
    decompressor.reset_session();
    Bytes input(ZSTD_DStreamInSize());
    Bytes output(ZSTD_DStreamOutSize());
    Sink sink = detail::ostream_sink(out);
    bool in_frame = false;
    for (;;) {
        in.read(reinterpret_cast<char*>(input.data()), static_cast<std::streamsize>(input.size()));
        if (in.bad()) throw std::ios_base::failure("zest: reading the input stream failed");
        const auto got = static_cast<std::size_t>(in.gcount());
        in_frame = detail::pump_decompress(decompressor, ByteView(input).first(got), output, sink, in_frame);
        if (got < input.size()) break;
    }
    if (in_frame) detail::throw_truncated();
}
inline void decompress(std::istream& in, std::ostream& out) {
    Decompressor decompressor;
    decompress(in, out, decompressor);
}

}  // namespace v1
}  // namespace zest
