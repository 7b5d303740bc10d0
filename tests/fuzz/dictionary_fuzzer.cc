// libFuzzer target for the dictionary segmenters (kana/kanji and Thai): the
// input's bytes choose pieces of CJK-heavy or Thai-heavy text
// (support/cjk_text.h, support/thai_text.h), so that any input becomes runs
// of kana, kanji or Thai among their neighbours; on that text the word
// tokenizer must give exactly the spans of a settled plain ICU iterator, and
// the same tokens however the text is cut into units.
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz/fuzz_failure.h"
#include "fuzz/settled_icu.h"
#include "support/cjk_text.h"
#include "support/engine_spans.h"
#include "support/thai_text.h"
#include "tokenize/tokenize.h"

namespace {

// Which pieces an input's text is made of.
enum class Pieces { kCjk, kThai, kBoth };

// The text `data` describes: byte 0 is kept for the unit size and the kind
// of pieces; the rest are read as big-endian numbers, as many bytes as each
// choice needs, until they run out (the last choices read zeros). With both
// kinds, each piece first chooses its kind.
std::string TextOf(const std::uint8_t* data, std::size_t size, Pieces pieces) {
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
  while (at < size) {
    const bool thai = pieces == Pieces::kBoth ? choose(2) == 1 : pieces == Pieces::kThai;
    (thai ? vocabcount::testing::AppendThaiPiece : vocabcount::testing::AppendCjkPiece)(choose,
                                                                                        true, text);
  }
  return text;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using vocabcount::fuzzing::Fail;
  using vocabcount::testing::Spans;
  if (size == 0) return 0;
  // Byte 0: the unit size in its low three bits, the kind of pieces above.
  const std::size_t unit_bytes = 1 + data[0] % 8;
  const auto pieces = static_cast<Pieces>(data[0] / 8 % 3);
  const std::string text = TextOf(data, size, pieces);
  static auto word = *vocabcount::internal::MakeTokenizer(vocabcount::TokenizerKind::kWord);
  absl::Status status;
  const Spans icu = vocabcount::fuzzing::SettledIcuSpans(text);
  const Spans engine = vocabcount::testing::EngineSpans(*word, text, status);
  if (!status.ok()) Fail(std::string(status.message()), text);
  if (engine != icu) Fail("dictionary segmentation differs from ICU", text);

  // Cut into units of 1 to 8 bytes at safe cuts: ICU's tokens still.
  if (vocabcount::testing::TokensOfUnits(*word, text, unit_bytes, status) !=
      vocabcount::testing::TokensOf(icu)) {
    Fail("tokens depend on the unit size", text);
  }
  return 0;
}
