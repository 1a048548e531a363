#include "list.h"

#define ZSTD_STATIC_LINKING_ONLY
#include <zstd.h>

#include <sys/stat.h>

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>

#include "errors.h"
#include "fileio.h"
#include "formats.h"
#include "input_list.h"
#include "messages.h"

namespace zcli {

namespace {

// What one file contains, gathered by walking its frames.
struct FileInfo {
    unsigned zstdFrames = 0;
    unsigned skippableFrames = 0;
    std::uint64_t compressedSize = 0;
    std::uint64_t decompressedSize = 0;
    bool decompressedKnown = true;
    std::uint64_t windowSize = 0;
    unsigned dictID = 0;
    unsigned framesWithChecksum = 0;
    std::uint32_t lastChecksum = 0;
};

enum class ScanResult { ok, notZstd, truncated, truncatedBlock, corrupted };

struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
};

// Reads exactly `n` bytes; false at end of file.
bool readExact(std::FILE* f, unsigned char* buf, size_t n) { return std::fread(buf, 1, n, f) == n; }

bool skipBytes(std::FILE* f, std::uint64_t n, std::uint64_t fileSize) {
    long pos = std::ftell(f);
    if (pos < 0 || static_cast<std::uint64_t>(pos) + n > fileSize) return false;
    return std::fseek(f, static_cast<long>(pos + static_cast<long>(n)), SEEK_SET) == 0;
}

// Walks the blocks of a zstd frame whose header was just read.
ScanResult scanBlocks(std::FILE* f, std::uint64_t fileSize, const ZSTD_frameHeader& header, FileInfo& info) {
    for (;;) {
        unsigned char bh[3];
        if (!readExact(f, bh, 3)) return ScanResult::truncatedBlock;
        const std::uint32_t v = bh[0] | (bh[1] << 8) | (static_cast<std::uint32_t>(bh[2]) << 16);
        const bool last = v & 1;
        const unsigned type = (v >> 1) & 3;
        const std::uint32_t size = v >> 3;
        if (type == 3) return ScanResult::corrupted;
        if (!skipBytes(f, type == 1 ? 1 : size, fileSize)) return ScanResult::truncatedBlock;
        if (last) break;
    }
    if (header.checksumFlag) {
        unsigned char c[4];
        if (!readExact(f, c, 4)) return ScanResult::truncated;
        info.lastChecksum = readLE32(c);
        ++info.framesWithChecksum;
    }
    return ScanResult::ok;
}

ScanResult scanFile(std::FILE* f, std::uint64_t fileSize, FileInfo& info) {
    info.compressedSize = fileSize;
    bool first = true;
    for (;; first = false) {
        unsigned char head[ZSTD_FRAMEHEADERSIZE_MAX];
        const long start = std::ftell(f);
        size_t got = std::fread(head, 1, sizeof head, f);
        if (got == 0 && !first) return ScanResult::ok;
        if (got < kMagicSize) {
            if (!first) return ScanResult::truncated;
            // The reference complains about the short read before deciding.
            displayAlways("Error: reached end of file with incomplete frame \n");
            return ScanResult::notZstd;
        }
        const InputFormat fmt = detectFormat(head, got);
        if (fmt == InputFormat::skippableFrame) {
            if (got < 8) return ScanResult::truncated;
            const std::uint64_t frameSize = 8 + static_cast<std::uint64_t>(readLE32(head + 4));
            if (static_cast<std::uint64_t>(start) + frameSize > fileSize) return ScanResult::truncated;
            std::fseek(f, static_cast<long>(start + static_cast<long>(frameSize)), SEEK_SET);
            ++info.skippableFrames;
            continue;
        }
        if (fmt != InputFormat::zstdFrame) return first ? ScanResult::notZstd : ScanResult::corrupted;
        ZSTD_frameHeader header;
        const size_t hr = ZSTD_getFrameHeader(&header, head, got);
        if (ZSTD_isError(hr)) return ScanResult::corrupted;
        if (hr != 0) {
            // A cut frame header: the reference says so, then treats the
            // file as not zstd when it is the first frame.
            displayAlways("Error: reached end of file with incomplete frame \n");
            return first ? ScanResult::notZstd : ScanResult::truncated;
        }
        const size_t headerSize = ZSTD_frameHeaderSize(head, got);
        if (ZSTD_isError(headerSize)) return ScanResult::corrupted;
        std::fseek(f, static_cast<long>(start + static_cast<long>(headerSize)), SEEK_SET);
        ++info.zstdFrames;
        if (header.frameContentSize == ZSTD_CONTENTSIZE_UNKNOWN)
            info.decompressedKnown = false;
        else
            info.decompressedSize += header.frameContentSize;
        info.windowSize = header.windowSize;  // the last frame's, as the reference shows
        if (info.zstdFrames == 1) info.dictID = header.dictID;
        ScanResult r = scanBlocks(f, fileSize, header, info);
        if (r != ScanResult::ok) return r;
    }
}

// Size column of the table: number right-aligned, unit padded to 3.
std::string tableSize(std::uint64_t bytes, int numberWidth) {
    std::string h = humanSize(bytes);
    size_t space = h.find(' ');
    char buf[64];
    std::snprintf(buf, sizeof buf, "%*s %3s", numberWidth, h.substr(0, space).c_str(), h.substr(space + 1).c_str());
    return buf;
}

// As the reference: XXH64 as soon as one frame carries a checksum.
bool usesChecksum(const FileInfo& info) { return info.framesWithChecksum > 0; }
const char* checkName(const FileInfo& info) { return usesChecksum(info) ? "XXH64" : "None"; }

void printHeader() { std::printf("Frames  Skips  Compressed  Uncompressed  Ratio  Check  Filename\n"); }

void printRow(const FileInfo& info, const char* check, const std::string& name) {
    const unsigned frames = info.zstdFrames + info.skippableFrames;
    std::printf("%6u  %5u  %s  ", frames, info.skippableFrames, tableSize(info.compressedSize, 6).c_str());
    if (info.decompressedKnown) {
        double ratio = info.compressedSize == 0 ? 0.0
                                                : static_cast<double>(info.decompressedSize) / info.compressedSize;
        std::printf("%s  %5.3f", tableSize(info.decompressedSize, 8).c_str(), ratio);
    } else {
        std::printf("%19s", "");
    }
    std::printf("  %5s  %s\n", check, name.c_str());
}

void printVerbose(const FileInfo& info, const std::string& name) {
    std::printf("%s \n", name.c_str());
    std::printf("# Zstandard Frames: %u\n", info.zstdFrames);
    if (info.skippableFrames > 0) std::printf("# Skippable Frames: %u\n", info.skippableFrames);
    std::printf("DictID: %u\n", info.dictID);
    std::printf("Window Size: %s (%llu B)\n", humanSize(info.windowSize).c_str(),
                static_cast<unsigned long long>(info.windowSize));
    std::printf("Compressed Size: %s (%llu B)\n", humanSize(info.compressedSize).c_str(),
                static_cast<unsigned long long>(info.compressedSize));
    if (info.decompressedKnown) {
        std::printf("Decompressed Size: %s (%llu B)\n", humanSize(info.decompressedSize).c_str(),
                    static_cast<unsigned long long>(info.decompressedSize));
        double ratio =
            info.compressedSize == 0 ? 0.0 : static_cast<double>(info.decompressedSize) / info.compressedSize;
        std::printf("Ratio: %.4f\n", ratio);
    }
    if (usesChecksum(info)) {
        if (info.zstdFrames == 1)
            std::printf("Check: XXH64 %08x\n", static_cast<unsigned>(info.lastChecksum));
        else
            std::printf("Check: XXH64\n");
    } else {
        std::printf("Check: None\n");
    }
    std::printf("\n");
}

}  // namespace

int listFiles(const Options& o) {
    if (o.inputs.empty() && o.fileLists.empty()) {
        if (!stdinIsConsole(o)) displayAt(1, "zstd: --list does not support reading from standard input \n");
        displayAt(1, "No files given \n");
        return 1;
    }
    const std::vector<std::string> inputs = gatherInputs(o);
    for (const std::string& in : inputs) {
        if (in == kStdinArg) {
            displayAt(1, "zstd: --list does not support reading from standard input \n");
            return 1;
        }
    }
    const bool verbose = display().level >= 3;
    bool failed = false;
    FileInfo total;
    unsigned listed = 0;
    bool allChecked = true;  // the totals show XXH64 unless a listed file has no checksum
    // The header comes first, whatever happens to the files.
    if (!verbose) printHeader();
    for (const std::string& name : inputs) {
        struct stat st {};
        if (::stat(name.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
            displayAlways("Error : %s is not a file \n", name.c_str());
            if (verbose) std::printf("\n");
            failed = true;
            continue;
        }
        std::unique_ptr<std::FILE, FileCloser> f(std::fopen(name.c_str(), "rb"));
        if (!f) {
            displayAlways("Error : %s is not a file \n", name.c_str());
            failed = true;
            continue;
        }
        FileInfo info;
        ScanResult r = scanFile(f.get(), static_cast<std::uint64_t>(st.st_size), info);
        if (r == ScanResult::notZstd) {
            std::printf("File \"%s\" not compressed by zstd \n", name.c_str());
            if (verbose) std::printf("\n");
            failed = true;
            continue;
        }
        if (r != ScanResult::ok) {
            displayAlways(r == ScanResult::truncated        ? "Error: reached end of file with incomplete frame \n"
                          : r == ScanResult::truncatedBlock ? "Error while reading block header \n"
                                                            : "Error: could not decode frame \n");
            displayAlways("Error while parsing \"%s\" \n", name.c_str());
            failed = true;
            continue;
        }
        if (verbose) {
            printVerbose(info, name);
        } else {
            printRow(info, checkName(info), name);
        }
        ++listed;
        total.zstdFrames += info.zstdFrames;
        total.skippableFrames += info.skippableFrames;
        total.compressedSize += info.compressedSize;
        total.decompressedSize += info.decompressedSize;
        total.decompressedKnown = total.decompressedKnown && info.decompressedKnown;
        allChecked = allChecked && usesChecksum(info);
    }
    if (!verbose && inputs.size() > 1) {
        std::printf("----------------------------------------------------------------- \n");
        printRow(total, allChecked ? "XXH64" : "", std::to_string(listed) + " files");
    }
    std::fflush(stdout);
    return failed ? 1 : 0;
}

}  // namespace zcli
