#define ZSTD_STATIC_LINKING_ONLY
#include "compress_params.h"

#include <algorithm>

#include "advanced_params.h"
#include "errors.h"
#include "messages.h"
#include "threads.h"

namespace zcli {

int compressionLevel(const Options& o) {
    const int maxLevel = o.comp.ultra ? ZSTD_maxCLevel() : kMaxLevelWithoutUltra;
    if (o.comp.level <= maxLevel) return o.comp.level;
    displayAt(2, "Warning : compression level higher than max, reduced to %i \n", maxLevel);
    return maxLevel;
}

namespace {

void set(ZSTD_CCtx* cctx, ZSTD_cParameter param, int value) { checkZstd(ZSTD_CCtx_setParameter(cctx, param, value)); }

int switchValue(Tristate t) { return t == Tristate::on ? ZSTD_ps_enable : ZSTD_ps_disable; }

// --max: every parameter at the top of its range (in 1.5.7; overlapLog only
// matters with worker threads and is left alone).
void setMaximum(ZSTD_CCtx* cctx) {
    set(cctx, ZSTD_c_windowLog, ZSTD_WINDOWLOG_MAX);
    set(cctx, ZSTD_c_chainLog, ZSTD_CHAINLOG_MAX);
    set(cctx, ZSTD_c_hashLog, ZSTD_HASHLOG_MAX);
    set(cctx, ZSTD_c_searchLog, ZSTD_SEARCHLOG_MAX);
    set(cctx, ZSTD_c_minMatch, ZSTD_MINMATCH_MIN);
    set(cctx, ZSTD_c_targetLength, ZSTD_TARGETLENGTH_MAX);
    set(cctx, ZSTD_c_strategy, ZSTD_btultra2);
    set(cctx, ZSTD_c_enableLongDistanceMatching, ZSTD_ps_enable);
    set(cctx, ZSTD_c_ldmHashLog, ZSTD_LDM_HASHLOG_MAX);
    set(cctx, ZSTD_c_ldmMinMatch, 16);
    set(cctx, ZSTD_c_ldmBucketSizeLog, ZSTD_LDM_BUCKETSIZELOG_MAX);
}

}  // namespace

void configureCCtx(ZSTD_CCtx* cctx, const Options& o, int level, FrameUse use) {
    const CompressSettings& c = o.comp;
    checkZstd(ZSTD_CCtx_reset(cctx, ZSTD_reset_session_and_parameters));
    set(cctx, ZSTD_c_compressionLevel, level);
    if (c.maxMode) setMaximum(cctx);
    if (c.longWindowLog) {
        set(cctx, ZSTD_c_enableLongDistanceMatching, ZSTD_ps_enable);
        set(cctx, ZSTD_c_windowLog, static_cast<int>(*c.longWindowLog));
    } else if (c.adapt && use == FrameUse::files) {
        set(cctx, ZSTD_c_windowLog, 23);  // a window that does not change with the level (--zstd may set another)
    }
    if (!c.advancedParams.empty()) {
        const std::vector<AdvancedParam> params =
            parseAdvancedParams(c.advancedParams).value_or(std::vector<AdvancedParam>{});
        for (const AdvancedParam& p : params) set(cctx, p.param, static_cast<int>(p.value));
    }
    // Worker threads: files are compressed by them while this thread does the
    // I/O; the benchmark uses them too, as the reference's (-B there cuts
    // the input instead).
    set(cctx, ZSTD_c_nbWorkers, static_cast<int>(compressionWorkers(c)));
    if (use == FrameUse::files) {
        if (c.blockSize) set(cctx, ZSTD_c_jobSize, static_cast<int>(c.blockSize));
        if (c.rsyncable) set(cctx, ZSTD_c_rsyncable, 1);
    }
    set(cctx, ZSTD_c_checksumFlag, use == FrameUse::files && c.checksum ? 1 : 0);
    set(cctx, ZSTD_c_contentSizeFlag, use == FrameUse::benchmark || c.contentSize ? 1 : 0);
    set(cctx, ZSTD_c_dictIDFlag, c.dictIDInFrame ? 1 : 0);
    if (c.literalCompression != Tristate::automatic)
        set(cctx, ZSTD_c_literalCompressionMode, switchValue(c.literalCompression));
    if (c.rowMatchFinder != Tristate::automatic) set(cctx, ZSTD_c_useRowMatchFinder, switchValue(c.rowMatchFinder));
    if (c.targetCBlockSize != 0) set(cctx, ZSTD_c_targetCBlockSize, static_cast<int>(c.targetCBlockSize));
    if (c.sizeHint && use == FrameUse::files)
        set(cctx, ZSTD_c_srcSizeHint, static_cast<int>(std::min<std::uint64_t>(*c.sizeHint, 0x7FFFFFFF)));
}

void showDefaultCParams(const char* name, std::uint64_t srcSize, int level, size_t dictSize) {
    static const char* const strategies[] = {
        "",           "ZSTD_fast",    "ZSTD_dfast", "ZSTD_greedy",  "ZSTD_lazy",
        "ZSTD_lazy2", "ZSTD_btlazy2", "ZSTD_btopt", "ZSTD_btultra", "ZSTD_btultra2"};
    const ZSTD_compressionParameters cp = ZSTD_getCParams(level, srcSize, dictSize);
    if (srcSize == ZSTD_CONTENTSIZE_UNKNOWN)
        displayAt(1, "%s (src size unknown)\n", name);
    else
        displayAt(1, "%s (%llu bytes)\n", name, static_cast<unsigned long long>(srcSize));
    displayAt(1, " - windowLog     : %u\n", cp.windowLog);
    displayAt(1, " - chainLog      : %u\n", cp.chainLog);
    displayAt(1, " - hashLog       : %u\n", cp.hashLog);
    displayAt(1, " - searchLog     : %u\n", cp.searchLog);
    displayAt(1, " - minMatch      : %u\n", cp.minMatch);
    displayAt(1, " - targetLength  : %u\n", cp.targetLength);
    const unsigned s = static_cast<unsigned>(cp.strategy);
    displayAt(1, " - strategy      : %s (%u)\n", s < 10 ? strategies[s] : "?", s);
}

}  // namespace zcli
