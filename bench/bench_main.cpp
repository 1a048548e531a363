// zest_bench: decompression speed of zest against the reference libzstd, in
// one process, on the same frames, with runs alternating between the two.
//
//   zest_bench [-l LEVELS] [-r SECONDS] [FILE|DIR ...]
//
// LEVELS is a comma list (default 1,3,19). With no file, the shared corpus
// directory is used when present. Output: one row per level with MB/s of each
// implementation (decompressed bytes per second) and zest/reference.
#include <zstd.h>  // the reference (system header)

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "decompress/dctx.h"
#include "common/error.h"

namespace fs = std::filesystem;

namespace {

struct Input {
    std::string name;
    std::vector<char> data;
};

std::vector<Input> loadInputs(const std::vector<std::string>& paths) {
    std::vector<Input> out;
    auto addFile = [&](const fs::path& p) {
        std::ifstream f(p, std::ios::binary);
        if (!f) return;
        Input in{p.filename().string(), std::vector<char>(std::istreambuf_iterator<char>(f), {})};
        if (!in.data.empty()) out.push_back(std::move(in));
    };
    for (const auto& p : paths) {
        if (fs::is_directory(p)) {
            std::vector<fs::path> files;
            for (const auto& e : fs::directory_iterator(p))
                if (e.is_regular_file() && e.path().extension() != ".md" && e.path().filename() != "SHA256SUMS")
                    files.push_back(e.path());
            std::sort(files.begin(), files.end());
            for (const auto& f : files) addFile(f);
        } else {
            addFile(p);
        }
    }
    return out;
}

double now() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

struct Frame {
    std::vector<char> compressed;
    size_t originalSize;
};

}  // namespace

int main(int argc, char** argv) {
    std::vector<int> levels{1, 3, 19};
    double seconds = 1.0;
    std::string only;  // "zest" or "ref": run that side once per level, untimed (for profilers)
    std::vector<std::string> paths;
    for (int i = 1; i < argc; i++) {
        std::string a = argv[i];
        if (a == "-l" && i + 1 < argc) {
            levels.clear();
            std::string s = argv[++i];
            size_t pos = 0;
            while (pos < s.size()) {
                size_t c = s.find(',', pos);
                if (c == std::string::npos) c = s.size();
                levels.push_back(std::atoi(s.substr(pos, c - pos).c_str()));
                pos = c + 1;
            }
        } else if (a == "--only" && i + 1 < argc) {
            only = argv[++i];
        } else if (a == "-r" && i + 1 < argc) {
            seconds = std::atof(argv[++i]);
        } else if (a == "-h" || a == "--help") {
            std::printf("usage: zest_bench [-l LEVELS] [-r SECONDS_PER_ROUND] [--only zest|ref] [FILE|DIR ...]\n");
            return 0;
        } else {
            paths.push_back(a);
        }
    }
    if (paths.empty()) {
        if (!fs::is_directory(ZEST_DEFAULT_CORPUS)) {
            std::fprintf(stderr, "no input given and %s not found\n", ZEST_DEFAULT_CORPUS);
            return 1;
        }
        paths.push_back(ZEST_DEFAULT_CORPUS);
    }
    const std::vector<Input> inputs = loadInputs(paths);
    if (inputs.empty()) {
        std::fprintf(stderr, "no readable input\n");
        return 1;
    }
    size_t total = 0;
    for (const auto& in : inputs) total += in.data.size();
    std::printf("decompression, %zu file(s), %.1f MB; MB/s of decompressed output, best of rounds\n",
                inputs.size(), total / 1e6);
    std::printf("%6s %8s %10s %10s %8s\n", "level", "ratio", "zest", "reference", "zest/ref");

    ZSTD_CCtx* cctx = ZSTD_createCCtx();
    ZSTD_DCtx* refD = ZSTD_createDCtx();
    zest::DCtx* zD = zest::createDCtx(zest::kDefaultMem);
    size_t maxOut = 0;
    for (const auto& in : inputs) maxOut = std::max(maxOut, in.data.size());
    std::vector<char> out(maxOut);
    int failures = 0;

    for (int level : levels) {
        std::vector<Frame> frames;
        size_t csize = 0;
        for (const auto& in : inputs) {
            Frame f;
            f.originalSize = in.data.size();
            f.compressed.resize(ZSTD_compressBound(in.data.size()));
            ZSTD_CCtx_reset(cctx, ZSTD_reset_session_and_parameters);
            ZSTD_CCtx_setParameter(cctx, ZSTD_c_compressionLevel, level);
            const size_t r = ZSTD_compress2(cctx, f.compressed.data(), f.compressed.size(), in.data.data(),
                                            in.data.size());
            if (ZSTD_isError(r)) {
                std::fprintf(stderr, "reference compression failed: %s\n", ZSTD_getErrorName(r));
                return 1;
            }
            f.compressed.resize(r);
            csize += r;
            frames.push_back(std::move(f));
        }
        // Verify zest once before timing.
        for (size_t i = 0; i < frames.size(); i++) {
            const size_t r = zest::decompressDCtx(zD, out.data(), out.size(), frames[i].compressed.data(),
                                                  frames[i].compressed.size());
            if (zest::isError(r) || r != inputs[i].data.size() ||
                std::memcmp(out.data(), inputs[i].data.data(), r) != 0) {
                std::fprintf(stderr, "zest decode mismatch on %s level %d: %s\n", inputs[i].name.c_str(), level,
                             zest::isError(r) ? zest::errorName(r) : "wrong output");
                failures++;
            }
        }
        auto runZest = [&] {
            for (const auto& f : frames)
                zest::decompressDCtx(zD, out.data(), out.size(), f.compressed.data(), f.compressed.size());
        };
        auto runRef = [&] {
            for (const auto& f : frames)
                ZSTD_decompressDCtx(refD, out.data(), out.size(), f.compressed.data(), f.compressed.size());
        };
        if (!only.empty()) {
            if (only == "ref") runRef(); else runZest();
            continue;
        }
        double bestZ = 1e30, bestR = 1e30;
        const double deadline = now() + seconds * 2;
        int rounds = 0;
        do {  // alternate, keep the best time of each
            double t0 = now();
            runZest();
            double t1 = now();
            runRef();
            double t2 = now();
            bestZ = std::min(bestZ, t1 - t0);
            bestR = std::min(bestR, t2 - t1);
            rounds++;
        } while (now() < deadline || rounds < 3);
        const double mbZ = total / bestZ / 1e6, mbR = total / bestR / 1e6;
        std::printf("%6d %8.3f %10.1f %10.1f %8.3f\n", level, double(total) / csize, mbZ, mbR, mbZ / mbR);
        std::fflush(stdout);
    }
    zest::freeDCtx(zD);
    ZSTD_freeDCtx(refD);
    ZSTD_freeCCtx(cctx);
    return failures ? 2 : 0;
}
