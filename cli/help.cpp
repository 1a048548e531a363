#include "help.h"

#include <unistd.h>
#include <zstd.h>

#include <initializer_list>
#include <string>

#include "codecs.h"

namespace zcli {

// The version banner is behaviour, not a notice: scripts parse `zstd -V`.
const char* banner() {
    static char text[128];
    std::snprintf(text, sizeof text, "*** Zstandard CLI (%d-bit) v%s, by Yann Collet ***",
                  static_cast<int>(sizeof(void*) * 8), kCliVersion);
    return text;
}

namespace {

void section(std::FILE* out, const char* const* lines) {
    for (; *lines; ++lines) std::fprintf(out, "%s\n", *lines);
}

const char* const kIntro[] = {
    "Compress or decompress the INPUT file(s); reads from STDIN if INPUT is `-` or not provided.",
    "",
    nullptr,
};

const char* const kBasic[] = {
    "",
    "Options:",
    "  -o OUTPUT                     Write the result into the single file OUTPUT.",
    "  -k, --keep                    Keep INPUT file(s) after processing. [Default]",
    "  --rm                          Delete INPUT file(s) once they were processed successfully.",
    nullptr,
};

const char* const kGzipNoName[] = {
    "  -n, --no-name                 Accepted for gzip compatibility; no file name is stored anyway.",
    nullptr,
};

const char* const kBasicRest[] = {
    "",
    "  -#                            Compression level, from 1 (fastest) to 19 (smallest output).",
    "                                [Default: 3]",
    "",
    "  -d, --decompress              Decompress.",
    "  -D DICT                       Use the dictionary DICT to compress or decompress.",
    "",
    "  -f, --force                   Skip safety checks: overwrite existing files, accept console",
    "                                input/output, follow links and special files. When",
    "                                decompressing, data that is not compressed is copied as-is.",
    "",
    "  -h                            Show this short help and exit.",
    "  -H, --help                    Show the full help and exit.",
    "  -V, --version                 Show the version and exit.",
    "",
    nullptr,
};

const char* const kAdvanced[] = {
    "Advanced options:",
    "  -c, --stdout                  Write to STDOUT (even a console) and keep INPUT file(s).",
    "",
    "  -v, --verbose                 More messages; repeat for even more.",
    "  -q, --quiet                   No warnings; twice: no error messages either.",
    "  --trace LOG                   Accepted for compatibility; this build writes no trace.",
    "",
    "  --[no-]progress               Always/never show the progress line (it mixes with any",
    "                                output sent to a terminal).",
    "",
    "  -r                            Walk directories recursively.",
    "  --filelist LIST               Read the names of the files to process from LIST.",
    "  --output-dir-flat DIR         Write all outputs into DIR.",
    "  --output-dir-mirror DIR       Write outputs into DIR, mirroring the input directory tree.",
    "  --[no-]asyncio                Overlap reading and writing with (de)compression.",
    "                                [Default: on]",
    "",
    "  --[no-]check                  Compression: add an XXH64 checksum. Decompression (-d):",
    "                                verify/ignore checksums. [Default: add, verify]",
    "",
    "  --                            Every following argument is a file name.",
    "",
    "Advanced compression options:",
    "  --ultra                       Allow levels 20 to 22 (more memory for both sides).",
    "  --fast[=#]                    Negative (very fast) compression levels. [Default: 1]",
    "  --adapt[=min=#,max=#]         Adjust the level to the speed of input and output.",
    "  --long[=#]                    Long distance matching with a window of 2^# bytes.",
    "                                [Default: 27]",
    "  --patch-from=REF              Make a patch: compress against the reference file REF.",
    "",
    "  -T#                           Compress with # worker threads. [Default: 1; 0: one per core]",
    "  --single-thread               Compress on the main thread, without a worker (slightly",
    "                                different from -T1).",
    "  --auto-threads={physical|logical}",
    "                                Which cores -T0 counts. [Default: physical]",
    "",
    "  -B#                           Size of each worker's job. [Default: 0 (chosen by the level)]",
    "  --rsyncable                   Cut jobs where the content says so, so that rsync finds the",
    "                                unchanged parts of a changed file (-B sets the job size).",
    "",
    "  --exclude-compressed          Skip files whose name says they are already compressed.",
    "",
    "  --stream-size=#               Exact size of the data read from STDIN.",
    "  --size-hint=#                 Approximate size of the data read from STDIN, to tune",
    "                                the parameters.",
    "  --target-compressed-block-size=#",
    "                                Keep compressed blocks near # bytes (low-latency streams).",
    "",
    "  --no-dictID                   Leave the dictionary ID out of the frame header.",
    "  --[no-]compress-literals      Always/never compress the literals.",
    "  --[no-]row-match-finder       Use/avoid the row-based match finder of the greedy, lazy",
    "                                and lazy2 strategies.",
    "  --[no-]content-size           Record/omit the original size in the frame header.",
    "  --[no-]mmap-dict              Map the dictionary file into memory instead of reading it.",
    "  --zstd=PARAM=#[,...]          Set advanced parameters (strategy, wlog, hlog, clog, slog,",
    "                                mml, tlen, ovlog, ldmhlog, ldmslen, ldmblog, ldmhevery).",
    "  --show-default-cparams        Print the parameters each file would be compressed with.",
    "",
    nullptr,
};

const char* const kAdvancedDecompression[] = {
    "",
    "Advanced decompression options:",
    "  -l, --list                    Show information about zstd-compressed files.",
    "  -t, --test                    Check that compressed files decode correctly.",
    "  -M#, --memory=#               Refuse frames whose window is larger than # bytes",
    "                                (suffixes K, KB, KiB, M, MB, MiB). [Default: 128 MiB]",
    "  --[no-]sparse                 Write runs of zeros as holes. [Default: on for files,",
    "                                off for STDOUT]",
    nullptr,
};

const char* const kPassThroughOff[] = {
    "  --[no-]pass-through           Copy input that is not compressed unchanged. [Default: off]",
    nullptr,
};
const char* const kPassThroughOn[] = {
    "  --[no-]pass-through           Copy input that is not compressed unchanged. [Default: on]",
    nullptr,
};

const char* const kBuilderAndBench[] = {
    "",
    "Dictionary builder:",
    "  --train                       Build a dictionary from the files given as samples.",
    "  --train-cover[=k=#,d=#,steps=#,split=#,shrink[=#]]",
    "                                Use the cover algorithm (parameters optional).",
    "  --train-fastcover[=k=#,d=#,f=#,steps=#,split=#,accel=#,shrink[=#]]",
    "                                Use the fast cover algorithm (parameters optional).",
    "  --train-legacy[=s=#]          Use the legacy algorithm with selectivity #. [Default: 9]",
    "  -o NAME                       Write the dictionary to NAME. [Default: dictionary]",
    "  --maxdict=#                   Largest dictionary size. [Default: 112640]",
    "  --dictID=#                    Dictionary ID to record. [Default: random]",
    "",
    "Benchmark options:",
    "  -b#                           Benchmark compression level #. [Default: 3]",
    "  -e#                           Benchmark every level from -b# up to #. [Default: 1]",
    "  -i#                           Run each measurement for at least # seconds. [Default: 3]",
    "  -B#                           Cut the input into independent pieces of # bytes.",
    "                                [Default: no cutting]",
    "  -S                            One result per input file. [Default: one for all]",
    "  --priority=rt                 Ask for real-time scheduling priority.",
    nullptr,
};

// Whether the program runs under one of `names` (or "name.something").
bool calledAs(const char* programName, std::initializer_list<const char*> names) {
    const std::string name = programName ? programName : "";
    for (const char* n : names) {
        const std::string candidate = n;
        if (name == candidate || name.rfind(candidate + ".", 0) == 0) return true;
    }
    return false;
}
bool calledGzip(const char* programName) { return calledAs(programName, {"gzip"}); }
// zstdcat's names preset pass-through.
bool catLike(const char* programName) { return calledAs(programName, {"zstdcat", "zcat", "gzcat"}); }

// The --format= lines, for the formats this build has.
void formatLines(std::FILE* out, bool gzipName) {
    if (gzipName) std::fprintf(out, "  --best                        Same as -9 (gzip compatibility).\n");
    std::fprintf(out, "  --format=zstd                 Write the .zst format. [Default]\n");
    if (formatCompiledIn(ForeignFormat::gzip)) std::fprintf(out, "  --format=gzip                 Write the .gz format.\n");
    if (formatCompiledIn(ForeignFormat::xz)) {
        std::fprintf(out, "  --format=xz                   Write the .xz format.\n");
        std::fprintf(out, "  --format=lzma                 Write the .lzma format.\n");
    }
    if (formatCompiledIn(ForeignFormat::lz4)) std::fprintf(out, "  --format=lz4                  Write the .lz4 format.\n");
}

}  // namespace

void printVersion(std::FILE* out, int displayLevel) {
    if (displayLevel < 2) {
        std::fprintf(out, "%s\n", kCliVersion);
        return;
    }
    std::fprintf(out, "%s\n", banner());
    if (displayLevel >= 3) {
        std::string formats = "zstd";
        if (formatCompiledIn(ForeignFormat::gzip)) formats += ", gzip";
        if (formatCompiledIn(ForeignFormat::lz4)) formats += ", lz4";
        if (formatCompiledIn(ForeignFormat::lzma)) formats += ", lzma, xz";
        std::fprintf(out, "*** supports: %s \n", formats.c_str());
    }
    if (displayLevel >= 4) {
        std::fputs(formatLibraryVersions().c_str(), out);
        // The platform facts the reference prints at this level.
        std::fprintf(out, "_POSIX_C_SOURCE defined: %ldL\n", static_cast<long>(_POSIX_C_SOURCE));
        std::fprintf(out, "_POSIX_VERSION defined: %ldL \n", static_cast<long>(_POSIX_VERSION));
        std::fprintf(out, "PLATFORM_POSIX_VERSION defined: %ldL\n", static_cast<long>(_POSIX_VERSION));
    }
}

void printShortUsage(std::FILE* out, const char* programName) {
    section(out, kIntro);
    std::fprintf(out, "Usage: %s [OPTIONS...] [INPUT... | -] [-o OUTPUT]\n", programName);
    section(out, kBasic);
    if (calledGzip(programName)) section(out, kGzipNoName);
    section(out, kBasicRest);
}

void printLongHelp(std::FILE* out, const char* programName) {
    std::fprintf(out, "%s\n\n", banner());
    printShortUsage(out, programName);
    section(out, kAdvanced);
    formatLines(out, calledGzip(programName));
    section(out, kAdvancedDecompression);
    section(out, catLike(programName) ? kPassThroughOn : kPassThroughOff);
    section(out, kBuilderAndBench);
}

}  // namespace zcli
