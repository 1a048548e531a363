#include "bench.h"

#define ZSTD_STATIC_LINKING_ONLY
#include <zstd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "compress_params.h"
#include "dictionary.h"
#include "errors.h"
#include "help.h"
#include "input_list.h"
#include "messages.h"
#include "sample_data.h"

namespace zcli {
namespace {

// What one result line is about: a name and the bytes of one or more files.
struct Sample {
    std::string name;
    std::vector<unsigned char> data;
    std::vector<size_t> fileSizes;  // the files' lengths, in order, inside `data`
};

// An independently compressed part of a sample (a file, or a -B# block of one).
struct Piece {
    size_t srcOffset;
    size_t srcSize;
    size_t dstOffset;
    size_t dstCapacity;
    size_t dstSize = 0;
};

struct Measure {
    std::uint64_t srcSize;
    std::uint64_t compressedSize;
    double compressMBps;  // 0 when only decompression was measured
    double decompressMBps;
};

struct BenchFailure {
    std::string message;
};

// Levels benchmarked: from the compression level to -e# (never below the
// first), both capped at the library's maximum; no --ultra needed.
struct LevelRange {
    int first;
    int last;
};
LevelRange benchmarkLevels(const Options& o) {
    const int maxLevel = ZSTD_maxCLevel();
    const int first = std::min(o.comp.level, maxLevel);
    const int last = std::clamp(o.bench.lastLevel.value_or(first), first, maxLevel);
    return {first, last};
}

// Runs `work` at least once and until `seconds` have passed, in batches that
// grow while they are short; returns the fastest time of a single run.
double fastestRun(const std::function<void()>& work, unsigned seconds) {
    using Clock = std::chrono::steady_clock;
    const double budget = seconds;
    double best = 1e30, spent = 0;
    unsigned batch = 1;
    do {
        const Clock::time_point start = Clock::now();
        for (unsigned i = 0; i < batch; ++i) work();
        const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
        best = std::min(best, elapsed / batch);
        spent += elapsed;
        if (elapsed < 0.05 && batch < (1u << 20)) batch *= 2;
    } while (spent < budget);
    return std::max(best, 1e-9);
}

std::vector<unsigned char> readWholeFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw BenchFailure{"zstd: " + path + ": " + std::strerror(errno)};
    std::vector<unsigned char> data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) throw BenchFailure{"zstd: " + path + ": read error"};
    return data;
}

std::vector<Sample> loadSamples(const Options& o) {
    std::vector<Sample> samples;
    if (o.inputs.empty() && o.fileLists.empty()) {
        Sample s;
        if (o.bench.compressibility) {
            s.name = "Synthetic " + std::to_string(*o.bench.compressibility) + "%";
            s.data = generateSynthetic(kSampleSize, *o.bench.compressibility);
        } else {
            s.name = "Lorem ipsum";
            s.data = generateLoremText(kSampleSize);
        }
        s.fileSizes = {s.data.size()};
        samples.push_back(std::move(s));
        return samples;
    }
    const std::vector<std::string> names = gatherInputs(o);
    Sample all;
    for (const std::string& name : names) {
        if (name == kStdinArg) throw BenchFailure{"zstd: benchmark: cannot read standard input"};
        ProgressLine loading;
        loading.update("Loading " + name + "...", true);
        std::vector<unsigned char> data = readWholeFile(name);
        loading.clear();
        if (o.bench.separateFiles) {
            samples.push_back({name, data, {data.size()}});
            continue;
        }
        all.data.insert(all.data.end(), data.begin(), data.end());
        all.fileSizes.push_back(data.size());
    }
    if (!o.bench.separateFiles) {
        if (names.size() == 1) {
            all.name = names[0];
        } else {
            char label[32];  // the reference's label for a consolidated result
            std::snprintf(label, sizeof label, " %zu files", names.size());
            all.name = label;
        }
        samples.push_back(std::move(all));
    }
    for (const Sample& s : samples)
        if (s.data.empty()) throw BenchFailure{"zstd: " + s.name + ": nothing to benchmark (empty input)"};
    return samples;
}

class Benchmark {
public:
    explicit Benchmark(const Options& o) : o_(o), cctx_(ZSTD_createCCtx()), dctx_(ZSTD_createDCtx()) {
        if (!cctx_ || !dctx_) throw FatalError(12, "not enough memory");
        if (!o.dictFile.empty()) dictionary_ = loadDictionaryFile(o.dictFile);
    }
    ~Benchmark() {
        ZSTD_freeCCtx(cctx_);
        ZSTD_freeDCtx(dctx_);
    }
    Benchmark(const Benchmark&) = delete;
    Benchmark& operator=(const Benchmark&) = delete;

    Measure roundTrip(const Sample& s, int level) {
        cutPieces(s);
        configureCCtx(cctx_, o_, level, FrameUse::benchmark);
        if (!dictionary_.empty()) checkZstd(ZSTD_CCtx_loadDictionary(cctx_, dictionary_.data(), dictionary_.size()));
        const double cTime = fastestRun([&] { compressPieces(s); }, o_.bench.minSeconds);
        const double dTime = fastestRun([&] { decompressPieces(); }, o_.bench.minSeconds);
        verify(s, level);
        std::uint64_t compressed = 0;
        for (const Piece& p : pieces_) compressed += p.dstSize;
        return {s.data.size(), compressed, s.data.size() / cTime / 1e6, s.data.size() / dTime / 1e6};
    }

    // -b -d: the sample holds zstd frames; only their decoding is timed.
    Measure decodeOnly(const Sample& s) {
        pieces_.clear();
        size_t offset = 0, decodedTotal = 0;
        for (size_t size : s.fileSizes) {
            const unsigned long long decoded = ZSTD_findDecompressedSize(s.data.data() + offset, size);
            if (decoded == ZSTD_CONTENTSIZE_ERROR || decoded == ZSTD_CONTENTSIZE_UNKNOWN)
                throw BenchFailure{"Error 32 : Error while trying to assess decompressed size: data may be invalid"};
            pieces_.push_back({decodedTotal, static_cast<size_t>(decoded), offset, size, size});
            decodedTotal += static_cast<size_t>(decoded);
            offset += size;
        }
        compressed_.assign(s.data.begin(), s.data.end());
        decoded_.resize(decodedTotal);
        const double dTime = fastestRun([&] { decompressPieces(); }, o_.bench.minSeconds);
        return {decodedTotal, s.data.size(), 0.0, decodedTotal / dTime / 1e6};
    }

private:
    void cutPieces(const Sample& s) {
        pieces_.clear();
        const size_t block = o_.comp.blockSize;
        size_t fileStart = 0, dst = 0;
        for (size_t fileSize : s.fileSizes) {
            size_t at = 0;
            do {  // an empty file still makes one (empty) frame
                const size_t n = block == 0 ? fileSize : std::min(block, fileSize - at);
                const size_t capacity = ZSTD_compressBound(n);
                pieces_.push_back({fileStart + at, n, dst, capacity});
                dst += capacity;
                at += n;
            } while (at < fileSize);
            fileStart += fileSize;
        }
        compressed_.resize(dst);
        decoded_.resize(s.data.size());
    }

    void compressPieces(const Sample& s) {
        for (Piece& p : pieces_)
            p.dstSize = checkZstd(ZSTD_compress2(cctx_, compressed_.data() + p.dstOffset, p.dstCapacity,
                                                 s.data.data() + p.srcOffset, p.srcSize));
    }

    void decompressPieces() {
        for (const Piece& p : pieces_) {
            const size_t r = ZSTD_decompress_usingDict(dctx_, decoded_.data() + p.srcOffset, p.srcSize,
                                                       compressed_.data() + p.dstOffset, p.dstSize, dictionary_.data(),
                                                       dictionary_.size());
            if (ZSTD_isError(r))
                throw BenchFailure{std::string("zstd: benchmark: decoding failed: ") + ZSTD_getErrorName(r)};
            if (r != p.srcSize) throw BenchFailure{"zstd: benchmark: decoded size differs from the original"};
        }
    }

    void verify(const Sample& s, int level) const {
        const auto diff = std::mismatch(s.data.begin(), s.data.end(), decoded_.begin());
        if (diff.first == s.data.end()) return;
        char text[256];
        std::snprintf(text, sizeof text,
                      "zstd: benchmark: level %d, %s: decoded data differs from the original at byte %zu", level,
                      s.name.c_str(), static_cast<size_t>(diff.first - s.data.begin()));
        throw BenchFailure{text};
    }

    const Options& o_;
    ZSTD_CCtx* cctx_;
    ZSTD_DCtx* dctx_;
    std::vector<unsigned char> dictionary_;
    std::vector<Piece> pieces_;
    std::vector<unsigned char> compressed_;
    std::vector<unsigned char> decoded_;
};

// The reference's result line: "level#name : size -> compressed (xratio),
// compression MB/s, decompression MB/s" on stdout; at -q its older compact
// form; nothing at -qq.
void printResult(int level, const std::string& name, const Measure& m, const Options& o) {
    const int verbosity = display().level;
    if (verbosity <= 0) return;
    const double ratio =
        static_cast<double>(m.srcSize) / static_cast<double>(std::max<std::uint64_t>(m.compressedSize, 1));
    const auto srcSize = static_cast<unsigned long long>(m.srcSize);
    const auto compressedSize = static_cast<unsigned long long>(m.compressedSize);
    // Long names are shown by their last 17 characters.
    const char* shownName = name.c_str() + (name.size() > 17 ? name.size() - 17 : 0);
    if (verbosity == 1) {
        std::printf("bench %s : input %llu bytes, %u seconds, %u KB blocks\n", kCliVersion, srcSize, o.bench.minSeconds,
                    o.comp.blockSize >> 10);
        std::printf("-%-3i%11llu (%5.3f) %6.2f MB/s %6.1f MB/s  %s\n", level, compressedSize, ratio, m.compressMBps,
                    m.decompressMBps, name.c_str());
    } else {
        std::printf("%2i#%-17s :%10llu ->%10llu (x%5.*f), %6.*f MB/s, %6.1f MB/s\n", level, shownName, srcSize,
                    compressedSize, ratio < 10 ? 3 : 2, ratio, m.compressMBps < 10 ? 2 : 1, m.compressMBps,
                    m.decompressMBps);
    }
    std::fflush(stdout);
}

}  // namespace

int runBenchmark(const Options& o) {
    if (o.comp.format != "zstd") {
        displayAt(1, "benchmark mode is only compatible with zstd format \n");
        return 1;
    }
    try {
        const std::vector<Sample> samples = loadSamples(o);
        Benchmark bench(o);
        const LevelRange levels = benchmarkLevels(o);
        for (const Sample& s : samples) {
            if (o.bench.decodeOnly) {
                printResult(levels.first, s.name, bench.decodeOnly(s), o);
                continue;
            }
            for (int level = levels.first; level <= levels.last; ++level) {
                ProgressLine progress;
                progress.update(std::to_string(level) + "#" + s.name + " : benchmarking...", true);
                const Measure m = bench.roundTrip(s, level);
                progress.clear();
                printResult(level, s.name, m, o);
            }
        }
    } catch (const BenchFailure& f) {
        displayAt(1, "%s \n", f.message.c_str());
        return 1;
    }
    return 0;
}

}  // namespace zcli
