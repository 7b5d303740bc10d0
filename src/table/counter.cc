// A worker counter's bulk operations, partition by partition.
#include "table/counter.h"

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
  return SumOver([](const TokenTable& table) { return table.size(); });
}

std::uint64_t TokenCounter::total() const {
  return SumOver([](const TokenTable& table) { return table.total(); });
}

std::size_t TokenCounter::filled_bytes() const {
  return SumOver([](const TokenTable& table) { return table.filled_bytes(); });
}

std::size_t TokenCounter::bytes() const {
  return SumOver([](const TokenTable& table) { return table.bytes(); });
}

}  // namespace vocabcount::internal
