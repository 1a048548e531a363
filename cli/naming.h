// Output file names: which suffixes decompression strips, and where outputs
// land with --output-dir-flat / --output-dir-mirror.
#pragma once

#include <optional>
#include <string>

namespace zcli {

// Suffix appended by compression in the zstd format.
inline constexpr const char* kZstdSuffix = ".zst";

// The suffixes decompression knows how to strip, for messages (".zst/.tzst").
const char* decompressibleSuffixList();

// "foo.zst" -> "foo", "foo.zstd" -> "foo", "foo.tzst" -> "foo.tar".
// nullopt when the name has no known suffix (or nothing before it).
std::optional<std::string> stripCompressedSuffix(const std::string& srcName);

// Last path component / everything before it ("" when there is no '/').
std::string baseName(const std::string& path);
std::string dirName(const std::string& path);

// Puts `name` (an output name derived from `srcPath`) into the requested
// output directory. Returns nullopt (after printing why) when the source
// cannot be mirrored, e.g. when its path contains "..".
struct OutputDirs {
    std::string flat;
    std::string mirror;
    bool any() const { return !flat.empty() || !mirror.empty(); }
};
std::optional<std::string> placeOutput(const std::string& srcPath, const std::string& name,
                                       const OutputDirs& dirs, const char* verb);

// Creates `path` and its missing parents (like mkdir -p). False on failure.
bool makeDirectories(const std::string& path);

}  // namespace zcli
