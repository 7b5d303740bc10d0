// The result of a count: tokens with their 64-bit counts, in the total output
// order (count descending, then token bytes ascending).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace vocabcount {

struct VocabularyEntry {
  std::string token;  // UTF-8, never empty, never ill-formed
  std::uint64_t count = 0;

  friend bool operator==(const VocabularyEntry&, const VocabularyEntry&) = default;
};

using Vocabulary = std::vector<VocabularyEntry>;

// The output order: a total order, so equal inputs give equal bytes.
bool ComesBefore(const VocabularyEntry& a, const VocabularyEntry& b);

// Takes a vocabulary's entries in output order, one at a time, so that one
// larger than memory is never held whole; returning false ends the run early
// (the output's reader went away, say).
using EntrySink = std::function<bool(std::string_view token, std::uint64_t count)>;

}  // namespace vocabcount
