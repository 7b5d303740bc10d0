// libFuzzer target for the kana/kanji segmenter: the input's bytes choose
// pieces of CJK-heavy text (support/cjk_text.h), so that any input becomes
// runs of kana and kanji among their neighbours; on that text the word
// tokenizer must give exactly the spans of a settled plain ICU iterator, and
// the same tokens however the text is cut into units.
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz/fuzz_failure.h"
#include "fuzz/settled_icu.h"
#include "support/cjk_text.h"
#include "support/engine_spans.h"
#include "tokenize/tokenize.h"

namespace {

// The text `data` describes: byte 0 is kept for the unit size; the rest are
// read as big-endian numbers, as many bytes as each choice needs, until they
// run out (the last choices read zeros).
std::string CjkTextOf(const std::uint8_t* data, std::size_t size) {
  std::size_t at = 1;
  auto choose = [&](std::uint32_t bound) {
    std::uint32_t value = 0;
    for (std::uint64_t reach = 1; reach < bound && at < size; reach <<= 8) {
      value = value << 8 | data[at++];
    }
    return value % bound;
  };
  std::string text;
  // Every piece takes at least one byte (its kind), so this ends.
  while (at < size) vocabcount::testing::AppendCjkPiece(choose, true, text);
  return text;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using vocabcount::fuzzing::Fail;
  using vocabcount::testing::Spans;
  if (size == 0) return 0;
  const std::string text = CjkTextOf(data, size);
  static auto word = *vocabcount::internal::MakeTokenizer(vocabcount::TokenizerKind::kWord);
  absl::Status status;
  const Spans icu = vocabcount::fuzzing::SettledIcuSpans(text);
  const Spans engine = vocabcount::testing::EngineSpans(*word, text, status);
  if (!status.ok()) Fail(std::string(status.message()), text);
  if (engine != icu) Fail("kana/kanji segmentation differs from ICU", text);

  // Cut into units of 1 to 8 bytes at safe cuts: ICU's tokens still.
  const std::size_t unit_bytes = 1 + data[0] % 8;
  if (vocabcount::testing::TokensOfUnits(*word, text, unit_bytes, status) !=
      vocabcount::testing::TokensOf(icu)) {
    Fail("tokens depend on the unit size", text);
  }
  return 0;
}
