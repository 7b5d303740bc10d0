// Count() and CountText(): the pipeline, and the only place that knows every
// stage. A serial reader cuts inputs into units, parallel workers tokenize
// and count into their own partitioned tables, handing them over to the
// folded counts when they outgrow their share of the memory budget, and at
// the end the partitions are folded and sorted (see finish_count.cc).
#include "count/pipeline.h"

#include <fcntl.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/global_control.h>
#include <tbb/info.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_pipeline.h>
#include <tbb/task_arena.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <functional>
#include <iterator>
#include <memory>
#include <new>
#include <numeric>
#include <optional>
#include <stdexcept>
#include <string>

#include "base/report_failure.h"
#include "base/report_stats.h"
#include "base/usable_cores.h"
#include "count/finish_count.h"
#include "count/folded_counts.h"
#include "count/memory_plan.h"
#include "count/report_warnings.h"
#include "count/worker.h"
#include "input/input_list.h"
#include "input/jsonl_field.h"
#include "input/jsonl_lines.h"
#include "input/shard.h"
#include "input/text_stream.h"
#include "input/unit_source.h"
#include "input/utf8_scan.h"
#include "ngram/ngram_stitcher.h"
#include "ngram/ngram_window.h"
#include "spill/run_store.h"
#include "table/counter.h"
#include "tokenize/long_tokens.h"
#include "tokenize/normalize.h"
#include "tokenize/piece_cut.h"
#include "tokenize/pretokenize.h"
#include "tokenize/tokenize.h"
#include "vocabcount/count.h"
#include "vocabcount/documents.h"
#include "vocabcount/validate.h"

namespace vocabcount {
namespace {

using internal::Input;
using internal::TokenCounter;
using internal::Unit;
using internal::UnitResult;
using internal::UnitSource;
using internal::Worker;
using internal::WorkResults;

// The stitched n-grams' table is handed over once it holds this much: it
// stays small, since only n-grams across unit cuts go there.
constexpr std::size_t kStitchedShareBytes = std::size_t{4} << 20;

// Adds one unit's ill-formed sequences to its input's total.
void AddScan(const UnitResult& result, internal::Utf8Scan& total) {
  if (result.scan.bad_sequences == 0) return;
  const std::uint64_t first = result.offset + result.scan.first_bad_offset;
  if (total.bad_sequences == 0 || first < total.first_bad_offset) total.first_bad_offset = first;
  total.bad_sequences += result.scan.bad_sequences;
}

// Whether a file starts like a compressed one. A file that cannot be read is
// not: its error is reported when it is read.
bool StartsCompressed(const Input& input) {
  // Only regular files (those of known size) can be read twice.
  if (input.kind != Input::Kind::kPath || input.expected_bytes.value_or(0) == 0) return false;
  const int fd = open(input.path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  char first[internal::TextStream::kMagicBytes];
  const ssize_t got = pread(fd, first, sizeof first, 0);
  close(fd);
  if (got <= 0) return false;
  const std::string_view first_bytes(first, static_cast<std::size_t>(got));
  return !internal::TextStream::FormatOf(first_bytes).empty();
}

// Worker threads for this run. Inputs known to fit in one work unit cannot
// keep a second thread busy, and starting threads would cost more than the
// whole count, so such runs use one; unless they are many files, since each
// costs an open, a read and a close (about what counting a few kilobytes
// costs), which the workers share. A small compressed file may hold much
// more text than its size, so the first bytes of a few such inputs are
// looked at.
int ThreadCount(const std::vector<Input>& inputs, const Options& options) {
  constexpr std::size_t kFewInputs = 64;
  const bool few_and_small = inputs.size() <= kFewInputs &&
                             std::all_of(inputs.begin(), inputs.end(),
                                         [](const Input& in) { return in.expected_bytes; }) &&
                             std::accumulate(inputs.begin(), inputs.end(), std::uint64_t{0},
                                             [](std::uint64_t sum, const Input& in) {
                                               return sum + *in.expected_bytes;
                                             }) <= options.chunk_bytes;
  // Only regular files are looked at: reading a stream's first bytes here
  // would take them from the count.
  if (few_and_small && std::none_of(inputs.begin(), inputs.end(), StartsCompressed)) return 1;
  return internal::ThreadsAsked(options);
}

// The reader, the workers and the bookkeeping of what units found as a
// oneTBB pipeline: units are handed out in order, read (small files) and
// counted in any order, and added up in any order, or in input order when
// `results_in_order` (n-grams across unit cuts are stitched from consecutive
// units).
void CountInParallel(int threads, UnitSource& source,
                     tbb::enumerable_thread_specific<Worker>& workers, bool results_in_order,
                     const std::function<void(const WorkResults&)>& add_results) {
  // oneTBB caps its worker pool at the core count; a larger explicit request
  // (tests use 8 threads on 2 cores) raises the cap for this run only.
  std::optional<tbb::global_control> allow_more;
  if (threads > tbb::info::default_concurrency()) {
    allow_more.emplace(tbb::global_control::max_allowed_parallelism, threads);
  }
  tbb::task_arena arena(threads);
  arena.execute([&] {
    tbb::parallel_pipeline(static_cast<std::size_t>(threads) * 2,
                           tbb::make_filter<void, std::shared_ptr<Unit>>(
                               tbb::filter_mode::serial_in_order,
                               [&](tbb::flow_control& flow) -> std::shared_ptr<Unit> {
                                 std::optional<Unit> unit = source.Next();
                                 if (!unit) {
                                   flow.stop();
                                   return nullptr;
                                 }
                                 return std::make_shared<Unit>(std::move(*unit));
                               }) &
                               tbb::make_filter<std::shared_ptr<Unit>, WorkResults>(
                                   tbb::filter_mode::parallel,
                                   [&](std::shared_ptr<Unit> unit) {
                                     return internal::CountWork(workers.local(), source, *unit);
                                   }) &
                               tbb::make_filter<WorkResults, void>(
                                   results_in_order ? tbb::filter_mode::serial_in_order
                                                    : tbb::filter_mode::serial_out_of_order,
                                   [&](const WorkResults& results) { add_results(results); }));
  });
}

// Every worker's counter, ready to be folded: normalized (when it holds raw
// tokens) by the workers' own normalizers, in parallel.
std::vector<TokenCounter*> FinishWorkers(int threads,
                                         tbb::enumerable_thread_specific<Worker>& workers) {
  std::vector<Worker*> all;
  for (Worker& worker : workers) all.push_back(&worker);
  tbb::task_arena arena(std::clamp(threads, 1, tbb::info::default_concurrency()));
  arena.execute([&] {
    tbb::parallel_for(std::size_t{0}, all.size(),
                      [&](std::size_t i) { internal::NormalizeRawCounts(*all[i]); });
  });
  std::vector<TokenCounter*> counters;
  for (Worker* worker : all) counters.push_back(&worker->counter);
  return counters;
}

// The JSON Lines figures of every input: stats, and a warning for each input
// with bad lines, or with strict_jsonl an error naming its first bad line.
void ReportJsonl(const std::vector<Input>& inputs, const std::vector<internal::JsonlTally>& tallies,
                 const Options& options, CountReport& report) {
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const internal::JsonlTally& tally = tallies[i];
    report.stats.jsonl_lines += tally.lines;
    report.stats.jsonl_bad_lines += tally.bad_lines;
    if (tally.bad_lines == 0) continue;
    if (options.strict_jsonl) {
      report.errors.push_back(Problem{
          .path = inputs[i].path, .what = tally.first_reason, .line = tally.first_bad_line});
    } else {
      report.bad_jsonl.push_back(BadJsonlInput{.path = inputs[i].path,
                                               .first_line = tally.first_bad_line,
                                               .lines = tally.bad_lines,
                                               .first_reason = tally.first_reason});
    }
  }
}

void RunPipeline(const std::vector<Input>& inputs, const Options& options, const EntrySink& sink,
                 internal::IcuProbe probe_icu, CountReport& report) {
  // Set-up failures (ICU data missing) concern the run, not one input.
  // Tokenizers make their ICU parts on first need, in the middle of the run:
  // the probe opens ICU's data for them first.
  const internal::DictionaryEngines engines = internal::DefaultDictionaryEngines();
  const absl::Status icu_status = probe_icu(options.tokenizer, engines);
  const bool byte_level = IsPieceTokenizer(options.tokenizer) && !options.raw_pieces;
  auto normalizer_probe =
      internal::TokenNormalizer::Create(options.case_mapping, options.normalization, byte_level);
  // ValidateOptions checked the JSON field's syntax before the run.
  for (const absl::Status& status : {icu_status, normalizer_probe.status()}) {
    if (!status.ok()) {
      report.errors.push_back(Problem{.what = std::string(status.message())});
      return;
    }
  }

  report.stats.native_segmenters =
      options.tokenizer == TokenizerKind::kWord && engines == internal::DictionaryEngines::kNative;

  const int threads_for_inputs = ThreadCount(inputs, options);
  const internal::MemoryPlan plan =
      internal::PlanMemory(internal::BudgetOf(options), threads_for_inputs, options.chunk_bytes);
  internal::RunStore runs(options.temp_dir);
  internal::FoldedCounts folded(plan.folded_bytes, runs);

  std::atomic<std::size_t> workers_made{0};
  auto make_worker = [&] {
    // The probes above opened the ICU data both need: a failure here is
    // ICU's own (out of memory).
    auto tokenizer = internal::MakeTokenizer(options.tokenizer, engines);
    if (!tokenizer.ok()) throw std::runtime_error(std::string(tokenizer.status().message()));
    auto normalizer =
        internal::TokenNormalizer::Create(options.case_mapping, options.normalization, byte_level);
    if (!normalizer.ok()) throw std::runtime_error(std::string(normalizer.status().message()));
    const std::size_t worker_index = workers_made++;
    std::optional<internal::JsonlField> jsonl;
    if (!options.jsonl_field.empty()) {
      jsonl.emplace(internal::JsonlField::Create(options.jsonl_field).value());
    }
    // Workers handing over at once start far apart.
    const std::size_t first_partition = worker_index * 97 % internal::kPartitions;
    std::optional<internal::NgramWindow> ngrams;
    if (options.counts_ngrams()) ngrams.emplace(options);
    Worker worker{.tokenizer = std::move(*tokenizer),
                  .normalizer = std::move(*normalizer),
                  .jsonl = std::move(jsonl),
                  .max_token_bytes = options.max_token_bytes,
                  .ngrams = std::move(ngrams),
                  .folded = &folded,
                  .handover_bytes = plan.worker_bytes,
                  .first_partition = first_partition,
                  .pieces = IsPieceTokenizer(options.tokenizer)};
    // At a hand-over, the tokens normalization changes are held twice for a
    // while (see NormalizeCounts): in an all-capitals text, every token.
    if (internal::CountsRawTokens(worker)) worker.handover_bytes /= 2;
    return worker;
  };

  std::vector<internal::Utf8Scan> scans(inputs.size());
  std::vector<internal::JsonlTally> tallies(inputs.size());
  std::vector<internal::InputLongTokens> long_tokens(inputs.size());
  UnitSource source(inputs, options, report,
                    IsPieceTokenizer(options.tokenizer)
                        ? internal::PieceCutRule(internal::PiecePatternOf(options.tokenizer))
                        : internal::kWordCutRule);
  // N-grams across unit cuts, counted as the units come in input order.
  internal::NgramStitcher stitcher(options);
  // Tables are large (a few hundred bytes per partition): made only when
  // needed, and on the heap, where a small run does not touch them.
  std::unique_ptr<TokenCounter> stitched;
  if (options.counts_ngrams()) stitched = std::make_unique<TokenCounter>();
  auto add_result = [&](const UnitResult& result) {
    if (options.counts_ngrams()) {
      stitcher.Add(result.input_index, result.ngrams,
                   [&](std::string_view ngram) { stitched->Add(ngram); });
      if (stitched->filled_bytes() > kStitchedShareBytes) folded.TakeOver(*stitched, 0);
    }
    AddScan(result, scans[result.input_index]);
    internal::AddTally(result.jsonl, tallies[result.input_index]);
    long_tokens[result.input_index].Add(result.long_tokens, result.offset, result.bytes);
    // The run fails at the first bad line: reading on would be wasted.
    if (options.strict_jsonl && !options.keep_going && result.jsonl.bad_lines > 0) source.Stop();
  };
  auto add_results = [&](const WorkResults& results) {
    for (const UnitResult& result : results.units) add_result(result);
    if (results.read) source.AddRead(results.input_index, *results.read);
  };
  const int threads = plan.threads;
  report.stats.threads = threads;
  report.stats.threads_asked = internal::ThreadsAsked(options);
  if (threads < report.stats.threads_asked) {
    report.stats.thread_limit = threads_for_inputs < report.stats.threads_asked
                                    ? ThreadLimit::kSmallInput
                                    : ThreadLimit::kMemoryBudget;
  }
  // Workers are kept to the end: their counters are folded in place.
  std::unique_ptr<Worker> only_worker;
  std::optional<tbb::enumerable_thread_specific<Worker>> workers;
  std::vector<TokenCounter*> counters;
  try {
    if (threads == 1) {
      // No thread pool to start, nor oneTBB's allocator to load: that would
      // cost more than a small job.
      only_worker.reset(new Worker(make_worker()));  // made in place, not moved
      while (std::optional<Unit> unit = source.Next()) {
        add_results(internal::CountWork(*only_worker, source, *unit));
      }
    } else {
      workers.emplace(make_worker);
      CountInParallel(threads, source, *workers, options.counts_ngrams(), add_results);
    }
  } catch (...) {
    source.Finish();  // the inputs that failed before, in the report before what was thrown
    throw;
  }
  source.Finish();
  if (threads == 1) {
    internal::NormalizeRawCounts(*only_worker);
    counters.push_back(&only_worker->counter);
  } else {
    counters = FinishWorkers(threads, *workers);
  }
  if (stitched) counters.push_back(stitched.get());
  if (options.counts_ngrams()) {
    for (int order = options.ngram_min; order <= options.ngram_max; ++order) {
      report.stats.ngrams_by_order.push_back(
          NgramOrderCount{.order = order, .ngrams = stitcher.counted()[order]});
    }
  }

  for (std::size_t i = 0; i < inputs.size(); ++i) {
    report.stats.ill_formed_sequences += scans[i].bad_sequences;
    if (scans[i].bad_sequences > 0) {
      report.ill_formed.push_back(IllFormedInput{.path = inputs[i].path,
                                                 .first_offset = scans[i].first_bad_offset,
                                                 .sequences = scans[i].bad_sequences});
    }
    const std::uint64_t left_out = long_tokens[i].tokens();
    report.stats.long_tokens += left_out;
    if (left_out > 0 || long_tokens[i].forced_cuts() > 0) {
      // The strings of JSON lines are copied out: an offset in them would
      // find nothing in the input.
      std::optional<std::uint64_t> first;
      if (options.jsonl_field.empty()) first = long_tokens[i].first_offset();
      report.long_tokens.push_back(LongTokenInput{.path = inputs[i].path,
                                                  .first_offset = first,
                                                  .tokens = left_out,
                                                  .forced_cuts = long_tokens[i].forced_cuts()});
    }
  }
  ReportJsonl(inputs, tallies, options, report);
  if (source.stopped()) return;  // an incomplete vocabulary must not pass for one

  internal::FinishCount(counters, folded, runs, options, plan, sink, report);
  // With keep_going, inputs that fail are left out; when nothing at all
  // could be read, the empty vocabulary (no entry went to the sink) must
  // not replace a good one.
  report.finished = !internal::NothingRead(report);
}

CountReport CountInputs(const std::vector<Input>& inputs, std::vector<Problem> early_errors,
                        const Options& options, const EntrySink& sink,
                        internal::IcuProbe probe_icu = internal::ProbeIcuData) {
  const auto start = std::chrono::steady_clock::now();
  CountReport report;
  report.errors = std::move(early_errors);
  if (report.errors.empty() || options.keep_going) {
    internal::RunReportingFailure(report, [&](CountReport& report) {
      RunPipeline(inputs, options, sink, probe_icu, report);
    });
  }
  internal::AddWarnings(options, report);
  report.stats.jsonl = !options.jsonl_field.empty();
  internal::FinishStats(report, start);
  return report;
}

// Text held in memory, as one input.
std::vector<Input> TextInputs(std::string_view text) {
  return {Input{.kind = Input::Kind::kMemory,
                .path = "<text>",
                .memory = text,
                .expected_bytes = text.size()}};
}

}  // namespace

CountReport Count(const std::vector<std::string>& paths, const Options& options) {
  return Count(paths, options, nullptr);
}

CountReport Count(const std::vector<std::string>& paths, const Options& options,
                  const EntrySink& sink) {
  CountReport refused;  // not finished: nothing was counted
  if (internal::RefuseOptions(ValidateOptions(options, {.paths = &paths}), refused) ||
      internal::RefuseSpillDirectory(options, refused)) {
    return refused;
  }
  internal::ResolvedInputs resolved = internal::ResolveInputs(paths, options);
  const std::vector<Input> inputs =
      internal::SelectShard(std::move(resolved.inputs), options.shard_index, options.shard_count);
  CountReport report = CountInputs(inputs, std::move(resolved.errors), options, sink);
  // Found before anything was read: they come first.
  report.warnings.insert(report.warnings.begin(),
                         std::make_move_iterator(resolved.warnings.begin()),
                         std::make_move_iterator(resolved.warnings.end()));
  return report;
}

CountReport CountText(std::string_view text, const Options& options, const EntrySink& sink) {
  CountReport refused;
  if (internal::RefuseOptions(ValidateOptions(options), refused) ||
      internal::RefuseSpillDirectory(options, refused)) {
    return refused;
  }
  return CountInputs(TextInputs(text), {}, options, sink);
}

CountReport CountDocuments(const DocumentSource& next, const Options& options,
                           const EntrySink& sink) {
  CountReport refused;
  if (internal::RefuseOptions(ValidateOptions(options, {.kind = RunKind::kDocuments}), refused) ||
      internal::RefuseSpillDirectory(options, refused)) {
    return refused;
  }
  Input input{.kind = Input::Kind::kDocuments, .path = "<documents>", .documents = &next};
  // A source that ends within its first unit is counted as small text is,
  // without starting threads.
  std::uint64_t taken_bytes = 0;
  for (;;) {
    auto batch = std::make_shared<DocumentBatch>();
    if (!next(*batch)) {
      input.expected_bytes = taken_bytes;
      break;
    }
    taken_bytes += batch->text.size();
    input.taken.push_back(std::move(batch));
    if (taken_bytes > options.chunk_bytes || options.cancelled()) break;
  }
  return CountInputs({std::move(input)}, {}, options, sink);
}

namespace internal {

CountReport CountTextProbing(std::string_view text, const Options& options, IcuProbe probe_icu) {
  return CountInputs(TextInputs(text), {}, options, nullptr, probe_icu);
}

}  // namespace internal

}  // namespace vocabcount
