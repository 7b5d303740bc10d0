// Folding, then sorting in memory when nothing was spilled, or counting and
// merging the spilled partitions.
#include "count/finish_count.h"

#include <string>

#include "base/cancel.h"
#include "output/sort.h"
#include "spill/finish_spilled.h"

namespace vocabcount::internal {

void FinishCount(const std::vector<TokenCounter*>& counters, FoldedCounts& folded, RunStore& runs,
                 const Options& options, const MemoryPlan& plan, const EntrySink& sink,
                 CountReport& report) {
  const Selection selection{options.min_count, options.top, options.sort};
  // A cancelled run stops at the next partition or entry.
  const EntrySink deliver =
      options.cancel == nullptr ? sink : [&](std::string_view token, std::uint64_t count) {
        ThrowIfCancelled(options);
        return sink(token, count);
      };
  folded.FoldAll(counters, plan.threads);
  CountStats& stats = report.stats;
  stats.memory_budget = plan.budget;
  stats.partitions = kPartitions;
  if (!folded.spilled()) {
    SortBuffer buffer(selection.min_count);
    std::size_t distinct = 0;
    for (std::size_t p = 0; p < kPartitions; ++p) distinct += folded.partition(p).size();
    // Reserved, not touched: the records' pages fill as the tables are freed.
    buffer.Reserve(distinct);
    std::vector<TokenArena> long_tokens;
    for (std::size_t p = 0; p < kPartitions; ++p) {
      ThrowIfCancelled(options);
      long_tokens.push_back(
          folded.partition(p).Drain([&](std::string_view token, std::uint64_t count) {
            stats.tokens += count;
            buffer.Add(token, count);
          }));
    }
    stats.distinct_tokens = distinct;
    stats.peak_table_bytes = folded.peak_bytes();
    if (sink) {
      buffer.SortAndDeliver(selection.top, selection.order, plan.threads, deliver);
    } else {
      report.vocabulary = buffer.Sort(selection.top, selection.order, plan.threads);
    }
    return;
  }
  stats.peak_table_bytes = folded.peak_bytes();
  SpillTally tally;
  const EntrySink keep = [&](std::string_view token, std::uint64_t count) {
    ThrowIfCancelled(options);
    report.vocabulary.push_back(VocabularyEntry{std::string(token), count});
    return true;
  };
  const PartitionSummer sum =
      [&](SpillFile& file, const std::vector<Segment>& segments, const std::string& name,
          const std::function<void(std::string_view, std::uint64_t)>& emit) {
        ThrowIfCancelled(options);
        SumCounts(file, segments, name, emit);
      };
  FinishSpilled(runs, selection, plan.finish_bytes, plan.threads, sink ? deliver : keep, tally,
                sum);
  stats.tokens = tally.tokens;
  stats.distinct_tokens = tally.distinct;
  stats.partitions = tally.partitions;
  stats.merge_passes = tally.merge_passes;
  stats.spilled_runs = runs.runs();
  stats.spilled_bytes = runs.file().bytes_written();
}

}  // namespace vocabcount::internal
