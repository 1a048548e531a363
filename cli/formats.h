// Recognizing input formats by their first bytes.
#pragma once

#include <cstddef>
#include <cstdint>

namespace zcli {

enum class InputFormat { zstdFrame, skippableFrame, gzip, xz, lzma, lz4, unknown };

inline constexpr std::uint32_t kZstdMagic = 0xFD2FB528u;
inline constexpr std::uint32_t kSkippableMagicBase = 0x184D2A50u;  // low 4 bits free
inline constexpr size_t kMagicSize = 4;

inline std::uint32_t readLE32(const unsigned char* p) {
    return static_cast<std::uint32_t>(p[0]) | static_cast<std::uint32_t>(p[1]) << 8 |
           static_cast<std::uint32_t>(p[2]) << 16 | static_cast<std::uint32_t>(p[3]) << 24;
}

// Classifies the start of a stream (needs `size` >= 4 for zstd decisions).
inline InputFormat detectFormat(const unsigned char* p, size_t size) {
    if (size >= 4) {
        std::uint32_t magic = readLE32(p);
        if (magic == kZstdMagic) return InputFormat::zstdFrame;
        if ((magic & 0xFFFFFFF0u) == kSkippableMagicBase) return InputFormat::skippableFrame;
        if (magic == 0x184D2204u) return InputFormat::lz4;
    }
    if (size >= 2 && p[0] == 0x1F && p[1] == 0x8B) return InputFormat::gzip;
    if (size >= 6 && p[0] == 0xFD && p[1] == '7' && p[2] == 'z' && p[3] == 'X' && p[4] == 'Z' && p[5] == 0)
        return InputFormat::xz;
    if (size >= 3 && p[0] == 0x5D && p[1] == 0 && p[2] == 0) return InputFormat::lzma;
    return InputFormat::unknown;
}

}  // namespace zcli
