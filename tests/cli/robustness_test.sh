#!/usr/bin/env bash
# Robustness of the zstd CLI when things go wrong: read and write errors in
# the middle of a file, a full disk, unusable inputs and outputs, signals,
# and -f aimed at an input. Whatever happens, the run must fail with a clear
# message, leave no partial output behind, and never lose or change a source
# file, even with --rm.
#
#   robustness_test.sh OUR_ZSTD REF_ZSTD
#
# The tests run as root, where permission bits stop nothing, so I/O errors
# are injected by fault_io.c (built here, loaded with LD_PRELOAD). The
# reference CLI runs the same cases; where it behaves differently a NOTE line
# says so (it is not a failure). Exits 77 (skipped) without a C compiler.
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$HERE/common.sh" "$@"
# A sanitized CLI is linked to the ASan runtime, which insists on coming first
# in the library list; the fault library is preloaded before it on purpose.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"

CC=$(command -v cc || command -v gcc) || { echo "SKIP: no C compiler for fault_io.c"; exit 77; }
LIB=$T/fault_io.so
"$CC" -shared -fPIC -O1 -o "$LIB" "$HERE/fault_io.c" -ldl || { echo "cannot build fault_io.so"; exit 2; }

MNT=$T/mnt
trap 'umount "$MNT" 2>/dev/null; rm -rf "$T"' EXIT

# ------------------------------------------------------------------ fixtures
D=$T/data
mkdir -p "$D"
head -c 600000 /dev/urandom | od -An -tx1 -v >"$D/hex.txt" # 1.8 MB, halves when compressed
seq 1 20000 >"$D/a.txt"
seq 7 30000 | sed 's/$/ c/' >"$D/c.txt"
cp "$D/hex.txt" "$D/b.txt"
# Decompression sources, named so that their outputs do not exist yet.
"$REF" -q "$D/hex.txt" -o "$D/dhex.zst"
"$REF" -q "$D/a.txt" -o "$D/da.zst"
cp "$D/dhex.zst" "$D/db.zst"
"$REF" -q "$D/c.txt" -o "$D/dc.zst"
# A frame damaged half-way: decoding fails after output was written.
cp "$D/dhex.zst" "$D/bad.zst"
printf 'XXXXXXXXXXXXXXXX' | dd of="$D/bad.zst" bs=1 seek=500000 conv=notrunc status=none
[ -s "$D/dc.zst" ] || { echo "fixture generation failed"; exit 2; }

fresh() {
    rm -rf "${T:?}/$1"
    mkdir -p "$T/$1"
    cp "$D"/* "$T/$1/"
    cd "$T/$1" || exit 2
}

# unchanged FILE: FILE is still there with its original content.
unchanged() { [ -f "$1" ] && same "$1" "$D/$(basename "$1")"; }
# decodes_to ZST ORIGINAL: the reference decodes ZST to ORIGINAL's content.
decodes_to() { "$REF" -dc -- "$1" 2>/dev/null | cmp -s - "$2"; }

# run PROGRAM STDOUT STDERR SETTINGS... -- ARGS...: PROGRAM ARGS under
# fault_io.so with the FAULT_* SETTINGS; prints the exit code.
run() {
    local program=$1 stdout=$2 stderr=$3 settings=()
    shift 3
    while [ "$1" != -- ]; do
        settings+=("$1")
        shift
    done
    shift
    env LD_PRELOAD="$LIB" "${settings[@]}" "$program" "$@" >"$stdout" 2>"$stderr" </dev/null
    echo $?
}
faulty() { RC=$(run "$OURS" "$OUT" "$ERR" "$@"); }

# fails_safely DESC SRC OUTPUT SETTINGS... -- ARGS...: the reference, then
# our CLI, each in a fresh copy of the fixtures, run ARGS under the faults.
# Ours must exit non-zero, leave no OUTPUT ("" when none is named) and SRC
# unchanged; the reference's differences are noted. Ends in our directory
# with our stderr in $ERR.
fails_safely() {
    local desc=$1 src=$2 output=$3
    shift 3
    fresh ref_side
    REF_RC=$(run "$REF" "$T/ref.out" "$T/ref.err" "$@")
    fresh "case$((++CASE))"
    faulty "$@"
    check "$desc: exit code not 0" test "$RC" -ne 0
    [ -n "$output" ] && check "$desc: no $output left behind" test ! -e "$output"
    check "$desc: $src unchanged" unchanged "$src"
    local diffs=""
    [ "$REF_RC" -ne "$RC" ] && diffs+=", exit $REF_RC (ours $RC)"
    [ -n "$output" ] && [ -e "$T/ref_side/$output" ] && diffs+=", leaves $output"
    (cd "$T/ref_side" && unchanged "$src") || diffs+=", loses $src"
    [ -n "$diffs" ] && echo "NOTE: $desc: reference${diffs}"
    return 0
}
CASE=0

# Sanity: the library does inject faults.
fresh sanity
check "fault_io.so makes a read fail" \
    bash -c "! LD_PRELOAD='$LIB' FAULT_PATH=a.txt FAULT_READ_FAIL_AFTER=100 cat a.txt >/dev/null 2>&1"
check "fault_io.so leaves other files alone" \
    bash -c "LD_PRELOAD='$LIB' FAULT_PATH=c.txt FAULT_READ_FAIL_AFTER=100 cat a.txt | cmp -s - a.txt"

# ------------------------------------------- 1. read error in the middle
# Ours reports "NAME: Read error : <cause>" and exits 1 (a per-file
# failure); the reference exits 37 with "Read error" alone and, writing to
# a file, leaves the partial output behind.
RD=(FAULT_READ_FAIL_AFTER=700000)
fails_safely "read error, compression --rm" hex.txt hex.txt.zst FAULT_PATH=hex.txt "${RD[@]}" -- --rm hex.txt
check "  ...message names the file and the cause" has "zstd: hex.txt: Read error : Input/output error" "$ERR"
fails_safely "read error, compression --rm -o" hex.txt out.zst FAULT_PATH=hex.txt "${RD[@]}" -- --rm hex.txt -o out.zst
check "  ...message" has "zstd: hex.txt: Read error : Input/output error" "$ERR"
fails_safely "read error, compression -c" hex.txt hex.txt.zst FAULT_PATH=hex.txt "${RD[@]}" -- --rm -c hex.txt
check "  ...message" has "zstd: hex.txt: Read error : Input/output error" "$ERR"
RD=(FAULT_READ_FAIL_AFTER=400000)
fails_safely "read error, decompression --rm" dhex.zst dhex FAULT_PATH=dhex.zst "${RD[@]}" -- -d --rm dhex.zst
check "  ...message names the file and the cause" has "zstd: dhex.zst: Read error : Input/output error" "$ERR"
fails_safely "read error, decompression --rm -o" dhex.zst out FAULT_PATH=dhex.zst "${RD[@]}" -- -d --rm dhex.zst -o out
check "  ...message" has "zstd: dhex.zst: Read error : Input/output error" "$ERR"
fails_safely "read error, decompression -c" dhex.zst dhex FAULT_PATH=dhex.zst "${RD[@]}" -- -d --rm -c dhex.zst
check "  ...message" has "zstd: dhex.zst: Read error : Input/output error" "$ERR"
fails_safely "read error (EIO at once), compression" a.txt a.txt.zst \
    FAULT_PATH=a.txt FAULT_READ_FAIL_AFTER=0 -- --rm a.txt
check "  ...message" has "zstd: a.txt: Read error : Input/output error" "$ERR"

# ------------------------------------------ 2. write error in the middle
# The reference's codes and message (70, or 93 when decompressing to a
# sparse-capable file; "Write error : cannot write block : <cause>"), which
# name the cause but not the file; the reference leaves the partial output.
for e in ENOSPC:"No space left on device" EIO:"Input/output error"; do
    errno=${e%%:*} cause=${e#*:}
    WR=(FAULT_WRITE_FAIL_AFTER=300000 FAULT_WRITE_ERRNO="$errno")
    fails_safely "$errno, compression --rm" hex.txt hex.txt.zst FAULT_PATH=hex.txt.zst "${WR[@]}" -- --rm hex.txt
    check "  ...error 70" rc_is 70
    check "  ...message names the cause" has "zstd: error 70 : Write error : cannot write block : $cause" "$ERR"
    fails_safely "$errno, compression --rm -o" hex.txt out.zst FAULT_PATH=out.zst "${WR[@]}" -- --rm hex.txt -o out.zst
    check "  ...error 70" rc_is 70
    fails_safely "$errno, compression -c" hex.txt "" FAULT_FD=1 "${WR[@]}" -- --rm -c hex.txt
    check "  ...error 70" rc_is 70
    WR=(FAULT_WRITE_FAIL_AFTER=800000 FAULT_WRITE_ERRNO="$errno")
    fails_safely "$errno, decompression --rm" dhex.zst dhex FAULT_PATH=dhex "${WR[@]}" -- -d --rm dhex.zst
    check "  ...error 93" rc_is 93
    check "  ...message names the cause" has "zstd: error 93 : Write error : cannot write block : $cause" "$ERR"
    fails_safely "$errno, decompression --rm -o, --no-sparse" dhex.zst out \
        FAULT_PATH=out "${WR[@]}" -- -d --rm --no-sparse dhex.zst -o out
    check "  ...error 70" rc_is 70
    fails_safely "$errno, decompression -c" dhex.zst "" FAULT_FD=1 "${WR[@]}" -- -d --rm -c dhex.zst
    check "  ...error 70" rc_is 70
done
fails_safely "ENOSPC on the first byte, compression" a.txt a.txt.zst \
    FAULT_PATH=a.txt.zst FAULT_WRITE_FAIL_AFTER=0 -- --rm a.txt
check "  ...error 70" rc_is 70

# -------------------------------------------------------- 3. /dev/full
fails_safely "-o /dev/full, compression" hex.txt "" -- --rm hex.txt -o /dev/full
check "  ...error 70, cause named" has "zstd: error 70 : Write error : cannot write block : No space left on device" "$ERR"
check "  .../dev/full left alone" test -c /dev/full
fails_safely "-o /dev/full, decompression" dhex.zst "" -- -d --rm dhex.zst -o /dev/full
check "  ...error 93, cause named" has "zstd: error 93 : Write error : cannot write block : No space left on device" "$ERR"
check "  .../dev/full left alone" test -c /dev/full
for dir in "" -d; do
    src=hex.txt
    [ -n "$dir" ] && src=dhex.zst
    fresh "devfull$dir"
    "$OURS" $dir --rm -c "$src" >/dev/full 2>"$ERR" </dev/null
    RC=$?
    check "$dir -c >/dev/full: error 70" rc_is 70
    check "  ...cause named" has "Write error : cannot write block : No space left on device" "$ERR"
    check "  ...source unchanged" unchanged "$src"
done

# --------------------------------------------- 4. a really full file system
if mkdir -p "$MNT" && mount -t tmpfs -o size=256k tmpfs "$MNT" 2>/dev/null; then
    fresh tmpfs
    head -c 400000 /dev/urandom >rnd.bin # does not compress, does not fit
    "$REF" -q -1 rnd.bin -o rnd.zst
    cp rnd.bin rnd.orig
    ours --rm rnd.bin -o "$MNT/rnd.zst"
    check "full tmpfs, compression: error 70" rc_is 70
    check "  ...cause named" has "Write error : cannot write block : No space left on device" "$ERR"
    check "  ...partial output removed" test ! -e "$MNT/rnd.zst"
    check "  ...source kept" same rnd.bin rnd.orig
    ours -d --rm rnd.zst -o "$MNT/rnd.bin"
    check "full tmpfs, decompression: error 93" rc_is 93
    check "  ...partial output removed" test ! -e "$MNT/rnd.bin"
    check "  ...source kept" test -s rnd.zst
    # Source and output on the same full file system.
    head -c 150000 rnd.bin >"$MNT/in.bin"
    cp "$MNT/in.bin" in.orig
    (cd "$MNT" && "$OURS" --rm in.bin >/dev/null 2>"$ERR" </dev/null)
    RC=$?
    check "source on the full tmpfs: error 70" rc_is 70
    check "  ...partial output removed" test ! -e "$MNT/in.bin.zst"
    check "  ...source kept" same "$MNT/in.bin" in.orig
    rm "$MNT/in.bin"
    "$REF" -q -1 in.orig -o "$MNT/in.zst"
    (cd "$MNT" && "$OURS" -d --rm in.zst -o in.out >/dev/null 2>"$ERR" </dev/null)
    RC=$?
    check "compressed source on the full tmpfs: error 93" rc_is 93
    check "  ...partial output removed" test ! -e "$MNT/in.out"
    check "  ...source kept" bash -c "'$REF' -dc '$MNT/in.zst' 2>/dev/null | cmp -s - in.orig"
    check "  ...nothing else left on the tmpfs" test "$(ls "$MNT")" = in.zst
    umount "$MNT"
    # A read-only file system: the output cannot be created at all.
    if mount -t tmpfs -o ro,size=64k tmpfs "$MNT" 2>/dev/null; then
        fresh rofs
        ours --rm a.txt -o "$MNT/a.zst"
        check "read-only file system: exit 1" rc_is 1
        check "  ...message names the file and the cause" has "zstd: $MNT/a.zst: Read-only file system" "$ERR"
        check "  ...source kept" unchanged a.txt
        umount "$MNT"
    fi
else
    echo "SKIP: cannot mount a tmpfs (not permitted here): full file system cases"
fi

# ------------------------------------- 5. unusable inputs and outputs
fresh inputs
mkdir adir.zst
ln -s nowhere dangling
: >empty
: >void.zst
before=$(snapshot)
for dir in "" -d; do
    ours $dir adir.zst
    check "$dir directory input: exit 1" rc_is 1
    check "  ...message" has "zstd: adir.zst is a directory -- ignored" "$ERR"
    ours $dir missing.zst
    check "$dir missing input: exit 1" rc_is 1
    check "  ...message" has "zstd: can't stat missing.zst : No such file or directory -- ignored" "$ERR"
    ours $dir dangling
    check "$dir dangling symlink: exit 1" rc_is 1
    check "  ...message (the reference's)" has "Warning : dangling is a symbolic link, ignoring" "$ERR"
    ours $dir -c /dev/null
    check "$dir /dev/null input: exit 1" rc_is 1
    check "  ...message" has "zstd: /dev/null is not a regular file -- ignored" "$ERR"
    check "  .../dev/null left alone" test -c /dev/null
done
check "  ...no output made for any of them" test "$before" = "$(snapshot)"
ours --rm empty
check "empty input: exit 0" rc_is 0
check "  ...gives an empty frame" decodes_to empty.zst /dev/null
check "  ...--rm removes it" test ! -e empty
ours -d --rm void.zst
check "empty .zst: exit 1" rc_is 1
check "  ...message" has "zstd: void.zst: unexpected end of file" "$ERR"
check "  ...no output left" test ! -e void
check "  ...source kept" test -f void.zst
# A FIFO: waits for a writer (as any reader of a FIFO must, the reference
# too); a writer that sends nothing gives an empty frame / a clear error.
mkfifo fifo
timeout 5 sh -c ': >fifo' &
ours_rc=$(timeout 10 "$OURS" --rm fifo 2>"$ERR" </dev/null; echo $?)
RC=$ours_rc
check "FIFO with nothing written: exit 0, no hang" rc_is 0
check "  ...empty frame" decodes_to fifo.zst /dev/null
check "  ...the FIFO is not removed" test -p fifo
check "  ...and the reference's notice" has "zstd: Refusing to remove non-regular file fifo" "$ERR"
wait
timeout 5 sh -c ': >fifo' &
RC=$(timeout 10 "$OURS" -d -c fifo 2>"$ERR" </dev/null; echo $?)
check "FIFO with nothing written, decompression: exit 1, no hang" rc_is 1
check "  ...message" has "zstd: fifo: unexpected end of file" "$ERR"
wait
rm -f fifo.zst
RC=$(timeout 1 "$OURS" fifo 2>/dev/null </dev/null; echo $?)
check "FIFO nobody opens: waits for a writer until killed (like the reference)" rc_is 124
check "  ...and leaves no output" test ! -e fifo.zst

fresh outputs
mkdir odir
ours --rm a.txt -o nodir/out.zst
check "output directory missing: exit 1" rc_is 1
check "  ...message names the file and the cause" has "zstd: nodir/out.zst: No such file or directory" "$ERR"
check "  ...nothing created" test ! -e nodir
check "  ...--rm keeps the source" unchanged a.txt
ours -d --rm da.zst -o nodir/out
check "output directory missing, decompression: exit 1" rc_is 1
check "  ...--rm keeps the source" unchanged da.zst
ours -f --rm a.txt -o odir
check "output is a directory: exit 1" rc_is 1
check "  ...message" has "zstd: odir: Is a directory" "$ERR"
check "  ...directory untouched" test -d odir -a -z "$(ls odir)"
check "  ...--rm keeps the source" unchanged a.txt
ours -f --rm a.txt -o /proc/robustness.zst
check "output under /proc: exit 1" rc_is 1
check "  ...message names the file and the cause" has "zstd: /proc/robustness.zst: No such file or directory" "$ERR"
check "  ...--rm keeps the source" unchanged a.txt
ours -f --rm a.txt -o /proc/version
check "existing unwritable output (/proc/version) with -f: exit 1" rc_is 1
check "  ...message names the file and the cause" has "zstd: /proc/version: Operation not permitted" "$ERR"
check "  ...--rm keeps the source" unchanged a.txt
ours -d -f --rm da.zst -o /proc/version
check "  ...decompression too: exit 1" rc_is 1
check "  ...--rm keeps the source" unchanged da.zst
# The reference 1.5.4 crashes (SIGSEGV) when the output cannot be created.
fresh ref_side
REF_RC=$({ "$REF" a.txt -o nodir/out.zst >/dev/null 2>&1 </dev/null; echo $?; } 2>/dev/null)
[ "$REF_RC" -ne 1 ] && echo "NOTE: output directory missing: reference exit $REF_RC (ours 1)"
SNAPSHOT_NAMES_ONLY='*.zst'
compare_rc "directory input, like the reference" "mkdir adir" adir
compare_rc "dangling symlink, like the reference" "ln -s nowhere link" link
compare_rc "/dev/null input, like the reference" ":" /dev/null
compare_rc "empty .zst, like the reference" ": >e.zst" -d --rm e.zst
# shellcheck disable=SC2034  # read by snapshot() in common.sh
SNAPSHOT_NAMES_ONLY=

# ----------------------------------------------------------- 6. signals
# The reference removes the output on SIGINT only and exits 2; it dies on
# SIGTERM and SIGHUP leaving a partial output. Ours removes it on all three
# (exit 2), but leaves an ignored SIGHUP ignored (nohup).
S=$T/signals
mkdir -p "$S"
head -c 12000000 /dev/urandom | od -An -tx2 -w32 -v >"$S/big.txt" # 30 MB
"$OURS" -q -1 "$S/big.txt" -o "$S/big.zst"
SLOW=(FAULT_PATH=big.zst FAULT_READ_DELAY_US=20000) # decompression is too fast to catch otherwise

sigfresh() {
    fresh "$1"
    cp "$S/big.txt" "$S/big.zst" .
}
# interrupt SIGNAL WATCH PROGRAM SETTINGS... -- ARGS...: starts PROGRAM ARGS
# in the background (stdout to $OUT), waits until the file WATCH has
# started growing, sends SIGNAL and waits; sets RC and ALIVE (1 when the
# program was still running when signalled).
interrupt() {
    local sig=$1 watch=$2 program=$3 settings=() pid i
    shift 3
    while [ "$1" != -- ]; do
        settings+=("$1")
        shift
    done
    shift
    env LD_PRELOAD="$LIB" "${settings[@]}" "$program" "$@" >"$OUT" 2>"$ERR" </dev/null &
    pid=$!
    for ((i = 0; i < 400; i++)); do
        [ -s "$watch" ] && break
        sleep 0.025
    done
    ALIVE=0
    kill -0 "$pid" 2>/dev/null && ALIVE=1
    kill -"$sig" "$pid" 2>/dev/null
    wait "$pid"
    RC=$?
}
big_unchanged() { [ -f "$1" ] && same "$1" "$S/$1"; }
# interrupted DESC OUTPUT SRC: checks after an interrupted run.
interrupted() {
    check "$1: still running when signalled" test "$ALIVE" -eq 1
    check "$1: exit code not 0" test "$RC" -ne 0
    check "$1: partial $2 removed" test ! -e "$2"
    check "$1: source $3 unchanged" big_unchanged "$3"
}

for sig in INT TERM HUP; do
    sigfresh "sig$sig"
    interrupt $sig big.txt.zst "$OURS" -- -19 --rm big.txt
    interrupted "SIG$sig, compression --rm" big.txt.zst big.txt
    check "  ...exit 2" rc_is 2
    interrupt $sig big "$OURS" "${SLOW[@]}" -- -d --rm big.zst
    interrupted "SIG$sig, decompression --rm" big big.zst
done
sigfresh sig_o
interrupt INT out.zst "$OURS" -- -19 --rm big.txt -o out.zst
interrupted "SIGINT, compression -o" out.zst big.txt
interrupt INT out "$OURS" "${SLOW[@]}" -- -d --rm big.zst -o out
interrupted "SIGINT, decompression -o" out big.zst
# Several inputs: the finished ones stay done.
sigfresh sig_multi
interrupt INT big.txt.zst "$OURS" -- -19 --rm a.txt c.txt big.txt
interrupted "SIGINT, third of three inputs" big.txt.zst big.txt
check "  ...first output kept" decodes_to a.txt.zst "$D/a.txt"
check "  ...second output kept" decodes_to c.txt.zst "$D/c.txt"
check "  ...finished sources removed (--rm)" test ! -e a.txt -a ! -e c.txt
interrupt INT big "$OURS" "${SLOW[@]}" -- -d --rm da.zst dc.zst big.zst
interrupted "SIGINT, decompression, third of three inputs" big big.zst
check "  ...first output kept" same da "$D/a.txt"
check "  ...second output kept" same dc "$D/c.txt"
check "  ...finished sources removed (--rm)" test ! -e da.zst -a ! -e dc.zst
sigfresh sig_joined
interrupt INT all.zst "$OURS" -- -19 -f a.txt big.txt c.txt -o all.zst
interrupted "SIGINT, several inputs into -o" all.zst big.txt
check "  ...other sources kept" test -f a.txt -a -f c.txt
# Writing to stdout: the redirection target is the user's; nothing else
# may change.
sigfresh sig_stdout
before=$(snapshot)
interrupt INT "$OUT" "$OURS" -- -19 --rm -c big.txt
check "SIGINT, -c: still running when signalled" test "$ALIVE" -eq 1
check "SIGINT, -c: exit code not 0" test "$RC" -ne 0
check "  ...nothing else changed" test "$before" = "$(snapshot)"
# nohup: an ignored SIGHUP stays ignored.
sigfresh sig_nohup
(
    trap '' HUP
    "$OURS" -q -19 big.txt -o kept.zst </dev/null 2>/dev/null &
    pid=$!
    for ((i = 0; i < 400; i++)); do
        [ -s kept.zst ] && break
        sleep 0.025
    done
    kill -HUP $pid
    sleep 0.3
    kill -0 $pid && echo alive >status
    kill -INT $pid
    wait $pid
)
check "ignored SIGHUP (nohup) does not stop the run" test -f status
check "  ...SIGINT still cleans up" test ! -e kept.zst
# The reference on SIGINT: the same exit code and clean-up.
sigfresh sig_ref
interrupt INT big.txt.zst "$REF" -- -19 --rm big.txt
check "reference, SIGINT: exit 2 too" test "$RC" -eq 2 -a "$ALIVE" -eq 1
check "  ...output removed too" test ! -e big.txt.zst

# ---------------------------- 7. several inputs, one failing in the middle
# Ours: a read error or a damaged frame is a per-file failure (the others
# are done, exit 1); a write error ends the run like the reference (70).
# The reference stops the run at a read error (37).
fails_safely "read error in the second of three inputs" b.txt b.txt.zst \
    FAULT_PATH=b.txt FAULT_READ_FAIL_AFTER=700000 -- --rm a.txt b.txt c.txt
check "  ...exit 1" rc_is 1
check "  ...message names the file" has "zstd: b.txt: Read error : Input/output error" "$ERR"
check "  ...the first is done" decodes_to a.txt.zst "$D/a.txt"
check "  ...the third is done" decodes_to c.txt.zst "$D/c.txt"
check "  ...their sources removed (--rm)" test ! -e a.txt -a ! -e c.txt
fails_safely "read error, decompression, second of three" db.zst db \
    FAULT_PATH=db.zst FAULT_READ_FAIL_AFTER=400000 -- -d --rm da.zst db.zst dc.zst
check "  ...exit 1" rc_is 1
check "  ...message names the file" has "zstd: db.zst: Read error : Input/output error" "$ERR"
check "  ...the others are done" test -f da -a -f dc
check "  ...their sources removed (--rm)" test ! -e da.zst -a ! -e dc.zst
fails_safely "damaged frame, second of three" bad.zst bad -- -d --rm da.zst bad.zst dc.zst
check "  ...exit 1" rc_is 1
check "  ...message names the file" matches "^bad.zst : Decoding error \(36\) : " "$ERR"
check "  ...the others are done" same da "$D/a.txt"
check "  ...and the third" same dc "$D/c.txt"
fails_safely "read error, several inputs into -o" b.txt "" \
    FAULT_PATH=b.txt FAULT_READ_FAIL_AFTER=700000 -- -f a.txt b.txt c.txt -o all.zst
check "  ...exit 1" rc_is 1
check "  ...the output holds the others" decodes_to all.zst <(cat "$D/a.txt" "$D/c.txt")
fails_safely "write error on the second of three outputs" b.txt b.txt.zst \
    FAULT_PATH=b.txt.zst FAULT_WRITE_FAIL_AFTER=300000 -- --rm a.txt b.txt c.txt
check "  ...error 70" rc_is 70
check "  ...the first is done" decodes_to a.txt.zst "$D/a.txt"
check "  ...the third source kept" unchanged c.txt
check "  ...no third output" test ! -e c.txt.zst
fails_safely "write error, decompression, second of three" db.zst db \
    FAULT_PATH=db FAULT_WRITE_FAIL_AFTER=800000 -- -d --rm da.zst db.zst dc.zst
check "  ...error 93" rc_is 93
check "  ...the first is done" same da "$D/a.txt"
check "  ...the third source kept" unchanged dc.zst

# --------------------------------------- 8. -f never overwrites an input
fresh inplace
ours -f --rm a.txt -o a.txt
check "-f x -o x: exit 1" rc_is 1
check "  ...message" has "zstd: Refusing to open an output file which will overwrite the input file" "$ERR"
check "  ...input unchanged" unchanged a.txt
ours -d -f --rm da.zst -o da.zst
check "-d -f x.zst -o x.zst: exit 1" rc_is 1
check "  ...input unchanged" unchanged da.zst
ln a.txt hard.zst
ours -f --rm a.txt -o hard.zst
check "-o a hard link to the input: exit 1" rc_is 1
check "  ...input unchanged" unchanged a.txt
ln -s c.txt soft.zst
ours -f --rm c.txt -o soft.zst
check "-o a symbolic link to the input: exit 1" rc_is 1
check "  ...input unchanged" unchanged c.txt
# A later input named as the shared output: it was truncated when the
# output was opened for the first input (fixed; the reference still does it).
ours -f a.txt b.txt -o b.txt
check "-f a b -o b: exit 1" rc_is 1
check "  ...message" has "zstd: Refusing to open an output file which will overwrite the input file" "$ERR"
check "  ...b unchanged" unchanged b.txt
ours -d -f da.zst db.zst -o db.zst
check "-d -f a.zst b.zst -o b.zst: exit 1" rc_is 1
check "  ...b.zst unchanged" unchanged db.zst
# One input's output is another input (fixed; the reference overwrites it).
cp a.txt x
cp dc.zst x.zst
ours -f x x.zst
check "-f x x.zst: exit 1" rc_is 1
check "  ...x.zst (an input) unchanged" same x.zst "$D/dc.zst"
check "  ...x.zst itself still compressed" decodes_to x.zst.zst "$D/dc.zst"
cp a.txt dc
ours -d -f dc.zst dc
check "-d -f x.zst x: exit 1" rc_is 1
check "  ...x (an input) unchanged" same dc "$D/a.txt"
check "  ...-f still overwrites outputs that are no input" bash -c "'$OURS' -q -f a.txt && '$OURS' -q -f a.txt"

finish
