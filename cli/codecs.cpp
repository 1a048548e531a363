#include "codecs.h"

namespace zcli {

// Provided by codec_gzip.cpp, codec_xz.cpp and codec_lz4.cpp when their
// library was found.
#ifdef ZEST_HAVE_ZLIB
std::unique_ptr<ForeignEncoder> makeGzipEncoder(const EncoderSettings& s);
std::unique_ptr<ForeignDecoder> makeGzipDecoder();
std::string gzipLibraryVersion();
#endif
#ifdef ZEST_HAVE_LZMA
std::unique_ptr<ForeignEncoder> makeXzEncoder(const EncoderSettings& s, bool plainLzma);
std::unique_ptr<ForeignDecoder> makeXzDecoder(bool plainLzma);
std::string xzLibraryVersion();
#endif
#ifdef ZEST_HAVE_LZ4
std::unique_ptr<ForeignEncoder> makeLz4Encoder(const EncoderSettings& s);
std::unique_ptr<ForeignDecoder> makeLz4Decoder();
std::string lz4LibraryVersion();
#endif

std::optional<ForeignFormat> foreignFormatNamed(const std::string& name) {
    if (name == "gzip") return ForeignFormat::gzip;
    if (name == "xz") return ForeignFormat::xz;
    if (name == "lzma") return ForeignFormat::lzma;
    if (name == "lz4") return ForeignFormat::lz4;
    return std::nullopt;
}

std::optional<ForeignFormat> foreignFormatOf(InputFormat f) {
    switch (f) {
    case InputFormat::gzip: return ForeignFormat::gzip;
    case InputFormat::xz: return ForeignFormat::xz;
    case InputFormat::lzma: return ForeignFormat::lzma;
    case InputFormat::lz4: return ForeignFormat::lz4;
    default: return std::nullopt;
    }
}

const char* formatSuffix(ForeignFormat f) {
    switch (f) {
    case ForeignFormat::gzip: return ".gz";
    case ForeignFormat::xz: return ".xz";
    case ForeignFormat::lzma: return ".lzma";
    case ForeignFormat::lz4: return ".lz4";
    }
    return "";
}

bool formatCompiledIn(ForeignFormat f) {
    switch (f) {
#ifdef ZEST_HAVE_ZLIB
    case ForeignFormat::gzip: return true;
#endif
#ifdef ZEST_HAVE_LZMA
    case ForeignFormat::xz:
    case ForeignFormat::lzma: return true;
#endif
#ifdef ZEST_HAVE_LZ4
    case ForeignFormat::lz4: return true;
#endif
    default: return false;
    }
}

std::string formatLibraryVersions() {
    std::string lines;
#ifdef ZEST_HAVE_ZLIB
    lines += "zlib version " + gzipLibraryVersion() + "\n";
#endif
#ifdef ZEST_HAVE_LZ4
    lines += "lz4 version " + lz4LibraryVersion() + "\n";
#endif
#ifdef ZEST_HAVE_LZMA
    lines += "lzma version " + xzLibraryVersion() + "\n";
#endif
    return lines;
}

std::unique_ptr<ForeignEncoder> makeEncoder(ForeignFormat f, const EncoderSettings& s) {
    switch (f) {
#ifdef ZEST_HAVE_ZLIB
    case ForeignFormat::gzip: return makeGzipEncoder(s);
#endif
#ifdef ZEST_HAVE_LZMA
    case ForeignFormat::xz: return makeXzEncoder(s, false);
    case ForeignFormat::lzma: return makeXzEncoder(s, true);
#endif
#ifdef ZEST_HAVE_LZ4
    case ForeignFormat::lz4: return makeLz4Encoder(s);
#endif
    default: (void)s; return nullptr;
    }
}

std::unique_ptr<ForeignDecoder> makeDecoder(ForeignFormat f) {
    switch (f) {
#ifdef ZEST_HAVE_ZLIB
    case ForeignFormat::gzip: return makeGzipDecoder();
#endif
#ifdef ZEST_HAVE_LZMA
    case ForeignFormat::xz: return makeXzDecoder(false);
    case ForeignFormat::lzma: return makeXzDecoder(true);
#endif
#ifdef ZEST_HAVE_LZ4
    case ForeignFormat::lz4: return makeLz4Decoder();
#endif
    default: return nullptr;
    }
}

}  // namespace zcli
