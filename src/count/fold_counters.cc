// Folding worker counters one after another into one.
#include "count/fold_counters.h"

#include <utility>

namespace vocabcount::internal {

TokenCounter FoldCounters(std::vector<TokenCounter> counters) {
  TokenCounter folded;
  for (TokenCounter& counter : counters) folded.Absorb(std::move(counter));
  return folded;
}

}  // namespace vocabcount::internal
