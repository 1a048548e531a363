#include "decompress/seq_tables.h"

namespace zest {

namespace {

constexpr short kLLDefaultNorm[36] = {4, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 2, 2,
                                      2, 2, 2, 2, 2, 2, 2, 3, 2, 1, 1, 1, 1, 1, -1, -1, -1, -1};
constexpr short kMLDefaultNorm[53] = {1, 4, 3, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1, 1,
                                      1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, -1, -1, -1, -1, -1, -1, -1};
constexpr short kOFDefaultNorm[29] = {1, 1, 1, 1, 1, 1, 2, 2, 2, 1, 1, 1, 1, 1, 1,
                                      1, 1, 1, 1, 1, 1, 1, 1, 1, -1, -1, -1, -1, -1};

constexpr PredefinedTables makePredefined() {
    PredefinedTables t{};
    buildSeqTable(t.ll, kLLDefaultNorm, 35, kLLPredefinedLog, SeqKind::literalLength);
    buildSeqTable(t.ml, kMLDefaultNorm, 52, kMLPredefinedLog, SeqKind::matchLength);
    buildSeqTable(t.of, kOFDefaultNorm, 28, kOFPredefinedLog, SeqKind::offset);
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

size_t readSeqTable(const SeqCell** table, unsigned* tableLog, SeqCell* space, unsigned mode, SeqKind kind,
                    const void* src, size_t srcSize) {
    const KindLimits lim = limitsOf(kind);
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
        buildSeqRleTable(space, code, kind);
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
        buildSeqTable(space, norm, maxSymbol, log, kind);
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

}  // namespace zest
