#include "help.h"

#include <zstd.h>

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
    "",
    "  -#                            Compression level, from 1 (fastest) to 19 (smallest output).",
    "                                [Default: 3]",
    "",
    "  -d, --decompress              Decompress.",
    "  -D DICT                       Use the dictionary DICT to compress or decompress.",
    "",
    "  -f, --force                   Skip safety checks: overwrite existing files, accept console",
    "                                input/output, follow links. When decompressing to STDOUT,",
    "                                data that is not zstd-compressed is copied as-is.",
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
    "  -q, --quiet                   Fewer messages; twice hides errors too.",
    "",
    "  --[no-]progress               Always/never show the progress line.",
    "",
    "  -r                            Walk directories recursively.",
    "  --filelist LIST               Read the names of the files to process from LIST.",
    "  --output-dir-flat DIR         Write all outputs into DIR.",
    "  --output-dir-mirror DIR       Write outputs into DIR, mirroring the input directory tree.",
    "",
    "  --[no-]check                  Compression: add an XXH64 checksum. Decompression (-d):",
    "                                verify/ignore checksums. [Default: add, verify]",
    "",
    "  --                            Every following argument is a file name.",
    "",
    "Advanced compression options:",
    "  --ultra                       Allow levels 20 to 22 (more memory for both sides).",
    "  --fast[=#]                    Negative (very fast) compression levels. [Default: 1]",
    "  --long[=#]                    Long distance matching with window log #. [Default: 27]",
    "  -T#                           Use # worker threads (0: one per core).",
    "  -B#                           Job size for multithreaded compression.",
    "  --[no-]content-size           Record/omit the original size in the frame header.",
    "",
    "Advanced decompression options:",
    "  -l, --list                    Show information about zstd-compressed files.",
    "  -t, --test                    Check that compressed files decode correctly.",
    "  -M#, --memory=#               Refuse frames whose window is larger than # bytes",
    "                                (suffixes K, KB, KiB, M, MB, MiB). [Default: 128 MiB]",
    "  --patch-from=REF              The input is a patch made against the file REF.",
    "  --[no-]sparse                 Write runs of zeros as holes. [Default: on for files]",
    "  --[no-]pass-through           Copy input that is not zstd-compressed unchanged.",
    "                                [Default: off]",
    nullptr,
};

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
        std::fprintf(out, "libzstd version %s\n", ZSTD_versionString());
        std::fputs(formatLibraryVersions().c_str(), out);
    }
}

void printShortUsage(std::FILE* out, const char* programName) {
    section(out, kIntro);
    std::fprintf(out, "Usage: %s [OPTIONS...] [INPUT... | -] [-o OUTPUT]\n", programName);
    section(out, kBasic);
}

void printLongHelp(std::FILE* out, const char* programName) {
    std::fprintf(out, "%s\n\n", banner());
    printShortUsage(out, programName);
    section(out, kAdvanced);
}

}  // namespace zcli
