// Arithmetic that stops at 0 and 2^64 - 1 rather than wrap: a merge's total
// of tokens may pass 2^64 - 1 where each entry's count does not, and a memory
// plan's reserves may exceed a small budget.
#pragma once

#include <cstdint>
#include <limits>

namespace vocabcount::internal {

inline std::uint64_t SaturatingAdd(std::uint64_t a, std::uint64_t b) {
  std::uint64_t sum;
  return __builtin_add_overflow(a, b, &sum) ? std::numeric_limits<std::uint64_t>::max() : sum;
}

inline std::uint64_t SaturatingSub(std::uint64_t a, std::uint64_t b) { return a > b ? a - b : 0; }

inline std::uint64_t SaturatingMul(std::uint64_t a, std::uint64_t b) {
  std::uint64_t product;
  return __builtin_mul_overflow(a, b, &product) ? std::numeric_limits<std::uint64_t>::max()
                                                : product;
}

}  // namespace vocabcount::internal
