// Counting the n-grams across unit cuts from the units' edges.
#include "ngram/ngram_stitcher.h"

#include <algorithm>

namespace vocabcount::internal {

NgramStitcher::NgramStitcher(const Options& options)
    : min_order_(std::max(options.ngram_min, 2)),
      max_order_(options.ngram_max),
      separator_(options.ngram_separator) {}

void NgramStitcher::Add(std::size_t input_index, const UnitNgrams& unit,
                        absl::FunctionRef<void(std::string_view ngram)> count) {
  for (std::size_t order = 0; order < counted_.size(); ++order) counted_[order] += unit.counted[order];
  // The end of an input ends every sequence.
  if (input_ != input_index) context_.clear();
  input_ = input_index;
  const int before = static_cast<int>(context_.size());
  const int after = static_cast<int>(unit.head.size());
  // An n-gram across the cut takes the last k tokens before it and the first
  // order - k of the unit: those before its first break (the head).
  for (int order = min_order_; order <= max_order_; ++order) {
    for (int k = std::max(1, order - after); k <= std::min(before, order - 1); ++k) {
      ngram_.clear();
      for (int i = before - k; i < before; ++i) ngram_.append(context_[i]).append(separator_);
      for (int i = 0; i < order - k; ++i) {
        if (i > 0) ngram_ += separator_;
        ngram_ += unit.head[i];
      }
      ++counted_[order];
      count(ngram_);
    }
  }
  // The sequence the unit ends in: its tail after a break, or else what came
  // before followed by the unit's tokens (all of them in the tail, unless
  // there are more than max_order_ - 1).
  if (unit.broken) context_.clear();
  context_.insert(context_.end(), unit.tail.begin(), unit.tail.end());
  const std::size_t keep = static_cast<std::size_t>(max_order_ - 1);
  if (context_.size() > keep) context_.erase(context_.begin(), context_.end() - keep);
}

}  // namespace vocabcount::internal
