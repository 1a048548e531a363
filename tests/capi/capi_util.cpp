#include "capi_util.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <mutex>
#include <sstream>

namespace capi {

namespace {

bool fileExists(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    return f.good();
}

}  // namespace

const std::string& corpusDir() {
    static const std::string dir = CAPI_CORPUS_DIR;
    static std::once_flag once;
    std::call_once(once, [] {
        if (fileExists(dir + "/stamp")) return;
        // Run directly (not through ctest): build the corpus now.
        const std::string cmd = std::string("sh '") + CAPI_GEN_SCRIPT + "' '" + CAPI_MAKE_FRAMES + "' '" +
                                CAPI_REF_ZSTD_CLI + "' '" + dir + "'";
        if (std::system(cmd.c_str()) != 0) std::fprintf(stderr, "corpus generation failed: %s\n", cmd.c_str());
    });
    return dir;
}

bool exists(const std::string& name) { return fileExists(corpusDir() + "/" + name); }

Bytes load(const std::string& name) {
    const std::string path = corpusDir() + "/" + name;
    std::ifstream f(path, std::ios::binary);
    if (!f) {
        ADD_FAILURE() << "missing corpus file " << path;
        return {};
    }
    return Bytes(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
}

std::vector<std::string> loadLines(const std::string& name) {
    const Bytes b = load(name);
    std::vector<std::string> lines;
    std::string cur;
    for (unsigned char c : b) {
        if (c == '\n') {
            lines.push_back(cur);
            cur.clear();
        } else {
            cur.push_back(char(c));
        }
    }
    if (!cur.empty()) lines.push_back(cur);
    return lines;
}

Bytes concat(std::initializer_list<const Bytes*> parts) {
    Bytes r;
    for (const Bytes* p : parts) r.insert(r.end(), p->begin(), p->end());
    return r;
}

Bytes original(const std::string& frame) {
    if (frame == "text_w17" || frame == "text_w20" || frame == "w31" || frame == "bad_checksum") return load("text.bin");
    if (frame == "skip_small") return load("small.bin");
    if (frame == "recA_noid") return load("recA.bin");
    if (frame == "rawdict") return load("prefixed.bin");
    if (frame == "two") {
        const Bytes a = load("text.bin"), b = load("small.bin");
        return concat({&a, &b});
    }
    if (frame == "empty" || frame == "skip5") return {};
    return load(frame + ".bin");
}

std::string show(size_t r) {
    if (ZSTD_isError(r)) return "E" + std::to_string(int(ZSTD_getErrorCode(r)));
    return std::to_string(r);
}

size_t streamDecode(ZSTD_DCtx* d, const Bytes& frame, size_t inChunk, size_t outChunk, Bytes& out,
                    size_t maxCalls) {
    std::vector<unsigned char> window(outChunk ? outChunk : 1);
    size_t pos = 0;
    size_t ret = 0;
    for (size_t calls = 0; calls < maxCalls; calls++) {
        const size_t avail = frame.size() - pos;
        ZSTD_inBuffer in = {frame.data() + pos, avail < inChunk ? avail : inChunk, 0};
        ZSTD_outBuffer o = {window.data(), outChunk, 0};
        ret = ZSTD_decompressStream(d, &o, &in);
        if (ZSTD_isError(ret)) return ret;
        out.insert(out.end(), window.begin(), window.begin() + std::ptrdiff_t(o.pos));
        pos += in.pos;
        if (pos == frame.size() && ret == 0) return 0;
    }
    return ret;
}

}  // namespace capi
