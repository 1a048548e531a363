#!/usr/bin/env bash
# Main job: build zest and decompress + verify the sample frames bundled in
# tests/data/samples with the zest CLI, printing what it did.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DZEST_BUILD_TESTS=OFF >/dev/null
cmake --build build --target zstd zstd_shared
zstd_bin="$PWD/build/cli/zstd"
cd tests/data/samples
echo "zest $("$zstd_bin" -qV) decompressing the bundled sample frames:"
status=0
while read -r sum file; do
  out=$("$zstd_bin" -dc "$file" | sha256sum | cut -d' ' -f1)
  size=$("$zstd_bin" -dc "$file" | wc -c)
  if [ "$out" = "$sum" ]; then
    printf '  %-18s %6d -> %7d bytes  sha256 ok\n' "$file" "$(stat -c %s "$file")" "$size"
  else
    printf '  %-18s MISMATCH\n' "$file"; status=1
  fi
done < SHA256SUMS.decoded
exit $status
