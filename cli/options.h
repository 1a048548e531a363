// Everything the command line can ask for, as plain data. Filled by args.cpp
// (and the program-name presets), read by the rest of the CLI.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace zcli {

// What the run does with its inputs. The last mode option given wins.
enum class Mode { compress, decompress, test, list, bench, train };

// A setting that defaults to "decide from context" unless forced either way.
enum class Tristate { automatic, on, off };

// The input name that means standard input (also used for output via -c).
inline constexpr const char* kStdinArg = "-";
// How standard streams are shown in messages.
inline constexpr const char* kStdinDisplay = "/*stdin*\\";
inline constexpr const char* kStdoutDisplay = "/*stdout*\\";

// Dictionary builder algorithm and its parameters (parsed, used later).
struct TrainSettings {
    enum class Algo { fastcover, cover, legacy } algo = Algo::fastcover;
    bool explicitAlgo = false;
    std::string params;  // raw "k=#,d=#,..." text, validated when training exists
    unsigned maxDictSize = 112640;
    unsigned dictID = 0;
    bool dictIDSet = false;
    unsigned legacySelectivity = 9;
};

// Compression-side knobs.
struct CompressSettings {
    int level = 3;
    bool levelSet = false;  // -# or --fast seen
    bool ultra = false;
    bool maxMode = false;  // --max
    std::optional<unsigned> longWindowLog;  // --long[=#]
    bool checksum = true;
    bool contentSize = true;
    bool dictIDInFrame = true;
    std::optional<unsigned> threads;  // -T#
    bool singleThread = false;
    bool autoThreadsLogical = false;
    unsigned blockSize = 0;  // -B#
    bool rsyncable = false;
    bool adapt = false;
    std::string adaptSpec;
    int adaptMin = -131072, adaptMax = 22;  // --adapt=min=#,max=#
    std::string patchFrom;
    std::optional<std::uint64_t> streamSize;
    std::optional<std::uint64_t> sizeHint;
    std::uint64_t targetCBlockSize = 0;
    Tristate literalCompression = Tristate::automatic;
    Tristate rowMatchFinder = Tristate::automatic;
    Tristate mmapDict = Tristate::automatic;
    std::string advancedParams;  // --zstd=LIST
    std::string format = "zstd";  // --format=
    bool excludeCompressed = false;
    bool showDefaultCParams = false;
};

// Benchmark knobs. The first level benchmarked is the compression level
// (-b5 is -b followed by -5).
struct BenchSettings {
    std::optional<int> lastLevel;  // -e#
    unsigned minSeconds = 3;
    bool separateFiles = false;  // -S
    std::optional<unsigned> compressibility;  // -P#: generated sample instead of text
    bool pauseAtEnd = false;  // -p
    bool decodeOnly = false;  // -d after -b
};

struct Options {
    Mode mode = Mode::compress;
    int displayLevel = 2;
    Tristate progress = Tristate::automatic;

    std::vector<std::string> inputs;      // as given; "-" is stdin
    std::vector<std::string> fileLists;   // --filelist FILE
    bool recursive = false;               // -r

    std::optional<std::string> outFile;   // -o FILE
    bool toStdout = false;                // -c (last of -c / -o wins)
    std::optional<std::string> outDirFlat;    // --output-dir-flat
    std::optional<std::string> outDirMirror;  // --output-dir-mirror

    bool force = false;                   // -f
    bool followLinks = false;             // set by -f and the zstdcat presets
    bool removeSource = false;            // --rm (-k clears it)
    Tristate passThrough = Tristate::automatic;
    Tristate sparse = Tristate::automatic;
    bool asyncio = true;                  // --[no-]asyncio: write behind on a thread

    std::string dictFile;                 // -D FILE
    std::uint64_t memLimit = 0;           // -M# / --memory=#, 0 = default
    bool checksumValidate = true;         // --no-check with -d clears it
    bool checksumFlagSeen = false;

    // Pretend standard streams are consoles (test hooks of the reference).
    bool fakeStdinConsole = false;
    bool fakeStdoutConsole = false;
    bool fakeStderrConsole = false;

    CompressSettings comp;
    BenchSettings bench;
    TrainSettings train;
};

}  // namespace zcli
