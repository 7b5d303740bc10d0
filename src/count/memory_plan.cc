// Dividing the budget. Besides tables, a run holds units being read and
// counted (a few per worker), and buffers for spilling; those are set aside
// first, per worker and once.
#include "count/memory_plan.h"

#include <algorithm>

#include "base/memory_limit.h"
#include "base/saturating_add.h"

namespace vocabcount::internal {
namespace {

constexpr std::uint64_t kMiB = std::uint64_t{1} << 20;
// Spill buffers, compression contexts, bookkeeping, and the heap's slack:
// tables below the size mapped on their own (base/huge_pages.h) come from
// malloc, whose freed pages are not always given back at once.
constexpr std::uint64_t kFixedBytes = 48 * kMiB;
// With several workers, a worker's tables before it hands them over: large
// enough that a vocabulary of a few million tokens never leaves the worker,
// small enough that the tables, which may hold the same tokens in every
// worker, do not multiply the memory by the thread count.
constexpr std::uint64_t kLargestWorkerBytes = 128 * kMiB;
constexpr std::uint64_t kSmallestWorkerBytes = 1 * kMiB;

}  // namespace

std::uint64_t BudgetOf(const Options& options) {
  return options.memory_bytes > 0 ? options.memory_bytes : UsableMemoryBytes() / 2;
}

MemoryPlan PlanMemory(std::uint64_t budget, int threads, std::size_t chunk_bytes) {
  MemoryPlan plan;
  plan.budget = budget;
  plan.threads = std::max(threads, 1);
  const auto thread_count = [&] { return static_cast<std::uint64_t>(plan.threads); };
  if (budget < kSmallestBudget) {
    // No reserve and no floor: a tiny budget makes a small run spill often.
    plan.worker_bytes = std::max<std::uint64_t>(budget / SaturatingMul(8, thread_count()), 1);
    plan.folded_bytes = std::max<std::uint64_t>(budget / 2, 1);
    plan.finish_bytes = std::max<std::uint64_t>(budget, 1);
    return plan;
  }
  // Units in flight (two per worker), and some growth past the hand-over
  // point: tables are measured every few thousand entries. Large units (a long
  // max_token_bytes stretches them to 256 MiB) may reserve more than the
  // budget holds: every step saturates, and each share keeps a floor, so the
  // plan then spills often instead of never.
  const std::uint64_t unit_reserve = SaturatingMul(8, SaturatingAdd(chunk_bytes, kMiB));
  auto worker_bytes = [&](std::uint64_t workers) {
    return std::clamp(budget / SaturatingMul(8, workers), kSmallestWorkerBytes,
                      kLargestWorkerBytes);
  };
  auto per_worker = [&](std::uint64_t workers) {
    return SaturatingAdd(worker_bytes(workers), unit_reserve);
  };
  // Workers may take at most half the budget, so that the folded tables keep
  // the other half at least.
  while (plan.threads > 1 &&
         SaturatingMul(thread_count(), per_worker(thread_count())) > budget / 2) {
    --plan.threads;
  }
  const std::uint64_t tables = SaturatingSub(budget, kFixedBytes);
  plan.finish_bytes = tables;
  if (plan.threads == 1) {
    // One worker holds each token once, as the folded tables would: it keeps
    // half the budget, and hands its tables over whole (moved, not copied).
    plan.worker_bytes =
        std::max(SaturatingSub(tables, unit_reserve) / 2, kSmallestWorkerBytes);
    plan.folded_bytes = plan.worker_bytes;
    return plan;
  }
  plan.worker_bytes = worker_bytes(thread_count());
  plan.folded_bytes = std::max(
      SaturatingSub(tables, SaturatingMul(thread_count(), per_worker(thread_count()))),
      kSmallestWorkerBytes);
  return plan;
}

}  // namespace vocabcount::internal
