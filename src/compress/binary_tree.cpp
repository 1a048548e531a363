// The binary-tree finder's entry points (the tree itself: binary_tree.h).
#include "compress/binary_tree.h"

#include "compress/lazy.h"

namespace zest {

BlockCompressor lazyBinaryTree(unsigned depth, DictMode mode) { return lazyCompressor<BinaryTree>(depth, mode); }

namespace {

// f(tree, target) over the window's current segment from nextToUpdate to
// end (content being loaded), then nextToUpdate moved to end's last position.
template <class F>
void indexContent(MatchState& ms, const u8* end, F&& f) {
    const u8* const base = ms.window.base;
    const u32 target = u32(end - base);
    if (target < ms.nextToUpdate + 8) return;
    const u8* const start = base + ms.nextToUpdate;
    const Segments sg = Segments::of<false>(ms, start, size_t(end - start));
    withTreeHashLength(ms.cp, [&](auto m) {
        BinaryTree<m.value, DictMode::noDict> tree(ms, sg);
        f(tree, target);
    });
    if (target - 8 + 1 > ms.nextToUpdate) ms.nextToUpdate = target - 8 + 1;
}

}  // namespace

void fillTablesBinaryTree(MatchState& ms, const u8* end) {
    // Sorted in as a block's positions would be.
    indexContent(ms, end, [&](auto& tree, u32 target) {
        // Inside a long repeat every position sorts in as deep as the last
        // (each comparison the length of the repeat): skip ahead there, or
        // loading repetitive content costs quadratic time.
        constexpr size_t kLongRepeat = 384, kMaxSkip = 192;
        for (u32 i = ms.nextToUpdate; i + 8 <= target;) {
            const size_t longest = tree.insertSorted(i);
            i += longest > kLongRepeat ? u32(longest - kLongRepeat < kMaxSkip ? longest - kLongRepeat : kMaxSkip) : 1;
        }
    });
}

void indexUnsortedBinaryTree(MatchState& ms, const u8* end) {
    indexContent(ms, end, [](auto& tree, u32 target) { tree.addUnsorted(target - 8 + 1); });
}

}  // namespace zest
