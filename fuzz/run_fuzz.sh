#!/usr/bin/env bash
# Bounded fuzzing run: seeds from the golden and sample frames plus frames the
# reference CLI makes from generated data. Usage: run_fuzz.sh FUZZER SECONDS
set -euo pipefail
fuzzer=$1
seconds=${2:-60}
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
cp "$root"/tests/data/samples/*.zst "$corpus"/ 2>/dev/null || true
cp "$root"/tests/data/golden/* "$corpus"/ 2>/dev/null || true
# Fresh frames of several kinds, prefixed by a knob byte.
head -c 20000 /dev/urandom > "$corpus/rand.raw"
seq 1 5000 > "$corpus/seq.raw"
for lvl in 1 3 9 19; do
  for f in "$corpus"/seq.raw "$corpus"/rand.raw; do
    { printf '\x05'; zstd -q -c -$lvl --check "$f"; } > "$f.$lvl.zst"
  done
done
rm -f "$corpus"/*.raw
"$fuzzer" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 "$corpus" 2>&1 | tail -n 15
