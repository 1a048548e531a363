#include "prompt.h"

#include <cstdio>

#include "messages.h"

namespace zcli {

bool confirm(const char* question, const char* refusal) {
    displayAt(1, "%s", question);
    std::fflush(stderr);
    int first = std::getchar();
    int c = first;
    while (c != EOF && c != '\n') c = std::getchar();
    if (first == 'y' || first == 'Y') return true;
    displayAt(1, "%s", refusal);
    return false;
}

}  // namespace zcli
