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
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "vocabcount/count.h"
#include "vocabcount/vocabulary.h"

namespace vocabcount::python {

namespace py = pybind11;

class EntryStream {
 public:
  // Runs the library with entries going to `sink`, stopping when `cancel`
  // becomes true; returns its report.
  using Run = std::function<CountReport(const EntrySink& sink, const std::atomic<bool>* cancel)>;

  explicit EntryStream(Run run) : run_(std::move(run)) {}
  // Starts the run on a new thread. Call once, with the GIL held.
  void Start();
  // Or runs it to the end on this thread, with the GIL released, keeping
  // every entry: for inputs so small that a thread would cost more than the
  // count, and that end too soon for Ctrl-C to matter.
  void RunHere();
  // Cancels a run still going and waits for its thread.
  ~EntryStream();
  EntryStream(const EntryStream&) = delete;
  EntryStream& operator=(const EntryStream&) = delete;

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
  // The run's report, once NextBatch returned None (or Cancel returned).
  const CountReport& report() const { return report_; }
  // Lets a part of the run that holds Python state (a document source) stop
  // it: the same flag the run watches.
  std::atomic<bool>* cancel_flag() { return &cancel_; }

 private:
  using Batch = std::vector<std::pair<std::string, std::uint64_t>>;

  // On the run's thread: adds an entry to the batch being made, handing it
  // over when full. False once the run is cancelled.
  bool Add(std::string_view token, std::uint64_t count);
  bool HandOver();
  // The run itself, on whichever thread: its entries, then its report.
  void RunToEnd();
  // The next batch, or nullopt at the end; with the GIL held.
  std::optional<Batch> Take();
  void Join();

  Run run_;
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
