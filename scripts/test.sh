#!/usr/bin/env bash
# Whole test suite: release build + tests, ASan/UBSan build + tests, a
# ThreadSanitizer build of the multithreading tests, and short bounded
# libFuzzer runs of the decoder and the compressor.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
jobs=$(nproc)
log=$(mktemp)
trap 'rm -f "$log"' EXIT

echo "== release build and tests"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j "$jobs"
ctest --test-dir build --output-on-failure -j "$jobs" | tee -a "$log"

echo "== ASan+UBSan build and tests"
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Sanitize -DZEST_SANITIZE=ON -DZEST_BUILD_BENCH=OFF >/dev/null
cmake --build build-asan -j "$jobs"
ctest --test-dir build-asan --output-on-failure -j "$jobs" | tee -a "$log"

echo "== ThreadSanitizer build and the multithreading tests"
cmake -S . -B build-tsan -G Ninja -DCMAKE_BUILD_TYPE=Sanitize -DZEST_TSAN=ON -DZEST_BUILD_BENCH=OFF >/dev/null
cmake --build build-tsan -j "$jobs" --target core_mt_compress_test core_thread_pool_test
TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1" \
  ctest --test-dir build-tsan --output-on-failure -j "$jobs" -L mt | tee -a "$log"

echo "== fuzzing (bounded): decoder, then compressor round trips"
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=Sanitize -DZEST_BUILD_FUZZ=ON \
  -DZEST_BUILD_TESTS=OFF -DZEST_BUILD_BENCH=OFF >/dev/null
cmake --build build-fuzz -j "$jobs" --target decompress_fuzzer compress_fuzzer
fuzz/run_fuzz.sh build-fuzz/fuzz/decompress_fuzzer "${ZEST_FUZZ_SECONDS:-60}"
fuzz/run_fuzz.sh build-fuzz/fuzz/compress_fuzzer "${ZEST_FUZZ_SECONDS:-45}"

# One closing line over both test runs and the two fuzzing runs.
total=0; failed=0
while read -r f t; do failed=$((failed + f)); total=$((total + t)); done < <(
  sed -nE 's/.* ([0-9]+) tests failed out of ([0-9]+).*/\1 \2/p' "$log")
echo "test.sh: $((total - failed + 2)) passed, $failed failed"
