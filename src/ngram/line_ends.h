// Whether a line end (LF or CR) lies between two tokens of a text: n-grams
// stop there. Tokens never hold either byte, so each is looked for once per
// stretch of text, however many tokens there are.
#pragma once

#include <cstring>
#include <string_view>

namespace vocabcount::internal {

class LineEnds {
 public:
  explicit LineEnds(std::string_view text) : end_(text.data() + text.size()) {
    next_lf_ = Find(text.data(), '\n');
    next_cr_ = Find(text.data(), '\r');
  }

  // Whether [from, to) holds a line end. Calls must move forward: `from` is
  // never before the `to` of the call before.
  bool Between(const char* from, const char* to) {
    if (next_lf_ < from) next_lf_ = Find(from, '\n');
    if (next_cr_ < from) next_cr_ = Find(from, '\r');
    return next_lf_ < to || next_cr_ < to;
  }

 private:
  const char* Find(const char* from, char byte) const {
    const void* found = std::memchr(from, byte, static_cast<std::size_t>(end_ - from));
    return found == nullptr ? end_ : static_cast<const char*>(found);
  }

  const char* end_;
  const char* next_lf_;
  const char* next_cr_;
};

}  // namespace vocabcount::internal
