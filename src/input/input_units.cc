// Opening one input and cutting it into units: the format from its first
// bytes, the reader set up for the tokenizer's cuts or for JSON lines, and
// its errors worded with the path and, where one means anything, the offset.
#include "input/input_units.h"

#include <sys/types.h>

#include <algorithm>
#include <cstring>
#include <utility>

#include "input/open_input.h"

namespace vocabcount::internal {

InputUnits::InputUnits(const Input& input, const Options& options, const CutRule& cut_rule,
                       BlockPool pool)
    : input_(input) {
  if (!Open(options, cut_rule, std::move(pool))) reader_.reset();
}

bool InputUnits::Open(const Options& options, const CutRule& cut_rule, BlockPool pool) {
  ChunkReader::DescribedReadFunction read_input;
  if (input_.kind == Input::Kind::kMemory) {
    // Text handed over in memory is text, never compressed.
    memory_left_ = input_.memory;
    read_input = [this](char* buffer, std::size_t size, ChunkReader::ReadFailure&) {
      const std::size_t n = std::min(size, memory_left_.size());
      std::memcpy(buffer, memory_left_.data(), n);
      memory_left_.remove_prefix(n);
      return static_cast<ssize_t>(n);
    };
  } else {
    std::optional<TextStream> text = OpenText(input_, open_problem_);
    if (!text) return false;
    text_ = std::make_unique<TextStream>(std::move(*text));
    if (!text_->Detect()) {
      open_problem_ = Problem{.path = input_.path, .byte_offset = 0, .what = text_->error()};
      return false;
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
  }
  reader_.emplace(std::move(read_input), options.chunk_bytes, ChunkReader::kMaxUnitBytes,
                  std::move(pool));
  // A JSON line split between units could not be parsed.
  if (!options.jsonl_field.empty()) {
    reader_->CutAtLineEnds();
  } else {
    reader_->UseCutRule(cut_rule);
    reader_->CutLongStretches(options.stretch_bytes());
  }
  // The size of a compressed file says little about the size of its text.
  if (input_.expected_bytes && (!text_ || text_->format().empty())) {
    reader_->ExpectBytes(*input_.expected_bytes);
  }
  return true;
}

bool InputUnits::Next(InputPiece& piece) { return reader_ && reader_->Next(piece); }

std::uint64_t InputUnits::stored_bytes() const {
  if (text_) return text_->stored_bytes();
  return reader_ ? reader_->bytes_read() : 0;
}

InputRead InputUnits::Finish() const {
  if (!reader_) return InputRead{.problem = open_problem_};
  if (!reader_->error().empty()) {
    return InputRead{.problem = Problem{.path = input_.path,
                                        .byte_offset = reader_->error_offset(),
                                        .what = reader_->error(),
                                        .line = reader_->error_line()}};
  }
  return InputRead{.bytes = reader_->bytes_read(),
                   .stored_bytes = stored_bytes(),
                   .compressed = text_ && !text_->format().empty()};
}

}  // namespace vocabcount::internal
