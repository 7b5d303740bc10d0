// libFuzzer target: on any bytes, the fast word path must give exactly the
// token spans of a settled plain ICU iterator over the whole input, the
// whitespace tokenizer exactly the spans of the plain definition in
// fuzz/whitespace_reference.h, and both tokenizers the same tokens however the
// input is cut into units.
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz/fuzz_failure.h"
#include "fuzz/settled_icu.h"
#include "fuzz/whitespace_reference.h"
#include "support/engine_spans.h"
#include "tokenize/tokenize.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using vocabcount::TokenizerKind;
  using vocabcount::fuzzing::Fail;
  using vocabcount::testing::EngineSpans;
  using vocabcount::testing::TokensOfUnits;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  static auto word = *vocabcount::internal::MakeTokenizer(TokenizerKind::kWord);
  static auto whitespace = *vocabcount::internal::MakeTokenizer(TokenizerKind::kWhitespace);
  absl::Status status;
  if (EngineSpans(*word, text, status) != vocabcount::fuzzing::SettledIcuSpans(text)) {
    Fail("fast path differs from ICU", text);
  }
  if (EngineSpans(*whitespace, text, status) != vocabcount::fuzzing::WhitespaceSpans(text)) {
    Fail("whitespace tokens differ from the reference", text);
  }

  // Cut into units of 1 to 8 bytes (chosen by the input): the same tokens.
  const std::size_t unit_bytes = size > 0 ? 1 + data[0] % 8 : 1;
  for (auto* tokenizer : {word.get(), whitespace.get()}) {
    if (TokensOfUnits(*tokenizer, text, unit_bytes, status) !=
        TokensOfUnits(*tokenizer, text, size + 1, status)) {
      Fail("tokens depend on the unit size", text);
    }
  }
  return 0;
}
