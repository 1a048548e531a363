#!/usr/bin/env bash
# Main job: build zest, then benchmark its compressor and decompressor with the
# zest CLI on the CLI's built-in sample (10 MB of generated text): levels 1 to 3,
# about one second of measurement each way per level, every round trip checked.
# Finally decode the sample frames bundled in tests/data/samples (made by the
# reference zstd) and check them against their recorded checksums.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DZEST_BUILD_TESTS=OFF >/dev/null
cmake --build build --target zstd zstd_shared
zstd_bin="$PWD/build/cli/zstd"

echo "zest $("$zstd_bin" -qV) benchmark, built-in sample (level#name : bytes -> compressed (ratio), compression, decompression speed):"
"$zstd_bin" -b1 -e3 -i1

cd tests/data/samples
echo "decompressing the bundled reference frames:"
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
