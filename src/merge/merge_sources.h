// The inputs of a merge: one vocabulary read entry by entry, and the order of
// several by their current tokens, for the k-way merge (table/k_way_merge.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "input/input_list.h"
#include "merge/vocabulary_reader.h"
#include "table/k_way_merge.h"
#include "table/output_order.h"
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
  // TokenPrefix of the current token: most comparisons take one instruction.
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

// Sources in token order; of equal tokens the earlier input's first, so that
// a problem with a sum names the same input every time.
struct SourceBefore {
  bool operator()(const MergeSource& a, const MergeSource& b) const {
    const int order = CompareTokens(a.prefix(), a.current().token, b.prefix(), b.current().token);
    return order != 0 ? order < 0 : a.index() < b.index();
  }
};

// The sources that have an entry left, the least token on top.
using SourceHeap = KWayMerge<MergeSource, SourceBefore>;

}  // namespace vocabcount::internal
