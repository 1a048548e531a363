// Decompression of one input stream: zstd frames (and skippable frames), and
// gzip, xz, lzma and lz4 streams where compiled in, one after another;
// optional pass-through of other data; the reference's error messages.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "codecs.h"
#include "operation.h"
#include "options.h"

struct ZSTD_DCtx_s;

namespace zcli {

// Window limit used when neither -M nor --long says otherwise (128 MiB).
inline constexpr std::uint64_t kDefaultWindowLimit = std::uint64_t{1} << 27;

// The limit -M / --memory / --long / --zstd=wlog= selects, in bytes.
std::uint64_t effectiveWindowLimit(const Options& o);

class Decompressor final : public FileOperation {
public:
    // Creates the decoding context with the run's settings (window limit,
    // checksum policy, dictionary). Throws FatalError like the reference.
    Decompressor(const Options& o, bool passThrough);
    ~Decompressor() override = default;
    Decompressor(const Decompressor&) = delete;
    Decompressor& operator=(const Decompressor&) = delete;

    const char* verb() const override { return "decompress"; }
    bool sparseByDefault() const override { return true; }
    std::optional<std::string> outputNameFor(const std::string& srcPath) override;
    FileOutcome process(FileJob& job) override;
    void printSummary(unsigned filesDone, std::uint64_t totalRead, std::uint64_t totalWritten) override;

private:
    enum class Step { frameDone, failed };

    // Everything of process() but the write-behind of --asyncio.
    FileOutcome decodeAll(FileJob& job);
    // Makes sure at least `want` unread bytes are buffered (fewer at EOF).
    // Returns the number of unread bytes.
    size_t fillAtLeast(InputFile& in, size_t want);
    Step decodeFrame(FileJob& job, FileOutcome& r);
    // One gzip member / xz or lzma stream / lz4 frame, through its library.
    Step decodeForeign(ForeignFormat format, FileJob& job, FileOutcome& r);
    bool passThroughRest(FileJob& job, FileOutcome& r);
    void reportWindowTooLarge(const std::string& name) const;
    void showProgress(const FileJob& job, std::uint64_t produced, bool now);

    struct DCtxDeleter {
        void operator()(ZSTD_DCtx_s* dctx) const;
    };
    std::unique_ptr<ZSTD_DCtx_s, DCtxDeleter> dctx_;
    bool passThrough_;
    bool asyncio_;
    std::uint64_t windowLimit_;
    std::vector<unsigned char> in_;
    size_t inPos_ = 0;
    size_t inEnd_ = 0;
    std::vector<unsigned char> out_;
    std::vector<unsigned char> patchReference_;  // --patch-from content, used as prefix of every frame
    unsigned char frameHeader_[32] = {};  // start of the current frame
    size_t frameHeaderSize_ = 0;
    class ProgressLine* progress_ = nullptr;
    std::unique_ptr<ForeignDecoder> foreignDecoders_[4];  // by ForeignFormat, made when first needed
};

}  // namespace zcli
