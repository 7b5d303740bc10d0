// A worker counter's bulk operations, partition by partition.
#include "count/counter.h"

#include <utility>

namespace vocabcount::internal {

void TokenCounter::Absorb(TokenCounter&& other) {
  Settle();
  other.Settle();
  for (std::size_t p = 0; p < kPartitions; ++p) {
    partitions_[p].Absorb(std::move(other.partitions_[p]));
  }
}

std::size_t TokenCounter::distinct() const {
  std::size_t sum = 0;
  for (const TokenTable& table : partitions_) sum += table.size();
  return sum;
}

std::uint64_t TokenCounter::total() const {
  std::uint64_t sum = 0;
  for (const TokenTable& table : partitions_) sum += table.total();
  return sum;
}

std::size_t TokenCounter::filled_bytes() const {
  std::size_t sum = 0;
  for (const TokenTable& table : partitions_) sum += table.filled_bytes();
  return sum;
}

std::size_t TokenCounter::bytes() const {
  std::size_t sum = 0;
  for (const TokenTable& table : partitions_) sum += table.bytes();
  return sum;
}

}  // namespace vocabcount::internal
