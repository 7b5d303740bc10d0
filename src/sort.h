// The output order and the entry filters (--min-count, --top).
#pragma once

#include <cstdint>

#include "counter.h"
#include "vocabcount/vocabulary.h"

namespace vocabcount::internal {

// The entries of `counter` seen at least `min_count` times, in the total
// output order, the first `top` of them (all when top == 0). Sorting uses up to
// `threads` threads.
Vocabulary SortedVocabulary(TokenCounter& counter, std::uint64_t min_count, std::uint64_t top,
                            int threads);

}  // namespace vocabcount::internal
