#!/usr/bin/env bash
# Whole-process CLI timings, file to file, zest's zstd against another program
# run the same way, alternating so that both see the same machine state.
#
#   cli_bench.sh [-n ROUNDS] INPUT OURS_CMD -- OTHER_CMD
#
# Each command is a shell snippet with {in} and {out} placeholders, e.g.
#   cli_bench.sh corpus.cat 'build/cli/zstd -q -f -3 {in} -o {out}' -- 'zstd -q -f -3 {in} -o {out}'
# Prints the best and median wall times of each, their ratio (other/ours:
# above 1 means zest is faster), and the output sizes.
set -euo pipefail
rounds=5
if [ "${1:-}" = -n ]; then rounds=$2; shift 2; fi
input=$1 ours=$2
[ "$3" = -- ] || { echo "usage: $0 [-n ROUNDS] INPUT OURS_CMD -- OTHER_CMD" >&2; exit 2; }
other=$4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

run() {  # run CMD OUT -> seconds
    local cmd=${1//\{in\}/$input}
    cmd=${cmd//\{out\}/$2}
    local t0 t1
    t0=$(date +%s%N)
    bash -c "$cmd" >/dev/null
    t1=$(date +%s%N)
    awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.4f\n", (b - a) / 1e9}'
}
stats() { sort -n | awk '{a[NR]=$1} END {printf "%.3f %.3f\n", a[1], a[int((NR+1)/2)]}'; }

: >"$tmp/ours.t"
: >"$tmp/other.t"
for _ in $(seq "$rounds"); do
    run "$ours" "$tmp/ours.out" >>"$tmp/ours.t"
    run "$other" "$tmp/other.out" >>"$tmp/other.t"
done
read -r ob om < <(stats <"$tmp/ours.t")
read -r xb xm < <(stats <"$tmp/other.t")
printf 'zest  best %ss median %ss  output %s B\n' "$ob" "$om" "$(stat -c %s "$tmp/ours.out")"
printf 'other best %ss median %ss  output %s B\n' "$xb" "$xm" "$(stat -c %s "$tmp/other.out")"
awk -v ob="$ob" -v om="$om" -v xb="$xb" -v xm="$xm" \
    'BEGIN {printf "speed ratio (other/zest): best %.3f median %.3f\n", xb / ob, xm / om}'
