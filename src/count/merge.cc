// Pairwise folding of worker counters.
#include "count/merge.h"

#include <utility>

namespace vocabcount::internal {

TokenCounter MergeCounters(std::vector<TokenCounter> counters) {
  TokenCounter merged;
  for (TokenCounter& counter : counters) merged.Absorb(std::move(counter));
  return merged;
}

}  // namespace vocabcount::internal
