// The other formats the CLI writes and reads through their own libraries:
// gzip (zlib), xz and lzma-alone (liblzma), lz4 frames (liblz4). Each is
// compiled in when CMake finds its library; otherwise its factory returns
// null and the CLI says "compiled without ...", as the reference does.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "formats.h"

namespace zcli {

enum class ForeignFormat { gzip, xz, lzma, lz4 };

// The --format= value; nullopt for "zstd".
std::optional<ForeignFormat> foreignFormatNamed(const std::string& name);
// The format of a detected input (gzip, xz, lzma, lz4), else nullopt.
std::optional<ForeignFormat> foreignFormatOf(InputFormat f);
const char* formatSuffix(ForeignFormat f);  // ".gz", ".xz", ".lzma", ".lz4"
bool formatCompiledIn(ForeignFormat f);
// "zlib version 1.2.13" etc. for -vvV, one line per library compiled in.
std::string formatLibraryVersions();

// Buffers of one step, as in ZSTD_inBuffer / ZSTD_outBuffer.
struct CodecBuffers {
    const unsigned char* in;
    size_t inSize;
    size_t inPos;
    unsigned char* out;
    size_t outSize;
    size_t outPos;
};

enum class CodecStatus { more, end, error };

// One compressed stream (a gzip member, an xz stream, an lz4 frame).
class ForeignEncoder {
public:
    virtual ~ForeignEncoder() = default;
    // Consumes input into the stream and fills output. With `finish` (all
    // input given), returns `end` once the stream is complete and drained.
    virtual CodecStatus encode(CodecBuffers& b, bool finish) = 0;
    // What failed, after `error` (without the file name).
    virtual std::string errorText() const = 0;
    // The reference's exit code for that failure.
    virtual int errorCode() const = 0;
};

struct EncoderSettings {
    int level = 3;  // the zstd level given: clamped to each format's range
    bool checksum = true;  // lz4: content checksum
    std::optional<std::uint64_t> contentSize;  // lz4: written in the header
};

// Decodes one stream and stops at its end; bytes after it stay unread.
class ForeignDecoder {
public:
    virtual ~ForeignDecoder() = default;
    // `atEof`: no input will follow what `b` holds. Returns `end` when the
    // stream is complete and all its output was given, `error` on corrupt
    // or truncated data.
    virtual CodecStatus decode(CodecBuffers& b, bool atEof) = 0;
    virtual std::string errorText() const = 0;
};

// Null when the format is not compiled in. Throws FatalError when the
// library refuses to start (71 like the reference).
std::unique_ptr<ForeignEncoder> makeEncoder(ForeignFormat f, const EncoderSettings& s);
std::unique_ptr<ForeignDecoder> makeDecoder(ForeignFormat f);

}  // namespace zcli
