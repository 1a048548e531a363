// Typed parameters: each type reaches the ZSTD_c_* / ZSTD_d_* parameter it names (read
// back through the C API), has the effect it promises on the frames, and is checked
// against the library's bounds.
#define ZSTD_STATIC_LINKING_ONLY  // ZSTD_CCtx_getParameter / ZSTD_DCtx_getParameter
#include "cpp_test_util.h"

using namespace cpptest;

namespace {

int get(const zest::Compressor& c, ZSTD_cParameter p) {
    int value = -12345;
    EXPECT_FALSE(ZSTD_isError(ZSTD_CCtx_getParameter(c.native_handle(), p, &value)));
    return value;
}

// Each setting type names its own parameter.
static_assert(zest::detail::native(zest::Level{1}).id == ZSTD_c_compressionLevel);
static_assert(zest::detail::native(zest::WindowLog{1}).id == ZSTD_c_windowLog);
static_assert(zest::detail::native(zest::HashLog{1}).id == ZSTD_c_hashLog);
static_assert(zest::detail::native(zest::ChainLog{1}).id == ZSTD_c_chainLog);
static_assert(zest::detail::native(zest::SearchLog{1}).id == ZSTD_c_searchLog);
static_assert(zest::detail::native(zest::MinMatch{1}).id == ZSTD_c_minMatch);
static_assert(zest::detail::native(zest::TargetLength{1}).id == ZSTD_c_targetLength);
static_assert(zest::detail::native(zest::LdmHashLog{1}).id == ZSTD_c_ldmHashLog);
static_assert(zest::detail::native(zest::LdmMinMatch{1}).id == ZSTD_c_ldmMinMatch);
static_assert(zest::detail::native(zest::LdmBucketSizeLog{1}).id == ZSTD_c_ldmBucketSizeLog);
static_assert(zest::detail::native(zest::LdmHashRateLog{1}).id == ZSTD_c_ldmHashRateLog);
static_assert(zest::detail::native(zest::Workers{1}).id == ZSTD_c_nbWorkers);
static_assert(zest::detail::native(zest::JobSize{1}).id == ZSTD_c_jobSize);
static_assert(zest::detail::native(zest::OverlapLog{1}).id == ZSTD_c_overlapLog);
static_assert(zest::detail::native(zest::Strategy::lazy2).id == ZSTD_c_strategy);
static_assert(zest::detail::native(zest::Strategy::lazy2).value == ZSTD_lazy2);
static_assert(zest::detail::native(zest::Checksum::on).id == ZSTD_c_checksumFlag);
static_assert(zest::detail::native(zest::ContentSize::off).id == ZSTD_c_contentSizeFlag);
static_assert(zest::detail::native(zest::DictId::off).id == ZSTD_c_dictIDFlag);
static_assert(zest::detail::native(zest::LongDistanceMatching::on).id == ZSTD_c_enableLongDistanceMatching);
static_assert(zest::detail::native(zest::WindowLogMax{10}).id == ZSTD_d_windowLogMax);

// A value of one parameter cannot be passed where another is expected, and plain ints
// are not settings.
static_assert(zest::CompressionSetting<zest::Level>);
static_assert(zest::CompressionSetting<zest::Strategy>);
static_assert(!zest::CompressionSetting<int>);
static_assert(!zest::CompressionSetting<zest::WindowLogMax>);
static_assert(zest::DecompressionSetting<zest::WindowLogMax>);
static_assert(!zest::DecompressionSetting<zest::WindowLog>);
static_assert(!std::is_convertible_v<int, zest::Level>);
static_assert(!std::is_convertible_v<zest::Level, zest::WindowLog>);

TEST(Params, ConstructorAndSetReachTheContext) {
    zest::Compressor c{zest::Level{19}, zest::Checksum::on, zest::WindowLog{21}, zest::Strategy::btopt};
    EXPECT_EQ(get(c, ZSTD_c_compressionLevel), 19);
    EXPECT_EQ(get(c, ZSTD_c_checksumFlag), 1);
    EXPECT_EQ(get(c, ZSTD_c_windowLog), 21);
    EXPECT_EQ(get(c, ZSTD_c_strategy), ZSTD_btopt);

    c.set(zest::HashLog{16})
        .set(zest::ChainLog{17})
        .set(zest::SearchLog{3})
        .set(zest::MinMatch{5})
        .set(zest::TargetLength{32})
        .set(zest::ContentSize::off)
        .set(zest::DictId::off)
        .set(zest::Checksum::off);
    EXPECT_EQ(get(c, ZSTD_c_hashLog), 16);
    EXPECT_EQ(get(c, ZSTD_c_chainLog), 17);
    EXPECT_EQ(get(c, ZSTD_c_searchLog), 3);
    EXPECT_EQ(get(c, ZSTD_c_minMatch), 5);
    EXPECT_EQ(get(c, ZSTD_c_targetLength), 32);
    EXPECT_EQ(get(c, ZSTD_c_contentSizeFlag), 0);
    EXPECT_EQ(get(c, ZSTD_c_dictIDFlag), 0);
    EXPECT_EQ(get(c, ZSTD_c_checksumFlag), 0);

    c.set(zest::LongDistanceMatching::on)
        .set(zest::LdmHashLog{20})
        .set(zest::LdmMinMatch{64})
        .set(zest::LdmBucketSizeLog{4})
        .set(zest::LdmHashRateLog{6});
    EXPECT_EQ(get(c, ZSTD_c_enableLongDistanceMatching), 1);
    EXPECT_EQ(get(c, ZSTD_c_ldmHashLog), 20);
    EXPECT_EQ(get(c, ZSTD_c_ldmMinMatch), 64);
    EXPECT_EQ(get(c, ZSTD_c_ldmBucketSizeLog), 4);
    EXPECT_EQ(get(c, ZSTD_c_ldmHashRateLog), 6);

    const std::string input = text(50000);
    EXPECT_TRUE(same_bytes(zest::decompress(c.compress(input)), input));
}

TEST(Params, MultithreadingParametersWhenSupported) {
    const zest::Bounds workers = zest::bounds<zest::Workers>();
    if (workers.max == 0) GTEST_SKIP() << "library built without multithreading";
    zest::Compressor c{zest::Workers{2}, zest::JobSize{1 << 20}, zest::OverlapLog{5}};
    EXPECT_EQ(get(c, ZSTD_c_nbWorkers), 2);
    EXPECT_EQ(get(c, ZSTD_c_jobSize), 1 << 20);
    EXPECT_EQ(get(c, ZSTD_c_overlapLog), 5);
    const std::string input = text(300000);
    EXPECT_TRUE(same_bytes(zest::decompress(c.compress(input)), input));
}

TEST(Params, FrameOptionsShowInTheHeader) {
    const zest::Bytes input = as_bytes(text(200 * 1024));

    const zest::Bytes plain = zest::Compressor().compress(input);
    const Header h0 = header_of(plain);
    EXPECT_FALSE(h0.checksum);
    EXPECT_EQ(h0.content_size, input.size());

    const zest::Bytes summed = zest::Compressor{zest::Checksum::on}.compress(input);
    EXPECT_TRUE(header_of(summed).checksum);
    EXPECT_EQ(summed.size(), plain.size() + 4);  // same blocks, plus the checksum
    EXPECT_TRUE(same_bytes(zest::decompress(summed), input));

    const zest::Bytes sizeless = zest::Compressor{zest::ContentSize::off, zest::WindowLog{17}}.compress(input);
    const Header h2 = header_of(sizeless);
    EXPECT_EQ(h2.content_size, ZSTD_CONTENTSIZE_UNKNOWN);
    EXPECT_EQ(h2.window_size, 1u << 17);
    EXPECT_TRUE(same_bytes(zest::decompress(sizeless), input));
}

TEST(Params, ChecksumCatchesDamage) {
    const zest::Bytes input = noise(5000);  // raw blocks: a flipped byte reaches the content
    zest::Bytes packed = zest::Compressor{zest::Checksum::on, zest::Level{1}}.compress(input);
    packed[packed.size() / 2] ^= std::byte{0x01};
    EXPECT_EQ(error_code_of([&] { (void)zest::decompress(packed); }), ZSTD_error_checksum_wrong);
}

TEST(Params, EveryStrategyRoundTrips) {
    const std::string input = text(40000, 3);
    for (const zest::Strategy s :
         {zest::Strategy::fast, zest::Strategy::dfast, zest::Strategy::greedy, zest::Strategy::lazy,
          zest::Strategy::lazy2, zest::Strategy::btlazy2, zest::Strategy::btopt, zest::Strategy::btultra,
          zest::Strategy::btultra2}) {
        zest::Compressor c{s};
        EXPECT_EQ(get(c, ZSTD_c_strategy), static_cast<int>(s));
        EXPECT_TRUE(same_bytes(zest::decompress(c.compress(input)), input)) << static_cast<int>(s);
    }
}

TEST(Params, NegativeAndExtremeLevels) {
    const std::string input = text(30000, 4);
    for (const int level : {zest::min_level().value, -5, -1, 0, 1, 3, 12, zest::max_level().value}) {
        EXPECT_TRUE(same_bytes(zest::decompress(zest::compress(input, zest::Level{level})), input)) << level;
    }
}

TEST(Params, BoundsComeFromTheLibrary) {
    const zest::Bounds w = zest::bounds<zest::WindowLog>();
    EXPECT_EQ(w.min, 10);
    EXPECT_GE(w.max, 30);
    EXPECT_TRUE(w.contains(20));
    EXPECT_FALSE(w.contains(w.max + 1));

    const zest::Bounds s = zest::bounds<zest::Strategy>();
    EXPECT_EQ(s.min, ZSTD_fast);
    EXPECT_EQ(s.max, ZSTD_btultra2);

    const zest::Bounds l = zest::bounds<zest::Level>();
    EXPECT_EQ(l.min, zest::min_level().value);
    EXPECT_EQ(l.max, zest::max_level().value);

    const zest::Bounds c = zest::bounds<zest::Checksum>();
    EXPECT_EQ(c.min, 0);
    EXPECT_EQ(c.max, 1);

    const zest::Bounds d = zest::bounds<zest::WindowLogMax>();
    EXPECT_EQ(d.min, 10);
    EXPECT_GE(d.max, 30);
}

TEST(Params, OutOfBoundsThrows) {
    zest::Compressor c;
    EXPECT_EQ(error_code_of([&] { c.set(zest::WindowLog{zest::bounds<zest::WindowLog>().max + 1}); }),
              ZSTD_error_parameter_outOfBound);
    EXPECT_EQ(error_code_of([&] { c.set(zest::Strategy{42}); }), ZSTD_error_parameter_outOfBound);
    EXPECT_EQ(error_code_of([] { zest::Decompressor d{zest::WindowLogMax{5}}; }), ZSTD_error_parameter_outOfBound);
    // The context is still usable after a rejected value.
    const std::string input = text(1000);
    EXPECT_TRUE(same_bytes(zest::decompress(c.compress(input)), input));
}

TEST(Params, ResetAllRestoresDefaults) {
    zest::Compressor c{zest::Level{12}, zest::Checksum::on};
    c.reset_all();
    EXPECT_EQ(get(c, ZSTD_c_compressionLevel), ZSTD_CLEVEL_DEFAULT);
    EXPECT_EQ(get(c, ZSTD_c_checksumFlag), 0);

    zest::Decompressor d{zest::WindowLogMax{12}};
    int value = 0;
    ASSERT_FALSE(ZSTD_isError(ZSTD_DCtx_getParameter(d.native_handle(), ZSTD_d_windowLogMax, &value)));
    EXPECT_EQ(value, 12);
    d.reset_all();
    ASSERT_FALSE(ZSTD_isError(ZSTD_DCtx_getParameter(d.native_handle(), ZSTD_d_windowLogMax, &value)));
    EXPECT_EQ(value, 27);  // ZSTD_WINDOWLOG_LIMIT_DEFAULT
}

TEST(Params, WindowLogMaxLimitsStreamingDecompression) {
    // A frame with no content size and a 64 KiB window (smaller than the input, so the
    // library keeps it), decoded by streaming.
    const zest::Bytes input = as_bytes(text(200 * 1024, 8));
    const zest::Bytes packed = zest::Compressor{zest::ContentSize::off, zest::WindowLog{16}}.compress(input);
    ASSERT_EQ(header_of(packed).window_size, 1u << 16);

    zest::Decompressor small{zest::WindowLogMax{15}};
    EXPECT_EQ(error_code_of([&] { (void)small.decompress(packed); }), ZSTD_error_frameParameter_windowTooLarge);
    small.set(zest::WindowLogMax{16});
    EXPECT_TRUE(same_bytes(small.decompress(packed), input));
}

// Streams `input` through compress_some: the first half with continue_input, the rest
// with end_frame (a single end_frame call would tell the library the size by itself).
zest::Bytes compress_in_two_calls(zest::Compressor& c, zest::ByteView input) {
    zest::Bytes out(zest::compress_bound(input.size()));
    std::size_t produced = 0;
    zest::ByteView half = input.first(input.size() / 2);
    zest::ByteView rest = input.subspan(input.size() / 2);
    while (!half.empty()) {
        const zest::StreamProgress p =
            c.compress_some(half, zest::MutableByteView(out).subspan(produced), zest::StreamOp::continue_input);
        half = half.subspan(p.consumed);
        produced += p.produced;
    }
    for (;;) {
        const zest::StreamProgress p =
            c.compress_some(rest, zest::MutableByteView(out).subspan(produced), zest::StreamOp::end_frame);
        rest = rest.subspan(p.consumed);
        produced += p.produced;
        if (p.remaining == 0) break;
    }
    EXPECT_TRUE(rest.empty());
    out.resize(produced);
    return out;
}

TEST(Params, PledgedSizeIsWrittenAndChecked) {
    const zest::Bytes input = as_bytes(text(10000));
    zest::Compressor c;
    c.set_pledged_size(input.size());
    const zest::Bytes out = compress_in_two_calls(c, input);
    EXPECT_EQ(header_of(out).content_size, input.size());
    EXPECT_TRUE(same_bytes(zest::decompress(out), input));

    // Delivering fewer bytes than pledged is an error.
    c.set_pledged_size(input.size() + 1);
    EXPECT_EQ(error_code_of([&] { (void)compress_in_two_calls(c, input); }), ZSTD_error_srcSize_wrong);
    c.reset_session();
    EXPECT_TRUE(same_bytes(zest::decompress(c.compress(input)), input));
}

}  // namespace
