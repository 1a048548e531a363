// zest_bench: compression (-c) or decompression speed of zest against the
// reference libzstd, in one process, on the same data, with runs alternating
// between the two.
//
//   zest_bench [-c] [-l LEVELS] [-r SECONDS] [-s] [-B SIZE[K]] [-D DICT] [FILE|DIR ...]
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
#include <utility>
#include <string>
#include <vector>

#include "compress/cctx.h"
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

// Streaming decode through 128 KiB input and output buffers, like the CLI.
size_t streamZest(zest::DCtx* d, std::vector<char>& chunk, const Frame& f) {
    zest::dctxReset(d, zest::ResetDirective::session_only);
    size_t produced = 0;
    const size_t step = 128 * 1024;
    for (size_t pos = 0; pos < f.compressed.size();) {
        zest::InBuffer in{f.compressed.data() + pos, std::min(step, f.compressed.size() - pos), 0};
        while (in.pos < in.size) {
            zest::OutBuffer out{chunk.data(), chunk.size(), 0};
            if (zest::isError(zest::decompressStream(d, &out, &in))) return 0;
            produced += out.pos;
        }
        pos += in.size;
    }
    for (;;) {  // drain
        zest::InBuffer in{nullptr, 0, 0};
        zest::OutBuffer out{chunk.data(), chunk.size(), 0};
        const size_t r = zest::decompressStream(d, &out, &in);
        produced += out.pos;
        if (zest::isError(r) || out.pos == 0) break;
    }
    return produced;
}

size_t streamRef(ZSTD_DCtx* d, std::vector<char>& chunk, const Frame& f) {
    ZSTD_DCtx_reset(d, ZSTD_reset_session_only);
    size_t produced = 0;
    const size_t step = 128 * 1024;
    for (size_t pos = 0; pos < f.compressed.size();) {
        ZSTD_inBuffer in{f.compressed.data() + pos, std::min(step, f.compressed.size() - pos), 0};
        while (in.pos < in.size) {
            ZSTD_outBuffer out{chunk.data(), chunk.size(), 0};
            if (ZSTD_isError(ZSTD_decompressStream(d, &out, &in))) return 0;
            produced += out.pos;
        }
        pos += in.size;
    }
    for (;;) {
        ZSTD_inBuffer in{nullptr, 0, 0};
        ZSTD_outBuffer out{chunk.data(), chunk.size(), 0};
        const size_t r = ZSTD_decompressStream(d, &out, &in);
        produced += out.pos;
        if (ZSTD_isError(r) || out.pos == 0) break;
    }
    return produced;
}

}  // namespace

// Time two implementations over the same items, alternating per batch and
// keeping each one's best time per batch (robust to drift on busy machines).
// Items are timed in batches of at least 256 KB of input so tiny items are
// not dominated by the clock. Returns {zest seconds, reference seconds}.
template <class FZ, class FR>
std::pair<double, double> timeSideBySide(const std::vector<size_t>& itemBytes, double seconds, FZ&& runZest,
                                         FR&& runRef) {
    std::vector<size_t> batchStart{0};
    for (size_t i = 0, acc = 0; i < itemBytes.size(); i++) {
        acc += itemBytes[i];
        if (acc >= (256u << 10) && i + 1 < itemBytes.size()) {
            batchStart.push_back(i + 1);
            acc = 0;
        }
    }
    batchStart.push_back(itemBytes.size());
    const size_t nbBatches = batchStart.size() - 1;
    std::vector<double> bestZ(nbBatches, 1e30), bestR(nbBatches, 1e30);
    const double deadline = now() + seconds * 2;
    int rounds = 0;
    do {
        for (size_t b = 0; b < nbBatches; b++) {
            const double t0 = now();
            for (size_t i = batchStart[b]; i < batchStart[b + 1]; i++) runZest(i);
            const double t1 = now();
            for (size_t i = batchStart[b]; i < batchStart[b + 1]; i++) runRef(i);
            const double t2 = now();
            bestZ[b] = std::min(bestZ[b], t1 - t0);
            bestR[b] = std::min(bestR[b], t2 - t1);
        }
        rounds++;
    } while (now() < deadline || rounds < 5);
    double tz = 0, tr = 0;
    for (size_t b = 0; b < nbBatches; b++) {
        tz += bestZ[b];
        tr += bestR[b];
    }
    return {tz, tr};
}

// Compression side by side: sizes and speed of zest and the reference per
// level; zest's output is checked by the reference's decoder.
int benchCompression(const std::vector<Input>& inputs, const std::vector<int>& levels, double seconds,
                     bool streaming, const std::vector<char>& dict, const std::string& only) {
    size_t total = 0, maxIn = 0;
    std::vector<size_t> sizes;
    for (const auto& in : inputs) {
        total += in.data.size();
        maxIn = std::max(maxIn, in.data.size());
        sizes.push_back(in.data.size());
    }
    std::printf("compression (%s%s), %zu input(s), %.1f MB; MB/s of input, best of rounds\n",
                streaming ? "streaming, 128 KiB buffers" : "one-shot", dict.empty() ? "" : ", dictionary",
                inputs.size(), total / 1e6);
    std::printf("%6s %9s %9s %9s %10s %10s %8s\n", "level", "ratio", "ref ratio", "size z/r", "zest MB/s",
                "ref MB/s", "zest/ref");
    std::vector<char> dst(ZSTD_compressBound(maxIn)), check(maxIn), chunk(128 * 1024);
    zest::CCtx* zc = zest::createCCtx(zest::kDefaultMem);
    ZSTD_CCtx* rc = ZSTD_createCCtx();
    ZSTD_DCtx* rd = ZSTD_createDCtx();
    int failures = 0;
    for (int level : levels) {
        zest::cctxReset(zc, zest::ResetDirective::session_and_parameters);
        zest::cctxSetParameter(zc, int(zest::CParam::compressionLevel), level);
        ZSTD_CCtx_reset(rc, ZSTD_reset_session_and_parameters);
        ZSTD_CCtx_setParameter(rc, ZSTD_c_compressionLevel, level);
        if (!dict.empty()) {
            zest::cctxLoadDictionary(zc, dict.data(), dict.size(), zest::DictLoadMethod::byCopy,
                                     zest::DictContentType::autoDetect);
            ZSTD_CCtx_loadDictionary(rc, dict.data(), dict.size());
        }
        auto zestOne = [&](size_t i) -> size_t {
            const auto& d = inputs[i].data;
            if (!streaming) return zest::compress2(zc, dst.data(), dst.size(), d.data(), d.size());
            zest::cctxReset(zc, zest::ResetDirective::session_only);
            size_t produced = 0;
            for (size_t pos = 0; pos <= d.size();) {
                const size_t n = std::min(chunk.size(), d.size() - pos);
                zest::InBuffer in{d.data() + pos, n, 0};
                const auto mode = pos + n == d.size() ? zest::EndDirective::end : zest::EndDirective::continue_;
                size_t r;
                do {
                    zest::OutBuffer out{dst.data() + produced, dst.size() - produced, 0};
                    r = zest::compressStream2(zc, &out, &in, mode);
                    if (zest::isError(r)) return r;
                    produced += out.pos;
                } while (in.pos < in.size || (mode == zest::EndDirective::end && r != 0));
                pos += n;
                if (mode == zest::EndDirective::end) break;
            }
            return produced;
        };
        auto refOne = [&](size_t i) -> size_t {
            const auto& d = inputs[i].data;
            if (!streaming) return ZSTD_compress2(rc, dst.data(), dst.size(), d.data(), d.size());
            ZSTD_CCtx_reset(rc, ZSTD_reset_session_only);
            size_t produced = 0;
            for (size_t pos = 0; pos <= d.size();) {
                const size_t n = std::min(chunk.size(), d.size() - pos);
                ZSTD_inBuffer in{d.data() + pos, n, 0};
                const auto mode = pos + n == d.size() ? ZSTD_e_end : ZSTD_e_continue;
                size_t r;
                do {
                    ZSTD_outBuffer out{dst.data() + produced, dst.size() - produced, 0};
                    r = ZSTD_compressStream2(rc, &out, &in, mode);
                    if (ZSTD_isError(r)) return r;
                    produced += out.pos;
                } while (in.pos < in.size || (mode == ZSTD_e_end && r != 0));
                pos += n;
                if (mode == ZSTD_e_end) break;
            }
            return produced;
        };
        // Sizes, and zest's frames checked by the reference decoder.
        size_t zsize = 0, rsize = 0;
        for (size_t i = 0; i < inputs.size(); i++) {
            const size_t r = refOne(i);
            const size_t z = zestOne(i);
            if (zest::isError(z) || ZSTD_isError(r)) {
                std::fprintf(stderr, "compression failed on %s level %d: %s\n", inputs[i].name.c_str(), level,
                             zest::isError(z) ? zest::errorName(z) : ZSTD_getErrorName(r));
                failures++;
                continue;
            }
            rsize += r;
            zsize += z;
            const size_t dn = dict.empty()
                                  ? ZSTD_decompressDCtx(rd, check.data(), check.size(), dst.data(), z)
                                  : ZSTD_decompress_usingDict(rd, check.data(), check.size(), dst.data(), z,
                                                              dict.data(), dict.size());
            if (ZSTD_isError(dn) || dn != inputs[i].data.size() ||
                std::memcmp(check.data(), inputs[i].data.data(), dn) != 0) {
                std::fprintf(stderr, "reference cannot decode zest's frame of %s at level %d: %s\n",
                             inputs[i].name.c_str(), level, ZSTD_isError(dn) ? ZSTD_getErrorName(dn) : "wrong output");
                failures++;
            }
        }
        if (!only.empty()) {
            for (size_t i = 0; i < inputs.size(); i++) (only == "ref") ? refOne(i) : zestOne(i);
            continue;
        }
        const auto [tz, tr] = timeSideBySide(sizes, seconds, zestOne, refOne);
        const double mbZ = total / tz / 1e6, mbR = total / tr / 1e6;
        std::printf("%6d %9.3f %9.3f %9.4f %10.1f %10.1f %8.3f\n", level, double(total) / zsize,
                    double(total) / rsize, double(zsize) / rsize, mbZ, mbR, mbZ / mbR);
        std::fflush(stdout);
    }
    zest::freeCCtx(zc);
    ZSTD_freeCCtx(rc);
    ZSTD_freeDCtx(rd);
    return failures ? 2 : 0;
}

int main(int argc, char** argv) {
    std::vector<int> levels{1, 3, 19};
    double seconds = 1.0;
    std::string only;  // "zest" or "ref": run that side once per level, untimed (for profilers)
    bool compression = false;  // -c: benchmark compression instead of decompression
    bool streaming = false;  // -s: streaming API with 128 KiB buffers (the CLI's path)
    size_t pieceSize = 0;    // -B#: cut inputs into independent pieces of this size (database-style)
    std::string dictPath;    // -D FILE: compress and decompress with this dictionary
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
        } else if (a == "-B" && i + 1 < argc) {
            pieceSize = size_t(std::atol(argv[++i]));
            if (std::strchr(argv[i], 'K') || std::strchr(argv[i], 'k')) pieceSize <<= 10;
        } else if (a == "-D" && i + 1 < argc) {
            dictPath = argv[++i];
        } else if (a == "-c") {
            compression = true;
        } else if (a == "-s") {
            streaming = true;
        } else if (a == "--only" && i + 1 < argc) {
            only = argv[++i];
        } else if (a == "-r" && i + 1 < argc) {
            seconds = std::atof(argv[++i]);
        } else if (a == "-h" || a == "--help") {
            std::printf("usage: zest_bench [-c] [-l LEVELS] [-r SECONDS_PER_ROUND] [-s] [-B SIZE[K]] [-D DICT] [--only zest|ref] [FILE|DIR ...]\n");
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
    std::vector<Input> inputs = loadInputs(paths);
    if (pieceSize) {
        std::vector<Input> pieces;
        for (const auto& in : inputs)
            for (size_t off = 0; off < in.data.size(); off += pieceSize) {
                const size_t n = std::min(pieceSize, in.data.size() - off);
                pieces.push_back(Input{in.name, std::vector<char>(in.data.begin() + off, in.data.begin() + off + n)});
            }
        inputs = std::move(pieces);
    }
    std::vector<char> dict;
    if (!dictPath.empty()) {
        std::ifstream f(dictPath, std::ios::binary);
        dict.assign(std::istreambuf_iterator<char>(f), {});
        if (dict.empty()) {
            std::fprintf(stderr, "cannot read dictionary %s\n", dictPath.c_str());
            return 1;
        }
    }
    if (inputs.empty()) {
        std::fprintf(stderr, "no readable input\n");
        return 1;
    }
    if (compression) return benchCompression(inputs, levels, seconds, streaming, dict, only);
    size_t total = 0;
    for (const auto& in : inputs) total += in.data.size();
    std::printf("decompression (%s%s), %zu frame(s), %.1f MB; MB/s of decompressed output, best of rounds\n",
                streaming ? "streaming, 128 KiB buffers" : "one-shot", dict.empty() ? "" : ", dictionary",
                inputs.size(), total / 1e6);
    std::printf("%6s %8s %10s %10s %8s\n", "level", "ratio", "zest", "reference", "zest/ref");

    ZSTD_CCtx* cctx = ZSTD_createCCtx();
    ZSTD_DCtx* refD = ZSTD_createDCtx();
    zest::DCtx* zD = zest::createDCtx(zest::kDefaultMem);
    zest::DDict* zDict = nullptr;
    ZSTD_DDict* refDict = nullptr;
    if (!dict.empty()) {
        zDict = zest::createDDict(dict.data(), dict.size(), zest::DictLoadMethod::byCopy,
                                  zest::DictContentType::autoDetect, zest::kDefaultMem);
        refDict = ZSTD_createDDict(dict.data(), dict.size());
        zest::dctxRefDDict(zD, zDict);
        ZSTD_DCtx_refDDict(refD, refDict);
    }
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
            if (!dict.empty()) ZSTD_CCtx_loadDictionary(cctx, dict.data(), dict.size());
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
        std::vector<char> chunk(128 * 1024);
        auto decodeZest = [&](const Frame& f) {
            if (streaming) streamZest(zD, chunk, f);
            else if (zDict) zest::decompressUsingDDict(zD, out.data(), out.size(), f.compressed.data(), f.compressed.size(), zDict);
            else zest::decompressDCtx(zD, out.data(), out.size(), f.compressed.data(), f.compressed.size());
        };
        auto decodeRef = [&](const Frame& f) {
            if (streaming) streamRef(refD, chunk, f);
            else if (refDict) ZSTD_decompress_usingDDict(refD, out.data(), out.size(), f.compressed.data(), f.compressed.size(), refDict);
            else ZSTD_decompressDCtx(refD, out.data(), out.size(), f.compressed.data(), f.compressed.size());
        };
        // Verify zest once before timing.
        for (size_t i = 0; i < frames.size(); i++) {
            const size_t r = zest::decompressUsingDDict(zD, out.data(), out.size(), frames[i].compressed.data(),
                                                        frames[i].compressed.size(), zDict);
            if (zest::isError(r) || r != inputs[i].data.size() ||
                std::memcmp(out.data(), inputs[i].data.data(), r) != 0) {
                std::fprintf(stderr, "zest decode mismatch on %s level %d: %s\n", inputs[i].name.c_str(), level,
                             zest::isError(r) ? zest::errorName(r) : "wrong output");
                failures++;
            }
        }
        for (size_t i = 0; streaming && i < frames.size(); i++) {
            if (streamZest(zD, chunk, frames[i]) != inputs[i].data.size()) {
                std::fprintf(stderr, "zest streaming decode failed on %s level %d\n", inputs[i].name.c_str(), level);
                failures++;
            }
        }
        if (!only.empty()) {
            for (const auto& f : frames) (only == "ref") ? decodeRef(f) : decodeZest(f);
            continue;
        }
        std::vector<size_t> frameBytes;
        for (const auto& f : frames) frameBytes.push_back(f.originalSize);
        const auto [bestZ, bestR] = timeSideBySide(frameBytes, seconds, [&](size_t i) { decodeZest(frames[i]); },
                                                   [&](size_t i) { decodeRef(frames[i]); });
        const double mbZ = total / bestZ / 1e6, mbR = total / bestR / 1e6;
        std::printf("%6d %8.3f %10.1f %10.1f %8.3f\n", level, double(total) / csize, mbZ, mbR, mbZ / mbR);
        std::fflush(stdout);
    }
    zest::freeDCtx(zD);
    zest::freeDDict(zDict);
    ZSTD_freeDDict(refDict);
    ZSTD_freeDCtx(refD);
    ZSTD_freeCCtx(cctx);
    return failures ? 2 : 0;
}
