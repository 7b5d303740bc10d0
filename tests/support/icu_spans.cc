// Collecting word token spans with a plain ICU iterator over UTF-16 text.
#include "support/icu_spans.h"

#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <vector>

namespace vocabcount::testing {

Spans IcuWordSpans(icu::BreakIterator& words, std::string_view text) {
  // The whole text as UTF-16, as UnicodeString::fromUTF8 reads it (each
  // ill-formed sequence one U+FFFD), with the byte offset of every unit.
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const std::int64_t length = static_cast<std::int64_t>(text.size());
  icu::UnicodeString utf16;
  std::vector<std::size_t> offsets;
  for (std::int64_t i = 0; i < length;) {
    const std::size_t at = static_cast<std::size_t>(i);
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    utf16.append(c < 0 ? 0xFFFD : c);
    offsets.insert(offsets.end(), c > 0xFFFF ? 2 : 1, at);
  }
  offsets.push_back(text.size());
  words.setText(utf16);
  Spans spans;
  int32_t start = words.first();
  for (int32_t end = words.next(); end != icu::BreakIterator::DONE; start = end, end = words.next()) {
    if (words.getRuleStatus() >= UBRK_WORD_NONE_LIMIT) {
      const std::size_t from = offsets[static_cast<std::size_t>(start)];
      spans.emplace_back(from, std::string(text.substr(from, offsets[static_cast<std::size_t>(end)] - from)));
    }
  }
  return spans;
}

}  // namespace vocabcount::testing
