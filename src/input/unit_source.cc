// Opening each input in turn (a file, standard input or text in memory) and
// reading it unit by unit, with the progress and the report kept up to date.
#include "input/unit_source.h"

#include <sys/types.h>

#include <algorithm>
#include <cstring>
#include <utility>

#include "base/cancel.h"
#include "input/open_input.h"

namespace vocabcount::internal {

UnitSource::UnitSource(const std::vector<Input>& inputs, const Options& options,
                       CountReport& report, const CutRule& cut_rule)
    : inputs_(inputs),
      options_(options),
      report_(report),
      cut_rule_(cut_rule),
      blocks_(ChunkReader::PoolFor(options.chunk_bytes)),
      start_(std::chrono::steady_clock::now()) {
  for (const Input& input : inputs) progress_.bytes_total += input.expected_bytes.value_or(0);
  progress_.inputs_total = inputs.size();
}

std::optional<Unit> UnitSource::Next() {
  ThrowIfCancelled(options_);
  if (stopped_) return std::nullopt;
  for (;;) {
    if (reading_documents_) {
      if (std::optional<Unit> unit = NextBatch()) return unit;
      if (stopped_) return std::nullopt;
      FinishDocuments();
      continue;
    }
    if (!reader_) {
      if (next_input_ == inputs_.size() || stopped_) return std::nullopt;
      OpenNext();
      // it could not be opened
      if (!reader_ && !reading_documents_) ++progress_.inputs_done;
      continue;
    }
    Unit unit{current_, {}};
    if (reader_->Next(unit.piece)) {
      ReportProgress(StoredBytesRead());
      return unit;
    }
    if (!reader_->error().empty()) {
      Fail(Problem{.path = inputs_[current_].path,
                   .byte_offset = reader_->error_offset(),
                   .what = reader_->error(),
                   .line = reader_->error_line()});
    } else {
      ++report_.stats.inputs;
      report_.stats.bytes += reader_->bytes_read();
      report_.stats.stored_bytes += StoredBytesRead();
      if (text_ && !text_->format().empty()) ++report_.stats.compressed_inputs;
    }
    progress_.bytes_done += StoredBytesRead();
    ++progress_.inputs_done;
    CloseCurrent();
    ReportProgress(0);
  }
}

void UnitSource::OpenNext() {
  current_ = next_input_++;
  const Input& input = inputs_[current_];
  ChunkReader::DescribedReadFunction read_input;
  switch (input.kind) {
    case Input::Kind::kDocuments:
      // Each batch is a unit already: it ends between documents.
      reading_documents_ = true;
      taken_ = input.taken;
      next_taken_ = 0;
      documents_offset_ = 0;
      document_bytes_ = 0;
      return;
    case Input::Kind::kMemory:
      // Text handed over in memory is text, never compressed.
      memory_left_ = input.memory;
      read_input = [this](char* buffer, std::size_t size, ChunkReader::ReadFailure&) {
        const std::size_t n = std::min(size, memory_left_.size());
        std::memcpy(buffer, memory_left_.data(), n);
        memory_left_.remove_prefix(n);
        return static_cast<ssize_t>(n);
      };
      break;
    case Input::Kind::kStdin:
    case Input::Kind::kPath: {
      std::optional<Problem> problem;
      text_ = OpenText(input, problem);
      if (!text_) {
        Fail(std::move(*problem));
        return;
      }
      if (!text_->Detect()) {
        Fail(Problem{.path = input.path, .byte_offset = 0, .what = text_->error()});
        CloseCurrent();
        return;
      }
      read_input = [this](char* buffer, std::size_t size, ChunkReader::ReadFailure& failure) {
        const ssize_t got = text_->Read(buffer, size);
        if (got < 0) {
          failure.what = text_->error();
          // An offset in the text would not find the bad bytes in the file.
          if (!text_->format().empty()) failure.offset.reset();
        }
        return got;
      };
      break;
    }
  }
  reader_.emplace(std::move(read_input), options_.chunk_bytes, ChunkReader::kMaxUnitBytes, blocks_);
  // A JSON line split between units could not be parsed.
  if (!options_.jsonl_field.empty()) {
    reader_->CutAtLineEnds();
  } else {
    reader_->UseCutRule(cut_rule_);
    reader_->CutLongStretches(options_.stretch_bytes());
  }
  // The size of a compressed file says little about the size of its text.
  if (input.expected_bytes && (!text_ || text_->format().empty())) {
    reader_->ExpectBytes(*input.expected_bytes);
  }
}

std::optional<Unit> UnitSource::NextBatch() {
  std::shared_ptr<const DocumentBatch> batch;
  while (!batch || batch->empty()) {
    if (next_taken_ < taken_.size()) {
      batch = std::move(taken_[next_taken_++]);
      continue;
    }
    auto fresh = std::make_shared<DocumentBatch>();
    if (!(*inputs_[current_].documents)(*fresh)) return std::nullopt;
    batch = std::move(fresh);
  }
  if (batch->text.size() > ChunkReader::kMaxUnitBytes) {
    Fail(Problem{.path = inputs_[current_].path,
                 .byte_offset = documents_offset_,
                 .what = "a batch of documents longer than 2 GiB (ICU counts in 32-bit offsets)"});
    stopped_ = true;
    return std::nullopt;
  }
  Unit unit{.input_index = current_,
            .piece = {.offset = documents_offset_,
                      .data = batch->text,
                      .owner = std::shared_ptr<const char[]>(batch, batch->text.data())},
            .document_ends = std::shared_ptr<const std::vector<std::size_t>>(batch, &batch->ends)};
  documents_offset_ += batch->text.size();
  document_bytes_ += batch->text.size() - batch->ends.size();
  ReportProgress(documents_offset_);
  return unit;
}

void UnitSource::FinishDocuments() {
  reading_documents_ = false;
  taken_.clear();
  ++report_.stats.inputs;
  report_.stats.bytes += document_bytes_;
  report_.stats.stored_bytes += document_bytes_;
  progress_.bytes_done += documents_offset_;
  ++progress_.inputs_done;
  ReportProgress(0);
}

std::uint64_t UnitSource::StoredBytesRead() const {
  return text_ ? text_->stored_bytes() : reader_->bytes_read();
}

void UnitSource::ReportProgress(std::uint64_t current_bytes) {
  if (!options_.progress) return;
  Progress now = progress_;
  now.bytes_done += current_bytes;
  now.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  options_.progress(now);
}

void UnitSource::CloseCurrent() {
  reader_.reset();
  text_.reset();  // closes the file
}

void UnitSource::Fail(Problem problem) {
  report_.errors.push_back(std::move(problem));
  if (!options_.keep_going) stopped_ = true;
}

}  // namespace vocabcount::internal
