// The output order, defined once: count descending, then token bytes
// ascending (--sort count), or token bytes ascending (--sort token). Sorting,
// the merge of spilled partitions and the merge of vocabularies all order by
// the functions here.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "vocabcount/options.h"

namespace vocabcount::internal {

// Whether an entry with `a_count` comes before one with `b_count` in
// `order`; when the counts do not decide, token_less() does: whether a's
// token bytes come before b's. Taking the token comparison as a function lets
// each caller compare tokens in the form it holds them, and only when needed.
template <class TokenLess>
[[gnu::always_inline]] inline bool OutputBefore(SortOrder order, std::uint64_t a_count,
                                                std::uint64_t b_count, TokenLess token_less) {
  if (order == SortOrder::kCount && a_count != b_count) return a_count > b_count;
  return token_less();
}

// The same for entries held as (token, count).
inline bool EntryBefore(SortOrder order, std::string_view a, std::uint64_t a_count,
                        std::string_view b, std::uint64_t b_count) {
  // string_view compares as unsigned bytes (char_traits<char>), as memcmp.
  return OutputBefore(order, a_count, b_count, [&] { return a < b; });
}

// A token's first 8 bytes, zero-padded, as a big-endian number: numbers order
// as the bytes do, so most comparisons of tokens take one comparison of
// numbers.
inline std::uint64_t TokenPrefix(std::string_view token) {
  if (token.size() >= 8 && std::endian::native == std::endian::little) {
    std::uint64_t word;
    std::memcpy(&word, token.data(), sizeof word);
    return __builtin_bswap64(word);
  }
  std::uint64_t number = 0;
  for (std::size_t i = 0; i < 8; ++i) {
    const std::uint64_t byte = i < token.size() ? static_cast<unsigned char>(token[i]) : 0;
    number = (number << 8) | byte;
  }
  return number;
}

// Token bytes ascending, as memcmp orders them, for tokens whose TokenPrefix
// is known: <0, 0 or >0, as a before, equal to or after b.
inline int CompareTokens(std::uint64_t a_prefix, std::string_view a, std::uint64_t b_prefix,
                         std::string_view b) {
  if (a_prefix != b_prefix) return a_prefix < b_prefix ? -1 : 1;
  return a.compare(b);
}

}  // namespace vocabcount::internal
