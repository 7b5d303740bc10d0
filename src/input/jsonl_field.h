// Finding the string to count in one line of JSON Lines: the line is parsed
// with simdjson and the string at a field (a dotted path of keys) is returned
// unescaped, or why the line has none.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace simdjson::dom {
class parser;
}  // namespace simdjson::dom

namespace vocabcount::internal {

// Bytes that must be readable (with any values) after a line given to
// JsonlField::Extract: simdjson reads ahead in blocks (SIMDJSON_PADDING).
inline constexpr std::size_t kJsonlPaddingBytes = 64;

struct JsonlLine {
  enum class Kind {
    kText,   // the field holds a string: `text`
    kBlank,  // nothing but JSON whitespace: not a record at all
    kBad,    // not valid JSON, not an object, or no string at the field: `reason`
  };
  Kind kind = Kind::kBlank;
  std::string_view text;  // valid until the next Extract
  std::string reason;
};

class JsonlField {
 public:
  // `path` names a key of the top-level object, or keys of nested objects
  // joined by dots ("meta.text"). Keys that hold a dot cannot be named; an
  // empty key (a path starting or ending with a dot, or with two in a row)
  // is an error.
  static absl::StatusOr<JsonlField> Create(std::string_view path);

  JsonlField(JsonlField&&) noexcept;
  JsonlField& operator=(JsonlField&&) noexcept;
  ~JsonlField();

  // The string at the field of `line`, which is one line without its line
  // feed (a carriage return before it is JSON whitespace) and must be
  // followed by kJsonlPaddingBytes readable bytes. The whole line is
  // validated, as JSON and as UTF-8. Throws std::bad_alloc when the parser
  // cannot grow for a long line.
  JsonlLine Extract(std::string_view line);

 private:
  explicit JsonlField(std::vector<std::string> keys, std::string path);

  std::vector<std::string> keys_;
  std::string path_;  // as given, for messages
  // Reused for every line: its buffers grow to the longest line seen.
  std::unique_ptr<simdjson::dom::parser> parser_;
};

}  // namespace vocabcount::internal
