// Dictionary training from files (see train.h). Each file is a sample (its
// first 128 KiB), or -B# cuts files into samples of that size; files are
// shuffled (deterministically) so that the trainers' test share is a fair
// draw, and loading stops at the -M budget.
#define ZDICT_STATIC_LINKING_ONLY
#include "train.h"

#include <zdict.h>
#include <zstd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <sys/stat.h>

#include "input_list.h"
#include "messages.h"

namespace zcli {
namespace {

constexpr std::size_t kSampleMax = 128 << 10;            // of a file, when not cut with -B#
constexpr std::uint64_t kDefaultBudget = 2ull << 30;     // -M default and maximum
constexpr unsigned kMinSamples = 5;

struct Samples {
    std::vector<unsigned char> data;
    std::vector<std::size_t> sizes;
};

// A fixed permutation (splitmix64 draws), the same for the same file list.
void shuffle(std::vector<std::string>& files) {
    std::uint64_t state = 0x5A17D1C7ull;
    for (std::size_t i = files.size(); i > 1; --i) {
        state += 0x9E3779B97F4A7C15ull;
        std::uint64_t z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        z ^= z >> 31;
        std::swap(files[i - 1], files[z % i]);
    }
}

// Regular files only (a directory named without -r, a device: skipped, as the reference does).
std::vector<std::string> regularFiles(const std::vector<std::string>& files) {
    std::vector<std::string> out;
    for (const std::string& name : files) {
        struct stat st;
        if (::stat(name.c_str(), &st) != 0) {
            displayAt(1, "zstd: %s: %s \n", name.c_str(), std::strerror(errno));
        } else if (!S_ISREG(st.st_mode)) {
            displayAt(2, "zstd: %s is not a regular file -- ignored \n", name.c_str());
        } else {
            out.push_back(name);
        }
    }
    return out;
}

// Samples the files make before any budget: the count the reference checks.
std::size_t nominalSamples(const std::vector<std::string>& files, std::size_t blockSize) {
    std::size_t n = 0;
    for (const std::string& name : files) {
        struct stat st;
        if (::stat(name.c_str(), &st) != 0) continue;
        const std::uint64_t size = static_cast<std::uint64_t>(st.st_size);
        if (size == 0) continue;  // an empty file is no sample
        n += blockSize ? static_cast<std::size_t>((size + blockSize - 1) / blockSize) : 1;
    }
    return n;
}

bool loadSamples(const std::vector<std::string>& files, std::size_t blockSize, std::uint64_t budget, Samples& s) {
    bool complete = true;
    for (const std::string& name : files) {
        std::ifstream in(name, std::ios::binary);
        if (!in) {
            displayAt(1, "zstd: %s: %s \n", name.c_str(), std::strerror(errno));
            continue;
        }
        displayAt(3, "Loading %s...\n", name.c_str());
        std::vector<unsigned char> content;
        try {
            content.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        } catch (const std::exception&) {
            displayAt(1, "zstd: %s: read error -- ignored \n", name.c_str());
            continue;
        }
        if (blockSize == 0 && content.size() > kSampleMax) content.resize(kSampleMax);
        const std::size_t piece = blockSize ? blockSize : std::max<std::size_t>(content.size(), 1);
        for (std::size_t at = 0; at < content.size(); at += piece) {
            const std::size_t n = std::min(piece, content.size() - at);
            if (s.data.size() + n > budget) {
                complete = false;
                break;
            }
            s.data.insert(s.data.end(), content.begin() + at, content.begin() + at + n);
            s.sizes.push_back(n);
        }
        if (!complete) break;
    }
    return complete;
}

// "k=#,d=#,shrink[=#]" into a map; a bare flag maps to "".
std::map<std::string, std::string> parseList(const std::string& text) {
    std::map<std::string, std::string> out;
    std::size_t at = 0;
    while (at < text.size()) {
        std::size_t comma = text.find(',', at);
        if (comma == std::string::npos) comma = text.size();
        const std::string item = text.substr(at, comma - at);
        const std::size_t eq = item.find('=');
        out[item.substr(0, eq)] = eq == std::string::npos ? "" : item.substr(eq + 1);
        at = comma + 1;
    }
    return out;
}

unsigned number(const std::map<std::string, std::string>& m, const char* key, unsigned fallback) {
    auto it = m.find(key);
    if (it == m.end() || it->second.empty()) return fallback;
    return static_cast<unsigned>(std::stoul(it->second));
}

void shrinkSettings(const std::map<std::string, std::string>& m, unsigned& shrink, unsigned& regression) {
    auto it = m.find("shrink");
    if (it == m.end()) return;
    shrink = 1;
    regression = it->second.empty() ? 1 : static_cast<unsigned>(std::stoul(it->second));
}

ZDICT_params_t zParams(const Options& o) {
    ZDICT_params_t z;
    std::memset(&z, 0, sizeof(z));
    z.compressionLevel = o.comp.levelSet ? o.comp.level : 3;
    z.notificationLevel = static_cast<unsigned>(std::max(display().level, 0));
    z.dictID = o.train.dictIDSet ? o.train.dictID : 0;
    return z;
}

unsigned threadsOf(const Options& o) { return o.comp.threads && *o.comp.threads > 0 ? *o.comp.threads : 1; }

std::size_t trainCover(const Options& o, void* dict, std::size_t cap, const Samples& s) {
    const auto m = parseList(o.train.params);
    ZDICT_cover_params_t p;
    std::memset(&p, 0, sizeof(p));
    p.k = number(m, "k", 0);
    p.d = number(m, "d", 0);
    p.steps = number(m, "steps", 0);
    p.splitPoint = number(m, "split", 100) / 100.0;
    p.nbThreads = threadsOf(o);
    shrinkSettings(m, p.shrinkDict, p.shrinkDictMaxRegression);
    p.zParams = zParams(o);
    const unsigned n = static_cast<unsigned>(s.sizes.size());
    if (p.k && p.d) return ZDICT_trainFromBuffer_cover(dict, cap, s.data.data(), s.sizes.data(), n, p);
    const std::size_t r = ZDICT_optimizeTrainFromBuffer_cover(dict, cap, s.data.data(), s.sizes.data(), n, &p);
    if (!ZDICT_isError(r))
        displayAt(2, "k=%u\nd=%u\nsteps=%u\nsplit=%u\n", p.k, p.d, p.steps, static_cast<unsigned>(p.splitPoint * 100));
    return r;
}

std::size_t trainFastCover(const Options& o, void* dict, std::size_t cap, const Samples& s) {
    const auto m = parseList(o.train.params);
    ZDICT_fastCover_params_t p;
    std::memset(&p, 0, sizeof(p));
    if (!o.train.explicitAlgo) {  // plain --train
        p.d = 8;
        p.steps = 4;
    }
    p.k = number(m, "k", 0);
    p.d = number(m, "d", p.d);
    p.f = number(m, "f", 20);
    p.steps = number(m, "steps", p.steps);
    p.accel = number(m, "accel", 1);
    p.splitPoint = number(m, "split", 75) / 100.0;
    p.nbThreads = threadsOf(o);
    shrinkSettings(m, p.shrinkDict, p.shrinkDictMaxRegression);
    p.zParams = zParams(o);
    const unsigned n = static_cast<unsigned>(s.sizes.size());
    if (p.k && p.d) return ZDICT_trainFromBuffer_fastCover(dict, cap, s.data.data(), s.sizes.data(), n, p);
    const std::size_t r = ZDICT_optimizeTrainFromBuffer_fastCover(dict, cap, s.data.data(), s.sizes.data(), n, &p);
    if (!ZDICT_isError(r))
        displayAt(2, "k=%u\nd=%u\nf=%u\nsteps=%u\nsplit=%u\naccel=%u\n", p.k, p.d, p.f, p.steps,
                  static_cast<unsigned>(p.splitPoint * 100), p.accel);
    return r;
}

std::size_t trainLegacy(const Options& o, void* dict, std::size_t cap, const Samples& s) {
    ZDICT_legacy_params_t p;
    std::memset(&p, 0, sizeof(p));
    p.selectivityLevel = o.train.legacySelectivity;
    p.zParams = zParams(o);
    return ZDICT_trainFromBuffer_legacy(dict, cap, s.data.data(), s.sizes.data(),
                                        static_cast<unsigned>(s.sizes.size()), p);
}

// The dictionary goes to its file whole or not at all. A failed write removes
// the output only if it is a regular file (never a device such as /dev/full).
int writeDictionary(const std::string& path, const void* dict, std::size_t size) {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) {
        displayAt(1, "zstd: error 3 : cannot open %s \n", path.c_str());
        return 3;
    }
    const bool written = std::fwrite(dict, 1, size, f) == size;
    const bool closed = std::fclose(f) == 0;
    if (written && closed) return 0;
    struct stat st;
    if (::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode)) std::remove(path.c_str());
    if (!written) {
        displayAt(1, "zstd: error 4 : cannot write %s \n", path.c_str());
        return 4;
    }
    displayAt(1, "zstd: error 5 : cannot flush %s \n", path.c_str());
    return 5;
}

}  // namespace

int runTraining(const Options& o) {
    std::vector<std::string> files = gatherInputs(o);
    files.erase(std::remove(files.begin(), files.end(), std::string("-")), files.end());
    files = regularFiles(files);
    displayAt(3, "Shuffling input files\n");
    shuffle(files);
    const std::uint64_t budget = o.memLimit ? std::min<std::uint64_t>(o.memLimit, kDefaultBudget) : kDefaultBudget;
    // As the reference, too few samples is judged on what the files hold; a
    // budget that leaves too few makes the training fail instead (exit 1).
    const std::size_t nominal = nominalSamples(files, o.comp.blockSize);
    if (nominal < kMinSamples) {
        displayAt(2, "!  Warning : %zu samples is too few to train a dictionary. \n", nominal);
        displayAt(2, "!  Give one file per sample, or cut files into samples with -B# \n");
        displayAt(1, "zstd: error 14 : nb of samples too low \n");
        return 14;
    }
    Samples s;
    if (!loadSamples(files, o.comp.blockSize, budget, s))
        displayAt(2, "!  Warning : the samples exceed the memory budget (-M); training on the first %zu bytes "
                     "of a shuffled selection \n", s.data.size());
    const std::size_t cap = o.train.maxDictSize;
    std::vector<unsigned char> dict(std::max<std::size_t>(cap, 1));
    std::size_t r;
    switch (o.train.algo) {
    case TrainSettings::Algo::cover: r = trainCover(o, dict.data(), cap, s); break;
    case TrainSettings::Algo::legacy: r = trainLegacy(o, dict.data(), cap, s); break;
    default: r = trainFastCover(o, dict.data(), cap, s); break;
    }
    if (ZDICT_isError(r)) {
        displayAt(1, "dictionary training failed : %s \n", ZDICT_getErrorName(r));
        return 1;
    }
    const std::string out = o.outFile ? *o.outFile : std::string("dictionary");
    if (const int w = writeDictionary(out, dict.data(), r)) return w;
    displayAt(2, "Save dictionary of size %zu into file %s \n", r, out.c_str());
    return 0;
}

}  // namespace zcli
