// The fast word path against plain ICU: on every line of Unicode's own
// WordBreakTest.txt, and on random text over a rich alphabet. Token spans
// (offset and bytes) must be identical.
#include <catch2/catch.hpp>

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <fstream>
#include <memory>
#include <random>
#include <set>
#include <sstream>

#include "support/icu_spans.h"
#include "support/word_exactness.h"
#include "tokenize/icu_word_iterator.h"

namespace vocabcount::internal {
namespace {

using testing::AppendUtf8;
using testing::DifferenceFromIcu;
using testing::SettledIcuSpans;
using testing::ShowSpans;
using testing::Spans;

TEST_CASE("Fast word path equals ICU on every line of WordBreakTest.txt", "[exactness]") {
  std::ifstream file(VOCABCOUNT_WORD_BREAK_TEST);
  INFO("Unicode's conformance file (Debian package unicode-data): " VOCABCOUNT_WORD_BREAK_TEST);
  REQUIRE(file.is_open());
  auto tokenizer = testing::NewWordTokenizer();
  int lines = 0;
  std::string line;
  while (std::getline(file, line)) {
    line = line.substr(0, line.find('#'));
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    // "÷ 0041 × 0308 ÷": code points in hex between break markers.
    std::string text;
    std::istringstream fields(line);
    for (std::string field; fields >> field;) {
      if (field != "\xC3\xB7" && field != "\xC3\x97") AppendUtf8(text, std::stoi(field, nullptr, 16));
    }
    INFO("line: " << line);
    CHECK(DifferenceFromIcu(*tokenizer, text) == "");
    // The same text between words, so that the fast path sees it mid-line.
    const std::string framed = "ab " + text + " cd\n" + text;
    CHECK(DifferenceFromIcu(*tokenizer, framed) == "");
    ++lines;
  }
  CHECK(lines > 1800);
}

// Pieces for random text: every class the fast path knows, everything it
// hands to ICU, and the pairs where ICU's rules have quirks.
const std::vector<std::string>& Alphabet() {
  static const std::vector<std::string> pieces = {
      "a", "Z", "q", "7", "0", " ", " ", "  ", "\n", "\r\n", "\r", "\t", "'", "\"", ".", ",", ";",
      ":", "_", "-", "@", "/", "!", "?", "(", "\xC2\xA0",  // no-break space
      "é", "e\u0301", "\u0301", "\u0308", "ß", "Ω", "ς", "Привет", "ё", "Ӂ", "\u0483", "ǅ", "ڪ", "\xD0", "Ωμέγα", "ا", "١٢", "\u064E",
      "नमस्ते", "\u093F", "ש", "שלום", "״", "׳", "\u05B0", "한", "국어", "\u1100", "\u11A8", "ㄱ",
      "東京", "は", "カタカナ", "ー", "ｶ", "ไทย", "ภาษา", "\u0E31", "ລາວ", "ខ្មែរ", "မြန်",
      "\u200D", "\u200B", "\u00AD", "\uFEFF", "\u2060", "👩", "👍🏽", "🏽", "🇫", "🇷", "1\uFE0F\u20E3",
      "❤", "\uFE0F", "©", "\u2019", "\u00B7", "\u0387", "\uFF0E", "\uFE55", "\uFF1A", "\u202F",
      "\u3000", "\u2028", "\u0085", "\x0B", "\x0C", "𝐀", "𝟏", "𐐀", "\u2070", "²", "½", "\u3031",
      "\xFF", "\x80", "\xC3", "\xE2\x82", "\xED\xA0\x80", "\xF0\x9F\x98", std::string(1, '\0')};
  return pieces;
}

TEST_CASE("The settling text covers every script ICU hands to dictionaries", "[exactness]") {
  // ICU's $dictionary set: Complex_Context line breaking, Han, Hiragana,
  // Katakana (script or word-break class), Hangul syllables.
  std::set<UScriptCode> needed;
  for (UChar32 c = 0; c <= 0x10FFFF; ++c) {
    if (u_charType(c) == U_UNASSIGNED) continue;
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(c, &status);
    if (u_getIntPropertyValue(c, UCHAR_LINE_BREAK) == U_LB_COMPLEX_CONTEXT ||
        u_getIntPropertyValue(c, UCHAR_WORD_BREAK) == U_WB_KATAKANA ||
        (c >= 0xAC00 && c <= 0xD7A3) || script == USCRIPT_HAN || script == USCRIPT_HIRAGANA ||
        script == USCRIPT_KATAKANA) {
      needed.insert(script);
    }
  }
  std::set<UScriptCode> covered;
  const icu::UnicodeString settling = icu::UnicodeString::fromUTF8(SettlingText());
  for (int32_t i = 0; i < settling.length(); i = settling.moveIndex32(i, 1)) {
    UErrorCode status = U_ZERO_ERROR;
    if (settling.char32At(i) != ' ') covered.insert(uscript_getScript(settling.char32At(i), &status));
  }
  CHECK(covered == needed);
}

TEST_CASE("A settled iterator does not depend on what it segmented before", "[exactness]") {
  // Texts whose segmentation by a fresh ICU iterator depends on history.
  const std::vector<std::string> texts = {"ー東京", "〱", "ーコーヒー", "゛ー", "ｰｶﾌｪ",
                                          "゠ー東", "ꪀꪁ", "ไทย", "コーヒーを飲む", "안녕"};
  std::vector<Spans> expected;
  for (const std::string& text : texts) expected.push_back(SettledIcuSpans(text));
  std::mt19937 random(3);
  for (int round = 0; round < 200; ++round) {
    auto settled = NewSettledWordIterator();
    REQUIRE(settled.ok());
    for (int k = 0; k < 5; ++k) {
      const std::size_t which = random() % texts.size();
      const std::string& text = texts[which];
      const Spans spans = testing::IcuWordSpans(**settled, text);
      INFO(text);
      REQUIRE(ShowSpans(spans) == ShowSpans(expected[which]));
    }
  }
}

TEST_CASE("Fast word path equals ICU where ICU's UTF-8 and UTF-16 disagree", "[exactness]") {
  // Found by the fuzzer: a mark, two Khmer letters, an ill-formed byte. ICU
  // gives one word over UTF-16 and two over UTF-8 text access.
  const std::string text = "\xcc\xa1\xe1\x9e\xa1\xe1\x9e\xa2\xd8\x21\x20\x2c\x6f\x0a";
  auto tokenizer = testing::NewWordTokenizer();
  CHECK(DifferenceFromIcu(*tokenizer, text) == "");
  CHECK(ShowSpans(SettledIcuSpans(text)) == "2:[\xe1\x9e\xa1\xe1\x9e\xa2] 12:[o] ");
}

TEST_CASE("Fast word path equals ICU on random text", "[exactness]") {
  const int rounds = testing::ExactnessRounds(20000);
  std::mt19937_64 random = testing::ExactnessRandom(20261123);
  const auto& alphabet = Alphabet();
  auto tokenizer = testing::NewWordTokenizer();
  for (int round = 0; round < rounds; ++round) {
    std::string text;
    const int length = static_cast<int>(random() % 24) + 1;
    for (int i = 0; i < length; ++i) text += alphabet[random() % alphabet.size()];
    const std::string difference = DifferenceFromIcu(*tokenizer, text);
    if (!difference.empty()) {
      INFO("round " << round);
      REQUIRE(difference == "");
    }
  }
  SUCCEED(rounds << " random texts agree");
}

}  // namespace
}  // namespace vocabcount::internal
