// The background run and its hand-over of entries to Python.
#include "entry_stream.h"

#include <chrono>
#include <exception>
#include <new>

namespace vocabcount::python {
namespace {

// Entries per batch: large enough that taking one costs little, small enough
// that two batches in flight are a few MiB.
constexpr std::size_t kBatchEntries = 16384;
// Batches made but not yet taken: the run waits for Python beyond this.
constexpr std::size_t kMaxReady = 2;
// How long Python waits before it looks at its signals again.
constexpr auto kSignalCheck = std::chrono::milliseconds(100);

}  // namespace

void EntryStream::Start(Run run) {
  thread_ = std::thread([this, run = std::move(run)] { RunToEnd(run); });
}

void EntryStream::RunHere(Run run) {
  bounded_ = false;
  py::gil_scoped_release release;
  RunToEnd(run);
}

PythonDocuments& EntryStream::ReadDocuments(py::iterator documents) {
  documents_ =
      std::make_unique<PythonDocuments>(std::move(documents), options_.chunk_bytes, &cancel_);
  return *documents_;
}

const CountReport& EntryStream::Report() {
  // The iteration's own exception comes first: it is the cause.
  if (documents_ && documents_->error()) throw *documents_->error();
  return report_;
}

void EntryStream::RunToEnd(const Run& run) {
  const EntrySink sink = [this](std::string_view token, std::uint64_t count) {
    return Add(token, count);
  };
  Options options = options_;
  options.cancel = &cancel_;
  CountReport report;
  // The library reports its failures; what else throws here (a batch that
  // cannot be allocated) must not end the process from this thread.
  try {
    report = run(options, sink);
  } catch (const std::bad_alloc&) {
    report = CountReport{};
    report.errors.push_back(Problem{.what = "out of memory"});  // as the library says it
  } catch (const std::exception& error) {
    report = CountReport{};
    report.errors.push_back(Problem{.what = error.what()});
  }
  if (report.finished && !filling_.empty()) HandOver();
  std::lock_guard lock(mutex_);
  report_ = std::move(report);
  finished_ = true;
  batch_ready_.notify_all();
}

EntryStream::~EntryStream() {
  if (!thread_.joinable()) return;
  cancel_ = true;
  batch_taken_.notify_all();
  // The run may be waiting for the GIL (a document source).
  if (PyGILState_Check()) {
    py::gil_scoped_release release;
    thread_.join();
  } else {
    thread_.join();
  }
}

bool EntryStream::Add(std::string_view token, std::uint64_t count) {
  filling_.emplace_back(std::string(token), count);
  return filling_.size() < kBatchEntries || HandOver();
}

bool EntryStream::HandOver() {
  std::unique_lock lock(mutex_);
  batch_taken_.wait(lock, [this] { return !bounded_ || ready_.size() < kMaxReady || cancel_; });
  if (cancel_) return false;
  ready_.push_back(std::move(filling_));
  filling_.clear();
  batch_ready_.notify_one();
  return true;
}

std::optional<EntryStream::Batch> EntryStream::Take() {
  for (;;) {
    {
      py::gil_scoped_release release;
      std::unique_lock lock(mutex_);
      if (batch_ready_.wait_for(lock, kSignalCheck,
                                [this] { return !ready_.empty() || finished_; })) {
        if (ready_.empty()) break;
        Batch batch = std::move(ready_.front());
        ready_.pop_front();
        batch_taken_.notify_one();
        return batch;
      }
    }
    if (PyErr_CheckSignals() != 0) {
      // Kept while the run stops: waiting must not clear it.
      py::error_already_set interrupted;
      Cancel();
      throw interrupted;
    }
  }
  Join();
  return std::nullopt;
}

void EntryStream::Join() {
  if (!thread_.joinable()) return;
  py::gil_scoped_release release;
  thread_.join();
}

void EntryStream::Cancel() {
  cancel_ = true;
  batch_taken_.notify_all();
  Join();
}

py::object EntryStream::NextBatch() {
  std::optional<Batch> batch = Take();
  if (!batch) return py::none();
  py::list entries(batch->size());
  for (std::size_t i = 0; i < batch->size(); ++i) {
    const auto& [token, count] = (*batch)[i];
    entries[i] = py::make_tuple(py::str(token), count);
  }
  return entries;
}

void EntryStream::FillDict(py::dict target) {
  while (std::optional<Batch> batch = Take()) {
    for (const auto& [token, count] : *batch) {
      py::str key(token);
      py::int_ value(count);
      if (PyDict_SetItem(target.ptr(), key.ptr(), value.ptr()) != 0) throw py::error_already_set();
    }
  }
}

}  // namespace vocabcount::python
