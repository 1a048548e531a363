// Dictionaries: DDicts, sticky dictionaries, prefixes, multiple DDicts. Dictionaries
// were trained by the reference CLI (zstd --train) and frames made with zstd -D.
#include "capi_util.h"

using namespace capi;

namespace {

class Dict : public ::testing::Test {
protected:
    void SetUp() override {
        dictA = load("dictA");
        dictB = load("dictB");
        recA = load("recA.zst");
        recB = load("recB.zst");
        recANoId = load("recA_noid.zst");
        origA = load("recA.bin");
        origB = load("recB.bin");
        d.reset(ZSTD_createDCtx());
        ASSERT_TRUE(d);
    }
    // One-shot through the sticky state of d.
    size_t oneShot(const Bytes& frame, Bytes& out) {
        out.assign(1 << 16, 0);
        const size_t r = ZSTD_decompressDCtx(d.get(), out.data(), out.size(), frame.data(), frame.size());
        out.resize(ZSTD_isError(r) ? 0 : r);
        return r;
    }
    Bytes dictA, dictB, recA, recB, recANoId, origA, origB;
    DCtxPtr d;
};

TEST_F(Dict, CorpusSanity) {
    EXPECT_EQ(ZSTD_getDictID_fromDict(dictA.data(), dictA.size()), 1111u);
    EXPECT_EQ(ZSTD_getDictID_fromDict(dictB.data(), dictB.size()), 2222u);
    EXPECT_NE(dictA, dictB);
}

// zdict.h's questions about a dictionary, and its error helpers (the same
// codes and names as zstd.h's).
TEST_F(Dict, ZdictInformation) {
    EXPECT_EQ(ZDICT_getDictID(dictA.data(), dictA.size()), 1111u);
    EXPECT_EQ(ZDICT_getDictID(dictB.data(), dictB.size()), 2222u);
    EXPECT_EQ(ZDICT_getDictID(origA.data(), origA.size()), 0u);  // not a dictionary
    EXPECT_EQ(ZDICT_getDictID(dictA.data(), 7), 0u);
    const size_t h = ZDICT_getDictHeaderSize(dictA.data(), dictA.size());
    ASSERT_FALSE(ZDICT_isError(h)) << ZDICT_getErrorName(h);
    EXPECT_GT(h, 8u + 12u);  // magic, ID, tables, three repeat offsets
    EXPECT_LT(h, dictA.size());
    for (size_t n : {size_t(0), size_t(8), h - 1}) {
        const size_t e = ZDICT_getDictHeaderSize(dictA.data(), n);
        EXPECT_TRUE(ZDICT_isError(e));
        EXPECT_EQ(ZSTD_getErrorCode(e), ZSTD_error_dictionary_corrupted);
        EXPECT_STREQ(ZDICT_getErrorName(e), ZSTD_getErrorName(e));
    }
    EXPECT_TRUE(ZDICT_isError(ZDICT_getDictHeaderSize(origA.data(), origA.size())));
    EXPECT_FALSE(ZDICT_isError(0));
}

TEST_F(Dict, UsingDictAndDDict) {
    Bytes out(origA.size());
    EXPECT_EQ(ZSTD_decompress_usingDict(d.get(), out.data(), out.size(), recA.data(), recA.size(), dictA.data(),
                                        dictA.size()),
              origA.size());
    EXPECT_EQ(out, origA);
    EXPECT_ZSTD_ERR(ZSTD_decompress_usingDict(d.get(), out.data(), out.size(), recA.data(), recA.size(),
                                              dictB.data(), dictB.size()),
                    ZSTD_error_dictionary_wrong);
    EXPECT_ZSTD_ERR(ZSTD_decompressDCtx(d.get(), out.data(), out.size(), recA.data(), recA.size()),
                    ZSTD_error_dictionary_wrong);

    DDictPtr byCopy(ZSTD_createDDict(dictA.data(), dictA.size()));
    ASSERT_TRUE(byCopy);
    std::fill(out.begin(), out.end(), 0);
    EXPECT_EQ(
        ZSTD_decompress_usingDDict(d.get(), out.data(), out.size(), recA.data(), recA.size(), byCopy.get()),
        origA.size());
    EXPECT_EQ(out, origA);
    EXPECT_GT(ZSTD_sizeof_DDict(byCopy.get()), dictA.size());

    DDictPtr byRef(ZSTD_createDDict_byReference(dictA.data(), dictA.size()));
    ASSERT_TRUE(byRef);
    std::fill(out.begin(), out.end(), 0);
    EXPECT_EQ(ZSTD_decompress_usingDDict(d.get(), out.data(), out.size(), recA.data(), recA.size(), byRef.get()),
              origA.size());
    EXPECT_EQ(out, origA);
    // A frame without a dictionary ID decodes with whatever dictionary is given.
    std::fill(out.begin(), out.end(), 0);
    EXPECT_EQ(ZSTD_decompress_usingDDict(d.get(), out.data(), out.size(), recANoId.data(), recANoId.size(),
                                         byRef.get()),
              origA.size());
    EXPECT_EQ(out, origA);
}

TEST_F(Dict, ByCopyOutlivesSourceBuffer) {
    Bytes copy = dictA;
    DDictPtr dd(ZSTD_createDDict(copy.data(), copy.size()));
    ASSERT_TRUE(dd);
    std::fill(copy.begin(), copy.end(), 0xFF);
    copy.clear();
    copy.shrink_to_fit();
    Bytes out(origA.size());
    EXPECT_EQ(ZSTD_decompress_usingDDict(d.get(), out.data(), out.size(), recA.data(), recA.size(), dd.get()),
              origA.size());
    EXPECT_EQ(out, origA);
}

TEST_F(Dict, AdvancedContentTypes) {
    // rawContent: the dictionary magic is not interpreted, so the DDict has ID 0 and a
    // frame asking for 1111 is refused.
    DDictPtr raw(ZSTD_createDDict_advanced(dictA.data(), dictA.size(), ZSTD_dlm_byCopy, ZSTD_dct_rawContent,
                                           ZSTD_defaultCMem));
    ASSERT_TRUE(raw);
    EXPECT_EQ(ZSTD_getDictID_fromDDict(raw.get()), 0u);
    Bytes out(origA.size());
    EXPECT_ZSTD_ERR(
        ZSTD_decompress_usingDDict(d.get(), out.data(), out.size(), recA.data(), recA.size(), raw.get()),
        ZSTD_error_dictionary_wrong);
    // fullDict insists on a formatted dictionary.
    const Bytes notADict = load("prefix.bin");
    EXPECT_EQ(ZSTD_createDDict_advanced(notADict.data(), notADict.size(), ZSTD_dlm_byCopy, ZSTD_dct_fullDict,
                                        ZSTD_defaultCMem),
              nullptr);
    EXPECT_EQ(ZSTD_createDDict_advanced(notADict.data(), notADict.size(), ZSTD_dlm_byRef, ZSTD_dct_fullDict,
                                        ZSTD_defaultCMem),
              nullptr);
    DDictPtr full(ZSTD_createDDict_advanced(dictA.data(), dictA.size(), ZSTD_dlm_byRef, ZSTD_dct_fullDict,
                                            ZSTD_defaultCMem));
    ASSERT_TRUE(full);
    EXPECT_EQ(ZSTD_decompress_usingDDict(d.get(), out.data(), out.size(), recA.data(), recA.size(), full.get()),
              origA.size());
    EXPECT_EQ(out, origA);
    // auto on content without the magic = raw content (prefix-style dictionary).
    const Bytes rawFrame = load("rawdict.zst"), rawOrig = load("prefixed.bin");
    DDictPtr autoRaw(ZSTD_createDDict(notADict.data(), notADict.size()));
    ASSERT_TRUE(autoRaw);
    Bytes out2(rawOrig.size());
    EXPECT_EQ(ZSTD_decompress_usingDDict(d.get(), out2.data(), out2.size(), rawFrame.data(), rawFrame.size(),
                                         autoRaw.get()),
              rawOrig.size());
    EXPECT_EQ(out2, rawOrig);
    // Degenerate dictionaries are accepted (as empty / raw content).
    DDictPtr tiny(ZSTD_createDDict(dictA.data(), 7));
    EXPECT_TRUE(tiny);
    DDictPtr none(ZSTD_createDDict(nullptr, 0));
    EXPECT_TRUE(none);
}

TEST_F(Dict, LoadDictionaryIsSticky) {
    Bytes out;
    ASSERT_EQ(ZSTD_DCtx_loadDictionary(d.get(), dictA.data(), dictA.size()), 0u);
    EXPECT_EQ(oneShot(recA, out), origA.size());
    EXPECT_EQ(out, origA);
    EXPECT_EQ(oneShot(recA, out), origA.size());  // still there for the next frame
    Bytes streamed;
    EXPECT_EQ(streamDecode(d.get(), recA, 50, 70, streamed), 0u);
    EXPECT_EQ(streamed, origA);
    EXPECT_ZSTD_ERR(oneShot(recB, out), ZSTD_error_dictionary_wrong);
    // session reset keeps it, parameter reset drops it.
    ASSERT_ZSTD_OK(ZSTD_DCtx_reset(d.get(), ZSTD_reset_session_only));
    EXPECT_EQ(oneShot(recA, out), origA.size());
    ASSERT_ZSTD_OK(ZSTD_DCtx_reset(d.get(), ZSTD_reset_parameters));
    EXPECT_ZSTD_ERR(oneShot(recA, out), ZSTD_error_dictionary_wrong);
    // Loading NULL clears it.
    ASSERT_ZSTD_OK(ZSTD_DCtx_loadDictionary(d.get(), dictA.data(), dictA.size()));
    ASSERT_EQ(ZSTD_DCtx_loadDictionary(d.get(), nullptr, 0), 0u);
    EXPECT_ZSTD_ERR(oneShot(recA, out), ZSTD_error_dictionary_wrong);
}

TEST_F(Dict, LoadDictionaryVariants) {
    Bytes out;
    ASSERT_EQ(ZSTD_DCtx_loadDictionary_byReference(d.get(), dictB.data(), dictB.size()), 0u);
    EXPECT_EQ(oneShot(recB, out), origB.size());
    EXPECT_EQ(out, origB);
    ASSERT_EQ(ZSTD_DCtx_loadDictionary_advanced(d.get(), dictA.data(), dictA.size(), ZSTD_dlm_byCopy,
                                                ZSTD_dct_fullDict),
              0u);
    EXPECT_EQ(oneShot(recA, out), origA.size());
    EXPECT_EQ(out, origA);
    // fullDict on a non-dictionary fails (the reference reports memory_allocation).
    const Bytes notADict = load("prefix.bin");
    EXPECT_TRUE(ZSTD_isError(ZSTD_DCtx_loadDictionary_advanced(d.get(), notADict.data(), notADict.size(),
                                                               ZSTD_dlm_byCopy, ZSTD_dct_fullDict)));
    // rawContent dictionary for a frame compressed against raw content.
    const Bytes rawFrame = load("rawdict.zst"), rawOrig = load("prefixed.bin");
    ASSERT_EQ(ZSTD_DCtx_loadDictionary_advanced(d.get(), notADict.data(), notADict.size(), ZSTD_dlm_byRef,
                                                ZSTD_dct_rawContent),
              0u);
    EXPECT_EQ(oneShot(rawFrame, out), rawOrig.size());
    EXPECT_EQ(out, rawOrig);
    EXPECT_EQ(oneShot(rawFrame, out), rawOrig.size());
}

TEST_F(Dict, RefDDict) {
    DDictPtr a(ZSTD_createDDict(dictA.data(), dictA.size()));
    DDictPtr b(ZSTD_createDDict_byReference(dictB.data(), dictB.size()));
    ASSERT_TRUE(a && b);
    Bytes out;
    ASSERT_EQ(ZSTD_DCtx_refDDict(d.get(), a.get()), 0u);
    EXPECT_EQ(oneShot(recA, out), origA.size());
    EXPECT_EQ(out, origA);
    // Single-DDict mode: a new reference replaces the old one.
    ASSERT_EQ(ZSTD_DCtx_refDDict(d.get(), b.get()), 0u);
    EXPECT_EQ(oneShot(recB, out), origB.size());
    EXPECT_ZSTD_ERR(oneShot(recA, out), ZSTD_error_dictionary_wrong);
    // NULL returns to no-dictionary mode.
    ASSERT_EQ(ZSTD_DCtx_refDDict(d.get(), nullptr), 0u);
    EXPECT_ZSTD_ERR(oneShot(recB, out), ZSTD_error_dictionary_wrong);
}

TEST_F(Dict, MultipleDDictsChosenByFrameID) {
    DDictPtr a(ZSTD_createDDict(dictA.data(), dictA.size()));
    DDictPtr b(ZSTD_createDDict(dictB.data(), dictB.size()));
    ASSERT_TRUE(a && b);
    ASSERT_EQ(ZSTD_DCtx_setParameter(d.get(), ZSTD_d_refMultipleDDicts, ZSTD_rmd_refMultipleDDicts), 0u);
    ASSERT_EQ(ZSTD_DCtx_refDDict(d.get(), a.get()), 0u);
    ASSERT_EQ(ZSTD_DCtx_refDDict(d.get(), b.get()), 0u);
    // Streaming picks the DDict whose ID the frame names, frame after frame.
    const Bytes stream = concat({&recA, &recB, &recA, &recB});
    const Bytes expected = concat({&origA, &origB, &origA, &origB});
    Bytes out;
    EXPECT_EQ(streamDecode(d.get(), stream, 300, 500, out), 0u);
    EXPECT_EQ(out, expected);
    out.clear();
    EXPECT_EQ(streamDecode(d.get(), recB, 1 << 20, 1 << 20, out), 0u);
    EXPECT_EQ(out, origB);
}

TEST_F(Dict, PrefixIsSingleUse) {
    const Bytes prefix = load("prefix.bin"), frame = load("prefixed.zst"), orig = load("prefixed.bin");
    Bytes out;
    // The frame only decodes against its prefix.
    EXPECT_ZSTD_ERR(oneShot(frame, out), ZSTD_error_corruption_detected);
    ASSERT_EQ(ZSTD_DCtx_refPrefix(d.get(), prefix.data(), prefix.size()), 0u);
    EXPECT_EQ(oneShot(frame, out), orig.size());
    EXPECT_EQ(out, orig);
    // Used once: the next decompression no longer sees it.
    EXPECT_ZSTD_ERR(oneShot(frame, out), ZSTD_error_corruption_detected);
    // Also consumed by a frame that did not need it.
    const Bytes small = load("small.zst");
    ASSERT_ZSTD_OK(ZSTD_DCtx_refPrefix(d.get(), prefix.data(), prefix.size()));
    EXPECT_EQ(oneShot(small, out), 1500u);
    EXPECT_ZSTD_ERR(oneShot(frame, out), ZSTD_error_corruption_detected);
    // Streaming: good for one frame.
    ASSERT_ZSTD_OK(ZSTD_DCtx_refPrefix(d.get(), prefix.data(), prefix.size()));
    Bytes streamed;
    EXPECT_EQ(streamDecode(d.get(), frame, 100, 100, streamed), 0u);
    EXPECT_EQ(streamed, orig);
    streamed.clear();
    EXPECT_ZSTD_ERR(streamDecode(d.get(), frame, 100, 100, streamed), ZSTD_error_corruption_detected);
    // reset(session_only) keeps a pending prefix; reset(parameters) drops it.
    ASSERT_ZSTD_OK(ZSTD_DCtx_reset(d.get(), ZSTD_reset_session_and_parameters));
    ASSERT_ZSTD_OK(ZSTD_DCtx_refPrefix(d.get(), prefix.data(), prefix.size()));
    ASSERT_ZSTD_OK(ZSTD_DCtx_reset(d.get(), ZSTD_reset_session_only));
    EXPECT_EQ(oneShot(frame, out), orig.size());
    ASSERT_ZSTD_OK(ZSTD_DCtx_refPrefix(d.get(), prefix.data(), prefix.size()));
    ASSERT_ZSTD_OK(ZSTD_DCtx_reset(d.get(), ZSTD_reset_parameters));
    EXPECT_ZSTD_ERR(oneShot(frame, out), ZSTD_error_corruption_detected);
}

TEST_F(Dict, PrefixAdvancedRaw) {
    const Bytes prefix = load("prefix.bin"), frame = load("prefixed.zst"), orig = load("prefixed.bin");
    Bytes out;
    ASSERT_EQ(ZSTD_DCtx_refPrefix_advanced(d.get(), prefix.data(), prefix.size(), ZSTD_dct_rawContent), 0u);
    EXPECT_EQ(oneShot(frame, out), orig.size());
    EXPECT_EQ(out, orig);
}

}  // namespace
