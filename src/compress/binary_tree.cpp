// The binary-tree finder's entry points (the tree itself: binary_tree.h).
#include "compress/binary_tree.h"

#include "compress/lazy.h"

namespace zest {

BlockCompressor lazyBinaryTree(unsigned depth, DictMode mode) { return lazyCompressor<BinaryTree>(depth, mode); }

void fillTablesBinaryTree(MatchState& ms, const u8* end) {
    const u8* const base = ms.window.base;
    const u32 target = u32(end - base);
    if (target < ms.nextToUpdate + 8) return;
    // The content is the window's current segment, sorted in as a block's positions would be.
    const u8* const start = base + ms.nextToUpdate;
    const Segments sg = Segments::of<false>(ms, start, size_t(end - start));
    withTreeHashLength(ms.cp, [&](auto m) {
        BinaryTree<m.value, DictMode::noDict> tree(ms, sg);
        // Inside a long repeat every position sorts in as deep as the last
        // (each comparison the length of the repeat): skip ahead there, or
        // loading repetitive content costs quadratic time.
        constexpr size_t kLongRepeat = 384, kMaxSkip = 192;
        for (u32 i = ms.nextToUpdate; i + 8 <= target;) {
            const size_t longest = tree.insertSorted(i);
            i += longest > kLongRepeat ? u32(longest - kLongRepeat < kMaxSkip ? longest - kLongRepeat : kMaxSkip) : 1;
        }
    });
    ms.nextToUpdate = target - 8 + 1;
}

}  // namespace zest

namespace zest {

void indexUnsortedBinaryTree(MatchState& ms, const u8* end) {
    const u8* const base = ms.window.base;
    const u32 target = u32(end - base);
    if (target < ms.nextToUpdate + 8) return;
    const u8* const start = base + ms.nextToUpdate;
    const Segments sg = Segments::of<false>(ms, start, size_t(end - start));
    withTreeHashLength(ms.cp, [&](auto m) {
        BinaryTree<m.value, DictMode::noDict> tree(ms, sg);
        tree.addUnsorted(target - 8 + 1);
    });
}

}  // namespace zest
