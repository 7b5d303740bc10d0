// libFuzzer target: on any bytes, the fast word path must give exactly the
// token spans of a settled plain ICU iterator over the whole input, the
// whitespace tokenizer exactly the spans of the plain definition in
// fuzz/whitespace_reference.h, and both tokenizers the same tokens however the
// input is cut into units.
#include <unicode/brkiter.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "fuzz/fuzz_failure.h"
#include "fuzz/whitespace_reference.h"
#include "input/safe_cut.h"
#include "support/icu_spans.h"
#include "tokenize/icu_word_iterator.h"
#include "tokenize/tokenize.h"

namespace {

using vocabcount::fuzzing::Fail;
using vocabcount::testing::Spans;

Spans IcuSpans(std::string_view text) {
  static std::unique_ptr<icu::BreakIterator> words = [] {
    auto settled = vocabcount::internal::NewSettledWordIterator();
    if (!settled.ok()) std::abort();
    return std::move(*settled);
  }();
  return vocabcount::testing::IcuWordSpans(*words, text);
}

Spans SpansOf(vocabcount::internal::Tokenizer& tokenizer, std::string_view text) {
  Spans spans;
  (void)tokenizer.Tokenize(text, [&](std::string_view token) {
    spans.emplace_back(token.data() - text.data(), std::string(token));
  });
  return spans;
}

// The tokens of `text` cut at safe cuts into units of at least `unit_bytes`,
// in order: what the pipeline's workers see.
std::vector<std::string> TokensOfUnits(vocabcount::internal::Tokenizer& tokenizer,
                                       std::string_view text, std::size_t unit_bytes) {
  std::vector<std::string> tokens;
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = vocabcount::internal::FindSafeCut(text, begin + unit_bytes);
    if (end == std::string_view::npos) end = text.size();
    (void)tokenizer.Tokenize(text.substr(begin, end - begin),
                             [&](std::string_view token) { tokens.emplace_back(token); });
    begin = end;
  }
  return tokens;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using vocabcount::TokenizerKind;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  static auto word = *vocabcount::internal::MakeTokenizer(TokenizerKind::kWord);
  static auto whitespace = *vocabcount::internal::MakeTokenizer(TokenizerKind::kWhitespace);
  if (SpansOf(*word, text) != IcuSpans(text)) Fail("fast path differs from ICU", text);
  if (SpansOf(*whitespace, text) != vocabcount::fuzzing::WhitespaceSpans(text)) {
    Fail("whitespace tokens differ from the reference", text);
  }

  // Cut into units of 1 to 8 bytes (chosen by the input): the same tokens.
  const std::size_t unit_bytes = size > 0 ? 1 + data[0] % 8 : 1;
  for (auto* tokenizer : {word.get(), whitespace.get()}) {
    if (TokensOfUnits(*tokenizer, text, unit_bytes) != TokensOfUnits(*tokenizer, text, size + 1)) {
      Fail("tokens depend on the unit size", text);
    }
  }
  return 0;
}
