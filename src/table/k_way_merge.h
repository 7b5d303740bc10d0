// The k-way merge: sources, each at its current entry, kept in a heap with
// the least entry on top. Spilled partitions and the vocabularies of
// --merge are merged with it.
#pragma once

#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

namespace vocabcount::internal {

// `Before` orders two sources by their current entries; when two can be
// equal, it must break the tie itself (the merge of vocabularies takes the
// earlier input first), so that the order of the merge is total.
template <class Source, class Before>
class KWayMerge {
 public:
  // `sources`: those that have a current entry.
  explicit KWayMerge(std::vector<Source*> sources, Before before = Before())
      : heap_(std::move(sources)), before_(std::move(before)) {
    // A sorted array is a heap.
    std::sort(heap_.begin(), heap_.end(),
              [&](const Source* a, const Source* b) { return before_(*a, *b); });
  }

  bool empty() const { return heap_.empty(); }
  Source& top() const { return *heap_.front(); }

  // Puts the top back in its place after it moved to its next entry. The
  // hole goes down along the lesser children to a leaf, one comparison per
  // level, and the moved source climbs back from there: it usually belongs
  // near the bottom, so this takes about half the comparisons of sifting it
  // down.
  void TopChanged() {
    Source* const moved = heap_.front();
    const std::size_t size = heap_.size();
    std::size_t at = 0;
    for (std::size_t child = 1; child < size; child = 2 * at + 1) {
      if (child + 1 < size && before_(*heap_[child + 1], *heap_[child])) ++child;
      heap_[at] = heap_[child];
      at = child;
    }
    while (at > 0) {
      const std::size_t parent = (at - 1) / 2;
      if (!before_(*moved, *heap_[parent])) break;
      heap_[at] = heap_[parent];
      at = parent;
    }
    heap_[at] = moved;
  }
  // Drops the top, which has no entry left.
  void PopTop() {
    heap_.front() = heap_.back();
    heap_.pop_back();
    if (!heap_.empty()) TopChanged();
  }

 private:
  std::vector<Source*> heap_;
  Before before_;
};

}  // namespace vocabcount::internal
