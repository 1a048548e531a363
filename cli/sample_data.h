// Deterministic data for the benchmark when no file is named.
#pragma once

#include <cstddef>
#include <vector>

namespace zcli {

// Size of the generated benchmark sample.
inline constexpr size_t kSampleSize = 10'000'000;

// Pseudo-Latin prose (words, sentences, paragraphs), like placeholder text.
std::vector<unsigned char> generateLoremText(size_t size);

// Bytes of which roughly `compressibility` percent are repeats of earlier
// content, the rest drawn from a skewed byte distribution (-P#).
std::vector<unsigned char> generateSynthetic(size_t size, unsigned compressibility);

}  // namespace zcli
