#!/usr/bin/env bash
# Real clients on the installed library: programs people use, unchanged
# (Debian's binaries, built against Debian's libzstd 1.5.4), run on zest's
# libzstd.so.1 through LD_LIBRARY_PATH, each round trip checked against the
# reference (Debian's /usr/bin/zstd and Debian's own libzstd).
#
#   real_clients_test.sh BUILD_DIR SOURCE_DIR VERSION_SHIM
#
# Installs BUILD_DIR into a scratch prefix (restoring the build's
# install_manifest.txt afterwards, as tests/install/install_test.sh does), then
# exercises bsdtar, rsync, mksquashfs/unsquashfs, curl and python3-zstandard.
# Every run on zest is made with LD_DEBUG=libs into a log, and the log must show
# that each process initialised $PREFIX/lib/libzstd.so.1 and no other libzstd:
# a client that silently ran on /lib/x86_64-linux-gnu/libzstd.so.1 proves
# nothing. VERSION_SHIM (version_shim.c) is preloaded for python3-zstandard,
# which refuses a library that does not report 1.5.4.
# A missing program is skipped; exit 77 when none could run, 1 on any failure.
set -u

if [ $# -ne 3 ]; then
    echo "usage: $0 BUILD_DIR SOURCE_DIR VERSION_SHIM" >&2
    exit 2
fi
BUILD=$(cd "$1" 2>/dev/null && pwd) || { echo "no such directory: $1" >&2; exit 2; }
SRC=$(cd "$2" 2>/dev/null && pwd) || { echo "no such directory: $2" >&2; exit 2; }
SHIM=$(cd "$(dirname "$3")" 2>/dev/null && pwd)/$(basename "$3")
[ -f "$SHIM" ] || { echo "no version shim: $3" >&2; exit 2; }
[ -f "$SRC/include/zstd.h" ] || { echo "not a zest source tree: $SRC" >&2; exit 2; }
REF=/usr/bin/zstd
SYSPY=/usr/bin/python3
if [ ! -x "$REF" ]; then
    echo "SKIP: reference CLI $REF not installed"
    exit 77
fi

T=$(mktemp -d "${TMPDIR:-/tmp}/zest_real_clients.XXXXXX")
SERVER_PID=
# Installing rewrites the build's install_manifest.txt: put the user's back.
if [ -f "$BUILD/install_manifest.txt" ]; then cp "$BUILD/install_manifest.txt" "$T/user_manifest.txt"; fi
cleanup() {
    if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null; fi
    if [ -f "$T/user_manifest.txt" ]; then cp "$T/user_manifest.txt" "$BUILD/install_manifest.txt"
    else rm -f "$BUILD/install_manifest.txt"; fi
    rm -rf "$T"
}
trap cleanup EXIT
P=$T/prefix
LIB=$P/lib
LD=$T/ld          # LD_DEBUG logs, one prefix per command (files NAME.PID)
mkdir -p "$LD"
PASS=0
FAIL=0
RAN=0

check() {
    local desc=$1
    shift
    if "$@" >"$T/last.log" 2>&1; then
        PASS=$((PASS + 1))
    else
        FAIL=$((FAIL + 1))
        echo "FAIL: $desc"
        sed 's/^/  | /' "$T/last.log" | tail -25
    fi
}
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
have() {
    local prog
    for prog in "$@"; do
        if [ ! -x "$prog" ]; then echo "SKIP: $(basename "$prog") not installed"; return 1; fi
    done
}

# ZEST NAME CMD...: CMD on zest's library, its loader log in $LD/NAME.PID.
ZEST() {
    local name=$1
    shift
    env -u LD_PRELOAD LD_LIBRARY_PATH="$LIB" LD_DEBUG=libs LD_DEBUG_OUTPUT="$LD/$name" timeout 60 "$@"
}
# SYS NAME CMD...: CMD on Debian's library (no LD_LIBRARY_PATH), logged the same way.
SYS() {
    local name=$1
    shift
    env -u LD_PRELOAD -u LD_LIBRARY_PATH LD_DEBUG=libs LD_DEBUG_OUTPUT="$LD/$name" timeout 60 "$@"
}
# The libzstd each process of the run NAME initialised: "PID PATH" lines.
libzstd_inits() {
    local f
    for f in "$LD/$1".*; do
        [ -f "$f" ] || continue
        sed -n 's/^ *\([0-9]*\):[[:space:]]*calling init: \(.*\/libzstd\.so[.0-9]*\)$/\1 \2/p' "$f"
    done | sort -u
}
# loaded_zest NAME [N]: at least N processes (default 1) of the run NAME
# initialised zest's $LIB/libzstd.so.1, and none initialised another libzstd.
loaded_zest() {
    local want=${2:-1} inits ours others
    inits=$(libzstd_inits "$1")
    ours=$(printf '%s\n' "$inits" | grep -c " $LIB/libzstd\.so\.1$")
    others=$(printf '%s\n' "$inits" | grep -v " $LIB/libzstd\.so\.1$" | grep -c .)
    echo "libzstd initialised by '$1':"
    printf '%s\n' "${inits:-  (none)}"
    [ "$ours" -ge "$want" ] && [ "$others" -eq 0 ]
}
# loaded_system NAME: the run NAME initialised a libzstd, none of them zest's.
loaded_system() {
    local inits
    inits=$(libzstd_inits "$1")
    echo "libzstd initialised by '$1':"
    printf '%s\n' "${inits:-  (none)}"
    [ -n "$inits" ] && ! printf '%s\n' "$inits" | grep -q " $P/"
}
same_tree() { diff -r --no-dereference "$1" "$2"; }
smaller() { local a b; a=$(stat -c %s "$1"); b=$(stat -c %s "$2"); echo "$1: $a bytes, $2: $b bytes"; [ "$a" -lt "$b" ]; }
ref_decodes_to() { "$REF" -q -d -c "$1" | cmp - "$2"; }

# ----------------------------------------------------------------- install
check "cmake --install" cmake --install "$BUILD" --prefix "$P"
if [ ! -e "$LIB/libzstd.so.1" ]; then
    echo "FAIL: no $LIB/libzstd.so.1 after the install"
    echo "real_clients_test: $PASS passed, $((FAIL + 1)) failed"
    exit 1
fi
ZCLI=$P/bin/zstd

# --------------------------------------------------------------- test data
# A few MB: text (licenses, headers), zeros, random bytes, an empty file,
# symlinks and nested directories.
D=$T/data
mkdir -p "$D/sub/deep/er"
cp -a /usr/share/common-licenses "$D/licenses" 2>/dev/null || printf 'license text\n%.0s' $(seq 1000) >"$D/licenses.txt"
cat /usr/include/*.h 2>/dev/null | head -c 2000000 >"$D/headers.txt"
[ -s "$D/headers.txt" ] || seq 1 300000 >"$D/headers.txt"
head -c 300000 /dev/urandom >"$D/sub/random.bin"
head -c 200000 /dev/zero >"$D/sub/zeros.bin"
: >"$D/sub/empty"
seq 1 20000 >"$D/sub/deep/er/numbers.txt"
ln -s ../headers.txt "$D/sub/headers.link"
ln -s deep/er "$D/sub/dir.link"

# ================================================================== bsdtar
client_bsdtar() {
    local B=$T/bsdtar
    mkdir -p "$B"
    # zest compresses, the reference decodes.
    check "bsdtar --zstd -c on zest" ZEST bsdtar_c bsdtar --zstd -cf "$B/zest.tar.zst" -C "$T" data
    check "bsdtar -c loaded zest's library" loaded_zest bsdtar_c
    check "bsdtar/zest archive: the reference CLI checks it" "$REF" -q -t "$B/zest.tar.zst"
    mkdir -p "$B/x1"
    check "bsdtar/zest archive: reference zstd -d | tar -x" bash -o pipefail -c "'$REF' -q -d -c '$B/zest.tar.zst' | tar -xf - -C '$B/x1'"
    check "bsdtar/zest archive: same tree" same_tree "$D" "$B/x1/data"
    # Level 19 through libarchive's option, and worker threads.
    check "bsdtar zstd:compression-level=19 on zest" \
        ZEST bsdtar_c19 bsdtar --zstd --options zstd:compression-level=19 -cf "$B/zest19.tar.zst" -C "$T" data
    check "bsdtar level 19 loaded zest's library" loaded_zest bsdtar_c19
    check "bsdtar level 19 is smaller than the default" smaller "$B/zest19.tar.zst" "$B/zest.tar.zst"
    mkdir -p "$B/x2"
    check "bsdtar level 19: reference zstd -d | tar -x" bash -o pipefail -c "'$REF' -q -d -c '$B/zest19.tar.zst' | tar -xf - -C '$B/x2'"
    check "bsdtar level 19: same tree" same_tree "$D" "$B/x2/data"
    if ZEST bsdtar_opt bsdtar --zstd --options zstd:threads=2 -cf "$B/probe.tar.zst" -C "$D" sub/empty >/dev/null 2>&1; then
        check "bsdtar zstd:threads=2 on zest" \
            ZEST bsdtar_mt bsdtar --zstd --options zstd:threads=2,zstd:compression-level=5 -cf "$B/zestmt.tar.zst" -C "$T" data
        check "bsdtar threads=2 loaded zest's library" loaded_zest bsdtar_mt
        mkdir -p "$B/x3"
        check "bsdtar threads=2: reference zstd -d | tar -x" bash -o pipefail -c "'$REF' -q -d -c '$B/zestmt.tar.zst' | tar -xf - -C '$B/x3'"
        check "bsdtar threads=2: same tree" same_tree "$D" "$B/x3/data"
    else
        echo "SKIP: this bsdtar has no zstd:threads option"
    fi
    # The reference compresses, zest decodes (from a file and from a pipe).
    check "reference tar | zstd -19" bash -o pipefail -c "tar -cf - -C '$T' data | '$REF' -q -19 -c >'$B/ref.tar.zst'"
    mkdir -p "$B/x4" "$B/x5"
    check "bsdtar -xf on zest (reference archive)" ZEST bsdtar_x bsdtar -xf "$B/ref.tar.zst" -C "$B/x4"
    check "bsdtar -x loaded zest's library" loaded_zest bsdtar_x
    check "bsdtar -x of the reference archive: same tree" same_tree "$D" "$B/x4/data"
    check "bsdtar -xf - from a pipe on zest" bash -o pipefail -c "ZEST bsdtar_xp bsdtar -xf - -C '$B/x5' <'$B/ref.tar.zst'"
    check "bsdtar -x from a pipe loaded zest's library" loaded_zest bsdtar_xp
    check "bsdtar -x from a pipe: same tree" same_tree "$D" "$B/x5/data"
    check "bsdtar -tf lists the reference archive on zest" \
        bash -o pipefail -c "ZEST bsdtar_t bsdtar -tf '$B/ref.tar.zst' | sort >'$B/list.zest' && '$REF' -q -d -c '$B/ref.tar.zst' | tar -tf - | sort | diff - '$B/list.zest' && loaded_zest bsdtar_t"
    # An archive in two frames (the reference's, then zest's CLI's): bsdtar
    # must read across the frame boundary.
    check "two-frame archive" bash -o pipefail -c "tar -cf - -C '$T' data >'$B/plain.tar' && head -c 1000000 '$B/plain.tar' | '$REF' -q -3 -c >'$B/two.tar.zst' && tail -c +1000001 '$B/plain.tar' | '$ZCLI' -q -7 -c >>'$B/two.tar.zst'"
    mkdir -p "$B/x6"
    check "bsdtar -x of a two-frame archive on zest" ZEST bsdtar_x2 bsdtar -xf "$B/two.tar.zst" -C "$B/x6"
    check "bsdtar -x of two frames loaded zest's library" loaded_zest bsdtar_x2
    check "bsdtar -x of a two-frame archive: same tree" same_tree "$D" "$B/x6/data"
    return 0
}

# =================================================================== rsync
client_rsync() {
    local R=$T/rsync total
    mkdir -p "$R"
    cp -a "$D" "$R/src"
    # The remote shell: runs "rsync --server ..." locally, on the library the
    # wrapper names, with its own loader log. Both ends are then separate
    # processes speaking the compressed protocol over a pipe.
    cat >"$R/rsh_zest" <<EOF
#!/bin/sh
shift
exec env -u LD_PRELOAD LD_LIBRARY_PATH='$LIB' LD_DEBUG=libs LD_DEBUG_OUTPUT="\$RC_SERVER_LOG" "\$@"
EOF
    cat >"$R/rsh_sys" <<'EOF'
#!/bin/sh
shift
exec env -u LD_PRELOAD -u LD_LIBRARY_PATH LD_DEBUG=libs LD_DEBUG_OUTPUT="$RC_SERVER_LOG" "$@"
EOF
    chmod +x "$R/rsh_zest" "$R/rsh_sys"
    total=$(du -sb "$R/src" | cut -f1)
    # compressed sent|received STATS: the client's --stats output says zstd
    # was negotiated, and fewer bytes went over the wire (sent by the client on
    # a push, received on a pull) than the files hold.
    compressed() {
        local wire
        wire=$(sed -n "s/^Total bytes $1: \([0-9,]*\).*/\1/p" "$2" | tr -d ,)
        grep -E "compress: zstd" "$2"
        echo "bytes $1: ${wire:-?}, tree: $total"
        grep -q "Client compress: zstd" "$2" && [ -n "$wire" ] && [ "$wire" -lt $((total * 7 / 10)) ]
    }
    # Push, zest on both ends: the client compresses, the server decodes.
    check "rsync -z --compress-choice=zstd push, zest on both ends" \
        env RC_SERVER_LOG="$LD/rsync_push_srv" bash -c "ZEST rsync_push rsync -a -z --compress-choice=zstd --stats --debug=nstr -e '$R/rsh_zest' '$R/src/' 'localhost:$R/dst1/' >'$R/push.out'"
    check "rsync push: the client loaded zest's library" loaded_zest rsync_push
    check "rsync push: the server loaded zest's library" loaded_zest rsync_push_srv
    check "rsync push: the data went compressed with zstd" compressed sent "$R/push.out"
    check "rsync push: same tree" same_tree "$R/src" "$R/dst1"
    # Change the source and sync again: a delta transfer (matched blocks and
    # literals) in a fresh zstd stream, at level 19.
    printf 'appended line %s\n' $(seq 1 3000) >>"$R/src/headers.txt"
    printf 'REPLACED' | dd of="$R/src/sub/deep/er/numbers.txt" bs=1 seek=5000 conv=notrunc 2>/dev/null
    head -c 100000 /dev/urandom >"$R/src/sub/new.bin"
    check "rsync delta push at --compress-level=19, zest on both ends" \
        env RC_SERVER_LOG="$LD/rsync_delta_srv" bash -c "ZEST rsync_delta rsync -a -z --compress-choice=zstd --compress-level=19 --no-whole-file --stats --debug=nstr -e '$R/rsh_zest' '$R/src/' 'localhost:$R/dst1/' >'$R/delta.out'"
    check "rsync delta: both ends loaded zest's library" bash -c "loaded_zest rsync_delta && loaded_zest rsync_delta_srv"
    check "rsync delta: blocks were matched" bash -c "grep -E '^Matched data: [1-9]' '$R/delta.out'"
    check "rsync delta: same tree" same_tree "$R/src" "$R/dst1"
    # Pull, zest on both ends: the server compresses, the client decodes.
    check "rsync -z pull, zest on both ends" \
        env RC_SERVER_LOG="$LD/rsync_pull_srv" bash -c "ZEST rsync_pull rsync -a -z --compress-choice=zstd --stats --debug=nstr -e '$R/rsh_zest' 'localhost:$R/src/' '$R/dst2/' >'$R/pull.out'"
    check "rsync pull: both ends loaded zest's library" bash -c "loaded_zest rsync_pull && loaded_zest rsync_pull_srv"
    check "rsync pull: the data came compressed with zstd" compressed received "$R/pull.out"
    check "rsync pull: same tree" same_tree "$R/src" "$R/dst2"
    # Mixed: zest compresses and Debian's library decodes, and the other way.
    check "rsync push: zest client to a server on Debian's library" \
        env RC_SERVER_LOG="$LD/rsync_zs_srv" bash -c "ZEST rsync_zs rsync -a -z --compress-choice=zstd --stats --debug=nstr -e '$R/rsh_sys' '$R/src/' 'localhost:$R/dst3/' >'$R/zs.out'"
    check "rsync zest->Debian: client on zest, server on Debian's library" \
        bash -c "loaded_zest rsync_zs && loaded_system rsync_zs_srv"
    check "rsync zest->Debian: the data went compressed with zstd" compressed sent "$R/zs.out"
    check "rsync zest->Debian: same tree" same_tree "$R/src" "$R/dst3"
    check "rsync push: client on Debian's library to a server on zest" \
        env RC_SERVER_LOG="$LD/rsync_sz_srv" bash -c "SYS rsync_sz rsync -a -z --compress-choice=zstd --stats --debug=nstr -e '$R/rsh_zest' '$R/src/' 'localhost:$R/dst4/' >'$R/sz.out'"
    check "rsync Debian->zest: client on Debian's library, server on zest" \
        bash -c "loaded_system rsync_sz && loaded_zest rsync_sz_srv"
    check "rsync Debian->zest: the data went compressed with zstd" compressed sent "$R/sz.out"
    check "rsync Debian->zest: same tree" same_tree "$R/src" "$R/dst4"
    return 0
}

# ============================================================== squashfs
client_squashfs() {
    local S=$T/squashfs
    local opts=(-noappend -quiet -no-progress -processors 2)
    mkdir -p "$S"
    check "mksquashfs -comp zstd -Xcompression-level 19 on zest" \
        ZEST mksq mksquashfs "$D" "$S/zest.img" -comp zstd -Xcompression-level 19 "${opts[@]}"
    check "mksquashfs loaded zest's library" loaded_zest mksq
    check "the image says zstd at level 19" \
        bash -c "unsquashfs -s '$S/zest.img' >'$S/zest.stat' && grep -qx 'Compression zstd' '$S/zest.stat' && grep -Eq '^[[:space:]]*compression-level 19$' '$S/zest.stat'"
    check "unsquashfs of zest's image on zest" ZEST unsq_zz unsquashfs -q -n -p 2 -d "$S/zz" "$S/zest.img"
    check "unsquashfs loaded zest's library" loaded_zest unsq_zz
    check "zest's image read by zest: same tree" same_tree "$D" "$S/zz"
    check "unsquashfs of zest's image on Debian's library" SYS unsq_zs unsquashfs -q -n -p 2 -d "$S/zs" "$S/zest.img"
    check "that unsquashfs loaded Debian's library" loaded_system unsq_zs
    check "zest's image read by Debian's library: same tree" same_tree "$D" "$S/zs"
    check "mksquashfs -comp zstd on Debian's library" \
        SYS mksq_sys mksquashfs "$D" "$S/sys.img" -comp zstd "${opts[@]}"
    check "that mksquashfs loaded Debian's library" loaded_system mksq_sys
    check "unsquashfs of Debian's image on zest" ZEST unsq_sz unsquashfs -q -n -p 2 -d "$S/sz" "$S/sys.img"
    check "that unsquashfs loaded zest's library" loaded_zest unsq_sz
    check "Debian's image read by zest: same tree" same_tree "$D" "$S/sz"
    check "unsquashfs -cat of one file on zest" \
        bash -o pipefail -c "ZEST unsq_cat unsquashfs -cat '$S/sys.img' headers.txt | cmp - '$D/headers.txt' && loaded_zest unsq_cat"
    return 0
}

# ==================================================================== curl
client_curl() {
    local C=$T/curl port i
    mkdir -p "$C"
    # Bodies: one by the reference, one by zest's CLI at -19 with a checksum,
    # several frames concatenated (reference, zest, an empty frame, a
    # skippable frame, reference again), one damaged.
    head -c 700000 "$D/headers.txt" >"$C/orig"
    cat "$D/licenses"/* 2>/dev/null | head -c 200000 >>"$C/orig"
    head -c 50000 "$D/sub/random.bin" >>"$C/orig"
    "$REF" -q -3 -c "$C/orig" >"$C/ref.zst"
    "$ZCLI" -q -19 --check -c "$C/orig" >"$C/zest19.zst"
    head -c 400000 "$C/orig" >"$C/part1"
    tail -c +400001 "$C/orig" | head -c 300000 >"$C/part2"
    tail -c +700001 "$C/orig" >"$C/part3"
    {
        "$REF" -q -1 -c "$C/part1"
        "$ZCLI" -q -9 --check -c "$C/part2" </dev/null
        printf '' | "$REF" -q -c
        printf '\x50\x2a\x4d\x18\x05\x00\x00\x00hello'
        "$REF" -q -5 -c <"$C/part3"
    } >"$C/multi.zst"
    # The damaged body: one bit of the frame's checksum (the last 4 bytes) flipped.
    cp "$C/zest19.zst" "$C/corrupt.zst"
    local at byte
    at=$(($(stat -c %s "$C/corrupt.zst") - 2))
    byte=$(od -An -tu1 -j "$at" -N 1 "$C/corrupt.zst" | tr -d ' ')
    printf "\\x$(printf %02x $((byte ^ 1)))" | dd of="$C/corrupt.zst" bs=1 seek="$at" conv=notrunc 2>/dev/null
    cat >"$C/server.py" <<'PYTHON'
import http.server, os, sys
root, portfile, logfile = sys.argv[1:4]
ROUTES = {"/ref": "ref.zst", "/zest19": "zest19.zst", "/multi": "multi.zst",
          "/chunked": "zest19.zst", "/corrupt": "corrupt.zst"}
class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *args):
        pass
    def do_GET(self):
        accept = self.headers.get("Accept-Encoding", "")
        with open(logfile, "a") as log:
            log.write("%s Accept-Encoding: %s\n" % (self.path, accept))
        name = ROUTES.get(self.path)
        if name is None:
            self.send_error(404)
            return
        if "zstd" not in [e.split(";")[0].strip() for e in accept.split(",")]:
            self.send_error(406, "zstd not in Accept-Encoding")
            return
        with open(os.path.join(root, name), "rb") as f:
            body = f.read()
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Encoding", "zstd")
        if self.path == "/chunked":
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for at in range(0, len(body), 1000):
                part = body[at:at + 1000]
                self.wfile.write(b"%x\r\n%s\r\n" % (len(part), part))
            self.wfile.write(b"0\r\n\r\n")
        else:
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(portfile + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
os.rename(portfile + ".tmp", portfile)
server.serve_forever()
PYTHON
    env -u LD_PRELOAD -u LD_LIBRARY_PATH "$SYSPY" -I "$C/server.py" "$C" "$C/port" "$C/requests.log" </dev/null >"$C/server.log" 2>&1 &
    SERVER_PID=$!
    for i in $(seq 1 100); do [ -s "$C/port" ] && break; sleep 0.05; done
    if [ ! -s "$C/port" ]; then
        check "the local HTTP server starts" bash -c "cat '$C/server.log'; false"
        return
    fi
    port=$(cat "$C/port")
    local url=http://127.0.0.1:$port
    check "curl -V lists zstd" bash -c "ZEST curl_v curl -V | grep -qw zstd"
    check "curl -V on zest reports zest's library version" \
        bash -c "ZEST curl_v2 curl -V | grep -o 'zstd/[0-9.]*' | grep -qx 'zstd/1.5.7' && loaded_zest curl_v2"
    for i in ref zest19 multi chunked; do
        check "curl --compressed /$i on zest" ZEST "curl_$i" curl -sS --compressed --max-time 30 -o "$C/out_$i" "$url/$i"
        check "curl /$i loaded zest's library" loaded_zest "curl_$i"
        check "curl /$i on zest: the original bytes" cmp "$C/orig" "$C/out_$i"
    done
    check "curl sent Accept-Encoding with zstd" grep -q '^/ref Accept-Encoding: .*zstd' "$C/requests.log"
    # The reference library on the same bodies (is the test itself right?).
    check "curl --compressed /multi on Debian's library" \
        bash -c "SYS curl_sys curl -sS --compressed --max-time 30 '$url/multi' | cmp - '$C/orig' && loaded_system curl_sys"
    # A damaged checksum: the reference fails the transfer, so must zest.
    local rc_sys rc_zest
    SYS curl_bad_sys curl -sS --compressed --max-time 30 -o "$C/bad_sys" "$url/corrupt" 2>"$C/bad_sys.err"
    rc_sys=$?
    ZEST curl_bad curl -sS --compressed --max-time 30 -o "$C/bad_zest" "$url/corrupt" 2>"$C/bad_zest.err"
    rc_zest=$?
    check "curl on zest rejects a damaged checksum like the reference (Debian: exit $rc_sys, zest: exit $rc_zest)" \
        bash -c "cat '$C/bad_sys.err' '$C/bad_zest.err'; [ $rc_sys -ne 0 ] && [ $rc_zest -eq $rc_sys ] && loaded_zest curl_bad"
    kill "$SERVER_PID" 2>/dev/null
    wait "$SERVER_PID" 2>/dev/null
    SERVER_PID=
    return 0
}

# ======================================================= python3-zstandard
client_python() {
    local out passed failed
    if ! env -u LD_PRELOAD -u LD_LIBRARY_PATH "$SYSPY" -I -c 'import zstandard' >/dev/null 2>&1; then
        echo "SKIP: python3-zstandard not installed"
        return 1
    fi
    out=$T/python.out
    # PYTHON_ZSTANDARD_IMPORT_POLICY=cext: no fallback to the cffi backend.
    env PYTHON_ZSTANDARD_IMPORT_POLICY=cext ZEST_LIBDIR="$LIB" REF_ZSTD="$REF" DATA="$D" \
        LD_PRELOAD="$SHIM" LD_LIBRARY_PATH="$LIB" LD_DEBUG=libs LD_DEBUG_OUTPUT="$LD/python" \
        timeout 120 "$SYSPY" -I - >"$out" 2>&1 <<'PYTHON'
import io
import os
import random
import subprocess
import sys
import tempfile

LIBDIR = os.path.realpath(os.environ["ZEST_LIBDIR"])
REF = os.environ["REF_ZSTD"]
DATA = os.environ["DATA"]
CLEAN_ENV = {k: v for k, v in os.environ.items()
             if k not in ("LD_PRELOAD", "LD_LIBRARY_PATH", "LD_DEBUG", "LD_DEBUG_OUTPUT")}
passed = failed = 0


def check(desc, ok):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL: python3-zstandard: " + desc, flush=True)


def attempt(desc, fn):
    try:
        return fn()
    except Exception as e:  # noqa: BLE001 - any error is a failure
        check("%s: %s: %s" % (desc, type(e).__name__, e), False)
        return None


def mapped_libzstd():
    paths = set()
    with open("/proc/self/maps") as maps:
        for line in maps:
            fields = line.split()
            if len(fields) >= 6 and os.path.basename(fields[5]).startswith("libzstd.so"):
                paths.add(fields[5])
    return paths


def ref(args, stdin=None):
    feed = {"input": stdin} if stdin is not None else {"stdin": subprocess.DEVNULL}
    return subprocess.run([REF] + args, capture_output=True, env=CLEAN_ENV, timeout=60, **feed)


def finish():
    print("PYRESULT %d %d" % (passed, failed))
    sys.exit(0)


try:
    import zstandard
except ImportError as e:
    check("import zstandard on zest's library: %s" % e, False)
    finish()

libs = mapped_libzstd()
print("libzstd mapped in python: " + ", ".join(sorted(libs)))
check("zest's libzstd is mapped, and only it: %s" % sorted(libs),
      len(libs) > 0 and all(os.path.dirname(os.path.realpath(p)) == LIBDIR for p in libs))
check("C backend (got %s)" % zstandard.backend, zstandard.backend == "cext")
if failed:
    finish()

with open(os.path.join(DATA, "headers.txt"), "rb") as f:
    text = f.read()
with open(os.path.join(DATA, "sub", "random.bin"), "rb") as f:
    noise = f.read()
mixed = text[:600000] + noise[:100000] + text[600000:1200000]
dctx = zstandard.ZstdDecompressor()

with tempfile.TemporaryDirectory(prefix="zest_real_py.") as tmp:
    def path(name):
        return os.path.join(tmp, name)

    # One-shot, each frame also decoded by the reference CLI.
    for level in (1, 3, 19, -5):
        desc = "one-shot level %d" % level
        frame = attempt(desc, lambda: zstandard.ZstdCompressor(level=level, write_checksum=True).compress(mixed))
        if frame is None:
            continue
        check(desc + ": round trip", attempt(desc, lambda: dctx.decompress(frame)) == mixed)
        r = ref(["-q", "-d", "-c"], stdin=frame)
        check(desc + ": the reference CLI decodes it", r.returncode == 0 and r.stdout == mixed)

    # Streaming compression.
    def stream(data, chunk, **kw):
        sink = io.BytesIO()
        with zstandard.ZstdCompressor(**kw).stream_writer(sink, closefd=False) as w:
            for at in range(0, len(data), chunk):
                w.write(data[at:at + chunk])
        return sink.getvalue()

    frame = attempt("stream_writer", lambda: stream(mixed, 8191, level=6))
    if frame is not None:
        reader = zstandard.ZstdDecompressor().stream_reader(io.BytesIO(frame))
        check("stream_writer -> stream_reader", reader.read() == mixed)
        r = ref(["-q", "-d", "-c"], stdin=frame)
        check("stream_writer -> the reference CLI", r.returncode == 0 and r.stdout == mixed)

    # Multi-threaded compression on ~3 MB (several jobs).
    big = mixed * 2
    frame = attempt("ZstdCompressor(threads=2)", lambda: zstandard.ZstdCompressor(level=3, threads=2).compress(big))
    if frame is not None:
        check("threads=2: round trip", dctx.decompress(frame) == big)
        r = ref(["-q", "-d", "-c"], stdin=frame)
        check("threads=2: the reference CLI decodes it", r.returncode == 0 and r.stdout == big)
    frame = attempt("threads=2 stream_writer", lambda: stream(big, 100000, level=3, threads=2))
    if frame is not None:
        r = ref(["-q", "-d", "-c"], stdin=frame)
        check("threads=2 stream_writer: the reference CLI decodes it", r.returncode == 0 and r.stdout == big)

    # The reference CLI compresses, zest decodes (with and without a size).
    for args in (["-19"], ["-3", "--no-check"], ["--fast=3"], ["-T2", "-B1M", "--long=24"]):
        r = ref(["-q", "-c"] + args, stdin=big)
        check("reference %s compresses" % args, r.returncode == 0)
        if r.returncode == 0:
            back = attempt("zest decodes reference %s" % args,
                           lambda: zstandard.ZstdDecompressor().stream_reader(io.BytesIO(r.stdout)).read())
            check("zest decodes reference %s (from a pipe, no size)" % args, back == big)
    src = path("big.bin")
    with open(src, "wb") as f:
        f.write(big)
    r = ref(["-q", "-c", "-12", src])
    check("reference -12 of a file: one-shot decode",
          r.returncode == 0 and attempt("decompress", lambda: dctx.decompress(r.stdout)) == big)

    # A trained dictionary, used both ways with the reference CLI.
    rng = random.Random(7)
    words = text[:200000].split()
    samples = [b" ".join(rng.choice(words) for _ in range(rng.randrange(20, 80))) + b"\n"
               for _ in range(3000)]
    held = samples[-50:]
    samples = samples[:-50]
    zdict = attempt("train_dictionary", lambda: zstandard.train_dictionary(16384, samples))
    if zdict is not None:
        raw = zdict.as_bytes()
        check("trained dictionary has the magic and an ID",
              raw[:4] == b"\x37\xa4\x30\xec" and zdict.dict_id() != 0 and len(raw) <= 16384)
        dpath = path("zest.dict")
        with open(dpath, "wb") as f:
            f.write(raw)
        cctx = zstandard.ZstdCompressor(level=3, dict_data=zdict)
        ddctx = zstandard.ZstdDecompressor(dict_data=zdict)
        ok_zest = ok_ref_dec = ok_ref_enc = True
        for i, rec in enumerate(held[:20]):
            frame = cctx.compress(rec)
            ok_zest &= ddctx.decompress(frame) == rec
            r = ref(["-q", "-d", "-c", "-D", dpath], stdin=frame)
            ok_ref_dec &= r.returncode == 0 and r.stdout == rec
            r = ref(["-q", "-c", "-19", "-D", dpath], stdin=rec)
            ok_ref_enc &= r.returncode == 0 and \
                attempt("dict decode", lambda: ddctx.decompress(r.stdout, max_output_size=1 << 20)) == rec
        check("dictionary: zest -> zest", ok_zest)
        check("dictionary: zest compresses, the reference CLI decodes with it", ok_ref_dec)
        check("dictionary: the reference CLI compresses with it, zest decodes", ok_ref_enc)
        plain = sum(len(zstandard.ZstdCompressor(level=3).compress(r)) for r in held)
        packed = sum(len(cctx.compress(r)) for r in held)
        check("dictionary helps (%d -> %d bytes)" % (plain, packed), packed < plain)

libs = mapped_libzstd()
check("still only zest's libzstd mapped: %s" % sorted(libs),
      all(os.path.dirname(os.path.realpath(p)) == LIBDIR for p in libs))
finish()
PYTHON
    grep -v '^PYRESULT' "$out"
    read -r passed failed < <(sed -n 's/^PYRESULT \([0-9]*\) \([0-9]*\)$/\1 \2/p' "$out")
    if [ -z "${passed:-}" ]; then
        check "python3-zstandard script ran to the end" bash -c "tail -20 '$out'; false"
    else
        PASS=$((PASS + passed))
        FAIL=$((FAIL + failed))
    fi
    check "python3 loaded zest's library (LD_DEBUG)" loaded_zest python
    return 0
}

# ================================================================= run all
export -f ZEST SYS libzstd_inits loaded_zest loaded_system
export LIB P LD

run_client() {
    local name=$1 start
    shift
    have "$@" || return 0
    start=$(now)
    echo "--- $name"
    if "client_$name"; then RAN=$((RAN + 1)); fi
    echo "--- $name: $(elapsed "$start") s"
}
START=$(now)
run_client bsdtar /usr/bin/bsdtar /usr/bin/tar
run_client rsync /usr/bin/rsync
run_client squashfs /usr/bin/mksquashfs /usr/bin/unsquashfs
run_client curl /usr/bin/curl "$SYSPY"
run_client python "$SYSPY"
echo "total: $(elapsed "$START") s"

if [ "$RAN" -eq 0 ] && [ "$FAIL" -eq 0 ]; then
    echo "SKIP: none of the clients is installed"
    exit 77
fi
echo "real_clients_test: $PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
