// Handing out each input in turn (a file, standard input, text in memory or
// documents) unit by unit, or a small file whole and unread; the progress
// kept up to date, and what reading found gathered for the report.
#include "input/unit_source.h"

#include <algorithm>
#include <utility>

#include "base/cancel.h"

namespace vocabcount::internal {

UnitSource::UnitSource(const std::vector<Input>& inputs, const Options& options,
                       CountReport& report, const CutRule& cut_rule)
    : inputs_(inputs),
      options_(options),
      report_(report),
      cut_rule_(cut_rule),
      blocks_(ChunkReader::PoolFor(options.chunk_bytes)),
      start_(std::chrono::steady_clock::now()) {
  for (const Input& input : inputs) {
    progress_.bytes_total += input.expected_bytes.value_or(0);
    progress_.unsized_inputs += !input.expected_bytes;
  }
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
      current_ = next_input_++;
      const Input& input = inputs_[current_];
      if (ReadsWhereCounted(input)) {
        // Done, for the progress, once handed out, as the units of other
        // inputs are.
        progress_.bytes_done += *input.expected_bytes;
        ++progress_.inputs_done;
        ReportProgress(0);
        return Unit{.input_index = current_, .unread = true};
      }
      if (input.kind == Input::Kind::kDocuments) {
        // Each batch is a unit already: it ends between documents.
        reading_documents_ = true;
        taken_ = input.taken;
        next_taken_ = 0;
        documents_offset_ = 0;
        document_bytes_ = 0;
        continue;
      }
      reader_.emplace(input, options_, cut_rule_, blocks_);
    }
    Unit unit{current_, {}};
    if (reader_->Next(unit.piece)) {
      ReportProgress(reader_->stored_bytes());
      return unit;
    }
    const std::uint64_t stored = reader_->stored_bytes();
    AddRead(current_, reader_->Finish());
    reader_.reset();  // closes the file
    progress_.bytes_done += stored;
    ++progress_.inputs_done;
    ReportProgress(0);
  }
}

bool UnitSource::ReadsWhereCounted(const Input& input) const {
  return input.kind == Input::Kind::kPath && input.expected_bytes &&
         *input.expected_bytes <= options_.chunk_bytes;
}

InputRead UnitSource::ReadUnread(const Unit& unit,
                                 const std::function<void(const Unit&)>& count) const {
  InputUnits reader(inputs_[unit.input_index], options_, cut_rule_, blocks_);
  Unit piece_unit{.input_index = unit.input_index};
  while (reader.Next(piece_unit.piece)) count(piece_unit);
  return reader.Finish();
}

void UnitSource::AddRead(std::size_t index, InputRead read) {
  if (read.problem && !options_.keep_going) stopped_ = true;
  const std::lock_guard lock(read_mutex_);
  if (read.problem) {
    problems_.emplace_back(index, std::move(*read.problem));
    return;
  }
  ++read_stats_.inputs;
  read_stats_.bytes += read.bytes;
  read_stats_.stored_bytes += read.stored_bytes;
  if (read.compressed) ++read_stats_.compressed_inputs;
}

void UnitSource::Finish() {
  const std::lock_guard lock(read_mutex_);
  report_.stats.inputs += read_stats_.inputs;
  report_.stats.bytes += read_stats_.bytes;
  report_.stats.stored_bytes += read_stats_.stored_bytes;
  report_.stats.compressed_inputs += read_stats_.compressed_inputs;
  read_stats_ = {};
  std::stable_sort(problems_.begin(), problems_.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  if (!options_.keep_going && problems_.size() > 1) problems_.resize(1);
  for (auto& [index, problem] : problems_) report_.errors.push_back(std::move(problem));
  problems_.clear();
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
  AddRead(current_, InputRead{.bytes = document_bytes_, .stored_bytes = document_bytes_});
  progress_.bytes_done += documents_offset_;
  ++progress_.inputs_done;
  ReportProgress(0);
}

void UnitSource::ReportProgress(std::uint64_t current_bytes) {
  if (!options_.progress) return;
  Progress now = progress_;
  now.bytes_done += current_bytes;
  now.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  options_.progress(now);
}

void UnitSource::Fail(Problem problem) {
  AddRead(current_, InputRead{.problem = std::move(problem)});
}

}  // namespace vocabcount::internal
