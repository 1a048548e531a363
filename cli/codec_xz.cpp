// xz and lzma-alone through liblzma.
#include <lzma.h>

#include <algorithm>
#include <cstdint>
#include <string>

#include "codecs.h"
#include "errors.h"

namespace zcli {

namespace {

void point(lzma_stream& z, const CodecBuffers& b) {
    z.next_in = b.in + b.inPos;
    z.avail_in = b.inSize - b.inPos;
    z.next_out = b.out + b.outPos;
    z.avail_out = b.outSize - b.outPos;
}

void advance(const lzma_stream& z, CodecBuffers& b) {
    b.inPos = static_cast<size_t>(z.next_in - b.in);
    b.outPos = static_cast<size_t>(z.next_out - b.out);
}

class XzEncoder final : public ForeignEncoder {
public:
    XzEncoder(const EncoderSettings& s, bool plainLzma) {
        const auto preset = static_cast<std::uint32_t>(std::clamp(s.level, 0, 9));
        lzma_ret rc;
        if (plainLzma) {
            lzma_options_lzma options;
            if (lzma_lzma_preset(&options, preset)) throw FatalError(71, "lzma_lzma_preset error");
            rc = lzma_alone_encoder(&z_, &options);
        } else {
            rc = lzma_easy_encoder(&z_, preset, LZMA_CHECK_CRC64);
        }
        if (rc != LZMA_OK)
            throw FatalError(71, std::string(plainLzma ? "lzma_alone_encoder" : "lzma_easy_encoder") + " error " +
                                     std::to_string(rc));
    }
    ~XzEncoder() override { lzma_end(&z_); }

    CodecStatus encode(CodecBuffers& b, bool finish) override {
        point(z_, b);
        rc_ = lzma_code(&z_, finish ? LZMA_FINISH : LZMA_RUN);
        advance(z_, b);
        if (rc_ == LZMA_STREAM_END) return CodecStatus::end;
        if (rc_ == LZMA_OK || rc_ == LZMA_BUF_ERROR) return CodecStatus::more;
        return CodecStatus::error;
    }
    std::string errorText() const override { return "lzma_code encoding error " + std::to_string(rc_); }
    int errorCode() const override { return 72; }

private:
    lzma_stream z_ = LZMA_STREAM_INIT;
    lzma_ret rc_ = LZMA_OK;
};

class XzDecoder final : public ForeignDecoder {
public:
    explicit XzDecoder(bool plainLzma) : plain_(plainLzma) { start(); }
    ~XzDecoder() override { lzma_end(&z_); }

    CodecStatus decode(CodecBuffers& b, bool atEof) override {
        point(z_, b);
        const lzma_ret rc = lzma_code(&z_, atEof ? LZMA_FINISH : LZMA_RUN);
        advance(z_, b);
        switch (rc) {
        case LZMA_STREAM_END:
            start();  // ready for a following stream
            return CodecStatus::end;
        case LZMA_OK: return CodecStatus::more;
        case LZMA_BUF_ERROR:
            // No progress possible: at the end of the input, a cut stream.
            if (atEof && b.inPos == b.inSize && b.outPos < b.outSize) {
                text_ = "premature lzma end";  // the reference's words, for xz too
                return CodecStatus::error;
            }
            return CodecStatus::more;
        default: text_ = "lzma_code decoding error " + std::to_string(rc); return CodecStatus::error;
        }
    }
    std::string errorText() const override { return text_; }

private:
    void start() {
        // No memory limit, as the reference: -M bounds zstd windows only.
        const lzma_ret rc = plain_ ? lzma_alone_decoder(&z_, UINT64_MAX) : lzma_stream_decoder(&z_, UINT64_MAX, 0);
        if (rc != LZMA_OK)
            throw FatalError(71, std::string(plain_ ? "lzma_alone_decoder" : "lzma_stream_decoder") + " error " +
                                     std::to_string(rc));
    }

    lzma_stream z_ = LZMA_STREAM_INIT;
    bool plain_;
    std::string text_;
};

}  // namespace

std::unique_ptr<ForeignEncoder> makeXzEncoder(const EncoderSettings& s, bool plainLzma) {
    return std::make_unique<XzEncoder>(s, plainLzma);
}
std::unique_ptr<ForeignDecoder> makeXzDecoder(bool plainLzma) { return std::make_unique<XzDecoder>(plainLzma); }
std::string xzLibraryVersion() { return lzma_version_string(); }

}  // namespace zcli
