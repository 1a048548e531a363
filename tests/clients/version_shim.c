/* Preloaded (LD_PRELOAD) in front of zest's libzstd.so.1 when a client built
 * against Debian's libzstd 1.5.4 is tested. Debian's python3-zstandard compares
 * ZSTD_versionNumber() with the version it was compiled for and refuses to
 * import ("zstd C API versions mismatch") when they differ, so this reports
 * 1.5.4; every other symbol still comes from zest. */
unsigned ZSTD_versionNumber(void);
const char* ZSTD_versionString(void);

unsigned ZSTD_versionNumber(void) { return 10504; }

const char* ZSTD_versionString(void) { return "1.5.4"; }
