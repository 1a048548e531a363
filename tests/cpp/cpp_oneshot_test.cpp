// One-shot compression and decompression: free functions and context members, every
// byte family (std::byte, char, uint8_t), owning and into-buffer forms, frames with and
// without a declared content size, and the errors each reports.
#include "cpp_test_util.h"

#include <cstring>

using namespace cpptest;

namespace {

class OneShotSizes : public ::testing::TestWithParam<std::size_t> {};

TEST_P(OneShotSizes, FreeFunctionsAllFamilies) {
    const std::string input = text(GetParam());

    const std::string packed = zest::compress(input);
    EXPECT_EQ(header_of(zest::detail::bytes_of(packed)).content_size, input.size());
    EXPECT_TRUE(same_bytes(zest::decompress(packed), input));

    const zest::Bytes bytes = as_bytes(input);
    const zest::Bytes packed_bytes = zest::compress(bytes, zest::Level{1});
    EXPECT_TRUE(same_bytes(zest::decompress(packed_bytes), bytes));

    const std::vector<std::uint8_t> u8 = as_u8(input);
    const std::vector<std::uint8_t> packed_u8 = zest::compress(u8, zest::Level{19});
    EXPECT_TRUE(same_bytes(zest::decompress(packed_u8), u8));
}

TEST_P(OneShotSizes, IncompressibleData) {
    const zest::Bytes input = noise(GetParam());
    const zest::Bytes packed = zest::compress(input);
    EXPECT_LE(packed.size(), zest::compress_bound(input.size()));
    EXPECT_TRUE(same_bytes(zest::decompress(packed), input));
}

TEST_P(OneShotSizes, ContextMembersAllFamilies) {
    const std::string input = text(GetParam(), 5);
    zest::Compressor c{zest::Level{5}};
    zest::Decompressor d;

    EXPECT_TRUE(same_bytes(d.decompress(c.compress(input)), input));
    const zest::Bytes bytes = as_bytes(input);
    EXPECT_TRUE(same_bytes(d.decompress(c.compress(bytes)), bytes));
    const std::vector<std::uint8_t> u8 = as_u8(input);
    EXPECT_TRUE(same_bytes(d.decompress(c.compress(u8)), u8));
}

TEST_P(OneShotSizes, IntoBuffersAllFamilies) {
    const std::string input = text(GetParam(), 9);
    const std::size_t bound = zest::compress_bound(input.size());

    // Free functions, char.
    std::string packed(bound, '\0');
    const zest::Result csize = zest::compress_into(packed, input, zest::Level{3});
    ASSERT_TRUE(csize.ok()) << csize.message();
    packed.resize(csize.value());
    std::string out(input.size(), '\0');
    const zest::Result dsize = zest::decompress_into(out, packed);
    ASSERT_TRUE(dsize) << dsize.message();
    EXPECT_EQ(dsize.value(), input.size());
    EXPECT_TRUE(same_bytes(out, input));

    // Free functions, std::byte.
    const zest::Bytes bytes = as_bytes(input);
    zest::Bytes packed_bytes(bound);
    const std::size_t n = zest::compress_into(packed_bytes, bytes).value();
    zest::Bytes out_bytes(input.size());
    EXPECT_EQ(zest::decompress_into(out_bytes, zest::ByteView(packed_bytes).first(n)).value(), input.size());
    EXPECT_TRUE(same_bytes(out_bytes, bytes));

    // Free functions, uint8_t.
    const std::vector<std::uint8_t> u8 = as_u8(input);
    std::vector<std::uint8_t> packed_u8(bound);
    packed_u8.resize(zest::compress_into(packed_u8, u8).value());
    std::vector<std::uint8_t> out_u8(input.size());
    EXPECT_EQ(zest::decompress_into(out_u8, packed_u8).value(), input.size());
    EXPECT_TRUE(same_bytes(out_u8, u8));

    // Context members, all three families.
    zest::Compressor c{zest::Level{7}};
    zest::Decompressor d;
    std::string packed2(bound, '\0');
    packed2.resize(c.compress_into(packed2, input).value());
    std::string out2(input.size(), '\0');
    EXPECT_EQ(d.decompress_into(out2, packed2).value(), input.size());
    EXPECT_TRUE(same_bytes(out2, input));

    zest::Bytes packed3(bound);
    packed3.resize(c.compress_into(packed3, bytes).value());
    zest::Bytes out3(input.size());
    EXPECT_EQ(d.decompress_into(out3, packed3).value(), input.size());
    EXPECT_TRUE(same_bytes(out3, bytes));

    std::vector<std::uint8_t> packed4(bound);
    packed4.resize(c.compress_into(packed4, u8).value());
    std::vector<std::uint8_t> out4(input.size());
    EXPECT_EQ(d.decompress_into(out4, packed4).value(), input.size());
    EXPECT_TRUE(same_bytes(out4, u8));
}

TEST_P(OneShotSizes, UnknownContentSizeGrowsTheOutput) {
    // A streamed frame records no content size: decompress() must stream into a
    // growing buffer.
    const zest::Bytes input = as_bytes(text(GetParam(), 11));
    zest::Bytes packed;
    zest::CompressStream zs([&](zest::ByteView b) { packed.insert(packed.end(), b.begin(), b.end()); });
    zs.write(input);
    zs.finish();
    EXPECT_EQ(header_of(packed).content_size, ZSTD_CONTENTSIZE_UNKNOWN);
    EXPECT_EQ(zest::frame_content_size(packed), std::nullopt);

    EXPECT_TRUE(same_bytes(zest::decompress(packed), input));
    EXPECT_TRUE(same_bytes(zest::Decompressor().decompress(packed), input));
    const std::string packed_text(reinterpret_cast<const char*>(packed.data()), packed.size());
    EXPECT_EQ(zest::decompress(packed_text).size(), input.size());
    // The exact size as a limit is enough; one byte less is not.
    EXPECT_TRUE(same_bytes(zest::decompress(packed, input.size()), input));
    if (!input.empty()) {
        EXPECT_EQ(error_code_of([&] { (void)zest::decompress(packed, input.size() - 1); }),
                  ZSTD_error_dstSize_tooSmall);
    }
}

INSTANTIATE_TEST_SUITE_P(Sizes, OneShotSizes, ::testing::ValuesIn(kSizes));

// A skippable frame: magic 0x184D2A5?, 4-byte little-endian length, payload.
zest::Bytes skippable(std::size_t payload) {
    zest::Bytes f = {std::byte{0x53}, std::byte{0x2A}, std::byte{0x4D}, std::byte{0x18},
                     std::byte(payload & 0xFF), std::byte(payload >> 8), std::byte{0}, std::byte{0}};
    f.resize(f.size() + payload, std::byte{0xAB});
    return f;
}

TEST(OneShot, ConcatenatedAndSkippableFrames) {
    const zest::Bytes a = as_bytes(text(5000, 1));
    const zest::Bytes b = as_bytes(text(70000, 2));
    zest::Bytes all = zest::compress(a);
    const zest::Bytes skip = skippable(20);
    all.insert(all.end(), skip.begin(), skip.end());
    const zest::Bytes fb = zest::compress(b, zest::Level{9});
    all.insert(all.end(), fb.begin(), fb.end());

    zest::Bytes expected = a;
    expected.insert(expected.end(), b.begin(), b.end());
    EXPECT_TRUE(same_bytes(zest::decompress(all), expected));

    EXPECT_EQ(zest::frame_compressed_size(all), zest::compress(a).size());
    EXPECT_EQ(zest::frame_content_size(all), a.size());
    EXPECT_EQ(zest::frame_content_size(skip), 0u);
    EXPECT_EQ(zest::frame_compressed_size(skip), skip.size());

    // The same with one frame of unknown size in the middle: the growing path.
    zest::Bytes streamed;
    zest::CompressStream zs([&](zest::ByteView v) { streamed.insert(streamed.end(), v.begin(), v.end()); });
    zs.write(b);
    zs.finish();
    zest::Bytes mixed = zest::compress(a);
    mixed.insert(mixed.end(), skip.begin(), skip.end());
    mixed.insert(mixed.end(), streamed.begin(), streamed.end());
    mixed.insert(mixed.end(), fb.begin(), fb.end());
    expected.insert(expected.end(), b.begin(), b.end());
    EXPECT_TRUE(same_bytes(zest::decompress(mixed), expected));
}

TEST(OneShot, ResultsGiveBackUnusedMemory) {
    // 200 KiB of repetitive text compresses to a few KiB: the worst-case buffer the
    // compressor wrote into must not stay attached to the result.
    const std::string input(200 * 1024, 'z');
    const std::string packed = zest::compress(input);
    EXPECT_LE(packed.capacity(), std::max<std::size_t>(2 * packed.size(), 64));
    const zest::Bytes packed_bytes = zest::Compressor().compress(as_bytes(input));
    EXPECT_LE(packed_bytes.capacity(), std::max<std::size_t>(2 * packed_bytes.size(), 64));
}

TEST(OneShot, EmptyInputGivesEmptyOutput) {
    EXPECT_TRUE(zest::decompress(zest::ByteView{}).empty());
    EXPECT_TRUE(zest::decompress(std::string_view{}).empty());
    std::string out;
    EXPECT_EQ(zest::decompress_into(out, std::string_view{}).value(), 0u);
}

TEST(OneShot, ContextsAreReusable) {
    zest::Compressor c{zest::Level{4}};
    zest::Decompressor d;
    for (std::uint32_t seed = 0; seed < 20; seed++) {
        const std::string input = text(100 + seed * 977, seed);
        EXPECT_TRUE(same_bytes(d.decompress(c.compress(input)), input)) << seed;
    }
    EXPECT_GT(c.memory_usage(), 0u);
    EXPECT_GT(d.memory_usage(), 0u);
}

// ---- errors --------------------------------------------------------------------------------

// A frame whose one block has the reserved block type 3.
zest::Bytes reserved_block_frame() {
    return {std::byte{0x28}, std::byte{0xB5}, std::byte{0x2F}, std::byte{0xFD},  // magic
            std::byte{0x20}, std::byte{0x05},                                    // single segment, size 5
            std::byte{0x2F}, std::byte{0x00}, std::byte{0x00},                   // last, type 3, size 5
            std::byte{1},    std::byte{2},    std::byte{3},    std::byte{4},    std::byte{5}};
}

TEST(OneShotErrors, NotZstdIsPrefixUnknown) {
    const std::string garbage = "this is certainly not a zstd frame";
    EXPECT_EQ(error_code_of([&] { (void)zest::decompress(garbage); }), ZSTD_error_prefix_unknown);
    EXPECT_EQ(error_code_of([&] { (void)zest::Decompressor().decompress(garbage); }), ZSTD_error_prefix_unknown);
    std::string out(100, '\0');
    EXPECT_EQ(zest::decompress_into(out, garbage).error(), ZSTD_error_prefix_unknown);
    EXPECT_EQ(error_code_of([&] { (void)zest::frame_content_size(zest::detail::bytes_of(garbage)); }),
              ZSTD_error_prefix_unknown);
    EXPECT_EQ(error_code_of([&] { (void)zest::frame_compressed_size(zest::detail::bytes_of(garbage)); }),
              ZSTD_error_prefix_unknown);
}

TEST(OneShotErrors, CorruptBlockIsCorruptionDetected) {
    const zest::Bytes frame = reserved_block_frame();
    EXPECT_EQ(error_code_of([&] { (void)zest::decompress(frame); }), ZSTD_error_corruption_detected);
    zest::Bytes out(100);
    const zest::Result r = zest::decompress_into(out, frame);
    EXPECT_FALSE(r);
    EXPECT_EQ(r.error(), ZSTD_error_corruption_detected);
    EXPECT_STREQ(r.message(), ZSTD_getErrorString(ZSTD_error_corruption_detected));
    EXPECT_EQ(zest::Decompressor().decompress_into(out, frame).error(), ZSTD_error_corruption_detected);
}

TEST(OneShotErrors, ImpossibleDeclaredSizeIsRejectedBeforeAllocating) {
    // The header claims 1 GiB; one 1-byte raw block follows. No 13-byte frame can hold
    // that much, so decompress() must refuse without trying to allocate it.
    const zest::Bytes frame = {std::byte{0x28}, std::byte{0xB5}, std::byte{0x2F}, std::byte{0xFD},
                               std::byte{0xA0},                                                    // 4-byte size
                               std::byte{0x00}, std::byte{0x00}, std::byte{0x00}, std::byte{0x40},  // 1 GiB
                               std::byte{0x09}, std::byte{0x00}, std::byte{0x00}, std::byte{'x'}};
    EXPECT_EQ(zest::frame_content_size(frame), std::uint64_t{1} << 30);
    EXPECT_EQ(error_code_of([&] { (void)zest::decompress(frame); }), ZSTD_error_corruption_detected);
}

TEST(OneShotErrors, TruncatedFrame) {
    const zest::Bytes packed = zest::compress(as_bytes(text(3000)));
    const zest::ByteView cut = zest::ByteView(packed).first(packed.size() - 3);
    EXPECT_EQ(error_code_of([&] { (void)zest::decompress(cut); }), ZSTD_error_srcSize_wrong);
    zest::Bytes out(3000);
    EXPECT_FALSE(zest::decompress_into(out, cut).ok());
}

TEST(OneShotErrors, TruncatedStreamedFrame) {
    zest::Bytes packed;
    zest::CompressStream zs([&](zest::ByteView b) { packed.insert(packed.end(), b.begin(), b.end()); });
    zs.write(as_bytes(text(3000)));
    zs.finish();
    // Cut inside the frame but keep whole block headers readable: still an error.
    const zest::ByteView cut = zest::ByteView(packed).first(packed.size() - 1);
    EXPECT_EQ(error_code_of([&] { (void)zest::decompress(cut); }), ZSTD_error_srcSize_wrong);
}

TEST(OneShotErrors, DestinationTooSmall) {
    const std::string input = text(5000);
    std::string small(10, '\0');
    EXPECT_EQ(zest::compress_into(small, input).error(), ZSTD_error_dstSize_tooSmall);
    zest::Compressor c;
    EXPECT_EQ(c.compress_into(small, input).error(), ZSTD_error_dstSize_tooSmall);
    // The failure leaves the context usable, parameters included.
    c.set(zest::Level{6});
    EXPECT_TRUE(same_bytes(zest::decompress(c.compress(input)), input));

    const std::string packed = zest::compress(input);
    std::string out(input.size() - 1, '\0');
    EXPECT_EQ(zest::decompress_into(out, packed).error(), ZSTD_error_dstSize_tooSmall);
    zest::Decompressor d;
    EXPECT_EQ(d.decompress_into(out, packed).error(), ZSTD_error_dstSize_tooSmall);
    d.set(zest::WindowLogMax{20});
    EXPECT_TRUE(same_bytes(d.decompress(packed), input));

    // A declared size over the caller's limit.
    EXPECT_EQ(error_code_of([&] { (void)zest::decompress(packed, input.size() - 1); }), ZSTD_error_dstSize_tooSmall);
    EXPECT_TRUE(same_bytes(zest::decompress(packed, input.size()), input));
}

TEST(OneShotErrors, InputBeyondFrameLimit) {
    EXPECT_EQ(error_code_of([] { (void)zest::compress_bound(~std::size_t{0}); }), ZSTD_error_srcSize_wrong);
    EXPECT_GE(zest::compress_bound(1000), 1000u);
}

// ---- Result and Error --------------------------------------------------------------------------

TEST(ResultAndError, ResultSemantics) {
    const zest::Result good = zest::Result::from_zstd(42);
    EXPECT_TRUE(good.ok());
    EXPECT_TRUE(static_cast<bool>(good));
    EXPECT_EQ(good.value(), 42u);
    EXPECT_EQ(good.value_or(7), 42u);
    EXPECT_EQ(good.error(), ZSTD_error_no_error);

    const zest::Result bad = zest::Result::from_zstd(static_cast<size_t>(-ZSTD_error_checksum_wrong));
    EXPECT_FALSE(bad.ok());
    EXPECT_EQ(bad.error(), ZSTD_error_checksum_wrong);
    EXPECT_EQ(bad.value_or(7), 7u);
    EXPECT_STREQ(bad.message(), ZSTD_getErrorString(ZSTD_error_checksum_wrong));
    EXPECT_EQ(error_code_of([&] { (void)bad.value(); }), ZSTD_error_checksum_wrong);

    constexpr zest::Result failed = zest::Result::failure(ZSTD_error_memory_allocation);
    static_assert(!failed.ok());
    static_assert(failed.error() == ZSTD_error_memory_allocation);
}

TEST(ResultAndError, ErrorCarriesCodeAndMessage) {
    const zest::Error e(ZSTD_error_corruption_detected);
    EXPECT_EQ(e.code(), ZSTD_error_corruption_detected);
    EXPECT_STREQ(e.what(), ZSTD_getErrorString(ZSTD_error_corruption_detected));
    const std::runtime_error& base = e;  // catchable as a standard exception
    EXPECT_STREQ(base.what(), ZSTD_getErrorName(static_cast<size_t>(-ZSTD_error_corruption_detected)));

    const zest::Error custom(ZSTD_error_srcSize_wrong, "truncated");
    EXPECT_EQ(custom.code(), ZSTD_error_srcSize_wrong);
    EXPECT_STREQ(custom.what(), "truncated");
}

TEST(Info, LevelsVersionAndIds) {
    EXPECT_LT(zest::min_level().value, 0);
    EXPECT_EQ(zest::max_level().value, 22);
    EXPECT_EQ(zest::default_level().value, ZSTD_CLEVEL_DEFAULT);
    EXPECT_FALSE(zest::version().empty());
    EXPECT_EQ(zest::version(), ZSTD_versionString());

    // A formatted dictionary starts with its magic and ID; raw content has ID 0.
    const zest::Bytes header = {std::byte{0x37}, std::byte{0xA4}, std::byte{0x30}, std::byte{0xEC},
                                std::byte{0x78}, std::byte{0x56}, std::byte{0x34}, std::byte{0x12}};
    EXPECT_EQ(zest::dictionary_id(header), 0x12345678u);
    EXPECT_EQ(zest::dictionary_id(as_bytes(text(100))), 0u);
    EXPECT_EQ(zest::frame_dictionary_id(zest::compress(as_bytes(text(100)))), 0u);
}

}  // namespace
