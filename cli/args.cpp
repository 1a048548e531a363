#include "args.h"

#include <cstdio>
#include <cstring>
#include <initializer_list>
#include <optional>
#include <string_view>

#include "advanced_params.h"
#include "errors.h"
#include "help.h"
#include "messages.h"
#include "numparse.h"

namespace zcli {

std::string programBaseName(const char* argv0) {
    if (argv0 == nullptr || *argv0 == '\0') return "zstd";
    const char* slash = std::strrchr(argv0, '/');
    return slash ? std::string(slash + 1) : std::string(argv0);
}

namespace {

bool nameMatches(const std::string& name, std::string_view alias) {
    if (name.size() < alias.size() || name.compare(0, alias.size(), alias) != 0) return false;
    return name.size() == alias.size() || name[alias.size()] == '.';
}

void presetCatLike(Options& o) {
    o.mode = Mode::decompress;
    o.toStdout = true;
    o.outFile.reset();
    o.force = true;
    o.followLinks = true;
    o.passThrough = Tristate::on;
    display().level = 1;
}

}  // namespace

void applyProgramPreset(const std::string& name, Options& o) {
    if (nameMatches(name, "zstdmt")) {
        o.comp.threads = 0;
    } else if (nameMatches(name, "unzstd")) {
        o.mode = Mode::decompress;
    } else if (nameMatches(name, "zstdcat") || nameMatches(name, "zcat") || nameMatches(name, "gzcat")) {
        presetCatLike(o);
    } else if (nameMatches(name, "gzip")) {
        o.comp.format = "gzip";
        o.removeSource = true;
        o.comp.level = 6;
        o.comp.levelSet = true;
    } else if (nameMatches(name, "gunzip") || nameMatches(name, "unlzma") || nameMatches(name, "unxz")) {
        o.mode = Mode::decompress;
        o.removeSource = true;
    } else if (nameMatches(name, "lzma")) {
        o.comp.format = "lzma";
        o.removeSource = true;
    } else if (nameMatches(name, "xz")) {
        o.comp.format = "xz";
        o.removeSource = true;
    } else if (nameMatches(name, "lz4")) {
        o.comp.format = "lz4";
    } else if (nameMatches(name, "unlz4")) {
        o.mode = Mode::decompress;
    }
}

void badUsage(const std::string& programName, const std::string& argument) {
    displayAt(1, "Incorrect parameter: %s \n", argument.c_str());
    if (display().level >= 2) printShortUsage(stderr, programName.c_str());
    throw ExitRequest{1};
}

namespace {

[[noreturn]] void missingArgument() {
    displayAt(1, "error: missing command argument \n");
    throw ExitRequest{1};
}

[[noreturn]] void separatedArgument() {
    displayAt(1, "error: command cannot be separated from its argument by another command \n");
    throw ExitRequest{1};
}

// Parses "key=#,key=#,..." where every key belongs to `allowed`; a key listed
// in `flags` may also appear without a value. Returns false on bad syntax.
bool validKeyValueList(std::string_view text, std::initializer_list<std::string_view> allowed,
                       std::initializer_list<std::string_view> flags = {}) {
    if (text.empty()) return false;
    while (!text.empty()) {
        size_t comma = text.find(',');
        std::string_view item = text.substr(0, comma);
        text = (comma == std::string_view::npos) ? std::string_view{} : text.substr(comma + 1);
        if (comma != std::string_view::npos && text.empty()) return false;
        size_t eq = item.find('=');
        std::string_view key = item.substr(0, eq);
        bool known = false;
        for (std::string_view a : allowed) known = known || a == key;
        bool isFlag = false;
        for (std::string_view f : flags) isFlag = isFlag || f == key;
        if (!known && !isFlag) return false;
        if (eq == std::string_view::npos) {
            if (!isFlag) return false;
            continue;
        }
        std::string_view value = item.substr(eq + 1);
        if (value.empty()) return false;
        for (char c : value)
            if (c < '0' || c > '9') return false;
    }
    return true;
}

class Parser {
public:
    Parser(int argc, char** argv, const std::string& programName, Options& opts)
        : argc_(argc), argv_(argv), prog_(programName), o_(opts) {}

    void run() {
        bool optionsEnded = false;
        for (argIndex_ = 1; argIndex_ < argc_; ++argIndex_) {
            const char* arg = argv_[argIndex_];
            if (arg == nullptr) continue;
            if (optionsEnded || arg[0] != '-' || std::strcmp(arg, "-") == 0) {
                o_.inputs.emplace_back(arg);
                continue;
            }
            if (std::strcmp(arg, "--") == 0) {
                optionsEnded = true;
                continue;
            }
            if (arg[1] == '-')
                longOption(arg);
            else
                shortOptions(arg);
        }
        o_.displayLevel = display().level;
        o_.bench.decodeOnly = decodeOnlyBench_;
    }

private:
    // The value of an option that takes the next command-line word.
    std::string nextWord() {
        if (argIndex_ + 1 >= argc_) missingArgument();
        const char* next = argv_[argIndex_ + 1];
        if (next[0] == '-') separatedArgument();
        ++argIndex_;
        return next;
    }

    // The value of a short option that takes one: glued after '=' ("-o=FILE",
    // ending the bundle), else the next argument.
    std::string fieldValue(const char*& p) {
        if (*p != '=') return nextWord();
        std::string value(p + 1);
        p += std::strlen(p);
        return value;
    }

    // "--name=VALUE" or "--name VALUE". Returns nullopt when `arg` is another option.
    std::optional<std::string> valueOption(std::string_view arg, std::string_view name) {
        if (arg == name) return nextWord();
        if (arg.size() > name.size() && arg.substr(0, name.size()) == name && arg[name.size()] == '=')
            return std::string(arg.substr(name.size() + 1));
        return std::nullopt;
    }

    // "--name" alone (returns empty string) or "--name=VALUE".
    static std::optional<std::string> optionalValue(std::string_view arg, std::string_view name) {
        if (arg == name) return std::string();
        if (arg.size() > name.size() && arg.substr(0, name.size()) == name && arg[name.size()] == '=')
            return std::string(arg.substr(name.size() + 1));
        return std::nullopt;
    }

    [[noreturn]] void bad(std::string_view arg) { badUsage(prog_, std::string(arg)); }

    void setMode(Mode m) {
        if (m == Mode::decompress && o_.mode == Mode::bench) {
            decodeOnlyBench_ = true;
            return;
        }
        o_.mode = m;
    }

    void setStdout() {
        o_.toStdout = true;
        o_.outFile.reset();
        o_.removeSource = false;
    }

    void setForce() {
        o_.force = true;
        o_.followLinks = true;
    }

    [[noreturn]] void showVersion() {
        printVersion(stdout, display().level);
        throw ExitRequest{0};
    }

    void longOption(const char* argText) {
        std::string_view a(argText);
        // Simple switches.
        if (a == "--compress") return setMode(Mode::compress);
        if (a == "--decompress" || a == "--uncompress") return setMode(Mode::decompress);
        if (a == "--test") return setMode(Mode::test);
        if (a == "--list") return setMode(Mode::list);
        if (a == "--help") {
            printLongHelp(stdout, prog_.c_str());
            throw ExitRequest{0};
        }
        if (a == "--version") showVersion();
        if (a == "--stdout") return setStdout();
        if (a == "--force") return setForce();
        if (a == "--keep") { o_.removeSource = false; return; }
        if (a == "--rm") { o_.removeSource = true; return; }
        if (a == "--quiet") { --display().level; return; }
        if (a == "--verbose") { ++display().level; return; }
        if (a == "--check") { o_.comp.checksum = true; o_.checksumValidate = true; return; }
        if (a == "--no-check") { o_.comp.checksum = false; o_.checksumValidate = false; return; }
        if (a == "--content-size") { o_.comp.contentSize = true; return; }
        if (a == "--no-content-size") { o_.comp.contentSize = false; return; }
        if (a == "--no-dictID") { o_.comp.dictIDInFrame = false; return; }
        if (a == "--sparse") { o_.sparse = Tristate::on; return; }
        if (a == "--no-sparse") { o_.sparse = Tristate::off; return; }
        if (a == "--pass-through") { o_.passThrough = Tristate::on; return; }
        if (a == "--no-pass-through") { o_.passThrough = Tristate::off; return; }
        if (a == "--progress") { display().progress = Tristate::on; return; }
        if (a == "--no-progress") { display().progress = Tristate::off; return; }
        if (a == "--ultra") { o_.comp.ultra = true; return; }
        if (a == "--max") { o_.comp.maxMode = true; o_.comp.ultra = true; return; }
        if (a == "--single-thread") { o_.comp.singleThread = true; return; }
        if (a == "--rsyncable") { o_.comp.rsyncable = true; return; }
        if (a == "--exclude-compressed") { o_.comp.excludeCompressed = true; return; }
        if (a == "--show-default-cparams") { o_.comp.showDefaultCParams = true; return; }
        if (a == "--compress-literals") { o_.comp.literalCompression = Tristate::on; return; }
        if (a == "--no-compress-literals") { o_.comp.literalCompression = Tristate::off; return; }
        if (a == "--row-match-finder") { o_.comp.rowMatchFinder = Tristate::on; return; }
        if (a == "--no-row-match-finder") { o_.comp.rowMatchFinder = Tristate::off; return; }
        if (a == "--mmap-dict") { o_.comp.mmapDict = Tristate::on; return; }
        if (a == "--no-mmap-dict") { o_.comp.mmapDict = Tristate::off; return; }
        if (a == "--asyncio") { o_.asyncio = true; return; }
        if (a == "--no-asyncio") { o_.asyncio = false; return; }
        if (a == "--trace-file-stat") return;
        if (a == "--fake-stdin-is-console") { o_.fakeStdinConsole = true; return; }
        if (a == "--fake-stdout-is-console") { o_.fakeStdoutConsole = true; return; }
        if (a == "--fake-stderr-is-console") { o_.fakeStderrConsole = true; return; }
        if (a == "--priority=rt") return;
        if ((a == "--no-name" || a == "--best") && gzipNamed()) {
            if (a == "--best") { o_.comp.level = 9; o_.comp.levelSet = true; }
            return;
        }
        if (a == "--train") {
            o_.mode = Mode::train;
            return;
        }

        // Options with a value: "--opt=VALUE" or "--opt VALUE".
        if (auto v = valueOption(a, "--memory")) return setMemLimit(*v);
        if (auto v = valueOption(a, "--memlimit")) return setMemLimit(*v);
        if (auto v = valueOption(a, "--memlimit-decompress")) return setMemLimit(*v);
        if (auto v = valueOption(a, "--filelist")) { o_.fileLists.push_back(*v); return; }
        if (auto v = valueOption(a, "--output-dir-flat")) { o_.outDirFlat = *v; return; }
        if (auto v = valueOption(a, "--output-dir-mirror")) { o_.outDirMirror = *v; return; }
        if (auto v = valueOption(a, "--patch-from")) { o_.comp.patchFrom = *v; o_.comp.ultra = true; return; }
        if (auto v = valueOption(a, "--maxdict")) { o_.train.maxDictSize = readU32Whole(v->c_str()); return; }
        if (auto v = valueOption(a, "--dictID")) {
            o_.train.dictID = readU32Whole(v->c_str());
            o_.train.dictIDSet = true;
            return;
        }
        if (auto v = valueOption(a, "--threads")) { o_.comp.threads = readU32Whole(v->c_str()); return; }
        if (auto v = valueOption(a, "--block-size")) { o_.comp.blockSize = readU32Whole(v->c_str()); return; }
        if (auto v = valueOption(a, "--stream-size")) { o_.comp.streamSize = readSizeWhole(v->c_str()); return; }
        if (auto v = valueOption(a, "--size-hint")) { o_.comp.sizeHint = readSizeWhole(v->c_str()); return; }
        if (auto v = valueOption(a, "--target-compressed-block-size")) {
            o_.comp.targetCBlockSize = readSizeWhole(v->c_str());
            return;
        }
        if (auto v = valueOption(a, "--auto-threads")) { o_.comp.autoThreadsLogical = (*v == "logical"); return; }
        if (auto v = valueOption(a, "--trace")) return;  // tracing is not built in

        // Options whose value is optional or must be glued with '='.
        if (auto v = optionalValue(a, "--fast")) {
            unsigned fast = 1;
            if (a != "--fast") {
                // As the reference: the digits after '=' count, whatever follows them.
                const char* p = v->c_str();
                if (!readPlainInt(p, fast) || fast == 0) bad(a);
            }
            if (fast > 131072) fast = 131072;
            o_.comp.level = -static_cast<int>(fast);
            o_.comp.levelSet = true;
            return;
        }
        if (auto v = optionalValue(a, "--long")) {
            unsigned wlog = 27;
            if (!v->empty()) wlog = readU32Whole(v->c_str());
            o_.comp.longWindowLog = wlog;
            o_.comp.ultra = true;
            return;
        }
        if (auto v = optionalValue(a, "--adapt")) {
            if (!v->empty() && !validAdapt(*v, o_.comp.adaptMin, o_.comp.adaptMax)) bad(a);
            o_.comp.adapt = true;
            o_.comp.adaptSpec = *v;
            return;
        }
        if (auto v = optionalValue(a, "--zstd")) {
            if (!parseAdvancedParams(*v)) bad(a);
            o_.comp.advancedParams = *v;
            o_.comp.format = "zstd";  // zstd parameters select the zstd format
            return;
        }
        if (auto v = optionalValue(a, "--format")) {
            if (*v != "zstd" && *v != "gzip" && *v != "xz" && *v != "lzma" && *v != "lz4") bad(a);
            o_.comp.format = *v;
            return;
        }
        if (auto v = optionalValue(a, "--train-cover")) {
            if (!v->empty() && !validKeyValueList(*v, {"k", "d", "steps", "split", "shrink"}, {"shrink"})) bad(a);
            setTraining(TrainSettings::Algo::cover, *v);
            return;
        }
        if (auto v = optionalValue(a, "--train-fastcover")) {
            if (!v->empty() &&
                !validKeyValueList(*v, {"k", "d", "f", "steps", "split", "accel", "shrink"}, {"shrink"}))
                bad(a);
            setTraining(TrainSettings::Algo::fastcover, *v);
            return;
        }
        if (auto v = optionalValue(a, "--train-legacy")) {
            if (!v->empty()) {
                if (!validKeyValueList(*v, {"s", "selectivity"})) bad(a);
                const char* p = std::strchr(v->c_str(), '=') + 1;
                o_.train.legacySelectivity = readU32(p);
            }
            setTraining(TrainSettings::Algo::legacy, *v);
            return;
        }
        bad(a);
    }

    bool gzipNamed() const { return nameMatches(prog_, "gzip"); }

    static bool validAdapt(const std::string& spec, int& minOut, int& maxOut) {
        // min=#,max=# in any order; values may be negative.
        long minV = -131072, maxV = 22;
        std::string_view s(spec);
        while (!s.empty()) {
            size_t comma = s.find(',');
            std::string_view item = s.substr(0, comma);
            s = comma == std::string_view::npos ? std::string_view{} : s.substr(comma + 1);
            long* target = nullptr;
            if (item.substr(0, 4) == "min=") target = &minV;
            else if (item.substr(0, 4) == "max=") target = &maxV;
            else return false;
            std::string_view num = item.substr(4);
            bool neg = !num.empty() && num[0] == '-';
            if (neg) num.remove_prefix(1);
            if (num.empty() || num.size() > 9) return false;
            long value = 0;
            for (char c : num) {
                if (c < '0' || c > '9') return false;
                value = value * 10 + (c - '0');
            }
            *target = neg ? -value : value;
        }
        minOut = static_cast<int>(minV);
        maxOut = static_cast<int>(maxV);
        return minV <= maxV;
    }

    void setTraining(TrainSettings::Algo algo, const std::string& params) {
        o_.mode = Mode::train;
        o_.train.algo = algo;
        o_.train.explicitAlgo = true;
        o_.train.params = params;
    }

    void setMemLimit(const std::string& value) { o_.memLimit = readU32Whole(value.c_str()); }

    void shortOptions(const char* arg) {
        const char* p = arg + 1;
        while (*p != '\0') {
            char c = *p;
            if (c >= '0' && c <= '9') {
                unsigned level = 0;
                readPlainInt(p, level);
                o_.comp.level = static_cast<int>(level);
                o_.comp.levelSet = true;
                continue;
            }
            ++p;
            switch (c) {
            case 'V': showVersion();
            case 'h':
                printShortUsage(stdout, prog_.c_str());
                throw ExitRequest{0};
            case 'H':
                printLongHelp(stdout, prog_.c_str());
                throw ExitRequest{0};
            case 'z': setMode(Mode::compress); break;
            case 'd': setMode(Mode::decompress); break;
            case 't': setMode(Mode::test); break;
            case 'l': setMode(Mode::list); break;
            case 'c': setStdout(); break;
            case 'f': setForce(); break;
            case 'k': o_.removeSource = false; break;
            case 'q': --display().level; break;
            case 'v': ++display().level; break;
            case 'C': o_.comp.checksum = true; o_.checksumValidate = true; break;
            case 'r': o_.recursive = true; break;
            case 'n': break;  // --no-name: accepted, nothing to do
            case 'o':
                o_.outFile = fieldValue(p);
                o_.toStdout = false;
                break;
            case 'D': o_.dictFile = fieldValue(p); break;
            case 'M': o_.memLimit = readU32(p); break;
            case 'T': o_.comp.threads = readU32(p); break;
            case 'B': o_.comp.blockSize = readU32(p); break;
            case 's': o_.train.legacySelectivity = readU32(p); break;
            case 'b':  // digits after it are the (first) level
                if (o_.mode == Mode::decompress) decodeOnlyBench_ = true;  // -d -b: decoding only
                o_.mode = Mode::bench;
                break;
            case 'e': o_.bench.lastLevel = static_cast<int>(readU32(p)); break;
            case 'i': o_.bench.minSeconds = readU32(p); break;
            case 'S': o_.bench.separateFiles = true; break;
            case 'P': o_.bench.compressibility = readU32(p); break;
            case 'p':  // -p: pause at the end; -p#: the benchmark's hidden extra parameter (unused here)
                if (*p >= '0' && *p <= '9')
                    (void)readU32(p);
                else
                    o_.bench.pauseAtEnd = true;
                break;
            default: bad(std::string("-") + c);  // 1.5.7 names the letter alone
            }
        }
    }

    int argc_;
    char** argv_;
    int argIndex_ = 1;
    const std::string& prog_;
    Options& o_;
    bool decodeOnlyBench_ = false;
};

}  // namespace

void parseArguments(int argc, char** argv, const std::string& programName, Options& opts) {
    Parser(argc, argv, programName, opts).run();
}

}  // namespace zcli
