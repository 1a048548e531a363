// Fatal errors: conditions that abort the whole run with a specific exit code
// (as opposed to per-file failures, which only make the final status 1).
#pragma once

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

// Thrown to stop the program with a given status once everything worth
// saying has already been printed (usage errors, refusals, -h/-V).
struct ExitRequest {
    int exitCode;
};

}  // namespace zcli
