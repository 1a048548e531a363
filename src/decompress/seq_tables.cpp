#include "decompress/seq_tables.h"

namespace zest {

namespace {

constexpr PredefinedTables makePredefined() {
    PredefinedTables t{};
    buildSeqTable<SeqKind::literalLength>(t.ll, kLLDefaultNorm, kLLDefaultMaxSymbol, kLLPredefinedLog);
    buildSeqTable<SeqKind::matchLength>(t.ml, kMLDefaultNorm, kMLDefaultMaxSymbol, kMLPredefinedLog);
    buildSeqTable<SeqKind::offset>(t.of, kOFDefaultNorm, kOFDefaultMaxSymbol, kOFPredefinedLog);
    return t;
}

struct KindLimits {
    unsigned maxCode;
    unsigned maxLog;
    unsigned predefinedLog;
};

constexpr KindLimits limitsOf(SeqKind k) {
    switch (k) {
    case SeqKind::literalLength: return {kLLMaxCode, kLLMaxLog, kLLPredefinedLog};
    case SeqKind::matchLength: return {kMLMaxCode, kMLMaxLog, kMLPredefinedLog};
    default: return {kOFMaxCode, kOFMaxLog, kOFPredefinedLog};
    }
}

}  // namespace

constinit const PredefinedTables kPredefined = makePredefined();

template <SeqKind kind>
size_t readSeqTable(const SeqCell** table, unsigned* tableLog, SeqCell* space, unsigned mode, const void* src,
                    size_t srcSize) {
    constexpr KindLimits lim = limitsOf(kind);
    switch (mode) {
    case 0:
        *table = kind == SeqKind::literalLength ? kPredefined.ll
                 : kind == SeqKind::matchLength ? kPredefined.ml
                                                : kPredefined.of;
        *tableLog = lim.predefinedLog;
        return 0;
    case 1: {
        if (srcSize < 1) return ZEST_ERR(srcSize_wrong);
        const unsigned code = *static_cast<const u8*>(src);
        if (code > lim.maxCode) return ZEST_ERR(corruption_detected);
        buildSeqRleTable<kind>(space, code);
        *table = space;
        *tableLog = 0;
        return 1;
    }
    case 2: {
        short norm[kMLMaxCode + 1];
        unsigned maxSymbol = lim.maxCode;
        unsigned log = 0;
        const size_t n = readNormalizedCounts(norm, &maxSymbol, &log, lim.maxLog, src, srcSize);
        if (isError(n)) return ZEST_ERR(corruption_detected);
        buildSeqTable<kind>(space, norm, maxSymbol, log);
        *table = space;
        *tableLog = log;
        return n;
    }
    default:
        // Repeat: the caller checks that a previous table exists.
        if (*table == nullptr) return ZEST_ERR(corruption_detected);
        return 0;
    }
}

template size_t readSeqTable<SeqKind::literalLength>(const SeqCell**, unsigned*, SeqCell*, unsigned, const void*,
                                                     size_t);
template size_t readSeqTable<SeqKind::matchLength>(const SeqCell**, unsigned*, SeqCell*, unsigned, const void*,
                                                   size_t);
template size_t readSeqTable<SeqKind::offset>(const SeqCell**, unsigned*, SeqCell*, unsigned, const void*, size_t);

}  // namespace zest
