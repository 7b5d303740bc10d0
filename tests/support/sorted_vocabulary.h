// A counter's entries as a sorted Vocabulary, in one call: what the sort
// tests compare, while the library itself sorts folded tables or delivers to
// a sink.
#pragma once

#include "output/sort.h"
#include "table/counter.h"
#include "vocabcount/vocabulary.h"

namespace vocabcount::internal {

// The entries of `counter` that `selection` keeps, in its order; empties the
// counter. Sorting uses up to `threads` threads.
Vocabulary SortedVocabulary(TokenCounter& counter, const Selection& selection, int threads);

}  // namespace vocabcount::internal
