// The word tokenizer's Thai segmentation against plain settled ICU: the Thai
// message catalogs Debian installs, random text built to stress the
// dictionary engine, the same text in tiny units and across forced cuts, and
// hand-picked cases. Token spans (offset and bytes) must be identical.
#include <catch2/catch.hpp>
#include <unicode/utf8.h>

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "support/dictionary_exactness.h"
#include "support/test_support.h"
#include "support/thai_text.h"
#include "support/word_exactness.h"
#include "tokenize/fast_word.h"
#include "tokenize/word_class.h"
#include "vocabcount/options.h"

namespace vocabcount::internal {
namespace {

using testing::Spans;

// A Thai letter or mark of the engine's set.
bool IsThaiCodePoint(UChar32 c) { return IsThai(ClassifyForWords(c)); }

// ICU split a run of Thai where two tokens starting with Thai touch.
std::size_t ThaiSplits(const Spans& spans) {
  return testing::DictionarySplits(spans, IsThaiCodePoint);
}

// Where the fast path sends the Thai of `text`: runs to the Thai segmenter
// long enough for it to split (more than four characters, each three bytes
// in UTF-8), and stretches holding Thai to ICU.
struct ThaiRoutes {
  std::size_t segmented_runs = 0;
  std::size_t icu_stretches = 0;
};

void AddThaiRoutes(std::string_view text, ThaiRoutes& routes) {
  auto ignore = [](std::string_view) {};
  auto segmented = [&](std::string_view run) {
    if (run.size() > 4 * 3) ++routes.segmented_runs;
  };
  auto to_icu = [&](std::string_view stretch) {
    // Every character of the Thai block starts with E0 B8 or E0 B9.
    if (stretch.find("\xE0\xB8") != std::string_view::npos ||
        stretch.find("\xE0\xB9") != std::string_view::npos) {
      ++routes.icu_stretches;
    }
  };
  SegmentWords(text,
               {.token = ignore, .kana_kanji = ignore, .thai = segmented, .needs_icu = to_icu});
}

TEST_CASE("Word tokens equal ICU's on Debian's Thai message catalogs", "[exactness]") {
  // Read as they are: the translations are UTF-8 text between NUL bytes and
  // the catalog's binary tables, which ICU and the tokenizer take as
  // separators like any other.
  INFO("directory (Thai translations of apt, dpkg, GLib, …): " VOCABCOUNT_THAI_MESSAGES_DIR);
  auto tokenizer = testing::NewWordTokenizer();
  std::size_t files = 0, bytes = 0, tokens = 0, thai_tokens = 0, splits = 0;
  ThaiRoutes routes;
  for (const auto& path : testing::RegularFilesUnder(VOCABCOUNT_THAI_MESSAGES_DIR, ".mo")) {
    const std::string text = testing::ReadFile(path.string());
    const Spans icu = testing::CompareWholeText(*tokenizer, path.string(), text);
    ++files;
    bytes += text.size();
    tokens += icu.size();
    for (const auto& span : icu) thai_tokens += testing::StartsRun(span.second, IsThaiCodePoint);
    splits += ThaiSplits(icu);
    AddThaiRoutes(text, routes);
  }
  // So that missing catalogs cannot pass unnoticed: those of apt, dpkg,
  // grep and libapt-pkg, on every Debian system, and of GLib
  // (libglib2.0-data, from scripts/install-deps.sh) hold this much.
  INFO("a dpkg path-exclude for /usr/share/locale (as in slim container images) drops them");
  REQUIRE(files >= 5);
  REQUIRE(bytes >= 500'000);
  REQUIRE(thai_tokens >= 20'000);
  REQUIRE(splits >= 15'000);
  REQUIRE(routes.segmented_runs >= 3'500);
  SUCCEED(files << " files, " << bytes << " bytes, " << tokens << " tokens (" << thai_tokens
                << " of Thai, " << splits << " splits of a run; " << routes.segmented_runs
                << " runs for the Thai segmenter, " << routes.icu_stretches
                << " stretches with Thai for ICU) agree");
}

TEST_CASE("Word tokens equal ICU's on random Thai", "[exactness]") {
  std::size_t splits = 0;
  ThaiRoutes routes;
  const int rounds = testing::CompareRandomTexts(testing::AppendThaiPiece, 66,
                                                 [&](std::string_view text, const Spans& icu) {
                                                   splits += ThaiSplits(icu);
                                                   AddThaiRoutes(text, routes);
                                                 });
  // The pieces make runs that the segmenter splits, and runs that ICU takes.
  CHECK(splits >= static_cast<std::size_t>(rounds));
  CHECK(routes.segmented_runs >= static_cast<std::size_t>(rounds) / 2);
  CHECK(routes.icu_stretches >= static_cast<std::size_t>(rounds) / 2);
  SUCCEED(rounds << " random texts agree; ICU split Thai runs " << splits << " times; "
                 << routes.segmented_runs << " runs went to the Thai segmenter, "
                 << routes.icu_stretches << " stretches with Thai to ICU");
}

TEST_CASE("Thai cut into tiny units at safe cuts gives ICU's tokens", "[exactness]") {
  testing::CompareTinyUnits(testing::AppendThaiPiece, 6666);
}

// Whether `piece` is made only of Thai letters and marks.
bool AllThai(std::string_view piece) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(piece.data());
  const auto length = static_cast<std::int32_t>(piece.size());
  for (std::int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0 || !IsThaiCodePoint(c)) return false;
  }
  return true;
}

// Text with no loose cut, of Thai pieces alone (one run, split only by the
// cuts) or of everything that has no cut, `bytes` long or a little longer.
std::string UnbrokenThai(std::mt19937_64& random, std::size_t bytes, bool thai_only) {
  auto choose = [&](std::uint32_t bound) { return static_cast<std::uint32_t>(random() % bound); };
  std::string text;
  while (text.size() < bytes) {
    std::string piece;
    testing::AppendThaiPiece(choose, false, piece);
    if (!thai_only || AllThai(piece)) text += piece;
  }
  return text;
}

TEST_CASE("Thai across forced cuts counts as plain ICU counts each piece",
          "[exactness][long_tokens]") {
  // With no space, control or line feed anywhere, the chunk reader forces
  // cuts inside runs of Thai, and each piece between them is segmented on
  // its own (see CompareCountsAcrossForcedCuts).
  std::mt19937_64 random(2027);
  for (bool thai_only : {true, false}) {
    INFO((thai_only ? "Thai only" : "mixed"));
    testing::CompareCountsAcrossForcedCuts(
        UnbrokenThai(random, Options().stretch_bytes() * 9 / 4, thai_only));
  }
}

TEST_CASE("Word tokens equal ICU's on one run of Thai a megabyte long", "[exactness]") {
  // Costs add up over the whole run, and every offset is far from its start.
  std::mt19937_64 random(3);
  const std::string text = "start ภาษา" + UnbrokenThai(random, std::size_t{1} << 20, true) + " end";
  auto tokenizer = testing::NewWordTokenizer();
  const Spans icu = testing::SettledIcuSpans(text);
  CHECK(testing::SpanDifference(text, icu, testing::WordSpans(*tokenizer, text)) == "");
  CHECK(ThaiSplits(icu) > 50'000);
}

// Dictionary words glued into one run of at least `characters` code points.
std::string GluedWords(std::size_t characters) {
  const std::vector<std::string_view>& words = testing::ThaiWords();
  std::string run;
  // Every character of a Thai word is three bytes long.
  for (std::size_t k = 0; run.size() / 3 < characters; ++k) run += words[k * 7 % words.size()];
  return run;
}

TEST_CASE("Word tokens equal ICU's on hand-picked Thai", "[exactness]") {
  // clang-format off
  std::vector<std::string> texts = {
      // PAIYANNOI and MAIYAMOK: alone, doubled, after words, at run ends.
      "ฯลฯ", "ฯ", "ๆ", "ฯฯ", "ๆๆ", "ฯๆ", "ๆฯ", "ไทยๆ", "ภาษาไทยๆ", "ภาษาไทยๆๆ", "กรุงเทพฯ",
      "ไปกรุงเทพฯ", "ฯพณฯ", "ภาษาไทยฯ", "ภาษาไทยฯๆ", "ภาษาไทยๆฯ", "ภาษาฯลฯไทย", "ต่างๆนานา",
      // Runs of four characters, which stay whole, and of five.
      "ภาษา", "กขคง", "ไทยๆ", "คนไทย", "กขคงจ", "ไทยดี", "ดีมาก", "ก", "กข", "กขค",
      // Combining marks starting a run, doubled, or after other scripts.
      "\u0E48ไทย", "\u0E31กขคง", "\u0E47ภาษาไทย", "\u0E38\u0E38ภาษาไทย", "ก\u0E48\u0E48ภาษา",
      "ภาษา\u0E4C\u0E4C\u0E4Cไทย", "a\u0E48ภาษาไทย", "1\u0E31ภาษา", "_\u0E48ภาษา", "e\u0301ภาษาไทย",
      "ภาษาไทย\u0301", "ภาษา\u0301ไทย",
      // Leading vowels and marks where no word can end or begin.
      "เเเเเ", "ไไไไไ", "กกกกกกกกกก", "ะะะะะ", "เภาษาไทย", "ภาษาไทยเ", "ภาษาไทยแ",
      // Glued to Latin letters, digits, connectors and mid-word punctuation.
      "abcภาษาไทย", "ภาษาไทยabc", "abcภาษาไทยabc", "ภาษาไทย123", "123ภาษาไทย", "ภาษาไทย_abc",
      "ภาษาไทย'abc", "abc'ภาษาไทย", "abc.ภาษาไทย", "ภาษาไทย.abc", "ภาษา.ไทย", "ภาษา'ไทย",
      "ภาษาไทย@", "ภาษาไทย:abc", "ภาษาไทย's",
      // Thai digits and the Thai characters outside the engine's set.
      "ภาษาไทย๑๒๓", "๑๒๓ภาษาไทย", "ปี๒๕๖๖", "๒๕๖๖", "๑.๕ภาษา", "ภาษาไทย๏", "๚ภาษาไทย๛", "฿๑๐๐",
      "ภาษา฿ไทย", "๏ภาษาไทย๏",
      // Joiners and other format characters inside and beside a run.
      "ภาษา\u200Dไทย", "ภาษา\u200Cไทย", "ภาษาไทย\u200D", "\u200Cภาษาไทย", "ภาษา\u200Bไทย",
      "ภาษา\u2060ไทย", "ภา\u00ADษา", "\uFEFFภาษาไทย", "ภาษา\u200D\u200Cไทย",
      // Other scripts and ill-formed bytes.
      "ภาษาไทยລາວ", "ລາວภาษาไทย", "ภาษาไทย東京", "東京ภาษาไทย", "ภาษาไทย한국어", "ภาษาไทย😀",
      "😀ภาษาไทย", "ภาษา\xFFไทย", "\xE0\xB8ภาษาไทย", "ภาษาไทย\xE0\xB9", "ภาษา\u0E3Bไทย",
      // Resynchronization: text no dictionary word starts, between words.
      "ประเทศไทยกขคงภาษา", "ฃฅฆฌฎฏฐฑฒ", "ภาษากฃฅไทย", "ไทยฦฦฦฦภาษา"};
  // clang-format on
  texts.push_back(GluedWords(1000));
  texts.push_back("abc" + GluedWords(1000));
  testing::CompareHandPicked(texts);
}

}  // namespace
}  // namespace vocabcount::internal
