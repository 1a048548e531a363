#include "naming.h"

#include <cerrno>
#include <sys/stat.h>

#include "codecs.h"
#include "messages.h"

namespace zcli {

namespace {

struct SuffixRule {
    const char* suffix;
    const char* replacement;
    std::optional<ForeignFormat> format;  // the library it needs, if any
};

// In the reference's order, which its "unknown suffix" message lists.
const SuffixRule kSuffixRules[] = {
    {".zst", "", std::nullopt},
    {".tzst", ".tar", std::nullopt},
    {".zstd", "", std::nullopt},
    {".gz", "", ForeignFormat::gzip},
    {".tgz", ".tar", ForeignFormat::gzip},
    {".lzma", "", ForeignFormat::lzma},
    {".xz", "", ForeignFormat::xz},
    {".txz", ".tar", ForeignFormat::xz},
    {".lz4", "", ForeignFormat::lz4},
    {".tlz4", ".tar", ForeignFormat::lz4},
};

bool usable(const SuffixRule& r) { return !r.format || formatCompiledIn(*r.format); }

}  // namespace

const char* decompressibleSuffixList() {
    static const std::string list = [] {
        std::string l;
        for (const SuffixRule& r : kSuffixRules) {
            if (!usable(r) || std::string(r.suffix) == ".zstd") continue;
            if (!l.empty()) l += '/';
            l += r.suffix;
        }
        return l;
    }();
    return list.c_str();
}

namespace {

bool endsWith(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

std::optional<std::string> stripCompressedSuffix(const std::string& srcName) {
    const size_t baseLen = baseName(srcName).size();
    for (const SuffixRule& r : kSuffixRules) {
        if (!usable(r)) continue;
        std::string suffix(r.suffix);
        if (endsWith(srcName, suffix) && baseLen > suffix.size())
            return srcName.substr(0, srcName.size() - suffix.size()) + r.replacement;
    }
    return std::nullopt;
}

std::string baseName(const std::string& path) {
    size_t slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string dirName(const std::string& path) {
    size_t slash = path.rfind('/');
    return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

bool makeDirectories(const std::string& path) {
    if (path.empty()) return true;
    struct stat st;
    if (::stat(path.c_str(), &st) == 0) return S_ISDIR(st.st_mode);
    std::string parent = dirName(path);
    if (!parent.empty() && parent != path && !makeDirectories(parent)) return false;
    return ::mkdir(path.c_str(), 0777) == 0 || errno == EEXIST;
}

namespace {

bool hasParentReference(const std::string& path) {
    size_t start = 0;
    while (start <= path.size()) {
        size_t slash = path.find('/', start);
        size_t end = slash == std::string::npos ? path.size() : slash;
        if (path.compare(start, end - start, "..") == 0 && end - start == 2) return true;
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    return false;
}

std::string joinPath(const std::string& dir, const std::string& rest) {
    if (dir.empty()) return rest;
    if (dir.back() == '/') return dir + rest;
    return dir + "/" + rest;
}

}  // namespace

std::optional<std::string> placeOutput(const std::string& srcPath, const std::string& name,
                                       const OutputDirs& dirs, const char* verb) {
    if (!dirs.mirror.empty()) {
        if (hasParentReference(srcPath)) {
            displayAt(1, "zstd: --output-dir-mirror cannot %s '%s' into '%s'\n", verb, srcPath.c_str(),
                      dirs.mirror.c_str());
            return std::nullopt;
        }
        std::string srcDir = dirName(srcPath);
        while (!srcDir.empty() && srcDir.front() == '/') srcDir.erase(0, 1);
        std::string targetDir = srcDir.empty() ? dirs.mirror : joinPath(dirs.mirror, srcDir);
        if (!makeDirectories(targetDir)) {
            displayAt(1, "zstd: cannot create directory %s \n", targetDir.c_str());
            return std::nullopt;
        }
        return joinPath(targetDir, baseName(name));
    }
    if (!dirs.flat.empty()) return joinPath(dirs.flat, baseName(name));
    return name;
}

}  // namespace zcli
