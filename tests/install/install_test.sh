#!/usr/bin/env bash
# Installs the build into a scratch prefix and uses it the way a packager and a
# downstream project would: the layout, pkg-config, find_package(zstd) and
# find_package(zest) from a separate CMake project, the installed programs and
# their alias links, then the uninstall manifest.
#
#   install_test.sh BUILD_DIR SOURCE_DIR
set -u
BUILD=$(cd "$1" && pwd)
SRC=$(cd "$2" && pwd)
T=$(mktemp -d "${TMPDIR:-/tmp}/zest_install_test.XXXXXX")
# Installing rewrites the build's install_manifest.txt: put the user's back.
if [ -f "$BUILD/install_manifest.txt" ]; then cp "$BUILD/install_manifest.txt" "$T/user_manifest.txt"; fi
restore() {
    if [ -f "$T/user_manifest.txt" ]; then cp "$T/user_manifest.txt" "$BUILD/install_manifest.txt"
    else rm -f "$BUILD/install_manifest.txt"; fi
    rm -rf "$T"
}
trap restore EXIT
P=$T/prefix
PASS=0
FAIL=0
check() {
    local desc=$1
    shift
    if "$@" >"$T/last.log" 2>&1; then PASS=$((PASS + 1)); else FAIL=$((FAIL + 1)); echo "FAIL: $desc"; sed 's/^/  | /' "$T/last.log" | tail -20; fi
}
link_to() { [ -L "$1" ] && [ "$(readlink "$1")" = "$2" ]; }

check "cmake --install" cmake --install "$BUILD" --prefix "$P"
cp "$BUILD/install_manifest.txt" "$T/manifest.txt"

# Layout.
check "shared library" test -f "$P/lib/libzstd.so.1.5.7"
check "soname link" link_to "$P/lib/libzstd.so.1" libzstd.so.1.5.7
check "dev link" link_to "$P/lib/libzstd.so" libzstd.so.1
check "static library" test -f "$P/lib/libzstd.a"
check "soname" bash -c "objdump -p '$P/lib/libzstd.so.1.5.7' | grep -q 'SONAME *libzstd.so.1$'"
check "no libstdc++ in the library" bash -c "! ldd '$P/lib/libzstd.so.1' | grep -q stdc++"
for h in zstd.h zstd_errors.h zdict.h zest/zest.hpp zest/compressor.hpp; do
    check "header $h" cmp "$SRC/include/$h" "$P/include/$h"
done
check "pkg-config file" test -f "$P/lib/pkgconfig/libzstd.pc"
check "CMake package zstd" test -f "$P/lib/cmake/zstd/zstdConfig.cmake"
check "CMake package zest" test -f "$P/lib/cmake/zest/zestConfig.cmake"
check "program" test -x "$P/bin/zstd"
for alias in zstdcat unzstd zstdmt; do check "alias $alias" link_to "$P/bin/$alias" zstd; done
for script in zstdgrep zstdless; do
    if [ -f "$SRC/cli/scripts/$script" ]; then check "script $script" test -x "$P/bin/$script"; fi
done
for page in zstd zstdgrep zstdless; do
    if [ -f "$SRC/docs/man/$page.1" ]; then check "man page $page.1" test -f "$P/share/man/man1/$page.1"; fi
done
if [ -f "$SRC/docs/man/zstd.1" ]; then
    check "man link zstdcat.1" link_to "$P/share/man/man1/zstdcat.1" zstd.1
    check "man link unzstd.1" link_to "$P/share/man/man1/unzstd.1" zstd.1
fi

# The installed program: self-contained, and its alias names behave.
check "zstd is linked statically to the library" bash -c "! ldd '$P/bin/zstd' | grep -q libzstd"
head -c 200000 "$SRC/include/zstd.h" >"$T/sample"
check "zstd round trip" bash -c "'$P/bin/zstd' -q -19 '$T/sample' -o '$T/sample.zst' && '$P/bin/unzstd' -q '$T/sample.zst' -o '$T/sample.out' && cmp '$T/sample' '$T/sample.out'"
check "zstdcat" bash -c "'$P/bin/zstdcat' '$T/sample.zst' | cmp - '$T/sample'"
check "zstdmt" bash -c "'$P/bin/zstdmt' -q -c '$T/sample' | '$P/bin/zstd' -dc | cmp - '$T/sample'"

# pkg-config: a C program built the way autotools/meson projects do.
cat >"$T/prog.c" <<'C'
#include <stdio.h>
#include <string.h>
#include <zstd.h>
#include <zdict.h>
int main(void) {
    static char src[10000], packed[20000], back[10000];
    for (int i = 0; i < (int)sizeof src; i++) src[i] = "install test "[i % 13];
    size_t n = ZSTD_compress(packed, sizeof packed, src, sizeof src, 3);
    if (ZSTD_isError(n)) return 1;
    size_t m = ZSTD_decompress(back, sizeof back, packed, n);
    if (m != sizeof src || memcmp(src, back, m) != 0) return 2;
    if (ZDICT_isError(0)) return 3;
    printf("%s\n", ZSTD_versionString());
    return 0;
}
C
export PKG_CONFIG_PATH=$P/lib/pkgconfig
check "pkg-config version" bash -c "[ \"\$(pkg-config --modversion libzstd)\" = 1.5.7 ]"
check "pkg-config cflags" bash -c "[ \"\$(pkg-config --cflags libzstd | xargs)\" = '-I$P/include' ]"
check "pkg-config build" bash -c "cc -o '$T/prog' '$T/prog.c' \$(pkg-config --cflags --libs libzstd)"
check "pkg-config program runs on the installed library" bash -c \
    "LD_LIBRARY_PATH='$P/lib' ldd '$T/prog' | grep -q '$P/lib/libzstd.so.1' && [ \"\$(LD_LIBRARY_PATH='$P/lib' '$T/prog')\" = 1.5.7 ]"
check "pkg-config static build" bash -c \
    "cc -static-libgcc -o '$T/prog_static' '$T/prog.c' \$(pkg-config --cflags libzstd) '$P/lib/libzstd.a' \$(pkg-config --static --libs-only-other libzstd) && ! ldd '$T/prog_static' | grep -q libzstd && '$T/prog_static'"

# find_package from a downstream CMake project.
mkdir -p "$T/downstream"
cat >"$T/downstream/CMakeLists.txt" <<'CMAKE'
cmake_minimum_required(VERSION 3.20)
project(downstream C CXX)
find_package(zstd 1.5 CONFIG REQUIRED)
find_package(zest CONFIG REQUIRED)
add_executable(uses_shared prog.c)
target_link_libraries(uses_shared PRIVATE zstd::libzstd_shared)
add_executable(uses_static prog.c)
target_link_libraries(uses_static PRIVATE zstd::libzstd_static)
add_executable(uses_default prog.c)
target_link_libraries(uses_default PRIVATE zstd::libzstd)
add_executable(uses_cpp prog.cpp)
target_link_libraries(uses_cpp PRIVATE zest::zest)
CMAKE
cp "$T/prog.c" "$T/downstream/prog.c"
cat >"$T/downstream/prog.cpp" <<'CPP'
#include <zest/zest.hpp>
#include <iostream>
#include <string>
int main() {
    const std::string text(50000, 'z');
    const std::string packed = zest::compress(text, zest::Level{5});
    if (zest::decompress(packed) != text) return 1;
    std::cout << zest::version() << "\n";
    return 0;
}
CPP
check "downstream configure" cmake -S "$T/downstream" -B "$T/downstream/build" -DCMAKE_PREFIX_PATH="$P"
check "downstream build" cmake --build "$T/downstream/build"
for exe in uses_shared uses_default uses_cpp; do
    check "downstream $exe runs on the installed library" bash -c \
        "ldd '$T/downstream/build/$exe' | grep -q '$P/lib/libzstd.so.1' && [ \"\$('$T/downstream/build/$exe')\" = 1.5.7 ]"
done
check "downstream static" bash -c \
    "! ldd '$T/downstream/build/uses_static' | grep -q libzstd && [ \"\$('$T/downstream/build/uses_static')\" = 1.5.7 ]"

# Uninstall removes every installed file, links included.
check "uninstall" cmake -DMANIFEST="$T/manifest.txt" -P "$SRC/cmake/uninstall.cmake"
check "nothing left" bash -c "[ -z \"\$(find '$P' ! -type d)\" ]"

# A staged install (DESTDIR), as distribution packages are built.
check "staged install" env DESTDIR="$T/stage" cmake --install "$BUILD" --prefix /opt/zest
check "staged pkg-config prefix" grep -qx 'prefix=/opt/zest' "$T/stage/opt/zest/lib/pkgconfig/libzstd.pc"
check "staged alias link" link_to "$T/stage/opt/zest/bin/zstdcat" zstd
check "staged manifest without the stage" bash -c "! grep -q '$T/stage' '$BUILD/install_manifest.txt'"

echo "install_test: $PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
