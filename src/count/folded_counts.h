// The counts workers hand over: one table per partition, shared by every
// worker (partition p of each goes to table p), written out to the spill file
// rather than grown past their share of the budget.
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <vector>

#include "spill/run_store.h"
#include "table/counter.h"
#include "table/token_table.h"

namespace vocabcount::internal {

class FoldedCounts {
 public:
  // Spills go to `runs` once the tables would hold more than `limit_bytes`.
  FoldedCounts(std::size_t limit_bytes, RunStore& runs) : limit_bytes_(limit_bytes), runs_(runs) {}

  // Adds a worker's counts, partition by partition, and empties the worker's
  // tables. Safe from several workers at once: each partition has its lock,
  // and workers start at different partitions.
  void TakeOver(TokenCounter& counter, std::size_t first_partition);

  // The end of counting: every worker's partition p folded into table p, one
  // partition per task on up to `threads` threads. Spills first, worker by
  // worker, when the sum may not fit, or once anything was spilled: then the
  // tables are written out too, and every count is in the runs.
  void FoldAll(const std::vector<TokenCounter*>& counters, int threads);

  bool spilled() const { return !runs_.empty(); }
  TokenTable& partition(std::size_t index) { return tables_[index]; }
  std::size_t bytes() const { return bytes_.load(); }
  // The most the tables held at once, the workers' own not included.
  std::size_t peak_bytes() const { return peak_bytes_.load(); }

 private:
  void FoldPartition(TokenTable& table, std::size_t partition);
  // Writes every table out as one run, unless another worker did since it
  // saw `runs_seen` runs.
  void Spill(std::uint64_t runs_seen);
  // The same, with spill_mutex_ held.
  void SpillTables();
  void AddBytes(std::ptrdiff_t delta);

  const std::size_t limit_bytes_;
  RunStore& runs_;
  std::array<TokenTable, kPartitions> tables_;
  std::array<std::mutex, kPartitions> mutexes_;
  std::mutex spill_mutex_;
  std::atomic<std::size_t> bytes_{0};
  std::atomic<std::size_t> peak_bytes_{0};
};

}  // namespace vocabcount::internal
