# shellcheck shell=bash
# Shared by the CLI test scripts: argument checks, a scratch directory,
# pass/fail bookkeeping, and helpers that run our CLI and the reference.
#
#   source common.sh OUR_ZSTD REF_ZSTD
#
# Each script defines `fresh NAME` (a new work directory with its fixtures)
# before calling compare_rc, and ends with `finish`.
set -u

if [ $# -ne 2 ]; then
    echo "usage: $0 OUR_ZSTD REF_ZSTD" >&2
    exit 2
fi
OURS=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
REF=$2
[ -x "$OURS" ] || { echo "not executable: $OURS" >&2; exit 2; }
[ -x "$REF" ] || { echo "not executable: $REF" >&2; exit 2; }

T=$(mktemp -d "${TMPDIR:-/tmp}/zest_cli_test.XXXXXX")
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 2

PASS=0
FAIL=0
pass() { PASS=$((PASS + 1)); }
fail() { FAIL=$((FAIL + 1)); echo "FAIL: $*"; }
# check DESCRIPTION COMMAND...: the command must succeed.
check() {
    local desc=$1
    shift
    if "$@"; then pass; else fail "$desc"; fi
}

# ours ARGS...: runs our CLI in the current directory; sets RC, fills OUT/ERR.
OUT=$T/ours.out
ERR=$T/ours.err
ours() { "$OURS" "$@" >"$OUT" 2>"$ERR" </dev/null; RC=$?; }
# shellcheck disable=SC2034  # REF_RC is for the scripts that source this file
ref() { "$REF" "$@" >"$T/ref.out" 2>"$T/ref.err" </dev/null; REF_RC=$?; }
has() { grep -qF -- "$1" "$2"; }
# matches EXTENDED_REGEX FILE: some line of FILE matches.
matches() { grep -qE -- "$1" "$2"; }
rc_is() { [ "$RC" -eq "$1" ]; }
same() { cmp -s "$1" "$2"; }

# The files below the current directory with a checksum of their content;
# files matching the glob SNAPSHOT_NAMES_ONLY are listed by name only (their
# bytes may legitimately differ between the two programs).
SNAPSHOT_NAMES_ONLY=${SNAPSHOT_NAMES_ONLY:-}
snapshot() {
    find . -type f | sort | while read -r f; do
        # shellcheck disable=SC2053
        if [ -n "$SNAPSHOT_NAMES_ONLY" ] && [[ $f == $SNAPSHOT_NAMES_ONLY ]]; then
            echo "$f"
        else
            echo "$f $(cksum <"$f")"
        fi
    done
}

# side PROGRAM SETUP ARGS...: in a fresh work directory, run SETUP then
# PROGRAM ARGS...; prints the exit code and the directory snapshot.
side() {
    local program=$1 setup=$2
    shift 2
    eval "$setup"
    "$program" "$@" >/dev/null 2>&1 </dev/null
    echo "exit $?"
    snapshot
}

# compare_rc DESCRIPTION SETUP ARGS...: run both CLIs in fresh work
# directories, compare the exit code and the resulting directory content.
compare_rc() {
    local desc=$1 setup=$2
    shift 2
    local ref_state our_state
    fresh ref_side
    ref_state=$(side "$REF" "$setup" "$@")
    fresh our_side
    our_state=$(side "$OURS" "$setup" "$@")
    if [ "${ref_state%%$'\n'*}" != "${our_state%%$'\n'*}" ]; then
        fail "$desc: ${our_state%%$'\n'*}, reference ${ref_state%%$'\n'*}"
    elif [ "$ref_state" != "$our_state" ]; then
        fail "$desc: files differ from the reference's"
    else
        pass
    fi
}

# make_fixtures DIR: the data both scripts start from (text, random bytes,
# an empty file, zero runs, small JSON samples and a dictionary trained on
# them, a reference file and a slightly changed copy for --patch-from).
make_fixtures() {
    local dir=$1
    mkdir -p "$dir/samples"
    seq 1 12000 | sed 's/$/ lorem ipsum dolor sit amet/' >"$dir/text.txt"
    head -c 150000 /dev/urandom >"$dir/bin.bin"
    : >"$dir/empty.txt"
    { head -c 300000 /dev/zero; head -c 1000 "$dir/text.txt"; head -c 300000 /dev/zero; } >"$dir/zeros.bin"
    for i in $(seq 1 120); do
        printf '{"id":%d,"user":"user%d","mail":"user%d@example.com","score":%d,"tags":["red","green","blue"]}\n' \
            "$i" "$i" "$i" $((i * 37 % 101)) >"$dir/samples/s$i.json"
    done
    head -c 200000 "$dir/bin.bin" >"$dir/old.ref"
    { head -c 90000 "$dir/old.ref"; echo "a small change"; tail -c 100000 "$dir/old.ref"; } >"$dir/new.bin"
    (cd "$dir" && "$REF" -q --train samples/* -o trained.dict --maxdict=4096 2>/dev/null)
    [ -s "$dir/trained.dict" ] || { echo "dictionary training failed"; exit 2; }
}

finish() {
    cd "$T" || exit 2
    echo "$PASS passed, $FAIL failed"
    [ "$FAIL" -eq 0 ]
}
