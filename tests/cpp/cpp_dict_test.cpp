// Dictionaries: prepared (CompressDict/DecompressDict) and loaded, with the free
// functions, the contexts and the streams; lifetime and sharing.
#include "cpp_test_util.h"

using namespace cpptest;

namespace {

// Raw-content dictionary and small samples that share its vocabulary: the case
// dictionaries are made for.
const std::string& dict_content() {
    static const std::string content = text(16 * 1024, 1234);
    return content;
}
std::string sample(std::uint32_t i) { return text(300 + i * 37, 1000 + i) + dict_content().substr(i * 500, 200); }

TEST(Dict, RoundTripWithPreparedDictionaries) {
    const zest::CompressDict cdict(dict_content(), zest::Level{5});
    const zest::DecompressDict ddict(dict_content());
    EXPECT_EQ(cdict.id(), 0u);  // raw content carries no ID
    EXPECT_EQ(ddict.id(), 0u);
    EXPECT_GT(cdict.memory_usage(), 0u);
    EXPECT_GT(ddict.memory_usage(), 0u);

    std::size_t with = 0, without = 0;
    for (std::uint32_t i = 0; i < 10; i++) {
        const std::string s = sample(i);
        const std::string packed = zest::compress(s, cdict);
        EXPECT_TRUE(same_bytes(zest::decompress(packed, ddict), s)) << i;
        with += packed.size();
        without += zest::compress(s, zest::Level{5}).size();
    }
    EXPECT_LT(with, without);  // the dictionary pays off on small inputs
}

TEST(Dict, AllFamiliesAndIntoBuffers) {
    const zest::CompressDict cdict(zest::detail::bytes_of(dict_content()));
    const zest::DecompressDict ddict(as_u8(dict_content()));
    const std::string s = sample(3);

    const zest::Bytes b = as_bytes(s);
    EXPECT_TRUE(same_bytes(zest::decompress(zest::compress(b, cdict), ddict), b));
    const std::vector<std::uint8_t> u = as_u8(s);
    EXPECT_TRUE(same_bytes(zest::decompress(zest::compress(u, cdict), ddict), u));

    std::string packed(zest::compress_bound(s.size()), '\0');
    packed.resize(zest::compress_into(packed, s, cdict).value());
    std::string out(s.size(), '\0');
    EXPECT_EQ(zest::decompress_into(out, packed, ddict).value(), s.size());
    EXPECT_TRUE(same_bytes(out, s));

    zest::Bytes packed_b(zest::compress_bound(s.size()));
    packed_b.resize(zest::compress_into(packed_b, b, cdict).value());
    zest::Bytes out_b(s.size());
    EXPECT_EQ(zest::decompress_into(out_b, packed_b, ddict).value(), s.size());
    EXPECT_TRUE(same_bytes(out_b, b));

    std::vector<std::uint8_t> packed_u(zest::compress_bound(s.size()));
    packed_u.resize(zest::compress_into(packed_u, u, cdict).value());
    std::vector<std::uint8_t> out_u(s.size());
    EXPECT_EQ(zest::decompress_into(out_u, packed_u, ddict).value(), s.size());
    EXPECT_TRUE(same_bytes(out_u, u));

    // The size limit applies with a dictionary too.
    EXPECT_EQ(error_code_of([&] { (void)zest::decompress(packed, ddict, s.size() - 1); }),
              ZSTD_error_dstSize_tooSmall);
    EXPECT_TRUE(same_bytes(zest::decompress(packed_b, ddict, s.size()), b));
    EXPECT_TRUE(same_bytes(zest::decompress(packed_u, ddict, s.size()), u));
}

TEST(Dict, WithoutTheDictionaryDecompressionFails) {
    const zest::CompressDict cdict(dict_content());
    const std::string s = sample(4);
    const std::string packed = zest::compress(s, cdict);
    EXPECT_THROW((void)zest::decompress(packed), zest::Error);
}

TEST(Dict, ContextsKeepTheirDictionaryAlive) {
    zest::Compressor c{zest::Checksum::on};
    zest::Decompressor d;
    {
        // The dictionaries go out of scope; the contexts still hold them.
        c.set_dictionary(zest::CompressDict(dict_content()));
        d.set_dictionary(zest::DecompressDict(dict_content()));
    }
    for (std::uint32_t i = 0; i < 5; i++) {
        const std::string s = sample(i);
        const std::string packed = c.compress(s);
        EXPECT_TRUE(header_of(zest::detail::bytes_of(packed)).checksum);  // context parameters still apply
        EXPECT_TRUE(same_bytes(d.decompress(packed), s));
    }

    // Cleared: plain frames again.
    c.clear_dictionary();
    d.clear_dictionary();
    const std::string s = sample(1);
    const std::string plain = c.compress(s);
    EXPECT_TRUE(same_bytes(zest::decompress(plain), s));
    EXPECT_TRUE(same_bytes(d.decompress(plain), s));
}

TEST(Dict, LoadedDictionaries) {
    zest::Compressor c{zest::Level{7}};
    zest::Decompressor d;
    c.load_dictionary(zest::detail::bytes_of(dict_content()));
    d.load_dictionary(zest::detail::bytes_of(dict_content()));
    const std::string s = sample(6);
    const std::string packed = c.compress(s);
    EXPECT_TRUE(same_bytes(d.decompress(packed), s));
    EXPECT_TRUE(same_bytes(zest::decompress(packed, zest::DecompressDict(dict_content())), s));

    // A prepared dictionary replaces a loaded one, and vice versa.
    c.set_dictionary(zest::CompressDict(dict_content(), zest::Level{1}));
    EXPECT_TRUE(same_bytes(d.decompress(c.compress(s)), s));
    c.load_dictionary(zest::detail::bytes_of(dict_content()));
    EXPECT_TRUE(same_bytes(d.decompress(c.compress(s)), s));

    c.reset_all();  // drops the dictionary with the parameters
    EXPECT_TRUE(same_bytes(zest::decompress(c.compress(s)), s));
}

TEST(Dict, StreamsWithDictionaries) {
    const zest::CompressDict cdict(dict_content());
    const zest::DecompressDict ddict(dict_content());
    const std::string s = sample(7) + sample(8);

    std::string packed;
    zest::CompressStream cs([&](zest::ByteView b) { packed.append(reinterpret_cast<const char*>(b.data()), b.size()); },
                            std::move(zest::Compressor().set_dictionary(cdict)));
    for (std::size_t i = 0; i < s.size(); i += 17) cs.write(std::string_view(s).substr(i, 17));
    cs.finish();

    std::string out;
    zest::Decompressor d;
    d.set_dictionary(ddict);
    zest::DecompressStream ds([&](zest::ByteView b) { out.append(reinterpret_cast<const char*>(b.data()), b.size()); },
                              std::move(d));
    for (std::size_t i = 0; i < packed.size(); i += 5) ds.write(std::string_view(packed).substr(i, 5));
    ds.finish();
    EXPECT_TRUE(same_bytes(out, s));
}

TEST(Dict, CopiesShareOneDigest) {
    const zest::CompressDict a(dict_content());
    const zest::CompressDict b = a;  // NOLINT(performance-unnecessary-copy-initialization)
    EXPECT_EQ(a.native_handle(), b.native_handle());
    const zest::DecompressDict c(dict_content());
    zest::DecompressDict d = c;
    EXPECT_EQ(c.native_handle(), d.native_handle());
    d = zest::DecompressDict(dict_content());
    EXPECT_NE(c.native_handle(), d.native_handle());
    static_assert(std::is_copy_constructible_v<zest::CompressDict>);
    static_assert(!std::is_default_constructible_v<zest::CompressDict>);
}

TEST(Dict, FrameDictionaryIdFollowsDictIdFlag) {
    // A formatted dictionary needs trained entropy tables; the ID logic is visible with
    // raw content too: no ID either way, and frames record none.
    zest::Compressor c{zest::DictId::on};
    c.set_dictionary(zest::CompressDict(dict_content()));
    EXPECT_EQ(zest::frame_dictionary_id(c.compress(zest::detail::bytes_of(sample(2)))), 0u);
}

}  // namespace
