// zest C++ API: dictionaries.
//
// A dictionary is shared content both sides know in advance; it makes small frames
// much smaller. Its raw bytes (a trained, formatted dictionary or any content) are
// digested once into a CompressDict or a DecompressDict, which is then reused for
// many frames.
#pragma once

#include "zest/bytes.hpp"
#include "zest/error.hpp"
#include "zest/params.hpp"

#include <memory>
#include <new>

namespace zest {
inline namespace v1 {

class Compressor;
class Decompressor;

namespace detail {
// The C API answers NULL both for a corrupted formatted dictionary and for lack of memory.
[[noreturn]] inline void throw_dictionary_failed() {
    throw Error(ZSTD_error_dictionary_corrupted, "zest: cannot prepare the dictionary (corrupted, or out of memory)");
}
}  // namespace detail

// A dictionary prepared for compression at one level (ZSTD_CDict). Immutable once
// built, so copies share one digest (shared ownership, cheap to copy) and may be used
// from several threads at once. A Compressor that uses it keeps it alive.
class CompressDict {
public:
    // Copies `content`. Frames compressed with this dictionary use `level`.
    explicit CompressDict(ByteView content, Level level = Level{ZSTD_CLEVEL_DEFAULT})
        : dict_(ZSTD_createCDict(content.data(), content.size(), level.value), &ZSTD_freeCDict) {
        if (!dict_) detail::throw_dictionary_failed();
    }
    explicit CompressDict(std::string_view content, Level level = Level{ZSTD_CLEVEL_DEFAULT})
        : CompressDict(detail::bytes_of(content), level) {}
    explicit CompressDict(std::span<const std::uint8_t> content, Level level = Level{ZSTD_CLEVEL_DEFAULT})
        : CompressDict(detail::bytes_of(content), level) {}

    // The ID written into frames; 0 for raw-content dictionaries (no header).
    unsigned id() const noexcept { return ZSTD_getDictID_fromCDict(dict_.get()); }
    // Bytes of memory the digest occupies.
    std::size_t memory_usage() const noexcept { return ZSTD_sizeof_CDict(dict_.get()); }
    const ZSTD_CDict* native_handle() const noexcept { return dict_.get(); }

private:
    friend class Compressor;
    std::shared_ptr<ZSTD_CDict> dict_;
};

// A dictionary prepared for decompression (ZSTD_DDict); shared and thread-safe like
// CompressDict.
class DecompressDict {
public:
    // Copies `content`.
    explicit DecompressDict(ByteView content)
        : dict_(ZSTD_createDDict(content.data(), content.size()), &ZSTD_freeDDict) {
        if (!dict_) detail::throw_dictionary_failed();
    }
    explicit DecompressDict(std::string_view content) : DecompressDict(detail::bytes_of(content)) {}
    explicit DecompressDict(std::span<const std::uint8_t> content) : DecompressDict(detail::bytes_of(content)) {}

    // The ID frames made with this dictionary carry; 0 for raw content.
    unsigned id() const noexcept { return ZSTD_getDictID_fromDDict(dict_.get()); }
    std::size_t memory_usage() const noexcept { return ZSTD_sizeof_DDict(dict_.get()); }
    const ZSTD_DDict* native_handle() const noexcept { return dict_.get(); }

private:
    friend class Decompressor;
    std::shared_ptr<ZSTD_DDict> dict_;
};

// The ID in a formatted dictionary's header; 0 for raw content.
inline unsigned dictionary_id(ByteView content) noexcept {
    return ZSTD_getDictID_fromDict(content.data(), content.size());
}

// The dictionary ID a frame asks for; 0 when it needs none, does not record one, or
// is not a valid frame.
inline unsigned frame_dictionary_id(ByteView frame) noexcept {
    return ZSTD_getDictID_fromFrame(frame.data(), frame.size());
}

}  // namespace v1
}  // namespace zest
