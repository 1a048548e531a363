#!/usr/bin/env bash
# End-to-end tests of the zstd CLI (decompression side), checked against the
# reference zstd CLI. Compression: compress_test.sh.
#
#   cli_test.sh OUR_ZSTD REF_ZSTD
#
# Generates its own data, compresses it with the reference CLI, then runs our
# CLI on it. Prints one line per failure and ends with "N passed, M failed".
source "$(dirname "${BASH_SOURCE[0]}")/common.sh" "$@"

# ------------------------------------------------------------------ fixtures
D=$T/data
make_fixtures "$D"
(
    cd "$D" || exit 1
    head -c 8000 text.txt >raw.dict
    "$REF" -q -k text.txt bin.bin empty.txt zeros.bin
    "$REF" -q -D trained.dict samples/s7.json -o s7.json.zst
    "$REF" -q -D raw.dict text.txt -o text.rawdict.zst
    seq 1 2000 | "$REF" -q --long=31 -c >long31.zst
    "$REF" -q --no-check text.txt -o nocheck.zst
    cp text.txt.zst text.tzst
    head -c 3000 bin.bin.zst >trunc.zst
    cp bin.bin.zst corrupt.zst
    printf '\377\377\377\377' | dd of=corrupt.zst bs=1 seek=70000 conv=notrunc 2>/dev/null
    cat text.txt.zst bin.bin.zst >multi.zst
    printf '\x50\x2a\x4d\x18\x04\x00\x00\x00abcd' >skip.bin
    cat skip.bin text.txt.zst >skippable.zst
    cp text.txt notzstd.zst
    "$REF" -q --patch-from=old.ref new.bin -o new.patch.zst 2>/dev/null
) || { echo "fixture generation failed"; exit 2; }

# fresh NAME: an empty work directory with copies of the fixtures.
fresh() {
    rm -rf "${T:?}/$1"
    mkdir -p "$T/$1"
    cp "$D"/*.zst "$D"/*.tzst "$D"/*.dict "$D/old.ref" "$D/text.txt" "$T/$1/"
    cd "$T/$1" || exit 2
}

# ------------------------------------------------------------ basic decoding
fresh basic
rm text.txt
ours -d text.txt.zst
check "-d exit 0" rc_is 0
check "-d output content" same text.txt "$D/text.txt"
check "-d keeps the input" test -f text.txt.zst
check "-d reports the size" has "text.txt.zst        : 384894 bytes" "$ERR"

ours -dc bin.bin.zst
check "-dc exit 0" rc_is 0
check "-dc output to stdout" same "$OUT" "$D/bin.bin"
check "-dc creates no file" test ! -e bin.bin
check "-dc prints nothing at default level" test ! -s "$ERR"

ours -d empty.txt.zst
check "empty frame decodes to empty file" test -f empty.txt -a ! -s empty.txt

ours -d zeros.bin.zst
check "sparse-eligible output content" same zeros.bin "$D/zeros.bin"
ours -d --no-sparse -f zeros.bin.zst
check "--no-sparse output content" same zeros.bin "$D/zeros.bin"

ours -d bin.bin.zst -o renamed.out
check "-o exit 0" rc_is 0
check "-o writes the named file" same renamed.out "$D/bin.bin"
check "-o does not create the default name" test ! -e bin.bin

ours -d text.tzst
check ".tzst becomes .tar" same text.tar "$D/text.txt"

ours -t multi.zst skippable.zst text.txt.zst
check "-t exit 0" rc_is 0
check "-t writes nothing" test ! -e multi -a ! -e skippable
check "-t summary line" has "3 files decompressed : 1304682 bytes total" "$ERR"

ours -dc multi.zst
check "concatenated frames" same "$OUT" <(cat "$D/text.txt" "$D/bin.bin")
ours -dc skippable.zst
check "skippable frame ignored" same "$OUT" "$D/text.txt"

# Bundled flags, stdout, force.
ours -dcf text.txt.zst
check "-dcf bundle" same "$OUT" "$D/text.txt"

# Input file whose name starts with '-', after "--".
cp text.txt.zst ./-dash.zst
ours -d -- -dash.zst
check "-- ends options" same ./-dash "$D/text.txt"

# ---------------------------------------------------------- multiple inputs
fresh multi
rm text.txt
ours -d text.txt.zst bin.bin.zst empty.txt.zst
check "multi-file exit 0" rc_is 0
check "multi-file outputs" same text.txt "$D/text.txt"
check "multi-file outputs (2)" same bin.bin "$D/bin.bin"
check "multi-file summary" has "3 files decompressed : 534894 bytes total" "$ERR"
ours -d -f text.txt.zst bin.bin.zst -o joined
check "several inputs into one -o file" same joined <(cat "$D/text.txt" "$D/bin.bin")
ours -d text.txt.zst bin.bin.zst -o joined2 -q
check "-o with several inputs and -q refuses" rc_is 1
check "  ...and writes nothing" test ! -e joined2

# ------------------------------------------------------------ stdin / stdout
fresh pipes
"$OURS" -d <bin.bin.zst >piped.out 2>"$ERR"
RC=$?
check "stdin to stdout pipe" same piped.out "$D/bin.bin"
check "  ...exit 0" rc_is 0
cat text.txt.zst | "$OURS" -dc - >dash.out 2>"$ERR"
check "'-' as input" same dash.out "$D/text.txt"
cat text.txt.zst | "$OURS" -d - -o fromstdin 2>"$ERR"
check "stdin to -o file" same fromstdin "$D/text.txt"
"$OURS" -dc text.txt.zst - <bin.bin.zst >mixed.out 2>"$ERR"
check "file and stdin inputs" same mixed.out <(cat "$D/text.txt" "$D/bin.bin")
"$OURS" -d <trunc.zst >/dev/null 2>"$ERR"
RC=$?
check "truncated stdin fails" rc_is 1
check "  ...names stdin" has '/*stdin*\ : Read error (39) : premature end' "$ERR"

# ------------------------------------------------------------ program names
fresh names
mkdir bin
ln -s "$OURS" bin/unzstd
ln -s "$OURS" bin/zstdcat
rm text.txt
"$T/names/bin/unzstd" text.txt.zst 2>"$ERR" </dev/null
check "unzstd decompresses" same text.txt "$D/text.txt"
"$T/names/bin/zstdcat" bin.bin.zst >cat.out 2>"$ERR" </dev/null
check "zstdcat writes to stdout" same cat.out "$D/bin.bin"
"$T/names/bin/zstdcat" notzstd.zst >cat2.out 2>"$ERR" </dev/null
check "zstdcat passes non-zstd data through" same cat2.out "$D/text.txt"
"$T/names/bin/zstdcat" nonexistent.zst >/dev/null 2>"$ERR" </dev/null
RC=$?
check "zstdcat missing file exit 1" rc_is 1

# --------------------------------------------------------------- overwriting
fresh overwrite
printf 'precious' >text.txt
ours -d text.txt.zst
check "existing output: exit 1" rc_is 1
check "existing output: untouched" same text.txt <(printf 'precious')
check "existing output: message" has "zstd: text.txt already exists; overwrite (y/n) ? Not overwritten" "$ERR"
ours -dq text.txt.zst
check "existing output -q: message" has "zstd: text.txt already exists; not overwritten" "$ERR"
check "existing output -q: untouched" same text.txt <(printf 'precious')
echo n | "$OURS" -d text.txt.zst 2>"$ERR"
check "answer n keeps the file" same text.txt <(printf 'precious')
echo y | "$OURS" -d text.txt.zst 2>"$ERR"
check "answer y overwrites" same text.txt "$D/text.txt"
printf 'precious' >text.txt
cat bin.bin.zst | "$OURS" -d - -o text.txt 2>"$ERR"
check "stdin input never prompts" has "stdin is an input - not proceeding." "$ERR"
check "  ...file untouched" same text.txt <(printf 'precious')
ours -df text.txt.zst
check "-f overwrites" same text.txt "$D/text.txt"
ours -df text.txt.zst -o text.txt.zst
check "output = input refused" rc_is 1
check "  ...input intact" same text.txt.zst "$D/text.txt.zst"

# ------------------------------------------------------------- --rm and -k
fresh rm
rm text.txt
ours -d --rm text.txt.zst
check "--rm exit 0" rc_is 0
check "--rm removes the source" test ! -e text.txt.zst
check "--rm output ok" same text.txt "$D/text.txt"
ours -d --rm -k bin.bin.zst
check "-k after --rm keeps the source" test -f bin.bin.zst
ours -d --rm corrupt.zst
check "--rm failure keeps the source" test -f corrupt.zst
check "--rm failure leaves no output" test ! -e corrupt
ours -d --rm -c empty.txt.zst
check "--rm ignored with -c" test -f empty.txt.zst
ours -t --rm empty.txt.zst
check "--rm ignored with -t" test -f empty.txt.zst

# ---------------------------------------------------------------- failures
fresh failures
for f in trunc corrupt notzstd; do
    ours -d $f.zst
    check "$f: non-zero exit" test "$RC" -ne 0
    check "$f: no output left" test ! -e $f
    check "$f: input kept" test -f $f.zst
done
ours -d corrupt.zst
check "corrupt: decoding error message" has "corrupt.zst : Decoding error (36) : " "$ERR"
ours -d trunc.zst
check "trunc: premature end message" has "trunc.zst : Read error (39) : premature end" "$ERR"
ours -d notzstd.zst
check "non-zstd: unsupported format" has "zstd: notzstd.zst: unsupported format" "$ERR"
ours -d corrupt.zst -o corrupt.out
check "failed -o output removed" test ! -e corrupt.out
ours -d nocheck.zst
check "frame without checksum decodes" same nocheck "$D/text.txt"
ours -d missing.zst
check "missing input message" has "zstd: can't stat missing.zst : No such file or directory -- ignored" "$ERR"
ours -d text.txt
# The suffixes listed depend on the formats compiled in (all of them here,
# as in Debian's build of the reference).
if "$OURS" -vV 2>&1 | grep -q "supports:.*gzip, lz4, lzma, xz"; then
    check "unknown suffix message" has "zstd: text.txt: unknown suffix (.zst/.tzst/.gz/.tgz/.lzma/.xz/.txz/.lz4/.tlz4 expected)" "$ERR"
else
    check "unknown suffix message" has "zstd: text.txt: unknown suffix (.zst/.tzst" "$ERR"
fi
ours -d missing.zst text.txt.zst -f
check "one failure among several: exit 1" rc_is 1
check "  ...others still processed" same text.txt "$D/text.txt"

# ------------------------------------------------------------------ memory
fresh memory
ours -t -M32K text.txt.zst
check "-M too small: exit 1" rc_is 1
check "-M too small: message" has "text.txt.zst : Window size larger than maximum : 384894 > 32768" "$ERR"
check "-M too small: hint" has "text.txt.zst : Use --long=19 or --memory=1MB" "$ERR"
ours -d -M32K text.txt.zst -o toosmall
check "-M too small: no output" test ! -e toosmall
ours -t --memory=1MB text.txt.zst
check "--memory=1MB is enough" rc_is 0
ours -t long31.zst
check "2 GiB window refused by default" rc_is 1
check "  ...with the reference's advice" has "long31.zst : Use --long=31 or --memory=2048MB" "$ERR"
ours -t --long=31 long31.zst
check "--long=31 accepts a 2 GiB window" rc_is 0
ours -t --memory=2048MB long31.zst
check "--memory=2048MB accepts a 2 GiB window" rc_is 0
ours -t -M100 text.txt.zst
check "-M below 1 KiB: error 11" rc_is 11
ours -t --memory=12x text.txt.zst
check "--memory with garbage: exit 1" rc_is 1

# ------------------------------------------------------------ dictionaries
fresh dict
ours -d -D trained.dict s7.json.zst
check "-D trained dictionary" same s7.json "$D/samples/s7.json"
ours -d s7.json.zst -o nodict.out
check "missing dictionary fails" rc_is 1
check "  ...with the library's reason" has "Dictionary mismatch" "$ERR"
ours -dc -D raw.dict text.rawdict.zst
check "-D raw content dictionary" same "$OUT" "$D/text.txt"
ours -d -D nosuch.dict s7.json.zst -o x
check "unreadable dictionary: error 31" rc_is 31
ours -d --patch-from=old.ref new.patch.zst -o patched
check "--patch-from decodes" same patched "$D/new.bin"
ours -d new.patch.zst -o unpatched
check "patch without its reference fails" rc_is 1
check "  ...and leaves no output" test ! -e unpatched
ours -d --patch-from=old.ref -D trained.dict new.patch.zst -o both
check "-D with --patch-from refused" rc_is 1

# ----------------------------------------------------------- check option
fresh check
# A frame whose stored checksum is wrong (last byte flipped).
cp text.txt.zst badsum.zst
size=$(wc -c <badsum.zst)
last=$(tail -c 1 badsum.zst | od -An -tu1 | tr -d ' ')
printf "\\$(printf '%03o' $(((last + 1) % 256)))" | dd of=badsum.zst bs=1 seek=$((size - 1)) conv=notrunc 2>/dev/null
ours -t badsum.zst
check "bad checksum detected" rc_is 1
check "  ...with the library's message" has "badsum.zst : Decoding error (36) : Restored data doesn't match checksum" "$ERR"
ours -t --no-check badsum.zst
check "--no-check skips verification" rc_is 0
ours -t --no-check --check badsum.zst
check "--check after --no-check verifies again" rc_is 1

# ------------------------------------------------------------ display levels
fresh display
rm text.txt
ours -dq text.txt.zst
check "-q silent on success" test ! -s "$ERR"
ours -dvf text.txt.zst
check "-v shows the banner" has "*** Zstandard CLI (64-bit) v1.5.7, by Yann Collet ***" "$ERR"
ours -d --no-progress -f text.txt.zst
check "--no-progress accepted" rc_is 0
ours -d --progress -f text.txt.zst
check "--progress accepted" rc_is 0
check "--progress still reports" has "text.txt.zst        : 384894 bytes" "$ERR"

# ----------------------------------------------------------- help / version
fresh info
ours -V
check "-V banner" same "$OUT" <(echo "*** Zstandard CLI (64-bit) v1.5.7, by Yann Collet ***")
ours -qV
check "-qV short version" same "$OUT" <(echo "1.5.7")
ours --version
check "--version exit 0" rc_is 0
ours -h
check "-h exit 0" rc_is 0
check "-h usage line" has "[OPTIONS...] [INPUT... | -] [-o OUTPUT]" "$OUT"
ours -H
check "-H exit 0" rc_is 0
check "--help mentions --rm" has "--rm" "$OUT"
ours --no-such-option
check "unknown option exit 1" rc_is 1
check "unknown option message" has "Incorrect parameter: --no-such-option" "$ERR"
ours -d -o
check "missing argument" has "error: missing command argument" "$ERR"

# --------------------------------------------------------------------- list
fresh list
ours -l text.txt.zst multi.zst
ref -l text.txt.zst multi.zst
check "-l matches the reference" same "$OUT" "$T/ref.out"
ours -lv skippable.zst
ref -lv skippable.zst
check "-lv matches the reference" same "$OUT" "$T/ref.out"

# ---------------------------------------- exit codes against the reference
compare_rc "plain -d" "rm text.txt" -d text.txt.zst
compare_rc "existing output" ":" -d text.txt.zst
compare_rc "existing output -q" ":" -dq text.txt.zst
compare_rc "existing output -f" ":" -df text.txt.zst
compare_rc "missing input" ":" -d missing.zst
compare_rc "unknown suffix" ":" -d text.txt
compare_rc "corrupted input" ":" -d corrupt.zst
compare_rc "truncated input" ":" -d trunc.zst
compare_rc "not zstd" ":" -d notzstd.zst
compare_rc "memory limit" ":" -d -M64K text.txt.zst -o small
compare_rc "memory limit below 1 KiB" ":" -d -M100 text.txt.zst -o small
compare_rc "bad option" ":" -d --bogus text.txt.zst
compare_rc "missing dictionary file" ":" -d -D nope s7.json.zst
compare_rc "dictionary mismatch" ":" -d s7.json.zst
compare_rc "--rm success" "rm text.txt" -d --rm text.txt.zst
compare_rc "--rm failure" ":" -d --rm corrupt.zst
compare_rc "mixed good and bad" "rm text.txt" -d missing.zst text.txt.zst trunc.zst
compare_rc "test mode" ":" -t text.txt.zst multi.zst
compare_rc "test mode corrupted" ":" -t corrupt.zst
compare_rc "directory input" "mkdir dir.zst" -d dir.zst
compare_rc "symlink input" "ln -s text.txt.zst link.zst" -d link.zst -o fromlink
compare_rc "symlink input -f" "ln -s text.txt.zst link.zst" -df link.zst -o fromlink
compare_rc "pass-through -dcf" ":" -dcf notzstd.zst
compare_rc "empty input" ": >void.zst" -d void.zst
compare_rc "several to one -o, -q" ":" -dq text.txt.zst multi.zst -o joined
compare_rc "several to one -o, -f" ":" -df text.txt.zst multi.zst -o joined

finish
