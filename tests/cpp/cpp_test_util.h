// Test data for the C++ API tests: generated, deterministic, small.
#pragma once

#include <zest/zest.hpp>

#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>
#include <vector>

namespace cpptest {

// Sizes every round trip covers: empty, one byte, small, and more than one block.
inline const std::vector<std::size_t> kSizes = {0, 1, 1000, 200 * 1024};

// Text-like bytes: words from a small vocabulary picked by a fixed LCG, so the data
// compresses well but is not trivially repetitive.
inline std::string text(std::size_t size, std::uint32_t seed = 1) {
    static const char* const words[] = {"zstd ", "frame ", "block ", "literal ", "match ", "offset ", "window ",
                                        "huffman ", "entropy ", "sequence ", "\n", "dictionary ", "checksum "};
    std::string out;
    out.reserve(size + 16);
    std::uint32_t state = seed;
    while (out.size() < size) {
        state = state * 1664525u + 1013904223u;
        out += words[(state >> 16) % (sizeof(words) / sizeof(words[0]))];
    }
    out.resize(size);
    return out;
}

// Bytes that do not compress.
inline zest::Bytes noise(std::size_t size, std::uint32_t seed = 7) {
    zest::Bytes out(size);
    std::uint32_t state = seed;
    for (auto& b : out) {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        b = static_cast<std::byte>(state);
    }
    return out;
}

inline zest::Bytes as_bytes(const std::string& s) {
    const auto* p = reinterpret_cast<const std::byte*>(s.data());
    return zest::Bytes(p, p + s.size());
}

inline std::vector<std::uint8_t> as_u8(const std::string& s) { return std::vector<std::uint8_t>(s.begin(), s.end()); }

// The frame header of a compressed buffer, for checking what parameters did.
struct Header {
    unsigned long long content_size;
    unsigned long long window_size;
    unsigned dict_id;
    bool checksum;
};
Header header_of(zest::ByteView frame);

// Equality of two byte sequences (any of the three families) with a short message:
// sizes and the first difference, never the whole content.
template <class A, class B>
::testing::AssertionResult same_bytes(const A& a, const B& b) {
    const auto* pa = reinterpret_cast<const unsigned char*>(std::data(a));
    const auto* pb = reinterpret_cast<const unsigned char*>(std::data(b));
    const std::size_t na = std::size(a), nb = std::size(b);
    std::size_t i = 0;
    while (i < na && i < nb && pa[i] == pb[i]) i++;
    if (i == na && na == nb) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << "sizes " << na << " and " << nb << ", first difference at byte " << i;
}

// Catches zest::Error from `fn` and returns its code; fails the test if none is thrown.
template <class Fn>
ZSTD_ErrorCode error_code_of(Fn&& fn) {
    try {
        fn();
    } catch (const zest::Error& e) {
        return e.code();
    }
    ADD_FAILURE() << "no zest::Error thrown";
    return ZSTD_error_no_error;
}

}  // namespace cpptest
