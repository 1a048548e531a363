#!/usr/bin/env bash
# Whole test suite: release build + tests, ASan/UBSan build + tests, and a
# short bounded libFuzzer run of the decoder.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
jobs=$(nproc)

echo "== release build and tests"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j "$jobs"
ctest --test-dir build --output-on-failure -j "$jobs"

echo "== ASan+UBSan build and tests"
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DZEST_SANITIZE=ON -DZEST_BUILD_BENCH=OFF >/dev/null
cmake --build build-asan -j "$jobs"
ctest --test-dir build-asan --output-on-failure -j "$jobs"

echo "== decoder fuzzing (bounded)"
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DZEST_BUILD_FUZZ=ON \
  -DZEST_BUILD_TESTS=OFF -DZEST_BUILD_BENCH=OFF >/dev/null
cmake --build build-fuzz -j "$jobs" --target decompress_fuzzer
fuzz/run_fuzz.sh build-fuzz/fuzz/decompress_fuzzer "${ZEST_FUZZ_SECONDS:-60}"
