// The tokenizers on text in many scripts. Expected tokens are worked out from
// the UAX #29 rules (and, for dictionary scripts, from the words' meaning).
#include <unicode/uvernum.h>

#include <catch2/catch.hpp>

#include "count/pipeline.h"
#include "support/test_support.h"
#include "tokenize/tokenize.h"

namespace vocabcount::testing {
namespace {

using Words = std::vector<std::string>;

Words TokensWith(std::string_view text, internal::DictionaryEngines engines) {
  auto tokenizer = internal::MakeTokenizer(TokenizerKind::kWord, engines);
  REQUIRE(tokenizer.ok());
  Words tokens;
  const absl::Status status = (*tokenizer)->Tokenize(
      text, [&](std::string_view token) { tokens.emplace_back(token); });
  REQUIRE(status.ok());
  return tokens;
}

TEST_CASE("English: contractions, decimals, abbreviations and joiners", "[tokenize]") {
  CHECK(Tokens("Don't stop: it's 3.14, not 1,000.5 e.g. U.S.A. rock'n'roll") ==
        Words{"Don't", "stop", "it's", "3.14", "not", "1,000.5", "e.g", "U.S.A", "rock'n'roll"});
  CHECK(Tokens("state-of-the-art snake_case x86 42nd ...") ==
        Words{"state", "of", "the", "art", "snake_case", "x86", "42nd"});
  CHECK(Tokens("can\u2019t won't") == Words{"can\u2019t", "won't"});
}

TEST_CASE("German, French, Russian and Greek words", "[tokenize]") {
  CHECK(Tokens("Die Straße führt über große Brücken.") ==
        Words{"Die", "Straße", "führt", "über", "große", "Brücken"});
  CHECK(Tokens("L'homme est allé à l'école aujourd'hui.") ==
        Words{"L'homme", "est", "allé", "à", "l'école", "aujourd'hui"});
  CHECK(Tokens("Ёжик в тумане, 2024 год.") == Words{"Ёжик", "в", "тумане", "2024", "год"});
  CHECK(Tokens("Η ΟΔΟΣ είναι μακριά.") == Words{"Η", "ΟΔΟΣ", "είναι", "μακριά"});
}

TEST_CASE("Arabic, Hebrew and Hindi words", "[tokenize]") {
  CHECK(Tokens("مرحبا بالعالم ١٢٣") == Words{"مرحبا", "بالعالم", "١٢٣"});
  // Gershayim and an ASCII double quote inside a Hebrew abbreviation join it.
  CHECK(Tokens("שלום עולם צה״ל צה\"ל") == Words{"שלום", "עולם", "צה״ל", "צה\"ל"});
  // Vowel signs and the virama are combining marks inside the word.
  CHECK(Tokens("नमस्ते दुनिया") == Words{"नमस्ते", "दुनिया"});
}

TEST_CASE("Korean, Japanese, Chinese and Thai words", "[tokenize]") {
  CHECK(Tokens("안녕하세요 세계") == Words{"안녕하세요", "세계"});
  // Dictionary scripts: ICU splits runs without spaces into words.
  CHECK(Tokens("我爱北京天安门") == Words{"我", "爱", "北京", "天安门"});
  CHECK(Tokens("สวัสดีครับ") == Words{"สวัสดี", "ครับ"});
  // ICU's dictionary knows the name of the tower as one word.
  CHECK(Tokens("東京タワーは高い") == Words{"東京タワー", "は", "高い"});
}

TEST_CASE("Emoji are not words, but stay whole in whitespace mode", "[tokenize]") {
  const std::string text = "👩‍💻 codes 👍🏽 🇫🇷🇩🇪 1️⃣";
  // A keycap is a digit with marks (Extend), so it is a number (rule WB4).
  CHECK(Tokens(text) == Words{"codes", "1️⃣"});
  CHECK(Tokens(text, TokenizerKind::kWhitespace) ==
        Words{"👩‍💻", "codes", "👍🏽", "🇫🇷🇩🇪", "1️⃣"});
}

TEST_CASE("Combining marks stay with their base", "[tokenize]") {
  CHECK(Tokens("cafe\u0301 na\u0308ive") == Words{"cafe\u0301", "na\u0308ive"});
  CHECK(Tokens("cafe\u0301 na\u0308ive", TokenizerKind::kWhitespace) ==
        Words{"cafe\u0301", "na\u0308ive"});
}

TEST_CASE("Ill-formed UTF-8 separates tokens and is never part of one", "[tokenize]") {
  // A stray continuation byte, a byte that never occurs in UTF-8, an overlong
  // form, a surrogate, and a sequence cut short at the end.
  const std::string text = "ab\x80" "cd\xFF" "ef\xC0\xAF" "gh\xED\xA0\x80" "ij\xE2\x82";
  const Words expected{"ab", "cd", "ef", "gh", "ij"};
  CHECK(Tokens(text) == expected);
  CHECK(Tokens(text, TokenizerKind::kWhitespace) == expected);
}

TEST_CASE("CR, LF, CRLF, NUL and other controls separate tokens", "[tokenize]") {
  constexpr char kBytes[] = "one\r\ntwo\rthree\nfour\0five\x01six";
  const std::string text(kBytes, sizeof kBytes - 1);
  const Words expected{"one", "two", "three", "four", "five", "six"};
  CHECK(Tokens(text) == expected);
  CHECK(Tokens(text, TokenizerKind::kWhitespace) == expected);
}

TEST_CASE("Whitespace mode: Unicode spaces separate, punctuation stays", "[tokenize]") {
  CHECK(Tokens("Hello, world!  foo\tbar\u00A0baz\u3000qux\u0085quux\u2028end",
               TokenizerKind::kWhitespace) ==
        Words{"Hello,", "world!", "foo", "bar", "baz", "qux", "quux", "end"});
  // A zero width space is a format character, not White_Space.
  CHECK(Tokens("a\u200Bb c", TokenizerKind::kWhitespace) == Words{"a\u200Bb", "c"});
  // C1 controls are Cc.
  CHECK(Tokens("a\u0080b\u009Fc", TokenizerKind::kWhitespace) == Words{"a", "b", "c"});
}

TEST_CASE("A byte order mark opens an input but is not a token", "[tokenize]") {
  CHECK(CountTextTsv("\xEF\xBB\xBFword word") == "word\t2\n");
  Options whitespace;
  whitespace.tokenizer = TokenizerKind::kWhitespace;
  CHECK(CountTextTsv("\xEF\xBB\xBFword word", whitespace) == "word\t2\n");
}

TEST_CASE("Empty and separator-only text have no tokens", "[tokenize]") {
  for (TokenizerKind kind : {TokenizerKind::kWord, TokenizerKind::kWhitespace}) {
    CHECK(Tokens("", kind).empty());
    CHECK(Tokens(" \t\r\n\u3000 ", kind).empty());
  }
  CHECK(Tokens("... --- !!!").empty());
}

TEST_CASE("ICU's BreakIterator splits dictionary scripts as the native engines do",
          "[tokenize]") {
  for (const char* name : {"chinese.txt", "japanese.txt", "thai.txt", "mixed.txt"}) {
    const std::string text = ReadFile(std::string(VOCABCOUNT_CORPUS_DIR) + "/" + name);
    INFO(name);
    const Words native = TokensWith(text, internal::DictionaryEngines::kNative);
    CHECK(native.size() > 50);
    CHECK(TokensWith(text, internal::DictionaryEngines::kIcu) == native);
  }
}

TEST_CASE("The native engines are used by word counts on the ICU they were written for",
          "[tokenize]") {
  // This build's ICU is Debian 12's ICU 72, the one they copy; on another,
  // word counts fall back to ICU's BreakIterator.
  const bool written_for_this_icu = U_ICU_VERSION_MAJOR_NUM == 72;
  CHECK(written_for_this_icu == (internal::DefaultDictionaryEngines() ==
                                 internal::DictionaryEngines::kNative));
  const CountReport word = CountText("我爱北京天安门 สวัสดีครับ", {});
  REQUIRE(word.ok());
  CHECK(word.stats.native_segmenters == written_for_this_icu);
  const CountReport whitespace =
      CountText("我爱北京天安门 สวัสดีครับ", {.tokenizer = TokenizerKind::kWhitespace});
  REQUIRE(whitespace.ok());
  CHECK_FALSE(whitespace.stats.native_segmenters);
}

// ICU's data cannot be taken away from this build (Debian links it into
// libicudata, which ICU_DATA does not override): the probe is checked to pass
// here, and a failing one stands in for missing data.
TEST_CASE("ICU's data is probed before any input is read; a failed probe fails the run",
          "[tokenize]") {
  for (const TokenizerKind kind :
       {TokenizerKind::kWord, TokenizerKind::kWhitespace, TokenizerKind::kGpt2}) {
    for (const auto engines :
         {internal::DictionaryEngines::kNative, internal::DictionaryEngines::kIcu}) {
      CHECK(internal::ProbeIcuData(kind, engines).ok());
    }
  }
  const CountReport report = internal::CountTextProbing(
      "東京タワーは高い a b a", {}, [](TokenizerKind, internal::DictionaryEngines) {
        return absl::InternalError(
            "ICU: cannot create word break iterator: U_MISSING_RESOURCE_ERROR");
      });
  CHECK_FALSE(report.finished);
  CHECK(report.vocabulary.empty());
  CHECK(report.stats.bytes == 0);  // nothing was read
  REQUIRE(report.errors.size() == 1);
  CHECK(report.errors[0].ToString() ==
        "ICU: cannot create word break iterator: U_MISSING_RESOURCE_ERROR");
  CHECK(internal::CountTextProbing("a b a", {}, internal::ProbeIcuData).ok());
}

}  // namespace
}  // namespace vocabcount::testing
