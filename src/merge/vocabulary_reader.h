// Reading a vocabulary written by vocabcount ("token<TAB>count" lines, an
// optional "token<TAB>count" header at line 1, any compression TextStream
// knows) entry by entry, checking every line.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "input/text_stream.h"

namespace vocabcount::internal {

struct VocabularyLine {
  std::string_view token;  // valid until the next call to Next()
  std::uint64_t count = 0;
  std::uint64_t line = 0;  // 1-based
};

// Splits one line (without its newline) into a non-empty token without tabs
// and a positive decimal count (digits only: no sign, no spaces). Returns why
// the line is malformed, or nullopt. UTF-8 is not checked here.
std::optional<std::string> ParseVocabularyLine(std::string_view line, std::string_view& token,
                                               std::uint64_t& count);

class VocabularyReader {
 public:
  static constexpr std::size_t kDefaultBufferBytes = std::size_t{256} << 10;

  explicit VocabularyReader(TextStream stream, std::size_t buffer_bytes = kDefaultBufferBytes);

  // The next entry: false at the end of the input, or at the first problem
  // (then error() says what, and error_line() where when it is about a line).
  // A last line without a newline is read like the others.
  bool Next(VocabularyLine& entry);

  const std::string& error() const { return error_; }
  std::optional<std::uint64_t> error_line() const { return error_line_; }
  std::uint64_t text_bytes() const { return text_bytes_; }
  const TextStream& stream() const { return stream_; }

 private:
  bool NextLine(std::string_view& line);
  bool Refill();
  void CheckUtf8(std::size_t complete_end);
  bool Fail(std::string what, std::optional<std::uint64_t> line);

  TextStream stream_;
  std::unique_ptr<char[]> buffer_;
  std::size_t capacity_;
  std::size_t begin_ = 0;  // the unread bytes are [begin_, end_)
  std::size_t end_ = 0;
  // Bytes before checked_ belong to complete lines whose UTF-8 was checked as
  // a block; lines before per_line_end_ are in a block that failed the check
  // and are checked one by one, to find the bad one.
  std::size_t checked_ = 0;
  std::size_t per_line_end_ = 0;
  bool at_end_ = false;
  std::uint64_t line_ = 0;
  std::uint64_t text_bytes_ = 0;
  std::string error_;
  std::optional<std::uint64_t> error_line_;
};

}  // namespace vocabcount::internal
