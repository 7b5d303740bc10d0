// The n-gram reference used to check the engine's n-gram counts.
#include "support/reference_ngrams.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <deque>
#include <memory>
#include <stdexcept>
#include <string>

#include "fuzz/whitespace_reference.h"
#include "support/icu_spans.h"
#include "tokenize/icu_word_iterator.h"

namespace vocabcount::testing {
namespace {

// The token as the engine should count it, mapped by ICU's UnicodeString and
// Normalizer2.
std::string Mapped(const std::string& token, const Options& options) {
  if (options.case_mapping == CaseMapping::kNone && options.normalization == Normalization::kNone) {
    return token;
  }
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(token);
  if (options.case_mapping == CaseMapping::kLower) text.toLower(icu::Locale::getRoot());
  if (options.case_mapping == CaseMapping::kFold) text.foldCase();
  if (options.normalization != Normalization::kNone) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* normalizer = options.normalization == Normalization::kNfc
                                             ? icu::Normalizer2::getNFCInstance(status)
                                             : icu::Normalizer2::getNFKCInstance(status);
    if (U_SUCCESS(status)) text = normalizer->normalize(text, status);
    if (U_FAILURE(status)) throw std::runtime_error(u_errorName(status));
  }
  std::string mapped;
  text.toUTF8String(mapped);
  return mapped;
}

// Counts the n-grams of one piece of text between forced cuts.
void CountPiece(std::string_view piece, bool cut_before, bool cut_after, const Options& options,
                icu::BreakIterator& words, ReferenceCounts& counts) {
  std::size_t line_start = 0;
  while (line_start <= piece.size()) {
    std::size_t line_end = piece.find_first_of("\r\n", line_start);
    if (line_end == std::string_view::npos) line_end = piece.size();
    const std::string_view line = piece.substr(line_start, line_end - line_start);
    const Spans spans = options.tokenizer == TokenizerKind::kWord
                            ? IcuWordSpans(words, line)
                            : fuzzing::WhitespaceSpans(line);
    std::deque<std::string> window;  // the line's last tokens since a break
    for (const auto& [offset, token] : spans) {
      const bool at_cut = (cut_before && line_start + offset == 0) ||
                          (cut_after && line_start + offset + token.size() == piece.size());
      if (at_cut || token.size() > options.max_token_bytes) {
        window.clear();
        continue;
      }
      window.push_back(Mapped(token, options));
      if (window.size() > static_cast<std::size_t>(options.ngram_max)) window.pop_front();
      for (int order = options.ngram_min; order <= static_cast<int>(window.size()); ++order) {
        std::string ngram;
        for (std::size_t i = window.size() - order; i < window.size(); ++i) {
          if (i > window.size() - order) ngram += options.ngram_separator;
          ngram += window[i];
        }
        ++counts[ngram];
      }
    }
    line_start = line_end + 1;
  }
}

}  // namespace

void ReferenceCountNgrams(std::string_view text, const Options& options, ReferenceCounts& counts,
                          const std::vector<std::uint64_t>& forced_cuts) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  auto settled = internal::NewSettledWordIterator();
  if (!settled.ok()) throw std::runtime_error(std::string(settled.status().message()));
  std::size_t start = 0;
  for (std::size_t i = 0; i <= forced_cuts.size(); ++i) {
    const std::size_t end =
        i < forced_cuts.size() ? static_cast<std::size_t>(forced_cuts[i]) : text.size();
    CountPiece(text.substr(start, end - start), i > 0, i < forced_cuts.size(), options, **settled,
               counts);
    start = end;
  }
}

}  // namespace vocabcount::testing
