// The inputs of a count as one sequence of work units: inputs are opened one
// after another, each cut into units by a ChunkReader, and what reading them
// found (bytes, compressed inputs, read errors) is written to the report.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "input/block_pool.h"
#include "input/chunk_reader.h"
#include "input/input_list.h"
#include "input/text_stream.h"
#include "vocabcount/count.h"
#include "vocabcount/options.h"
#include "vocabcount/problem.h"

namespace vocabcount::internal {

// One piece of work: a view into one input, ending at a safe cut.
struct Unit {
  std::size_t input_index = 0;
  InputPiece piece;
  // For a batch of documents: where each ends in piece.data (DocumentBatch).
  std::shared_ptr<const std::vector<std::size_t>> document_ends;
};

// Opens inputs one after another and hands out their units in order. Only
// one thread at a time may call Next(); any thread may call Stop().
class UnitSource {
 public:
  // `inputs`, `options` and `report` must outlive the source; stats and
  // errors of reading go to `report`. Inputs are cut where `cut_rule`, the
  // tokenizer's, allows.
  UnitSource(const std::vector<Input>& inputs, const Options& options, CountReport& report,
             const CutRule& cut_rule = kWordCutRule);
  ~UnitSource() { CloseCurrent(); }

  // The next unit, or nullopt when every input is done or the run must stop.
  std::optional<Unit> Next();

  bool stopped() const { return stopped_; }
  // Reads no further unit (any thread may call this).
  void Stop() { stopped_ = true; }

 private:
  void OpenNext();
  // The next batch of the documents input being read as a unit, or nullopt
  // at its end.
  std::optional<Unit> NextBatch();
  void FinishDocuments();
  // Bytes of the current input read from storage so far.
  std::uint64_t StoredBytesRead() const;
  // Tells the progress callback, if any, how far the reading has got;
  // `current_bytes` of the input being read are done.
  void ReportProgress(std::uint64_t current_bytes);
  void CloseCurrent();
  void Fail(Problem problem);

  const std::vector<Input>& inputs_;
  const Options& options_;
  CountReport& report_;
  CutRule cut_rule_;
  // Shared by the readers of all inputs, so that small files reuse blocks too.
  BlockPool blocks_;
  std::size_t next_input_ = 0;
  std::size_t current_ = 0;
  std::optional<ChunkReader> reader_;
  std::optional<TextStream> text_;  // of a file or stdin, read by reader_
  std::string_view memory_left_;
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
};

}  // namespace vocabcount::internal
