#include "sample_data.h"

#include <algorithm>
#include <cstdint>
#include <string_view>

namespace zcli {
namespace {

// A small fixed-seed generator (xorshift64*): the same bytes on every run.
class Random {
public:
    explicit Random(std::uint64_t seed) : state_(seed | 1) {}
    std::uint64_t next() {
        state_ ^= state_ >> 12;
        state_ ^= state_ << 25;
        state_ ^= state_ >> 27;
        return state_ * 0x2545F4914F6CDD1DULL;
    }
    // Uniform in [0, bound).
    unsigned below(unsigned bound) { return static_cast<unsigned>((next() >> 32) % bound); }
    // Skewed towards 0: small values are much more frequent than large ones.
    unsigned skewed(unsigned bound) { return below(below(bound) + 1); }

private:
    std::uint64_t state_;
};

constexpr std::string_view kWords[] = {
    "et",        "in",          "ut",          "est",        "sed",       "non",          "ad",         "cum",
    "quod",      "qui",         "nec",         "sit",        "amet",      "enim",         "esse",       "lorem",
    "ipsum",     "dolor",       "vel",         "eu",         "nulla",     "magna",        "aliqua",     "labore",
    "dolore",    "tempor",      "minim",       "veniam",     "quis",      "nostrud",      "ullamco",    "laboris",
    "nisi",      "aliquip",     "commodo",     "consequat",  "duis",      "aute",         "irure",      "reprehenderit",
    "voluptate", "velit",       "cillum",      "fugiat",     "pariatur",  "excepteur",    "sint",       "occaecat",
    "cupidatat", "proident",    "sunt",        "culpa",      "officia",   "deserunt",     "mollit",     "anim",
    "id",        "laborum",     "consectetur", "adipiscing", "elit",      "eiusmod",      "incididunt", "exercitation",
    "integer",   "vitae",       "justo",       "eget",       "mauris",    "pharetra",     "viverra",    "tellus",
    "porta",     "lectus",      "arcu",        "felis",      "donec",     "massa",        "sapien",     "faucibus",
    "ornare",    "suspendisse", "potenti",     "morbi",      "tristique", "senectus",     "netus",      "malesuada",
    "fames",     "turpis",      "egestas",     "pretium",    "aenean",    "pellentesque", "habitant",   "vestibulum",
    "rhoncus",   "urna",        "neque",       "volutpat",   "blandit",   "cursus",       "risus",      "ultrices",
    "dapibus"};
constexpr unsigned kWordCount = sizeof kWords / sizeof kWords[0];

}  // namespace

std::vector<unsigned char> generateLoremText(size_t size) {
    std::vector<unsigned char> out;
    out.reserve(size + 64);
    Random rng(0x5EED1E55);
    auto put = [&out](std::string_view s) { out.insert(out.end(), s.begin(), s.end()); };
    while (out.size() < size) {
        const unsigned sentences = 3 + rng.below(6);
        for (unsigned s = 0; s < sentences && out.size() < size; ++s) {
            const unsigned words = 4 + rng.below(13);
            for (unsigned w = 0; w < words; ++w) {
                const std::string_view word = kWords[rng.skewed(kWordCount)];
                if (w == 0) {
                    if (s > 0) out.push_back(' ');
                    out.push_back(static_cast<unsigned char>(word[0] - 'a' + 'A'));
                    put(word.substr(1));
                } else {
                    out.push_back(' ');
                    put(word);
                }
                if (w + 1 < words && rng.below(10) == 0) out.push_back(',');
            }
            out.push_back(rng.below(12) == 0 ? '?' : '.');
        }
        put("\n\n");
    }
    out.resize(size);
    return out;
}

std::vector<unsigned char> generateSynthetic(size_t size, unsigned compressibility) {
    std::vector<unsigned char> out;
    out.reserve(size);
    Random rng(0xC0FFEE + compressibility);
    const unsigned matchPercent = std::min(compressibility, 100u);
    while (out.size() < size) {
        const size_t length = std::min<size_t>(size - out.size(), 4 + rng.skewed(60));
        if (out.size() > 64 && rng.below(100) < matchPercent) {
            // A repeat of something recent (overlapping copies make runs).
            const size_t reach = std::min<size_t>(out.size(), 1u << 15);
            const size_t from = out.size() - 1 - rng.below(static_cast<unsigned>(reach));
            for (size_t i = 0; i < length; ++i) {
                const unsigned char byte = out[from + i];
                out.push_back(byte);
            }
        } else {
            // Fresh bytes from a small alphabet, low characters more frequent.
            for (size_t i = 0; i < length; ++i) out.push_back(static_cast<unsigned char>('0' + rng.skewed(64)));
        }
    }
    return out;
}

}  // namespace zcli
