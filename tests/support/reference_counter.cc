// The plain-ICU reference counter used to check the engine.
#include "support/reference_counter.h"

#include "tokenize/icu_word_iterator.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <vector>

namespace vocabcount::testing {

void ReferenceCountWords(std::string_view text, bool lower, ReferenceCounts& counts) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  const icu::UnicodeString utf16 = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  // A settled iterator: ICU's dictionary segmentation otherwise depends on
  // which engines were loaded before (see tokenize/icu_word_iterator.h).
  auto settled = internal::NewSettledWordIterator();
  if (!settled.ok()) throw std::runtime_error(std::string(settled.status().message()));
  std::unique_ptr<icu::BreakIterator> words = std::move(*settled);
  words->setText(utf16);
  int32_t start = words->first();
  for (int32_t end = words->next(); end != icu::BreakIterator::DONE; start = end, end = words->next()) {
    if (words->getRuleStatus() < UBRK_WORD_NONE_LIMIT) continue;
    icu::UnicodeString word = utf16.tempSubStringBetween(start, end);
    if (lower) word.toLower(icu::Locale::getRoot());
    std::string utf8;
    word.toUTF8String(utf8);
    ++counts[utf8];
  }
}

std::string ReferenceTsv(const ReferenceCounts& counts) {
  std::vector<std::pair<std::string, std::uint64_t>> entries(counts.begin(), counts.end());
  std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    return a.second > b.second;  // std::map already ordered the tokens by bytes
  });
  std::string tsv;
  for (const auto& [token, count] : entries) tsv += token + "\t" + std::to_string(count) + "\n";
  return tsv;
}

std::uint64_t ReferenceIllFormedSequences(std::string_view text) {
  std::vector<UChar> utf16(text.size() + 1);
  int32_t length = 0;
  int32_t substitutions = 0;
  UErrorCode status = U_ZERO_ERROR;
  u_strFromUTF8WithSub(utf16.data(), static_cast<int32_t>(utf16.size()), &length, text.data(),
                       static_cast<int32_t>(text.size()), 0xFFFD, &substitutions, &status);
  if (U_FAILURE(status)) throw std::runtime_error(u_errorName(status));
  return static_cast<std::uint64_t>(substitutions);
}

}  // namespace vocabcount::testing
