// The formatted dictionary of the format ("Dictionary Format"): magic,
// dictionary ID, entropy tables described as in a compressed block (Huffman
// for literals; FSE for offsets, match lengths, literal lengths, in that
// order), three repeat offsets, then the content. Parsed once here; the
// compressor and the decoder each build their own tables from it.
#pragma once
#include "common/error.h"
#include "entropy/huf_decode.h"
#include "format/frame_format.h"
#include "format/sequence_codes.h"

namespace zest {

// One FSE table description: a normalized distribution.
struct DictFseTable {
    short norm[kMLMaxCode + 1];
    unsigned maxSymbol;
    unsigned tableLog;
};

struct DictLayout {
    u32 dictID = 0;
    DictFseTable of, ml, ll;
    u32 rep[3] = {1, 4, 8};
    const u8* content = nullptr;
    size_t contentSize = 0;
};

// Whether dict starts with the dictionary magic (and holds its ID).
inline bool isFormattedDictionary(const void* dict, size_t size) {
    return size >= 8 && readLE32(dict) == kMagicDictionary;
}

// Parse a formatted dictionary (isFormattedDictionary is true): the Huffman
// table into huf (decoding form), the rest into out. Every description is
// checked against the format's limits and the repeat offsets against the
// content size; anything wrong gives dictionary_corrupted.
size_t parseDictionaryLayout(DictLayout& out, HufTable& huf, const void* dict, size_t size);

}  // namespace zest
