// zest C++ API: typed compression and decompression parameters.
//
// Each parameter is its own type, so a value can only go to the parameter it was
// written for: Compressor{Level{19}, WindowLog{24}, Checksum::on}. Integer-valued
// parameters are tagged structs; switches and strategies are enum classes.
#pragma once

#include "zest/error.hpp"

#include <concepts>

namespace zest {
inline namespace v1 {

// An integer compression parameter, tagged with the ZSTD_cParameter it sets.
template <ZSTD_cParameter P>
struct CompressionParameter {
    static constexpr ZSTD_cParameter id = P;
    int value = 0;  // 0 = the library's default for every parameter here
};

// Compression level: 1..max_level() trade speed for ratio, negative levels are faster
// still; 0 means ZSTD_CLEVEL_DEFAULT.
using Level = CompressionParameter<ZSTD_c_compressionLevel>;
// Match-finder geometry (logs are base 2); 0 lets the level decide.
using WindowLog = CompressionParameter<ZSTD_c_windowLog>;
using HashLog = CompressionParameter<ZSTD_c_hashLog>;
using ChainLog = CompressionParameter<ZSTD_c_chainLog>;
using SearchLog = CompressionParameter<ZSTD_c_searchLog>;
using MinMatch = CompressionParameter<ZSTD_c_minMatch>;
using TargetLength = CompressionParameter<ZSTD_c_targetLength>;
// Long-distance matching tuning (see LongDistanceMatching).
using LdmHashLog = CompressionParameter<ZSTD_c_ldmHashLog>;
using LdmMinMatch = CompressionParameter<ZSTD_c_ldmMinMatch>;
using LdmBucketSizeLog = CompressionParameter<ZSTD_c_ldmBucketSizeLog>;
using LdmHashRateLog = CompressionParameter<ZSTD_c_ldmHashRateLog>;
// Multi-threading: Workers{0} compresses in the calling thread.
using Workers = CompressionParameter<ZSTD_c_nbWorkers>;
using JobSize = CompressionParameter<ZSTD_c_jobSize>;
using OverlapLog = CompressionParameter<ZSTD_c_overlapLog>;

// Match-finder strategy, from fastest to strongest (values of ZSTD_strategy).
enum class Strategy : int {
    fast = ZSTD_fast,
    dfast = ZSTD_dfast,
    greedy = ZSTD_greedy,
    lazy = ZSTD_lazy,
    lazy2 = ZSTD_lazy2,
    btlazy2 = ZSTD_btlazy2,
    btopt = ZSTD_btopt,
    btultra = ZSTD_btultra,
    btultra2 = ZSTD_btultra2,
};

// Frame options. Defaults: no checksum, content size written, dictionary ID written.
enum class Checksum : bool { off = false, on = true };     // 32-bit checksum of the content
enum class ContentSize : bool { off = false, on = true };  // content size in the header, when known
enum class DictId : bool { off = false, on = true };       // dictionary ID in the header

// Long-distance matching: finds repeats far back in a large window. automatic turns
// it on for large windows with the strongest strategies.
enum class LongDistanceMatching : int { automatic = 0, on = 1, off = 2 };

// Largest window a decompressor accepts, as a log (protects memory when streaming).
// 0 means the library default (ZSTD_WINDOWLOG_LIMIT_DEFAULT, 27 = 128 MiB).
struct WindowLogMax {
    int value = 0;
};

namespace detail {

struct NativeCParam {
    ZSTD_cParameter id;
    int value;
};
struct NativeDParam {
    ZSTD_dParameter id;
    int value;
};

template <ZSTD_cParameter P>
constexpr NativeCParam native(CompressionParameter<P> p) noexcept { return {P, p.value}; }
constexpr NativeCParam native(Strategy s) noexcept { return {ZSTD_c_strategy, static_cast<int>(s)}; }
constexpr NativeCParam native(Checksum c) noexcept { return {ZSTD_c_checksumFlag, static_cast<int>(c)}; }
constexpr NativeCParam native(ContentSize c) noexcept { return {ZSTD_c_contentSizeFlag, static_cast<int>(c)}; }
constexpr NativeCParam native(DictId d) noexcept { return {ZSTD_c_dictIDFlag, static_cast<int>(d)}; }
constexpr NativeCParam native(LongDistanceMatching m) noexcept {
    return {ZSTD_c_enableLongDistanceMatching, static_cast<int>(m)};
}
constexpr NativeDParam native(WindowLogMax w) noexcept { return {ZSTD_d_windowLogMax, w.value}; }

}  // namespace detail

// The types above that a Compressor or a Decompressor accepts.
template <class T>
concept CompressionSetting = requires(T t) {
    { detail::native(t) } -> std::same_as<detail::NativeCParam>;
};
template <class T>
concept DecompressionSetting = requires(T t) {
    { detail::native(t) } -> std::same_as<detail::NativeDParam>;
};

// Inclusive range the linked library accepts for a parameter.
struct Bounds {
    int min;
    int max;
    constexpr bool contains(int v) const noexcept { return min <= v && v <= max; }
};

// bounds<WindowLog>(), bounds<Strategy>(), bounds<WindowLogMax>() ... Asks the linked
// library, so it reflects what this build supports. Throws Error if it knows no such
// parameter.
template <class T>
    requires CompressionSetting<T> || DecompressionSetting<T>
Bounds bounds() {
    const ZSTD_bounds b = [] {
        if constexpr (CompressionSetting<T>) {
            return ZSTD_cParam_getBounds(detail::native(T{}).id);
        } else {
            return ZSTD_dParam_getBounds(detail::native(T{}).id);
        }
    }();
    detail::check(b.error);
    return {b.lowerBound, b.upperBound};
}

// Level range of the linked library (min_level() is negative: the fast levels).
inline Level min_level() noexcept { return Level{ZSTD_minCLevel()}; }
inline Level max_level() noexcept { return Level{ZSTD_maxCLevel()}; }
// The level used when none is given (3).
inline Level default_level() noexcept { return Level{ZSTD_defaultCLevel()}; }

}  // namespace v1
}  // namespace zest
