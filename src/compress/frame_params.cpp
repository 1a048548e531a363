// The parameters of a frame: the level's table row for the source and
// dictionary sizes, explicitly set parameters on top, or a prepared
// dictionary's own.
#include "compress/cctx_impl.h"

namespace zest {

CParams overrideCParams(CParams cp, const CParams& o) {
    if (o.windowLog) cp.windowLog = o.windowLog;
    if (o.hashLog) cp.hashLog = o.hashLog;
    if (o.chainLog) cp.chainLog = o.chainLog;
    if (o.searchLog) cp.searchLog = o.searchLog;
    if (o.minMatch) cp.minMatch = o.minMatch;
    if (o.targetLength) cp.targetLength = o.targetLength;
    if (int(o.strategy)) cp.strategy = o.strategy;
    return cp;
}

// The level's parameters for this source and dictionary, with the explicitly
// set ones on top, fitted to the source.
CParams cParamsFor(const CCtxParams& p, u64 srcSize, size_t dictSize, CParamMode mode) {
    u64 hint = srcSize;
    if (hint == kContentSizeUnknown && p.srcSizeHint > 0) hint = u64(p.srcSizeHint);
    CParams cp = getCParamsInternal(p.compressionLevel, hint, dictSize, mode);
    if (p.enableLdm == int(ParamSwitch::enable)) cp.windowLog = kLdmDefaultWindowLog;
    cp = overrideCParams(cp, p.cParams);
    return adjustCParamsInternal(cp, hint, dictSize, mode, ParamSwitch(p.useRowMatchFinder));
}

// With a prepared dictionary its own parameters win for small or unknown
// sources (its tables can then be copied as they are); the window grows to
// cover the source.
bool takesCDictParams(const CDict& cd, u64 srcSize) {
    return srcSize < 128 * 1024 || srcSize < u64(cd.dict.contentSize) * 6 || srcSize == kContentSizeUnknown ||
           cd.level == 0;
}

CParams cParamsForCDict(const CDict& cd, u64 srcSize) {
    CParams cp =
        takesCDictParams(cd, srcSize) ? cd.cp : getCParamsInternal(cd.level, srcSize, cd.dict.contentSize, CParamMode::unknown);
    if (srcSize != kContentSizeUnknown) {
        const u32 limited = srcSize < (1u << 19) ? u32(srcSize) : (1u << 19);
        const unsigned srcLog = limited > 1 ? highBit32(limited - 1) + 1 : 1;
        if (cp.windowLog < srcLog) cp.windowLog = srcLog;
    }
    return cp;
}

LdmParams ldmParamsFor(const CCtxParams& p, const CParams& cp) {
    return resolveLdm(p.enableLdm, unsigned(p.ldmHashLog), unsigned(p.ldmBucketSizeLog), unsigned(p.ldmMinMatch),
                      unsigned(p.ldmHashRateLog), cp);
}

CParams resolvedCParams(const CCtxParams& p) {
    return cParamsFor(p, kContentSizeUnknown, 0, CParamMode::noAttachDict);
}

CCtxParams levelParams(int level) {
    CCtxParams p;
    p.compressionLevel = level == 0 ? kDefaultCLevel : level;
    return p;
}

}  // namespace zest
