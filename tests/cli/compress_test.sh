#!/usr/bin/env bash
# End-to-end tests of the zstd CLI, compression side and benchmark mode.
#
#   compress_test.sh OUR_ZSTD REF_ZSTD
#
# Our CLI compresses, the reference CLI decompresses (and the other way
# round); behaviour (exit codes, files left behind, messages) is compared
# with the reference. Compressed bytes are never compared: the two libraries
# may legitimately produce different frames. Prints one line per failure and
# ends with "N passed, M failed".
source "$(dirname "${BASH_SOURCE[0]}")/common.sh" "$@"

# ------------------------------------------------------------------ fixtures
D=$T/data
make_fixtures "$D"
head -c 2000 "$D/text.txt" >"$D/small.txt"
cp "$D/samples/s7.json" "$D/s7.json"
"$REF" -q -19 "$D/text.txt" -o "$D/ref19.zst" || { echo "fixture generation failed"; exit 2; }

# fresh NAME: an empty work directory with copies of the fixtures.
fresh() {
    rm -rf "${T:?}/$1"
    mkdir -p "$T/$1"
    cp -r "$D"/*.txt "$D"/*.bin "$D"/*.dict "$D"/*.json "$D"/old.ref "$D"/ref19.zst "$D"/samples "$T/$1/"
    cd "$T/$1" || exit 2
}

# decodes_to ZST ORIGINAL [REF_OPTIONS...]: the reference decodes ZST to ORIGINAL.
decodes_to() {
    local zst=$1 orig=$2
    shift 2
    "$REF" -dc "$@" -- "$zst" 2>/dev/null | cmp -s - "$orig"
}
# lists FILE TEXT: the reference's `-lv FILE` mentions TEXT.
lists() { "$REF" -lv "$1" 2>/dev/null | grep -qF -- "$2"; }
# The per-file result line: "NAME   : 12.34%   (  1.00 MiB =>   354 KiB, OUT) ".
SIZE='[0-9.]+ (B|KiB|MiB)'
quote() { printf '%s' "$1" | sed 's/[][\.*^$()+?{}|]/\\&/g'; }
result_line() { echo "^$(quote "$(printf '%-20s' "$1")") :[ 0-9.]{6}%   \( *$SIZE => +$SIZE, $(quote "$2")\) \$"; }

# ---------------------------------------------------------- basic compression
fresh basic
ours text.txt
check "compress exit 0" rc_is 0
check "compress writes .zst" test -s text.txt.zst
check "compress keeps the source" test -f text.txt
check "reference decodes our frame" decodes_to text.txt.zst "$D/text.txt"
check "result line like the reference's" matches "$(result_line text.txt text.txt.zst)" "$ERR"
check "content size recorded" lists text.txt.zst "Decompressed Size: 376 KiB (384894 B)"
check "checksum by default" lists text.txt.zst "Check: XXH64"
for f in empty.txt bin.bin zeros.bin small.txt; do
    ours "$f"
    check "$f: exit 0" rc_is 0
    check "$f: round trip through the reference" decodes_to "$f.zst" "$D/$f"
    [ "$f" = empty.txt ] &&
        check "empty input result line" matches '^empty.txt +:  \(     0 B => +[0-9]+ B, empty.txt.zst\) $' "$ERR"
done
ours -d -c text.txt.zst
check "our own frame decodes with our CLI" same "$OUT" "$D/text.txt"
ours -z text.txt.zst
check "-z on a .zst file appends another suffix" decodes_to text.txt.zst.zst text.txt.zst
ours -d -c ref19.zst
check "reference -19 frame decodes with our CLI" same "$OUT" "$D/text.txt"

# ------------------------------------------------------------------- levels
fresh levels
for lv in -1 -2 -5 -9 -12 -16 -19 --fast --fast=5 --fast=200 "--ultra -20" "--ultra -22"; do
    # shellcheck disable=SC2086
    ours $lv small.txt -o "out$lv.zst"
    check "level $lv: exit 0" rc_is 0
    check "level $lv: round trip" decodes_to "out$lv.zst" "$D/small.txt"
done
ours --ultra -22 text.txt -o ultra.zst
check "--ultra -22 on 376 KiB: round trip" decodes_to ultra.zst "$D/text.txt"
ours -22 small.txt -o capped.zst
check "-22 without --ultra: exit 0" rc_is 0
check "  ...is lowered with the reference's warning" \
    has "Warning : compression level higher than max, reduced to 19" "$ERR"
ours --ultra -25 small.txt -o capped22.zst
check "--ultra -25 lowered to 22" has "reduced to 22" "$ERR"
ours -c -30 small.txt
check "level warning also when writing to stdout" has "reduced to 19" "$ERR"
ours --fast=0 small.txt
check "--fast=0 is a usage error" has "Incorrect parameter" "$ERR"
ZSTD_CLEVEL=19 "$OURS" -c small.txt >env19.zst 2>"$ERR"
"$OURS" -19 -c small.txt >cli19.zst 2>/dev/null
check "ZSTD_CLEVEL sets the level" same env19.zst cli19.zst
ZSTD_CLEVEL=19 "$OURS" -1 -c small.txt >env1.zst 2>"$ERR"
"$OURS" -1 -c small.txt >cli1.zst 2>/dev/null
check "  ...a command-line level wins" same env1.zst cli1.zst
ZSTD_CLEVEL=abc "$OURS" -c small.txt >/dev/null 2>"$ERR"
check "  ...invalid values are ignored with a warning" \
    has "Ignore environment variable setting ZSTD_CLEVEL=abc: not a valid integer value" "$ERR"
for opt in -T0 -T2 --threads=3 --single-thread -B1M --rsyncable --no-asyncio "--zstd=wlog=16,slog=3" --long=24 \
    --no-dictID --size-hint=1000 --no-compress-literals --row-match-finder; do
    ours "$opt" text.txt -o "opt$opt.zst"
    check "$opt: exit 0" rc_is 0
    check "$opt: round trip" decodes_to "opt$opt.zst" "$D/text.txt" --long=27
done
# Worker threads on an input of several 1 MiB jobs: frames the reference
# decodes, from files and from stdin; the jobs (not the worker count) make the
# frame, so -T1 and -T3 give the same bytes.
for i in 1 2 3 4 5 6; do cat text.txt; head -c 100000 bin.bin; done >big.bin
for opt in -T1 -T3 "-T2 -19" "-T2 --rsyncable" "-T2 --adapt" "-T2 --adapt=min=1,max=4" "-T0 -v"; do
    # shellcheck disable=SC2086
    ours $opt -B1M big.bin -o "big$opt.zst"
    check "$opt -B1M: exit 0" rc_is 0
    check "$opt -B1M: round trip" decodes_to "big$opt.zst" big.bin
done
check "-T1 and -T3 give the same frame" same "big-T1.zst" "big-T3.zst"
check "-T0 -v names the cores counted" matches "Note: [0-9]+ physical core\(s\) detected" "$ERR"
ours --adapt -T0 -v -B1M big.bin -o big-adapt-T0.zst
check "--adapt -T0 -v names them once" test "$(grep -c 'core(s) detected' "$ERR")" -eq 1
"$OURS" -T2 -B1M -c <big.bin >big-stdin.zst 2>/dev/null
check "-T2 from stdin: round trip" decodes_to big-stdin.zst big.bin
ours --adapt=min=5,max=3 big.bin -o bad.zst
check "--adapt with min > max: usage error" rc_is 1
ours --zstd=wlog=16 text.txt -o wlog.zst
check "--zstd=wlog=16 gives a 64 KiB window" lists wlog.zst "Window Size: 64.0 KiB (65536 B)"
ours --zstd=wlog=99 text.txt -o bad.zst
check "out-of-range --zstd value: error 11" rc_is 11
check "  ...leaves no output" test ! -e bad.zst
ours --single-thread --adapt text.txt -o adapt.zst
check "--adapt with --single-thread: exit 1" rc_is 1
check "  ...with the reference's message" has "Adaptive mode is not compatible with single thread mode" "$ERR"

# ------------------------------------------------------- frame header flags
fresh flags
ours --no-check text.txt -o nocheck.zst
check "--no-check: no checksum" lists nocheck.zst "Check: None"
check "--no-check: round trip" decodes_to nocheck.zst "$D/text.txt"
ours --no-check -C text.txt -o check.zst
check "-C after --no-check: checksum" lists check.zst "Check: XXH64"
ours --no-content-size text.txt -o nosize.zst
check "--no-content-size: size absent" bash -c "! '$REF' -lv nosize.zst 2>/dev/null | grep -q 'Decompressed Size'"
check "--no-content-size: round trip" decodes_to nosize.zst "$D/text.txt"
ours --no-content-size --content-size text.txt -o size.zst
check "--content-size after --no-content-size" lists size.zst "Decompressed Size: 376 KiB (384894 B)"

# ------------------------------------------------------- -c / -o / -k / --rm
fresh outputs
ours -c text.txt
check "-c exit 0" rc_is 0
check "-c writes the frame to stdout" decodes_to "$OUT" "$D/text.txt"
check "-c creates no file" test ! -e text.txt.zst
check "-c prints no result line" test ! -s "$ERR"
ours -vc text.txt
check "-vc result line names stdout" matches "$(result_line text.txt '/*stdout*\')" "$ERR"
ours text.txt -o named.zst
check "-o writes the named file" decodes_to named.zst "$D/text.txt"
check "-o does not create the default name" test ! -e text.txt.zst
check "-o result line names the output" matches "$(result_line text.txt named.zst)" "$ERR"
ours --rm bin.bin
check "--rm exit 0" rc_is 0
check "--rm removes the source" test ! -e bin.bin
check "--rm output ok" decodes_to bin.bin.zst "$D/bin.bin"
ours --rm -k zeros.bin
check "-k after --rm keeps the source" test -f zeros.bin
ours --rm -c small.txt
check "--rm ignored with -c" test -f small.txt
ours --rm small.txt -o single.zst
check "--rm with -o and one input removes it" test ! -e small.txt
check "  ...after writing the output" decodes_to single.zst "$D/small.txt"
touch -d '2001-02-03 04:05:06' empty.txt
chmod 640 empty.txt
ours empty.txt
check "output keeps the source's time" test "$(stat -c %Y empty.txt.zst)" = "$(stat -c %Y empty.txt)"
check "output keeps the source's mode" test "$(stat -c %a empty.txt.zst)" = 640

# ------------------------------------------------------------- overwriting
fresh overwrite
printf 'precious' >text.txt.zst
ours text.txt
check "existing output: exit 1" rc_is 1
check "existing output: untouched" same text.txt.zst <(printf 'precious')
check "existing output: question" has "zstd: text.txt.zst already exists; overwrite (y/n) ? Not overwritten" "$ERR"
ours -q text.txt
check "existing output -q: message" has "zstd: text.txt.zst already exists; not overwritten" "$ERR"
echo n | "$OURS" text.txt 2>"$ERR"
check "answer n keeps the file" same text.txt.zst <(printf 'precious')
echo y | "$OURS" text.txt 2>"$ERR"
check "answer y overwrites" decodes_to text.txt.zst "$D/text.txt"
printf 'precious' >stdin.zst
"$OURS" - -o stdin.zst <small.txt 2>"$ERR"
check "stdin input never prompts" has "stdin is an input - not proceeding." "$ERR"
check "  ...file untouched" same stdin.zst <(printf 'precious')
printf 'precious' >text.txt.zst
ours -f text.txt
check "-f overwrites" decodes_to text.txt.zst "$D/text.txt"
ours -f text.txt -o text.txt
check "output = input refused" rc_is 1
check "  ...input intact" same text.txt "$D/text.txt"

# ------------------------------------------- failures never lose the source
fresh failures
ours --rm text.txt -o /dev/full
check "write error (/dev/full): error 70" rc_is 70
check "  ...message" has "zstd: error 70 : Write error : cannot write block : No space left on device" "$ERR"
check "  ...--rm keeps the source" same text.txt "$D/text.txt"
ours --rm text.txt -o missing/dir/out.zst
check "output cannot be created: exit 1" rc_is 1
check "  ...--rm keeps the source" same text.txt "$D/text.txt"
# A write error half-way through a regular file (file size limit): the
# partial output is removed, the source kept.
(trap '' XFSZ; ulimit -f 40; "$OURS" --rm bin.bin >/dev/null 2>"$ERR" </dev/null)
RC=$?
check "file size limit hit: error 70" rc_is 70
check "  ...partial output removed" test ! -e bin.bin.zst
check "  ...source kept" same bin.bin "$D/bin.bin"
(trap '' XFSZ; ulimit -f 40; "$OURS" -f --rm small.txt bin.bin text.txt -o joined.zst >/dev/null 2>"$ERR" </dev/null)
RC=$?
check "size limit with several inputs into -o: error 70" rc_is 70
check "  ...partial output removed" test ! -e joined.zst
check "  ...sources kept" test -f small.txt -a -f bin.bin -a -f text.txt
ours missing.txt text.txt
check "one missing input among several: exit 1" rc_is 1
check "  ...the others still compressed" decodes_to text.txt.zst "$D/text.txt"
check "  ...message" has "zstd: can't stat missing.txt : No such file or directory -- ignored" "$ERR"
mkdir adir
ours adir
check "directory input: exit 1" rc_is 1
check "  ...message" has "zstd: adir is a directory -- ignored" "$ERR"

# ------------------------------------------------------------ stdin / stdout
fresh pipes
"$OURS" <text.txt >piped.zst 2>"$ERR"
check "stdin to stdout pipe" decodes_to piped.zst "$D/text.txt"
check "  ...silent" test ! -s "$ERR"
check "  ...no content size without a known size" bash -c "! '$REF' -lv piped.zst 2>/dev/null | grep -q 'Decompressed Size'"
"$OURS" --stream-size=384894 <text.txt >sized.zst 2>"$ERR"
check "--stream-size records the size" lists sized.zst "Decompressed Size: 376 KiB (384894 B)"
"$OURS" --stream-size=1000 <text.txt >wrong.zst 2>"$ERR"
RC=$?
check "--stream-size mismatch fails" test "$RC" -ne 0
cat small.txt | "$OURS" -c - >dash.zst 2>"$ERR"
check "'-' as input" decodes_to dash.zst "$D/small.txt"
cat text.txt | "$OURS" - -o fromstdin.zst 2>"$ERR"
check "stdin to -o file" decodes_to fromstdin.zst "$D/text.txt"
check "  ...result line names stdin" matches "$(result_line '/*stdin*\' fromstdin.zst)" "$ERR"
"$OURS" -c small.txt - <bin.bin >mixed.zst 2>"$ERR"
check "file and stdin inputs to stdout" decodes_to mixed.zst <(cat "$D/small.txt" "$D/bin.bin")
"$OURS" --fake-stdout-is-console <small.txt >console.zst 2>"$ERR"
RC=$?
check "refuses to write compressed data to a console" rc_is 1
check "  ...message" has "stdout is a console, aborting" "$ERR"
"$OURS" --fake-stdout-is-console -c <small.txt >console.zst 2>"$ERR"
check "  ...unless -c" decodes_to console.zst "$D/small.txt"
"$OURS" --fake-stdin-is-console -c >/dev/null 2>"$ERR" </dev/null
RC=$?
check "refuses to read a console" has "stdin is a console, aborting" "$ERR"
(
    mkdir bin
    ln -s "$OURS" bin/zstdmt
    bin/zstdmt -c small.txt >mt.zst 2>/dev/null </dev/null
)
check "zstdmt compresses" decodes_to mt.zst "$D/small.txt"

# ---------------------------------------------------------- multiple inputs
fresh multi
ours text.txt bin.bin empty.txt
check "several files: exit 0" rc_is 0
for f in text.txt bin.bin empty.txt; do check "several files: $f" decodes_to "$f.zst" "$D/$f"; done
check "several files: summary line" matches "^  3 files compressed : [0-9.]+% \( *$SIZE => +$SIZE\)\$" "$ERR"
check "several files: no per-file line at the default level" bash -c "! grep -q 'text.txt   ' '$ERR'"
ours -v -f text.txt bin.bin
check "-v shows per-file lines" matches "$(result_line bin.bin bin.bin.zst)" "$ERR"
ours -f text.txt bin.bin -o joined.zst
check "several inputs into one -o file" decodes_to joined.zst <(cat "$D/text.txt" "$D/bin.bin")
check "  ...warning" has "zstd: WARNING: all input files will be processed and concatenated into a single output file: joined.zst" "$ERR"
ours -q text.txt bin.bin -o joined2.zst
check "several inputs into -o with -q refused" rc_is 1
check "  ...writes nothing" test ! -e joined2.zst
mkdir -p tree/sub
cp small.txt tree/a.txt
cp small.txt tree/sub/b.txt
ours -r tree
check "-r compresses a tree" decodes_to tree/sub/b.txt.zst "$D/small.txt"
ours -r tree --output-dir-flat flat -f
check "--output-dir-flat" decodes_to flat/b.txt.zst "$D/small.txt"
ours -f --exclude-compressed text.txt.zst small.txt
check "--exclude-compressed skips .zst files" test ! -e text.txt.zst.zst
check "  ...and compresses the rest" decodes_to small.txt.zst "$D/small.txt"
check "  ...exit 0" rc_is 0

# ------------------------------------------------------------ dictionaries
fresh dict
ours -D trained.dict s7.json
check "-D: exit 0" rc_is 0
check "-D: the reference decodes with the dictionary" decodes_to s7.json.zst "$D/s7.json" -D trained.dict
check "-D: the frame names the dictionary" bash -c "'$REF' -lv s7.json.zst 2>/dev/null | grep -q 'DictID: [1-9]'"
check "-D: undecodable without it" bash -c "! '$REF' -dc s7.json.zst >/dev/null 2>&1"
ours -D trained.dict --no-dictID s7.json -o noid.zst
check "--no-dictID: no ID in the frame" lists noid.zst "DictID: 0"
check "--no-dictID: round trip" decodes_to noid.zst "$D/s7.json" -D trained.dict
"$REF" -q -D trained.dict s7.json -o refdict.zst
ours -d -D trained.dict refdict.zst -o back.json
check "reference -D frame, our -d -D" same back.json "$D/s7.json"
ours -D small.txt text.txt -o rawdict.zst
check "raw content dictionary" decodes_to rawdict.zst "$D/text.txt" -D small.txt
ours -D missing.dict text.txt -o x.zst
check "missing dictionary: error 31" rc_is 31
check "  ...no output" test ! -e x.zst
ours --patch-from=old.ref new.bin -o patch.zst
check "--patch-from: exit 0" rc_is 0
check "--patch-from: the reference applies the patch" decodes_to patch.zst new.bin --patch-from=old.ref
check "--patch-from: small patch" test "$(wc -c <patch.zst)" -lt 20000
check "--patch-from: long mode switched on as the reference does" has "long mode automatically triggered" "$ERR"
ours -d --patch-from=old.ref patch.zst -o patched.bin
check "--patch-from: our CLI applies it too" same patched.bin new.bin
ours --patch-from=old.ref new.bin small.txt
check "--patch-from with several inputs refused" has "error : can't use --patch-from=# on multiple files" "$ERR"
"$OURS" --patch-from=old.ref -c <new.bin >/dev/null 2>"$ERR"
check "--patch-from on stdin needs --stream-size" has "zstd: error 42 : Using --patch-from with stdin requires --stream-size" "$ERR"
ours --patch-from=old.ref -D trained.dict new.bin
check "--patch-from with -D refused" rc_is 1

# ---------------------------------------------------- --show-default-cparams
fresh cparams
ours --show-default-cparams -f text.txt
ref --show-default-cparams -f text.txt
check "--show-default-cparams like the reference" \
    same <(grep -E '^( - |text.txt \()' "$ERR") <(grep -E '^( - |text.txt \()' "$T/ref.err")
ours --show-default-cparams -19 -f small.txt
ref --show-default-cparams -19 -f small.txt
check "--show-default-cparams -19, small file" \
    same <(grep -E '^( - |small.txt \()' "$ERR") <(grep -E '^( - |small.txt \()' "$T/ref.err")

# ------------------------------------------------------------------ benchmark
fresh bench
ours -b1 -e3 -i0 small.txt
check "-b1 -e3: exit 0" rc_is 0
check "-b1 -e3: three result lines" test "$(grep -c '#small.txt' "$OUT")" -eq 3
for lv in 1 2 3; do
    check "-b: level $lv line" \
        matches "^ $lv#small.txt +: +2000 -> +[0-9]+ \(x[0-9.]+\), +[0-9.]+ MB/s, +[0-9.]+ MB/s\$" "$OUT"
done
ours -b -i0 small.txt
check "-b alone benchmarks level 3" matches '^ 3#small.txt ' "$OUT"
ours -b5 -i0 small.txt
check "-b5 benchmarks level 5" matches '^ 5#small.txt ' "$OUT"
ours -b30 -i0 small.txt
check "-b30 capped at 22" matches '^22#small.txt ' "$OUT"
ours --fast=2 -b -e1 -i0 small.txt
check "--fast=2 -b -e1 goes from -2 to 1" test "$(grep -cE '^ ?-?[0-9]#small.txt' "$OUT")" -eq 4
ours -b1 -i0 small.txt bin.bin
check "two files: one consolidated line" matches '^ 1# 2 files +: +152000 -> ' "$OUT"
ours -b1 -i0 -S small.txt bin.bin
check "-S: one line per file" test "$(grep -cE '^ 1#(small.txt|bin.bin) ' "$OUT")" -eq 2
ours -b1 -i0 -B500 small.txt
check "-B500: blocks compressed independently" matches '^ 1#small.txt +: +2000 -> ' "$OUT"
ours -b1 -i0 -D trained.dict s7.json
check "-b with -D" matches '^ 1#s7.json ' "$OUT"
ours -qb1 -i0 small.txt
check "-q: the reference's compact format" matches '^-1 +[0-9]+ \([0-9.]+\) +[0-9.]+ MB/s +[0-9.]+ MB/s  small.txt$' "$OUT"
"$REF" -q -k small.txt -o small.ref.zst
ours -b -d -i0 small.ref.zst
check "-b -d: decode-only benchmark" matches '^ 3#small.ref.zst +: +2000 -> ' "$OUT"
ours -b1 -i0
check "-b with no file: generated sample" matches '^ 1#Lorem ipsum +: +10000000 -> ' "$OUT"
ours -b1 -i0 -P30
check "-P30: synthetic sample" matches '^ 1#Synthetic 30% +: +10000000 -> ' "$OUT"
ours -b1 -i0 missing.txt
check "-b on a missing file: exit 1" rc_is 1
ours -b1 -i0 empty.txt
check "-b on an empty file: exit 1" rc_is 1

# ---------------------------------------- exit codes against the reference
# Compressed files are compared by name only (the libraries differ).
SNAPSHOT_NAMES_ONLY='*.zst'
compare_rc "plain compression" ":" text.txt
compare_rc "existing output" "touch text.txt.zst" text.txt
compare_rc "existing output -q" "touch text.txt.zst" -q text.txt
compare_rc "existing output -f" "touch text.txt.zst" -f text.txt
compare_rc "missing input" ":" missing.txt
compare_rc "--rm success" ":" --rm text.txt
compare_rc "--rm with -c" ":" --rm -c text.txt
compare_rc "mixed good and bad" ":" missing.txt text.txt bin.bin
compare_rc "several to one -o, -q" ":" -q text.txt bin.bin -o joined.zst
compare_rc "several to one -o, -f" ":" -f text.txt bin.bin -o joined.zst
compare_rc "directory input" "mkdir dir" dir
compare_rc "symlink input" "ln -s text.txt link" link
compare_rc "symlink input -f" "ln -s text.txt link" -f link -o fromlink.zst
compare_rc "level 20 without --ultra" ":" -20 small.txt
compare_rc "missing dictionary" ":" -D nope small.txt
compare_rc "out-of-range parameter" ":" --zstd=hlog=99 small.txt
compare_rc "--single-thread --rsyncable" ":" --single-thread --rsyncable small.txt
compare_rc "--patch-from with several files" ":" --patch-from=old.ref new.bin small.txt
compare_rc "bench, missing file" ":" -b1 -i0 nope.txt

finish
