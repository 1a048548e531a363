#include "common/cpu.h"

#include <cpuid.h>

namespace zest {

namespace {

bool detectBmi2() {
    unsigned a, b, c, d;
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return false;
    const bool bmi1 = (b >> 3) & 1, bmi2 = (b >> 8) & 1;
    return bmi1 && bmi2;
}

int cachedBmi2 = -1;  // -1 unknown; detection is idempotent, so racing threads agree

}  // namespace

bool cpuHasBmi2() {
    int v = __atomic_load_n(&cachedBmi2, __ATOMIC_RELAXED);
    if (v < 0) {
        v = detectBmi2() ? 1 : 0;
        __atomic_store_n(&cachedBmi2, v, __ATOMIC_RELAXED);
    }
    return v != 0;
}

}  // namespace zest
