#include "common/alloc.h"

#include <cstdlib>
#include <cstring>

namespace zest {

void* memAlloc(const CustomMem& m, size_t size) {
    if (m.customAlloc) return m.customAlloc(m.opaque, size);
    return std::malloc(size);
}

void* memCalloc(const CustomMem& m, size_t size) {
    if (!m.customAlloc) return std::calloc(1, size);
    void* p = m.customAlloc(m.opaque, size);
    if (p) std::memset(p, 0, size);
    return p;
}

void memFree(const CustomMem& m, void* p) {
    if (!p) return;
    if (m.customFree) m.customFree(m.opaque, p);
    else std::free(p);
}

}  // namespace zest
