#include "threads.h"

#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <string>
#include <utility>

#include "messages.h"

namespace zcli {

unsigned logicalCores() {
    const long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? static_cast<unsigned>(n) : 1;
}

unsigned physicalCores() {
    std::ifstream cpuinfo("/proc/cpuinfo");
    std::set<std::pair<int, int>> cores;
    int package = 0;
    std::string line;
    auto valueOf = [](const std::string& l) {
        const size_t colon = l.find(':');
        return colon == std::string::npos ? -1 : std::atoi(l.c_str() + colon + 1);
    };
    while (std::getline(cpuinfo, line)) {
        if (line.rfind("physical id", 0) == 0) package = valueOf(line);
        if (line.rfind("core id", 0) == 0) cores.insert({package, valueOf(line)});
    }
    const unsigned logical = logicalCores();
    if (cores.empty()) return logical;
    return std::min(logical, static_cast<unsigned>(cores.size()));
}

unsigned compressionWorkers(const CompressSettings& c, bool note) {
    if (c.singleThread) return 0;
    if (!c.threads) return std::max(1u, std::min(4u, logicalCores() / 4));  // 1.5.7's default
    if (*c.threads != 0) return *c.threads;
    const unsigned n = c.autoThreadsLogical ? logicalCores() : physicalCores();
    if (note) displayAt(3, "Note: %u %s core(s) detected \n", n, c.autoThreadsLogical ? "logical" : "physical");
    return n;
}

}  // namespace zcli
