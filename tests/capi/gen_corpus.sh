#!/bin/sh
# Builds the tests/capi corpus: frames and data from the reference generator
# (make_frames, linked to Debian's libzstd), dictionaries trained and frames
# compressed by the reference CLI, and the reference decoder's streaming traces.
# usage: gen_corpus.sh MAKE_FRAMES REF_ZSTD_CLI OUTDIR
set -eu
GEN=$1
ZSTD=$2
OUT=$3
TMP="$OUT.tmp.$$"
rm -rf "$TMP"
mkdir -p "$TMP/samples_json" "$TMP/samples_log"

"$GEN" gen "$TMP"

# Dictionaries: two sample families, trained by the reference CLI with fixed IDs.
# Samples 000-299 train; 300-309 are held out as the records to compress.
"$GEN" samples "$TMP/samples_json" json 310
"$GEN" samples "$TMP/samples_log" log 310
"$ZSTD" -q -f --train "$TMP"/samples_json/json_[0-2]*.txt --maxdict=8192 --dictID=1111 -o "$TMP/dictA"
"$ZSTD" -q -f --train "$TMP"/samples_log/log_[0-2]*.txt --maxdict=8192 --dictID=2222 -o "$TMP/dictB"
cat "$TMP"/samples_json/json_30*.txt > "$TMP/recA.bin"
cat "$TMP"/samples_log/log_30*.txt > "$TMP/recB.bin"
"$ZSTD" -q -f -D "$TMP/dictA" "$TMP/recA.bin" -o "$TMP/recA.zst"
"$ZSTD" -q -f -D "$TMP/dictB" "$TMP/recB.bin" -o "$TMP/recB.zst"
# A dictionary frame whose header omits the dictionary ID.
"$ZSTD" -q -f -D "$TMP/dictA" --no-dictID "$TMP/recA.bin" -o "$TMP/recA_noid.zst"

# Concatenation: frame, skippable frame, multi-block frame, empty frame.
cat "$TMP/small.zst" "$TMP/skip5.zst" "$TMP/blocks.zst" "$TMP/empty.zst" > "$TMP/concat.zst"
cat "$TMP/small.bin" "$TMP/blocks.bin" > "$TMP/concat.bin"

# Damaged frames: wrong magic, reserved header bit, window descriptor of 2 GiB (w31, valid
# but above the default limit) and of 2^41 (invalid), bad checksum.
"$GEN" patch "$TMP/small.zst" "$TMP/bad_magic.zst" 0 0x01
"$GEN" patch "$TMP/small.zst" "$TMP/bad_reserved.zst" 4 0x08
"$GEN" patch "$TMP/text_w20.zst" "$TMP/w31.zst" 5 0xF8
"$GEN" patch "$TMP/text_w20.zst" "$TMP/bad_window.zst" 5 0xA8
"$GEN" patch "$TMP/text.zst" "$TMP/bad_checksum.zst" -1 0x40
head -c 100000 "$TMP/text.zst" > "$TMP/truncated.zst"
cat "$TMP/text.zst" "$TMP/small.zst" > "$TMP/two.zst"
cat "$TMP/skip5.zst" "$TMP/small.zst" "$TMP/skip5.zst" > "$TMP/skip_small.zst"

# Reference frame-inspection results: info_<frame>.txt
for name in text text_w17 text_w20 small empty rand zeros blocks magicless nosize prefixed rawdict \
            skip5 recA recB recA_noid concat bad_magic bad_reserved bad_window w31 bad_checksum truncated \
            two skip_small; do
    "$GEN" info "$TMP/$name.zst" "$TMP/info_$name.txt"
done

# Reference streaming traces: trace_<frame>_<inChunk>_<outSize>.txt
trace() {
    name=$1; inc=$2; outs=$3; shift 3
    "$GEN" trace "$TMP/$name.zst" "$TMP/trace_${name}_${inc}_${outs}.txt" "$inc" "$outs" "$@"
}
trace text 1000 4096
trace text 65536 1000000
trace text_w17 1000 4096
trace text_w17 131075 131072
trace text_w20 5000 100000
trace blocks 1 1
trace blocks 1000 4096
trace rand 1000 4096
trace zeros 1000 4096
trace small 1 1
trace empty 1 1
trace concat 1000 4096
trace concat 7 3
trace nosize 1000 4096
trace recA 1000 4096 "dict=$TMP/dictA"
trace recA 13 17 "dict=$TMP/dictA"
trace magicless 1000 4096 magicless

# Reference error strings and bufferless decoding steps.
"$GEN" errors "$TMP/errors.txt"
for name in concat text_w17 rand zeros skip_small; do
    "$GEN" bufferless "$TMP/$name.zst" "$TMP/bufferless_$name.txt"
done
"$GEN" bufferless "$TMP/recA.zst" "$TMP/bufferless_recA.txt" "dict=$TMP/dictA"
"$GEN" bufferless "$TMP/magicless.zst" "$TMP/bufferless_magicless.txt" magicless

touch "$TMP/stamp"
rm -rf "$OUT"
mv "$TMP" "$OUT"
