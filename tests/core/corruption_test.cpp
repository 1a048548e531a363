// Corrupted input: thousands of mutants of valid frames (bit flips, byte
// overwrites, truncations, spliced headers, random bytes after a magic number,
// inserted and deleted bytes). zest's one-shot, streaming and bufferless
// decoders must never crash (ASan/UBSan builds check memory safety) and must
// either fail or produce output; output is checked against the reference
// decoder whenever the reference accepts the same input.
//
// zest may refuse a mutant that Debian's 1.5.4 decodes; that is not checked
// (nor counted as a failure) because there are legitimate reasons:
//  - 1.5.4 accepts some invalid frames that 1.5.6+ rejects (see the golden
//    error files: offset 0, truncated Huffman FSE state, bytes after a
//    0-sequence section) and compressed blocks larger than the frame's
//    Block_Maximum_Size (1.5.6+ refuses those too);
//  - the reference's fast 4-stream Huffman decoder only checks that each
//    stream yields its share of literals, not that the stream is used up
//    exactly; zest insists on exact ends, so a flipped bit in literals can
//    be an error for zest and garbage-but-success for the reference.
// Error codes for corrupted input are not compared here either (several
// faults at once can be reported in another order); errors_test.cpp pins the
// codes for specific cases.
//
// ZEST_CORRUPTION_ITERS sets the number of mutants (default 5000, plus every
// truncation of the small frames); the seed is fixed, so a run is
// reproducible. ZEST_CORRUPTION_SEED changes it.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>

#include "support.h"

using namespace zt;

namespace {

struct Case {
    std::string name;
    Bytes frame;     // one valid frame (or several, for the multi-frame case)
    Bytes original;  // what it decodes to
    const Bytes* dict = nullptr;
    bool multiFrame = false;
};

struct Corpus {
    Bytes dict;
    std::vector<Case> cases;
    std::unique_ptr<ZDDict> zdd;
    ZSTD_DDict* rdd = nullptr;
    ~Corpus() { ZSTD_freeDDict(rdd); }
};

const Corpus& corpus() {
    static Corpus* c = [] {
        auto* k = new Corpus;
        Rng rng(41000);
        RefCompressor ref;
        k->dict = trainDict(rng, 0, 8 * 1024, 200);
        k->zdd = std::make_unique<ZDDict>(k->dict);
        k->rdd = ZSTD_createDDict(k->dict.data(), k->dict.size());
        auto add = [&](std::string name, Bytes src, RefParams p, bool withDict = false, bool streamed = false) {
            RefDict rd;
            if (withDict) {
                rd.mode = RefDict::load;
                rd.bytes = &k->dict;
            }
            Bytes frame = streamed ? ref.compressStream(src, p, rng, rd) : ref.compress(src, p, rd);
            k->cases.push_back({std::move(name), std::move(frame), std::move(src), withDict ? &k->dict : nullptr});
        };
        RefParams p;
        p.level = 1;
        add("text L1", genText(rng, 3000), p);
        p.level = 3;
        p.checksum = 1;
        add("text L3 checksum", genText(rng, 5000), p);
        p.level = 19;
        add("binary L19 checksum", genBinary(rng, 6000), p);
        p.checksum = 0;
        add("mixed L19", genMixed(rng, 8000), p);
        p.level = 3;
        p.checksum = 1;
        add("mixed L3 multi-block streamed", genMixed(rng, 40000), p, false, true);
        p.level = 7;
        p.windowLog = 10;
        add("text L7 window 1K", genText(rng, 12000), p);
        p.windowLog = 0;
        p.level = 1;
        p.checksum = 0;
        add("zeros (RLE)", genZeros(3000), p);
        add("random (raw)", genRandom(rng, 700), p);
        p.level = -5;
        add("text fast -5", genText(rng, 4000), p);
        {
            Bytes src;
            for (int i = 0; i < 15; i++) {
                const Bytes r = genRecord(rng, 0);
                src.insert(src.end(), r.begin(), r.end());
            }
            p.level = 3;
            p.checksum = 1;
            add("records with dict, checksum", src, p, true);
            p.level = 19;
            p.checksum = 0;
            add("records with dict L19", src, p, true);
        }
        {
            // Two frames and a skippable frame.
            p.level = 3;
            p.checksum = 1;
            const Bytes a = genText(rng, 900), b = genBinary(rng, 1200);
            Case c;
            c.name = "multi-frame";
            c.multiFrame = true;
            c.frame = ref.compress(a, p);
            const Bytes skip = refSkippable(genText(rng, 30), 3);
            c.frame.insert(c.frame.end(), skip.begin(), skip.end());
            const Bytes fb = ref.compress(b, p);
            c.frame.insert(c.frame.end(), fb.begin(), fb.end());
            c.original = a;
            c.original.insert(c.original.end(), b.begin(), b.end());
            k->cases.push_back(std::move(c));
        }
        return k;
    }();
    return *c;
}

struct Stats {
    unsigned mutants = 0, zestOk = 0, refOk = 0, bothOk = 0, zestOnly = 0;
    void print(const char* name) const {
        // refOk counts only mutants some zest decoder accepted (the reference
        // is not asked about the others).
        std::printf("[ corruption ] %s: %u mutants; zest one-shot decoded %u, reference %u, both %u, "
                    "zest only %u\n",
                    name, mutants, zestOk, refOk, bothOk, zestOnly);
    }
};

bool hasChecksumFlag(const Bytes& m) {
    // The Frame_Header_Descriptor's Content_Checksum_flag of a zstd frame.
    return m.size() >= 5 && m[0] == 0x28 && m[1] == 0xB5 && m[2] == 0x2F && m[3] == 0xFD && (m[4] & 0x04);
}

// Decode one mutant every way and check the outcome.
void checkMutant(const Bytes& m, const Case& c, Rng& rng, Stats& st, const std::string& what, bool bufferless) {
    const Corpus& k = corpus();
    const zest::DDict* zdd = c.dict ? static_cast<const zest::DDict*>(*k.zdd) : nullptr;
    const size_t capacity = c.original.size() + 1024;
    st.mutants++;

    // One-shot.
    ZDCtx d;
    if (zdd) {
        EXPECT_FALSE(zest::isError(zest::dctxRefDDict(d, zdd)));
    }
    Bytes zout;
    const size_t zr = zestOneShot(d, m, capacity, &zout);
    const bool zok = !zest::isError(zr);
    if (zok) {
        EXPECT_LE(zr, capacity) << what;
    }

    // Streaming, random splits; windows above 8 MiB are refused so that a
    // mutated window descriptor does not make every run allocate 128 MiB.
    ZDCtx s;
    if (zdd) {
        EXPECT_FALSE(zest::isError(zest::dctxRefDDict(s, zdd)));
    }
    zset(s, zest::DParam::windowLogMax, 23);
    const StreamResult sr = zestStream(s, m, rng, rng.chance(20) ? Split::tiny : Split::random, capacity, 1 << 14);
    const bool sok = sr.complete && !sr.error;

    // Bufferless (a share of the mutants).
    Bytes bout;
    bool bok = false;
    if (bufferless) bok = !zest::isError(zestBufferless(m, zdd, capacity, &bout));

    if (!zok && !sok && !bok) return;

    // Some zest decoder accepted it: ask the reference.
    RefDCtx r;
    if (c.dict) ZSTD_DCtx_refDDict(r, k.rdd);
    Bytes rout(capacity);
    const size_t rr = ZSTD_decompressDCtx(r, rout.data(), capacity, m.data(), m.size());
    const bool rok = !ZSTD_isError(rr);
    if (rok) rout.resize(rr);

    if (zok) st.zestOk++;
    if (rok) st.refOk++;
    if (zok && rok) st.bothOk++;
    if (zok && !rok) st.zestOnly++;

    auto checkOutput = [&](const Bytes& out, const char* api) {
        if (rok) {
            EXPECT_TRUE(out == rout) << what << ": zest " << api << " output (" << out.size()
                                     << " bytes) differs from the reference's (" << rout.size() << " bytes)";
        }
        if (!c.multiFrame && hasChecksumFlag(m)) {
            // zest validated the checksum: the content must be the real one
            // (or, if the mutation changed the content size, what the reference made).
            EXPECT_TRUE(out == c.original || (rok && out == rout))
                << what << ": zest " << api << " passed the checksum with wrong content";
        }
    };
    if (zok) checkOutput(zout, "one-shot");
    if (sok) checkOutput(sr.out, "streaming");
    if (bok) checkOutput(bout, "bufferless");
    if (zok && sok) {
        EXPECT_TRUE(zout == sr.out) << what << ": one-shot and streaming disagree";
    }
}

long itersFor(double share) {
    const long total = envLong("ZEST_CORRUPTION_ITERS", 5000);
    return std::max<long>(1, long(double(total) * share));
}

uint64_t seedFor(uint64_t base) { return base + uint64_t(envLong("ZEST_CORRUPTION_SEED", 0)) * 7919; }

std::string label(const Case& c, const char* kind, long i) { return c.name + " / " + kind + " #" + std::to_string(i); }

}  // namespace

TEST(Corruption, OriginalsDecode) {
    Rng rng(42000);
    Stats st;
    for (const Case& c : corpus().cases) {
        checkMutant(c.frame, c, rng, st, c.name + " (unmodified)", true);
        Bytes out;
        ZDCtx d;
        if (c.dict) zest::dctxRefDDict(d, *corpus().zdd);
        EXPECT_EQ(zestOneShot(d, c.frame, c.original.size(), &out), c.original.size()) << c.name;
        EXPECT_TRUE(out == c.original) << c.name;
    }
    EXPECT_EQ(st.zestOk, corpus().cases.size());
    EXPECT_EQ(st.bothOk, corpus().cases.size());
}

TEST(Corruption, BitFlips) {
    Rng rng(seedFor(43000));
    Stats st;
    const auto& cases = corpus().cases;
    const long n = itersFor(0.30);
    for (long i = 0; i < n; i++) {
        const Case& c = cases[size_t(i) % cases.size()];
        Bytes m = c.frame;
        const unsigned flips = unsigned(rng.range(1, 3));
        for (unsigned f = 0; f < flips; f++) {
            // Half of the flips land in the first 32 bytes (headers, literals
            // and sequence headers), the rest anywhere.
            const size_t at = rng.chance(50) ? size_t(rng.below(std::min<size_t>(32, m.size())))
                                             : size_t(rng.below(m.size()));
            m[at] ^= uint8_t(1u << rng.below(8));
        }
        checkMutant(m, c, rng, st, label(c, "bit flip", i), i % 3 == 0);
        if (HasFailure() && st.mutants > 50) break;
    }
    st.print("bit flips");
}

TEST(Corruption, ByteOverwrites) {
    Rng rng(seedFor(44000));
    Stats st;
    const auto& cases = corpus().cases;
    const long n = itersFor(0.22);
    for (long i = 0; i < n; i++) {
        const Case& c = cases[size_t(i) % cases.size()];
        Bytes m = c.frame;
        const unsigned count = unsigned(rng.range(1, 4));
        for (unsigned k = 0; k < count; k++) {
            const size_t at = size_t(rng.below(m.size()));
            const uint64_t v = rng.below(4);
            m[at] = v == 0 ? 0 : v == 1 ? 0xFF : rng.byte();
            if (rng.chance(20) && at + 1 < m.size()) m[at + 1] = rng.byte();  // a pair
        }
        checkMutant(m, c, rng, st, label(c, "overwrite", i), i % 3 == 1);
        if (HasFailure() && st.mutants > 50) break;
    }
    st.print("byte overwrites");
}

// Every truncation of the small frames, random ones of the larger.
TEST(Corruption, Truncations) {
    Rng rng(seedFor(45000));
    Stats st;
    const long budget = itersFor(0.18);
    long done = 0;
    for (const Case& c : corpus().cases) {
        std::vector<size_t> cuts;
        if (c.frame.size() <= 1200) {
            for (size_t n = 0; n < c.frame.size(); n++) cuts.push_back(n);
        } else {
            for (size_t n = 0; n < 24; n++) cuts.push_back(n);
            for (size_t n = c.frame.size() - 8; n < c.frame.size(); n++) cuts.push_back(n);
            const long extra = std::max<long>(8, budget / long(corpus().cases.size()) - 32);
            for (long i = 0; i < extra; i++) cuts.push_back(size_t(rng.below(c.frame.size())));
        }
        for (size_t n : cuts) {
            const Bytes m(c.frame.begin(), c.frame.begin() + n);
            const std::string what = c.name + " cut to " + std::to_string(n);
            checkMutant(m, c, rng, st, what, done % 2 == 0);
            // A cut frame is never a complete one (0 bytes is "no frame": fine).
            if (n > 0 && !c.multiFrame) {
                Bytes out;
                ZDCtx d;
                if (c.dict) zest::dctxRefDDict(d, *corpus().zdd);
                EXPECT_TRUE(zest::isError(zestOneShot(d, m, c.original.size(), &out))) << what;
            }
            done++;
        }
        if (HasFailure()) break;
    }
    st.print("truncations");
}

// The header of one frame followed by the blocks of another.
TEST(Corruption, SplicedHeaders) {
    Rng rng(seedFor(46000));
    Stats st;
    const auto& cases = corpus().cases;
    const long n = itersFor(0.10);
    for (long i = 0; i < n; i++) {
        const Case& a = cases[rng.below(cases.size())];
        const Case& b = cases[rng.below(cases.size())];
        const size_t ha = ZSTD_frameHeaderSize(a.frame.data(), a.frame.size());
        const size_t hb = ZSTD_frameHeaderSize(b.frame.data(), b.frame.size());
        ASSERT_FALSE(ZSTD_isError(ha));
        ASSERT_FALSE(ZSTD_isError(hb));
        Bytes m(a.frame.begin(), a.frame.begin() + std::ptrdiff_t(ha));
        m.insert(m.end(), b.frame.begin() + std::ptrdiff_t(hb), b.frame.end());
        // Judge it as b's content (b's blocks and checksum), with b's dictionary if any.
        Case judged = b;
        if (a.dict) judged.dict = a.dict;
        judged.multiFrame = a.multiFrame || b.multiFrame;
        checkMutant(m, judged, rng, st, a.name + " header + " + b.name + " body", i % 2 == 0);
        if (HasFailure() && st.mutants > 50) break;
    }
    st.print("spliced headers");
}

// A magic number (and sometimes a plausible descriptor) followed by random bytes.
TEST(Corruption, RandomBytesAfterMagic) {
    Rng rng(seedFor(47000));
    Stats st;
    const Case& plain = corpus().cases[0];
    const long n = itersFor(0.12);
    for (long i = 0; i < n; i++) {
        Bytes m = {0x28, 0xB5, 0x2F, 0xFD};
        const size_t len = size_t(rng.range(1, 400));
        const Bytes tail = genRandom(rng, len);
        m.insert(m.end(), tail.begin(), tail.end());
        if (rng.chance(50)) {
            // Keep the descriptor sane: no reserved bit, often single segment,
            // no dictionary, so that the blocks get decoded.
            m[4] = uint8_t((m[4] & 0xE4) | (rng.chance(50) ? 0x20 : 0));
            if (!(m[4] & 0x20) && m.size() > 5) m[5] = uint8_t(m[5] & 0x7F);  // window <= 2^25
        }
        if (rng.chance(30) && m.size() > 12) {
            // A compressed last block header of a plausible size right after a
            // single-segment 2-byte-FCS header.
            m[4] = 0x60;  // single segment, FCS 2 bytes
            const unsigned bs = unsigned(std::min<size_t>(m.size() - 10, 1000));
            const unsigned bh = 1 | (2 << 1) | (bs << 3);
            m[7] = uint8_t(bh);
            m[8] = uint8_t(bh >> 8);
            m[9] = uint8_t(bh >> 16);
        }
        checkMutant(m, plain, rng, st, "random after magic #" + std::to_string(i), true);
        if (HasFailure() && st.mutants > 50) break;
    }
    st.print("random after magic");
}

// A byte inserted or deleted: everything after it shifts.
TEST(Corruption, InsertDelete) {
    Rng rng(seedFor(48000));
    Stats st;
    const auto& cases = corpus().cases;
    const long n = itersFor(0.08);
    for (long i = 0; i < n; i++) {
        const Case& c = cases[size_t(i) % cases.size()];
        Bytes m = c.frame;
        const size_t at = size_t(rng.below(m.size()));
        if (rng.chance(50)) {
            m.insert(m.begin() + std::ptrdiff_t(at), rng.byte());
        } else {
            m.erase(m.begin() + std::ptrdiff_t(at));
        }
        checkMutant(m, c, rng, st, label(c, "insert/delete", i), i % 2 == 0);
        if (HasFailure() && st.mutants > 50) break;
    }
    st.print("insert/delete");
}
