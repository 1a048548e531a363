// Compression of one input stream into one zstd frame (or one stream of the
// --format asked for), with the reference's per-file and summary lines.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "codecs.h"
#include "operation.h"
#include "options.h"

struct ZSTD_CCtx_s;

namespace zcli {

class ProgressLine;
class LevelAdapter;

class Compressor final : public FileOperation {
public:
    // Creates the context with the run's level, parameters and dictionary.
    // Throws FatalError like the reference (11 for library refusals, 31-35
    // for dictionary files, 1 for incompatible options).
    explicit Compressor(const Options& o);
    ~Compressor() override;
    Compressor(const Compressor&) = delete;
    Compressor& operator=(const Compressor&) = delete;

    const char* verb() const override { return "compress"; }
    bool sparseByDefault() const override { return false; }
    std::optional<std::string> outputNameFor(const std::string& srcPath) override;
    bool skipsInput(const std::string& srcPath) override;
    FileOutcome process(FileJob& job) override;
    void printSummary(unsigned filesDone, std::uint64_t totalRead, std::uint64_t totalWritten) override;

private:
    // Size announced to the library: --stream-size, else a regular file's size.
    std::optional<std::uint64_t> pledgedSize(const InputFile& in) const;
    void startFrame(const InputFile& in);
    void streamFrame(FileJob& job, FileOutcome& r, ProgressLine& progress);
    // --format=gzip/xz/lzma/lz4: the whole input as one stream of that format.
    void streamForeign(FileJob& job, FileOutcome& r, ProgressLine& progress);
    void showProgress(const FileJob& job, const FileOutcome& r, ProgressLine& progress, bool now) const;
    // -vv lines; `decoderMemory`: also the window a zstd decoder needs.
    void showEffectiveParams(std::optional<std::uint64_t> size, bool decoderMemory) const;
    void printResult(const FileJob& job, const FileOutcome& r) const;

    struct CCtxDeleter {
        void operator()(ZSTD_CCtx_s* cctx) const;
    };
    const Options& o_;
    int level_;
    std::optional<ForeignFormat> foreign_;  // nullopt: zstd
    std::unique_ptr<ZSTD_CCtx_s, CCtxDeleter> cctx_;
    std::unique_ptr<LevelAdapter> adapter_;  // --adapt
    size_t dictSize_ = 0;  // -D: the parameters shown depend on it
    std::vector<unsigned char> patchReference_;  // --patch-from content, referenced by every frame
    std::vector<unsigned char> in_;
    std::vector<unsigned char> out_;
};

}  // namespace zcli
