#include "decompress_file.h"

#define ZSTD_STATIC_LINKING_ONLY
#include <zstd.h>
#include <zstd_errors.h>

#include <cstring>
#include <string>

#include "advanced_params.h"
#include "codecs.h"
#include "dictionary.h"
#include "errors.h"
#include "formats.h"
#include "messages.h"
#include "naming.h"
#include "write_behind.h"

namespace zcli {

namespace {

unsigned ceilLog2(std::uint64_t v) {
    unsigned log = 0;
    while ((std::uint64_t{1} << log) < v && log < 63) ++log;
    return log;
}

}  // namespace

std::uint64_t effectiveWindowLimit(const Options& o) {
    if (o.memLimit != 0) return o.memLimit;
    unsigned wlog = 0;
    if (o.comp.longWindowLog) wlog = *o.comp.longWindowLog;
    if (unsigned w = advancedParamValue(o.comp.advancedParams, ZSTD_c_windowLog)) wlog = w;
    if (wlog != 0) return std::uint64_t{1} << (wlog & 31);
    return kDefaultWindowLimit;
}

Decompressor::Decompressor(const Options& o, bool passThrough)
    : passThrough_(passThrough), asyncio_(o.asyncio), windowLimit_(effectiveWindowLimit(o)) {
    dctx_.reset(ZSTD_createDCtx());
    if (!dctx_) throw FatalError(60, "Error: can't create ZSTD_DStream");
    ZSTD_DCtx* dctx = dctx_.get();
    if (!o.checksumValidate) checkZstd(ZSTD_DCtx_setParameter(dctx, ZSTD_d_forceIgnoreChecksum, ZSTD_d_ignoreChecksum));
    if (!o.dictFile.empty()) {
        std::vector<unsigned char> dict = loadDictionaryFile(o.dictFile);
        checkZstd(ZSTD_DCtx_loadDictionary(dctx, dict.data(), dict.size()));
    }
    if (!o.comp.patchFrom.empty()) {
        // The reference file is the window the patch was made against: the
        // frames may look back over all of it.
        patchReference_ = loadDictionaryFile(o.comp.patchFrom, std::uint64_t{1} << 31);
        if (patchReference_.size() > windowLimit_) windowLimit_ = patchReference_.size();
    }
    checkZstd(ZSTD_DCtx_setMaxWindowSize(dctx, static_cast<size_t>(windowLimit_)));
    in_.resize(ZSTD_DStreamInSize());
    out_.resize(ZSTD_DStreamOutSize());
}

void Decompressor::DCtxDeleter::operator()(ZSTD_DCtx_s* dctx) const { ZSTD_freeDCtx(dctx); }

std::optional<std::string> Decompressor::outputNameFor(const std::string& srcPath) {
    std::optional<std::string> name = stripCompressedSuffix(srcPath);
    if (!name)
        displayAt(1,
                  "zstd: %s: unknown suffix (%s expected). Can't derive the output file name. "
                  "Specify it with -o dstFileName. Ignoring.\n",
                  srcPath.c_str(), decompressibleSuffixList());
    return name;
}

size_t Decompressor::fillAtLeast(InputFile& in, size_t want) {
    if (inEnd_ - inPos_ >= want) return inEnd_ - inPos_;
    if (inPos_ > 0) {
        std::memmove(in_.data(), in_.data() + inPos_, inEnd_ - inPos_);
        inEnd_ -= inPos_;
        inPos_ = 0;
    }
    while (inEnd_ < want) {
        size_t n = in.read(in_.data() + inEnd_, in_.size() - inEnd_);
        if (n == 0) break;
        inEnd_ += n;
    }
    return inEnd_ - inPos_;
}

void Decompressor::showProgress(const FileJob& job, std::uint64_t produced, bool now) {
    if (!progressEnabled()) return;
    char line[512];
    const std::string size = humanSize(produced);
    if (job.count > 1)
        std::snprintf(line, sizeof line, "Decompress: %2u/%2u files. Current: %s : %s...    ", job.index, job.count,
                      job.input.displayName().c_str(), size.c_str());
    else
        std::snprintf(line, sizeof line, "%-20.20s : %s...     ", job.input.displayName().c_str(), size.c_str());
    progress_->update(line, now);
}

void Decompressor::reportWindowTooLarge(const std::string& name) const {
    ZSTD_frameHeader header;
    if (ZSTD_getFrameHeader(&header, frameHeader_, frameHeaderSize_) != 0) return;
    const unsigned long long window = header.windowSize;
    const unsigned windowLog = ceilLog2(window);
    if (windowLog > (sizeof(size_t) == 8 ? 31u : 30u)) {
        displayAt(1, "%s : Window log larger than ZSTD_WINDOWLOG_MAX=%u; not supported \n", name.c_str(),
                  sizeof(size_t) == 8 ? 31u : 30u);
        return;
    }
    const unsigned long long windowMB = (window + (1ull << 20) - 1) >> 20;
    displayAt(1, "%s : Window size larger than maximum : %llu > %llu \n", name.c_str(), window,
              static_cast<unsigned long long>(windowLimit_));
    displayAt(1, "%s : Use --long=%u or --memory=%lluMB \n", name.c_str(), windowLog, windowMB);
}

Decompressor::Step Decompressor::decodeFrame(FileJob& job, FileOutcome& r) {
    const std::string& name = job.input.displayName();
    // Keep the frame header at hand for the window-size diagnostic.
    size_t avail = fillAtLeast(job.input, ZSTD_FRAMEHEADERSIZE_MAX);
    frameHeaderSize_ = avail < sizeof frameHeader_ ? avail : sizeof frameHeader_;
    std::memcpy(frameHeader_, in_.data() + inPos_, frameHeaderSize_);
    // A prefix only lasts for one frame: attach it again for each.
    if (!patchReference_.empty())
        checkZstd(ZSTD_DCtx_refPrefix(dctx_.get(), patchReference_.data(), patchReference_.size()));

    for (;;) {
        ZSTD_inBuffer input{in_.data() + inPos_, inEnd_ - inPos_, 0};
        ZSTD_outBuffer output{out_.data(), out_.size(), 0};
        const size_t hint = ZSTD_decompressStream(dctx_.get(), &output, &input);
        inPos_ += input.pos;
        r.bytesRead += input.pos;
        if (ZSTD_isError(hint)) {
            progress_->clear();
            displayAt(1, "%s : Decoding error (36) : %s \n", name.c_str(), ZSTD_getErrorName(hint));
            if (ZSTD_getErrorCode(hint) == ZSTD_error_frameParameter_windowTooLarge) reportWindowTooLarge(name);
            return Step::failed;
        }
        if (output.pos > 0) {
            job.sink.write(out_.data(), output.pos);
            r.bytesWritten += output.pos;
            showProgress(job, r.bytesWritten, false);
        }
        if (hint == 0) return Step::frameDone;
        if (inPos_ < inEnd_) continue;
        if (output.pos == output.size) continue;  // more decoded data may be waiting
        inPos_ = inEnd_ = 0;
        size_t n = job.input.read(in_.data(), in_.size());
        if (n == 0) {
            progress_->clear();
            displayAt(1, "%s : Read error (39) : premature end \n", name.c_str());
            return Step::failed;
        }
        inEnd_ = n;
    }
}

Decompressor::Step Decompressor::decodeForeign(ForeignFormat format, FileJob& job, FileOutcome& r) {
    std::unique_ptr<ForeignDecoder>& decoder = foreignDecoders_[static_cast<size_t>(format)];
    if (!decoder) decoder = makeDecoder(format);
    bool atEof = false;
    int stalledSteps = 0;
    for (;;) {
        if (inPos_ == inEnd_ && !atEof) {
            inPos_ = inEnd_ = 0;
            inEnd_ = job.input.read(in_.data(), in_.size());
            atEof = inEnd_ == 0;
        }
        CodecBuffers b{in_.data(), inEnd_, inPos_, out_.data(), out_.size(), 0};
        const CodecStatus status = decoder->decode(b, atEof);
        r.bytesRead += b.inPos - inPos_;
        inPos_ = b.inPos;
        if (b.outPos > 0) {
            job.sink.write(out_.data(), b.outPos);
            r.bytesWritten += b.outPos;
            showProgress(job, r.bytesWritten, false);
        }
        if (status == CodecStatus::end) return Step::frameDone;
        // The decoders report a cut stream themselves; this only makes sure
        // that no library can keep the loop spinning at the end of input.
        const bool stalled = atEof && b.outPos == 0 && b.inPos == b.inSize;
        stalledSteps = stalled ? stalledSteps + 1 : 0;
        if (status == CodecStatus::error || stalledSteps > 2) {
            progress_->clear();
            const std::string what = status == CodecStatus::error ? decoder->errorText() : "premature end";
            displayAt(1, "zstd: %s: %s \n", job.input.displayName().c_str(), what.c_str());
            decoder.reset();  // a fresh one for the next stream
            return Step::failed;
        }
    }
}

bool Decompressor::passThroughRest(FileJob& job, FileOutcome& r) {
    for (;;) {
        if (inEnd_ > inPos_) {
            // Copied bytes are not "decompressed": like the reference, they
            // stay out of the byte counts and the result line.
            job.sink.write(in_.data() + inPos_, inEnd_ - inPos_);
            r.bytesRead += inEnd_ - inPos_;
        }
        inPos_ = inEnd_ = 0;
        size_t n = job.input.read(in_.data(), in_.size());
        if (n == 0) return true;
        inEnd_ = n;
    }
}

FileOutcome Decompressor::process(FileJob& job) {
    if (!asyncio_) return decodeAll(job);
    WriteBehindSink behind(job.sink);
    FileJob overlapped{job.input, behind, job.outputName, job.index, job.count};
    FileOutcome r = decodeAll(overlapped);
    behind.drain();  // also after a failure: what was decoded reaches stdout
    return r;
}

FileOutcome Decompressor::decodeAll(FileJob& job) {
    ProgressLine progress;
    progress_ = &progress;
    FileOutcome r;
    const std::string& name = job.input.displayName();
    inPos_ = inEnd_ = 0;
    ZSTD_DCtx_reset(dctx_.get(), ZSTD_reset_session_only);
    showProgress(job, 0, true);

    bool ok = true;
    bool passedThrough = false;
    try {
        for (bool first = true;; first = false) {
            size_t avail = fillAtLeast(job.input, kMagicSize);
            if (avail == 0) {
                if (first) {
                    progress.clear();
                    displayAt(1, "zstd: %s: unexpected end of file \n", name.c_str());
                    ok = false;
                }
                break;
            }
            InputFormat fmt = detectFormat(in_.data() + inPos_, avail);
            if (fmt == InputFormat::zstdFrame || fmt == InputFormat::skippableFrame) {
                if (decodeFrame(job, r) == Step::failed) {
                    ok = false;
                    break;
                }
                continue;
            }
            if (const std::optional<ForeignFormat> foreign = foreignFormatOf(fmt);
                foreign && formatCompiledIn(*foreign)) {
                if (decodeForeign(*foreign, job, r) == Step::failed) {
                    ok = false;
                    break;
                }
                continue;
            }
            progress.clear();
            const char* missing = nullptr;
            switch (fmt) {
            case InputFormat::gzip: missing = "gzip file cannot be uncompressed (zstd compiled without HAVE_ZLIB)"; break;
            case InputFormat::xz:
            case InputFormat::lzma:
                missing = "xz/lzma file cannot be uncompressed (zstd compiled without HAVE_LZMA)";
                break;
            case InputFormat::lz4: missing = "lz4 file cannot be uncompressed (zstd compiled without HAVE_LZ4)"; break;
            default: break;
            }
            if (missing != nullptr) {
                displayAt(1, "zstd: %s: %s -- ignored \n", name.c_str(), missing);
                ok = false;
            } else if (passThrough_) {
                ok = passThroughRest(job, r);
                passedThrough = true;
            } else if (avail < kMagicSize) {
                displayAt(1, "zstd: %s: unknown header \n", name.c_str());
                ok = false;
            } else {
                displayAt(1, "zstd: %s: unsupported format \n", name.c_str());
                ok = false;
            }
            break;
        }
    } catch (const ReadError& e) {
        progress.clear();
        displayAt(1, "zstd: %s: Read error : %s \n", name.c_str(), std::strerror(e.errnoValue));
        ok = false;
    }
    progress.clear();
    progress_ = nullptr;
    r.ok = ok;
    if (passedThrough) r.bytesWritten = 0;  // the reference does not count such files' output
    if (ok && !passedThrough && resultLineEnabled(job.count > 1 ? 3 : 2))
        displayAlways("%-20s: %llu bytes \n", name.c_str(), static_cast<unsigned long long>(r.bytesWritten));
    return r;
}

void Decompressor::printSummary(unsigned filesDone, std::uint64_t, std::uint64_t totalWritten) {
    if (resultLineEnabled(2))
        displayAlways("%u files decompressed : %6llu bytes total \n", filesDone,
                      static_cast<unsigned long long>(totalWritten));
}

}  // namespace zcli
