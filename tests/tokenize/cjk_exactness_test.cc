// The word tokenizer's kana/kanji segmentation against plain settled ICU:
// Debian's Chinese and Japanese manual pages, random text built to stress
// the dictionary engine, the same text cut into units and at forced cuts,
// and hand-picked cases. Token spans (offset and bytes) must be identical.
#include <catch2/catch.hpp>
#include <unicode/utf8.h>
#include <zlib.h>

#include <cstdint>
#include <filesystem>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "support/cjk_text.h"
#include "support/dictionary_exactness.h"
#include "support/word_exactness.h"
#include "tokenize/word_class.h"
#include "vocabcount/options.h"

namespace vocabcount::internal {
namespace {

using testing::SettledIcuSpans;
using testing::SpanDifference;
using testing::Spans;
using testing::WordSpans;

// ICU split a run of kana and kanji where two such tokens touch.
std::size_t KanaKanjiSplits(const Spans& spans) {
  return testing::DictionarySplits(spans, IsKanaKanjiCodePoint);
}

bool StartsKanaKanji(std::string_view token) {
  return testing::StartsRun(token, IsKanaKanjiCodePoint);
}

// The directories of gzipped manual pages, as the build gives them.
std::vector<std::string> ManPageDirectories() {
  std::vector<std::string> directories;
  std::istringstream list(VOCABCOUNT_CJK_MAN_DIRS);
  for (std::string directory; std::getline(list, directory, ':');) {
    if (!directory.empty()) directories.push_back(directory);
  }
  return directories;
}

std::string Gunzip(const std::filesystem::path& path) {
  gzFile file = gzopen(path.c_str(), "rb");
  INFO(path.string() << ": cannot open");
  REQUIRE(file != nullptr);
  std::string text;
  char buffer[1 << 16];
  int read;
  while ((read = gzread(file, buffer, sizeof buffer)) > 0) {
    text.append(buffer, static_cast<std::size_t>(read));
  }
  int error = Z_OK;
  const std::string message = read < 0 ? gzerror(file, &error) : "";
  gzclose(file);
  INFO(path.string() << ": " << message);
  REQUIRE(read == 0);
  return text;
}

TEST_CASE("Word tokens equal ICU's on Debian's Chinese and Japanese manual pages", "[exactness]") {
  INFO("directories (Debian packages manpages-ja, manpages-zh): " VOCABCOUNT_CJK_MAN_DIRS);
  auto tokenizer = testing::NewWordTokenizer();
  std::size_t files = 0, bytes = 0, tokens = 0, kana_kanji_tokens = 0, splits = 0;
  for (const std::string& directory : ManPageDirectories()) {
    std::size_t files_here = 0;
    for (const auto& path : testing::RegularFilesUnder(directory, ".gz")) {
      const std::string text = Gunzip(path);
      const Spans icu = testing::CompareWholeText(*tokenizer, path.string(), text);
      ++files_here;
      bytes += text.size();
      tokens += icu.size();
      for (const auto& span : icu) kana_kanji_tokens += StartsKanaKanji(span.second) ? 1 : 0;
      splits += KanaKanjiSplits(icu);
    }
    INFO(directory);
    CHECK(files_here >= 100);
    files += files_here;
  }
  // So that missing packages or a wrong directory cannot pass unnoticed.
  INFO("a dpkg path-exclude for /usr/share/man (as in slim container images) drops the pages");
  REQUIRE(files >= 1000);
  REQUIRE(bytes >= 10'000'000);
  REQUIRE(kana_kanji_tokens >= 100'000);
  REQUIRE(splits >= 10'000);
  SUCCEED(files << " files, " << bytes << " bytes, " << tokens << " tokens (" << kana_kanji_tokens
                << " of kana or kanji, " << splits << " splits of a run) agree");
}

TEST_CASE("Word tokens equal ICU's on random kana and kanji", "[exactness]") {
  std::size_t splits = 0;
  const int rounds = testing::CompareRandomTexts(
      testing::AppendCjkPiece, 72,
      [&](std::string_view, const Spans& icu) { splits += KanaKanjiSplits(icu); });
  // The pieces do make runs that ICU's dictionary splits.
  CHECK(splits >= static_cast<std::size_t>(rounds) / 2);
  SUCCEED(rounds << " random texts agree; ICU split kana/kanji runs " << splits << " times");
}

TEST_CASE("Kana and kanji cut into tiny units at safe cuts give ICU's tokens", "[exactness]") {
  testing::CompareTinyUnits(testing::AppendCjkPiece, 7272);
}

// Whether `piece` is made only of kana, kanji and, if `punctuation`, the
// ideographic comma, full stop and ditto mark (which end runs).
bool AllKanaKanji(std::string_view piece, bool punctuation = true) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(piece.data());
  const auto length = static_cast<std::int32_t>(piece.size());
  for (std::int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0 || !(IsKanaKanjiCodePoint(c) || (punctuation && c >= 0x3001 && c <= 0x3003))) {
      return false;
    }
  }
  return true;
}

TEST_CASE("Kana and kanji across forced cuts count as plain ICU counts each piece",
          "[exactness][long_tokens]") {
  // Text with no space, control or line feed at all: the chunk reader must
  // force cuts (every stretch_bytes), inside runs of kanji; each piece between
  // them is tokenized on its own, and a token touching a cut is left out
  // (support/reference_ngrams.h, as in the n-gram forced-cut test). First
  // kana and kanji only, so that units start and end inside runs the
  // segmenter splits; then with everything else that has no cut.
  std::mt19937_64 random(2026);
  auto choose = [&](std::uint32_t bound) { return static_cast<std::uint32_t>(random() % bound); };
  for (bool kana_kanji_only : {true, false}) {
    std::string text;
    while (text.size() < Options().stretch_bytes() * 9 / 4) {
      std::string piece;
      testing::AppendCjkPiece(choose, false, piece);
      if (!kana_kanji_only || AllKanaKanji(piece)) text += piece;
    }
    INFO((kana_kanji_only ? "kana and kanji" : "mixed"));
    testing::CompareCountsAcrossForcedCuts(text);
  }
}

TEST_CASE("Word tokens equal ICU's on one run of kana and kanji a megabyte long", "[exactness]") {
  // Costs add up over the whole run, and every offset is far from its start.
  std::mt19937_64 random(1);
  auto choose = [&](std::uint32_t bound) { return static_cast<std::uint32_t>(random() % bound); };
  std::string text = "start ";
  while (text.size() < (std::size_t{1} << 20)) {
    std::string piece;
    testing::AppendCjkPiece(choose, false, piece);
    if (AllKanaKanji(piece, false)) text += piece;
  }
  text += " end";
  auto tokenizer = testing::NewWordTokenizer();
  const Spans icu = SettledIcuSpans(text);
  CHECK(SpanDifference(text, icu, WordSpans(*tokenizer, text)) == "");
  CHECK(KanaKanjiSplits(icu) > 100'000);
}

// `count` katakana that make no dictionary word together, and halfwidth ones.
std::string KatakanaRun(int count, bool halfwidth = false) {
  static const std::u32string_view kFull = U"ヌヘロヰヱヲヴヵヶヷヸヹヺネメレ";
  static const std::u32string_view kHalf = U"ﾇﾍﾛｦﾈﾒﾚｱｲｳｴｵ";
  const std::u32string_view letters = halfwidth ? kHalf : kFull;
  std::string run;
  for (int i = 0; i < count; ++i) {
    testing::AppendUtf8(run, static_cast<UChar32>(letters[i % letters.size()]));
  }
  return run;
}

TEST_CASE("Word tokens equal ICU's on hand-picked kana and kanji", "[exactness]") {
  // clang-format off
  std::vector<std::string> texts = {
      // Dictionary words, and a sentence of them.
      "東京タワーに行きました", "中华人民共和国", "資料夾", "コーヒーを飲む",
      // Halfwidth katakana with voicing marks, which NFKC composes.
      "ｶﾞｷﾞ", "ｶﾞ", "ﾞ", "ﾞｶ", "漢ｶﾞｷﾞ字", "ｰｶﾌｪ",
      // Squared and circled katakana, squared kana, era names (NFKC expands them).
      "㌀㌁", "㋐㋑", "🈀", "🈀🈀", "東🈀", "㍻",
      // Compatibility ideographs, Kangxi radicals, Hangzhou numerals (NFKC).
      "\uF900\uF901", "豈更", "⼀⼆", "⼀", "〸〹〺",
      // Han that is no word alone (radicals, iteration and closing marks).
      "々", "々々", "⺀", "⺀⺀", "々⺀", "⺀々", "〆〆", "〻", "〇〇",
      // Supplementary ideographs and kana.
      "\U00020000", "\U0002A6D6\U00020000", "漢\U00020000字", "\U0001B000",
      // Prolonged sound and iteration marks; the first texts a fresh ICU
      // iterator segments by its history.
      "ー", "ｰ", "ーー", "カー", "ｶｰ", "ー東京", "ーコーヒー", "〱", "゛ー", "ゝ", "ヽヾ", "ゟ", "ヿ",
      // Marks and format characters that attach to a run (ICU's side).
      "漢\u0301字", "カ\u3099", "か\u3099き", "\u3099か", "漢\uFE00字", "葛\U000E0100城",
      "東京\u200D大阪", "東京\u00AD",
      // Neighbours that join with a run, or do not.
      "カ_タ", "東_京", "東＿京", "a東京", "東京1", "１東京", "Ａ東京", "東'京", "東.京", "東：京",
      "東・京", "タ・タ"};
  // clang-format on
  for (int length : {1, 19, 20, 21, 40}) {
    texts.push_back(KatakanaRun(length));
    texts.push_back(KatakanaRun(length, true));
    texts.push_back("漢" + KatakanaRun(length) + "字");
    texts.push_back(KatakanaRun(length) + "ー");
  }
  testing::CompareHandPicked(texts);
}

}  // namespace
}  // namespace vocabcount::internal
