// zest C++ API: everything in one include.
//
// A C++20 layer over the C API of <zstd.h> (libzstd.so.1), header-only so that the
// library itself stays a plain C library. Namespace zest; errors are zest::Error.
//
//   #include <zest/zest.hpp>
//   std::string packed = zest::compress(text, zest::Level{19});
//   std::string back = zest::decompress(packed);
//
// error.hpp         Error (thrown) and Result (returned by the noexcept *_into functions)
// params.hpp        typed parameters: Level, WindowLog, Strategy, Checksum, ..., bounds<T>()
// bytes.hpp         byte views, StreamOp, StreamProgress
// dictionary.hpp    CompressDict, DecompressDict
// compressor.hpp    Compressor, compress(), compress_into(), compress_bound()
// decompressor.hpp  Decompressor, decompress(), decompress_into(), frame queries
// stream.hpp        CompressStream, DecompressStream, std::istream/std::ostream functions
#pragma once

#include "zest/bytes.hpp"
#include "zest/compressor.hpp"
#include "zest/decompressor.hpp"
#include "zest/dictionary.hpp"
#include "zest/error.hpp"
#include "zest/params.hpp"
#include "zest/stream.hpp"

#include <string_view>

namespace zest {
inline namespace v1 {

// Version of the linked library, e.g. "1.5.7".
inline std::string_view version() noexcept { return ZSTD_versionString(); }

}  // namespace v1
}  // namespace zest
