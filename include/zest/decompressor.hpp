// zest C++ API: decompression.
//
// decompress() returns all the content of every frame in its input, whether or not the
// frame headers record their content size: sizes known up front are allocated once,
// otherwise the output grows as the frames are streamed. An optional max_size caps
// how much memory a hostile or unexpected input can make it take.
#pragma once

#include "zest/bytes.hpp"
#include "zest/dictionary.hpp"
#include "zest/error.hpp"
#include "zest/params.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <memory>
#include <new>
#include <optional>

namespace zest {
inline namespace v1 {

// The default max_size: no limit beyond what memory allows.
inline constexpr std::size_t no_size_limit = std::numeric_limits<std::size_t>::max();

// The content size the frame at the start of `frame` declares; std::nullopt when its
// header omits it (the frame was streamed), 0 for a skippable frame. Throws
// Error(prefix_unknown) when no valid frame header starts there.
inline std::optional<std::uint64_t> frame_content_size(ByteView frame) {
    const unsigned long long n = ZSTD_getFrameContentSize(frame.data(), frame.size());
    if (n == ZSTD_CONTENTSIZE_ERROR) throw Error(ZSTD_error_prefix_unknown, "zest: no valid frame header");
    if (n == ZSTD_CONTENTSIZE_UNKNOWN) return std::nullopt;
    return n;
}

// Length of the whole frame (zstd or skippable) at the start of `src`: where the next
// frame begins. Throws Error if it is not a complete, well-formed frame.
inline std::size_t frame_compressed_size(ByteView src) {
    return detail::check(ZSTD_findFrameCompressedSize(src.data(), src.size()));
}

namespace detail {

// Total content size of all frames in src when every header declares it. A declared
// size no block structure of that length could produce is reported as corruption
// before anything is allocated for it (each block has a 3-byte header and at most
// ZSTD_BLOCKSIZE_MAX bytes of content).
inline std::optional<std::uint64_t> declared_content_size(ByteView src) {
    std::uint64_t total = 0;
    while (!src.empty()) {
        const std::size_t frame = frame_compressed_size(src);
        const std::optional<std::uint64_t> n = frame_content_size(src.first(frame));
        if (!n) return std::nullopt;
        if (*n > (frame / 3 + 1) * std::uint64_t{ZSTD_BLOCKSIZE_MAX}) {
            throw Error(ZSTD_error_corruption_detected);
        }
        total = *n > std::numeric_limits<std::uint64_t>::max() - total ? std::numeric_limits<std::uint64_t>::max()
                                                                        : total + *n;
        src = src.subspan(frame);
    }
    return total;
}

[[noreturn]] inline void throw_over_limit() {
    throw Error(ZSTD_error_dstSize_tooSmall, "zest: decompressed content exceeds max_size");
}
[[noreturn]] inline void throw_truncated() {
    throw Error(ZSTD_error_srcSize_wrong, "zest: compressed data ends inside a frame");
}

}  // namespace detail

// A decompression context (ZSTD_DCtx) with sticky parameters and an optional
// dictionary. Movable, not copyable; a moved-from Decompressor may only be assigned to
// or destroyed. Not thread-safe: use one per thread.
class Decompressor {
public:
    Decompressor() : dctx_(ZSTD_createDCtx()) {
        if (!dctx_) throw std::bad_alloc();
    }
    template <DecompressionSetting... Settings>
        requires(sizeof...(Settings) > 0)
    explicit Decompressor(Settings... settings) : Decompressor() {
        (set(settings), ...);
    }

    // Sets one parameter. Throws Error(parameter_outOfBound) outside bounds<T>(),
    // Error(stage_wrong) in the middle of a frame.
    template <DecompressionSetting T>
    Decompressor& set(T setting) {
        const detail::NativeDParam p = detail::native(setting);
        detail::check(ZSTD_DCtx_setParameter(dctx_.get(), p.id, p.value));
        return *this;
    }

    // Decompresses the following frames with `dict` (kept alive by this Decompressor).
    Decompressor& set_dictionary(const DecompressDict& dict) {
        detail::check(ZSTD_DCtx_refDDict(dctx_.get(), dict.dict_.get()));
        dict_ = dict.dict_;
        return *this;
    }
    // Copies raw dictionary content into the context.
    Decompressor& load_dictionary(ByteView content) {
        detail::check(ZSTD_DCtx_loadDictionary(dctx_.get(), content.data(), content.size()));
        dict_.reset();
        return *this;
    }
    Decompressor& clear_dictionary() {
        detail::check(ZSTD_DCtx_refDDict(dctx_.get(), nullptr));
        dict_.reset();
        return *this;
    }

    // Abandons a frame in progress (e.g. after an error); keeps parameters and dictionary.
    void reset_session() noexcept { (void)ZSTD_DCtx_reset(dctx_.get(), ZSTD_reset_session_only); }
    // Abandons a frame in progress, back to default parameters, without dictionary.
    void reset_all() noexcept {
        (void)ZSTD_DCtx_reset(dctx_.get(), ZSTD_reset_session_and_parameters);
        dict_.reset();
    }

    // The content of every frame in src (skippable frames contribute nothing). Throws
    // Error: corruption_detected, prefix_unknown (not zstd data), srcSize_wrong
    // (truncated), dictionary_wrong, dstSize_tooSmall when the content is larger than
    // max_size, frameParameter_windowTooLarge when a frame without a declared size
    // needs a window above WindowLogMax (it is decoded by streaming). Abandons any
    // streamed frame in progress. After a failure the context is ready for the next
    // call, parameters and dictionary unchanged.
    Bytes decompress(ByteView src, std::size_t max_size = no_size_limit) {
        return decompress_as<Bytes>(src, max_size);
    }
    std::string decompress(std::string_view src, std::size_t max_size = no_size_limit) {
        return decompress_as<std::string>(detail::bytes_of(src), max_size);
    }
    std::vector<std::uint8_t> decompress(std::span<const std::uint8_t> src, std::size_t max_size = no_size_limit) {
        return decompress_as<std::vector<std::uint8_t>>(detail::bytes_of(src), max_size);
    }

    // Same, into dst: the content size, or an error (dstSize_tooSmall when dst is too
    // small; frame_content_size() tells how large it must be when the frame says so).
    Result decompress_into(MutableByteView dst, ByteView src) noexcept {
        return settle(ZSTD_decompressDCtx(dctx_.get(), dst.data(), dst.size(), src.data(), src.size()));
    }
    Result decompress_into(std::span<char> dst, std::string_view src) noexcept {
        return decompress_into(detail::bytes_of(dst), detail::bytes_of(src));
    }
    Result decompress_into(std::span<std::uint8_t> dst, std::span<const std::uint8_t> src) noexcept {
        return decompress_into(detail::bytes_of(dst), detail::bytes_of(src));
    }

    // One streaming step (ZSTD_decompressStream): takes what it can of `in`, writes what
    // it can to `out`. Call again with the rest, and again while out came back full
    // (more may be waiting). remaining == 0 marks the end of a frame.
    // DecompressStream wraps this loop.
    StreamProgress decompress_some(ByteView in, MutableByteView out) {
        ZSTD_inBuffer input{in.data(), in.size(), 0};
        ZSTD_outBuffer output{out.data(), out.size(), 0};
        const std::size_t hint = detail::check(ZSTD_decompressStream(dctx_.get(), &output, &input));
        return {input.pos, output.pos, hint};
    }

    std::size_t memory_usage() const noexcept { return ZSTD_sizeof_DCtx(dctx_.get()); }
    // For C API calls this class does not wrap. The Decompressor still owns it.
    ZSTD_DCtx* native_handle() const noexcept { return dctx_.get(); }

private:
    struct Free {
        void operator()(ZSTD_DCtx* d) const noexcept { ZSTD_freeDCtx(d); }
    };

    template <class Out>
    Out decompress_as(ByteView src, std::size_t max_size) {
        if (const std::optional<std::uint64_t> total = detail::declared_content_size(src)) {
            if (*total > max_size) detail::throw_over_limit();
            return detail::produce<Out>(static_cast<std::size_t>(*total),
                                        [&](MutableByteView dst) { return decompress_into(dst, src).value(); });
        }
        try {
            return stream_into_growing<Out>(src, max_size);
        } catch (...) {
            reset_session();
            throw;
        }
    }

    // A failed call leaves the context inside a frame, where set() is refused; the
    // context is put back to a clean state so the caller can go on using it.
    Result settle(std::size_t ret) noexcept {
        if (ZSTD_isError(ret)) reset_session();
        return Result::from_zstd(ret);
    }

    // Some frame does not declare its size: stream into a buffer that doubles as it
    // fills up, never past max_size.
    template <class Out>
    Out stream_into_growing(ByteView src, std::size_t max_size) {
        reset_session();
        Out out;
        out.resize(std::min(max_size, std::max<std::size_t>(4096, src.size() * 4)));
        std::size_t pos = 0;
        for (;;) {
            const StreamProgress step = decompress_some(src, detail::storage_of(out).subspan(pos));
            src = src.subspan(step.consumed);
            pos += step.produced;
            if (pos < out.size()) {
                if (!src.empty()) continue;  // a frame ended; the next one follows
                if (step.remaining != 0) detail::throw_truncated();
                break;
            }
            // Output full: the decoder may hold more.
            if (src.empty() && step.remaining == 0) break;
            if (out.size() == max_size) detail::throw_over_limit();
            out.resize(out.size() + std::min(out.size(), max_size - out.size()));
        }
        detail::trim(out, pos);
        return out;
    }

    std::shared_ptr<ZSTD_DDict> dict_;  // released after the context
    std::unique_ptr<ZSTD_DCtx, Free> dctx_;
};

// ---- One-shot with a temporary context ------------------------------------------------

inline Bytes decompress(ByteView src, std::size_t max_size = no_size_limit) {
    return Decompressor().decompress(src, max_size);
}
inline std::string decompress(std::string_view src, std::size_t max_size = no_size_limit) {
    return Decompressor().decompress(src, max_size);
}
inline std::vector<std::uint8_t> decompress(std::span<const std::uint8_t> src, std::size_t max_size = no_size_limit) {
    return Decompressor().decompress(src, max_size);
}

inline Result decompress_into(MutableByteView dst, ByteView src) noexcept {
    return Result::from_zstd(ZSTD_decompress(dst.data(), dst.size(), src.data(), src.size()));
}
inline Result decompress_into(std::span<char> dst, std::string_view src) noexcept {
    return decompress_into(detail::bytes_of(dst), detail::bytes_of(src));
}
inline Result decompress_into(std::span<std::uint8_t> dst, std::span<const std::uint8_t> src) noexcept {
    return decompress_into(detail::bytes_of(dst), detail::bytes_of(src));
}

namespace detail {

inline Result decompress_into_with(MutableByteView dst, ByteView src, const DecompressDict& dict) noexcept {
    const std::unique_ptr<ZSTD_DCtx, decltype(&ZSTD_freeDCtx)> dctx(ZSTD_createDCtx(), &ZSTD_freeDCtx);
    if (!dctx) return Result::failure(ZSTD_error_memory_allocation);
    return Result::from_zstd(ZSTD_decompress_usingDDict(dctx.get(), dst.data(), dst.size(), src.data(), src.size(),
                                                        dict.native_handle()));
}

}  // namespace detail

// With a dictionary.
inline Bytes decompress(ByteView src, const DecompressDict& dict, std::size_t max_size = no_size_limit) {
    return Decompressor().set_dictionary(dict).decompress(src, max_size);
}
inline std::string decompress(std::string_view src, const DecompressDict& dict, std::size_t max_size = no_size_limit) {
    return Decompressor().set_dictionary(dict).decompress(src, max_size);
}
inline std::vector<std::uint8_t> decompress(std::span<const std::uint8_t> src, const DecompressDict& dict,
                                            std::size_t max_size = no_size_limit) {
    return Decompressor().set_dictionary(dict).decompress(src, max_size);
}
inline Result decompress_into(MutableByteView dst, ByteView src, const DecompressDict& dict) noexcept {
    return detail::decompress_into_with(dst, src, dict);
}
inline Result decompress_into(std::span<char> dst, std::string_view src, const DecompressDict& dict) noexcept {
    return detail::decompress_into_with(detail::bytes_of(dst), detail::bytes_of(src), dict);
}
inline Result decompress_into(std::span<std::uint8_t> dst, std::span<const std::uint8_t> src,
                              const DecompressDict& dict) noexcept {
    return detail::decompress_into_with(detail::bytes_of(dst), detail::bytes_of(src), dict);
}

}  // namespace v1
}  // namespace zest
