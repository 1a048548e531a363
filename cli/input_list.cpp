#include "input_list.h"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <fstream>

#include "errors.h"
#include "fileio.h"
#include "messages.h"

namespace zcli {

namespace {

bool isSymlink(const std::string& path) {
    struct stat st {};
    return ::lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode);
}

bool isFifo(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && S_ISFIFO(st.st_mode);
}

bool isDirectory(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

void readFileList(const std::string& listPath, std::vector<std::string>& out) {
    std::ifstream in(listPath);
    struct stat st {};
    if (!in || ::stat(listPath.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
        displayAt(1, "zstd: error reading %s \n", listPath.c_str());
        throw ExitRequest{1};
    }
    size_t before = out.size();
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (!line.empty()) out.push_back(line);
    }
    if (out.size() == before) {
        displayAt(1, "zstd: error reading %s \n", listPath.c_str());
        throw ExitRequest{1};
    }
}

// Appends the files below `dir` (sorted, depth first).
void expandDirectory(const std::string& dir, bool followLinks, std::vector<std::string>& out) {
    DIR* d = ::opendir(dir.c_str());
    if (d == nullptr) {
        displayAt(1, "Cannot open directory '%s' \n", dir.c_str());
        return;
    }
    std::vector<std::string> names;
    while (dirent* e = ::readdir(d)) {
        std::string n = e->d_name;
        if (n == "." || n == "..") continue;
        names.push_back(n);
    }
    ::closedir(d);
    std::sort(names.begin(), names.end());
    for (const std::string& n : names) {
        std::string path = dir.empty() || dir.back() == '/' ? dir + n : dir + "/" + n;
        if (!followLinks && isSymlink(path)) {
            displayAt(2, "Warning : %s is a symbolic link, ignoring\n", path.c_str());
            continue;
        }
        if (isDirectory(path))
            expandDirectory(path, followLinks, out);
        else
            out.push_back(path);
    }
}

}  // namespace

std::vector<std::string> gatherInputs(const Options& o) {
    std::vector<std::string> names = o.inputs;
    for (const std::string& list : o.fileLists) readFileList(list, names);

    if (!o.followLinks) {
        std::vector<std::string> kept;
        for (const std::string& n : names) {
            if (!isStdinName(n) && isSymlink(n) && !isFifo(n)) {
                displayAt(2, "Warning : %s is a symbolic link, ignoring \n", n.c_str());
                continue;
            }
            kept.push_back(n);
        }
        if (kept.empty() && !names.empty()) throw ExitRequest{1};
        names.swap(kept);
    }

    if (o.recursive) {
        std::vector<std::string> expanded;
        for (const std::string& n : names) {
            if (!isStdinName(n) && isDirectory(n))
                expandDirectory(n, o.followLinks, expanded);
            else
                expanded.push_back(n);
        }
        if (expanded.empty() && !names.empty()) {
            displayAt(2, "please provide correct input file(s) or non-empty directories -- ignored \n");
            throw ExitRequest{0};
        }
        names.swap(expanded);
    }

    if (names.empty()) names.emplace_back(kStdinArg);
    return names;
}

}  // namespace zcli
