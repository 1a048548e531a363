// Error values shared by every layer of zest.
//
// Like the C API we report failures in-band: a size_t result in the top 120
// values of size_t is an error, and (size_t)0 - result is its ErrorCode. The
// core uses the same encoding so the C shim never has to translate.
#pragma once
#include <cstddef>

namespace zest {

// Values are those of ZSTD_ErrorCode (zstd_errors.h); the shim static_asserts it.
enum class ErrorCode : int {
    no_error = 0,
    GENERIC = 1,
    prefix_unknown = 10,
    version_unsupported = 12,
    frameParameter_unsupported = 14,
    frameParameter_windowTooLarge = 16,
    corruption_detected = 20,
    checksum_wrong = 22,
    literals_headerWrong = 24,
    dictionary_corrupted = 30,
    dictionary_wrong = 32,
    dictionaryCreation_failed = 34,
    parameter_unsupported = 40,
    parameter_combination_unsupported = 41,
    parameter_outOfBound = 42,
    tableLog_tooLarge = 44,
    maxSymbolValue_tooLarge = 46,
    maxSymbolValue_tooSmall = 48,
    cannotProduce_uncompressedBlock = 49,
    stabilityCondition_notRespected = 50,
    stage_wrong = 60,
    init_missing = 62,
    memory_allocation = 64,
    workSpace_tooSmall = 66,
    dstSize_tooSmall = 70,
    srcSize_wrong = 72,
    dstBuffer_null = 74,
    noForwardProgress_destFull = 80,
    noForwardProgress_inputEmpty = 82,
    frameIndex_tooLarge = 100,
    seekableIO = 102,
    dstBuffer_wrong = 104,
    srcBuffer_wrong = 105,
    sequenceProducer_failed = 106,
    externalSequences_invalid = 107,
    maxCode = 120,
};

constexpr size_t makeError(ErrorCode c) { return size_t(0) - size_t(c); }
constexpr bool isError(size_t r) { return r > size_t(0) - size_t(ErrorCode::maxCode); }
constexpr ErrorCode errorCodeOf(size_t r) {
    return isError(r) ? ErrorCode(int(size_t(0) - r)) : ErrorCode::no_error;
}

// The reference's message for each code, byte for byte (programs match on them).
const char* errorString(ErrorCode c);
inline const char* errorName(size_t r) { return errorString(errorCodeOf(r)); }

}  // namespace zest

// Propagate an error result from an expression; evaluates it once.
#define ZEST_TRY(expr)                                   \
    do {                                                 \
        size_t zest_try_r_ = (expr);                     \
        if (::zest::isError(zest_try_r_)) return zest_try_r_; \
    } while (0)

#define ZEST_ERR(name) ::zest::makeError(::zest::ErrorCode::name)
