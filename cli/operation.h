// The per-file work of one direction (decompression now, compression later),
// as seen by the shared file-processing loop in file_loop.cpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "fileio.h"

namespace zcli {

// One input being processed into one sink.
struct FileJob {
    InputFile& input;
    OutputSink& sink;
    const std::string& outputName;  // for messages: a path, or the stdout marker
    unsigned index;  // 1-based position among the run's inputs
    unsigned count;  // number of inputs in the run
};

struct FileOutcome {
    bool ok = false;
    std::uint64_t bytesRead = 0;
    std::uint64_t bytesWritten = 0;
};

class FileOperation {
public:
    virtual ~FileOperation() = default;

    // "compress" / "decompress", used in a few messages.
    virtual const char* verb() const = 0;

    // Output name for `srcPath` when each input gets its own file. Prints
    // the reason and returns nullopt when no name can be derived.
    virtual std::optional<std::string> outputNameFor(const std::string& srcPath) = 0;

    // True when `srcPath` is to be passed over without an error (and without
    // removing it), e.g. already compressed files with --exclude-compressed.
    virtual bool skipsInput(const std::string& /*srcPath*/) { return false; }

    // Streams the input into the sink. Prints per-file errors and the
    // per-file result line itself. Throws FatalError for fatal conditions.
    virtual FileOutcome process(FileJob& job) = 0;

    // Whether outputs may be written sparse (zero runs as holes): by default
    // for decompressed files, never for compressed data.
    virtual bool sparseByDefault() const = 0;

    // Final line of a multi-input run.
    virtual void printSummary(unsigned filesDone, std::uint64_t totalRead, std::uint64_t totalWritten) = 0;
};

}  // namespace zcli
