// The pipeline, and the only place that knows every stage and owns oneTBB:
// a serial reader cuts inputs into units, parallel workers tokenize and count
// into their own maps, and the maps are merged and sorted at the end.
#include "vocabcount/count.h"

#include <fcntl.h>
#include <unistd.h>

#include <tbb/enumerable_thread_specific.h>
#include <tbb/global_control.h>
#include <tbb/info.h>
#include <tbb/parallel_pipeline.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <memory>
#include <mutex>
#include <new>
#include <numeric>
#include <optional>

#include "chunk_reader.h"
#include "counter.h"
#include "input.h"
#include "merge.h"
#include "normalize.h"
#include "sort.h"
#include "tokenize.h"
#include "utf8_scan.h"

namespace vocabcount {
namespace {

using internal::ChunkReader;
using internal::Input;
using internal::InputPiece;
using internal::TokenCounter;

// What one worker owns: nothing in it is shared, so counting takes no lock.
struct Worker {
  std::unique_ptr<internal::Tokenizer> tokenizer;
  internal::TokenNormalizer normalizer;
  TokenCounter counter;
};

struct Unit {
  std::size_t input_index = 0;
  InputPiece piece;
};

struct UnitResult {
  std::size_t input_index = 0;
  std::uint64_t offset = 0;
  internal::Utf8Scan scan;
};

// Opens inputs one after another and hands out their units in order.
class UnitSource {
 public:
  UnitSource(const std::vector<Input>& inputs, const Options& options, CountReport& report)
      : inputs_(inputs),
        options_(options),
        report_(report),
        blocks_(ChunkReader::PoolFor(options.chunk_bytes)) {}
  ~UnitSource() { CloseCurrent(); }

  // The next unit, or nullopt when every input is done or the run must stop.
  std::optional<Unit> Next() {
    for (;;) {
      if (!reader_) {
        if (next_input_ == inputs_.size() || stopped_) return std::nullopt;
        OpenNext();
        continue;
      }
      Unit unit{current_, {}};
      if (reader_->Next(unit.piece)) return unit;
      if (!reader_->error().empty()) {
        Fail(Problem{inputs_[current_].path, reader_->error_offset(), reader_->error()});
      } else {
        ++report_.stats.inputs;
        report_.stats.bytes += reader_->bytes_read();
      }
      CloseCurrent();
    }
  }

  bool stopped() const { return stopped_; }

 private:
  void OpenNext() {
    current_ = next_input_++;
    const Input& input = inputs_[current_];
    ChunkReader::ReadFunction read_input;
    switch (input.kind) {
      case Input::Kind::kMemory:
        memory_left_ = input.memory;
        read_input = [this](char* buffer, std::size_t size) {
          const std::size_t n = std::min(size, memory_left_.size());
          std::memcpy(buffer, memory_left_.data(), n);
          memory_left_.remove_prefix(n);
          return static_cast<ssize_t>(n);
        };
        break;
      case Input::Kind::kStdin:
      case Input::Kind::kPath:
        fd_ = input.kind == Input::Kind::kStdin ? STDIN_FILENO
                                                : open(input.path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd_ < 0) {
          Fail(Problem{input.path, std::nullopt, std::strerror(errno)});
          return;
        }
        if (input.kind == Input::Kind::kPath) posix_fadvise(fd_, 0, 0, POSIX_FADV_SEQUENTIAL);
        read_input = [fd = fd_](char* buffer, std::size_t size) { return read(fd, buffer, size); };
        break;
    }
    reader_.emplace(std::move(read_input), options_.chunk_bytes, ChunkReader::kMaxUnitBytes, blocks_);
    if (input.expected_bytes) reader_->ExpectBytes(*input.expected_bytes);
  }

  void CloseCurrent() {
    reader_.reset();
    // Standard input stays open; a file may have any descriptor, even 0 when
    // the process was started with standard input closed.
    if (fd_ >= 0 && inputs_[current_].kind == Input::Kind::kPath) close(fd_);
    fd_ = -1;
  }

  void Fail(Problem problem) {
    report_.errors.push_back(std::move(problem));
    if (!options_.keep_going) stopped_ = true;
  }

  const std::vector<Input>& inputs_;
  const Options& options_;
  CountReport& report_;
  // Shared by the readers of all inputs, so that small files reuse blocks too.
  internal::BlockPool blocks_;
  std::size_t next_input_ = 0;
  std::size_t current_ = 0;
  std::optional<ChunkReader> reader_;
  int fd_ = -1;
  std::string_view memory_left_;
  bool stopped_ = false;
};

// Tokenizes one unit into the worker's own counter.
absl::Status CountTokens(Worker& worker, std::string_view text) {
  if (worker.normalizer.changes_nothing()) {
    // Tokens are views into `text`, valid until this returns.
    absl::Status status =
        worker.tokenizer->Tokenize(text, [&](std::string_view token) { worker.counter.AddSoon(token); });
    worker.counter.Settle();
    return status;
  }
  absl::Status status;
  // A normalized token lives in the normalizer's buffer until the next one:
  // it is counted at once.
  absl::Status tokenized = worker.tokenizer->Tokenize(text, [&](std::string_view token) {
    absl::StatusOr<std::string_view> normalized = worker.normalizer.Apply(token);
    if (normalized.ok()) {
      worker.counter.Add(*normalized);
    } else if (status.ok()) {
      status = normalized.status();
    }
  });
  return tokenized.ok() ? status : tokenized;
}

// The parallel stage: count one unit and note its ill-formed bytes.
UnitResult CountUnit(Worker& worker, const Unit& unit) {
  std::string_view text = unit.piece.data;
  std::uint64_t offset = unit.piece.offset;
  // A byte order mark opens an input; it is not text.
  if (offset == 0 && text.starts_with("\xEF\xBB\xBF")) {
    text.remove_prefix(3);
    offset = 3;
  }
  UnitResult result{unit.input_index, offset, internal::ScanUtf8(text)};
  absl::Status status = CountTokens(worker, text);
  if (!status.ok()) throw std::runtime_error(std::string(status.message()));
  return result;
}

// Adds one unit's ill-formed sequences to its input's total.
void AddScan(const UnitResult& result, internal::Utf8Scan& total) {
  if (result.scan.bad_sequences == 0) return;
  const std::uint64_t first = result.offset + result.scan.first_bad_offset;
  if (total.bad_sequences == 0 || first < total.first_bad_offset) total.first_bad_offset = first;
  total.bad_sequences += result.scan.bad_sequences;
}

// Worker threads for this run. Inputs known to fit in one work unit cannot
// keep a second thread busy, and starting threads would cost more than the
// whole count, so such runs use one.
int ThreadCount(const std::vector<Input>& inputs, const Options& options) {
  const bool fits_one_unit =
      std::all_of(inputs.begin(), inputs.end(), [](const Input& in) { return in.expected_bytes; }) &&
      std::accumulate(inputs.begin(), inputs.end(), std::uint64_t{0},
                      [](std::uint64_t sum, const Input& in) { return sum + *in.expected_bytes; }) <=
          options.chunk_bytes;
  if (fits_one_unit) return 1;
  return options.threads > 0 ? options.threads : tbb::info::default_concurrency();
}

// The reader, the workers and the bookkeeping of ill-formed bytes as a
// oneTBB pipeline: units are read in order and counted in any order.
void CountInParallel(int threads, UnitSource& source, tbb::enumerable_thread_specific<Worker>& workers,
                     std::vector<internal::Utf8Scan>& scans) {
  // oneTBB caps its worker pool at the core count; a larger explicit request
  // (tests use 8 threads on 2 cores) raises the cap for this run only.
  std::optional<tbb::global_control> allow_more;
  if (threads > tbb::info::default_concurrency()) {
    allow_more.emplace(tbb::global_control::max_allowed_parallelism, threads);
  }
  tbb::task_arena arena(threads);
  arena.execute([&] {
    tbb::parallel_pipeline(
        static_cast<std::size_t>(threads) * 2,
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
            tbb::make_filter<std::shared_ptr<Unit>, UnitResult>(
                tbb::filter_mode::parallel,
                [&](std::shared_ptr<Unit> unit) { return CountUnit(workers.local(), *unit); }) &
            tbb::make_filter<UnitResult, void>(
                tbb::filter_mode::serial_out_of_order,
                [&](const UnitResult& result) { AddScan(result, scans[result.input_index]); }));
  });
}

void RunPipeline(const std::vector<Input>& inputs, const Options& options, CountReport& report) {
  // Set-up failures (ICU data missing) concern the run, not one input.
  auto prototype = internal::MakeTokenizer(options.tokenizer);
  auto normalizer_probe =
      internal::TokenNormalizer::Create(options.case_mapping, options.normalization);
  for (const absl::Status& status : {prototype.status(), normalizer_probe.status()}) {
    if (!status.ok()) {
      report.errors.push_back(Problem{"", std::nullopt, std::string(status.message())});
      return;
    }
  }

  std::mutex clone_mutex;
  auto make_worker = [&] {
    // ICU does not promise that one iterator may be cloned by several threads
    // at once; this runs once per worker, so the lock costs nothing.
    std::unique_lock lock(clone_mutex);
    // Both were created once above, so a failure here is out of memory.
    auto tokenizer = (*prototype)->Clone();
    lock.unlock();
    auto normalizer = internal::TokenNormalizer::Create(options.case_mapping, options.normalization);
    if (!tokenizer.ok() || !normalizer.ok()) throw std::bad_alloc();
    return Worker{std::move(*tokenizer), std::move(*normalizer), {}};
  };

  std::vector<internal::Utf8Scan> scans(inputs.size());
  UnitSource source(inputs, options, report);
  const int threads = ThreadCount(inputs, options);
  report.stats.threads = threads;
  std::vector<TokenCounter> counters;
  if (threads == 1) {
    // No thread pool to start: that would cost more than a small job.
    Worker worker = make_worker();
    while (std::optional<Unit> unit = source.Next()) {
      AddScan(CountUnit(worker, *unit), scans[unit->input_index]);
    }
    counters.push_back(std::move(worker.counter));
  } else {
    tbb::enumerable_thread_specific<Worker> workers(make_worker);
    CountInParallel(threads, source, workers, scans);
    for (Worker& worker : workers) counters.push_back(std::move(worker.counter));
  }

  for (std::size_t i = 0; i < inputs.size(); ++i) {
    if (scans[i].bad_sequences > 0) {
      report.ill_formed.push_back(
          IllFormedInput{inputs[i].path, scans[i].first_bad_offset, scans[i].bad_sequences});
    }
  }
  if (source.stopped()) return;  // an incomplete vocabulary must not pass for one

  TokenCounter merged = internal::MergeCounters(std::move(counters));
  report.stats.tokens = merged.total();
  report.stats.distinct_tokens = merged.distinct();
  report.vocabulary =
      internal::SortedVocabulary(merged, options.min_count, options.top, threads);
  report.finished = true;
}

CountReport CountInputs(const std::vector<Input>& inputs, std::vector<Problem> early_errors,
                        const Options& options) {
  const auto start = std::chrono::steady_clock::now();
  CountReport report;
  report.errors = std::move(early_errors);
  if (report.errors.empty() || options.keep_going) {
    try {
      RunPipeline(inputs, options, report);
    } catch (const std::bad_alloc&) {
      report.finished = false;
      report.vocabulary.clear();
      report.errors.push_back(Problem{"", std::nullopt, "out of memory"});
    } catch (const std::exception& error) {
      report.finished = false;
      report.vocabulary.clear();
      report.errors.push_back(Problem{"", std::nullopt, error.what()});
    }
  }
  report.stats.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

}  // namespace

CountReport Count(const std::vector<std::string>& paths, const Options& options) {
  internal::ResolvedInputs resolved = internal::ResolveInputs(paths, options.follow_symlinks);
  return CountInputs(resolved.inputs, std::move(resolved.errors), options);
}

CountReport CountText(std::string_view text, const Options& options) {
  return CountInputs({Input{Input::Kind::kMemory, "<text>", text, text.size()}}, {}, options);
}

}  // namespace vocabcount
