// A run of the library on a thread of its own, its entries handed to Python
// in batches: the GIL is free while it counts, Ctrl-C cancels it within a
// tenth of a second's wait, and a vocabulary larger than Python's memory
// streams through in bounded memory.
#pragma once

#include <pybind11/pybind11.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "python_documents.h"
#include "vocabcount/count.h"
#include "vocabcount/options.h"
#include "vocabcount/vocabulary.h"

namespace vocabcount::python {

namespace py = pybind11;

class EntryStream {
 public:
  // Runs the library with `options` (Options::cancel set to this stream's
  // flag) and entries going to `sink`; returns its report.
  using Run = std::function<CountReport(const Options& options, const EntrySink& sink)>;

  explicit EntryStream(Options options) : options_(std::move(options)) {}
  // Cancels a run still going and waits for its thread.
  ~EntryStream();
  EntryStream(const EntryStream&) = delete;
  EntryStream& operator=(const EntryStream&) = delete;

  // Starts `run` on a new thread. Call once, with the GIL held.
  void Start(Run run);
  // Or runs it to the end on this thread, with the GIL released, keeping
  // every entry: for inputs so small that a thread would cost more than the
  // count, and that end too soon for Ctrl-C to matter.
  void RunHere(Run run);

  // Keeps the documents the run reads for as long as it runs; their
  // iteration's exception, if any, is the one Report raises. The documents
  // stop the run on such an exception through this stream's flag.
  PythonDocuments& ReadDocuments(py::iterator documents);

  // The next entries in output order as a list of (token, count) tuples, or
  // None after the last. Waits with the GIL released; a signal handler that
  // raises (Ctrl-C's KeyboardInterrupt) cancels the run and its exception
  // propagates.
  py::object NextBatch();
  // Sets every remaining entry as a key of `target` (a Counter) with its
  // count, in output order.
  void FillDict(py::dict target);
  // Stops the run and waits for it (the GIL released): for a reader that
  // wants no more entries.
  void Cancel();
  // The run's report, once NextBatch returned None (or Cancel returned);
  // raises the documents' exception instead, if their iteration failed.
  const CountReport& Report();

 private:
  using Batch = std::vector<std::pair<std::string, std::uint64_t>>;

  // On the run's thread: adds an entry to the batch being made, handing it
  // over when full. False once the run is cancelled.
  bool Add(std::string_view token, std::uint64_t count);
  bool HandOver();
  // The run itself, on whichever thread: its entries, then its report.
  void RunToEnd(const Run& run);
  // The next batch, or nullopt at the end; with the GIL held.
  std::optional<Batch> Take();
  void Join();

  Options options_;
  std::unique_ptr<PythonDocuments> documents_;
  std::atomic<bool> cancel_ = false;
  std::mutex mutex_;
  std::condition_variable batch_ready_;
  std::condition_variable batch_taken_;
  std::deque<Batch> ready_;
  bool finished_ = false;
  bool bounded_ = true;  // whether the run waits for Python to take batches
  Batch filling_;
  CountReport report_;
  std::thread thread_;
};

}  // namespace vocabcount::python
