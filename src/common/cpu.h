// Runtime CPU feature detection for dispatching hot loops.
#pragma once

namespace zest {

// BMI2 (with BMI1/LZCNT): cheap variable shifts, which bit readers live on.
bool cpuHasBmi2();

}  // namespace zest

// Marks a function compiled for the BMI2 feature set; force-inlined bodies
// called from it are compiled for that set too.
#define ZEST_TARGET_BMI2 __attribute__((target("bmi,bmi2,lzcnt")))
