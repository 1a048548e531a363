// Backward bit reader for FSE, Huffman and sequence bitstreams.
//
// Zstandard bitstreams are written forward and read from their last byte
// towards their first. The reader keeps a 64-bit window of the stream; the
// next bits to read are its most significant ones. `consumed` counts how many
// of those have been used. Refilling moves the window down by whole bytes, so
// after a refill at least 57 bits are readable (unless the stream start is
// reached), which lets hot loops read several fields between refills.
#pragma once
#include "common/error.h"
#include "common/mem.h"

namespace zest {

class BitReader {
public:
    enum Status { kUnfinished = 0, kEndOfBuffer = 1, kCompleted = 2, kOverflow = 3 };

    // src/size is the whole bitstream; its last byte holds the end marker.
    size_t init(const void* src, size_t size) {
        if (size < 1) return ZEST_ERR(srcSize_wrong);
        start_ = static_cast<const u8*>(src);
        const u8 last = start_[size - 1];
        if (last == 0) return ZEST_ERR(corruption_detected);
        if (size >= sizeof(size_t)) {
            ptr_ = start_ + size - sizeof(size_t);
            bits_ = readLEWord(ptr_);
            consumed_ = 8 - highBit32(last);
        } else {
            ptr_ = start_;
            bits_ = 0;
            for (size_t i = 0; i < size; i++) bits_ |= size_t(start_[i]) << (8 * i);
            consumed_ = unsigned(8 * (sizeof(size_t) - size)) + 8 - highBit32(last);
        }
        return size;
    }

    // Peek nb bits (0..57). Bits beyond the stream start read as zero.
    ZEST_FORCE_INLINE size_t peek(unsigned nb) const {
        return ((bits_ << (consumed_ & 63)) >> 1) >> (63 - nb);
    }
    // Peek nb bits, nb >= 1. (The mask keeps the shift defined on corrupt input.)
    ZEST_FORCE_INLINE size_t peekFast(unsigned nb) const { return (bits_ << (consumed_ & 63)) >> (64 - nb); }
    ZEST_FORCE_INLINE void skip(unsigned nb) { consumed_ += nb; }
    ZEST_FORCE_INLINE size_t read(unsigned nb) {
        size_t v = peek(nb);
        skip(nb);
        return v;
    }
    ZEST_FORCE_INLINE size_t readFast(unsigned nb) {
        size_t v = peekFast(nb);
        skip(nb);
        return v;
    }

    // Refill the window. Returns kUnfinished while at least 8 bytes remain
    // below the window; kEndOfBuffer once the start is near; kCompleted when
    // every bit was consumed exactly; kOverflow if more bits were read than exist.
    ZEST_FORCE_INLINE Status reload() {
        if (ZEST_UNLIKELY(consumed_ > 64)) return kOverflow;
        if (ZEST_LIKELY(ptr_ >= start_ + sizeof(size_t))) {
            ptr_ -= consumed_ >> 3;
            consumed_ &= 7;
            bits_ = readLEWord(ptr_);
            return kUnfinished;
        }
        return reloadSlow();
    }

    // Fast refill usable only while ptr is at least 8 bytes above start.
    ZEST_FORCE_INLINE bool canReloadFast() const { return ptr_ >= start_ + sizeof(size_t); }

    // Hand-off to and from loops that keep the window in their own registers.
    const u8* position() const { return ptr_; }
    size_t window() const { return bits_; }
    void resume(const u8* ptr, unsigned consumed) {
        ptr_ = ptr;
        bits_ = readLEWord(ptr);
        consumed_ = consumed;
    }

    bool finished() const { return ptr_ == start_ && consumed_ == 64; }
    bool overflowed() const { return consumed_ > 64; }
    unsigned consumed() const { return consumed_; }

private:
    Status reloadSlow() {
        if (ptr_ == start_) return consumed_ < 64 ? kEndOfBuffer : kCompleted;
        size_t nbBytes = consumed_ >> 3;
        Status st = kUnfinished;
        if (ptr_ - nbBytes < start_) {
            nbBytes = size_t(ptr_ - start_);
            st = kEndOfBuffer;
        }
        ptr_ -= nbBytes;
        consumed_ -= unsigned(nbBytes * 8);
        bits_ = readLEWord(ptr_);
        return st;
    }

    size_t bits_ = 0;
    unsigned consumed_ = 0;
    const u8* ptr_ = nullptr;
    const u8* start_ = nullptr;
};

}  // namespace zest
