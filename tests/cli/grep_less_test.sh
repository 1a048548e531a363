#!/usr/bin/env bash
# Tests of the companion scripts cli/scripts/zstdgrep and cli/scripts/zstdless
# and of the man pages in docs/man.
#
#   grep_less_test.sh OUR_ZSTD REF_ZSTD
#
# Our CLI is put first in PATH as `zstd` and `zstdcat`. zstdgrep runs in a
# directory of compressed files (half made by our CLI, half by the reference)
# and plain grep, with the same arguments, in a directory holding the
# originals under the same names: output and exit code must agree. zstdless
# runs with less in its non-interactive mode (stdout is not a terminal), so
# its output must be the decompressed content. Prints one line per failure
# and ends with "N passed, M failed".
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SCRIPTS=$(cd "$HERE/../../cli/scripts" && pwd)
MAN_DIR=$(cd "$HERE/../../docs/man" && pwd)
source "$HERE/common.sh" "$@"

ZGREP=$SCRIPTS/zstdgrep
ZLESS=$SCRIPTS/zstdless
check "zstdgrep is executable" test -x "$ZGREP"
check "zstdless is executable" test -x "$ZLESS"

# ------------------------------------------------------------------ PATH
mkdir -p "$T/bin"
ln -s "$OURS" "$T/bin/zstd"
ln -s "$OURS" "$T/bin/zstdcat"
export PATH="$T/bin:$PATH"
unset GREP ZCAT ZSTD POSIXLY_CORRECT GREP_OPTIONS GREP_COLOR GREP_COLORS
export LC_ALL=C

# ------------------------------------------------------------------ fixtures
# P holds the originals, Z the same names with compressed content (except
# plain.txt, left uncompressed: zstdcat copies it through).
P=$T/plain
Z=$T/zst
mkdir -p "$P" "$Z"
awk 'BEGIN {
    split("alpha beta gamma delta epsilon", w, " ")
    for (i = 1; i <= 400; i++)
        printf "%d %s line %s\n", i, w[i % 5 + 1], (i % 7 == 0 ? "Alpha" : "x")
}' >"$P/a.txt"
printf 'beta only here\n-dash at start\nALPHA upper\nnothing\n' >"$P/b.txt"
printf 'a line with alpha\nspaces in the name\n' >"$P/my file.txt"
printf 'plain alpha text\nnot compressed\n' >"$P/plain.txt"
printf 'zeta\neta\ntheta\n' >"$P/none.txt"
seq 1 300000 >"$P/big.txt"
"$OURS" -q -c "$P/a.txt" >"$Z/a.txt"
"$REF" -q -c "$P/b.txt" >"$Z/b.txt"
"$OURS" -q -c -19 "$P/my file.txt" >"$Z/my file.txt"
cp "$P/plain.txt" "$Z/plain.txt"
"$REF" -q -c "$P/none.txt" >"$Z/none.txt"
"$OURS" -q -c -T2 "$P/big.txt" >"$Z/big.txt"
"$OURS" -q -c "$P/a.txt" >"$T/a.txt.zst"
printf 'gamma\n-dash\n' >"$T/patterns"

# both DESCRIPTION ARGS...: zstdgrep in Z and grep in P give the same
# standard output and exit code. With ZG_STDIN set, both read that file
# (compressed for zstdgrep: the Z copy) on standard input.
ZG_STDIN=
both() {
    local desc=$1 zin=/dev/null pin=/dev/null
    shift
    if [ -n "$ZG_STDIN" ]; then
        zin=$Z/$ZG_STDIN
        pin=$P/$ZG_STDIN
    fi
    (cd "$Z" && "$RUN_SHELL" "$ZGREP" "$@") >"$T/zg.out" 2>"$T/zg.err" <"$zin"
    local zrc=$?
    (cd "$P" && grep "$@") >"$T/g.out" 2>"$T/g.err" <"$pin"
    local grc=$?
    if [ "$zrc" -ne "$grc" ]; then
        fail "$desc [$RUN_SHELL${GREP:+, GREP=$GREP}]: exit $zrc, grep $grc"
        sed 's/^/    /' "$T/zg.err" | head -5
    elif ! same "$T/zg.out" "$T/g.out"; then
        fail "$desc [$RUN_SHELL${GREP:+, GREP=$GREP}]: output differs from grep's"
        diff "$T/g.out" "$T/zg.out" | head -10 | sed 's/^/    /'
    else
        pass
    fi
}

# zg ARGS...: runs zstdgrep in Z; sets RC, fills OUT/ERR.
zg() { (cd "$Z" && "$RUN_SHELL" "$ZGREP" "$@") >"$OUT" 2>"$ERR" </dev/null; RC=$?; }

# The whole zstdgrep suite, run under every shell at hand.
grep_suite() {
    both "one match" gamma a.txt
    both "match, line numbers" -n 'Alpha$' a.txt
    both "no match" nowhere a.txt
    both "no match, several files" nowhere a.txt b.txt
    both "several files: name prefixes" alpha a.txt b.txt "my file.txt"
    both "several files, one without match" theta a.txt none.txt
    both "-e twice" -e gamma -e 'ALPHA' a.txt b.txt
    both "-e glued and --regexp=" -egamma --regexp=upper a.txt b.txt
    both "-f patterns" -f "$T/patterns" a.txt b.txt
    both "--file=patterns" --file="$T/patterns" b.txt
    both "-i" -i alpha b.txt "my file.txt"
    both "-c count" -c alpha a.txt b.txt none.txt
    both "-c one file" -c gamma a.txt
    both "-l" -l alpha a.txt b.txt none.txt "my file.txt"
    both "-L" -L alpha a.txt b.txt none.txt
    both "-h" -h alpha a.txt b.txt
    both "-H one file" -H gamma a.txt
    both "-h then -H" -h -H beta b.txt
    both "-A 1" -A 1 'Alpha$' a.txt b.txt
    both "-A1 -B 2, one file" -A1 -B 2 '^14 ' a.txt
    both "-C NUM glued in a cluster" -nC1 '^-dash' b.txt
    both "-m NUM" -m 3 beta a.txt
    both "--max-count NUM" --max-count 2 -n beta a.txt
    both "pattern starting with -, via -e" -e -dash b.txt
    both "pattern starting with -, after --" -- -dash b.txt a.txt
    both "file name with spaces" spaces "my file.txt"
    both "file name with spaces, -l" -l spaces "my file.txt" b.txt
    both "plain (not compressed) file" alpha plain.txt a.txt
    both "option after the operands" alpha b.txt -i
    both "-v -c" -v -c alpha b.txt
    both "-o -w" -ow beta a.txt
    both "-x -F" -xF 'nothing' b.txt
    both "-E" -E 'al(pha)+ upper|^-' b.txt
    both "-q match" -q gamma a.txt
    both "-q no match" -q nowhere a.txt
    both "early stop (-l) on a big file" -l 1 big.txt a.txt
    both "early stop (-m1) on a big file" -m1 -n 99999 big.txt
    both "missing file: exit 2" alpha missing.txt
    both "missing file among others" alpha a.txt missing.txt b.txt
    both "-s missing file" -s alpha missing.txt b.txt
    both "-q with a missing file" -q gamma missing.txt a.txt
    ZG_STDIN=a.txt both "stdin" -n gamma
    ZG_STDIN=b.txt both "stdin as -, with a file" -H beta - none.txt
    ZG_STDIN=b.txt both "stdin, -c" -c a
    ZG_STDIN=

    # Errors grep itself would report.
    zg
    check "no pattern: exit 2 [$RUN_SHELL]" rc_is 2
    zg -e
    check "-e without its argument: exit 2 [$RUN_SHELL]" rc_is 2
    check "-e without its argument: message [$RUN_SHELL]" test -s "$ERR"

    # Refused options.
    local opt
    for opt in -r -R --recursive -d; do
        if [ "$opt" = -d ]; then zg -d skip alpha a.txt; else zg "$opt" alpha .; fi
        check "$opt refused: exit 2 [$RUN_SHELL]" rc_is 2
        check "$opt refused: message [$RUN_SHELL]" has "not supported" "$ERR"
        check "$opt refused: no output [$RUN_SHELL]" test ! -s "$OUT"
    done

    # Patterns from standard input (-f -) while the data comes from a file.
    (cd "$Z" && printf 'gamma\nupper\n' | "$RUN_SHELL" "$ZGREP" -f - a.txt b.txt) >"$OUT" 2>&1
    RC=$?
    (cd "$P" && printf 'gamma\nupper\n' | grep -f - a.txt b.txt) >"$T/g.out"
    check "-f - [$RUN_SHELL]" rc_is 0
    check "-f - output [$RUN_SHELL]" same "$OUT" "$T/g.out"

    # Real .zst names are shown as given.
    (cd "$T" && "$RUN_SHELL" "$ZGREP" -H gamma a.txt.zst) >"$OUT" 2>"$ERR"
    RC=$?
    grep -H gamma "$P/a.txt" | sed "s|^$P/a.txt:|a.txt.zst:|" >"$T/g.out"
    check ".zst name as prefix [$RUN_SHELL]" same "$OUT" "$T/g.out"
}

for RUN_SHELL in sh bash dash; do
    command -v "$RUN_SHELL" >/dev/null 2>&1 || continue
    grep_suite
done
RUN_SHELL='sh'

# A grep without --label: zstdgrep adds the names itself (context lines
# excepted, the output matches grep's).
cat >"$T/bin/grep-nolabel" <<'EOF'
#!/bin/sh
for a; do
    case $a in --label*) echo "grep-nolabel: unknown option $a" >&2; exit 2 ;; esac
done
exec grep "$@"
EOF
chmod +x "$T/bin/grep-nolabel"
export GREP=grep-nolabel
both "several files" alpha a.txt b.txt "my file.txt"
both "one file" gamma a.txt
both "-H one file" -H gamma a.txt
both "-h" -h alpha a.txt b.txt
both "-c" -c alpha a.txt b.txt none.txt
both "-l" -l alpha a.txt b.txt none.txt "my file.txt"
both "missing file" alpha missing.txt b.txt
unset GREP

# ZCAT chooses the decompressor.
(cd "$Z" && ZCAT="$OURS -dcfq" "$ZGREP" -c beta b.txt) >"$OUT" 2>"$ERR"
RC=$?
check "ZCAT=zstd -dcfq: exit 0" rc_is 0
check "ZCAT=zstd -dcfq: count" test "$(cat "$OUT")" = 1
(cd "$Z" && ZCAT=false "$ZGREP" beta b.txt) >"$OUT" 2>"$ERR"
RC=$?
check "ZCAT failing: exit 2" rc_is 2

# Called as zstdegrep: extended expressions.
ln -s "$ZGREP" "$T/bin/zstdegrep"
(cd "$Z" && zstdegrep 'al(pha)+ upper|^-da' b.txt) >"$OUT" 2>"$ERR"
RC=$?
(cd "$P" && grep -E 'al(pha)+ upper|^-da' b.txt) >"$T/g.out"
check "zstdegrep: exit 0" rc_is 0
check "zstdegrep: output" same "$OUT" "$T/g.out"

# ------------------------------------------------------------------ zstdless
if command -v less >/dev/null 2>&1; then
    unset LESSOPEN LESSCLOSE LESSSECURE
    export LESS=-FX
    # zless_check DESCRIPTION EXPECTED ARGS...: zstdless ARGS (from Z) prints
    # exactly the file EXPECTED.
    zless_check() {
        local desc=$1 expected=$2
        shift 2
        (cd "$Z" && "$ZLESS" "$@") >"$OUT" 2>"$ERR" </dev/null
        RC=$?
        if ! rc_is 0; then
            fail "zstdless $desc: exit $RC"
        elif ! same "$OUT" "$expected"; then
            fail "zstdless $desc: output is not the decompressed file"
        else
            pass
        fi
    }
    zless_check "compressed file" "$P/a.txt" a.txt
    zless_check "file made by the reference" "$P/b.txt" b.txt
    zless_check "name with spaces" "$P/my file.txt" "my file.txt"
    zless_check "plain file" "$P/plain.txt" plain.txt
    zless_check "big file" "$P/big.txt" big.txt
    cat "$P/a.txt" "$P/b.txt" >"$T/ab.txt"
    zless_check "two files" "$T/ab.txt" a.txt b.txt
    (cd "$T" && "$ZLESS" a.txt.zst) >"$OUT" 2>"$ERR" </dev/null
    check "zstdless .zst name" same "$OUT" "$P/a.txt"
    "$ZLESS" <"$Z/a.txt" >"$OUT" 2>"$ERR"
    check "zstdless standard input" same "$OUT" "$P/a.txt"
    # ZSTD names the program: a wrapper records that it was called.
    cat >"$T/bin/zstd-logged" <<EOF
#!/bin/sh
echo called >>"$T/zstd-logged.log"
exec "$OURS" "\$@"
EOF
    chmod +x "$T/bin/zstd-logged"
    (cd "$Z" && ZSTD=zstd-logged "$ZLESS" a.txt) >"$OUT" 2>"$ERR" </dev/null
    check "zstdless ZSTD=...: output" same "$OUT" "$P/a.txt"
    check "zstdless ZSTD=...: program used" test -s "$T/zstd-logged.log"
    # A LESSOPEN already set is replaced.
    (cd "$Z" && LESSOPEN='|cat %s' "$ZLESS" a.txt) >"$OUT" 2>"$ERR" </dev/null
    check "zstdless replaces LESSOPEN" same "$OUT" "$P/a.txt"
else
    echo "less not found: zstdless checks skipped"
fi

# ------------------------------------------------------------------ man pages
if command -v groff >/dev/null 2>&1; then
    for page in zstd.1 zstdgrep.1 zstdless.1; do
        if [ ! -f "$MAN_DIR/$page" ]; then
            fail "man page $page missing"
            continue
        fi
        groff -man -ww -z "$MAN_DIR/$page" >"$OUT" 2>"$ERR"
        RC=$?
        if ! rc_is 0 || [ -s "$ERR" ] || [ -s "$OUT" ]; then
            fail "man page $page: groff warnings"
            head -5 "$ERR" | sed 's/^/    /'
        else
            pass
        fi
        check "man page $page: version and date" \
            matches '^\.TH [A-Z]+ 1 "December 2026" "[^"]*1\.5\.7' "$MAN_DIR/$page"
    done
else
    echo "groff not found: man page checks skipped"
fi

finish
