// Every allocation of the library goes through a CustomMem (the layout of
// ZSTD_customMem). A context created inside a caller's workspace uses a
// StaticArena instead: a bump allocator that never frees and never grows.
#pragma once
#include <cstddef>
#include <new>

namespace zest {

struct CustomMem {
    void* (*customAlloc)(void* opaque, size_t size);
    void (*customFree)(void* opaque, void* address);
    void* opaque;
};

constexpr CustomMem kDefaultMem{nullptr, nullptr, nullptr};

// Exactly one of the two functions set is invalid (the reference refuses it too).
inline bool isValidMem(const CustomMem& m) { return (m.customAlloc == nullptr) == (m.customFree == nullptr); }

void* memAlloc(const CustomMem& m, size_t size);
void* memCalloc(const CustomMem& m, size_t size);
void memFree(const CustomMem& m, void* p);

// Construct / destroy an object in storage from a CustomMem.
template <class T, class... Args>
T* memNew(const CustomMem& m, Args&&... args) {
    void* p = memAlloc(m, sizeof(T));
    return p ? new (p) T(static_cast<Args&&>(args)...) : nullptr;
}
template <class T>
void memDelete(const CustomMem& m, T* p) {
    if (!p) return;
    p->~T();
    memFree(m, p);
}

// Tables are laid out on cache lines (a row or bucket straddling two costs ~10%).
constexpr size_t kCacheLine = 64;
template <class T>
T* alignUp(T* p, size_t align) {
    const size_t a = reinterpret_cast<size_t>(p);
    return reinterpret_cast<T*>(a + (((a + align - 1) & ~(align - 1)) - a));
}

// A fixed region handed over by the caller (ZSTD_initStatic*).
struct StaticArena {
    char* base = nullptr;
    size_t size = 0;
    size_t used = 0;
    // Aligned as an address (tables straddling cache lines cost ~10%).
    void* take(size_t n, size_t align = 64) {
        const size_t at = reinterpret_cast<size_t>(base) + used;
        const size_t start = used + (((at + align - 1) & ~(align - 1)) - at);
        if (start > size || n > size - start) return nullptr;
        used = start + n;
        return base + start;
    }
};

}  // namespace zest
