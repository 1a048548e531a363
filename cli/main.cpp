// zstd command-line entry point: parse, check the environment, dispatch.
#include <signal.h>
#include <zstd.h>

#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "args.h"
#include "bench.h"
#include "compress_file.h"
#include "decompress_file.h"
#include "environment.h"
#include "errors.h"
#include "file_loop.h"
#include "fileio.h"
#include "help.h"
#include "input_list.h"
#include "list.h"
#include "messages.h"
#include "naming.h"
#include "operation.h"
#include "options.h"
#include "train.h"

namespace zcli {
namespace {

// The library must be the one this program was compiled against.
void checkLibraryVersion() {
    const char* runtime = ZSTD_versionString();
    if (std::strcmp(runtime, ZSTD_VERSION_STRING) != 0) {
        displayAt(1, "zstd: incompatible library version: built with %s, running with %s \n", ZSTD_VERSION_STRING,
                  runtime);
        throw ExitRequest{1};
    }
}

void checkOutputDirectories(const Options& o) {
    for (const std::optional<std::string>* dir : {&o.outDirFlat, &o.outDirMirror}) {
        if (!*dir) continue;
        if ((*dir)->empty()) {
            displayAt(1, "error: output dir cannot be empty string (did you mean to pass '.' instead?)\n");
            throw ExitRequest{1};
        }
        // The mirror's directories are made per file, where an output lands.
        if (dir == &o.outDirMirror) continue;
        if (!makeDirectories(**dir)) {
            displayAt(1, "zstd: cannot create output directory %s \n", (*dir)->c_str());
            throw ExitRequest{1};
        }
    }
}

// Builds the per-file worker of the run's direction. Returns null (after
// saying why) when the options cannot go together.
std::unique_ptr<FileOperation> makeOperation(const Options& o, bool toStdout) {
    if (o.mode == Mode::decompress && o.comp.showDefaultCParams) {
        displayAt(1, "error : can't use --show-default-cparams in decompression mode \n");
        return nullptr;
    }
    if (!o.dictFile.empty() && !o.comp.patchFrom.empty()) {
        displayAt(1, "error : can't use -D and --patch-from=# at the same time \n");
        return nullptr;
    }
    if (o.mode == Mode::compress) return std::make_unique<Compressor>(o);
    if (o.comp.threads && *o.comp.threads > 1)
        displayAt(2, "Warning : decompression does not support multi-threading\n");
    const bool passThrough =
        o.passThrough == Tristate::on || (o.passThrough == Tristate::automatic && o.force && toStdout);
    return std::make_unique<Decompressor>(o, passThrough);
}

// A closed terminal (SIGHUP) must not leave a truncated output behind any
// more than ^C does: hang-ups get the handler installInterruptHandler() put
// on SIGINT, unless they are ignored (nohup), which must stay so.
void handleHangups() {
    struct sigaction hup {};
    if (::sigaction(SIGHUP, nullptr, &hup) != 0 || hup.sa_handler == SIG_IGN) return;
    struct sigaction onInt {};
    if (::sigaction(SIGINT, nullptr, &onInt) == 0) ::sigaction(SIGHUP, &onInt, nullptr);
}

// Compression, decompression and test: inputs in, outputs out.
int runFileMode(const Options& o) {
    std::vector<std::string> inputs = gatherInputs(o);
    for (const std::string& in : inputs) {
        if (isStdinName(in) && stdinIsConsole(o) && !o.force) {
            displayAt(1, "stdin is a console, aborting\n");
            return 1;
        }
    }
    if (!o.comp.patchFrom.empty() && inputs.size() > 1) {
        displayAt(1, "error : can't use --patch-from=# on multiple files \n");
        return 1;
    }
    const bool toStdout = outputIsStdout(inputs, o);
    // Compressed data is never dumped on a terminal unless asked for (-c/-f);
    // decompressed data may be.
    if (o.mode == Mode::compress && toStdout && stdoutIsConsole(o) && !o.force && !o.toStdout) {
        displayAt(1, "stdout is a console, aborting\n");
        return 1;
    }
    std::unique_ptr<FileOperation> op = makeOperation(o, toStdout);
    if (!op) return 1;
    // No status messages by default when the data itself goes to stdout.
    if (toStdout && display().level == 2) display().level = 1;
    // Output directories are made only when files will be written there
    // (not for -t, nor when everything goes to stdout).
    if (o.mode != Mode::test && !toStdout) checkOutputDirectories(o);
    installInterruptHandler();
    handleHangups();
    return processFiles(inputs, o, *op);
}

int run(Options& o) {
    displayAt(3, "%s\n", banner());
    switch (o.mode) {
    case Mode::bench: return runBenchmark(o);
    case Mode::train: return runTraining(o);
    case Mode::list: return listFiles(o);
    case Mode::compress:
    case Mode::decompress:
    case Mode::test: return runFileMode(o);
    }
    return 1;
}

}  // namespace
}  // namespace zcli

int main(int argc, char** argv) {
    using namespace zcli;
    int status = 0;
    Options opts;
    try {
        const std::string program = programBaseName(argc > 0 ? argv[0] : nullptr);
        applyEnvironment(opts);
        applyProgramPreset(program, opts);
        parseArguments(argc, argv, program, opts);
        display().level = opts.displayLevel;
        display().stderrIsConsole = stderrIsConsole(opts);
        checkLibraryVersion();
        status = run(opts);
    } catch (const ExitRequest& e) {
        status = e.exitCode;
    } catch (const FatalError& e) {
        displayAt(1, "zstd: error %d : %s \n", e.exitCode(), e.what());
        status = e.exitCode();
    }
    std::fflush(stdout);
    if (opts.bench.pauseAtEnd) {
        std::fprintf(stderr, "Press enter to continue... \n");
        std::getchar();
    }
    return status;
}
