// Collecting word token spans with a plain ICU iterator.
#include "icu_spans.h"

#include <unicode/utext.h>

namespace vocabcount::testing {

Spans IcuWordSpans(icu::BreakIterator& words, std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  UText utext = UTEXT_INITIALIZER;
  utext_openUTF8(&utext, text.data(), static_cast<int64_t>(text.size()), &status);
  words.setText(&utext, status);
  Spans spans;
  int32_t start = words.first();
  for (int32_t end = words.next(); U_SUCCESS(status) && end != icu::BreakIterator::DONE;
       start = end, end = words.next()) {
    if (words.getRuleStatus() >= UBRK_WORD_NONE_LIMIT) {
      spans.emplace_back(start, std::string(text.substr(start, end - start)));
    }
  }
  utext_close(&utext);
  return spans;
}

}  // namespace vocabcount::testing
