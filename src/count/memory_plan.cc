// Dividing the budget. Besides tables, a run holds units being read and
// counted (a few per worker), and buffers for spilling; those are set aside
// first, per worker and once.
#include "count/memory_plan.h"

#include <algorithm>

#include "base/memory_limit.h"

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
  if (budget < kSmallestBudget) {
    // No reserve and no floor: a tiny budget makes a small run spill often.
    plan.worker_bytes = std::max<std::uint64_t>(budget / (8 * plan.threads), 1);
    plan.folded_bytes = std::max<std::uint64_t>(budget / 2, 1);
    plan.finish_bytes = std::max<std::uint64_t>(budget, 1);
    return plan;
  }
  // Units in flight (two per worker), and a unit's worth of growth past the
  // hand-over point: tables are measured between units.
  const std::uint64_t per_unit = std::uint64_t{chunk_bytes} + kMiB;
  auto worker_bytes = [&](int workers) {
    return std::clamp(budget / (8 * static_cast<std::uint64_t>(workers)), kSmallestWorkerBytes,
                      kLargestWorkerBytes);
  };
  auto per_worker = [&](int workers) { return worker_bytes(workers) + 8 * per_unit; };
  // Workers may take at most half the budget, so that the folded tables keep
  // the other half at least.
  while (plan.threads > 1 && plan.threads * per_worker(plan.threads) > budget / 2) --plan.threads;
  plan.finish_bytes = budget - kFixedBytes;
  if (plan.threads == 1) {
    // One worker holds each token once, as the folded tables would: it keeps
    // half the budget, and hands its tables over whole (moved, not copied).
    plan.worker_bytes = (budget - kFixedBytes - 8 * per_unit) / 2;
    plan.folded_bytes = plan.worker_bytes;
    return plan;
  }
  plan.worker_bytes = worker_bytes(plan.threads);
  plan.folded_bytes = budget - kFixedBytes - plan.threads * per_worker(plan.threads);
  return plan;
}

}  // namespace vocabcount::internal
