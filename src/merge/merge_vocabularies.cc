// --merge: summing vocabularies written by vocabcount. Regular files sorted
// by token are merged as streams (k-way), after a first pass that checks
// their order in constant memory; anything else (standard input, pipes,
// inputs in count order) is summed in a hash map and sorted as a count is.
#include <tbb/info.h>

#include <algorithm>
#include <chrono>
#include <limits>
#include <memory>
#include <new>
#include <optional>
#include <utility>

#include "base/cancel.h"
#include "base/report_failure.h"
#include "base/report_stats.h"
#include "base/saturating_add.h"
#include "base/usable_cores.h"
#include "count/memory_plan.h"
#include "input/input_list.h"
#include "merge/merge_sources.h"
#include "merge/merge_totals.h"
#include "merge/vocabulary_reader.h"
#include "output/sort.h"
#include "spill/spill_file.h"
#include "vocabcount/merge.h"
#include "vocabcount/validate.h"

namespace vocabcount {
namespace {

using internal::Input;
using internal::MergeSource;
using internal::SourceHeap;
using internal::VocabularyLine;

// Buffers for the first pass, which reads one input at a time, and for the
// streams of a merge, which are all open at once.
constexpr std::size_t kCheckBufferBytes = std::size_t{1} << 20;
constexpr std::size_t kStreamBufferBytes = std::size_t{256} << 10;

std::string OverflowMessage() {
  return "the counts of this token add up to more than " +
         std::to_string(std::numeric_limits<std::uint64_t>::max());
}

class Merger {
 public:
  Merger(const std::vector<Input>& inputs, const Options& options, const EntrySink& sink,
         MergeReport& report)
      : inputs_(inputs),
        options_(options),
        sink_(sink),
        report_(report),
        skipped_(inputs.size(), false),
        threads_(internal::ThreadsAsked(options)) {}

  void Run() {
    report_.stats.threads = 1;
    report_.stats.threads_asked = threads_;
    report_.streamed = AllSorted();
    if (stopped_) return;
    if (report_.streamed) {
      if (threads_ > 1) report_.stats.thread_limit = ThreadLimit::kSortedMerge;
      MergeStreams();
    } else {
      SumWithinBudget();
    }
    // With keep_going, inputs that fail are left out; when nothing at all
    // could be read, the empty vocabulary must not replace a good one.
    report_.finished = !stopped_ && !internal::NothingRead(report_);
  }

 private:
  enum class Order { kSorted, kUnsorted, kFailed };

  // The first pass: whether every input is a regular file in token order.
  // Inputs found malformed are reported here.
  bool AllSorted() {
    const bool all_files = std::all_of(inputs_.begin(), inputs_.end(), [](const Input& input) {
      return input.kind == Input::Kind::kPath && input.expected_bytes.has_value();
    });
    if (!all_files) return false;
    for (std::size_t i = 0; i < inputs_.size(); ++i) {
      switch (CheckOrder(inputs_[i])) {
        case Order::kSorted:
          break;
        case Order::kUnsorted:
          return false;  // the remaining inputs are checked as they are summed
        case Order::kFailed:
          skipped_[i] = true;
          if (stopped_) return false;
          break;
      }
    }
    return true;
  }

  Order CheckOrder(const Input& input) {
    MergeSource source(input);
    if (!source.Open(kCheckBufferBytes)) return Failed(*source.problem());
    std::string previous;
    while (source.Advance()) {
      internal::ThrowIfCancelled(options_);
      const VocabularyLine& entry = source.current();
      const int order = entry.token.compare(previous);
      if (order < 0) return Order::kUnsorted;
      if (order == 0) {
        source.SetProblem("the token of line " + std::to_string(entry.line - 1) + " again");
        return Failed(*source.problem());
      }
      previous.assign(entry.token);
    }
    if (source.problem()) return Failed(*source.problem());
    return Order::kSorted;
  }

  Order Failed(Problem problem) {
    report_.errors.push_back(std::move(problem));
    if (!options_.keep_going) stopped_ = true;
    return Order::kFailed;
  }

  // A k-way merge: the least token of all the sources' current ones is
  // summed over the sources that have it, and each of those moves on. In
  // token order without --top the sums go straight out, in memory that does
  // not grow with the vocabulary; otherwise they are sorted within the memory
  // budget, spilling like the sums of unsorted inputs.
  void MergeStreams() {
    if (options_.sort == SortOrder::kToken && options_.top == 0) {
      StreamSums([&](std::string_view token, std::uint64_t total) {
        Tally(total);
        return total < options_.min_count || Deliver(token, total);
      });
      return;
    }
    SortWithinBudget([&](internal::MergeTotals& totals) {
      // Each token comes once, summed: as one input's line it conflicts with nothing.
      StreamSums([&](std::string_view token, std::uint64_t total) {
        totals.Add(token, total, 0);
        return true;
      });
    });
  }

  // Calls take(token, total) for each token of the sorted inputs, in token
  // order, with its sum; stops when it returns false.
  template <class Take>
  void StreamSums(Take take) {
    std::vector<std::unique_ptr<MergeSource>> sources;
    std::vector<MergeSource*> started;
    for (std::size_t i = 0; i < inputs_.size(); ++i) {
      if (skipped_[i]) continue;
      sources.push_back(std::make_unique<MergeSource>(inputs_[i], i));
      MergeSource& source = *sources.back();
      if (source.Open(kStreamBufferBytes) && source.Advance()) {
        started.push_back(&source);
      } else if (source.problem()) {
        if (!InputFailed(source)) return;
      } else {
        source.AddTo(report_.stats);
      }
    }
    SourceHeap heap(std::move(started));

    std::string token;
    while (!heap.empty()) {
      const std::uint64_t prefix = heap.top().prefix();
      token.assign(heap.top().current().token);
      std::uint64_t total = heap.top().current().count;
      if (!Step(heap, prefix, token)) return;
      while (!heap.empty() && heap.top().prefix() == prefix &&
             heap.top().current().token == token) {
        const MergeSource& source = heap.top();
        if (__builtin_add_overflow(total, source.current().count, &total)) {
          report_.errors.push_back(Problem{
              .path = source.path(), .what = OverflowMessage(), .line = source.current().line});
          stopped_ = true;
          return;
        }
        if (!Step(heap, prefix, token)) return;
      }
      if (!take(token, total)) return;
    }
  }

  // Moves the top source, whose entry (`token`, with `prefix`) was taken, to
  // its next entry, or out of the heap at its end. False when the merge must
  // stop.
  bool Step(SourceHeap& heap, std::uint64_t prefix, std::string_view token) {
    internal::ThrowIfCancelled(options_);
    MergeSource& source = heap.top();
    if (!source.Advance()) {
      heap.PopTop();
      if (!source.problem()) {
        source.AddTo(report_.stats);
        return true;
      }
      return InputFailed(source);
    }
    if (source.prefix() < prefix ||
        (source.prefix() == prefix && source.current().token <= token)) {
      // The first pass found it sorted: the file changed since.
      source.SetProblem("not in token order any more (was the file changed?)");
      heap.PopTop();
      return InputFailed(source);
    }
    heap.TopChanged();
    return true;
  }

  // Reports the source's problem; with keep_going the rest of it is left out.
  bool InputFailed(const MergeSource& source) {
    report_.errors.push_back(*source.problem());
    if (!options_.keep_going) stopped_ = true;
    return !stopped_;
  }

  // Inputs not in token order are summed in partitioned tables, spilled to
  // disk past the memory budget.
  void SumWithinBudget() {
    SortWithinBudget([&](internal::MergeTotals& totals) {
      for (std::size_t i = 0; i < inputs_.size() && !stopped_; ++i) {
        if (!skipped_[i]) AddInput(i, totals);
      }
    });
  }

  // Sums what fill(totals) adds in partitioned tables, spilled to disk past
  // the memory budget, and delivers them in the output order.
  template <class Fill>
  void SortWithinBudget(Fill fill) {
    const std::uint64_t budget = internal::BudgetOf(options_);
    const internal::MemoryPlan plan = internal::PlanMemory(budget, 1, kStreamBufferBytes);
    internal::RunStore runs(options_.temp_dir);
    // The rest of the budget goes to the records the totals are sorted as.
    internal::MergeTotals totals(plan.finish_bytes / 2, runs);
    fill(totals);
    if (stopped_) return;
    internal::SpillTally tally;
    const EntrySink keep = [&](std::string_view token, std::uint64_t count) {
      return Deliver(token, count);
    };
    try {
      totals.Finish({options_.min_count, options_.top, options_.sort}, plan.finish_bytes, threads_,
                    keep, tally);
    } catch (const internal::MergeConflictError& error) {
      // Found between spilled pieces: the line is not known any more.
      report_.errors.push_back(
          Problem{.path = inputs_[error.conflict.input].path,
                  .what = error.conflict.kind == internal::MergeConflict::Kind::kAgain
                              ? "a token given on two lines"
                              : OverflowMessage()});
      stopped_ = true;
      return;
    }
    report_.stats.threads = threads_;
    report_.stats.distinct_tokens = tally.distinct;
    report_.stats.tokens = tally.tokens;
    report_.stats.memory_budget = budget;
    report_.stats.spilled_runs = runs.runs();
    report_.stats.spilled_bytes = runs.file().bytes_written();
    report_.stats.merge_passes = tally.merge_passes;
  }

  void AddInput(std::size_t index, internal::MergeTotals& totals) {
    MergeSource source(inputs_[index]);
    if (!source.Open(kStreamBufferBytes)) {
      InputFailed(source);
      return;
    }
    while (source.Advance()) {
      internal::ThrowIfCancelled(options_);
      const VocabularyLine& entry = source.current();
      const auto conflict = totals.Add(entry.token, entry.count, static_cast<std::uint32_t>(index));
      if (!conflict) continue;
      if (conflict->kind == internal::MergeConflict::Kind::kAgain) {
        source.SetProblem("the token of an earlier line again");
        InputFailed(source);
      } else {
        report_.errors.push_back(
            Problem{.path = source.path(), .what = OverflowMessage(), .line = entry.line});
        stopped_ = true;
      }
      return;
    }
    if (source.problem()) {
      InputFailed(source);
    } else {
      source.AddTo(report_.stats);
    }
  }

  // A merged entry, counted in the statistics before any filter.
  void Tally(std::uint64_t total) {
    ++report_.stats.distinct_tokens;
    // The statistic saturates; only the entries' own counts must be exact.
    report_.stats.tokens = internal::SaturatingAdd(report_.stats.tokens, total);
  }

  // False when the sink wants no more entries.
  bool Deliver(std::string_view token, std::uint64_t count) {
    internal::ThrowIfCancelled(options_);
    if (sink_) return sink_(token, count);
    report_.vocabulary.push_back(VocabularyEntry{std::string(token), count});
    return true;
  }

  const std::vector<Input>& inputs_;
  const Options& options_;
  const EntrySink& sink_;
  MergeReport& report_;
  std::vector<bool> skipped_;  // reported in the first pass
  const int threads_;
  bool stopped_ = false;
};

}  // namespace

MergeReport MergeVocabularies(const std::vector<std::string>& paths, const Options& options,
                              const EntrySink& sink) {
  const auto start = std::chrono::steady_clock::now();
  MergeReport report;
  if (internal::RefuseOptions(ValidateOptions(options, {.kind = RunKind::kMerge}), report) ||
      internal::RefuseSpillDirectory(options, report)) {
    return report;
  }
  internal::ResolvedInputs resolved = internal::ResolveInputs(paths, options);
  report.errors = std::move(resolved.errors);
  report.warnings = std::move(resolved.warnings);
  if (report.errors.empty() || options.keep_going) {
    internal::RunReportingFailure(
        report, [&](MergeReport& report) { Merger(resolved.inputs, options, sink, report).Run(); });
  }
  if (!report.finished) report.vocabulary.clear();
  internal::FinishStats(report, start);
  return report;
}

}  // namespace vocabcount
