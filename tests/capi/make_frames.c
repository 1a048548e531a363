/* Test-corpus generator for tests/capi. Links the REFERENCE libzstd (Debian's
 * static libzstd.a, system headers) and never zest, so it can produce frames
 * and record how the reference decoder behaves; the C API tests (which link
 * zest only) compare against these files.
 *
 *   make_frames gen DIR
 *       writes the source data files and the frames listed in gen() below.
 *   make_frames trace FRAME OUT IN_CHUNK OUT_SIZE [dict=FILE] [magicless]
 *       decodes FRAME with ZSTD_decompressStream fed IN_CHUNK bytes of input
 *       at a time into a fresh OUT_SIZE-byte output window per call and writes
 *       one line "ret in.pos out.pos" per call to OUT (see trace()).
 *   make_frames info FRAME OUT
 *       records the reference's frame-inspection results for prefixes of FRAME.
 *   make_frames patch IN OUT OFFSET MASK
 *       copies IN to OUT with one byte XORed (crafted damaged frames).
 *   make_frames errors OUT
 *       writes the reference's ZSTD_getErrorString for every code 0..120.
 *   make_frames bufferless FRAME OUT [dict=FILE] [magicless]
 *       records the reference's bufferless (decompressContinue) decoding steps.
 *   make_frames samples DIR FAMILY COUNT
 *       writes COUNT small sample files (family "json" or "log") for
 *       dictionary training with the reference CLI.
 */
#define ZSTD_STATIC_LINKING_ONLY
#define ZSTD_DISABLE_DEPRECATE_WARNINGS
#include <zstd.h>
#include <zstd_errors.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void die(const char* what) {
    fprintf(stderr, "make_frames: %s\n", what);
    exit(1);
}

static void check(size_t r, const char* what) {
    if (ZSTD_isError(r)) {
        fprintf(stderr, "make_frames: %s: %s\n", what, ZSTD_getErrorName(r));
        exit(1);
    }
}

/* ---- deterministic data ---------------------------------------------------------- */

static unsigned long long g_rng;
static unsigned rnd(void) {
    g_rng = g_rng * 6364136223846793005ULL + 1442695040888963407ULL;
    return (unsigned)(g_rng >> 33);
}

static const char* const kWords[] = {
    "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet",
    "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango",
    "uniform", "victor", "whiskey", "xray", "yankee", "zulu", "zstandard", "frame", "block",
    "literal", "sequence", "window", "offset", "match", "entropy", "huffman", "state", "table"};

/* Pseudo text: words, punctuation, numbers; compresses to real compressed blocks. */
static void fill_text(unsigned char* p, size_t n, unsigned seed) {
    size_t i = 0;
    g_rng = seed;
    while (i < n) {
        const unsigned r = rnd();
        const char* w = kWords[r % (sizeof kWords / sizeof kWords[0])];
        char tmp[48];
        int len;
        if (r % 11 == 0) len = snprintf(tmp, sizeof tmp, "%u, ", rnd() % 100000);
        else if (r % 7 == 0) len = snprintf(tmp, sizeof tmp, "%s.\n", w);
        else len = snprintf(tmp, sizeof tmp, "%s ", w);
        for (int k = 0; k < len && i < n; k++) p[i++] = (unsigned char)tmp[k];
    }
}

static void fill_random(unsigned char* p, size_t n, unsigned seed) {
    g_rng = seed;
    for (size_t i = 0; i < n; i++) p[i] = (unsigned char)(rnd() >> 7);
}

/* ---- files --------------------------------------------------------------------- */

static char g_dir[4096];

static void write_file(const char* name, const void* data, size_t size) {
    char path[8192];
    snprintf(path, sizeof path, "%s/%s", g_dir, name);
    FILE* f = fopen(path, "wb");
    if (!f) die(path);
    if (size && fwrite(data, 1, size, f) != size) die(path);
    if (fclose(f) != 0) die(path);
}

static unsigned char* read_file(const char* path, size_t* size) {
    FILE* f = fopen(path, "rb");
    if (!f) die(path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char* buf = (unsigned char*)malloc((size_t)n + 1);
    if (!buf) die("oom");
    if (n && fread(buf, 1, (size_t)n, f) != (size_t)n) die(path);
    fclose(f);
    *size = (size_t)n;
    return buf;
}

/* Compresses src with the given parameters; flushEvery > 0 ends a block every flushEvery
 * bytes (ZSTD_e_flush); pledge != 0 announces the content size. */
typedef struct {
    int level;
    int windowLog;
    int checksum;
    int magicless;
    int pledge;
    int noContentSize;
    size_t flushEvery;
    const void* prefix;
    size_t prefixSize;
    const void* rawDict;
    size_t rawDictSize;
} Opts;

static size_t compress_with(const Opts* o, void* dst, size_t cap, const void* src, size_t n) {
    ZSTD_CCtx* c = ZSTD_createCCtx();
    if (!c) die("createCCtx");
    check(ZSTD_CCtx_setParameter(c, ZSTD_c_compressionLevel, o->level), "level");
    if (o->windowLog) check(ZSTD_CCtx_setParameter(c, ZSTD_c_windowLog, o->windowLog), "windowLog");
    check(ZSTD_CCtx_setParameter(c, ZSTD_c_checksumFlag, o->checksum), "checksum");
    if (o->noContentSize) check(ZSTD_CCtx_setParameter(c, ZSTD_c_contentSizeFlag, 0), "csflag");
    if (o->magicless) check(ZSTD_CCtx_setParameter(c, ZSTD_c_format, ZSTD_f_zstd1_magicless), "format");
    if (o->prefix) check(ZSTD_CCtx_refPrefix(c, o->prefix, o->prefixSize), "prefix");
    if (o->rawDict)
        check(ZSTD_CCtx_loadDictionary_advanced(c, o->rawDict, o->rawDictSize, ZSTD_dlm_byCopy, ZSTD_dct_rawContent),
              "rawdict");
    if (o->pledge) check(ZSTD_CCtx_setPledgedSrcSize(c, n), "pledge");
    /* Input goes in 64 KiB pieces with ZSTD_e_continue (so an unpledged frame really has an
     * unknown content size), or in flushEvery pieces each ended by ZSTD_e_flush; then e_end. */
    ZSTD_outBuffer out = {dst, cap, 0};
    const size_t piece = o->flushEvery ? o->flushEvery : 65536;
    const ZSTD_EndDirective mode = o->flushEvery ? ZSTD_e_flush : ZSTD_e_continue;
    for (size_t pos = 0; pos < n; pos += piece) {
        ZSTD_inBuffer in = {(const char*)src + pos, n - pos < piece ? n - pos : piece, 0};
        size_t r;
        do {
            r = ZSTD_compressStream2(c, &out, &in, mode);
            check(r, "compressStream2");
        } while (in.pos != in.size || (mode == ZSTD_e_flush && r != 0));
    }
    {
        ZSTD_inBuffer in = {NULL, 0, 0};
        size_t r;
        do {
            r = ZSTD_compressStream2(c, &out, &in, ZSTD_e_end);
            check(r, "compressStream2(end)");
        } while (r != 0);
    }
    ZSTD_freeCCtx(c);
    return out.pos;
}

static void emit(const char* name, const Opts* o, const void* src, size_t n) {
    size_t cap = ZSTD_compressBound(n) + 4096;
    void* dst = malloc(cap);
    if (!dst) die("oom");
    size_t cs = compress_with(o, dst, cap, src, n);
    write_file(name, dst, cs);
    free(dst);
}

static int gen(void) {
    enum { kText = 700000, kSmall = 1500, kRand = 200000, kZeros = 300000, kBlocks = 20000, kPrefix = 60000 };
    unsigned char* text = (unsigned char*)malloc(kText);
    unsigned char* rnd_ = (unsigned char*)malloc(kRand);
    unsigned char* zeros = (unsigned char*)calloc(kZeros, 1);
    if (!text || !rnd_ || !zeros) die("oom");
    fill_text(text, kText, 12345);
    fill_random(rnd_, kRand, 777);
    write_file("text.bin", text, kText);
    write_file("small.bin", text + 1000, kSmall);
    write_file("rand.bin", rnd_, kRand);
    write_file("zeros.bin", zeros, kZeros);
    write_file("blocks.bin", text + 5000, kBlocks);

    /* One-shot style frame: known size, single segment, checksum, several blocks. */
    {
        Opts o = {0};
        o.level = 3; o.checksum = 1; o.pledge = 1;
        emit("text.zst", &o, text, kText);
    }
    /* Streaming frame: unknown size, 128 KiB window (< content), checksum. */
    {
        Opts o = {0};
        o.level = 3; o.windowLog = 17; o.checksum = 1;
        emit("text_w17.zst", &o, text, kText);
    }
    /* Unknown size with a 1 MiB window descriptor, no checksum. */
    {
        Opts o = {0};
        o.level = 3; o.windowLog = 20;
        emit("text_w20.zst", &o, text, kText);
    }
    {
        Opts o = {0};
        o.level = 1; o.pledge = 1;
        emit("small.zst", &o, text + 1000, kSmall);
    }
    {
        Opts o = {0};
        o.level = 3; o.pledge = 1;
        emit("empty.zst", &o, text, 0);
    }
    {
        Opts o = {0};
        o.level = 3; o.pledge = 1; o.checksum = 1;
        emit("rand.zst", &o, rnd_, kRand);
        emit("zeros.zst", &o, zeros, kZeros);
    }
    /* Many small blocks (a flush every 2500 bytes), unknown size, checksum. */
    {
        Opts o = {0};
        o.level = 3; o.checksum = 1; o.flushEvery = 2500;
        emit("blocks.zst", &o, text + 5000, kBlocks);
    }
    /* Magicless frame of 100000 bytes. */
    {
        Opts o = {0};
        o.level = 3; o.checksum = 1; o.pledge = 1; o.magicless = 1;
        emit("magicless.zst", &o, text, 100000);
        write_file("magicless.bin", text, 100000);
    }
    /* Frame without content size field. */
    {
        Opts o = {0};
        o.level = 3; o.pledge = 1; o.noContentSize = 1;
        emit("nosize.zst", &o, text + 20000, 50000);
        write_file("nosize.bin", text + 20000, 50000);
    }
    /* Prefix: content = prefix with a few bytes changed, so nearly everything is a match into
     * the prefix. */
    {
        unsigned char* content = (unsigned char*)malloc(kPrefix);
        if (!content) die("oom");
        memcpy(content, text + 300000, kPrefix);
        for (size_t i = 0; i < kPrefix; i += 997) content[i] ^= 0x5a;
        write_file("prefix.bin", text + 300000, kPrefix);
        write_file("prefixed.bin", content, kPrefix);
        Opts o = {0};
        o.level = 3; o.pledge = 1; o.prefix = text + 300000; o.prefixSize = kPrefix;
        emit("prefixed.zst", &o, content, kPrefix);
        /* Raw-content dictionary: same idea, through ZSTD_dct_rawContent (dictID 0). */
        Opts r = {0};
        r.level = 3; r.pledge = 1; r.rawDict = text + 300000; r.rawDictSize = kPrefix;
        emit("rawdict.zst", &r, content, kPrefix);
        free(content);
    }
    /* Skippable frame, magic variant 5. */
    {
        static const char payload[] = "skippable frame payload: ignored by decoders";
        unsigned char buf[256];
        size_t n = ZSTD_writeSkippableFrame(buf, sizeof buf, payload, sizeof payload - 1, 5);
        check(n, "writeSkippableFrame");
        write_file("skip5.zst", buf, n);
        write_file("skip5.bin", payload, sizeof payload - 1);
    }
    free(text);
    free(rnd_);
    free(zeros);
    return 0;
}

/* ---- dictionary training samples --------------------------------------------------- */

static int samples(const char* dir, const char* family, int count) {
    snprintf(g_dir, sizeof g_dir, "%s", dir);
    const int json = strcmp(family, "json") == 0;
    g_rng = json ? 99 : 4242;
    for (int i = 0; i < count; i++) {
        char buf[4096];
        size_t len = 0;
        const int records = 3 + (int)(rnd() % 6);
        for (int k = 0; k < records; k++) {
            const char* w1 = kWords[rnd() % (sizeof kWords / sizeof kWords[0])];
            const char* w2 = kWords[rnd() % (sizeof kWords / sizeof kWords[0])];
            int m;
            if (json)
                m = snprintf(buf + len, sizeof buf - len,
                             "{\"id\": %u, \"name\": \"%s\", \"kind\": \"%s\", \"enabled\": %s, \"score\": %u.%02u}\n",
                             rnd() % 100000, w1, w2, (rnd() & 1) ? "true" : "false", rnd() % 100, rnd() % 100);
            else
                m = snprintf(buf + len, sizeof buf - len,
                             "2024-03-%02u %02u:%02u:%02u [%s] worker-%u: request %s completed in %u ms\n",
                             1 + rnd() % 28, rnd() % 24, rnd() % 60, rnd() % 60, (rnd() % 5) ? "INFO" : "WARN",
                             rnd() % 16, w1, rnd() % 5000);
            len += (size_t)m;
        }
        char name[64];
        snprintf(name, sizeof name, "%s_%03d.txt", family, i);
        write_file(name, buf, len);
    }
    return 0;
}

/* ---- reference streaming trace -------------------------------------------------- */

/* The call pattern (the tests replay exactly this against zest):
 *   pos = 0
 *   repeat:
 *     in  = { frame + pos, min(inChunk, size - pos), 0 }
 *     out = { window, outSize, 0 }
 *     ret = ZSTD_decompressStream(dctx, &out, &in);  record "ret in.pos out.pos"
 *     stop if ret is an error; pos += in.pos
 *     stop if pos == size and ret == 0
 * Errors are recorded as "E<code>". At most 5,000,000 calls. */
static int trace(int argc, char** argv) {
    if (argc < 6) die("usage: trace FRAME OUT IN_CHUNK OUT_SIZE [dict=FILE] [magicless]");
    size_t size;
    unsigned char* frame = read_file(argv[2], &size);
    const size_t inChunk = strtoull(argv[4], NULL, 10);
    const size_t outSize = strtoull(argv[5], NULL, 10);
    ZSTD_DCtx* d = ZSTD_createDCtx();
    if (!d) die("createDCtx");
    unsigned char* dict = NULL;
    for (int i = 6; i < argc; i++) {
        if (strncmp(argv[i], "dict=", 5) == 0) {
            size_t dsize;
            dict = read_file(argv[i] + 5, &dsize);
            check(ZSTD_DCtx_loadDictionary(d, dict, dsize), "loadDictionary");
        } else if (strcmp(argv[i], "magicless") == 0) {
            check(ZSTD_DCtx_setParameter(d, ZSTD_d_format, ZSTD_f_zstd1_magicless), "format");
        } else {
            die(argv[i]);
        }
    }
    FILE* f = fopen(argv[3], "w");
    if (!f) die(argv[3]);
    unsigned char* window = (unsigned char*)malloc(outSize ? outSize : 1);
    size_t pos = 0;
    for (long calls = 0; calls < 5000000; calls++) {
        const size_t avail = size - pos;
        ZSTD_inBuffer in = {frame + pos, avail < inChunk ? avail : inChunk, 0};
        ZSTD_outBuffer out = {window, outSize, 0};
        const size_t ret = ZSTD_decompressStream(d, &out, &in);
        if (ZSTD_isError(ret)) {
            fprintf(f, "E%d %zu %zu\n", (int)ZSTD_getErrorCode(ret), in.pos, out.pos);
            break;
        }
        fprintf(f, "%zu %zu %zu\n", ret, in.pos, out.pos);
        pos += in.pos;
        if (pos == size && ret == 0) break;
    }
    if (fclose(f) != 0) die(argv[3]);
    ZSTD_freeDCtx(d);
    free(window);
    free(frame);
    free(dict);
    return 0;
}


/* ---- reference frame inspection ------------------------------------------------- */

static void put_ull(FILE* f, unsigned long long v) {
    if (v == ZSTD_CONTENTSIZE_UNKNOWN) fputs(" U", f);
    else if (v == ZSTD_CONTENTSIZE_ERROR) fputs(" X", f);
    else fprintf(f, " %llu", v);
}

static void put_sz(FILE* f, size_t v) {
    if (ZSTD_isError(v)) fprintf(f, " E%d", (int)ZSTD_getErrorCode(v));
    else fprintf(f, " %zu", v);
}

/* Writes, for every prefix length in a fixed set (0..24, then size-1 and size), the results of
 * the frame inspection functions as one line:
 *   len fcs decompressedSize findFrameCompressedSize findDecompressedSize decompressBound
 *       frameHeaderSize isFrame isSkippableFrame dictIDfromFrame decompressionMargin
 *       getFrameHeader-ret [fcs windowSize blockSizeMax frameType headerSize dictID checksumFlag]
 *       getFrameHeader_advanced(magicless)-ret [same fields]
 * Unknown/error content sizes print as U / X, size_t errors as E<code>. */
static int info(const char* framePath, const char* outPath) {
    size_t size;
    unsigned char* src = read_file(framePath, &size);
    FILE* f = fopen(outPath, "w");
    if (!f) die(outPath);
    size_t lens[32];
    int nl = 0;
    for (size_t l = 0; l <= 24 && l < size; l++) lens[nl++] = l;
    if (size > 25) lens[nl++] = size - 1;
    lens[nl++] = size;
    for (int i = 0; i < nl; i++) {
        const size_t l = lens[i];
        /* A fresh copy of exactly l bytes, so nothing can read past the prefix. */
        unsigned char* p = (unsigned char*)malloc(l ? l : 1);
        memcpy(p, src, l);
        fprintf(f, "%zu", l);
        put_ull(f, ZSTD_getFrameContentSize(p, l));
        put_ull(f, ZSTD_getDecompressedSize(p, l)); /* deprecated, still exported */
        put_sz(f, ZSTD_findFrameCompressedSize(p, l));
        put_ull(f, ZSTD_findDecompressedSize(p, l));
        put_ull(f, ZSTD_decompressBound(p, l));
        put_sz(f, ZSTD_frameHeaderSize(p, l));
        fprintf(f, " %u %u %u", ZSTD_isFrame(p, l), ZSTD_isSkippableFrame(p, l), ZSTD_getDictID_fromFrame(p, l));
        put_sz(f, ZSTD_decompressionMargin(p, l));
        for (int fmt = 0; fmt < 2; fmt++) {
            ZSTD_frameHeader h;
            memset(&h, 0, sizeof h);
            const size_t r = fmt ? ZSTD_getFrameHeader_advanced(&h, p, l, ZSTD_f_zstd1_magicless)
                                 : ZSTD_getFrameHeader(&h, p, l);
            put_sz(f, r);
            if (r == 0) {
                put_ull(f, h.frameContentSize);
                fprintf(f, " %llu %u %d %u %u %u", h.windowSize, h.blockSizeMax, (int)h.frameType, h.headerSize,
                        h.dictID, h.checksumFlag);
            }
        }
        fputc('\n', f);
        free(p);
    }
    if (fclose(f) != 0) die(outPath);
    free(src);
    return 0;
}

/* Copies IN to OUT with the byte at OFFSET (negative: from the end) XORed with MASK. */
static int patch(const char* inPath, const char* outPath, long offset, unsigned mask) {
    size_t size;
    unsigned char* buf = read_file(inPath, &size);
    const long at = offset < 0 ? (long)size + offset : offset;
    if (at < 0 || (size_t)at >= size) die("patch offset");
    buf[at] ^= (unsigned char)mask;
    FILE* f = fopen(outPath, "wb");
    if (!f || fwrite(buf, 1, size, f) != size || fclose(f) != 0) die(outPath);
    free(buf);
    return 0;
}

/* One line per error code 0..120: "code message" as ZSTD_getErrorString gives it. */
static int errors(const char* outPath) {
    FILE* f = fopen(outPath, "w");
    if (!f) die(outPath);
    for (int c = 0; c <= 120; c++) fprintf(f, "%d %s\n", c, ZSTD_getErrorString((ZSTD_ErrorCode)c));
    if (fclose(f) != 0) die(outPath);
    return 0;
}

/* Bufferless decoding of FRAME (which may hold several frames): after ZSTD_decompressBegin
 * (or _usingDict with dict=FILE; "magicless" sets ZSTD_d_format first), repeatedly take n = ZSTD_nextSrcSizeToDecompress and
 * t = ZSTD_nextInputType, feed n bytes to ZSTD_decompressContinue and write "t n ret";
 * when n == 0 the frame is done: write "end" and begin again while input remains. */
static int bufferless(int argc, char** argv) {
    size_t size, dsize = 0;
    unsigned char* src = read_file(argv[2], &size);
    unsigned char* dict = NULL;
    ZSTD_DCtx* d = ZSTD_createDCtx();
    for (int i = 4; i < argc; i++) {
        if (strncmp(argv[i], "dict=", 5) == 0) dict = read_file(argv[i] + 5, &dsize);
        else if (strcmp(argv[i], "magicless") == 0)
            check(ZSTD_DCtx_setParameter(d, ZSTD_d_format, ZSTD_f_zstd1_magicless), "format");
        else die(argv[i]);
    }
    FILE* f = fopen(argv[3], "w");
    if (!f) die(argv[3]);
    const size_t cap = 1 << 22;
    unsigned char* out = (unsigned char*)malloc(cap);
    size_t pos = 0, op = 0;
    check(dict ? ZSTD_decompressBegin_usingDict(d, dict, dsize) : ZSTD_decompressBegin(d), "begin");
    for (int guard = 0; guard < 100000; guard++) {
        const size_t n = ZSTD_nextSrcSizeToDecompress(d);
        const int t = (int)ZSTD_nextInputType(d);
        if (n == 0) {
            fprintf(f, "end\n");
            if (pos == size) break;
            check(dict ? ZSTD_decompressBegin_usingDict(d, dict, dsize) : ZSTD_decompressBegin(d), "begin");
            continue;
        }
        if (n > size - pos) {
            fprintf(f, "short %d %zu\n", t, n);
            break;
        }
        const size_t r = ZSTD_decompressContinue(d, out + op, cap - op, src + pos, n);
        fprintf(f, "%d %zu", t, n);
        put_sz(f, r);
        fputc('\n', f);
        if (ZSTD_isError(r)) break;
        pos += n;
        op += r;
    }
    if (fclose(f) != 0) die(argv[3]);
    ZSTD_freeDCtx(d);
    free(out);
    free(src);
    free(dict);
    return 0;
}

int main(int argc, char** argv) {
    if (argc >= 3 && strcmp(argv[1], "gen") == 0) {
        snprintf(g_dir, sizeof g_dir, "%s", argv[2]);
        return gen();
    }
    if (argc >= 2 && strcmp(argv[1], "trace") == 0) return trace(argc, argv);
    if (argc >= 6 && strcmp(argv[1], "patch") == 0)
        return patch(argv[2], argv[3], strtol(argv[4], NULL, 10), (unsigned)strtoul(argv[5], NULL, 0));
    if (argc >= 3 && strcmp(argv[1], "errors") == 0) return errors(argv[2]);
    if (argc >= 4 && strcmp(argv[1], "bufferless") == 0) return bufferless(argc, argv);
    if (argc >= 4 && strcmp(argv[1], "info") == 0) return info(argv[2], argv[3]);
    if (argc >= 5 && strcmp(argv[1], "samples") == 0) return samples(argv[2], argv[3], atoi(argv[4]));
    die("usage: make_frames gen|trace|info|patch|samples ...");
    return 1;
}
