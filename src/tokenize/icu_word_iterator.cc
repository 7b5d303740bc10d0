// Creating settled word iterators (see icu_word_iterator.h).
#include "tokenize/icu_word_iterator.h"

#include <unicode/utext.h>

#include <mutex>

#include "tokenize/icu_error.h"

namespace vocabcount::internal {

const std::string& SettlingText() {
  // Common (a kana repeat mark), Han, Hangul, Hiragana, Katakana, Khmer, Lao,
  // Myanmar, Thai, Tai Le, New Tai Lue, Tai Tham, Tai Viet, Ahom.
  static const std::string text =
      "\u3031 \u2E80 \uAC00 \u3041 \u30A1 \u1780 \u0E81 \u1000 \u0E01 \u1950 \u1980 \u1A20 "
      "\uAA80 \U00011700 ";
  return text;
}

absl::StatusOr<std::unique_ptr<icu::BreakIterator>> NewSettledWordIterator() {
  // One at a time: the process-wide engine list must also fill in one order.
  static std::mutex mutex;
  std::lock_guard lock(mutex);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> iterator(
      icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status)) {
    return IcuError("cannot create word break iterator", status);
  }
  const std::string& text = SettlingText();
  UText utext = UTEXT_INITIALIZER;
  utext_openUTF8(&utext, text.data(), static_cast<int64_t>(text.size()), &status);
  iterator->setText(&utext, status);
  while (U_SUCCESS(status) && iterator->next() != icu::BreakIterator::DONE) {
  }
  utext_close(&utext);
  if (U_FAILURE(status)) {
    return IcuError("cannot settle word break iterator", status);
  }
  return iterator;
}

}  // namespace vocabcount::internal
