// Vocabulary lines out of a text stream: lines are found in a large buffer,
// and their UTF-8 is checked a whole buffer at a time (tabs, digits and
// newlines are ASCII, so a valid buffer means every token in it is valid).
#include "merge/vocabulary_reader.h"

#include <simdjson.h>

#include <algorithm>
#include <cstring>
#include <limits>
#include <utility>

namespace vocabcount::internal {
namespace {

constexpr std::string_view kHeader = "token\tcount";

bool ValidUtf8(std::string_view text) { return simdjson::validate_utf8(text.data(), text.size()); }

}  // namespace

std::optional<std::string> ParseVocabularyLine(std::string_view line, std::string_view& token,
                                               std::uint64_t& count) {
  // Split at the first tab: a tab after it fails the digit check below, and
  // is then reported as the token's (split at the last tab, it would be).
  const std::size_t tab = line.find('\t');
  if (tab == std::string_view::npos) return "expected token<TAB>count, found no tab";
  token = line.substr(0, tab);
  const std::string_view digits = line.substr(tab + 1);
  if (token.empty()) return "the token is empty";
  count = 0;
  bool digits_only = !digits.empty();
  bool overflow = false;
  for (char c : digits) {
    const unsigned digit = static_cast<unsigned char>(c) - unsigned{'0'};
    if (digit > 9) {
      digits_only = false;
      break;
    }
    overflow |= __builtin_mul_overflow(count, std::uint64_t{10}, &count) ||
                __builtin_add_overflow(count, std::uint64_t{digit}, &count);
  }
  if (!digits_only || overflow) {
    if (digits.find('\t') != std::string_view::npos) return "the token contains a tab";
    if (!digits_only) return "the count is not a positive decimal integer";
    return "the count is larger than " + std::to_string(std::numeric_limits<std::uint64_t>::max());
  }
  if (count == 0) return "the count is not a positive decimal integer";
  return std::nullopt;
}

VocabularyReader::VocabularyReader(TextStream stream, std::size_t buffer_bytes)
    : stream_(std::move(stream)),
      buffer_(new char[std::max<std::size_t>(buffer_bytes, 16)]),
      capacity_(std::max<std::size_t>(buffer_bytes, 16)) {}

bool VocabularyReader::Next(VocabularyLine& entry) {
  std::string_view line;
  for (;;) {
    if (!NextLine(line)) return false;
    ++line_;
    const bool per_line = static_cast<std::size_t>(line.data() - buffer_.get()) < per_line_end_;
    if (per_line && !ValidUtf8(line)) return Fail("the line is not valid UTF-8", line_);
    if (line_ == 1 && line == kHeader) continue;
    if (auto problem = ParseVocabularyLine(line, entry.token, entry.count)) {
      return Fail(std::move(*problem), line_);
    }
    entry.line = line_;
    return true;
  }
}

bool VocabularyReader::NextLine(std::string_view& line) {
  for (;;) {
    const char* start = buffer_.get() + begin_;
    const void* newline = std::memchr(start, '\n', end_ - begin_);
    if (newline != nullptr) {
      const std::size_t length = static_cast<const char*>(newline) - start;
      line = std::string_view(start, length);
      begin_ += length + 1;
      return true;
    }
    if (at_end_) {
      if (begin_ == end_) return false;
      line = std::string_view(start, end_ - begin_);
      begin_ = end_;
      return true;
    }
    if (!Refill()) return false;
  }
}

// Moves the partial line to the front (growing the buffer when the line
// fills it), reads more text and checks the UTF-8 of the complete lines.
bool VocabularyReader::Refill() {
  if (begin_ > 0) {
    std::memmove(buffer_.get(), buffer_.get() + begin_, end_ - begin_);
    end_ -= begin_;
    checked_ -= std::min(checked_, begin_);
    per_line_end_ -= std::min(per_line_end_, begin_);
    begin_ = 0;
  }
  if (end_ == capacity_) {
    auto bigger = std::make_unique<char[]>(capacity_ * 2);
    std::memcpy(bigger.get(), buffer_.get(), end_);
    buffer_ = std::move(bigger);
    capacity_ *= 2;
  }
  const ssize_t got = stream_.Read(buffer_.get() + end_, capacity_ - end_);
  if (got < 0) return Fail(stream_.error(), std::nullopt);
  end_ += static_cast<std::size_t>(got);
  text_bytes_ += static_cast<std::uint64_t>(got);
  if (got == 0) {
    at_end_ = true;
    CheckUtf8(end_);
  } else {
    const void* last_newline = memrchr(buffer_.get() + checked_, '\n', end_ - checked_);
    if (last_newline != nullptr)
      CheckUtf8(static_cast<const char*>(last_newline) - buffer_.get() + 1);
  }
  return true;
}

void VocabularyReader::CheckUtf8(std::size_t complete_end) {
  if (complete_end <= checked_) return;
  if (!ValidUtf8(std::string_view(buffer_.get() + checked_, complete_end - checked_))) {
    per_line_end_ = complete_end;
  }
  checked_ = complete_end;
}

bool VocabularyReader::Fail(std::string what, std::optional<std::uint64_t> line) {
  error_ = std::move(what);
  error_line_ = line;
  at_end_ = true;
  begin_ = end_;
  return false;
}

}  // namespace vocabcount::internal
