// Streaming: CompressStream / DecompressStream with small and odd chunk sizes, flush and
// frame boundaries, the step functions with tiny buffers, std::istream/std::ostream, and
// recovery after errors.
#include "cpp_test_util.h"

#include <sstream>

using namespace cpptest;

namespace {

// A sink that appends to a buffer.
struct Collect {
    zest::Bytes* out;
    void operator()(zest::ByteView b) const { out->insert(out->end(), b.begin(), b.end()); }
};

// Writes `data` to the stream in pieces of `chunk` bytes.
template <class Stream>
void write_chunked(Stream& s, zest::ByteView data, std::size_t chunk) {
    while (!data.empty()) {
        const std::size_t n = std::min(chunk, data.size());
        s.write(data.first(n));
        data = data.subspan(n);
    }
}

zest::Bytes decompress_chunked(zest::ByteView packed, std::size_t chunk) {
    zest::Bytes out;
    zest::DecompressStream ds(Collect{&out});
    write_chunked(ds, packed, chunk);
    ds.finish();
    return out;
}

struct StreamCase {
    std::size_t size;
    std::size_t chunk;
};

class StreamChunks : public ::testing::TestWithParam<StreamCase> {};

TEST_P(StreamChunks, RoundTrip) {
    const auto [size, chunk] = GetParam();
    const zest::Bytes input = as_bytes(text(size, static_cast<std::uint32_t>(chunk)));

    zest::Bytes packed;
    zest::CompressStream cs(Collect{&packed}, zest::Compressor{zest::Level{3}, zest::Checksum::on});
    write_chunked(cs, input, chunk);
    cs.finish();
    // Without writes, finish() is the first call and the library knows the size is 0.
    EXPECT_EQ(header_of(packed).content_size, size == 0 ? 0 : ZSTD_CONTENTSIZE_UNKNOWN);
    EXPECT_TRUE(header_of(packed).checksum);

    EXPECT_TRUE(same_bytes(zest::decompress(packed), input));
    EXPECT_TRUE(same_bytes(decompress_chunked(packed, chunk), input));
}

INSTANTIATE_TEST_SUITE_P(Chunks, StreamChunks,
                         ::testing::Values(StreamCase{0, 1}, StreamCase{1, 1}, StreamCase{1000, 1},
                                           StreamCase{1000, 7}, StreamCase{200 * 1024, 3},
                                           StreamCase{200 * 1024, 1000}, StreamCase{200 * 1024, 65536},
                                           StreamCase{200 * 1024, 1 << 20}));

TEST(Stream, AllWriteOverloads) {
    const std::string part = text(3000);
    zest::Bytes packed;
    zest::CompressStream cs(Collect{&packed});
    cs.write(std::string_view(part));
    cs.write(as_u8(part));
    cs.write(as_bytes(part));
    cs.finish();

    zest::Bytes out;
    zest::DecompressStream ds(Collect{&out});
    const std::string packed_text(reinterpret_cast<const char*>(packed.data()), packed.size());
    const std::vector<std::uint8_t> packed_u8(packed_text.begin(), packed_text.end());
    ds.write(std::string_view(packed_text).substr(0, 10));
    ds.write(std::span<const std::uint8_t>(packed_u8).subspan(10, 10));
    ds.write(zest::ByteView(packed).subspan(20));
    ds.finish();
    EXPECT_TRUE(same_bytes(out, as_bytes(part + part + part)));
}

TEST(Stream, FlushMakesEverythingDecodable) {
    zest::Bytes packed;
    zest::CompressStream cs(Collect{&packed});
    zest::Bytes decoded;
    zest::DecompressStream ds(Collect{&decoded});

    std::string sent;
    std::size_t fed = 0;
    for (std::uint32_t i = 0; i < 5; i++) {
        const std::string piece = text(777 * (i + 1), i);
        cs.write(piece);
        cs.flush();
        sent += piece;
        // Everything compressed so far decodes to everything written so far.
        ds.write(zest::ByteView(packed).subspan(fed));
        fed = packed.size();
        EXPECT_TRUE(same_bytes(decoded, as_bytes(sent))) << i;
        EXPECT_TRUE(ds.in_frame());
    }
    cs.finish();
    ds.write(zest::ByteView(packed).subspan(fed));
    EXPECT_FALSE(ds.in_frame());
    ds.finish();
    EXPECT_TRUE(same_bytes(decoded, as_bytes(sent)));
}

TEST(Stream, FinishStartsANewFrame) {
    zest::Bytes packed;
    zest::CompressStream cs(Collect{&packed});
    cs.write(std::string_view("first frame"));
    cs.finish();
    const std::size_t first = packed.size();
    cs.finish();  // an empty frame
    const std::size_t second = packed.size();
    cs.write(std::string_view("third frame"));
    cs.finish();

    EXPECT_EQ(zest::frame_compressed_size(packed), first);
    EXPECT_EQ(zest::frame_compressed_size(zest::ByteView(packed).subspan(first)), second - first);
    EXPECT_TRUE(same_bytes(zest::decompress(packed), as_bytes("first framethird frame")));
    EXPECT_TRUE(same_bytes(decompress_chunked(packed, 5), as_bytes("first framethird frame")));
}

TEST(Stream, PledgedSizeThroughTheStream) {
    const zest::Bytes input = as_bytes(text(50000));
    zest::Bytes packed;
    zest::CompressStream cs(Collect{&packed});
    cs.compressor().set_pledged_size(input.size());
    write_chunked(cs, input, 999);
    cs.finish();
    EXPECT_EQ(header_of(packed).content_size, input.size());
    EXPECT_TRUE(same_bytes(zest::decompress(packed), input));
}

TEST(Stream, TruncatedInputIsReportedByFinish) {
    const zest::Bytes packed = zest::compress(as_bytes(text(20000)));
    zest::Bytes out;
    zest::DecompressStream ds(Collect{&out});
    EXPECT_FALSE(ds.in_frame());
    ds.write(zest::ByteView(packed).first(packed.size() - 5));
    EXPECT_TRUE(ds.in_frame());
    EXPECT_EQ(error_code_of([&] { ds.finish(); }), ZSTD_error_srcSize_wrong);

    // Even two bytes of a frame header count as a started frame.
    zest::DecompressStream ds2(Collect{&out});
    ds2.write(zest::ByteView(packed).first(2));
    EXPECT_EQ(error_code_of([&] { ds2.finish(); }), ZSTD_error_srcSize_wrong);

    // No input at all is an empty stream, not an error.
    zest::DecompressStream ds3(Collect{&out});
    ds3.write(zest::ByteView{});
    EXPECT_NO_THROW(ds3.finish());
}

TEST(Stream, CorruptInputThrowsAndResetRecovers) {
    zest::Bytes out;
    zest::DecompressStream ds(Collect{&out});
    EXPECT_EQ(error_code_of([&] { ds.write(std::string_view("definitely not zstd")); }), ZSTD_error_prefix_unknown);
    ds.reset();
    const std::string input = text(5000);
    ds.write(zest::compress(input));
    ds.finish();
    EXPECT_TRUE(same_bytes(out, as_bytes(input)));
}

TEST(Stream, SinkExceptionsPropagateAndResetRecovers) {
    bool fail = true;
    zest::Bytes packed;
    zest::CompressStream cs([&](zest::ByteView b) {
        if (fail) throw std::runtime_error("sink full");
        packed.insert(packed.end(), b.begin(), b.end());
    });
    cs.write(std::string_view("some data"));
    EXPECT_THROW(cs.finish(), std::runtime_error);
    fail = false;
    cs.reset();
    cs.write(std::string_view("other data"));
    cs.finish();
    EXPECT_TRUE(same_bytes(zest::decompress(packed), as_bytes("other data")));
}

TEST(Stream, StepFunctionsWithTinyBuffers) {
    const zest::Bytes input = as_bytes(text(20000, 4));
    zest::Compressor c{zest::Level{6}};
    zest::Bytes packed;
    std::array<std::byte, 5> buf{};
    zest::ByteView in = input;
    // Feed 100 bytes per call through a 5-byte output window, then end the frame.
    while (!in.empty()) {
        const zest::ByteView piece = in.first(std::min<std::size_t>(100, in.size()));
        const zest::StreamProgress p = c.compress_some(piece, buf, zest::StreamOp::continue_input);
        EXPECT_LE(p.consumed, piece.size());
        EXPECT_LE(p.produced, buf.size());
        in = in.subspan(p.consumed);
        packed.insert(packed.end(), buf.begin(), buf.begin() + static_cast<std::ptrdiff_t>(p.produced));
    }
    for (;;) {
        const zest::StreamProgress p = c.compress_some({}, buf, zest::StreamOp::end_frame);
        EXPECT_EQ(p.consumed, 0u);
        packed.insert(packed.end(), buf.begin(), buf.begin() + static_cast<std::ptrdiff_t>(p.produced));
        if (p.remaining == 0) break;
    }

    zest::Decompressor d;
    zest::Bytes out;
    zest::ByteView src = packed;
    std::size_t last = 1;
    std::array<std::byte, 3> obuf{};
    while (!src.empty() || last != 0) {
        const zest::ByteView piece = src.first(std::min<std::size_t>(2, src.size()));
        const zest::StreamProgress p = d.decompress_some(piece, obuf);
        ASSERT_TRUE(p.consumed != 0 || p.produced != 0) << "no progress";
        src = src.subspan(p.consumed);
        out.insert(out.end(), obuf.begin(), obuf.begin() + static_cast<std::ptrdiff_t>(p.produced));
        last = p.remaining;
    }
    EXPECT_TRUE(same_bytes(out, input));
}

TEST(Stream, StdStreams) {
    const std::string input = text(200 * 1024, 21);
    std::istringstream in(input);
    std::stringstream packed;
    zest::compress(in, packed, zest::Level{2});

    std::stringstream out;
    zest::decompress(packed, out);
    EXPECT_TRUE(same_bytes(out.str(), input));

    // With configured contexts.
    zest::Compressor c{zest::Checksum::on};
    std::istringstream in2(input);
    std::ostringstream packed2;
    zest::compress(in2, packed2, c);
    EXPECT_TRUE(header_of(zest::detail::bytes_of(packed2.str())).checksum);
    zest::Decompressor d;
    std::istringstream packed2_in(packed2.str());
    std::ostringstream out2;
    zest::decompress(packed2_in, out2, d);
    EXPECT_TRUE(same_bytes(out2.str(), input));

    // Empty input: one empty frame, which decompresses to nothing.
    std::istringstream empty;
    std::stringstream packed3;
    zest::compress(empty, packed3);
    EXPECT_FALSE(packed3.str().empty());
    std::ostringstream out3;
    zest::decompress(packed3, out3);
    EXPECT_TRUE(out3.str().empty());
}

TEST(Stream, StdStreamErrors) {
    const std::string packed = zest::compress(text(10000));
    std::istringstream cut(packed.substr(0, packed.size() - 1));
    std::ostringstream out;
    EXPECT_EQ(error_code_of([&] { zest::decompress(cut, out); }), ZSTD_error_srcSize_wrong);

    std::istringstream garbage("garbage garbage garbage");
    EXPECT_EQ(error_code_of([&] { zest::decompress(garbage, out); }), ZSTD_error_prefix_unknown);

    // A failing output stream.
    std::ostringstream bad;
    bad.setstate(std::ios_base::badbit);
    std::istringstream in(text(100));
    EXPECT_THROW(zest::compress(in, bad), std::ios_base::failure);
}

TEST(Stream, OstreamAdapters) {
    const std::string input = text(70000, 33);
    std::ostringstream packed;
    {
        zest::CompressStream cs(packed, zest::Compressor{zest::Level{1}});
        write_chunked(cs, zest::detail::bytes_of(input), 4096);
        cs.finish();
    }
    std::ostringstream out;
    zest::DecompressStream ds(out);
    ds.write(packed.str());
    ds.finish();
    EXPECT_TRUE(same_bytes(out.str(), input));
}

}  // namespace
