// A compression dictionary after parsing: the content that precedes the
// first block, and (for formatted dictionaries) the entropy tables and repeat
// offsets the frame starts from.
#pragma once
#include "common/buffers.h"
#include "common/error.h"
#include "compress/block_encode.h"

namespace zest {

struct DictContent {
    const u8* content = nullptr;
    size_t contentSize = 0;
    u32 dictID = 0;
    bool hasEntropy = false;
    u32 rep[3] = {1, 4, 8};
    EntropyTables entropy;
};

// Parse dict[0..dictSize) per the content type. A raw dictionary shorter than
// 8 bytes is ignored (contentSize 0), as in the reference. The result points
// into dict. Errors: dictionary_wrong (fullDict without the magic),
// dictionary_corrupted (bad tables or repeat offsets).
size_t parseDictionary(DictContent& out, const void* dict, size_t dictSize, DictContentType type);

// Bytes of a formatted dictionary before its content (magic, ID, entropy
// tables, repeat offsets), once the tables check out for compression
// (ZDICT_getDictHeaderSize). dictionary_corrupted otherwise, and for anything
// of 8 bytes or less or without the magic.
size_t dictionaryHeaderSize(const void* dict, size_t dictSize);

}  // namespace zest
