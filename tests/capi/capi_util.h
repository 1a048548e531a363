// Shared helpers for the C API tests. The tests use libzstd exactly as a C
// program would: public headers only, opaque handles, in-band size_t errors.
#pragma once

#define ZSTD_STATIC_LINKING_ONLY
#define ZDICT_STATIC_LINKING_ONLY
#define ZSTD_DISABLE_DEPRECATE_WARNINGS
#include <zdict.h>
#include <zstd.h>
#include <zstd_errors.h>

#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace capi {

using Bytes = std::vector<unsigned char>;

// Directory holding the generated corpus (see gen_corpus.sh); generated on first
// use when the CTest fixture has not run.
const std::string& corpusDir();

// Contents of a corpus file; an empty vector plus a test failure when missing.
Bytes load(const std::string& name);
std::vector<std::string> loadLines(const std::string& name);
bool exists(const std::string& name);

Bytes concat(std::initializer_list<const Bytes*> parts);

// The decoded content of corpus frame `frame` (file name without .zst).
Bytes original(const std::string& frame);

// "E<code>" for an error, the decimal value otherwise.
std::string show(size_t r);

struct DCtxDeleter {
    void operator()(ZSTD_DCtx* d) const { ZSTD_freeDCtx(d); }
};
struct DDictDeleter {
    void operator()(ZSTD_DDict* d) const { ZSTD_freeDDict(d); }
};
using DCtxPtr = std::unique_ptr<ZSTD_DCtx, DCtxDeleter>;
using DDictPtr = std::unique_ptr<ZSTD_DDict, DDictDeleter>;

// Streams `frame` through decompressStream, feeding at most inChunk input bytes and
// offering a fresh outChunk-byte window per call; appends the output to `out`.
// Returns the last return value (0 when everything was decoded and flushed) or the
// first error. Stops when all input is consumed and the last call returned 0, or after
// maxCalls calls.
size_t streamDecode(ZSTD_DCtx* d, const Bytes& frame, size_t inChunk, size_t outChunk, Bytes& out,
                    size_t maxCalls = 50000000);

// Heap block for static workspaces: `size` usable bytes starting `offset` bytes
// past an 8-byte aligned address.
class Workspace {
public:
    explicit Workspace(size_t size, size_t offset = 0) : words_((size + offset) / 8 + 2), offset_(offset) {}
    void* data() { return reinterpret_cast<unsigned char*>(words_.data()) + offset_; }

private:
    std::vector<std::uint64_t> words_;
    size_t offset_;
};

}  // namespace capi

#define EXPECT_ZSTD_OK(expr)                                                                  \
    do {                                                                                      \
        const size_t r_ = (expr);                                                             \
        EXPECT_FALSE(ZSTD_isError(r_)) << #expr << " -> " << ZSTD_getErrorName(r_);           \
    } while (0)

#define ASSERT_ZSTD_OK(expr)                                                                  \
    do {                                                                                      \
        const size_t r_ = (expr);                                                             \
        ASSERT_FALSE(ZSTD_isError(r_)) << #expr << " -> " << ZSTD_getErrorName(r_);           \
    } while (0)

#define EXPECT_ZSTD_ERR(expr, code)                                                           \
    do {                                                                                      \
        const size_t r_ = (expr);                                                             \
        EXPECT_TRUE(ZSTD_isError(r_)) << #expr << " -> " << r_;                               \
        EXPECT_EQ(ZSTD_getErrorCode(r_), (code)) << #expr << " -> " << ZSTD_getErrorName(r_); \
    } while (0)
