// Opening and reading the vocabularies of a merge, entry by entry.
#include "merge/merge_sources.h"

#include <utility>

#include "input/open_input.h"

namespace vocabcount::internal {

bool MergeSource::Open(std::size_t buffer_bytes) {
  std::optional<TextStream> text = OpenText(input_, problem_);
  if (!text) return false;
  reader_.emplace(std::move(*text), buffer_bytes);
  return true;
}

bool MergeSource::Advance() {
  if (reader_->Next(current_)) {
    prefix_ = TokenPrefix(current_.token);
    return true;
  }
  if (!reader_->error().empty()) {
    problem_ = Problem{input_.path, std::nullopt, reader_->error(), reader_->error_line()};
  }
  return false;
}

void MergeSource::AddTo(CountStats& stats) const {
  ++stats.inputs;
  stats.bytes += reader_->text_bytes();
  stats.stored_bytes += reader_->stream().stored_bytes();
  if (!reader_->stream().format().empty()) ++stats.compressed_inputs;
}

}  // namespace vocabcount::internal
