#define ZSTD_STATIC_LINKING_ONLY  // ZSTD_getFrameHeader
#include "cpp_test_util.h"

namespace cpptest {

Header header_of(zest::ByteView frame) {
    ZSTD_frameHeader h{};
    const size_t ret = ZSTD_getFrameHeader(&h, frame.data(), frame.size());
    EXPECT_EQ(ret, 0u) << "not a complete frame header";
    return {h.frameContentSize, h.windowSize, h.dictID, h.checksumFlag != 0};
}

}  // namespace cpptest
