#!/bin/sh
# Hygiene of the shared library as shipped: exported names, SONAME, dependencies.
# usage: lib_hygiene.sh LIBZSTD_SO [ABI_SYMBOLS_TSV] [sanitized]
# The symbol-list check is skipped when the TSV is not given or not readable; the
# libstdc++ check is skipped for sanitizer builds (their runtimes bring it in).
set -u
LIB=$1
TSV=${2:-}
SANITIZED=${3:-}
fail=0
checks=0

bad() {
    echo "FAIL: $*"
    fail=$((fail + 1))
}
ok() {
    echo "ok: $*"
}

if [ ! -f "$LIB" ]; then
    echo "FAIL: no library at $LIB"
    exit 1
fi

# 1. Every defined dynamic symbol (weak ones aside) is ZSTD_* or ZDICT_*.
checks=$((checks + 1))
exported=$(nm -D --defined-only "$LIB" | awk '$2 !~ /^[wWvV]$/ { print $3 }' | sed 's/@.*//' | sort -u)
if [ -z "$exported" ]; then
    bad "no exported symbols at all"
else
    stray=$(printf '%s\n' "$exported" | grep -v -E '^(ZSTD|ZDICT)_' || true)
    if [ -n "$stray" ]; then
        bad "symbols outside ZSTD_*/ZDICT_* are exported:"
        printf '    %s\n' $stray
    else
        ok "$(printf '%s\n' "$exported" | wc -l) exported symbols, all ZSTD_*/ZDICT_*"
    fi
fi

# 2. No C++ runtime: not linked against libstdc++, no C++ symbols imported.
needed=$(readelf -d "$LIB" | awk '/\(NEEDED\)/ { print $NF }' | tr -d '[]')
if [ "$SANITIZED" = "sanitized" ]; then
    echo "skip: libstdc++ dependency not checked in a sanitizer build"
elif checks=$((checks + 1)) && printf '%s\n' "$needed" | grep -q 'libstdc++'; then
    bad "DT_NEEDED lists libstdc++: $needed"
elif command -v ldd >/dev/null 2>&1 && ldd "$LIB" | grep -q 'libstdc++'; then
    bad "ldd shows libstdc++"
else
    ok "no libstdc++ dependency (NEEDED: $(echo $needed))"
fi
checks=$((checks + 1))
cxx=$(nm -D --undefined-only "$LIB" | awk '{ print $NF }' | sed 's/@.*//' |
      grep -E '^(_Z|__cxa_|__gxx_)' | grep -v '^__cxa_finalize$' || true)
if [ -n "$cxx" ]; then
    bad "C++ runtime symbols imported:"
    printf '    %s\n' $cxx
else
    ok "no C++ runtime symbols imported"
fi

# 3. SONAME.
checks=$((checks + 1))
soname=$(readelf -d "$LIB" | awk '/\(SONAME\)/ { print $NF }' | tr -d '[]')
if [ "$soname" = "libzstd.so.1" ]; then
    ok "SONAME $soname"
else
    bad "SONAME is '$soname', expected libzstd.so.1"
fi

# 4. Every exported symbol is part of the libzstd 1.5.7 ABI.
if [ -n "$TSV" ] && [ -r "$TSV" ]; then
    checks=$((checks + 1))
    known=$(grep -v '^#' "$TSV" | awk -F'\t' 'NR > 1 && $1 != "" { print $1 }' | sort -u)
    unknown=$(printf '%s\n' "$exported" | while read -r s; do
        printf '%s\n' "$known" | grep -qx "$s" || echo "$s"
    done)
    if [ -n "$unknown" ]; then
        bad "exported symbols not in $TSV:"
        printf '    %s\n' $unknown
    else
        ok "every exported symbol is in the reference symbol list"
    fi
    # 5. ...and every symbol of it is exported.
    checks=$((checks + 1))
    missing=$(printf '%s\n' "$known" | while read -r s; do
        printf '%s\n' "$exported" | grep -qx "$s" || echo "$s"
    done)
    if [ -n "$missing" ]; then
        bad "reference symbols not exported:"
        printf '    %s\n' $missing
    else
        ok "every reference symbol is exported"
    fi
else
    echo "skip: reference symbol list not available (${TSV:-none given})"
fi

echo "$((checks - fail)) passed, $fail failed"
[ "$fail" -eq 0 ]
