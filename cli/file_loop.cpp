#include "file_loop.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <utility>

#include "errors.h"
#include "fileio.h"
#include "messages.h"
#include "naming.h"
#include "prompt.h"

namespace zcli {

namespace {

bool anyStdin(const std::vector<std::string>& inputs) {
    return std::any_of(inputs.begin(), inputs.end(), isStdinName);
}

Destination destinationOf(const Options& o) {
    if (o.mode == Mode::test) return Destination::discard;
    if (o.toStdout) return Destination::standardOutput;
    if (o.outFile) return Destination::singleFile;
    return Destination::perFile;
}

// Several inputs into one -o file: warn, and ask unless -f.
void confirmConcatenation(const Options& o, const std::vector<std::string>& inputs, bool& removeSource) {
    if (display().level <= 1 && !o.force) {
        displayAt(1, "Concatenating multiple processed inputs into a single output loses file metadata. \n");
        displayAt(1, "Aborting. \n");
        throw ExitRequest{1};
    }
    displayAt(2, "zstd: WARNING: all input files will be processed and concatenated into a single output file: %s \n",
              o.outFile->c_str());
    displayAt(2, "The concatenated output CANNOT regenerate original file names nor directory structure. \n");
    if (removeSource) {
        displayAt(2, "Since it's a destructive operation, input files will not be removed. \n");
        removeSource = false;
    }
    if (o.force) return;
    if (anyStdin(inputs)) {
        displayAt(1, "stdin is an input - not proceeding.\n");
        throw ExitRequest{1};
    }
    if (!confirm("Proceed? (y/n): ", "Aborting... \n")) throw ExitRequest{1};
}

class Loop {
public:
    Loop(const std::vector<std::string>& inputs, const Options& o, FileOperation& op)
        : inputs_(inputs), o_(o), op_(op), dest_(destinationOf(o)), stdinIsAnInput_(anyStdin(inputs)) {
        removeSource_ = o.removeSource && (dest_ == Destination::perFile || dest_ == Destination::singleFile);
        if (o.removeSource && dest_ == Destination::standardOutput)
            displayAt(2, "Note: src files are not removed when output is stdout \n");
        dirs_.flat = o.outDirFlat.value_or("");
        dirs_.mirror = o.outDirMirror.value_or("");
        for (const std::string& name : inputs) {
            struct stat st {};
            if (!isStdinName(name) && ::stat(name.c_str(), &st) == 0 && S_ISREG(st.st_mode))
                inputIds_.emplace_back(st.st_dev, st.st_ino);
        }
    }

    int run() {
        // Checked up front: the shared output is created (and, with -f,
        // truncated) while the first input is processed, which would wipe
        // a later input named as the output (`zstd -f a b -o b`).
        if (dest_ == Destination::singleFile && overwritesAnInput(*o_.outFile)) return 1;
        if (dest_ == Destination::singleFile && inputs_.size() > 1)
            confirmConcatenation(o_, inputs_, removeSource_);
        if (dest_ == Destination::perFile && !dirs_.flat.empty()) warnNameClashes();
        unsigned failures = 0, done = 0;
        std::uint64_t totalRead = 0, totalWritten = 0;
        for (size_t i = 0; i < inputs_.size(); ++i) {
            FileOutcome r = one(inputs_[i], static_cast<unsigned>(i + 1));
            if (!r.ok) {
                ++failures;
                continue;
            }
            ++done;
            totalRead += r.bytesRead;
            totalWritten += r.bytesWritten;
        }
        finishShared();
        if (stdoutSink_) stdoutSink_->flush();
        if (inputs_.size() > 1 && done > 0) op_.printSummary(done, totalRead, totalWritten);
        return failures == 0 && !sharedFailed_ ? 0 : 1;
    }

private:
    // --output-dir-flat puts every output in one directory: inputs with the
    // same base name would overwrite each other there (the reference warns).
    void warnNameClashes() const {
        std::vector<std::string> names;
        for (const std::string& in : inputs_) names.push_back(baseName(in));
        std::sort(names.begin(), names.end());
        for (size_t i = 1; i < names.size(); ++i)
            if (names[i] == names[i - 1]) displayAt(2, "WARNING: Two files have same filename: %s\n", names[i].c_str());
    }

    OutputSink& stdoutSink() {
        if (!stdoutSink_) {
            struct stat st {};
            bool regular = ::fstat(STDOUT_FILENO, &st) == 0 && S_ISREG(st.st_mode);
            // Never sparse on stdout unless asked for (--sparse).
            bool sparse = o_.sparse == Tristate::on;
            displayAt(4, "Using stdout for output \n");
            if (!sparse && op_.sparseByDefault() && o_.sparse == Tristate::automatic)
                displayAt(4, "Sparse File Support is automatically disabled on stdout ; try --sparse \n");
            stdoutSink_ = std::make_unique<FdSink>(STDOUT_FILENO, sparse, sparse && regular);
        }
        return *stdoutSink_;
    }

    FileOutcome one(const std::string& name, unsigned index) {
        const bool fromStdin = isStdinName(name);
        const bool ownFile = dest_ == Destination::perFile && !fromStdin;
        if (!fromStdin && op_.skipsInput(name)) return {.ok = true};
        std::string outPath;
        if (ownFile) {
            std::optional<std::string> derived = op_.outputNameFor(name);
            if (!derived) return {};
            std::optional<std::string> placed = placeOutput(name, *derived, dirs_, op_.verb());
            if (!placed) return {};
            outPath = *placed;
        }
        std::unique_ptr<InputFile> in = InputFile::open(name, o_);
        if (!in) return {};

        NullSink nullSink;
        std::unique_ptr<OutputFile> ownOutput;
        OutputSink* sink = nullptr;
        std::uint64_t sharedStart = 0;
        switch (dest_) {
        case Destination::discard: sink = &nullSink; break;
        case Destination::standardOutput: sink = &stdoutSink(); break;
        case Destination::perFile:
            if (fromStdin) {
                sink = &stdoutSink();
                break;
            }
            // Not only this input: -f must not replace any input of the
            // run either (`zstd -f a a.zst` would lose the given a.zst).
            if (overwritesAnInput(outPath)) return {};
            ownOutput = OutputFile::create(outPath, in.get(), o_, stdinIsAnInput_, fileSparse());
            if (!ownOutput) return {};
            sink = &ownOutput->sink();
            break;
        case Destination::singleFile:
            if (!openShared(*in)) return {};
            if (shared_->sameFileAs(*in)) {
                displayAt(1, "zstd: Refusing to open an output file which will overwrite the input file \n");
                return {};
            }
            sharedStart = shared_->sink().position();
            sink = &shared_->sink();
            break;
        }

        std::string outName;
        switch (dest_) {
        case Destination::discard: outName = "/dev/null"; break;
        case Destination::singleFile: outName = *o_.outFile; break;
        default: outName = ownOutput ? outPath : std::string(kStdoutDisplay); break;
        }
        FileJob job{*in, *sink, outName, index, static_cast<unsigned>(inputs_.size())};
        FileOutcome r = op_.process(job);

        if (ownOutput) {
            if (r.ok)
                r.ok = ownOutput->commit(in.get());
            else
                ownOutput->discard();
        }
        if (dest_ == Destination::singleFile) {
            if (r.ok) {
                ++sharedFilesOk_;
                if (inputs_.size() == 1) return finishSingle(r, std::move(in));
            } else {
                shared_->sink().rewindTo(sharedStart);
            }
        }
        if (r.ok && removeSource_ && !fromStdin) {
            forgetInput(in->status());
            in.reset();
            if (!removeSourceFile(name)) r.ok = false;
        }
        return r;
    }

    // True (after the reference's refusal message) when `path` is one of
    // the regular files given as inputs.
    bool overwritesAnInput(const std::string& path) const {
        struct stat st {};
        if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
        if (std::find(inputIds_.begin(), inputIds_.end(), std::make_pair(st.st_dev, st.st_ino)) == inputIds_.end())
            return false;
        displayAt(1, "zstd: Refusing to open an output file which will overwrite the input file \n");
        return true;
    }

    // A removed source's inode may be reused by a later output.
    void forgetInput(const struct stat& st) {
        inputIds_.erase(std::remove(inputIds_.begin(), inputIds_.end(), std::make_pair(st.st_dev, st.st_ino)),
                        inputIds_.end());
    }

    // -o with exactly one input: the file gets the input's metadata, and the
    // source is removed (with --rm) only once the output is complete.
    FileOutcome finishSingle(FileOutcome r, std::unique_ptr<InputFile> in) {
        r.ok = shared_->commit(in.get());
        shared_.reset();
        if (r.ok && removeSource_ && !in->isStdin()) {
            forgetInput(in->status());
            std::string name = in->path();
            in.reset();
            if (!removeSourceFile(name)) r.ok = false;
        }
        return r;
    }

    bool fileSparse() const {
        return o_.sparse == Tristate::on || (o_.sparse == Tristate::automatic && op_.sparseByDefault());
    }

    bool openShared(const InputFile& in) {
        if (shared_) return true;
        if (sharedFailed_ || sharedOpened_) return false;
        sharedOpened_ = true;
        shared_ = OutputFile::create(*o_.outFile, &in, o_, stdinIsAnInput_, fileSparse());
        if (!shared_) sharedFailed_ = true;
        return shared_ != nullptr;
    }

    void finishShared() {
        if (!shared_) return;
        if (sharedFilesOk_ == 0) {
            shared_->discard();
        } else if (!shared_->commit(nullptr)) {
            sharedFailed_ = true;
        }
        shared_.reset();
    }

    const std::vector<std::string>& inputs_;
    const Options& o_;
    FileOperation& op_;
    Destination dest_;
    bool stdinIsAnInput_;
    std::vector<std::pair<dev_t, ino_t>> inputIds_;  // the regular files among the inputs
    bool removeSource_ = false;
    OutputDirs dirs_;
    std::unique_ptr<FdSink> stdoutSink_;
    std::unique_ptr<OutputFile> shared_;
    bool sharedOpened_ = false;
    bool sharedFailed_ = false;
    unsigned sharedFilesOk_ = 0;
};

}  // namespace

bool outputIsStdout(const std::vector<std::string>& inputs, const Options& o) {
    if (o.mode == Mode::test || o.mode == Mode::list) return false;
    if (o.toStdout) return true;
    if (o.outFile) return false;
    return std::all_of(inputs.begin(), inputs.end(), isStdinName);
}

int processFiles(const std::vector<std::string>& inputs, const Options& o, FileOperation& op) {
    return Loop(inputs, o, op).run();
}

}  // namespace zcli
