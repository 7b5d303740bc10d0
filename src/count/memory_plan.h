// How a run shares its memory budget: each worker's own tables, the folded
// tables, and what reading and spilling need besides.
#pragma once

#include <cstddef>
#include <cstdint>

#include "vocabcount/options.h"

namespace vocabcount::internal {

struct MemoryPlan {
  std::uint64_t budget = 0;
  // Worker threads: fewer than asked when the budget cannot give each its
  // share.
  int threads = 1;
  // A worker hands its tables over once they hold more than this.
  std::size_t worker_bytes = 0;
  // The folded tables are spilled rather than grow past this.
  std::size_t folded_bytes = 0;
  // For counting spilled partitions and merging them, after the workers are
  // done.
  std::size_t finish_bytes = 0;
};

// Below this a budget only steers spilling (tests use tiny ones): the peak is
// promised from here up, and the command refuses less.
inline constexpr std::uint64_t kSmallestBudget = Options::kMinMemoryBytes;

// The budget `options` set, or by default half of UsableMemoryBytes().
std::uint64_t BudgetOf(const Options& options);

// The plan for `budget` bytes, `threads` workers and units of about
// `chunk_bytes`.
MemoryPlan PlanMemory(std::uint64_t budget, int threads, std::size_t chunk_bytes);

}  // namespace vocabcount::internal
