// Draining a counter into a sort buffer and sorting it.
#include "support/sorted_vocabulary.h"

#include <cstdint>
#include <string_view>

namespace vocabcount::internal {

Vocabulary SortedVocabulary(TokenCounter& counter, const Selection& selection, int threads) {
  SortBuffer buffer(selection.min_count);
  buffer.Reserve(counter.distinct());
  // The table goes before the entries are made; the arena stays until then.
  const TokenArena long_tokens =
      counter.Drain([&](std::string_view token, std::uint64_t count) { buffer.Add(token, count); });
  return buffer.Sort(selection.top, selection.order, threads);
}

}  // namespace vocabcount::internal
