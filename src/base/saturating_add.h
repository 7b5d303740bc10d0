// Sums for statistics, which stop at the largest value rather than wrap: a
// merge's total of tokens may pass 2^64 - 1 where each entry's count does not.
#pragma once

#include <cstdint>
#include <limits>

namespace vocabcount::internal {

inline std::uint64_t SaturatingAdd(std::uint64_t a, std::uint64_t b) {
  std::uint64_t sum;
  return __builtin_add_overflow(a, b, &sum) ? std::numeric_limits<std::uint64_t>::max() : sum;
}

}  // namespace vocabcount::internal
