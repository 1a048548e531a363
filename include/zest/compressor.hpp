// zest C++ API: compression.
//
// Free functions compress in one call with a temporary context. A Compressor keeps
// its context, parameters and dictionary between calls: reuse it when compressing many
// inputs (it saves the context's allocation and setup each time).
#pragma once

#include "zest/bytes.hpp"
#include "zest/dictionary.hpp"
#include "zest/error.hpp"
#include "zest/params.hpp"

#include <cstdint>
#include <memory>
#include <new>

namespace zest {
inline namespace v1 {

// Largest compressed size of n input bytes, for sizing a compress_into buffer.
// Throws Error(srcSize_wrong) when n is beyond what a frame can hold.
inline std::size_t compress_bound(std::size_t n) { return detail::check(ZSTD_compressBound(n)); }

// A compression context (ZSTD_CCtx) with sticky parameters and an optional dictionary.
// Owns its context alone: movable, not copyable. A moved-from Compressor may only be
// assigned to or destroyed. Not thread-safe: use one per thread.
class Compressor {
public:
    Compressor() : cctx_(ZSTD_createCCtx()) {
        if (!cctx_) throw std::bad_alloc();
    }
    // Compressor{Level{19}, Checksum::on}: a context with these settings applied in order.
    template <CompressionSetting... Settings>
        requires(sizeof...(Settings) > 0)
    explicit Compressor(Settings... settings) : Compressor() {
        (set(settings), ...);
    }

    // Sets one parameter for the following frames. Throws Error(parameter_outOfBound)
    // for a value outside bounds<T>(), Error(stage_wrong) in the middle of a frame.
    template <CompressionSetting T>
    Compressor& set(T setting) {
        const detail::NativeCParam p = detail::native(setting);
        detail::check(ZSTD_CCtx_setParameter(cctx_.get(), p.id, p.value));
        return *this;
    }

    // Announces the exact content size of the next streamed frame: it goes into the
    // header and is checked at the end. One-shot compress() knows the size anyway.
    Compressor& set_pledged_size(std::uint64_t size) {
        detail::check(ZSTD_CCtx_setPledgedSrcSize(cctx_.get(), size));
        return *this;
    }

    // Compresses the following frames with `dict` (kept alive by this Compressor).
    // The frames use the level the dictionary was prepared with.
    Compressor& set_dictionary(const CompressDict& dict) {
        detail::check(ZSTD_CCtx_refCDict(cctx_.get(), dict.dict_.get()));
        dict_ = dict.dict_;
        return *this;
    }
    // Copies raw dictionary content into the context; it is digested for the next
    // frame at this context's own level. Simpler than a CompressDict for a one-off.
    Compressor& load_dictionary(ByteView content) {
        detail::check(ZSTD_CCtx_loadDictionary(cctx_.get(), content.data(), content.size()));
        dict_.reset();
        return *this;
    }
    // Back to compressing without a dictionary.
    Compressor& clear_dictionary() {
        detail::check(ZSTD_CCtx_refCDict(cctx_.get(), nullptr));
        dict_.reset();
        return *this;
    }

    // Abandons a frame in progress (e.g. after an exception); keeps parameters and dictionary.
    void reset_session() noexcept { (void)ZSTD_CCtx_reset(cctx_.get(), ZSTD_reset_session_only); }
    // Abandons a frame in progress and returns to default parameters, without dictionary.
    void reset_all() noexcept {
        (void)ZSTD_CCtx_reset(cctx_.get(), ZSTD_reset_session_and_parameters);
        dict_.reset();
    }

    // One frame holding all of src, with this context's parameters and dictionary.
    // Abandons any streamed frame in progress. After a failure the context is ready
    // for the next call, parameters and dictionary unchanged.
    Bytes compress(ByteView src) { return compress_as<Bytes>(src); }
    std::string compress(std::string_view src) { return compress_as<std::string>(detail::bytes_of(src)); }
    std::vector<std::uint8_t> compress(std::span<const std::uint8_t> src) {
        return compress_as<std::vector<std::uint8_t>>(detail::bytes_of(src));
    }

    // Same, into dst; returns the frame size, or dstSize_tooSmall when dst is smaller
    // than needed (compress_bound(src.size()) always suffices).
    Result compress_into(MutableByteView dst, ByteView src) noexcept {
        return settle(ZSTD_compress2(cctx_.get(), dst.data(), dst.size(), src.data(), src.size()));
    }
    Result compress_into(std::span<char> dst, std::string_view src) noexcept {
        return compress_into(detail::bytes_of(dst), detail::bytes_of(src));
    }
    Result compress_into(std::span<std::uint8_t> dst, std::span<const std::uint8_t> src) noexcept {
        return compress_into(detail::bytes_of(dst), detail::bytes_of(src));
    }

    // One streaming step (ZSTD_compressStream2): takes what it can of `in`, writes what
    // it can to `out`. Call again with the rest until all input is consumed and, for
    // flush/end_frame, until remaining is 0. CompressStream wraps this loop.
    StreamProgress compress_some(ByteView in, MutableByteView out, StreamOp op) {
        ZSTD_inBuffer input{in.data(), in.size(), 0};
        ZSTD_outBuffer output{out.data(), out.size(), 0};
        const std::size_t remaining =
            detail::check(ZSTD_compressStream2(cctx_.get(), &output, &input, static_cast<ZSTD_EndDirective>(op)));
        return {input.pos, output.pos, remaining};
    }

    // Bytes of memory the context occupies now.
    std::size_t memory_usage() const noexcept { return ZSTD_sizeof_CCtx(cctx_.get()); }
    // For C API calls this class does not wrap. The Compressor still owns it.
    ZSTD_CCtx* native_handle() const noexcept { return cctx_.get(); }

private:
    struct Free {
        void operator()(ZSTD_CCtx* c) const noexcept { ZSTD_freeCCtx(c); }
    };

    template <class Out>
    Out compress_as(ByteView src) {
        return detail::produce<Out>(compress_bound(src.size()),
                                    [&](MutableByteView dst) { return compress_into(dst, src).value(); });
    }

    // A failed one-shot call leaves the context inside a frame, where set() is refused;
    // the context is put back to a clean state so the caller can go on using it.
    Result settle(std::size_t ret) noexcept {
        if (ZSTD_isError(ret)) reset_session();
        return Result::from_zstd(ret);
    }

    // Declared before the context so that it is released after it.
    std::shared_ptr<ZSTD_CDict> dict_;
    std::unique_ptr<ZSTD_CCtx, Free> cctx_;
};

// ---- One-shot with a temporary context ------------------------------------------------

namespace detail {

template <class Out>
Out compress_at_level(ByteView src, Level level) {
    return produce<Out>(compress_bound(src.size()), [&](MutableByteView dst) {
        return check(ZSTD_compress(dst.data(), dst.size(), src.data(), src.size(), level.value));
    });
}

inline Result compress_into_with(MutableByteView dst, ByteView src, const CompressDict& dict) noexcept {
    const std::unique_ptr<ZSTD_CCtx, decltype(&ZSTD_freeCCtx)> cctx(ZSTD_createCCtx(), &ZSTD_freeCCtx);
    if (!cctx) return Result::failure(ZSTD_error_memory_allocation);
    return Result::from_zstd(ZSTD_compress_usingCDict(cctx.get(), dst.data(), dst.size(), src.data(), src.size(),
                                                      dict.native_handle()));
}

}  // namespace detail

// One frame holding all of src, at `level`.
inline Bytes compress(ByteView src, Level level = Level{ZSTD_CLEVEL_DEFAULT}) {
    return detail::compress_at_level<Bytes>(src, level);
}
inline std::string compress(std::string_view src, Level level = Level{ZSTD_CLEVEL_DEFAULT}) {
    return detail::compress_at_level<std::string>(detail::bytes_of(src), level);
}
inline std::vector<std::uint8_t> compress(std::span<const std::uint8_t> src, Level level = Level{ZSTD_CLEVEL_DEFAULT}) {
    return detail::compress_at_level<std::vector<std::uint8_t>>(detail::bytes_of(src), level);
}

// Into dst: the frame size, or an error (dstSize_tooSmall when dst is too small).
inline Result compress_into(MutableByteView dst, ByteView src, Level level = Level{ZSTD_CLEVEL_DEFAULT}) noexcept {
    return Result::from_zstd(ZSTD_compress(dst.data(), dst.size(), src.data(), src.size(), level.value));
}
inline Result compress_into(std::span<char> dst, std::string_view src,
                            Level level = Level{ZSTD_CLEVEL_DEFAULT}) noexcept {
    return compress_into(detail::bytes_of(dst), detail::bytes_of(src), level);
}
inline Result compress_into(std::span<std::uint8_t> dst, std::span<const std::uint8_t> src,
                            Level level = Level{ZSTD_CLEVEL_DEFAULT}) noexcept {
    return compress_into(detail::bytes_of(dst), detail::bytes_of(src), level);
}

// With a dictionary (at the level it was prepared with).
inline Bytes compress(ByteView src, const CompressDict& dict) { return Compressor().set_dictionary(dict).compress(src); }
inline std::string compress(std::string_view src, const CompressDict& dict) {
    return Compressor().set_dictionary(dict).compress(src);
}
inline std::vector<std::uint8_t> compress(std::span<const std::uint8_t> src, const CompressDict& dict) {
    return Compressor().set_dictionary(dict).compress(src);
}
inline Result compress_into(MutableByteView dst, ByteView src, const CompressDict& dict) noexcept {
    return detail::compress_into_with(dst, src, dict);
}
inline Result compress_into(std::span<char> dst, std::string_view src, const CompressDict& dict) noexcept {
    return detail::compress_into_with(detail::bytes_of(dst), detail::bytes_of(src), dict);
}
inline Result compress_into(std::span<std::uint8_t> dst, std::span<const std::uint8_t> src,
                            const CompressDict& dict) noexcept {
    return detail::compress_into_with(detail::bytes_of(dst), detail::bytes_of(src), dict);
}

}  // namespace v1
}  // namespace zest
