// Sorting a vocabulary: count descending, then token bytes ascending.
#include "sort.h"

#include <tbb/parallel_sort.h>

#include <algorithm>

namespace vocabcount {

bool ComesBefore(const VocabularyEntry& a, const VocabularyEntry& b) {
  if (a.count != b.count) return a.count > b.count;
  // std::string compares as unsigned bytes (char_traits<char>), i.e. memcmp.
  return a.token < b.token;
}

namespace internal {

void SortVocabulary(Vocabulary& entries, std::uint64_t min_count, std::uint64_t top) {
  if (min_count > 1) {
    std::erase_if(entries, [min_count](const VocabularyEntry& e) { return e.count < min_count; });
  }
  // The order is total (tokens are distinct), so any sort gives the same bytes.
  if (top > 0 && top < entries.size()) {
    std::partial_sort(entries.begin(), entries.begin() + static_cast<std::ptrdiff_t>(top),
                      entries.end(), ComesBefore);
    entries.resize(top);
  } else {
    tbb::parallel_sort(entries.begin(), entries.end(), ComesBefore);
  }
}

}  // namespace internal
}  // namespace vocabcount
