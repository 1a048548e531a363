// Fatal errors: conditions that abort the whole run with a specific exit code
// (as opposed to per-file failures, which only make the final status 1).
#pragma once

#include <zstd.h>

#include <stdexcept>
#include <string>

namespace zcli {

class FatalError : public std::runtime_error {
public:
    FatalError(int exitCode, std::string message)
        : std::runtime_error(std::move(message)), code_(exitCode) {}
    int exitCode() const { return code_; }

private:
    int code_;
};

// A failed library call while setting up or running a context is fatal,
// with the reference's exit code 11 and the library's error name.
inline size_t checkZstd(size_t result) {
    if (ZSTD_isError(result)) throw FatalError(11, ZSTD_getErrorName(result));
    return result;
}

// Thrown to stop the program with a given status once everything worth
// saying has already been printed (usage errors, refusals, -h/-V).
struct ExitRequest {
    int exitCode;
};

}  // namespace zcli
