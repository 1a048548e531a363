// Display levels and everything written to stderr for the user: leveled
// messages, human-readable sizes and the throttled progress line.
#pragma once

#include <cstdint>
#include <string>

#include "options.h"

namespace zcli {

// Display levels: 0 silent, 1 errors, 2 results and warnings (default),
// 3 details, 4 and more: debugging information.
struct DisplayState {
    int level = 2;
    Tristate progress = Tristate::automatic;
    bool stderrIsConsole = false;
};

DisplayState& display();

// printf-style output to stderr, shown when the display level is >= `level`.
void displayAt(int level, const char* fmt, ...) __attribute__((format(printf, 2, 3)));
// Unconditional printf-style output to stderr.
void displayAlways(const char* fmt, ...) __attribute__((format(printf, 1, 2)));

// True when transient progress lines should be drawn.
bool progressEnabled();
// True when a per-file end-of-work line should be written (level >= `level`,
// or a forced --progress at level 1).
bool resultLineEnabled(int level);

// A size as value, decimals and binary unit ("B", "KiB", "MiB", ...). At
// display level 4 and above, sizes are exact byte counts.
struct HumanSize {
    double value;
    int precision;
    const char* unit;
};
HumanSize humanSizeParts(std::uint64_t bytes);

// "0 B", "47.7 KiB", "2.00 MiB", ...
std::string humanSize(std::uint64_t bytes);

// Redraws a "\r..." status line at most a few times per second.
class ProgressLine {
public:
    // Draws `text` if progress is enabled and the refresh delay has passed
    // (or `now` is true).
    void update(const std::string& text, bool now = false);
    // Erases whatever was drawn (the reference pads a line of 79 spaces).
    void clear();

private:
    std::int64_t lastDrawMs_ = -1;
    bool drawn_ = false;
};

}  // namespace zcli
