/*
 * ABI layout test for zest's public headers (zstd.h, zdict.h, zstd_errors.h).
 *
 * Checks, against the libzstd 1.5.7 reference facts (abi-constants.md and
 * abi-symbols.tsv of the project's shared reference), every enum value, every numeric macro, the size,
 * field offsets and field types of every public struct (LP64), the opaque
 * handle types, the old-name aliases and the signature of every public
 * function.
 *
 * Nothing here calls or references a library function: signatures are
 * compared in unevaluated _Generic operands, so the program links without
 * libzstd. It prints each failed check and exits non-zero if any failed.
 */
#define ZSTD_STATIC_LINKING_ONLY
#define ZDICT_STATIC_LINKING_ONLY
#include "zstd.h"
#include "zdict.h"
#include "zstd_errors.h"

#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "abi_check.h"

/* Defined in abi_plain_include.c: checks made without the static macros. */
void abi_check_plain_include(void);

int abi_failures = 0;
int abi_checks = 0;

void abi_check_u(unsigned long long actual, unsigned long long expected,
                 const char* what, const char* file, int line)
{
    abi_checks++;
    if (actual != expected) {
        abi_failures++;
        printf("FAIL %s:%d: %s = %llu (0x%llx), expected %llu (0x%llx)\n",
               file, line, what, actual, actual, expected, expected);
    }
}

void abi_check_true(int cond, const char* what, const char* file, int line)
{
    abi_checks++;
    if (!cond) {
        abi_failures++;
        printf("FAIL %s:%d: %s\n", file, line, what);
    }
}

/* ---------------------------------------------------------------------- */
/* Compile-time checks: the macros below must be integer constant         */
/* expressions, as in libzstd.                                            */
/* ---------------------------------------------------------------------- */
_Static_assert(ZSTD_VERSION_NUMBER == 10507, "ZSTD_VERSION_NUMBER");
_Static_assert(ZSTD_COMPRESSBOUND(0) == 64, "ZSTD_COMPRESSBOUND(0)");
_Static_assert(ZSTD_COMPRESSBOUND(1) == 64, "ZSTD_COMPRESSBOUND(1)");
_Static_assert(ZSTD_COMPRESSBOUND(100) == 163, "ZSTD_COMPRESSBOUND(100)");
_Static_assert(ZSTD_COMPRESSBOUND(131072) == 131584, "ZSTD_COMPRESSBOUND(131072)");
_Static_assert(ZSTD_COMPRESSBOUND(1048576) == 1052672, "ZSTD_COMPRESSBOUND(1048576)");
_Static_assert(ZSTD_DECOMPRESSION_MARGIN(0, 131072) == 18 + 4 + 131072, "ZSTD_DECOMPRESSION_MARGIN");
_Static_assert(ZSTD_FRAMEHEADERSIZE_MAX == 18, "ZSTD_FRAMEHEADERSIZE_MAX");
_Static_assert(ZSTD_WINDOWLOG_MAX >= 30, "ZSTD_WINDOWLOG_MAX");
_Static_assert(sizeof(ZSTD_cParameter) == sizeof(int), "enum size");

/* A typical use: sizing a static buffer. */
typedef unsigned char abi_bound_buffer_t[ZSTD_COMPRESSBOUND(1000)];

#if UINTPTR_MAX == 0xFFFFFFFFFFFFFFFFull
_Static_assert(sizeof(ZSTD_inBuffer) == 24, "ZSTD_inBuffer");
_Static_assert(sizeof(ZSTD_outBuffer) == 24, "ZSTD_outBuffer");
_Static_assert(sizeof(ZSTD_bounds) == 16, "ZSTD_bounds");
_Static_assert(sizeof(ZSTD_Sequence) == 16, "ZSTD_Sequence");
_Static_assert(sizeof(ZSTD_compressionParameters) == 28, "ZSTD_compressionParameters");
_Static_assert(sizeof(ZSTD_frameParameters) == 12, "ZSTD_frameParameters");
_Static_assert(sizeof(ZSTD_parameters) == 40, "ZSTD_parameters");
_Static_assert(sizeof(ZSTD_FrameHeader) == 48, "ZSTD_FrameHeader");
_Static_assert(sizeof(ZSTD_frameProgression) == 40, "ZSTD_frameProgression");
_Static_assert(sizeof(ZSTD_customMem) == 24, "ZSTD_customMem");
_Static_assert(sizeof(ZDICT_params_t) == 12, "ZDICT_params_t");
_Static_assert(sizeof(ZDICT_cover_params_t) == 48, "ZDICT_cover_params_t");
_Static_assert(sizeof(ZDICT_fastCover_params_t) == 56, "ZDICT_fastCover_params_t");
_Static_assert(sizeof(ZDICT_legacy_params_t) == 16, "ZDICT_legacy_params_t");
#endif

/* ---------------------------------------------------------------------- */

static void check_error_codes(void)
{
    EXPECT(ZSTD_error_no_error, 0);
    EXPECT(ZSTD_error_GENERIC, 1);
    EXPECT(ZSTD_error_prefix_unknown, 10);
    EXPECT(ZSTD_error_version_unsupported, 12);
    EXPECT(ZSTD_error_frameParameter_unsupported, 14);
    EXPECT(ZSTD_error_frameParameter_windowTooLarge, 16);
    EXPECT(ZSTD_error_corruption_detected, 20);
    EXPECT(ZSTD_error_checksum_wrong, 22);
    EXPECT(ZSTD_error_literals_headerWrong, 24);
    EXPECT(ZSTD_error_dictionary_corrupted, 30);
    EXPECT(ZSTD_error_dictionary_wrong, 32);
    EXPECT(ZSTD_error_dictionaryCreation_failed, 34);
    EXPECT(ZSTD_error_parameter_unsupported, 40);
    EXPECT(ZSTD_error_parameter_combination_unsupported, 41);
    EXPECT(ZSTD_error_parameter_outOfBound, 42);
    EXPECT(ZSTD_error_tableLog_tooLarge, 44);
    EXPECT(ZSTD_error_maxSymbolValue_tooLarge, 46);
    EXPECT(ZSTD_error_maxSymbolValue_tooSmall, 48);
    EXPECT(ZSTD_error_cannotProduce_uncompressedBlock, 49);
    EXPECT(ZSTD_error_stabilityCondition_notRespected, 50);
    EXPECT(ZSTD_error_stage_wrong, 60);
    EXPECT(ZSTD_error_init_missing, 62);
    EXPECT(ZSTD_error_memory_allocation, 64);
    EXPECT(ZSTD_error_workSpace_tooSmall, 66);
    EXPECT(ZSTD_error_dstSize_tooSmall, 70);
    EXPECT(ZSTD_error_srcSize_wrong, 72);
    EXPECT(ZSTD_error_dstBuffer_null, 74);
    EXPECT(ZSTD_error_noForwardProgress_destFull, 80);
    EXPECT(ZSTD_error_noForwardProgress_inputEmpty, 82);
    EXPECT(ZSTD_error_frameIndex_tooLarge, 100);
    EXPECT(ZSTD_error_seekableIO, 102);
    EXPECT(ZSTD_error_dstBuffer_wrong, 104);
    EXPECT(ZSTD_error_srcBuffer_wrong, 105);
    EXPECT(ZSTD_error_sequenceProducer_failed, 106);
    EXPECT(ZSTD_error_externalSequences_invalid, 107);
    EXPECT(ZSTD_error_maxCode, 120);
    EXPECT(sizeof(ZSTD_ErrorCode), sizeof(int));
}

static void check_version_and_format_macros(void)
{
    EXPECT(ZSTD_VERSION_MAJOR, 1);
    EXPECT(ZSTD_VERSION_MINOR, 5);
    EXPECT(ZSTD_VERSION_RELEASE, 7);
    EXPECT(ZSTD_VERSION_NUMBER, 10507);
    EXPECT_TRUE(strcmp(ZSTD_VERSION_STRING, "1.5.7") == 0, "ZSTD_VERSION_STRING == \"1.5.7\"");
    EXPECT_TRUE(strcmp(ZSTD_EXPAND_AND_QUOTE(ZSTD_LIB_VERSION), "1.5.7") == 0, "ZSTD_LIB_VERSION expands to 1.5.7");
    EXPECT_TRUE(strcmp(ZSTD_QUOTE(abc), "abc") == 0, "ZSTD_QUOTE stringizes");

    EXPECT(ZSTD_CLEVEL_DEFAULT, 3);
    EXPECT(ZSTD_MAGICNUMBER, 0xFD2FB528u);
    EXPECT(ZSTD_MAGIC_DICTIONARY, 0xEC30A437u);
    EXPECT(ZSTD_MAGIC_SKIPPABLE_START, 0x184D2A50u);
    EXPECT(ZSTD_MAGIC_SKIPPABLE_MASK, 0xFFFFFFF0u);
    EXPECT(ZSTD_BLOCKSIZELOG_MAX, 17);
    EXPECT(ZSTD_BLOCKSIZE_MAX, 131072);
    EXPECT(ZSTD_CONTENTSIZE_UNKNOWN, 0xFFFFFFFFFFFFFFFFull);
    EXPECT(ZSTD_CONTENTSIZE_ERROR, 0xFFFFFFFFFFFFFFFEull);
    EXPECT_TRUE(TYPE_IS(ZSTD_CONTENTSIZE_UNKNOWN, unsigned long long), "ZSTD_CONTENTSIZE_UNKNOWN is unsigned long long");
    EXPECT_TRUE(TYPE_IS(ZSTD_CONTENTSIZE_ERROR, unsigned long long), "ZSTD_CONTENTSIZE_ERROR is unsigned long long");

    if (sizeof(size_t) == 8)
        EXPECT(ZSTD_MAX_INPUT_SIZE, 0xFF00FF00FF00FF00ull);
    else
        EXPECT(ZSTD_MAX_INPUT_SIZE, 0xFF00FF00u);

    EXPECT(ZSTD_COMPRESSBOUND(0), 64);
    EXPECT(ZSTD_COMPRESSBOUND(1), 64);
    EXPECT(ZSTD_COMPRESSBOUND(100), 163);
    EXPECT(ZSTD_COMPRESSBOUND(131072), 131584);
    EXPECT(ZSTD_COMPRESSBOUND(1048576), 1052672);
    EXPECT(ZSTD_COMPRESSBOUND(1000), sizeof(abi_bound_buffer_t));
    {   /* the formula, also on a runtime size_t */
        size_t s = 131071;
        EXPECT(ZSTD_COMPRESSBOUND(s), 131071 + (131071 >> 8) + ((131072 - 131071) >> 11));
        s = (size_t)ZSTD_MAX_INPUT_SIZE;
        EXPECT(ZSTD_COMPRESSBOUND(s), 0);
        s = (size_t)ZSTD_MAX_INPUT_SIZE - 1;
        EXPECT_TRUE(ZSTD_COMPRESSBOUND(s) != 0, "ZSTD_COMPRESSBOUND(MAX_INPUT_SIZE - 1) != 0");
    }
}

static void check_static_macros(void)
{
    const int is64 = sizeof(size_t) == 8;

    EXPECT(ZSTD_FRAMEHEADERSIZE_PREFIX(ZSTD_f_zstd1), 5);
    EXPECT(ZSTD_FRAMEHEADERSIZE_PREFIX(ZSTD_f_zstd1_magicless), 1);
    EXPECT(ZSTD_FRAMEHEADERSIZE_MIN(ZSTD_f_zstd1), 6);
    EXPECT(ZSTD_FRAMEHEADERSIZE_MIN(ZSTD_f_zstd1_magicless), 2);
    EXPECT(ZSTD_FRAMEHEADERSIZE_MAX, 18);
    EXPECT(ZSTD_SKIPPABLEHEADERSIZE, 8);

    EXPECT(ZSTD_WINDOWLOG_MAX_32, 30);
    EXPECT(ZSTD_WINDOWLOG_MAX_64, 31);
    EXPECT(ZSTD_WINDOWLOG_MAX, is64 ? 31 : 30);
    EXPECT_TRUE(TYPE_IS(ZSTD_WINDOWLOG_MAX, int), "ZSTD_WINDOWLOG_MAX is int");
    EXPECT(ZSTD_WINDOWLOG_MIN, 10);
    EXPECT(ZSTD_HASHLOG_MAX, 30);
    EXPECT(ZSTD_HASHLOG_MIN, 6);
    EXPECT(ZSTD_CHAINLOG_MAX_32, 29);
    EXPECT(ZSTD_CHAINLOG_MAX_64, 30);
    EXPECT(ZSTD_CHAINLOG_MAX, is64 ? 30 : 29);
    EXPECT_TRUE(TYPE_IS(ZSTD_CHAINLOG_MAX, int), "ZSTD_CHAINLOG_MAX is int");
    EXPECT(ZSTD_CHAINLOG_MIN, 6);
    EXPECT(ZSTD_SEARCHLOG_MAX, is64 ? 30 : 29);
    EXPECT(ZSTD_SEARCHLOG_MIN, 1);
    EXPECT(ZSTD_MINMATCH_MAX, 7);
    EXPECT(ZSTD_MINMATCH_MIN, 3);
    EXPECT(ZSTD_TARGETLENGTH_MAX, 131072);
    EXPECT(ZSTD_TARGETLENGTH_MIN, 0);
    EXPECT(ZSTD_STRATEGY_MIN, 1);
    EXPECT(ZSTD_STRATEGY_MAX, 9);
    EXPECT_TRUE(ZSTD_STRATEGY_MIN == ZSTD_fast, "ZSTD_STRATEGY_MIN == ZSTD_fast");
    EXPECT_TRUE(ZSTD_STRATEGY_MAX == ZSTD_btultra2, "ZSTD_STRATEGY_MAX == ZSTD_btultra2");
    EXPECT(ZSTD_BLOCKSIZE_MAX_MIN, 1024);
    EXPECT(ZSTD_OVERLAPLOG_MIN, 0);
    EXPECT(ZSTD_OVERLAPLOG_MAX, 9);
    EXPECT(ZSTD_WINDOWLOG_LIMIT_DEFAULT, 27);
    EXPECT(ZSTD_LDM_HASHLOG_MIN, 6);
    EXPECT(ZSTD_LDM_HASHLOG_MAX, 30);
    EXPECT(ZSTD_LDM_MINMATCH_MIN, 4);
    EXPECT(ZSTD_LDM_MINMATCH_MAX, 4096);
    EXPECT(ZSTD_LDM_BUCKETSIZELOG_MIN, 1);
    EXPECT(ZSTD_LDM_BUCKETSIZELOG_MAX, 8);
    EXPECT(ZSTD_LDM_HASHRATELOG_MIN, 0);
    EXPECT(ZSTD_LDM_HASHRATELOG_MAX, is64 ? 25 : 24);
    EXPECT(ZSTD_TARGETCBLOCKSIZE_MIN, 1340);
    EXPECT(ZSTD_TARGETCBLOCKSIZE_MAX, 131072);
    EXPECT(ZSTD_SRCSIZEHINT_MIN, 0);
    EXPECT(ZSTD_SRCSIZEHINT_MAX, INT_MAX);
    EXPECT(ZSTD_BLOCKSPLITTER_LEVEL_MAX, 6);

    EXPECT(ZSTD_DECOMPRESSION_MARGIN(0, 131072), 18 + 4 + 131072);
    EXPECT(ZSTD_DECOMPRESSION_MARGIN(1, 131072), 18 + 4 + 3 + 131072);
    EXPECT(ZSTD_DECOMPRESSION_MARGIN(131072, 131072), 18 + 4 + 3 + 131072);
    EXPECT(ZSTD_DECOMPRESSION_MARGIN(131073, 131072), 18 + 4 + 6 + 131072);
    EXPECT(ZSTD_DECOMPRESSION_MARGIN(1000000, 131072), 18 + 4 + 3 * 8 + 131072);
    EXPECT(ZSTD_DECOMPRESSION_MARGIN(5000, 1024), 18 + 4 + 3 * 5 + 1024);
    EXPECT_TRUE(TYPE_IS(ZSTD_DECOMPRESSION_MARGIN(10, 1024), size_t), "ZSTD_DECOMPRESSION_MARGIN is size_t");

    EXPECT(ZSTD_SEQUENCE_PRODUCER_ERROR, (size_t)-1);
    EXPECT_TRUE(TYPE_IS(ZSTD_SEQUENCE_PRODUCER_ERROR, size_t), "ZSTD_SEQUENCE_PRODUCER_ERROR is size_t");

    EXPECT(ZDICT_DICTSIZE_MIN, 256);
    EXPECT(ZDICT_CONTENTSIZE_MIN, 128);

    EXPECT_TRUE(ZSTD_defaultCMem.customAlloc == NULL, "ZSTD_defaultCMem.customAlloc == NULL");
    EXPECT_TRUE(ZSTD_defaultCMem.customFree == NULL, "ZSTD_defaultCMem.customFree == NULL");
    EXPECT_TRUE(ZSTD_defaultCMem.opaque == NULL, "ZSTD_defaultCMem.opaque == NULL");
    EXPECT_TRUE(TYPE_IS(ZSTD_defaultCMem, ZSTD_customMem), "ZSTD_defaultCMem is a ZSTD_customMem");
}

static void check_enums(void)
{
    EXPECT(ZSTD_fast, 1);
    EXPECT(ZSTD_dfast, 2);
    EXPECT(ZSTD_greedy, 3);
    EXPECT(ZSTD_lazy, 4);
    EXPECT(ZSTD_lazy2, 5);
    EXPECT(ZSTD_btlazy2, 6);
    EXPECT(ZSTD_btopt, 7);
    EXPECT(ZSTD_btultra, 8);
    EXPECT(ZSTD_btultra2, 9);

    EXPECT(ZSTD_reset_session_only, 1);
    EXPECT(ZSTD_reset_parameters, 2);
    EXPECT(ZSTD_reset_session_and_parameters, 3);

    EXPECT(ZSTD_e_continue, 0);
    EXPECT(ZSTD_e_flush, 1);
    EXPECT(ZSTD_e_end, 2);

    EXPECT(ZSTD_f_zstd1, 0);
    EXPECT(ZSTD_f_zstd1_magicless, 1);

    EXPECT(ZSTD_dct_auto, 0);
    EXPECT(ZSTD_dct_rawContent, 1);
    EXPECT(ZSTD_dct_fullDict, 2);

    EXPECT(ZSTD_dlm_byCopy, 0);
    EXPECT(ZSTD_dlm_byRef, 1);

    EXPECT(ZSTD_d_validateChecksum, 0);
    EXPECT(ZSTD_d_ignoreChecksum, 1);

    EXPECT(ZSTD_rmd_refSingleDDict, 0);
    EXPECT(ZSTD_rmd_refMultipleDDicts, 1);

    EXPECT(ZSTD_dictDefaultAttach, 0);
    EXPECT(ZSTD_dictForceAttach, 1);
    EXPECT(ZSTD_dictForceCopy, 2);
    EXPECT(ZSTD_dictForceLoad, 3);

    EXPECT(ZSTD_lcm_auto, 0);
    EXPECT(ZSTD_lcm_huffman, 1);
    EXPECT(ZSTD_lcm_uncompressed, 2);

    EXPECT(ZSTD_ps_auto, 0);
    EXPECT(ZSTD_ps_enable, 1);
    EXPECT(ZSTD_ps_disable, 2);

    EXPECT(ZSTD_frame, 0);
    EXPECT(ZSTD_skippableFrame, 1);

    EXPECT(ZSTD_sf_noBlockDelimiters, 0);
    EXPECT(ZSTD_sf_explicitBlockDelimiters, 1);

    EXPECT(ZSTDnit_frameHeader, 0);
    EXPECT(ZSTDnit_blockHeader, 1);
    EXPECT(ZSTDnit_block, 2);
    EXPECT(ZSTDnit_lastBlock, 3);
    EXPECT(ZSTDnit_checksum, 4);
    EXPECT(ZSTDnit_skippableFrame, 5);

    /* every public enum is int-sized */
    EXPECT(sizeof(ZSTD_strategy), sizeof(int));
    EXPECT(sizeof(ZSTD_ResetDirective), sizeof(int));
    EXPECT(sizeof(ZSTD_EndDirective), sizeof(int));
    EXPECT(sizeof(ZSTD_cParameter), sizeof(int));
    EXPECT(sizeof(ZSTD_dParameter), sizeof(int));
    EXPECT(sizeof(ZSTD_format_e), sizeof(int));
    EXPECT(sizeof(ZSTD_dictContentType_e), sizeof(int));
    EXPECT(sizeof(ZSTD_dictLoadMethod_e), sizeof(int));
    EXPECT(sizeof(ZSTD_forceIgnoreChecksum_e), sizeof(int));
    EXPECT(sizeof(ZSTD_refMultipleDDicts_e), sizeof(int));
    EXPECT(sizeof(ZSTD_dictAttachPref_e), sizeof(int));
    EXPECT(sizeof(ZSTD_literalCompressionMode_e), sizeof(int));
    EXPECT(sizeof(ZSTD_ParamSwitch_e), sizeof(int));
    EXPECT(sizeof(ZSTD_FrameType_e), sizeof(int));
    EXPECT(sizeof(ZSTD_SequenceFormat_e), sizeof(int));
    EXPECT(sizeof(ZSTD_nextInputType_e), sizeof(int));
}

static void check_cparameters(void)
{
    EXPECT(ZSTD_c_compressionLevel, 100);
    EXPECT(ZSTD_c_windowLog, 101);
    EXPECT(ZSTD_c_hashLog, 102);
    EXPECT(ZSTD_c_chainLog, 103);
    EXPECT(ZSTD_c_searchLog, 104);
    EXPECT(ZSTD_c_minMatch, 105);
    EXPECT(ZSTD_c_targetLength, 106);
    EXPECT(ZSTD_c_strategy, 107);
    EXPECT(ZSTD_c_targetCBlockSize, 130);
    EXPECT(ZSTD_c_enableLongDistanceMatching, 160);
    EXPECT(ZSTD_c_ldmHashLog, 161);
    EXPECT(ZSTD_c_ldmMinMatch, 162);
    EXPECT(ZSTD_c_ldmBucketSizeLog, 163);
    EXPECT(ZSTD_c_ldmHashRateLog, 164);
    EXPECT(ZSTD_c_contentSizeFlag, 200);
    EXPECT(ZSTD_c_checksumFlag, 201);
    EXPECT(ZSTD_c_dictIDFlag, 202);
    EXPECT(ZSTD_c_nbWorkers, 400);
    EXPECT(ZSTD_c_jobSize, 401);
    EXPECT(ZSTD_c_overlapLog, 402);

    EXPECT(ZSTD_c_experimentalParam1, 500);
    EXPECT(ZSTD_c_experimentalParam2, 10);
    EXPECT(ZSTD_c_experimentalParam3, 1000);
    EXPECT(ZSTD_c_experimentalParam4, 1001);
    EXPECT(ZSTD_c_experimentalParam5, 1002);
    EXPECT(ZSTD_c_experimentalParam7, 1004);
    EXPECT(ZSTD_c_experimentalParam8, 1005);
    EXPECT(ZSTD_c_experimentalParam9, 1006);
    EXPECT(ZSTD_c_experimentalParam10, 1007);
    EXPECT(ZSTD_c_experimentalParam11, 1008);
    EXPECT(ZSTD_c_experimentalParam12, 1009);
    EXPECT(ZSTD_c_experimentalParam13, 1010);
    EXPECT(ZSTD_c_experimentalParam14, 1011);
    EXPECT(ZSTD_c_experimentalParam15, 1012);
    EXPECT(ZSTD_c_experimentalParam16, 1013);
    EXPECT(ZSTD_c_experimentalParam17, 1014);
    EXPECT(ZSTD_c_experimentalParam18, 1015);
    EXPECT(ZSTD_c_experimentalParam19, 1016);
    EXPECT(ZSTD_c_experimentalParam20, 1017);

    /* experimental names: macros over the experimentalParamN enumerators */
#define CHECK_CPARAM_ALIAS(name, param, value)                                   \
    EXPECT(name, value);                                                         \
    EXPECT_TRUE(strcmp(ABI_XSTR(name), #param) == 0, #name " is a macro for " #param)
#ifndef ZSTD_c_rsyncable
    EXPECT_TRUE(0, "ZSTD_c_rsyncable is a macro");
#endif
#ifndef ZSTD_c_repcodeResolution
    EXPECT_TRUE(0, "ZSTD_c_repcodeResolution is a macro");
#endif
    CHECK_CPARAM_ALIAS(ZSTD_c_rsyncable, ZSTD_c_experimentalParam1, 500);
    CHECK_CPARAM_ALIAS(ZSTD_c_format, ZSTD_c_experimentalParam2, 10);
    CHECK_CPARAM_ALIAS(ZSTD_c_forceMaxWindow, ZSTD_c_experimentalParam3, 1000);
    CHECK_CPARAM_ALIAS(ZSTD_c_forceAttachDict, ZSTD_c_experimentalParam4, 1001);
    CHECK_CPARAM_ALIAS(ZSTD_c_literalCompressionMode, ZSTD_c_experimentalParam5, 1002);
    CHECK_CPARAM_ALIAS(ZSTD_c_srcSizeHint, ZSTD_c_experimentalParam7, 1004);
    CHECK_CPARAM_ALIAS(ZSTD_c_enableDedicatedDictSearch, ZSTD_c_experimentalParam8, 1005);
    CHECK_CPARAM_ALIAS(ZSTD_c_stableInBuffer, ZSTD_c_experimentalParam9, 1006);
    CHECK_CPARAM_ALIAS(ZSTD_c_stableOutBuffer, ZSTD_c_experimentalParam10, 1007);
    CHECK_CPARAM_ALIAS(ZSTD_c_blockDelimiters, ZSTD_c_experimentalParam11, 1008);
    CHECK_CPARAM_ALIAS(ZSTD_c_validateSequences, ZSTD_c_experimentalParam12, 1009);
    CHECK_CPARAM_ALIAS(ZSTD_c_splitAfterSequences, ZSTD_c_experimentalParam13, 1010);
    CHECK_CPARAM_ALIAS(ZSTD_c_useRowMatchFinder, ZSTD_c_experimentalParam14, 1011);
    CHECK_CPARAM_ALIAS(ZSTD_c_deterministicRefPrefix, ZSTD_c_experimentalParam15, 1012);
    CHECK_CPARAM_ALIAS(ZSTD_c_prefetchCDictTables, ZSTD_c_experimentalParam16, 1013);
    CHECK_CPARAM_ALIAS(ZSTD_c_enableSeqProducerFallback, ZSTD_c_experimentalParam17, 1014);
    CHECK_CPARAM_ALIAS(ZSTD_c_maxBlockSize, ZSTD_c_experimentalParam18, 1015);
    CHECK_CPARAM_ALIAS(ZSTD_c_repcodeResolution, ZSTD_c_experimentalParam19, 1016);
    CHECK_CPARAM_ALIAS(ZSTD_c_searchForExternalRepcodes, ZSTD_c_experimentalParam19, 1016);
    CHECK_CPARAM_ALIAS(ZSTD_c_blockSplitterLevel, ZSTD_c_experimentalParam20, 1017);
#undef CHECK_CPARAM_ALIAS

#ifdef ZSTD_c_useBlockSplitter
    EXPECT_TRUE(0, "ZSTD_c_useBlockSplitter was removed in 1.5.7 and must not be defined");
#endif
}

static void check_dparameters(void)
{
    EXPECT(ZSTD_d_windowLogMax, 100);
    EXPECT(ZSTD_d_experimentalParam1, 1000);
    EXPECT(ZSTD_d_experimentalParam2, 1001);
    EXPECT(ZSTD_d_experimentalParam3, 1002);
    EXPECT(ZSTD_d_experimentalParam4, 1003);
    EXPECT(ZSTD_d_experimentalParam5, 1004);
    EXPECT(ZSTD_d_experimentalParam6, 1005);

#ifndef ZSTD_d_format
    EXPECT_TRUE(0, "ZSTD_d_format is a macro");
#endif
#define CHECK_DPARAM_ALIAS(name, param, value)                                   \
    EXPECT(name, value);                                                         \
    EXPECT_TRUE(strcmp(ABI_XSTR(name), #param) == 0, #name " is a macro for " #param)
    CHECK_DPARAM_ALIAS(ZSTD_d_format, ZSTD_d_experimentalParam1, 1000);
    CHECK_DPARAM_ALIAS(ZSTD_d_stableOutBuffer, ZSTD_d_experimentalParam2, 1001);
    CHECK_DPARAM_ALIAS(ZSTD_d_forceIgnoreChecksum, ZSTD_d_experimentalParam3, 1002);
    CHECK_DPARAM_ALIAS(ZSTD_d_refMultipleDDicts, ZSTD_d_experimentalParam4, 1003);
    CHECK_DPARAM_ALIAS(ZSTD_d_disableHuffmanAssembly, ZSTD_d_experimentalParam5, 1004);
    CHECK_DPARAM_ALIAS(ZSTD_d_maxBlockSize, ZSTD_d_experimentalParam6, 1005);
#undef CHECK_DPARAM_ALIAS
}

static void check_type_names(void)
{
    /* opaque handles and their struct tags */
    EXPECT_TRUE(TYPE_IS((ZSTD_CCtx*)0, struct ZSTD_CCtx_s*), "ZSTD_CCtx is struct ZSTD_CCtx_s");
    EXPECT_TRUE(TYPE_IS((ZSTD_DCtx*)0, struct ZSTD_DCtx_s*), "ZSTD_DCtx is struct ZSTD_DCtx_s");
    EXPECT_TRUE(TYPE_IS((ZSTD_CDict*)0, struct ZSTD_CDict_s*), "ZSTD_CDict is struct ZSTD_CDict_s");
    EXPECT_TRUE(TYPE_IS((ZSTD_DDict*)0, struct ZSTD_DDict_s*), "ZSTD_DDict is struct ZSTD_DDict_s");
    EXPECT_TRUE(TYPE_IS((ZSTD_CCtx_params*)0, struct ZSTD_CCtx_params_s*), "ZSTD_CCtx_params is struct ZSTD_CCtx_params_s");
    EXPECT_TRUE(TYPE_IS((ZSTD_threadPool*)0, struct POOL_ctx_s*), "ZSTD_threadPool is struct POOL_ctx_s");
    EXPECT_TRUE(TYPE_IS((ZSTD_CStream*)0, ZSTD_CCtx*), "ZSTD_CStream is ZSTD_CCtx");
    EXPECT_TRUE(TYPE_IS((ZSTD_DStream*)0, ZSTD_DCtx*), "ZSTD_DStream is ZSTD_DCtx");
    EXPECT_TRUE(TYPE_IS((ZSTD_inBuffer*)0, struct ZSTD_inBuffer_s*), "ZSTD_inBuffer is struct ZSTD_inBuffer_s");
    EXPECT_TRUE(TYPE_IS((ZSTD_outBuffer*)0, struct ZSTD_outBuffer_s*), "ZSTD_outBuffer is struct ZSTD_outBuffer_s");

    /* names renamed in 1.5.7 keep their old spelling as macros */
#if !defined(ZSTD_frameHeader) || !defined(ZSTD_frameType_e) || \
    !defined(ZSTD_paramSwitch_e) || !defined(ZSTD_sequenceFormat_e)
    EXPECT_TRUE(0, "old type names are macros");
#endif
    EXPECT_TRUE(TYPE_IS((ZSTD_frameHeader*)0, ZSTD_FrameHeader*), "ZSTD_frameHeader aliases ZSTD_FrameHeader");
    EXPECT_TRUE(TYPE_IS((ZSTD_frameType_e*)0, ZSTD_FrameType_e*), "ZSTD_frameType_e aliases ZSTD_FrameType_e");
    EXPECT_TRUE(TYPE_IS((ZSTD_paramSwitch_e*)0, ZSTD_ParamSwitch_e*), "ZSTD_paramSwitch_e aliases ZSTD_ParamSwitch_e");
    EXPECT_TRUE(TYPE_IS((ZSTD_sequenceFormat_e*)0, ZSTD_SequenceFormat_e*), "ZSTD_sequenceFormat_e aliases ZSTD_SequenceFormat_e");

    /* function-pointer types */
    EXPECT_TRUE(TYPE_IS((ZSTD_allocFunction)0, void* (*)(void*, size_t)), "ZSTD_allocFunction");
    EXPECT_TRUE(TYPE_IS((ZSTD_freeFunction)0, void (*)(void*, void*)), "ZSTD_freeFunction");
    EXPECT_TRUE(TYPE_IS((ZSTD_sequenceProducer_F)0,
                        size_t (*)(void*, ZSTD_Sequence*, size_t, const void*, size_t,
                                   const void*, size_t, int, size_t)),
                "ZSTD_sequenceProducer_F");

    /* ZSTD_getErrorCode() returns the enum of zstd_errors.h */
    EXPECT_TRUE(TYPE_IS((ZSTD_ErrorCode)0, ZSTD_ErrorCode), "ZSTD_ErrorCode visible");
}

/* FIELD(struct, field, LP64 offset, type) */
#define FIELD(S, f, off, T)                                                      \
    do {                                                                         \
        if (lp64) EXPECT(offsetof(S, f), off);                                   \
        EXPECT(sizeof(((S*)0)->f), sizeof(T));                                   \
        EXPECT_TRUE(TYPE_IS(((S*)0)->f, T), #S "." #f " has type " #T);          \
    } while (0)

static void check_structs(void)
{
    const int lp64 = sizeof(void*) == 8 && sizeof(size_t) == 8;
    if (!lp64)
        printf("note: not an LP64 target, struct offsets and sizes are not checked\n");

#define SIZE(S, n) do { if (lp64) EXPECT(sizeof(S), n); } while (0)
    SIZE(ZSTD_inBuffer, 24);
    FIELD(ZSTD_inBuffer, src, 0, const void*);
    FIELD(ZSTD_inBuffer, size, 8, size_t);
    FIELD(ZSTD_inBuffer, pos, 16, size_t);

    SIZE(ZSTD_outBuffer, 24);
    FIELD(ZSTD_outBuffer, dst, 0, void*);
    FIELD(ZSTD_outBuffer, size, 8, size_t);
    FIELD(ZSTD_outBuffer, pos, 16, size_t);

    SIZE(ZSTD_bounds, 16);
    FIELD(ZSTD_bounds, error, 0, size_t);
    FIELD(ZSTD_bounds, lowerBound, 8, int);
    FIELD(ZSTD_bounds, upperBound, 12, int);

    SIZE(ZSTD_Sequence, 16);
    FIELD(ZSTD_Sequence, offset, 0, unsigned int);
    FIELD(ZSTD_Sequence, litLength, 4, unsigned int);
    FIELD(ZSTD_Sequence, matchLength, 8, unsigned int);
    FIELD(ZSTD_Sequence, rep, 12, unsigned int);

    SIZE(ZSTD_compressionParameters, 28);
    FIELD(ZSTD_compressionParameters, windowLog, 0, unsigned);
    FIELD(ZSTD_compressionParameters, chainLog, 4, unsigned);
    FIELD(ZSTD_compressionParameters, hashLog, 8, unsigned);
    FIELD(ZSTD_compressionParameters, searchLog, 12, unsigned);
    FIELD(ZSTD_compressionParameters, minMatch, 16, unsigned);
    FIELD(ZSTD_compressionParameters, targetLength, 20, unsigned);
    FIELD(ZSTD_compressionParameters, strategy, 24, ZSTD_strategy);

    SIZE(ZSTD_frameParameters, 12);
    FIELD(ZSTD_frameParameters, contentSizeFlag, 0, int);
    FIELD(ZSTD_frameParameters, checksumFlag, 4, int);
    FIELD(ZSTD_frameParameters, noDictIDFlag, 8, int);

    SIZE(ZSTD_parameters, 40);
    FIELD(ZSTD_parameters, cParams, 0, ZSTD_compressionParameters);
    FIELD(ZSTD_parameters, fParams, 28, ZSTD_frameParameters);

    SIZE(ZSTD_FrameHeader, 48);
    FIELD(ZSTD_FrameHeader, frameContentSize, 0, unsigned long long);
    FIELD(ZSTD_FrameHeader, windowSize, 8, unsigned long long);
    FIELD(ZSTD_FrameHeader, blockSizeMax, 16, unsigned);
    FIELD(ZSTD_FrameHeader, frameType, 20, ZSTD_FrameType_e);
    FIELD(ZSTD_FrameHeader, headerSize, 24, unsigned);
    FIELD(ZSTD_FrameHeader, dictID, 28, unsigned);
    FIELD(ZSTD_FrameHeader, checksumFlag, 32, unsigned);
    FIELD(ZSTD_FrameHeader, _reserved1, 36, unsigned);
    FIELD(ZSTD_FrameHeader, _reserved2, 40, unsigned);

    SIZE(ZSTD_frameProgression, 40);
    FIELD(ZSTD_frameProgression, ingested, 0, unsigned long long);
    FIELD(ZSTD_frameProgression, consumed, 8, unsigned long long);
    FIELD(ZSTD_frameProgression, produced, 16, unsigned long long);
    FIELD(ZSTD_frameProgression, flushed, 24, unsigned long long);
    FIELD(ZSTD_frameProgression, currentJobID, 32, unsigned);
    FIELD(ZSTD_frameProgression, nbActiveWorkers, 36, unsigned);

    SIZE(ZSTD_customMem, 24);
    FIELD(ZSTD_customMem, customAlloc, 0, ZSTD_allocFunction);
    FIELD(ZSTD_customMem, customFree, 8, ZSTD_freeFunction);
    FIELD(ZSTD_customMem, opaque, 16, void*);

    SIZE(ZDICT_params_t, 12);
    FIELD(ZDICT_params_t, compressionLevel, 0, int);
    FIELD(ZDICT_params_t, notificationLevel, 4, unsigned);
    FIELD(ZDICT_params_t, dictID, 8, unsigned);

    SIZE(ZDICT_cover_params_t, 48);
    FIELD(ZDICT_cover_params_t, k, 0, unsigned);
    FIELD(ZDICT_cover_params_t, d, 4, unsigned);
    FIELD(ZDICT_cover_params_t, steps, 8, unsigned);
    FIELD(ZDICT_cover_params_t, nbThreads, 12, unsigned);
    FIELD(ZDICT_cover_params_t, splitPoint, 16, double);
    FIELD(ZDICT_cover_params_t, shrinkDict, 24, unsigned);
    FIELD(ZDICT_cover_params_t, shrinkDictMaxRegression, 28, unsigned);
    FIELD(ZDICT_cover_params_t, zParams, 32, ZDICT_params_t);

    SIZE(ZDICT_fastCover_params_t, 56);
    FIELD(ZDICT_fastCover_params_t, k, 0, unsigned);
    FIELD(ZDICT_fastCover_params_t, d, 4, unsigned);
    FIELD(ZDICT_fastCover_params_t, f, 8, unsigned);
    FIELD(ZDICT_fastCover_params_t, steps, 12, unsigned);
    FIELD(ZDICT_fastCover_params_t, nbThreads, 16, unsigned);
    FIELD(ZDICT_fastCover_params_t, splitPoint, 24, double);
    FIELD(ZDICT_fastCover_params_t, accel, 32, unsigned);
    FIELD(ZDICT_fastCover_params_t, shrinkDict, 36, unsigned);
    FIELD(ZDICT_fastCover_params_t, shrinkDictMaxRegression, 40, unsigned);
    FIELD(ZDICT_fastCover_params_t, zParams, 44, ZDICT_params_t);

    SIZE(ZDICT_legacy_params_t, 16);
    FIELD(ZDICT_legacy_params_t, selectivityLevel, 0, unsigned);
    FIELD(ZDICT_legacy_params_t, zParams, 4, ZDICT_params_t);
#undef SIZE
}

static void check_build_macros(void)
{
    /* include guards */
#if !defined(ZSTD_H_235446) || !defined(ZSTD_H_ZSTD_STATIC_LINKING_ONLY) || \
    !defined(ZSTD_ZDICT_H) || !defined(ZSTD_ZDICT_H_STATIC) || !defined(ZSTD_ERRORS_H_398273423)
    EXPECT_TRUE(0, "include guard macros are defined");
#endif
    /* visibility / deprecation macros */
#if !defined(ZSTDLIB_VISIBLE) || !defined(ZSTDLIB_HIDDEN) || !defined(ZSTDLIB_API) || \
    !defined(ZSTDLIB_STATIC_API) || !defined(ZSTD_DEPRECATED)
    EXPECT_TRUE(0, "ZSTDLIB_* and ZSTD_DEPRECATED macros are defined");
#endif
#if !defined(ZDICTLIB_VISIBLE) || !defined(ZDICTLIB_HIDDEN) || !defined(ZDICTLIB_API) || \
    !defined(ZDICTLIB_STATIC_API) || !defined(ZDICT_DEPRECATED)
    EXPECT_TRUE(0, "ZDICTLIB_* and ZDICT_DEPRECATED macros are defined");
#endif
#if !defined(ZSTDERRORLIB_VISIBLE) || !defined(ZSTDERRORLIB_HIDDEN) || !defined(ZSTDERRORLIB_API)
    EXPECT_TRUE(0, "ZSTDERRORLIB_* macros are defined");
#endif
#if defined(__GNUC__) && (__GNUC__ >= 4) && !defined(__MINGW32__)
    {   /* on GCC/Clang every API macro exports with default visibility */
        const char* const api[] = {
            ABI_XSTR(ZSTDLIB_API), ABI_XSTR(ZSTDLIB_STATIC_API), ABI_XSTR(ZDICTLIB_API),
            ABI_XSTR(ZDICTLIB_STATIC_API), ABI_XSTR(ZSTDERRORLIB_API)
        };
        size_t i;
        for (i = 0; i < sizeof(api) / sizeof(api[0]); i++)
            EXPECT_TRUE(strstr(api[i], "visibility") != NULL && strstr(api[i], "\"default\"") != NULL,
                        api[i]);
        EXPECT_TRUE(strstr(ABI_XSTR(ZSTDLIB_HIDDEN), "\"hidden\"") != NULL, "ZSTDLIB_HIDDEN is hidden visibility");
    }
#endif
}

static void check_signatures(void)
{
    /* Taking the address of a deprecated function in an unevaluated
     * operand still triggers the deprecation warning; that is expected. */
#if defined(__GNUC__)
#  pragma GCC diagnostic push
#  pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#endif
#define ABI_SIG_S(name, type) EXPECT_TRUE(TYPE_IS(&name, type), "signature of " #name ": " #type);
#define ABI_SIG_X(name, type) ABI_SIG_S(name, type)
#include "abi_signatures.inc"
#undef ABI_SIG_S
#undef ABI_SIG_X
#if defined(__GNUC__)
#  pragma GCC diagnostic pop
#endif
}

int main(void)
{
    check_error_codes();
    check_version_and_format_macros();
    check_static_macros();
    check_enums();
    check_cparameters();
    check_dparameters();
    check_type_names();
    check_structs();
    check_build_macros();
    check_signatures();
    abi_check_plain_include();

    if (abi_failures) {
        printf("abi_layout_test: %d of %d checks FAILED\n", abi_failures, abi_checks);
        return 1;
    }
    printf("abi_layout_test: all %d checks passed\n", abi_checks);
    return 0;
}
