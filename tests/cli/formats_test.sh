#!/usr/bin/env bash
# End-to-end tests of the gzip, xz, lzma and lz4 formats of the zstd CLI:
# --format=, the program-name aliases, detection on decompression, suffixes,
# concatenations, and damaged input. Each format's own tool (gzip, xz, lz4)
# and the reference CLI are the oracles.
#
#   formats_test.sh OUR_ZSTD REF_ZSTD
source "$(dirname "${BASH_SOURCE[0]}")/common.sh" "$@"

D=$T/data
mkdir -p "$D"
seq 1 40000 | sed 's/$/ the quick brown fox/' >"$D/text.txt"
head -c 300000 /dev/urandom >"$D/rand.bin"
: >"$D/empty.txt"

fresh() {
    rm -rf "${T:?}/$1"
    mkdir -p "$T/$1"
    cp "$D"/* "$T/$1/"
    cd "$T/$1" || exit 2
}

# What this build has: the "supports" line of -vV.
"$OURS" -vV >"$T/version.txt" 2>&1
supports() { grep -q "supports:.*$1" "$T/version.txt"; }

suffix_of() { case $1 in gzip) echo gz ;; *) echo "$1" ;; esac; }
# own_decode FORMAT FILE: the format's own tool decodes FILE to stdout.
own_decode() {
    case $1 in
    gzip) gzip -dc -- "$2" ;;
    xz) xz -dc -- "$2" ;;
    lzma) xz --format=lzma -dc -- "$2" ;;
    lz4) lz4 -dc -- "$2" ;;
    esac
}
own_encode() {
    case $1 in
    gzip) gzip -c -- "$2" ;;
    xz) xz -c -- "$2" ;;
    lzma) xz --format=lzma -c -- "$2" ;;
    lz4) lz4 -q -c -- "$2" ;;
    esac
}
have_tool() {
    case $1 in gzip) command -v gzip ;; xz | lzma) command -v xz ;; lz4) command -v lz4 ;; esac >/dev/null
}

ran=0
for f in gzip xz lzma lz4; do
    if ! supports "$f"; then
        # A build without the library refuses, as a reference built so.
        fresh "missing_$f"
        ours --format="$f" text.txt
        check "$f not compiled in: exit 1" rc_is 1
        check "  ...with a message" matches "compiled without" "$ERR"
        check "  ...and no output" test ! -e "text.txt.$(suffix_of "$f")"
        continue
    fi
    if ! have_tool "$f"; then
        echo "SKIP: no $f tool for the $f checks"
        continue
    fi
    ran=1
    s=$(suffix_of "$f")
    fresh "fmt_$f"
    # Compression: named by the format, read by the format's own tool.
    for input in text.txt rand.bin empty.txt; do
        ours --format="$f" "$input"
        check "--format=$f $input: exit 0" rc_is 0
        check "--format=$f $input: named .$s, source kept" test -f "$input.$s" -a -f "$input"
        check "--format=$f $input: the $f tool decodes it" bash -c "$(declare -f own_decode); own_decode $f $input.$s | cmp -s - $input"
    done
    # The same library with the same settings: the reference's bytes.
    for level in 1 3 9 19; do
        "$OURS" -q "-$level" --format="$f" -c text.txt >"ours-$level.$s" 2>/dev/null
        "$REF" -q "-$level" --format="$f" -c text.txt >"ref-$level.$s" 2>/dev/null
        check "--format=$f -$level: the reference's output" same "ours-$level.$s" "ref-$level.$s"
    done
    "$OURS" -q --no-check --format="$f" -c text.txt >ours-nocheck."$s" 2>/dev/null
    "$REF" -q --no-check --format="$f" -c text.txt >ref-nocheck."$s" 2>/dev/null
    check "--format=$f --no-check: the reference's output" same "ours-nocheck.$s" "ref-nocheck.$s"
    "$OURS" -q --format="$f" <text.txt >stdin."$s" 2>/dev/null
    "$REF" -q --format="$f" <text.txt >ref-stdin."$s" 2>/dev/null
    check "--format=$f from stdin: the reference's output" same "stdin.$s" "ref-stdin.$s"

    # Decompression of the format's own files: detected by content.
    own_encode "$f" text.txt >own."$s"
    ours -d own."$s"
    check "-d own.$s: exit 0" rc_is 0
    check "-d own.$s: suffix stripped, content right" same own text.txt
    ours -dc own."$s"
    check "-dc own.$s" same "$OUT" text.txt
    "$OURS" -dc <own."$s" >piped 2>/dev/null
    check "-d from stdin ($f)" same piped text.txt
    cp own."$s" renamed.zst
    ours -dc renamed.zst
    check "$f content under a .zst name: detected by magic" same "$OUT" text.txt
    ours -t own."$s"
    check "-t own.$s: exit 0" rc_is 0
    own_encode "$f" empty.txt >empty-own."$s"
    ours -dc empty-own."$s"
    check "-d of an empty $f stream" bash -c "rc_is() { [ $RC -eq \$1 ]; }; rc_is 0 && [ ! -s $OUT ]"
    own_encode "$f" rand.bin >rand-own."$s"
    ours -dc rand-own."$s"
    check "-d of incompressible $f data" same "$OUT" rand.bin

    # Several streams, and a zstd frame after them, in one file.
    { own_encode "$f" text.txt; own_encode "$f" rand.bin; "$REF" -qc text.txt; } >multi."$s"
    cat text.txt rand.bin text.txt >multi.expected
    ours -dc multi."$s"
    check "$f streams then a zstd frame: all decoded" same "$OUT" multi.expected
    "$REF" -dc multi."$s" >ref-multi 2>/dev/null
    check "  ...as the reference decodes them" same ref-multi multi.expected

    # Damaged input: an error naming the file, exit 1, no output left.
    head -c $(($(stat -c %s own."$s") / 2)) own."$s" >trunc."$s"
    ours -d trunc."$s"
    ref -dc trunc."$s"
    check "truncated $f: exit 1" rc_is 1
    check "truncated $f: the reference's exit code" test "$RC" -eq "$REF_RC"
    check "truncated $f: message names the file" has "trunc.$s:" "$ERR"
    check "truncated $f: no output file left" test ! -e trunc
    cp own."$s" bad."$s"
    printf '\377\377\377\377\377\377\377\377' | dd of=bad."$s" bs=1 seek=3000 conv=notrunc 2>/dev/null
    ours -d bad."$s"
    check "corrupted $f: exit 1" rc_is 1
    check "corrupted $f: no output file left" test ! -e bad
    ours -t bad."$s"
    check "-t of corrupted $f: exit 1" rc_is 1
    { cat own."$s"; echo "trailing words"; } >tail."$s"
    ours -dc tail."$s"
    check "$f then garbage: exit 1" rc_is 1
    check "  ...unsupported format" has "unsupported format" "$ERR"
    check "  ...after the stream's content" same "$OUT" text.txt
done

# ----------------------------------------------------------- suffixes, aliases
if supports gzip; then
    fresh suffixes
    tar -cf orig.tar text.txt rand.bin
    gzip -c orig.tar >t.tgz
    ours -d t.tgz
    check ".tgz decompresses to .tar" same t.tar orig.tar
    ours -d text.txt
    check "unknown suffix: exit 1" rc_is 1
    ref -d text.txt
    check "unknown suffix: the reference's list of suffixes" bash -c "grep -o '(.*expected)' '$ERR' | cmp -s - <(grep -o '(.*expected)' '$T/ref.err')"

    fresh aliases
    mkdir bin refbin
    for name in gzip gunzip xz unxz lzma unlzma lz4 unlz4; do
        ln -s "$OURS" "bin/$name"
        ln -s "$REF" "refbin/$name"
    done
    # Each alias, both programs, in their own directories: same files left.
    for name in gzip xz lzma lz4; do
        supports "$name" || continue
        s=$(suffix_of "$name")
        for side in bin refbin; do
            rm -rf "w_$side" && mkdir "w_$side" && cp text.txt "w_$side/"
            (cd "w_$side" && "../$side/$name" -q text.txt && ls >../"list_$side")
        done
        check "$name alias: same files as the reference's" same list_bin list_refbin
        check "$name alias: readable by the $name tool" bash -c "$(declare -f own_decode); own_decode $name w_bin/text.txt.$s | cmp -s - text.txt"
        case $name in gzip) un=gunzip ;; *) un=un$name ;; esac
        for side in bin refbin; do
            # lz4 keeps its source: both programs then refuse to overwrite it.
            (cd "w_$side" && "../$side/$un" -q "text.txt.$s" 2>/dev/null; ls >../"unlist_$side")
        done
        check "$un alias: same files as the reference's" same unlist_bin unlist_refbin
        check "$un alias: content" same w_bin/text.txt text.txt
    done
    bin/gzip -q --best -c text.txt >best.gz
    "$REF" -q -9 --format=gzip -c text.txt >ref9.gz
    check "gzip --best is level 9" same best.gz ref9.gz
    bin/gzip -q -n -c text.txt >/dev/null
    check "gzip -n accepted" test $? -eq 0
    "$OURS" -q --fast=3 --format=gzip -c text.txt >fast.gz 2>/dev/null
    check "--fast with gzip: zlib's fastest level (the reference fails)" bash -c "gzip -dc fast.gz | cmp -s - text.txt"
fi

[ "$ran" -eq 1 ] || echo "no foreign format compiled in: refusal checks only"
finish
