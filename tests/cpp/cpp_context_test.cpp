// Ownership: contexts and streams are unique owners (movable, not copyable), and a
// move carries parameters, dictionary and any frame in progress along.
#define ZSTD_STATIC_LINKING_ONLY  // ZSTD_CCtx_getParameter
#include "cpp_test_util.h"

#include <type_traits>
#include <utility>

using namespace cpptest;

namespace {

template <class T>
constexpr bool unique_owner = !std::is_copy_constructible_v<T> && !std::is_copy_assignable_v<T> &&
                              std::is_nothrow_move_constructible_v<T> && std::is_nothrow_move_assignable_v<T>;
static_assert(unique_owner<zest::Compressor>);
static_assert(unique_owner<zest::Decompressor>);
static_assert(!std::is_copy_constructible_v<zest::CompressStream>);
static_assert(!std::is_copy_constructible_v<zest::DecompressStream>);
static_assert(std::is_move_constructible_v<zest::CompressStream>);
static_assert(std::is_move_constructible_v<zest::DecompressStream>);
// Settings are explicit: no accidental conversion from a plain int or a setting.
static_assert(!std::is_convertible_v<zest::Level, zest::Compressor>);
static_assert(!std::is_convertible_v<zest::WindowLogMax, zest::Decompressor>);

TEST(Move, CompressorCarriesItsParameters) {
    zest::Compressor a{zest::Checksum::on, zest::Level{9}};
    ZSTD_CCtx* const handle = a.native_handle();
    zest::Compressor b = std::move(a);
    EXPECT_EQ(b.native_handle(), handle);
    EXPECT_EQ(a.native_handle(), nullptr);  // NOLINT(bugprone-use-after-move): the documented moved-from state

    int level = 0;
    ASSERT_FALSE(ZSTD_isError(ZSTD_CCtx_getParameter(b.native_handle(), ZSTD_c_compressionLevel, &level)));
    EXPECT_EQ(level, 9);
    const std::string input = text(5000);
    const std::string packed = b.compress(input);
    EXPECT_TRUE(header_of(zest::detail::bytes_of(packed)).checksum);

    // Move assignment replaces (and frees) the target's context; a moved-from object
    // can be assigned to again.
    zest::Compressor c;
    c = std::move(b);
    EXPECT_EQ(c.native_handle(), handle);
    b = zest::Compressor{zest::Level{1}};
    EXPECT_NE(b.native_handle(), nullptr);
    EXPECT_TRUE(same_bytes(zest::decompress(b.compress(input)), input));
    EXPECT_TRUE(same_bytes(zest::decompress(c.compress(input)), input));
}

TEST(Move, DecompressorCarriesItsDictionary) {
    const std::string dict = text(4096, 77);
    const std::string input = text(2000, 78) + dict.substr(100, 500);
    const std::string packed = zest::compress(input, zest::CompressDict(dict));

    zest::Decompressor a;
    a.set_dictionary(zest::DecompressDict(dict));
    zest::Decompressor b(std::move(a));
    EXPECT_EQ(a.native_handle(), nullptr);  // NOLINT(bugprone-use-after-move)
    EXPECT_TRUE(same_bytes(b.decompress(packed), input));

    zest::Decompressor c;
    c = std::move(b);
    EXPECT_TRUE(same_bytes(c.decompress(packed), input));
}

TEST(Move, StreamsMoveMidFrame) {
    const zest::Bytes input = as_bytes(text(100000, 5));
    zest::Bytes packed;
    zest::CompressStream first([&](zest::ByteView b) { packed.insert(packed.end(), b.begin(), b.end()); });
    first.write(zest::ByteView(input).first(40000));
    zest::CompressStream second = std::move(first);
    second.write(zest::ByteView(input).subspan(40000));
    second.finish();
    EXPECT_TRUE(same_bytes(zest::decompress(packed), input));

    zest::Bytes out;
    zest::DecompressStream d1([&](zest::ByteView b) { out.insert(out.end(), b.begin(), b.end()); });
    d1.write(zest::ByteView(packed).first(packed.size() / 2));
    zest::DecompressStream d2 = std::move(d1);
    EXPECT_TRUE(d2.in_frame());
    d2.write(zest::ByteView(packed).subspan(packed.size() / 2));
    d2.finish();
    EXPECT_TRUE(same_bytes(out, input));
}

TEST(Move, ContextsInContainers) {
    std::vector<zest::Compressor> pool;
    for (int level = 1; level <= 5; level++) pool.emplace_back(zest::Level{level});
    const std::string input = text(10000, 6);
    for (auto& c : pool) EXPECT_TRUE(same_bytes(zest::decompress(c.compress(input)), input));
}

}  // namespace
