// Bulk operations on a worker's counter: absorbing another, handing out entries.
#include "counter.h"

#include <utility>

namespace vocabcount::internal {

void TokenCounter::Absorb(TokenCounter&& other) {
  // Fold the smaller map into the larger: the sum is the same either way.
  if (other.counts_.size() > counts_.size()) std::swap(counts_, other.counts_);
  counts_.reserve(counts_.size() + other.counts_.size() / 2);
  for (auto it = other.counts_.begin(); it != other.counts_.end();) {
    auto node = other.counts_.extract(it++);
    auto [slot, inserted] = counts_.try_emplace(std::move(node.key()), node.mapped());
    if (!inserted) slot->second += node.mapped();
  }
  total_ += other.total_;
  other.counts_.clear();
  other.total_ = 0;
}

Vocabulary TokenCounter::TakeEntries() {
  Vocabulary entries;
  entries.reserve(counts_.size());
  for (auto it = counts_.begin(); it != counts_.end();) {
    auto node = counts_.extract(it++);
    entries.push_back(VocabularyEntry{std::move(node.key()), node.mapped()});
  }
  counts_.clear();
  total_ = 0;
  return entries;
}

}  // namespace vocabcount::internal
