// The whitespace tokenizer's definition, written out plainly for the fuzzers:
// a token is a maximal run of well-formed code points that are neither
// White_Space nor Cc; ill-formed bytes separate tokens like spaces.
#pragma once

#include <unicode/uchar.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/utf8_decoder.h"
#include "support/icu_spans.h"

namespace vocabcount::fuzzing {

// Cc is U+0000..U+001F and U+007F..U+009F, a set Unicode's stability policy
// fixes for ever: no property look-up needed. (ICU's u_iscntrl is wider: it
// takes format characters such as U+200D ZERO WIDTH JOINER too.)
inline bool IsControl(std::int32_t c) { return c <= 0x1F || (c >= 0x7F && c <= 0x9F); }

inline bool IsWhiteSpace(std::int32_t c) { return u_hasBinaryProperty(c, UCHAR_WHITE_SPACE); }

// (byte offset, bytes) of each token of `text`, in order.
inline testing::Spans WhitespaceSpans(std::string_view text) {
  testing::Spans spans;
  constexpr std::size_t kNone = std::string_view::npos;
  std::size_t start = kNone;  // of the token being read
  for (std::size_t at = 0; at <= text.size();) {
    bool inside = false;
    std::size_t length = 1;
    if (at < text.size()) {
      const DecodedSequence sequence = DecodeAt(text, at);
      length = sequence.length;
      inside = sequence.code_point >= 0 && !IsWhiteSpace(sequence.code_point) &&
               !IsControl(sequence.code_point);
    }
    if (inside && start == kNone) start = at;
    if (!inside && start != kNone) {
      spans.emplace_back(start, std::string(text.substr(start, at - start)));
      start = kNone;
    }
    at += length;
  }
  return spans;
}

}  // namespace vocabcount::fuzzing
