/* Fault injection for the CLI robustness test, loaded with LD_PRELOAD.
 *
 * The tests run as root, where permission bits stop nothing, so failures in
 * the middle of a file are made here instead: read()/write() (our CLI) and
 * fread()/fwrite() (the reference CLI, which goes through stdio) succeed for
 * a given number of bytes, then fail.
 *
 *   FAULT_READ_FAIL_AFTER=N    reads succeed for N bytes, then fail
 *   FAULT_READ_ERRNO=E         errno of the failing read (default EIO)
 *   FAULT_WRITE_FAIL_AFTER=N   writes succeed for N bytes, then fail
 *   FAULT_WRITE_ERRNO=E        errno of the failing write (default ENOSPC)
 *   FAULT_READ_DELAY_US=U      every read sleeps U microseconds first (a
 *                              slow disk: keeps a run going long enough
 *                              to be interrupted)
 *   FAULT_PATH=P               only descriptors whose file is P (exact
 *                              path, or a path ending in "/P"); without it,
 *                              every regular file
 *   FAULT_FD=N                 only descriptor N, whatever it is (1: the
 *                              standard output)
 *
 * E is a number or one of EIO, ENOSPC, EDQUOT, EFBIG. The byte counts are
 * per process, summed over the matching descriptors. Standard error is never
 * touched. The write that crosses the limit is cut short (a partial write,
 * as a filling disk gives); the next one fails.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

typedef ssize_t (*read_fn)(int, void *, size_t);
typedef ssize_t (*write_fn)(int, const void *, size_t);
typedef size_t (*fread_fn)(void *, size_t, size_t, FILE *);
typedef size_t (*fwrite_fn)(const void *, size_t, size_t, FILE *);

static read_fn real_read;
static write_fn real_write;
static fread_fn real_fread;
static fwrite_fn real_fwrite;

/* Bytes passed so far; shared by the CLIs' worker threads. */
static unsigned long long read_done, write_done;

static void *next_symbol(const char *name) {
    void *p = dlsym(RTLD_NEXT, name);
    if (p == NULL) abort();
    return p;
}

/* -1 when the variable is unset or empty. */
static long long env_limit(const char *name) {
    const char *v = getenv(name);
    if (v == NULL || *v == '\0') return -1;
    return strtoll(v, NULL, 10);
}

static int env_errno(const char *name, int fallback) {
    const char *v = getenv(name);
    if (v == NULL || *v == '\0') return fallback;
    if (strcmp(v, "EIO") == 0) return EIO;
    if (strcmp(v, "ENOSPC") == 0) return ENOSPC;
    if (strcmp(v, "EDQUOT") == 0) return EDQUOT;
    if (strcmp(v, "EFBIG") == 0) return EFBIG;
    return atoi(v) > 0 ? atoi(v) : fallback;
}

static int fd_matches(int fd) {
    if (fd < 0 || fd == STDERR_FILENO) return 0;
    long long only = env_limit("FAULT_FD");
    if (only >= 0) return fd == only;
    const char *want = getenv("FAULT_PATH");
    if (want == NULL || *want == '\0') {
        struct stat st;
        return fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
    }
    char link[64], path[4096];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, path, sizeof path - 1);
    if (n <= 0) return 0;
    path[n] = '\0';
    size_t lp = (size_t)n, lw = strlen(want);
    if (lp == lw) return strcmp(path, want) == 0;
    return lp > lw && path[lp - lw - 1] == '/' && strcmp(path + lp - lw, want) == 0;
}

/* How many of `size` bytes may still pass on a matching descriptor:
 * `size` when no fault applies, 0 when the call must fail. */
static size_t allowance(unsigned long long *done, long long limit, size_t size) {
    unsigned long long before = __atomic_fetch_add(done, size, __ATOMIC_SEQ_CST);
    if (before + size <= (unsigned long long)limit) return size;
    if (before >= (unsigned long long)limit) return 0;
    return (size_t)((unsigned long long)limit - before);
}

static void read_delay(void) {
    long long us = env_limit("FAULT_READ_DELAY_US");
    if (us <= 0) return;
    struct timespec ts = {(time_t)(us / 1000000), (long)(us % 1000000) * 1000};
    nanosleep(&ts, NULL);
}

ssize_t read(int fd, void *buf, size_t count) {
    if (real_read == NULL) real_read = (read_fn)next_symbol("read");
    if (count == 0 || !fd_matches(fd)) return real_read(fd, buf, count);
    read_delay();
    long long limit = env_limit("FAULT_READ_FAIL_AFTER");
    if (limit < 0) return real_read(fd, buf, count);
    size_t ok = allowance(&read_done, limit, count);
    if (ok == 0) {
        errno = env_errno("FAULT_READ_ERRNO", EIO);
        return -1;
    }
    return real_read(fd, buf, ok);
}

ssize_t write(int fd, const void *buf, size_t count) {
    if (real_write == NULL) real_write = (write_fn)next_symbol("write");
    long long limit = env_limit("FAULT_WRITE_FAIL_AFTER");
    if (limit < 0 || count == 0 || !fd_matches(fd)) return real_write(fd, buf, count);
    size_t ok = allowance(&write_done, limit, count);
    if (ok == 0) {
        errno = env_errno("FAULT_WRITE_ERRNO", ENOSPC);
        return -1;
    }
    return real_write(fd, buf, ok);
}

/* stdio: a failing call passes what is allowed, then sets the stream's
 * error flag as a failed underlying read()/write() would (glibc). */
size_t fread(void *buf, size_t size, size_t n, FILE *stream) {
    if (real_fread == NULL) real_fread = (fread_fn)next_symbol("fread");
    size_t bytes = size * n;
    if (bytes == 0 || !fd_matches(fileno(stream))) return real_fread(buf, size, n, stream);
    read_delay();
    long long limit = env_limit("FAULT_READ_FAIL_AFTER");
    if (limit < 0) return real_fread(buf, size, n, stream);
    size_t ok = allowance(&read_done, limit, bytes);
    if (ok == bytes) return real_fread(buf, size, n, stream);
    size_t got = ok > 0 ? real_fread(buf, 1, ok, stream) : 0;
    stream->_flags |= _IO_ERR_SEEN;
    errno = env_errno("FAULT_READ_ERRNO", EIO);
    return got / size;
}

size_t fwrite(const void *buf, size_t size, size_t n, FILE *stream) {
    if (real_fwrite == NULL) real_fwrite = (fwrite_fn)next_symbol("fwrite");
    long long limit = env_limit("FAULT_WRITE_FAIL_AFTER");
    size_t bytes = size * n;
    if (limit < 0 || bytes == 0 || !fd_matches(fileno(stream))) return real_fwrite(buf, size, n, stream);
    size_t ok = allowance(&write_done, limit, bytes);
    if (ok == bytes) return real_fwrite(buf, size, n, stream);
    size_t put = ok > 0 ? real_fwrite(buf, 1, ok, stream) : 0;
    stream->_flags |= _IO_ERR_SEEN;
    errno = env_errno("FAULT_WRITE_ERRNO", ENOSPC);
    return put / size;
}
