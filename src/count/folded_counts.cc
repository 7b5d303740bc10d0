// Handing worker tables over, spilling, and the parallel fold at the end.
#include "count/folded_counts.h"

#include <malloc.h>
#include <tbb/info.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>

#include "base/huge_pages.h"

namespace vocabcount::internal {

void FoldedCounts::AddBytes(std::ptrdiff_t delta) {
  const std::size_t now = bytes_.fetch_add(static_cast<std::size_t>(delta)) +
                          static_cast<std::size_t>(delta);
  std::size_t peak = peak_bytes_.load();
  while (now > peak && !peak_bytes_.compare_exchange_weak(peak, now)) {
  }
}

void FoldedCounts::FoldPartition(TokenTable& table, std::size_t p) {
  if (table.size() == 0) return;
  std::unique_lock lock(mutexes_[p]);
  // With nothing to add to, the worker's table moves here whole, uncopied;
  // if that is past the limit, it is written out at once.
  const auto move_whole = [&] {
    tables_[p].Absorb(std::move(table));
    AddBytes(static_cast<std::ptrdiff_t>(tables_[p].bytes()));
    if (bytes_.load() <= limit_bytes_) return;
    const std::uint64_t runs_seen = runs_.runs();
    lock.unlock();
    Spill(runs_seen);
  };
  // A table in a mapping of its own moves; a smaller one, from the heap, is
  // copied, so that its worker refills the same heap blocks rather than
  // scattering new ones.
  const bool movable = table.bytes() >= kLargeAllocationBytes;
  if (tables_[p].size() == 0 && movable) return move_whole();
  // At most: every token new here, and the table rebuilt while it grows.
  auto growth = [&] {
    return TokenTable::GrowthPeakBytes(tables_[p].size() + table.size()) + table.bytes();
  };
  if (bytes_.load() - tables_[p].bytes() + growth() > limit_bytes_) {
    const std::uint64_t runs_seen = runs_.runs();
    lock.unlock();
    Spill(runs_seen);
    lock.lock();
    if (tables_[p].size() == 0 && movable) return move_whole();
  }
  const std::size_t before = tables_[p].bytes();
  tables_[p].AddAll(table);
  AddBytes(static_cast<std::ptrdiff_t>(tables_[p].bytes()) - static_cast<std::ptrdiff_t>(before));
  lock.unlock();
  // The worker fills its table again: its slots stay, counted in its share.
  table.Empty();
}

void FoldedCounts::TakeOver(TokenCounter& counter, std::size_t first_partition) {
  counter.Settle();
  for (std::size_t i = 0; i < kPartitions; ++i) {
    const std::size_t p = (first_partition + i) % kPartitions;
    FoldPartition(counter.partition(p), p);
  }
}

void FoldedCounts::Spill(std::uint64_t runs_seen) {
  std::lock_guard spilling(spill_mutex_);
  // Another worker may have spilled while this one waited: then there is
  // room again.
  if (runs_.runs() != runs_seen) return;
  SpillTables();
}

void FoldedCounts::SpillTables() {
  const std::size_t before = bytes_.load();
  if (before == 0) return;
  for (std::size_t p = 0; p < kPartitions; ++p) {
    std::lock_guard lock(mutexes_[p]);
    const std::size_t table_bytes = tables_[p].bytes();
    runs_.Spill(p, tables_[p]);
    AddBytes(-static_cast<std::ptrdiff_t>(table_bytes));
  }
  runs_.EndRun();
#ifdef __GLIBC__
  // Tables below the size that is mapped on its own came from the heap;
  // give the freed pages back rather than count on reusing them. Only worth
  // its cost when much was freed.
  constexpr std::size_t kTrimAbove = std::size_t{32} << 20;
  if (before > kTrimAbove) malloc_trim(0);
#endif
}

void FoldedCounts::FoldAll(const std::vector<TokenCounter*>& counters, int threads) {
  std::size_t total = bytes();
  for (TokenCounter* counter : counters) {
    counter->Settle();
    total += counter->bytes();
  }
  if (spilled() || total > limit_bytes_) {
    for (std::size_t w = 0; w < counters.size(); ++w) TakeOver(*counters[w], 0);
    if (spilled()) {
      std::lock_guard spilling(spill_mutex_);
      SpillTables();
    }
    return;
  }
  // Everything fits: each partition is folded once, by one task, with no
  // lock, the largest table of a partition taking in the others.
  auto fold = [&](std::size_t p) {
    const std::size_t before = tables_[p].bytes();
    for (TokenCounter* counter : counters) tables_[p].Absorb(std::move(counter->partition(p)));
    AddBytes(static_cast<std::ptrdiff_t>(tables_[p].bytes()) - static_cast<std::ptrdiff_t>(before));
  };
  // One thread needs no arena: starting one costs more than a small count.
  if (threads <= 1) {
    for (std::size_t p = 0; p < kPartitions; ++p) fold(p);
    return;
  }
  // More threads than cores would not be faster, and oneTBB warns of them.
  tbb::task_arena arena(std::clamp(threads, 1, tbb::info::default_concurrency()));
  arena.execute([&] { tbb::parallel_for(std::size_t{0}, kPartitions, fold); });
}

}  // namespace vocabcount::internal
