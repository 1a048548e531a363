#!/usr/bin/env bash
# A real client on zest's library: Debian's python3-zstandard (C backend),
# run by Debian's own /usr/bin/python3 with zest's libzstd.so.1 in front.
#
#   python_zstandard_test.sh LIBDIR SHIM_SO
#
# LIBDIR holds zest's libzstd.so.1; SHIM_SO is version_shim.c built as a
# shared object (the module refuses a library that does not say 1.5.4).
# Checks that zest's library is the one loaded, then round-trips data through
# the module (one-shot, streaming, dictionaries trained by zest's ZDICT_*) and
# across the reference CLI /usr/bin/zstd, which runs without zest.
# Exit 0 on success, 1 on any failure, 77 (skip) when /usr/bin/python3 cannot
# import zstandard even with the system library.
set -u

if [ $# -ne 2 ]; then
    echo "usage: $0 LIBDIR SHIM_SO" >&2
    exit 2
fi
LIBDIR=$(cd "$1" 2>/dev/null && pwd) || { echo "no such directory: $1" >&2; exit 2; }
SHIM=$(cd "$(dirname "$2")" 2>/dev/null && pwd)/$(basename "$2")
PY=/usr/bin/python3
REF=/usr/bin/zstd
[ -e "$LIBDIR/libzstd.so.1" ] || { echo "no libzstd.so.1 in $LIBDIR" >&2; exit 2; }
[ -f "$SHIM" ] || { echo "no shim: $2" >&2; exit 2; }

# Without zest at all, is the module there? If not, skip.
if [ ! -x "$PY" ] || ! env -u LD_PRELOAD -u LD_LIBRARY_PATH "$PY" -I -c 'import zstandard' >/dev/null 2>&1; then
    echo "SKIP: $PY cannot import zstandard (install python3-zstandard)"
    exit 77
fi
[ -x "$REF" ] || { echo "SKIP: no reference CLI $REF"; exit 77; }

# PYTHON_ZSTANDARD_IMPORT_POLICY=cext: no silent fallback to the cffi backend,
# which carries its own copy of zstd.
LD_LIBRARY_PATH=$LIBDIR LD_PRELOAD=$SHIM PYTHON_ZSTANDARD_IMPORT_POLICY=cext \
    ZEST_LIBDIR=$LIBDIR REF_ZSTD=$REF "$PY" -I - <<'PYTHON'
import io
import os
import random
import subprocess
import sys
import tempfile

LIBDIR = os.path.realpath(os.environ["ZEST_LIBDIR"])
REF = os.environ["REF_ZSTD"]
# The reference CLI must use Debian's library, not ours.
CLEAN_ENV = {k: v for k, v in os.environ.items() if k not in ("LD_PRELOAD", "LD_LIBRARY_PATH")}

passed = 0
failed = 0


def check(desc, ok):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL: " + desc, flush=True)


def attempt(desc, fn):
    """Runs fn(); an exception counts as a failure of desc."""
    try:
        return fn()
    except Exception as e:  # noqa: BLE001 - any error is a test failure
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


try:
    import zstandard
except ImportError as e:
    print("FAIL: import zstandard with zest's library: %s" % e)
    sys.exit(1)

libs = mapped_libzstd()
print("libzstd mapped: " + ", ".join(sorted(libs)))
check("libzstd is mapped", len(libs) > 0)
check("every libzstd mapping is zest's (under %s): %s" % (LIBDIR, sorted(libs)),
      all(os.path.dirname(os.path.realpath(p)) == LIBDIR for p in libs))
check("the C backend is in use (got %s)" % zstandard.backend, zstandard.backend == "cext")
if failed:
    sys.exit(1)

# ------------------------------------------------------------------ inputs
rng = random.Random(1234)
lines = []
for i in range(30000):
    lines.append("%06d %s value=%d\n" % (i, rng.choice(["alpha", "beta", "gamma", "delta"]), rng.randrange(1000)))
compressible = "".join(lines).encode()[: 1 << 20]
INPUTS = {
    "empty": b"",
    "one byte": b"x",
    "small": b"The quick brown fox jumps over the lazy dog. " * 3,
    "1 MB compressible": compressible,
    "random 256 KiB": rng.randbytes(256 << 10),
    "zeros 300 KiB": bytes(300 << 10),
}
LEVELS = [1, 3, 19, -1, -5]

# --------------------------------------------------------- one-shot round trips
dctx = zstandard.ZstdDecompressor()
for name, data in INPUTS.items():
    for level in LEVELS:
        desc = "one-shot %s at level %d" % (name, level)
        frame = attempt(desc, lambda: zstandard.ZstdCompressor(level=level).compress(data))
        if frame is None:
            continue
        back = attempt(desc + " (decompress)", lambda: dctx.decompress(frame))
        check(desc, back == data)
        params = attempt(desc + " (frame parameters)", lambda: zstandard.get_frame_parameters(frame))
        if params is not None:
            check(desc + ": content size in the header", params.content_size == len(data))
    if len(data) > 1000 and name != "random 256 KiB":
        fast = len(zstandard.ZstdCompressor(level=1).compress(data))
        strong = len(zstandard.ZstdCompressor(level=19).compress(data))
        check("%s: level 19 (%d) not larger than level 1 (%d)" % (name, strong, fast), strong <= fast)

# Options that change the frame header.
data = INPUTS["1 MB compressible"]
frame = zstandard.ZstdCompressor(level=3, write_checksum=True, write_content_size=False).compress(data)
params = zstandard.get_frame_parameters(frame)
check("write_checksum=True sets the checksum flag", params.has_checksum)
check("write_content_size=False leaves the size out",
      params.content_size == zstandard.CONTENTSIZE_UNKNOWN)
check("a frame without content size decodes with max_output_size",
      dctx.decompress(frame, max_output_size=len(data)) == data)
frame = zstandard.ZstdCompressor(level=3, threads=2).compress(data)
check("threads=2 round trip", dctx.decompress(frame) == data)
# Several jobs on worker threads (inputs over 512 KiB go to the workers):
# one-shot, streaming, and multi_compress_to_buffer over a pool of threads.
big = compressible * 3 + rng.randbytes(300 << 10)
mtparams = zstandard.ZstdCompressionParameters.from_level(3, threads=2, job_size=1 << 20)
frame = zstandard.ZstdCompressor(compression_params=mtparams).compress(big)
check("threads=2 with 1 MiB jobs: round trip", dctx.decompress(frame) == big)
frame = zstandard.ZstdCompressor(level=5, threads=-1).compress(big)
check("threads=-1 (one per core): round trip", dctx.decompress(frame) == big)
sink = io.BytesIO()
with zstandard.ZstdCompressor(level=3, threads=2).stream_writer(sink, closefd=False) as w:
    for at in range(0, len(big), 100000):
        w.write(big[at:at + 100000])
check("threads=2 stream_writer: round trip",
      zstandard.ZstdDecompressor().decompressobj().decompress(sink.getvalue()) == big)
params = zstandard.ZstdCompressionParameters.from_level(6, window_log=20, enable_ldm=True)
frame = zstandard.ZstdCompressor(compression_params=params).compress(data)
check("explicit compression parameters (window_log=20, ldm)", dctx.decompress(frame) == data)


# ---------------------------------------------------------------- streaming
def stream_compress(data, level, chunk, size=-1, **kw):
    sink = io.BytesIO()
    writer = zstandard.ZstdCompressor(level=level, **kw).stream_writer(sink, size=size, closefd=False)
    for at in range(0, len(data), chunk):
        writer.write(data[at:at + chunk])
    writer.flush(zstandard.FLUSH_BLOCK)
    writer.close()
    return sink.getvalue()


def stream_decompress(frame, chunk, **kw):
    reader = zstandard.ZstdDecompressor(**kw).stream_reader(io.BytesIO(frame))
    parts = []
    while True:
        part = reader.read(chunk)
        if not part:
            break
        parts.append(part)
    reader.close()
    return b"".join(parts)


for name, data in INPUTS.items():
    for level in LEVELS:
        desc = "streaming %s at level %d" % (name, level)
        frame = attempt(desc, lambda: stream_compress(data, level, 10000))
        if frame is not None:
            check(desc, attempt(desc + " (stream_reader)", lambda: stream_decompress(frame, 7777)) == data)
data = INPUTS["1 MB compressible"]
frame = stream_compress(data[:5000], 3, 1, size=5000, write_checksum=True)
check("stream_writer with size=: content size in the header",
      zstandard.get_frame_parameters(frame).content_size == 5000)
check("stream_writer with 1-byte writes, stream_reader with 1-byte reads", stream_decompress(frame, 1) == data[:5000])
cobj = zstandard.ZstdCompressor(level=3).compressobj()
frame = b"".join(cobj.compress(data[at:at + 65536]) for at in range(0, len(data), 65536)) + cobj.flush()
dobj = zstandard.ZstdDecompressor().decompressobj()
check("compressobj / decompressobj", dobj.decompress(frame) == data)
two = stream_compress(b"first frame ", 3, 100) + stream_compress(b"second frame", 3, 100)
reader = zstandard.ZstdDecompressor().stream_reader(io.BytesIO(two))
check("stream_reader: one read() call ends at the frame boundary", reader.read(100) == b"first frame ")
reader = zstandard.ZstdDecompressor().stream_reader(io.BytesIO(two), read_across_frames=True)
check("read_across_frames=True joins two frames", reader.read() == b"first frame second frame")

# ------------------------------------------------------------------- errors
for desc, bad in [("garbage", b"not a zstd frame at all"),
                  ("truncated frame", zstandard.ZstdCompressor().compress(INPUTS["small"])[:-5])]:
    try:
        zstandard.ZstdDecompressor().decompress(bad)
        check(desc + " is rejected", False)
    except zstandard.ZstdError:
        check(desc + " is rejected", True)
frame = bytearray(zstandard.ZstdCompressor(write_checksum=True).compress(INPUTS["1 MB compressible"]))
frame[-2] ^= 0xFF  # the checksum
try:
    zstandard.ZstdDecompressor().decompress(bytes(frame))
    check("a wrong checksum is rejected", False)
except zstandard.ZstdError:
    check("a wrong checksum is rejected", True)

# -------------------------------------------------------------- dictionaries
rng = random.Random(99)
users = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi"]
actions = ["login", "logout", "purchase", "view", "search", "upload"]


def record(i):
    user = rng.choice(users)
    return ('{"id":%d,"user":"%s","email":"%s@example.com","action":"%s","amount":%.2f,'
            '"ts":"2024-%02d-%02dT%02d:%02d:00Z","ok":%s}\n'
            % (i, user, user, rng.choice(actions), rng.random() * 1000, rng.randrange(1, 13),
               rng.randrange(1, 29), rng.randrange(24), rng.randrange(60),
               "true" if rng.random() < 0.8 else "false")).encode()


samples = [record(i) for i in range(2000)]
held = [record(i) for i in range(2000, 2100)]

zdict = attempt("train_dictionary(8192, 2000 samples)", lambda: zstandard.train_dictionary(8192, samples))
if zdict is not None:
    raw = zdict.as_bytes()
    check("trained dictionary: at most 8192 bytes (%d)" % len(raw), 0 < len(raw) <= 8192)
    check("trained dictionary: magic", raw[:4] == b"\x37\xa4\x30\xec")
    check("trained dictionary: dict_id() matches bytes 4-7",
          zdict.dict_id() == int.from_bytes(raw[4:8], "little") and zdict.dict_id() != 0)
    plain = sum(len(zstandard.ZstdCompressor(level=3).compress(r)) for r in held)
    for level in LEVELS:
        desc = "dictionary at level %d" % level
        cctx = zstandard.ZstdCompressor(level=level, dict_data=zdict)
        ddctx = zstandard.ZstdDecompressor(dict_data=zdict)
        frames = attempt(desc, lambda: [cctx.compress(r) for r in held])
        if frames is None:
            continue
        check(desc + ": round trip", attempt(desc, lambda: [ddctx.decompress(f) for f in frames]) == held)
        check(desc + ": frames carry the dictionary ID",
              all(zstandard.get_frame_parameters(f).dict_id == zdict.dict_id() for f in frames))
        if level == 3:
            packed = sum(len(f) for f in frames)
            check("dictionary shrinks held-out records (%d -> %d bytes)" % (plain, packed),
                  packed * 10 < plain * 7)
    frame = stream_compress(b"".join(held), 3, 1000, dict_data=zdict)
    check("dictionary with streaming", stream_decompress(frame, 500, dict_data=zdict) == b"".join(held))
    zdict.precompute_compress(level=5)
    frame = zstandard.ZstdCompressor(level=5, dict_data=zdict).compress(held[0])
    check("precomputed dictionary", zstandard.ZstdDecompressor(dict_data=zdict).decompress(frame) == held[0])
    try:
        zstandard.ZstdDecompressor().decompress(zstandard.ZstdCompressor(dict_data=zdict).compress(held[1]))
        check("a dictionary frame without the dictionary is rejected", False)
    except zstandard.ZstdError:
        check("a dictionary frame without the dictionary is rejected", True)

kd = attempt("train_dictionary with k=200, d=8, dict_id=4242, level=5",
             lambda: zstandard.train_dictionary(4096, samples, k=200, d=8, dict_id=4242, level=5))
if kd is not None:
    check("k/d training: size at most 4096 (%d)" % len(kd.as_bytes()), 0 < len(kd.as_bytes()) <= 4096)
    check("k/d training: dict_id=4242 (got %d)" % kd.dict_id(), kd.dict_id() == 4242)
    frame = zstandard.ZstdCompressor(dict_data=kd).compress(held[2])
    check("k/d dictionary round trip", zstandard.ZstdDecompressor(dict_data=kd).decompress(frame) == held[2])
tk = attempt("train_dictionary with threads=2, steps=8",
             lambda: zstandard.train_dictionary(4096, samples, threads=2, steps=8))
if tk is not None:
    frame = zstandard.ZstdCompressor(dict_data=tk).compress(held[3])
    check("threaded training round trip", zstandard.ZstdDecompressor(dict_data=tk).decompress(frame) == held[3])
try:
    zstandard.train_dictionary(8192, samples[:3])
    check("training on 3 samples is refused", False)
except zstandard.ZstdError:
    check("training on 3 samples is refused", True)

# A raw-content dictionary (no header: the bytes are the history).
content = b"".join(samples[:50])
rawd = zstandard.ZstdCompressionDict(content, dict_type=zstandard.DICT_TYPE_RAWCONTENT)
frame = zstandard.ZstdCompressor(level=3, dict_data=rawd).compress(held[4])
check("raw-content dictionary round trip",
      zstandard.ZstdDecompressor(dict_data=rawd).decompress(frame) == held[4])
check("raw-content dictionary helps", len(frame) < len(zstandard.ZstdCompressor(level=3).compress(held[4])))


# ---------------------------------------------------------- the reference CLI
def run_ref(args, stdin=None):
    feed = {"input": stdin} if stdin is not None else {"stdin": subprocess.DEVNULL}
    return subprocess.run([REF] + args, capture_output=True, env=CLEAN_ENV, timeout=60, **feed)


ver = run_ref(["-V"])
check("the reference CLI runs without zest", ver.returncode == 0 and b"v1.5.7" not in ver.stdout)

with tempfile.TemporaryDirectory(prefix="zest_pyzstd.") as tmp:
    def path(name):
        return os.path.join(tmp, name)

    for name, data in INPUTS.items():
        for level in [1, 3, 19, -1]:
            desc = "%s at level %d" % (name, level)
            zst = path("ours.zst")
            with open(zst, "wb") as f:
                f.write(zstandard.ZstdCompressor(level=level, write_checksum=True).compress(data))
            out = run_ref(["-q", "-d", "-c", zst])
            check(desc + ": the reference CLI decodes zest's frame", out.returncode == 0 and out.stdout == data)
            src = path("input.bin")
            with open(src, "wb") as f:
                f.write(data)
            out = run_ref(["-q", "-c", "--ultra", "-%d" % level if level > 0 else "--fast=%d" % -level, src])
            check(desc + ": the reference CLI compresses", out.returncode == 0)
            if out.returncode == 0:
                back = attempt(desc + ": zest decodes the reference's frame",
                               lambda: zstandard.ZstdDecompressor().decompress(out.stdout))
                check(desc + ": zest decodes the reference's frame", back == data)
        # From a pipe: no content size in the header, so stream it.
        out = run_ref(["-q", "-c", "-3"], stdin=data)
        check(name + ": reference frame from a pipe decodes by streaming",
              out.returncode == 0 and stream_decompress(out.stdout, 65536) == data)
    out = run_ref(["-q", "-c", "--long=24", "-T2", "-B1M"], stdin=INPUTS["1 MB compressible"] * 3)
    check("reference multi-threaded --long frame decodes by streaming",
          out.returncode == 0 and stream_decompress(out.stdout, 65536) == INPUTS["1 MB compressible"] * 3)

    if zdict is not None:
        dpath = path("zest.dict")
        with open(dpath, "wb") as f:
            f.write(zdict.as_bytes())
        for i, r in enumerate(held[:20]):
            zst = path("d%d.zst" % i)
            with open(zst, "wb") as f:
                f.write(zstandard.ZstdCompressor(level=3, dict_data=zdict).compress(r))
            out = run_ref(["-q", "-d", "-c", "-D", dpath, zst])
            check("record %d: the reference CLI decodes zest's dictionary frame" % i,
                  out.returncode == 0 and out.stdout == r)
            src = path("r%d.json" % i)
            with open(src, "wb") as f:
                f.write(r)
            out = run_ref(["-q", "-c", "-19", "-D", dpath, src])
            check("record %d: zest decodes the reference's frame made with zest's dictionary" % i,
                  out.returncode == 0 and zstandard.ZstdDecompressor(dict_data=zdict).decompress(out.stdout) == r)

    # A dictionary trained by the reference CLI, used by zest.
    sdir = path("samples")
    os.mkdir(sdir)
    for i, s in enumerate(samples[:600]):
        with open(os.path.join(sdir, "s%04d.json" % i), "wb") as f:
            f.write(s)
    rdict = path("ref.dict")
    out = run_ref(["-q", "--train", "-r", sdir, "--maxdict=4096", "-o", rdict])
    check("the reference CLI trains a dictionary", out.returncode == 0)
    if out.returncode == 0:
        with open(rdict, "rb") as f:
            rd = zstandard.ZstdCompressionDict(f.read())
        for i, r in enumerate(held[20:30]):
            frame = zstandard.ZstdCompressor(level=3, dict_data=rd).compress(r)
            zst = path("rd%d.zst" % i)
            with open(zst, "wb") as f:
                f.write(frame)
            out = run_ref(["-q", "-d", "-c", "-D", rdict, zst])
            check("reference dictionary, record %d: zest -> reference" % i, out.returncode == 0 and out.stdout == r)
            src = path("rr%d.json" % i)
            with open(src, "wb") as f:
                f.write(r)
            out = run_ref(["-q", "-c", "-D", rdict, src])
            check("reference dictionary, record %d: reference -> zest" % i,
                  out.returncode == 0 and zstandard.ZstdDecompressor(dict_data=rd).decompress(out.stdout) == r)

libs_after = mapped_libzstd()
check("still only zest's libzstd mapped at the end: %s" % sorted(libs_after),
      all(os.path.dirname(os.path.realpath(p)) == LIBDIR for p in libs_after))
print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
PYTHON
