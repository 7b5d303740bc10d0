// The inputs of a count as one sequence of work units: inputs are opened one
// after another, each cut into units (input_units.h), except small files,
// handed out unread for the workers to open and read; what reading them
// found (bytes, compressed inputs, read errors) goes to the report.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "input/block_pool.h"
#include "input/chunk_reader.h"
#include "input/input_list.h"
#include "input/input_units.h"
#include "vocabcount/count.h"
#include "vocabcount/options.h"
#include "vocabcount/problem.h"

namespace vocabcount::internal {

// One piece of work: a view into one input, ending at a safe cut; or a whole
// small file, not read yet (ReadUnread).
struct Unit {
  std::size_t input_index = 0;
  InputPiece piece;
  // For a batch of documents: where each ends in piece.data (DocumentBatch).
  std::shared_ptr<const std::vector<std::size_t>> document_ends;
  // Whether the unit is a whole file still to be opened and read: opening,
  // reading and closing a small file costs about as much as counting it, so
  // the reader stage leaves that to the workers, or it would be the one
  // stage every worker waits on.
  bool unread = false;
};

// Opens inputs one after another and hands out their units in order. Only
// one thread at a time may call Next(); any thread may call Stop(),
// ReadUnread() and AddRead().
class UnitSource {
 public:
  // `inputs`, `options` and `report` must outlive the source; stats and
  // errors of reading go to `report` when Finish is called. Inputs are cut
  // where `cut_rule`, the tokenizer's, allows.
  UnitSource(const std::vector<Input>& inputs, const Options& options, CountReport& report,
             const CutRule& cut_rule = kWordCutRule);

  // The next unit, or nullopt when every input is done or the run must stop.
  std::optional<Unit> Next();

  // Reads the file of an unread unit, handing each of its units in order to
  // `count`, and returns what reading found, for AddRead.
  InputRead ReadUnread(const Unit& unit, const std::function<void(const Unit&)>& count) const;
  // Notes what reading input `index` found, here or in ReadUnread; without
  // keep_going, a problem stops the run.
  void AddRead(std::size_t index, InputRead read);

  // Adds what reading found to the report: stats, and errors in input order
  // (without keep_going, only the first input's, as a serial reader would
  // have stopped there), whichever thread read each input and whenever it
  // finished. Call once, when no unit is being read any more.
  void Finish();

  bool stopped() const { return stopped_; }
  // Reads no further unit (any thread may call this).
  void Stop() { stopped_ = true; }

 private:
  // Whether `input` is read where it is counted: a regular file that fits in
  // one unit. A compressed one is too: its text may take several units,
  // which that worker then counts one after another, but a file this small
  // rarely holds much, and knowing would mean opening it here.
  bool ReadsWhereCounted(const Input& input) const;
  // The next batch of the documents input being read as a unit, or nullopt
  // at its end.
  std::optional<Unit> NextBatch();
  void FinishDocuments();
  // Tells the progress callback, if any, how far the reading has got;
  // `current_bytes` of the input being read are done.
  void ReportProgress(std::uint64_t current_bytes);
  void Fail(Problem problem);

  const std::vector<Input>& inputs_;
  const Options& options_;
  CountReport& report_;
  CutRule cut_rule_;
  // Shared by the readers of all inputs, so that small files reuse blocks too.
  BlockPool blocks_;
  std::size_t next_input_ = 0;
  std::size_t current_ = 0;
  std::optional<InputUnits> reader_;
  // While a documents input is read: its batches taken before the run, not
  // handed out yet, and the bytes handed out so far (line feeds included)
  // and of documents alone.
  bool reading_documents_ = false;
  std::vector<std::shared_ptr<const DocumentBatch>> taken_;
  std::size_t next_taken_ = 0;
  std::uint64_t documents_offset_ = 0;
  std::uint64_t document_bytes_ = 0;
  std::atomic<bool> stopped_ = false;
  std::chrono::steady_clock::time_point start_;
  Progress progress_;  // of the inputs done
  // What reading found, from the reader stage and from the workers' tally.
  std::mutex read_mutex_;
  struct ReadStats {
    std::uint64_t inputs = 0;
    std::uint64_t bytes = 0;
    std::uint64_t stored_bytes = 0;
    std::uint64_t compressed_inputs = 0;
  };
  ReadStats read_stats_;
  std::vector<std::pair<std::size_t, Problem>> problems_;  // with their input's index
};

}  // namespace vocabcount::internal
