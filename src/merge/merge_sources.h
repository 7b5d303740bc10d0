// The inputs of a merge: one vocabulary read entry by entry, and the heap
// that keeps several in the order of their current tokens (a k-way merge).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "input/input_list.h"
#include "merge/vocabulary_reader.h"
#include "vocabcount/count.h"
#include "vocabcount/problem.h"

namespace vocabcount::internal {

class MergeSource {
 public:
  // `index`: the input's place in the list, which settles ties in a merge.
  explicit MergeSource(const Input& input, std::size_t index = 0) : input_(input), index_(index) {}
  MergeSource(const MergeSource&) = delete;
  MergeSource& operator=(const MergeSource&) = delete;

  // False, with problem() set, when the input cannot be opened.
  bool Open(std::size_t buffer_bytes);
  // The next entry into current(): false at the end, or with problem() set.
  bool Advance();

  const VocabularyLine& current() const { return current_; }
  // The current token's first 8 bytes as a big-endian number, zero-padded:
  // numbers order as the bytes do, so most comparisons take one instruction.
  std::uint64_t prefix() const { return prefix_; }
  std::size_t index() const { return index_; }
  const std::string& path() const { return input_.path; }

  const std::optional<Problem>& problem() const { return problem_; }
  // A problem the caller found with the current line.
  void SetProblem(std::string what) {
    problem_ = Problem{input_.path, std::nullopt, std::move(what), current_.line};
  }

  // Adds what was read to `stats`, for an input read to the end.
  void AddTo(CountStats& stats) const;

 private:
  const Input& input_;
  std::size_t index_;
  std::optional<VocabularyReader> reader_;
  VocabularyLine current_;
  std::uint64_t prefix_ = 0;
  std::optional<Problem> problem_;
};

// The sources that have an entry left, the least token on top; of equal
// tokens the earlier input's, so that a problem with a sum names the same
// input every time.
class SourceHeap {
 public:
  explicit SourceHeap(std::vector<MergeSource*> sources);

  bool empty() const { return heap_.empty(); }
  MergeSource& top() const { return *heap_.front(); }

  // Puts the top back in its place after it moved to its next entry.
  void TopChanged();
  void PopTop();

 private:
  static bool Before(const MergeSource& a, const MergeSource& b) {
    if (a.prefix() != b.prefix()) return a.prefix() < b.prefix();
    const int order = a.current().token.compare(b.current().token);
    return order != 0 ? order < 0 : a.index() < b.index();
  }

  std::vector<MergeSource*> heap_;
};

}  // namespace vocabcount::internal
