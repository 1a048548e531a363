// Files and standard streams: opening inputs with the reference's checks,
// creating outputs without clobbering anything unasked, writing (optionally
// sparse) data, cleaning up after failures, and copying file metadata.
#pragma once

#include <sys/stat.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "options.h"

namespace zcli {

// Console detection for the standard streams, honouring the test hooks.
bool stdinIsConsole(const Options& o);
bool stdoutIsConsole(const Options& o);
bool stderrIsConsole(const Options& o);

bool isStdinName(const std::string& name);

// An input opened for reading: a named file or standard input.
class InputFile {
public:
    // Opens `name` ("-" = stdin). Prints the reason and returns nullopt when the
    // input must be skipped (missing, directory, device...).
    static std::unique_ptr<InputFile> open(const std::string& name, const Options& o);
    ~InputFile();
    InputFile(const InputFile&) = delete;
    InputFile& operator=(const InputFile&) = delete;

    // Reads up to `size` bytes; 0 means end of input. Throws ReadError.
    size_t read(void* buffer, size_t size);

    bool isStdin() const { return isStdin_; }
    const std::string& path() const { return path_; }
    const std::string& displayName() const { return display_; }
    bool isRegularFile() const { return isStdin_ ? false : S_ISREG(stat_.st_mode); }
    const struct stat& status() const { return stat_; }
    // Size of a regular file, nullopt when unknown (stdin, pipes).
    std::optional<std::uint64_t> knownSize() const;

private:
    InputFile() = default;
    int fd_ = -1;
    bool isStdin_ = false;
    std::string path_;
    std::string display_;
    struct stat stat_ {};
};

struct ReadError {
    int errnoValue;
};

// Destination of processed bytes.
class OutputSink {
public:
    virtual ~OutputSink() = default;
    // Writes everything or throws FatalError (write errors end the program).
    virtual void write(const void* data, size_t size) = 0;
    // Materializes pending sparse holes. Called once all data was written.
    virtual void flush() {}
};

// Swallows everything (for -t).
class NullSink final : public OutputSink {
public:
    void write(const void*, size_t) override {}
};

// Writes to a file descriptor, turning runs of zeros into holes when asked.
class FdSink : public OutputSink {
public:
    // `sparseRequested` picks the reference's write-error code (93 vs 70);
    // holes are only made when `makeHoles` too (seekable regular files).
    FdSink(int fd, bool sparseRequested, bool makeHoles);
    void write(const void* data, size_t size) override;
    void flush() override;
    // Position of the next byte (pending holes included).
    std::uint64_t position() const { return position_; }
    // Forgets everything written since `pos` (regular files only).
    bool rewindTo(std::uint64_t pos);

private:
    void writeAll(const unsigned char* p, size_t n);
    void skipPending();
    int fd_;
    bool sparseRequested_;
    bool makeHoles_;
    std::uint64_t pendingZeros_ = 0;
    std::uint64_t position_ = 0;
};

// Where the outputs of a run go, as decided once for the whole run.
enum class Destination { perFile, singleFile, standardOutput, discard };

// A created output file. Removed on destruction unless commit() succeeded.
class OutputFile {
public:
    enum class OpenStatus { ok, skipped };
    // Creates `path` for writing after the safety checks (existing file and
    // -f, same file as the input, interactive confirmation). `src` may be null
    // (stdin input). `sparse`: zero runs may become holes. Returns null when
    // the file must not / cannot be written.
    static std::unique_ptr<OutputFile> create(const std::string& path, const InputFile* src, const Options& o,
                                              bool stdinIsAnInput, bool sparse);
    ~OutputFile();
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    FdSink& sink() { return *sink_; }
    const std::string& path() const { return path_; }
    bool sameFileAs(const InputFile& in) const;

    // Finishes the file; copies times, owner and permissions from `src` when
    // given. Returns false (after a message) on close errors.
    bool commit(const InputFile* src);
    // Closes and removes what was written (a non-regular output such as
    // /dev/null is left alone, with the reference's notice unless `quiet`).
    void discard(bool quiet = false);

private:
    OutputFile() = default;
    int fd_ = -1;
    std::string path_;
    bool removable_ = false;  // a regular file this run created
    bool done_ = false;
    struct stat stat_ {};
    std::unique_ptr<FdSink> sink_;
};

// Removes a source file after success (--rm). False after printing an error.
bool removeSourceFile(const std::string& path);

// Removes `path` if it is a regular file; otherwise prints the reference's
// refusal at level 2.
void removeFileIfRegular(const std::string& path);

// Installs the SIGINT/SIGTERM handler that deletes the output in progress.
void installInterruptHandler();

}  // namespace zcli
