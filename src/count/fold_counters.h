// The reduce step: folding the workers' counters into one.
#pragma once

#include <vector>

#include "count/counter.h"

namespace vocabcount::internal {

// Sums every counter into one. Addition is commutative and associative, so
// the result does not depend on the order of `counters` or of the folds.
TokenCounter FoldCounters(std::vector<TokenCounter> counters);

}  // namespace vocabcount::internal
