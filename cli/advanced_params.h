// The --zstd=name=value,... list: advanced compression parameters by name.
#pragma once

#include <zstd.h>

#include <optional>
#include <string_view>
#include <vector>

namespace zcli {

struct AdvancedParam {
    ZSTD_cParameter param;
    unsigned value;
};

// Parses the list (long or short names, e.g. "windowLog=23,slog=4").
// nullopt when a name is unknown or an item is malformed; a value that
// overflows 32 bits ends the program like any other numeric option.
std::optional<std::vector<AdvancedParam>> parseAdvancedParams(std::string_view list);

// The last value given for `param` in an already validated list, 0 if none.
unsigned advancedParamValue(std::string_view list, ZSTD_cParameter param);

}  // namespace zcli
