// Interactive confirmation. Like the reference, the answer is read from
// standard input whether or not it is a terminal.
#pragma once

namespace zcli {

// Prints `question` at display level 1, then reads one line from stdin.
// True when the answer starts with 'y' or 'Y'; otherwise prints
// `refusal` (also at level 1) and returns false.
bool confirm(const char* question, const char* refusal);

}  // namespace zcli
