// Forward bit writer for FSE, Huffman and sequence bitstreams.
//
// Bits are appended least-significant first: the first field written lands in
// the lowest bits of the first byte. BitReader reads the finished stream from
// its last byte backwards, so the last field written is the first one read;
// encoders therefore visit their symbols in reverse order. close() appends the
// end-mark bit (a single 1) that the reader uses to find where the data
// starts, and pads the last byte with zeros.
//
// The container is a 64-bit word holding at most 63 bits. Fields are OR-ed in
// above the pending bits; flush() stores the whole word and advances by the
// complete bytes, leaving at most 7 bits pending, so 56 bits can always be
// added between two flushes (more when fewer are pending).
//
// Capacity: flush() stores 8 bytes at once while at least 8 bytes of room
// remain, then falls back to byte stores near the end of the buffer, so a
// stream fits exactly when its size is at most the capacity. If the data does
// not fit, the writer stops storing and close() reports 0.
#pragma once
#include "common/mem.h"

namespace zest {

class BitWriter {
public:
    // dst/capacity receive the stream. Any capacity is accepted (0 included:
    // close() then reports 0).
    void init(void* dst, size_t capacity) {
        start_ = static_cast<u8*>(dst);
        ptr_ = start_;
        end_ = start_ + capacity;
        fastEnd_ = capacity >= 8 ? end_ - 7 : start_;
        bits_ = 0;
        nbBits_ = 0;
        overflow_ = false;
    }

    // Append the low nb bits of value (higher bits of value are ignored); nb <= 56.
    ZEST_FORCE_INLINE void addBits(u64 value, unsigned nb) {
        bits_ |= (value & ((u64(1) << nb) - 1)) << nbBits_;
        nbBits_ += nb;
    }
    // Same, for a value known to fit in nb bits.
    ZEST_FORCE_INLINE void addBitsFast(u64 value, unsigned nb) {
        bits_ |= value << nbBits_;
        nbBits_ += nb;
    }

    // Move the complete bytes of the container to the buffer.
    ZEST_FORCE_INLINE void flush() {
        if (ZEST_LIKELY(ptr_ < fastEnd_)) {
            flushFast();
        } else {
            // By value: taking the writer's address would keep it out of registers.
            const SlowState r = flushSlow(bits_, nbBits_, ptr_, end_);
            bits_ = r.bits;
            nbBits_ = r.nbBits;
            ptr_ = r.ptr;
            overflow_ |= r.overflow;
        }
    }

    // flush() for a caller that knows it takes the fast path: since it read
    // fastRoom(), the write position has advanced by less than that value.
    ZEST_FORCE_INLINE void flushFast() {
        writeLE64(ptr_, bits_);
        ptr_ += nbBits_ >> 3;
        bits_ >>= nbBits_ & ~7u;  // at most 56: nbBits_ <= 63
        nbBits_ &= 7;
    }
    // How far the write position can advance with every flush taking the
    // fast path (8-byte stores). A loop that bounds what it writes between
    // two checks of this can then use flushFast().
    size_t fastRoom() const { return ptr_ < fastEnd_ ? size_t(fastEnd_ - ptr_) : 0; }

    // Append the end mark, flush, and return the stream size in bytes, or 0
    // if it did not fit (a valid stream is never empty).
    size_t close() {
        flush();
        addBitsFast(1, 1);
        flush();
        if (nbBits_) {
            // The partial last byte.
            if (ptr_ >= end_) overflow_ = true;
            else *ptr_++ = u8(bits_);
            nbBits_ = 0;
            bits_ = 0;
        }
        return overflow_ ? 0 : size_t(ptr_ - start_);
    }

    // Bytes completely written so far (not counting pending bits).
    size_t bytesWritten() const { return size_t(ptr_ - start_); }
    unsigned pendingBits() const { return nbBits_; }
    bool overflowed() const { return overflow_; }

private:
    struct SlowState {
        u64 bits;
        unsigned nbBits;
        u8* ptr;
        bool overflow;
    };
    // Byte stores near the end of the buffer. On overflow the data is dropped
    // (the container stays bounded) and close() will report 0.
    static ZEST_NOINLINE SlowState flushSlow(u64 bits, unsigned nbBits, u8* ptr, u8* end) {
        while (nbBits >= 8) {
            if (ptr >= end) return SlowState{0, 0, ptr, true};
            *ptr++ = u8(bits);
            bits >>= 8;
            nbBits -= 8;
        }
        return SlowState{bits, nbBits, ptr, false};
    }

    u64 bits_ = 0;
    unsigned nbBits_ = 0;
    bool overflow_ = false;
    u8* ptr_ = nullptr;
    u8* start_ = nullptr;
    u8* end_ = nullptr;
    u8* fastEnd_ = nullptr;  // ptr_ < fastEnd_: at least 8 bytes of room (never, below 8 bytes of capacity)
};

}  // namespace zest
