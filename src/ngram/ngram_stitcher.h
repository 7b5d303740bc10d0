// The n-grams across work-unit cuts. A unit that ends inside a line leaves
// the n-grams that start in it and end in a later unit uncounted; the
// stitcher, given every unit's edges in input order, counts each of them
// exactly once: at the unit where it ends.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/functional/function_ref.h"
#include "ngram/ngram_window.h"
#include "vocabcount/options.h"

namespace vocabcount::internal {

class NgramStitcher {
 public:
  explicit NgramStitcher(const Options& options);

  // Takes the next unit, which must follow the previous one in the same
  // input or start a new input, and calls count(ngram) for each n-gram that
  // ends in it and starts in an earlier unit.
  void Add(std::size_t input_index, const UnitNgrams& unit,
           absl::FunctionRef<void(std::string_view ngram)> count);

  // N-grams counted so far, by order: those within the units added and
  // those across their cuts.
  const NgramTally& counted() const { return counted_; }

 private:
  int min_order_;
  int max_order_;
  std::string separator_;
  std::optional<std::size_t> input_;
  // The last tokens (at most max_order_ - 1) of the sequence the previous
  // unit ended in: n-grams from there on may end in the next unit.
  std::vector<std::string> context_;
  std::string ngram_;
  NgramTally counted_{};
};

}  // namespace vocabcount::internal
