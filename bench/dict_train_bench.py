#!/usr/bin/env python3
"""Dictionary training, zest against the reference, side by side in one process.

Loads both libzstd builds with ctypes (each in its own namespace), trains the
same samples with the same parameters on each, then compresses the held-out
samples with the *reference's* compressor and each dictionary, so the figure
compares dictionaries, not compressors. Prints held-out size ratios
(zest dictionary / reference dictionary) and training time ratios.

usage: dict_train_bench.py ZEST_LIB [REF_LIB] [--sets a,b] [--trainers t1,t2] [--sizes 16384,112640]
       [--levels 1,3,19] [--repeat N]
"""
import argparse, ctypes, random, tarfile, time, os

CORPUS = os.environ.get("ZEST_CORPUS", os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpus"))


class ZP(ctypes.Structure):
    _fields_ = [("compressionLevel", ctypes.c_int), ("notificationLevel", ctypes.c_uint), ("dictID", ctypes.c_uint)]


class CP(ctypes.Structure):
    _fields_ = [("k", ctypes.c_uint), ("d", ctypes.c_uint), ("steps", ctypes.c_uint), ("nbThreads", ctypes.c_uint),
                ("splitPoint", ctypes.c_double), ("shrinkDict", ctypes.c_uint),
                ("shrinkDictMaxRegression", ctypes.c_uint), ("zParams", ZP)]


class FP(ctypes.Structure):
    _fields_ = [("k", ctypes.c_uint), ("d", ctypes.c_uint), ("f", ctypes.c_uint), ("steps", ctypes.c_uint),
                ("nbThreads", ctypes.c_uint), ("splitPoint", ctypes.c_double), ("accel", ctypes.c_uint),
                ("shrinkDict", ctypes.c_uint), ("shrinkDictMaxRegression", ctypes.c_uint), ("zParams", ZP)]


class LP(ctypes.Structure):
    _fields_ = [("selectivityLevel", ctypes.c_uint), ("zParams", ZP)]


def load(path):
    L = ctypes.CDLL(path, mode=ctypes.RTLD_LOCAL)
    for f in ["ZDICT_trainFromBuffer", "ZDICT_trainFromBuffer_cover", "ZDICT_optimizeTrainFromBuffer_cover",
              "ZDICT_trainFromBuffer_fastCover", "ZDICT_optimizeTrainFromBuffer_fastCover",
              "ZDICT_trainFromBuffer_legacy", "ZSTD_compress_usingDict", "ZSTD_createCCtx"]:
        getattr(L, f).restype = ctypes.c_size_t if f != "ZSTD_createCCtx" else ctypes.c_void_p
    L.ZDICT_isError.argtypes = [ctypes.c_size_t]
    L.ZDICT_getErrorName.argtypes = [ctypes.c_size_t]
    L.ZDICT_getErrorName.restype = ctypes.c_char_p
    return L


def sets():
    """Sample sets from the corpus: real small files and records."""
    def tar_members(name, limit):
        t = tarfile.open(os.path.join(CORPUS, name))
        out = [t.extractfile(m).read()[:limit] for m in t.getmembers() if m.isfile()]
        return [s for s in out if s]

    def lines(name, per, total):
        data = open(os.path.join(CORPUS, name), "rb").read()[:total]
        ls = data.split(b"\n")
        return [b"\n".join(ls[i:i + per]) + b"\n" for i in range(0, len(ls), per)]

    def chunks(name, size, total):
        data = open(os.path.join(CORPUS, name), "rb").read()[:total]
        return [data[i:i + size] for i in range(0, len(data), size)]

    return {
        "cldr-xml": lambda: tar_members("cldr-xml.tar", 128 << 10),
        "cxx-headers": lambda: tar_members("libstdcxx-headers.tar", 128 << 10)[:500],
        "access-log": lambda: lines("access.log", 8, 4 << 20),
        "node-json": lambda: chunks("node-api.json", 2048, 4 << 20),
    }


def call_train(L, trainer, cap, flat, sizes, n, level):
    buf = ctypes.create_string_buffer(cap)
    z = ZP(level, 0, 0)
    if trainer == "train":
        r = L.ZDICT_trainFromBuffer(buf, ctypes.c_size_t(cap), flat, sizes, ctypes.c_uint(n))
    elif trainer == "fastcover-opt":
        p = FP(0, 0, 0, 0, 1, 0.0, 0, 0, 0, z)
        r = L.ZDICT_optimizeTrainFromBuffer_fastCover(buf, ctypes.c_size_t(cap), flat, sizes, ctypes.c_uint(n),
                                                      ctypes.byref(p))
    elif trainer == "cover-opt":
        p = CP(0, 0, 0, 1, 0.0, 0, 0, z)
        r = L.ZDICT_optimizeTrainFromBuffer_cover(buf, ctypes.c_size_t(cap), flat, sizes, ctypes.c_uint(n),
                                                  ctypes.byref(p))
    elif trainer == "cover-opt-steps8":
        p = CP(0, 0, 8, 1, 0.0, 0, 0, z)
        r = L.ZDICT_optimizeTrainFromBuffer_cover(buf, ctypes.c_size_t(cap), flat, sizes, ctypes.c_uint(n),
                                                  ctypes.byref(p))
    elif trainer == "cover-k400":
        r = L.ZDICT_trainFromBuffer_cover(buf, ctypes.c_size_t(cap), flat, sizes, ctypes.c_uint(n),
                                          CP(400, 8, 0, 1, 0.0, 0, 0, z))
    elif trainer == "legacy":
        r = L.ZDICT_trainFromBuffer_legacy(buf, ctypes.c_size_t(cap), flat, sizes, ctypes.c_uint(n), LP(0, z))
    else:
        raise SystemExit("unknown trainer " + trainer)
    if L.ZDICT_isError(r):
        return None, L.ZDICT_getErrorName(r).decode()
    return buf.raw[:r], None


def held_out_size(R, cctx, samples, d, level):
    out = ctypes.create_string_buffer(256 << 10)
    total = 0
    for s in samples:
        r = R.ZSTD_compress_usingDict(ctypes.c_void_p(cctx), out, ctypes.c_size_t(len(out)), s, ctypes.c_size_t(len(s)),
                                      d, ctypes.c_size_t(len(d) if d else 0), ctypes.c_int(level))
        total += r
    return total


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("zest")
    ap.add_argument("ref", nargs="?", default="/usr/lib/x86_64-linux-gnu/libzstd.so.1")
    ap.add_argument("--sets", default="cldr-xml,cxx-headers,access-log,node-json")
    ap.add_argument("--trainers", default="train,fastcover-opt,cover-opt,legacy")
    ap.add_argument("--sizes", default="16384,112640")
    ap.add_argument("--levels", default="1,3,19")
    ap.add_argument("--repeat", type=int, default=1)
    a = ap.parse_args()
    Z, R = load(a.zest), load(a.ref)
    cctx = R.ZSTD_createCCtx()
    all_sets = sets()
    for name in a.sets.split(","):
        samples = all_sets[name]()
        random.Random(7).shuffle(samples)
        cut = len(samples) * 4 // 5
        train, test = samples[:cut], samples[cut:]
        flat = b"".join(train)
        sizes = (ctypes.c_size_t * len(train))(*[len(s) for s in train])
        print(f"## {name}: {len(train)} training samples ({len(flat)} bytes), {len(test)} held out")
        for trainer in a.trainers.split(","):
            for cap in [int(x) for x in a.sizes.split(",")]:
                times = {}
                dicts = {}
                for rep in range(a.repeat):
                    for tag, L in ((("zest", Z), ("ref", R)) if rep % 2 == 0 else (("ref", R), ("zest", Z))):
                        t0 = time.perf_counter()
                        d, err = call_train(L, trainer, cap, flat, sizes, len(train), 3)
                        dt = time.perf_counter() - t0
                        times[tag] = min(times.get(tag, 1e9), dt)
                        dicts[tag] = (d, err)
                line = f"{trainer:15s} {cap:6d}: time z/r {times['zest']:.2f}s/{times['ref']:.2f}s = {times['zest'] / times['ref']:.2f}"
                for lvl in [int(x) for x in a.levels.split(",")]:
                    zs = held_out_size(R, cctx, test, dicts["zest"][0], lvl) if dicts["zest"][0] else None
                    rs = held_out_size(R, cctx, test, dicts["ref"][0], lvl) if dicts["ref"][0] else None
                    if zs and rs:
                        line += f" | L{lvl} {zs}/{rs} = {zs / rs:.4f}"
                    else:
                        line += f" | L{lvl} zest {zs or dicts['zest'][1]} ref {rs or dicts['ref'][1]}"
                print(line, flush=True)


if __name__ == "__main__":
    main()
