#include "compress_file.h"

#define ZSTD_STATIC_LINKING_ONLY
#include <zstd.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstring>
#include <string_view>

#include "adapt.h"
#include "codecs.h"
#include "compress_params.h"
#include "dictionary.h"
#include "errors.h"
#include "messages.h"
#include "naming.h"
#include "threads.h"

namespace zcli {

namespace {

// Suffixes --exclude-compressed treats as "already compressed": 1.5.7's list.
// As the reference, the last '.' of the whole path starts the suffix.
bool hasCompressedSuffix(const std::string& path) {
    static constexpr std::string_view kSuffixes[] = {
        "zst",  "tzst", "gz",    "tgz",  "lzma",  "xz",   "txz",  "lz4",     "tlz4", "7z",   "aa3",  "aac",
        "aar",  "ace",  "alac",  "ape",  "apk",   "apng", "arc",  "archive", "arj",  "ark",  "asf",  "avi",
        "avif", "ba",   "br",    "bz2",  "cab",   "cdx",  "chm",  "cr2",     "divx", "dmg",  "dng",  "docm",
        "docx", "dotm", "dotx",  "dsft", "ear",   "eftx", "emz",  "eot",     "epub", "f4v",  "flac", "flv",
        "gho",  "gif",  "gifv",  "gnp",  "iso",   "jar",  "jpeg", "jpg",     "jxl",  "lz",   "lzh",  "m4a",
        "m4v",  "mkv",  "mov",   "mp2",  "mp3",   "mp4",  "mpa",  "mpc",     "mpe",  "mpeg", "mpg",  "mpl",
        "mpv",  "msi",  "odp",   "ods",  "odt",   "ogg",  "ogv",  "otp",     "ots",  "ott",  "pea",  "png",
        "pptx", "qt",   "rar",   "s7z",  "sfx",   "sit",  "sitx", "sqx",     "svgz", "swf",  "tbz2", "tib",
        "tlz",  "vob",  "war",   "webm", "webp",  "wma",  "wmv",  "woff",    "woff2", "wvl", "xlsx", "xpi",
        "xps",  "zip",  "zipx",  "zoo",  "zpaq"};
    const size_t dot = path.rfind('.');
    if (dot == std::string::npos) return false;
    const std::string_view ext = std::string_view(path).substr(dot + 1);
    return std::find(std::begin(kSuffixes), std::end(kSuffixes), ext) != std::end(kSuffixes);
}

// The --format= asked for, refused when its library was not compiled in.
std::optional<ForeignFormat> outputFormat(const std::string& format) {
    const std::optional<ForeignFormat> f = foreignFormatNamed(format);
    if (!f || formatCompiledIn(*f)) return f;
    const char* library = format == "gzip" ? "HAVE_ZLIB" : format == "lz4" ? "HAVE_LZ4" : "HAVE_LZMA";
    throw FatalError(1, format + " compression is not available (zstd compiled without " + library + ")");
}

unsigned highestBit(std::uint64_t v) {
    unsigned bit = 0;
    while (v >>= 1) ++bit;
    return bit;
}

}  // namespace

void Compressor::CCtxDeleter::operator()(ZSTD_CCtx_s* cctx) const { ZSTD_freeCCtx(cctx); }

Compressor::~Compressor() = default;

Compressor::Compressor(const Options& o) : o_(o), level_(compressionLevel(o)), foreign_(outputFormat(o.comp.format)) {
    if (o.comp.singleThread && o.comp.adapt)
        throw FatalError(1, "Adaptive mode is not compatible with single thread mode \n");
    if (o.comp.singleThread && o.comp.rsyncable)
        throw FatalError(1, "Rsyncable mode is not compatible with single thread mode \n");
    if (o.comp.adapt) {
        adapter_ = std::make_unique<LevelAdapter>(level_, o.comp.adaptMin, o.comp.adaptMax,
                                                  compressionWorkers(o.comp, false));
        level_ = adapter_->level();  // the starting level, within the range
    }
    cctx_.reset(ZSTD_createCCtx());
    if (!cctx_) throw FatalError(30, "allocation error : can't create ZSTD_CCtx");
    configureCCtx(cctx_.get(), o, level_, FrameUse::files);
    if (!o.dictFile.empty()) {
        const std::vector<unsigned char> dict = loadDictionaryFile(o.dictFile);
        dictSize_ = dict.size();
        checkZstd(ZSTD_CCtx_loadDictionary(cctx_.get(), dict.data(), dict.size()));
    }
    if (!o.comp.patchFrom.empty()) patchReference_ = loadDictionaryFile(o.comp.patchFrom, std::uint64_t{1} << 31);
    in_.resize(ZSTD_CStreamInSize());
    out_.resize(ZSTD_CStreamOutSize());
}

std::optional<std::string> Compressor::outputNameFor(const std::string& srcPath) {
    return srcPath + (foreign_ ? formatSuffix(*foreign_) : kZstdSuffix);
}

bool Compressor::skipsInput(const std::string& srcPath) {
    if (!o_.comp.excludeCompressed || !hasCompressedSuffix(srcPath)) return false;
    displayAt(4, "File is already compressed : %s \n", srcPath.c_str());
    return true;
}

std::optional<std::uint64_t> Compressor::pledgedSize(const InputFile& in) const {
    // --stream-size is for inputs of unknown size: a file's own size wins.
    if (std::optional<std::uint64_t> size = in.knownSize()) return size;
    return o_.comp.streamSize;
}

void Compressor::startFrame(const InputFile& in) {
    ZSTD_CCtx* cctx = cctx_.get();
    const std::optional<std::uint64_t> size = pledgedSize(in);
    checkZstd(ZSTD_CCtx_reset(cctx, ZSTD_reset_session_only));
    if (!patchReference_.empty()) {
        // The window must reach back over the whole reference (a prefix
        // serves one frame only, so it is attached again for each).
        if (!size) throw FatalError(42, "Using --patch-from with stdin requires --stream-size");
        const std::uint64_t largest = std::max<std::uint64_t>(*size, patchReference_.size());
        const int windowLog = static_cast<int>(std::clamp(highestBit(largest) + 1, 10u, 31u));
        checkZstd(ZSTD_CCtx_setParameter(cctx, ZSTD_c_windowLog, windowLog));
        // A window larger than the level's chain reaches: long-distance
        // matching finds what the chain cannot (the reference's rule).
        const ZSTD_compressionParameters cp = ZSTD_getCParams(level_, *size, patchReference_.size());
        const int cycleLog = static_cast<int>(cp.chainLog) - (cp.strategy >= ZSTD_btlazy2 ? 1 : 0);
        if (windowLog > cycleLog) {
            if (!o_.comp.longWindowLog) displayAt(2, "long mode automatically triggered\n");
            checkZstd(ZSTD_CCtx_setParameter(cctx, ZSTD_c_enableLongDistanceMatching, ZSTD_ps_enable));
        }
        checkZstd(ZSTD_CCtx_refPrefix(cctx, patchReference_.data(), patchReference_.size()));
    }
    if (size) checkZstd(ZSTD_CCtx_setPledgedSrcSize(cctx, *size));
    if (display().level >= 4) showEffectiveParams(size, true);
    if (o_.comp.showDefaultCParams)
        showDefaultCParams(in.displayName().c_str(), size.value_or(ZSTD_CONTENTSIZE_UNKNOWN), level_,
                           patchReference_.empty() ? dictSize_ : patchReference_.size());
}

// -vv: the parameters the frame is made with, in --zstd= form, and the
// window its decoder needs (the reference's lines).
void Compressor::showEffectiveParams(std::optional<std::uint64_t> size, bool decoderMemory) const {
    const size_t dictSize = patchReference_.empty() ? dictSize_ : patchReference_.size();
    ZSTD_compressionParameters cp = ZSTD_getCParams(level_, size.value_or(ZSTD_CONTENTSIZE_UNKNOWN), dictSize);
    auto given = [&](ZSTD_cParameter p, unsigned& field) {
        int v = 0;
        if (!ZSTD_isError(ZSTD_CCtx_getParameter(cctx_.get(), p, &v)) && v != 0) field = static_cast<unsigned>(v);
    };
    given(ZSTD_c_windowLog, cp.windowLog);
    given(ZSTD_c_chainLog, cp.chainLog);
    given(ZSTD_c_hashLog, cp.hashLog);
    given(ZSTD_c_searchLog, cp.searchLog);
    given(ZSTD_c_minMatch, cp.minMatch);
    given(ZSTD_c_targetLength, cp.targetLength);
    unsigned strategy = cp.strategy;
    given(ZSTD_c_strategy, strategy);
    displayAt(4, "--zstd=wlog=%u,clog=%u,hlog=%u,slog=%u,mml=%u,tlen=%u,strat=%u\n", cp.windowLog, cp.chainLog,
              cp.hashLog, cp.searchLog, cp.minMatch, cp.targetLength, strategy);
    // The run's I/O settings, in option form, as the reference shows them.
    displayAt(4, "--format=%s --no-sparse --block-size=%u%s --memory=%llu --threads=%u --%scontent-size\n",
              foreign_ ? formatSuffix(*foreign_) : kZstdSuffix, o_.comp.blockSize,
              o_.comp.rsyncable ? " --rsyncable" : "",
              static_cast<unsigned long long>(o_.memLimit ? o_.memLimit : std::uint64_t{1} << 27),
              compressionWorkers(o_.comp, false), o_.comp.contentSize ? "" : "no-");
    if (!decoderMemory) return;
    std::uint64_t window = std::uint64_t{1} << cp.windowLog;
    if (size && *size < window) window = *size;
    displayAt(4, "Decompression will require %llu B of memory\n", static_cast<unsigned long long>(window));
}

void Compressor::showProgress(const FileJob& job, const FileOutcome& r, ProgressLine& progress, bool now) const {
    if (!progressEnabled()) return;
    std::string line;
    if (job.count > 1) {
        line = "Compress: " + std::to_string(job.index) + "/" + std::to_string(job.count) +
               " files. Current: " + job.input.displayName() + " ";
    }
    char part[160];
    const HumanSize done = humanSizeParts(r.bytesRead);
    std::snprintf(part, sizeof part, "Read:%6.*f %3s ", done.precision, done.value, done.unit);
    line += part;
    if (std::optional<std::uint64_t> total = job.input.knownSize()) {
        const HumanSize all = humanSizeParts(*total);
        std::snprintf(part, sizeof part, "/%6.*f %3s ", all.precision, all.value, all.unit);
        line += part;
    }
    const double ratio = r.bytesRead ? 100.0 * static_cast<double>(r.bytesWritten) / r.bytesRead : 0.0;
    std::snprintf(part, sizeof part, "==> %2.0f%%", ratio);
    line += part;
    progress.update(line, now);
}

void Compressor::streamFrame(FileJob& job, FileOutcome& r, ProgressLine& progress) {
    LevelAdapter* const adapt = adapter_.get();
    using Phase = LevelAdapter::Phase;
    for (;;) {
        size_t got;
        {
            LevelAdapter::Timer t(adapt, Phase::read);
            got = job.input.read(in_.data(), in_.size());
        }
        r.bytesRead += got;
        const ZSTD_EndDirective directive = got == 0 ? ZSTD_e_end : ZSTD_e_continue;
        ZSTD_inBuffer input{in_.data(), got, 0};
        size_t toFlush = 0;
        do {
            ZSTD_outBuffer output{out_.data(), out_.size(), 0};
            {
                LevelAdapter::Timer t(adapt, Phase::compress);
                toFlush = checkZstd(ZSTD_compressStream2(cctx_.get(), &output, &input, directive));
            }
            if (output.pos > 0) {
                LevelAdapter::Timer t(adapt, Phase::write);
                job.sink.write(out_.data(), output.pos);
                r.bytesWritten += output.pos;
            }
        } while (directive == ZSTD_e_end ? toFlush != 0 : input.pos < input.size);
        if (directive == ZSTD_e_end) return;
        if (adapt) adapt->update(cctx_.get());
        showProgress(job, r, progress, false);
    }
}

void Compressor::streamForeign(FileJob& job, FileOutcome& r, ProgressLine& progress) {
    EncoderSettings settings;
    settings.level = level_;
    settings.checksum = o_.comp.checksum;
    if (o_.comp.contentSize) settings.contentSize = pledgedSize(job.input);
    const std::unique_ptr<ForeignEncoder> encoder = makeEncoder(*foreign_, settings);
    for (;;) {
        const size_t got = job.input.read(in_.data(), in_.size());
        r.bytesRead += got;
        const bool finish = got == 0;
        CodecBuffers b{in_.data(), got, 0, out_.data(), out_.size(), 0};
        for (;;) {
            b.outPos = 0;
            const CodecStatus status = encoder->encode(b, finish);
            if (status == CodecStatus::error)
                throw FatalError(encoder->errorCode(), job.input.displayName() + ": " + encoder->errorText());
            job.sink.write(out_.data(), b.outPos);
            r.bytesWritten += b.outPos;
            if (status == CodecStatus::end) return;
            if (!finish && b.inPos == b.inSize) break;
        }
        showProgress(job, r, progress, false);
    }
}

FileOutcome Compressor::process(FileJob& job) {
    FileOutcome r;
    const std::string& name = job.input.displayName();
    const auto wallStart = std::chrono::steady_clock::now();
    const std::clock_t cpuStart = std::clock();
    if (!foreign_) startFrame(job.input);
    else if (display().level >= 4) showEffectiveParams(pledgedSize(job.input), false);
    ProgressLine progress;
    showProgress(job, r, progress, true);
    try {
        if (foreign_)
            streamForeign(job, r, progress);
        else
            streamFrame(job, r, progress);
    } catch (const ReadError& e) {
        progress.clear();
        displayAt(1, "zstd: %s: Read error : %s \n", name.c_str(), std::strerror(e.errnoValue));
        return r;
    }
    progress.clear();
    r.ok = true;
    printResult(job, r);
    if (display().level >= 4) {
        const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart).count();
        const double cpu = static_cast<double>(std::clock() - cpuStart) / CLOCKS_PER_SEC;
        displayAt(4, "%-20s : Completed in %.2f sec  (cpu load : %.0f%%)\n", name.c_str(), wall,
                  wall > 0 ? 100.0 * cpu / wall : 100.0);
    }
    return r;
}

void Compressor::printResult(const FileJob& job, const FileOutcome& r) const {
    if (!resultLineEnabled(job.count > 1 ? 3 : 2)) return;
    const std::string& name = job.input.displayName();
    const HumanSize in = humanSizeParts(r.bytesRead);
    const HumanSize out = humanSizeParts(r.bytesWritten);
    if (r.bytesRead == 0)
        displayAlways("%-20s :  (%6.*f %s => %6.*f %s, %s) \n", name.c_str(), in.precision, in.value, in.unit,
                      out.precision, out.value, out.unit, job.outputName.c_str());
    else
        displayAlways("%-20s :%6.2f%%   (%6.*f %s => %6.*f %s, %s) \n", name.c_str(),
                      100.0 * static_cast<double>(r.bytesWritten) / static_cast<double>(r.bytesRead), in.precision,
                      in.value, in.unit, out.precision, out.value, out.unit, job.outputName.c_str());
}

void Compressor::printSummary(unsigned filesDone, std::uint64_t totalRead, std::uint64_t totalWritten) {
    if (!resultLineEnabled(2)) return;
    const HumanSize in = humanSizeParts(totalRead);
    const HumanSize out = humanSizeParts(totalWritten);
    if (totalRead == 0)
        displayAlways("%3u files compressed : (%6.*f %3s => %6.*f %3s)\n", filesDone, in.precision, in.value, in.unit,
                      out.precision, out.value, out.unit);
    else
        displayAlways("%3u files compressed : %.2f%% (%6.*f %3s => %6.*f %3s)\n", filesDone,
                      100.0 * static_cast<double>(totalWritten) / static_cast<double>(totalRead), in.precision,
                      in.value, in.unit, out.precision, out.value, out.unit);
}

}  // namespace zcli
