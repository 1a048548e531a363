// lz4 frames through liblz4, with the reference's frame settings: 64 KiB
// linked blocks, content checksum as --[no-]check says, content size when
// known.
#include <lz4.h>
#include <lz4frame.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "codecs.h"
#include "errors.h"

namespace zcli {

namespace {

constexpr size_t kLz4Block = 64 * 1024;

class Lz4Encoder final : public ForeignEncoder {
public:
    explicit Lz4Encoder(const EncoderSettings& s) {
        if (LZ4F_isError(LZ4F_createCompressionContext(&ctx_, LZ4F_VERSION)))
            throw FatalError(31, "failed to create lz4 compression context");
        prefs_.autoFlush = 1;
        prefs_.compressionLevel = s.level;
        prefs_.frameInfo.blockMode = LZ4F_blockLinked;
        prefs_.frameInfo.blockSizeID = LZ4F_max64KB;
        prefs_.frameInfo.contentChecksumFlag = s.checksum ? LZ4F_contentChecksumEnabled : LZ4F_noContentChecksum;
        prefs_.frameInfo.contentSize = s.contentSize.value_or(0);
        pending_.resize(std::max<size_t>(LZ4F_compressBound(kLz4Block, &prefs_), LZ4F_HEADER_SIZE_MAX));
    }
    ~Lz4Encoder() override { LZ4F_freeCompressionContext(ctx_); }

    CodecStatus encode(CodecBuffers& b, bool finish) override {
        for (;;) {
            // Hand over what is staged first.
            const size_t n = std::min(pendingEnd_ - pendingPos_, b.outSize - b.outPos);
            std::memcpy(b.out + b.outPos, pending_.data() + pendingPos_, n);
            b.outPos += n;
            pendingPos_ += n;
            if (pendingPos_ < pendingEnd_) return CodecStatus::more;
            pendingPos_ = pendingEnd_ = 0;
            if (ended_) return CodecStatus::end;

            size_t made;
            if (!begun_) {
                made = LZ4F_compressBegin(ctx_, pending_.data(), pending_.size(), &prefs_);
                begun_ = true;
            } else if (b.inPos < b.inSize) {
                const size_t take = std::min(kLz4Block, b.inSize - b.inPos);
                made = LZ4F_compressUpdate(ctx_, pending_.data(), pending_.size(), b.in + b.inPos, take, nullptr);
                b.inPos += take;
            } else if (finish) {
                made = LZ4F_compressEnd(ctx_, pending_.data(), pending_.size(), nullptr);
                ended_ = true;
            } else {
                return CodecStatus::more;
            }
            if (LZ4F_isError(made)) {
                rc_ = made;
                return CodecStatus::error;
            }
            pendingEnd_ = made;
        }
    }
    std::string errorText() const override {
        return std::string("lz4 compression failed : ") + LZ4F_getErrorName(rc_);
    }
    int errorCode() const override { return 35; }

private:
    LZ4F_cctx* ctx_ = nullptr;
    LZ4F_preferences_t prefs_{};
    std::vector<unsigned char> pending_;
    size_t pendingPos_ = 0, pendingEnd_ = 0;
    bool begun_ = false, ended_ = false;
    size_t rc_ = 0;
};

class Lz4Decoder final : public ForeignDecoder {
public:
    Lz4Decoder() {
        if (LZ4F_isError(LZ4F_createDecompressionContext(&ctx_, LZ4F_VERSION)))
            throw FatalError(61, "zstd: failed to create lz4 decompression context");
    }
    ~Lz4Decoder() override { LZ4F_freeDecompressionContext(ctx_); }

    CodecStatus decode(CodecBuffers& b, bool atEof) override {
        size_t inSize = b.inSize - b.inPos, outSize = b.outSize - b.outPos;
        const size_t hint = LZ4F_decompress(ctx_, b.out + b.outPos, &outSize, b.in + b.inPos, &inSize, nullptr);
        b.inPos += inSize;
        b.outPos += outSize;
        if (LZ4F_isError(hint)) {
            text_ = std::string("lz4 decompression error : ") + LZ4F_getErrorName(hint);
            LZ4F_resetDecompressionContext(ctx_);
            return CodecStatus::error;
        }
        if (hint == 0) return CodecStatus::end;  // the context is ready for another frame
        if (atEof && b.inPos == b.inSize && inSize == 0 && outSize == 0) {
            text_ = "unfinished lz4 stream";
            return CodecStatus::error;
        }
        return CodecStatus::more;
    }
    std::string errorText() const override { return text_; }

private:
    LZ4F_dctx* ctx_ = nullptr;
    std::string text_;
};

}  // namespace

std::unique_ptr<ForeignEncoder> makeLz4Encoder(const EncoderSettings& s) { return std::make_unique<Lz4Encoder>(s); }
std::unique_ptr<ForeignDecoder> makeLz4Decoder() { return std::make_unique<Lz4Decoder>(); }
std::string lz4LibraryVersion() { return LZ4_versionString(); }

}  // namespace zcli
