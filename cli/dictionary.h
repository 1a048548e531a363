// Loading the -D dictionary file (shared by both directions).
#pragma once

#include <string>
#include <vector>

namespace zcli {

// Largest dictionary file accepted (the reference's limit).
inline constexpr unsigned kMaxDictionarySize = 32u << 20;

// Reads the whole dictionary file. Throws FatalError with the reference's
// exit codes (31 stat failure, 32 not a regular file, 33 open failure,
// 34 larger than `maxSize`, 35 read failure).
std::vector<unsigned char> loadDictionaryFile(const std::string& path, unsigned long long maxSize = kMaxDictionarySize);

}  // namespace zcli
