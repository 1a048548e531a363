#include "advanced_params.h"

#include <string>

#include "numparse.h"

namespace zcli {
namespace {

struct ParamName {
    std::string_view longName;
    std::string_view shortName;
    ZSTD_cParameter param;
};

constexpr ParamName kNames[] = {
    {"windowLog", "wlog", ZSTD_c_windowLog},
    {"chainLog", "clog", ZSTD_c_chainLog},
    {"hashLog", "hlog", ZSTD_c_hashLog},
    {"searchLog", "slog", ZSTD_c_searchLog},
    {"minMatch", "mml", ZSTD_c_minMatch},
    {"targetLength", "tlen", ZSTD_c_targetLength},
    {"strategy", "strat", ZSTD_c_strategy},
    {"overlapLog", "ovlog", ZSTD_c_overlapLog},
    {"ldmHashLog", "lhlog", ZSTD_c_ldmHashLog},
    {"ldmMinMatch", "lmml", ZSTD_c_ldmMinMatch},
    {"ldmBucketSizeLog", "lblog", ZSTD_c_ldmBucketSizeLog},
    {"ldmHashRateLog", "lhrlog", ZSTD_c_ldmHashRateLog},
};

}  // namespace

std::optional<std::vector<AdvancedParam>> parseAdvancedParams(std::string_view list) {
    std::vector<AdvancedParam> params;
    if (list.empty()) return std::nullopt;
    for (;;) {
        const size_t comma = list.find(',');
        const std::string_view item = list.substr(0, comma);
        const size_t eq = item.find('=');
        if (eq == std::string_view::npos) return std::nullopt;
        const std::string_view name = item.substr(0, eq);
        const ParamName* known = nullptr;
        for (const ParamName& n : kNames)
            if (name == n.longName || name == n.shortName) known = &n;
        if (known == nullptr) return std::nullopt;
        const std::string value(item.substr(eq + 1));
        const char* p = value.c_str();
        if (*p < '0' || *p > '9') return std::nullopt;
        const unsigned number = readU32(p);
        if (*p != '\0') return std::nullopt;
        params.push_back({known->param, number});
        if (comma == std::string_view::npos) return params;
        list.remove_prefix(comma + 1);
    }
}

unsigned advancedParamValue(std::string_view list, ZSTD_cParameter param) {
    unsigned value = 0;
    if (std::optional<std::vector<AdvancedParam>> params = parseAdvancedParams(list))
        for (const AdvancedParam& p : *params)
            if (p.param == param) value = p.value;
    return value;
}

}  // namespace zcli
