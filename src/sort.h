// The output order and the entry filters (--min-count, --top).
#pragma once

#include <cstdint>

#include "vocabcount/vocabulary.h"

namespace vocabcount::internal {

// Drops entries below `min_count`, sorts the rest in the total output order
// and keeps the first `top` (all when top == 0).
void SortVocabulary(Vocabulary& entries, std::uint64_t min_count, std::uint64_t top);

}  // namespace vocabcount::internal
