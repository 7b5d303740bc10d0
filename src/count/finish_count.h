// The end of a count: the workers' counters folded, and the entries kept
// handed on in output order, from memory or from the spilled partitions.
#pragma once

#include <vector>

#include "count/folded_counts.h"
#include "count/memory_plan.h"
#include "spill/run_store.h"
#include "table/counter.h"
#include "vocabcount/count.h"

namespace vocabcount::internal {

// Folds `counters` into `folded`, then delivers the entries `options` keep
// to `sink`, or into report.vocabulary when there is none. Fills the
// report's token and memory figures.
void FinishCount(const std::vector<TokenCounter*>& counters, FoldedCounts& folded,
                 RunStore& runs, const Options& options, const MemoryPlan& plan,
                 const EntrySink& sink, CountReport& report);

}  // namespace vocabcount::internal
