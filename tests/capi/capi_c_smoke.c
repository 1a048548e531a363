/* A plain C11 consumer of libzstd (compiled -Wall -Wextra -pedantic -Werror): the
 * stable API only, without ZSTD_STATIC_LINKING_ONLY, exactly as most programs use it.
 * usage: capi_c_smoke CORPUS_DIR */
#include <zstd.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures = 0;

#define CHECK(cond)                                                   \
    do {                                                              \
        if (!(cond)) {                                                \
            fprintf(stderr, "%s:%d: CHECK(%s)\n", __FILE__, __LINE__, #cond); \
            failures++;                                               \
        }                                                             \
    } while (0)

static unsigned char* readAll(const char* dir, const char* name, size_t* size) {
    char path[4096];
    FILE* f;
    long n;
    unsigned char* buf;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "cannot open %s\n", path);
        exit(2);
    }
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    buf = (unsigned char*)malloc((size_t)n + 1);
    if (!buf || (n && fread(buf, 1, (size_t)n, f) != (size_t)n)) exit(2);
    fclose(f);
    *size = (size_t)n;
    return buf;
}

int main(int argc, char** argv) {
    size_t zsize, osize, r;
    unsigned char *frame, *orig, *out;
    unsigned long long fcs;
    if (argc < 2) return 2;
    frame = readAll(argv[1], "text.zst", &zsize);
    orig = readAll(argv[1], "text.bin", &osize);

    CHECK(ZSTD_versionNumber() == ZSTD_VERSION_NUMBER);
    CHECK(strcmp(ZSTD_versionString(), "1.5.7") == 0);

    /* One-shot, sized from the frame header. */
    fcs = ZSTD_getFrameContentSize(frame, zsize);
    CHECK(fcs == osize);
    out = (unsigned char*)malloc(osize);
    r = ZSTD_decompress(out, osize, frame, zsize);
    CHECK(!ZSTD_isError(r) && r == osize);
    CHECK(memcmp(out, orig, osize) == 0);
    r = ZSTD_decompress(out, 10, frame, zsize);
    CHECK(ZSTD_isError(r));
    CHECK(ZSTD_getErrorName(r) != NULL);

    /* Streaming with the recommended buffer sizes. */
    {
        ZSTD_DStream* s = ZSTD_createDStream();
        size_t inSize = ZSTD_DStreamInSize(), outSize = ZSTD_DStreamOutSize(), pos = 0, got = 0;
        unsigned char* obuf = (unsigned char*)malloc(outSize);
        size_t last = 1;
        CHECK(s != NULL);
        CHECK(!ZSTD_isError(ZSTD_initDStream(s)));
        while (pos < zsize || last != 0) {
            ZSTD_inBuffer in;
            ZSTD_outBuffer o;
            in.src = frame + pos;
            in.size = zsize - pos < inSize ? zsize - pos : inSize;
            in.pos = 0;
            o.dst = obuf;
            o.size = outSize;
            o.pos = 0;
            last = ZSTD_decompressStream(s, &o, &in);
            if (ZSTD_isError(last)) {
                fprintf(stderr, "stream: %s\n", ZSTD_getErrorName(last));
                failures++;
                break;
            }
            CHECK(got + o.pos <= osize);
            if (got + o.pos > osize) break;
            memcpy(out + got, obuf, o.pos);
            got += o.pos;
            pos += in.pos;
        }
        CHECK(got == osize && memcmp(out, orig, osize) == 0);
        CHECK(ZSTD_freeDStream(s) == 0);
        free(obuf);
    }

    /* Explicit context and parameters. */
    {
        ZSTD_DCtx* d = ZSTD_createDCtx();
        ZSTD_bounds b = ZSTD_dParam_getBounds(ZSTD_d_windowLogMax);
        CHECK(!ZSTD_isError(b.error) && b.lowerBound == 10 && b.upperBound == 31);
        CHECK(ZSTD_DCtx_setParameter(d, ZSTD_d_windowLogMax, 20) == 0);
        r = ZSTD_decompressDCtx(d, out, osize, frame, zsize);
        CHECK(r == osize);
        CHECK(ZSTD_DCtx_reset(d, ZSTD_reset_session_and_parameters) == 0);
        CHECK(ZSTD_freeDCtx(d) == 0);
    }

    free(frame);
    free(orig);
    free(out);
    printf("capi_c_smoke: %s\n", failures ? "FAILED" : "ok");
    return failures ? 1 : 0;
}
