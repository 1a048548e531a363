#include "environment.h"

#include <climits>
#include <cstdlib>
#include <optional>

#include "messages.h"
#include "numparse.h"

namespace zcli {
namespace {

// Reads VALUE of NAME=VALUE: an optional sign (when `signedValue`), digits,
// an optional K/M suffix, nothing after. Warns and returns nullopt otherwise.
std::optional<long long> readVariable(const char* name, bool signedValue, std::uint64_t maxMagnitude) {
    const char* text = std::getenv(name);
    if (text == nullptr) return std::nullopt;
    const char* p = text;
    bool negative = false;
    if (signedValue && (*p == '+' || *p == '-')) {
        negative = *p == '-';
        ++p;
    }
    const char* digits = p;
    std::optional<std::uint64_t> magnitude = parseNumber(p, maxMagnitude);
    if (!magnitude) {
        displayAt(2, "Ignore environment variable setting %s=%s: numeric value too large \n", name, text);
        return std::nullopt;
    }
    if (p == digits || *digits < '0' || *digits > '9' || *p != '\0') {
        displayAt(2, "Ignore environment variable setting %s=%s: not a valid %s value \n", name, text,
                  signedValue ? "integer" : "unsigned");
        return std::nullopt;
    }
    const long long value = static_cast<long long>(*magnitude);
    return negative ? -value : value;
}

}  // namespace

void applyEnvironment(Options& o) {
    if (std::optional<long long> level = readVariable("ZSTD_CLEVEL", true, INT_MAX))
        o.comp.level = static_cast<int>(*level);
    if (std::optional<long long> threads = readVariable("ZSTD_NBTHREADS", false, UINT_MAX))
        o.comp.threads = static_cast<unsigned>(*threads);
}

}  // namespace zcli
