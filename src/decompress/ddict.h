// A dictionary digested for decompression: its content and, for formatted
// dictionaries, the entropy tables and repeat offsets it starts frames with.
#pragma once
#include "common/alloc.h"
#include "common/buffers.h"
#include "decompress/block.h"

namespace zest {

struct DictEntropy {
    HufTable huf;
    SeqTables seq;
    unsigned llLog = 0, mlLog = 0, ofLog = 0;
    u32 rep[3] = {1, 4, 8};
};

class DDict {
public:
    CustomMem mem{};
    bool isStatic = false;
    void* ownedBuffer = nullptr;  // copy of the dictionary (byCopy)
    const u8* dict = nullptr;     // whole dictionary as given
    size_t dictSize = 0;
    const u8* content = nullptr;  // the part used as history
    size_t contentSize = 0;
    unsigned dictID = 0;
    bool hasEntropy = false;
    DictEntropy entropy;
};

// Parse a dictionary into dd (dict/dictSize already set). Shared by DDict
// creation and by contexts that load a dictionary directly.
size_t digestDictionary(DDict* dd, DictContentType type);

// Make `st` start a frame with this dictionary (entropy and history).
void applyDictionary(BlockState& st, const DDict& dd);

}  // namespace zest
