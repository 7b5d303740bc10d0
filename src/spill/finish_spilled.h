// The end of a run that spilled: each partition counted on its own and
// sorted, then every partition merged in output order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "output/sort.h"
#include "spill/run_store.h"
#include "vocabcount/vocabulary.h"

namespace vocabcount::internal {

struct SpillTally {
  std::uint64_t distinct = 0;    // entries before the selection
  std::uint64_t tokens = 0;      // their counts' sum
  std::uint64_t partitions = 0;  // counted on their own, splits included
  std::uint64_t merge_passes = 0;
};

// Sums the entries of one partition's segments, read in the order they were
// written, and calls emit(token, total) once for each distinct token. May
// throw to end the run (a merge finding a token twice in one input).
using PartitionSummer =
    std::function<void(SpillFile& file, const std::vector<Segment>& segments,
                       const std::string& name,
                       const std::function<void(std::string_view, std::uint64_t)>& emit)>;

// The summer of a count: the counts added up in a fresh table.
void SumCounts(SpillFile& file, const std::vector<Segment>& segments, const std::string& name,
               const std::function<void(std::string_view, std::uint64_t)>& emit);

// Sums each partition of `runs` with `sum`, in memory of at most
// `memory_bytes` (over `threads` threads); a partition whose segments might
// not fit is split by further hash bits first. Then hands the entries
// `selection` keeps to `deliver` in its order, until it returns false.
// Returns false when deliver stopped early.
bool FinishSpilled(RunStore& runs, const Selection& selection, std::size_t memory_bytes,
                   int threads, const EntrySink& deliver, SpillTally& tally,
                   const PartitionSummer& sum = SumCounts);

}  // namespace vocabcount::internal
