#include "common/error.h"

namespace zest {

const char* errorString(ErrorCode c) {
    switch (c) {
    case ErrorCode::no_error: return "No error detected";
    case ErrorCode::GENERIC: return "Error (generic)";
    case ErrorCode::prefix_unknown: return "Unknown frame descriptor";
    case ErrorCode::version_unsupported: return "Version not supported";
    case ErrorCode::frameParameter_unsupported: return "Unsupported frame parameter";
    case ErrorCode::frameParameter_windowTooLarge: return "Frame requires too much memory for decoding";
    case ErrorCode::corruption_detected: return "Data corruption detected";
    case ErrorCode::checksum_wrong: return "Restored data doesn't match checksum";
    case ErrorCode::literals_headerWrong: return "Header of Literals' block doesn't respect format specification";
    case ErrorCode::dictionary_corrupted: return "Dictionary is corrupted";
    case ErrorCode::dictionary_wrong: return "Dictionary mismatch";
    case ErrorCode::dictionaryCreation_failed: return "Cannot create Dictionary from provided samples";
    case ErrorCode::parameter_unsupported: return "Unsupported parameter";
    case ErrorCode::parameter_combination_unsupported: return "Unsupported combination of parameters";
    case ErrorCode::parameter_outOfBound: return "Parameter is out of bound";
    case ErrorCode::tableLog_tooLarge: return "tableLog requires too much memory : unsupported";
    case ErrorCode::maxSymbolValue_tooLarge: return "Unsupported max Symbol Value : too large";
    case ErrorCode::maxSymbolValue_tooSmall: return "Specified maxSymbolValue is too small";
    case ErrorCode::cannotProduce_uncompressedBlock: return "This mode cannot generate an uncompressed block";
    case ErrorCode::stabilityCondition_notRespected: return "pledged buffer stability condition is not respected";
    case ErrorCode::stage_wrong: return "Operation not authorized at current processing stage";
    case ErrorCode::init_missing: return "Context should be init first";
    case ErrorCode::memory_allocation: return "Allocation error : not enough memory";
    case ErrorCode::workSpace_tooSmall: return "workSpace buffer is not large enough";
    case ErrorCode::dstSize_tooSmall: return "Destination buffer is too small";
    case ErrorCode::srcSize_wrong: return "Src size is incorrect";
    case ErrorCode::dstBuffer_null: return "Operation on NULL destination buffer";
    case ErrorCode::noForwardProgress_destFull: return "Operation made no progress over multiple calls, due to output buffer being full";
    case ErrorCode::noForwardProgress_inputEmpty: return "Operation made no progress over multiple calls, due to input being empty";
    case ErrorCode::frameIndex_tooLarge: return "Frame index is too large";
    case ErrorCode::seekableIO: return "An I/O error occurred when reading/seeking";
    case ErrorCode::dstBuffer_wrong: return "Destination buffer is wrong";
    case ErrorCode::srcBuffer_wrong: return "Source buffer is wrong";
    case ErrorCode::sequenceProducer_failed: return "Block-level external sequence producer returned an error code";
    case ErrorCode::externalSequences_invalid: return "External sequences are not valid";
    default: return "Unspecified error code";
    }
}

}  // namespace zest
