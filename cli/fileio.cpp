#include "fileio.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include "errors.h"
#include "messages.h"
#include "prompt.h"

namespace zcli {

bool stdinIsConsole(const Options& o) { return o.fakeStdinConsole || ::isatty(STDIN_FILENO) == 1; }
bool stdoutIsConsole(const Options& o) { return o.fakeStdoutConsole || ::isatty(STDOUT_FILENO) == 1; }
bool stderrIsConsole(const Options& o) { return o.fakeStderrConsole || ::isatty(STDERR_FILENO) == 1; }

bool isStdinName(const std::string& name) { return name == kStdinArg; }

// ---------------------------------------------------------------- interrupts

namespace {

// Path of the output being written, deleted if the user interrupts us.
// A fixed buffer so the signal handler touches no allocator.
char g_artefact[4096];
volatile sig_atomic_t g_haveArtefact = 0;

void setArtefact(const std::string& path) {
    if (path.size() >= sizeof g_artefact) return;
    g_haveArtefact = 0;
    std::memcpy(g_artefact, path.c_str(), path.size() + 1);
    g_haveArtefact = 1;
}

void clearArtefact() { g_haveArtefact = 0; }

extern "C" void onInterrupt(int) {
    if (g_haveArtefact) ::unlink(g_artefact);
    const char nl = '\n';
    ssize_t ignored = ::write(STDERR_FILENO, &nl, 1);
    (void)ignored;
    ::_exit(2);
}

}  // namespace

void installInterruptHandler() {
    struct sigaction sa {};
    sa.sa_handler = onInterrupt;
    sigemptyset(&sa.sa_mask);
    ::sigaction(SIGINT, &sa, nullptr);
    ::sigaction(SIGTERM, &sa, nullptr);
}

// --------------------------------------------------------------------- input

std::unique_ptr<InputFile> InputFile::open(const std::string& name, const Options& o) {
    std::unique_ptr<InputFile> in(new InputFile());
    if (isStdinName(name)) {
        in->isStdin_ = true;
        in->fd_ = STDIN_FILENO;
        in->path_ = name;
        in->display_ = kStdinDisplay;
        ::fstat(STDIN_FILENO, &in->stat_);
        return in;
    }
    in->path_ = name;
    in->display_ = name;
    if (::stat(name.c_str(), &in->stat_) != 0) {
        displayAt(1, "zstd: can't stat %s : %s -- ignored \n", name.c_str(), std::strerror(errno));
        return nullptr;
    }
    const mode_t m = in->stat_.st_mode;
    if (S_ISDIR(m)) {
        displayAt(1, "zstd: %s is a directory -- ignored \n", name.c_str());
        return nullptr;
    }
    if (!S_ISREG(m) && !S_ISFIFO(m) && !(S_ISBLK(m) && o.force)) {
        displayAt(1, "zstd: %s is not a regular file -- ignored \n", name.c_str());
        return nullptr;
    }
    in->fd_ = ::open(name.c_str(), O_RDONLY | O_CLOEXEC);
    if (in->fd_ < 0) {
        displayAt(1, "zstd: %s: %s \n", name.c_str(), std::strerror(errno));
        return nullptr;
    }
    return in;
}

InputFile::~InputFile() {
    if (fd_ >= 0 && !isStdin_) ::close(fd_);
}

size_t InputFile::read(void* buffer, size_t size) {
    size_t total = 0;
    auto* p = static_cast<unsigned char*>(buffer);
    while (total < size) {
        ssize_t n = ::read(fd_, p + total, size - total);
        if (n < 0) {
            if (errno == EINTR) continue;
            throw ReadError{errno};
        }
        if (n == 0) break;
        total += static_cast<size_t>(n);
        // A pipe delivers data piecewise: hand over what arrived instead of
        // waiting for a full buffer (keeps streaming latency low).
        if (!isRegularFile()) break;
    }
    return total;
}

std::optional<std::uint64_t> InputFile::knownSize() const {
    if (!isRegularFile()) return std::nullopt;
    return static_cast<std::uint64_t>(stat_.st_size);
}

// -------------------------------------------------------------------- output

FdSink::FdSink(int fd, bool sparseRequested, bool makeHoles)
    : fd_(fd), sparseRequested_(sparseRequested), makeHoles_(makeHoles) {}

void FdSink::writeAll(const unsigned char* p, size_t n) {
    while (n > 0) {
        ssize_t w = ::write(fd_, p, n);
        if (w < 0) {
            if (errno == EINTR) continue;
            throw FatalError(sparseRequested_ ? 93 : 70,
                             std::string("Write error : cannot write block : ") + std::strerror(errno));
        }
        p += w;
        n -= static_cast<size_t>(w);
    }
}

void FdSink::skipPending() {
    if (pendingZeros_ == 0) return;
    if (::lseek(fd_, static_cast<off_t>(pendingZeros_), SEEK_CUR) < 0)
        throw FatalError(92, "Sparse skip error ; try --no-sparse");
    pendingZeros_ = 0;
}

namespace {

bool allZero(const unsigned char* p, size_t n) {
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        std::uint64_t w;
        std::memcpy(&w, p + i, 8);
        if (w != 0) return false;
    }
    for (; i < n; ++i)
        if (p[i] != 0) return false;
    return true;
}

}  // namespace

void FdSink::write(const void* data, size_t size) {
    auto* p = static_cast<const unsigned char*>(data);
    position_ += size;
    if (!makeHoles_) {
        writeAll(p, size);
        return;
    }
    // Zero 4 KiB segments become holes; the data between them goes out in
    // one write (one system call per segment made decompression ~2x slower).
    constexpr size_t kSegment = 4096;
    const unsigned char* run = p;  // start of the data not yet written
    while (size > 0) {
        const size_t n = size < kSegment ? size : kSegment;
        if (allZero(p, n)) {
            if (p > run) {
                skipPending();
                writeAll(run, static_cast<size_t>(p - run));
            }
            pendingZeros_ += n;
            run = p + n;
        }
        p += n;
        size -= n;
    }
    if (p > run) {
        skipPending();
        writeAll(run, static_cast<size_t>(p - run));
    }
}

void FdSink::flush() {
    if (pendingZeros_ == 0) return;
    // Leave the hole but make the file reach its full length.
    pendingZeros_ -= 1;
    skipPending();
    const unsigned char zero = 0;
    writeAll(&zero, 1);
}

bool FdSink::rewindTo(std::uint64_t pos) {
    pendingZeros_ = 0;
    if (::lseek(fd_, static_cast<off_t>(pos), SEEK_SET) < 0) return false;
    if (::ftruncate(fd_, static_cast<off_t>(pos)) != 0) return false;
    position_ = pos;
    return true;
}

namespace {

bool sameInode(const struct stat& a, const struct stat& b) { return a.st_dev == b.st_dev && a.st_ino == b.st_ino; }

// Decides whether an existing regular file may be replaced.
bool mayOverwrite(const std::string& path, const Options& o, bool stdinIsAnInput) {
    if (o.force) return true;
    if (display().level <= 1) {
        displayAt(1, "zstd: %s already exists; not overwritten  \n", path.c_str());
        return false;
    }
    if (stdinIsAnInput) {
        displayAt(1, "zstd: %s already exists; stdin is an input - not proceeding.\n", path.c_str());
        return false;
    }
    std::string question = "zstd: " + path + " already exists; overwrite (y/n) ? ";
    return confirm(question.c_str(), "Not overwritten  \n \n");
}

}  // namespace

std::unique_ptr<OutputFile> OutputFile::create(const std::string& path, const InputFile* src, const Options& o,
                                               bool stdinIsAnInput, bool sparse) {
    std::unique_ptr<OutputFile> out(new OutputFile());
    out->path_ = path;
    out->done_ = true;  // nothing to clean up until the file is open
    struct stat existing {};
    bool exists = ::stat(path.c_str(), &existing) == 0;
    if (exists && src != nullptr && !src->isStdin() && sameInode(existing, src->status())) {
        displayAt(1, "zstd: Refusing to open an output file which will overwrite the input file \n");
        return nullptr;
    }
    if (exists && S_ISREG(existing.st_mode)) {
        if (!mayOverwrite(path, o, stdinIsAnInput)) return nullptr;
        if (::unlink(path.c_str()) != 0) {
            displayAt(1, "zstd: %s: %s \n", path.c_str(), std::strerror(errno));
            return nullptr;
        }
    }
    mode_t mode = 0666;
    if (src != nullptr && src->isRegularFile()) mode = src->status().st_mode & 0777;
    int flags = O_WRONLY | O_CREAT | O_CLOEXEC;
    if (!exists || S_ISREG(existing.st_mode)) flags |= O_TRUNC;
    out->fd_ = ::open(path.c_str(), flags, mode);
    if (out->fd_ < 0) {
        displayAt(1, "zstd: %s: %s\n", path.c_str(), std::strerror(errno));
        return nullptr;
    }
    out->done_ = false;
    ::fstat(out->fd_, &out->stat_);
    const bool regular = S_ISREG(out->stat_.st_mode);
    out->removable_ = regular;
    if (regular) setArtefact(path);
    out->sink_ = std::make_unique<FdSink>(out->fd_, sparse, sparse && regular);
    return out;
}

bool OutputFile::sameFileAs(const InputFile& in) const {
    return !in.isStdin() && sameInode(stat_, in.status());
}

OutputFile::~OutputFile() {
    // Reached without commit/discard only while a fatal error unwinds: clean
    // up silently, the error message is what the user needs to see.
    if (!done_) discard(/*quiet=*/true);
}

bool OutputFile::commit(const InputFile* src) {
    sink_->flush();
    done_ = true;
    clearArtefact();
    if (src != nullptr && src->isRegularFile() && removable_) {
        const struct stat& s = src->status();
        struct timespec times[2] = {s.st_atim, s.st_mtim};
        ::futimens(fd_, times);
        if (::fchown(fd_, s.st_uid, s.st_gid) != 0) {
            // Keeping our own ownership is fine; only the group may matter.
            int ignored = ::fchown(fd_, static_cast<uid_t>(-1), s.st_gid);
            (void)ignored;
        }
        ::fchmod(fd_, s.st_mode & 07777);
    }
    int rc = ::close(fd_);
    fd_ = -1;
    if (rc != 0) {
        displayAt(1, "zstd: %s: %s \n", path_.c_str(), std::strerror(errno));
        if (removable_) ::unlink(path_.c_str());
        return false;
    }
    return true;
}

void OutputFile::discard(bool quiet) {
    if (fd_ < 0) return;  // never opened, or already finished
    done_ = true;
    clearArtefact();
    ::close(fd_);
    fd_ = -1;
    if (removable_)
        ::unlink(path_.c_str());
    else if (!quiet)
        removeFileIfRegular(path_);
}

void removeFileIfRegular(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
        displayAt(2, "zstd: Refusing to remove non-regular file %s\n", path.c_str());
        return;
    }
    ::unlink(path.c_str());
}

bool removeSourceFile(const std::string& path) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISLNK(st.st_mode)) {
        displayAt(2, "zstd: Refusing to remove non-regular file %s\n", path.c_str());
        return true;
    }
    if (::unlink(path.c_str()) != 0) {
        displayAt(1, "zstd: %s: %s \n", path.c_str(), std::strerror(errno));
        return false;
    }
    return true;
}

}  // namespace zcli
