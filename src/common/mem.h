// Byte-order loads/stores and bit tricks. Zstandard is little-endian throughout;
// memcpy-based accesses compile to single unaligned moves on x86-64.
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstring>

#define ZEST_LIKELY(x) __builtin_expect(!!(x), 1)
#define ZEST_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define ZEST_FORCE_INLINE inline __attribute__((always_inline))
// For lambdas in hot loops (GCC may otherwise outline them and spill).
#define ZEST_FORCE_INLINE_LAMBDA __attribute__((always_inline))
#define ZEST_NOINLINE __attribute__((noinline))

namespace zest {

using u8 = uint8_t;
using u16 = uint16_t;
using u32 = uint32_t;
using u64 = uint64_t;
using i16 = int16_t;
using i32 = int32_t;

ZEST_FORCE_INLINE u16 readLE16(const void* p) { u16 v; std::memcpy(&v, p, 2); return v; }
ZEST_FORCE_INLINE u32 readLE24(const void* p) {
    auto b = static_cast<const u8*>(p);
    return u32(b[0]) | (u32(b[1]) << 8) | (u32(b[2]) << 16);
}
ZEST_FORCE_INLINE u32 readLE32(const void* p) { u32 v; std::memcpy(&v, p, 4); return v; }
ZEST_FORCE_INLINE u64 readLE64(const void* p) { u64 v; std::memcpy(&v, p, 8); return v; }
ZEST_FORCE_INLINE size_t readLEWord(const void* p) { size_t v; std::memcpy(&v, p, sizeof v); return v; }
ZEST_FORCE_INLINE void writeLE16(void* p, u16 v) { std::memcpy(p, &v, 2); }
ZEST_FORCE_INLINE void writeLE24(void* p, u32 v) {
    auto b = static_cast<u8*>(p);
    b[0] = u8(v); b[1] = u8(v >> 8); b[2] = u8(v >> 16);
}
ZEST_FORCE_INLINE void writeLE32(void* p, u32 v) { std::memcpy(p, &v, 4); }
ZEST_FORCE_INLINE void writeLE64(void* p, u64 v) { std::memcpy(p, &v, 8); }

// Index of the highest set bit; v must be non-zero.
ZEST_FORCE_INLINE unsigned highBit32(u32 v) { return 31u - unsigned(__builtin_clz(v)); }
ZEST_FORCE_INLINE unsigned highBit64(u64 v) { return 63u - unsigned(__builtin_clzll(v)); }

// 8- and 16-byte copies used by the overrunning ("wild") copy loops.
ZEST_FORCE_INLINE void copy8(void* d, const void* s) { std::memcpy(d, s, 8); }
ZEST_FORCE_INLINE void copy16(void* d, const void* s) { std::memcpy(d, s, 16); }

}  // namespace zest

static_assert(sizeof(size_t) == 8, "zest targets 64-bit platforms");
