// zest C++ API: errors.
//
// Functions that allocate a result throw zest::Error; functions that write into a
// caller's buffer are noexcept and return a zest::Result instead, so hot or
// exception-free code can use the library without try/catch.
#pragma once

#include <zstd.h>
#include <zstd_errors.h>

#include <cstddef>
#include <stdexcept>
#include <string>

namespace zest {
// Every C++ API entity lives in this inline namespace: users write zest::Compressor,
// while the linker names stay apart from the library's internal namespace zest and
// from a future, incompatible revision of these header-only types.
inline namespace v1 {

// A failure reported by libzstd (or detected by this layer, e.g. a truncated
// stream). code() is the library's ZSTD_ErrorCode; what() is its message.
class Error : public std::runtime_error {
public:
    explicit Error(ZSTD_ErrorCode code) : std::runtime_error(ZSTD_getErrorString(code)), code_(code) {}
    // For errors found by the C++ layer: a more specific message, same code space.
    Error(ZSTD_ErrorCode code, const std::string& message) : std::runtime_error(message), code_(code) {}

    ZSTD_ErrorCode code() const noexcept { return code_; }

private:
    ZSTD_ErrorCode code_;
};

// The outcome of a non-throwing call: a size on success, an error code otherwise.
class [[nodiscard]] Result {
public:
    // Interprets a size_t returned by a ZSTD_* function (errors are encoded in-band).
    static Result from_zstd(std::size_t ret) noexcept {
        return ZSTD_isError(ret) ? Result(0, ZSTD_getErrorCode(ret)) : Result(ret, ZSTD_error_no_error);
    }
    static constexpr Result failure(ZSTD_ErrorCode code) noexcept { return Result(0, code); }

    constexpr bool ok() const noexcept { return code_ == ZSTD_error_no_error; }
    constexpr explicit operator bool() const noexcept { return ok(); }

    // The size; throws the error instead when there is one (like std::expected::value).
    std::size_t value() const {
        if (!ok()) throw Error(code_);
        return size_;
    }
    // The size, or `fallback` on error.
    constexpr std::size_t value_or(std::size_t fallback) const noexcept { return ok() ? size_ : fallback; }

    // ZSTD_error_no_error on success.
    constexpr ZSTD_ErrorCode error() const noexcept { return code_; }
    // The library's message for error(); "No error detected" on success.
    const char* message() const noexcept { return ZSTD_getErrorString(code_); }

private:
    constexpr Result(std::size_t size, ZSTD_ErrorCode code) noexcept : size_(size), code_(code) {}

    std::size_t size_;
    ZSTD_ErrorCode code_;
};

namespace detail {

// Throws for an in-band error, passes a size through.
inline std::size_t check(std::size_t ret) {
    if (ZSTD_isError(ret)) throw Error(ZSTD_getErrorCode(ret));
    return ret;
}

}  // namespace detail
}  // namespace v1
}  // namespace zest
