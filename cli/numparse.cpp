#include "numparse.h"

#include <cstddef>
#include <cstdio>
#include <limits>

#include "errors.h"

namespace zcli {
namespace {

[[noreturn]] void failOverflow(std::uint64_t maxValue) {
    if (maxValue <= std::numeric_limits<std::uint32_t>::max())
        std::fputs("error: numeric value overflows 32-bit unsigned int \n", stderr);
    else
        std::fputs("error: numeric value overflows size_t \n", stderr);
    throw ExitRequest{1};
}

[[noreturn]] void failNotNumeric() {
    std::fputs("error: only numeric values with optional suffixes K, KB, KiB, M, MB, MiB are allowed \n",
               stderr);
    throw ExitRequest{1};
}

}  // namespace

std::optional<std::uint64_t> parseNumber(const char*& p, std::uint64_t maxValue) {
    std::uint64_t value = 0;
    while (*p >= '0' && *p <= '9') {
        unsigned digit = static_cast<unsigned>(*p - '0');
        if (value > (maxValue - digit) / 10) return std::nullopt;
        value = value * 10 + digit;
        ++p;
    }
    if (*p == 'K' || *p == 'M') {
        unsigned shift = (*p == 'K') ? 10 : 20;
        if (value > (maxValue >> shift)) return std::nullopt;
        value <<= shift;
        ++p;
        if (*p == 'i') ++p;
        if (*p == 'B') ++p;
    }
    return value;
}

std::uint64_t readNumber(const char*& p, std::uint64_t maxValue) {
    std::optional<std::uint64_t> value = parseNumber(p, maxValue);
    if (!value) failOverflow(maxValue);
    return *value;
}

unsigned readU32(const char*& p) {
    return static_cast<unsigned>(readNumber(p, std::numeric_limits<std::uint32_t>::max()));
}

unsigned readU32Whole(const char* text) {
    const char* p = text;
    unsigned v = readU32(p);
    if (*p != '\0') failNotNumeric();
    return v;
}

std::uint64_t readSizeWhole(const char* text) {
    const char* p = text;
    std::uint64_t v = readNumber(p, std::numeric_limits<std::size_t>::max());
    if (*p != '\0') failNotNumeric();
    return v;
}

bool readPlainInt(const char*& p, unsigned& value) {
    if (!(*p >= '0' && *p <= '9')) return false;
    std::uint64_t v = 0;
    while (*p >= '0' && *p <= '9') {
        v = v * 10 + static_cast<unsigned>(*p - '0');
        if (v > std::numeric_limits<std::uint32_t>::max()) failOverflow(std::numeric_limits<std::uint32_t>::max());
        ++p;
    }
    value = static_cast<unsigned>(v);
    return true;
}

}  // namespace zcli
