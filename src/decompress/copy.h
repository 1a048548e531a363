// Copy primitives for sequence execution. The "wild" variants may write up
// to 32 bytes past the end and read up to 32 bytes past the source end; the
// caller guarantees that slack.
#pragma once
#include "common/mem.h"

namespace zest {

// Non-overlapping or forward-safe copy (src at least 16 bytes behind dst, or
// disjoint). Short copies are the common case; long ones go 32 bytes a step.
// May write up to 32 bytes past dst + len.
ZEST_FORCE_INLINE void wildCopy16(u8* dst, const u8* src, size_t len) {
    copy16(dst, src);
    if (len <= 16) return;
    u8* const end = dst + len;
    dst += 16;
    src += 16;
    do {
        copy16(dst, src);
        copy16(dst + 16, src + 16);
        dst += 32;
        src += 32;
    } while (dst < end);
}

// Match copy inside the output: source is `offset` bytes behind dst, possibly
// overlapping the bytes being written (offset < len), which repeats the
// pattern. May overrun dst + len by up to 32 bytes.
ZEST_FORCE_INLINE void wildMatchCopy(u8* dst, size_t offset, size_t len) {
    const u8* src = dst - offset;
    if (ZEST_LIKELY(offset >= 16)) {
        wildCopy16(dst, src, len);
        return;
    }
    u8* const end = dst + len;
    if (offset < 8) {
        // Lay down 4 bytes one at a time, 4 more from a distance that is a
        // multiple of the period (at least 4), then 8-byte copies from a
        // distance that is a multiple of the period and at least 8.
        static constexpr u8 kDistance4[8] = {0, 4, 4, 6, 4, 5, 6, 7};
        static constexpr u8 kDistance8[8] = {0, 8, 8, 9, 8, 10, 12, 14};
        dst[0] = src[0];
        dst[1] = src[1];
        dst[2] = src[2];
        dst[3] = src[3];
        std::memcpy(dst + 4, dst + 4 - kDistance4[offset], 4);
        const size_t d = kDistance8[offset];
        dst += 8;
        while (dst < end) {
            copy8(dst, dst - d);
            dst += 8;
        }
        return;
    }
    do {  // 8 <= offset < 16: 8-byte steps never read unwritten bytes
        copy8(dst, src);
        dst += 8;
        src += 8;
    } while (dst < end);
}

// Exact forward copy that tolerates overlap with src behind dst.
ZEST_FORCE_INLINE void overlapCopyExact(u8* dst, const u8* src, size_t len) {
    if (size_t(dst - src) >= len) {
        std::memcpy(dst, src, len);
        return;
    }
    for (size_t i = 0; i < len; i++) dst[i] = src[i];
}

}  // namespace zest
