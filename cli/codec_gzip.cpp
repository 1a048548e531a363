// gzip through zlib: one member per stream, as gzip(1) writes them.
#include <zlib.h>

#include <algorithm>
#include <climits>
#include <string>

#include "codecs.h"
#include "errors.h"

namespace zcli {

namespace {

uInt clampAvail(size_t n) { return static_cast<uInt>(std::min<size_t>(n, UINT_MAX)); }

void point(z_stream& z, const CodecBuffers& b) {
    z.next_in = const_cast<Bytef*>(b.in + b.inPos);
    z.avail_in = clampAvail(b.inSize - b.inPos);
    z.next_out = b.out + b.outPos;
    z.avail_out = clampAvail(b.outSize - b.outPos);
}

void advance(const z_stream& z, CodecBuffers& b) {
    b.inPos = static_cast<size_t>(z.next_in - b.in);
    b.outPos = static_cast<size_t>(z.next_out - b.out);
}

class GzipEncoder final : public ForeignEncoder {
public:
    explicit GzipEncoder(const EncoderSettings& s) {
        // zlib's levels are 1..9; --fast levels map to its fastest.
        const int level = std::clamp(s.level, 1, Z_BEST_COMPRESSION);
        const int rc = deflateInit2(&z_, level, Z_DEFLATED, 15 + 16 /* gzip wrapper */, 8, Z_DEFAULT_STRATEGY);
        if (rc != Z_OK) throw FatalError(71, "deflateInit2 error " + std::to_string(rc));
    }
    ~GzipEncoder() override { deflateEnd(&z_); }

    CodecStatus encode(CodecBuffers& b, bool finish) override {
        point(z_, b);
        rc_ = deflate(&z_, finish ? Z_FINISH : Z_NO_FLUSH);
        advance(z_, b);
        if (rc_ == Z_STREAM_END) return CodecStatus::end;
        if (rc_ == Z_OK || rc_ == Z_BUF_ERROR) return CodecStatus::more;
        return CodecStatus::error;
    }
    std::string errorText() const override { return "deflate error " + std::to_string(rc_); }
    int errorCode() const override { return 72; }

private:
    z_stream z_{};
    int rc_ = Z_OK;
};

class GzipDecoder final : public ForeignDecoder {
public:
    GzipDecoder() {
        if (inflateInit2(&z_, 15 + 16) != Z_OK) throw FatalError(71, "inflateInit2 error");
    }
    ~GzipDecoder() override { inflateEnd(&z_); }

    CodecStatus decode(CodecBuffers& b, bool atEof) override {
        point(z_, b);
        const uInt inBefore = z_.avail_in, outBefore = z_.avail_out;
        const int rc = inflate(&z_, Z_NO_FLUSH);
        advance(z_, b);
        if (rc == Z_STREAM_END) {
            inflateReset(&z_);  // ready for a following member
            return CodecStatus::end;
        }
        const bool stuck = z_.avail_in == inBefore && z_.avail_out == outBefore;
        if (rc == Z_OK || rc == Z_BUF_ERROR) {
            if (atEof && b.inPos == b.inSize && (stuck || rc == Z_BUF_ERROR) && z_.avail_out != 0) {
                text_ = "premature gz end";
                return CodecStatus::error;
            }
            return CodecStatus::more;
        }
        text_ = "inflate error " + std::to_string(rc);
        if (z_.msg != nullptr) text_ += std::string(" (") + z_.msg + ")";
        return CodecStatus::error;
    }
    std::string errorText() const override { return text_; }

private:
    z_stream z_{};
    std::string text_;
};

}  // namespace

std::unique_ptr<ForeignEncoder> makeGzipEncoder(const EncoderSettings& s) { return std::make_unique<GzipEncoder>(s); }
std::unique_ptr<ForeignDecoder> makeGzipDecoder() { return std::make_unique<GzipDecoder>(); }
std::string gzipLibraryVersion() { return ::zlibVersion(); }

}  // namespace zcli
