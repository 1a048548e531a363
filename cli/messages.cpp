#include "messages.h"

#include <chrono>
#include <cstdarg>
#include <cstdio>

namespace zcli {

DisplayState& display() {
    static DisplayState state;
    return state;
}

void displayAt(int level, const char* fmt, ...) {
    if (display().level < level) return;
    va_list ap;
    va_start(ap, fmt);
    std::vfprintf(stderr, fmt, ap);
    va_end(ap);
}

void displayAlways(const char* fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    std::vfprintf(stderr, fmt, ap);
    va_end(ap);
}

bool progressEnabled() {
    const DisplayState& d = display();
    switch (d.progress) {
    case Tristate::off: return false;
    case Tristate::on: return d.level >= 1;
    case Tristate::automatic: return d.level >= 2 && d.stderrIsConsole;
    }
    return false;
}

bool resultLineEnabled(int level) {
    const DisplayState& d = display();
    if (d.level >= level) return true;
    return d.progress == Tristate::on && d.level >= 1 && level <= 2;
}

HumanSize humanSizeParts(std::uint64_t bytes) {
    static const char* const units[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    if (display().level >= 4) return {static_cast<double>(bytes), 0, units[0]};
    unsigned unit = 0;
    while (unit + 1 < sizeof units / sizeof units[0] && bytes >= (std::uint64_t{1} << (10 * (unit + 1)))) ++unit;
    double value = static_cast<double>(bytes) / static_cast<double>(std::uint64_t{1} << (10 * unit));
    int decimals;
    if (value >= 100 || unit == 0)
        decimals = 0;
    else if (value >= 10)
        decimals = 1;
    else if (value > 1)
        decimals = 2;
    else
        decimals = 3;
    return {value, decimals, units[unit]};
}

std::string humanSize(std::uint64_t bytes) {
    const HumanSize h = humanSizeParts(bytes);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f %s", h.precision, h.value, h.unit);
    return buf;
}

namespace {
std::int64_t nowMs() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}
constexpr std::int64_t kRefreshMs = 1000 / 6;
}  // namespace

void ProgressLine::update(const std::string& text, bool now) {
    if (!progressEnabled()) return;
    std::int64_t t = nowMs();
    if (!now && lastDrawMs_ >= 0 && t - lastDrawMs_ < kRefreshMs) return;
    lastDrawMs_ = t;
    std::fprintf(stderr, "\r%s", text.c_str());
    std::fflush(stderr);
    drawn_ = true;
}

void ProgressLine::clear() {
    if (!drawn_) return;
    std::fprintf(stderr, "\r%79s\r", "");
    drawn_ = false;
    lastDrawMs_ = -1;
}

}  // namespace zcli
