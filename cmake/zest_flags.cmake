# Flags for code that ends up inside libzstd: a C library to its users, so no
# exceptions, no RTTI, no thread-safe-static guards (they pull in libstdc++).
set(ZEST_LIB_CXX_FLAGS -fno-exceptions -fno-rtti -fno-threadsafe-statics
    -fvisibility=hidden -fvisibility-inlines-hidden -Wall -Wextra -Wno-unused-parameter)
