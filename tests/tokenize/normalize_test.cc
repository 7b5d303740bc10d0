// Token normalization: Python-compatible case mapping, Normalizer2, their
// order, and agreement with ICU's UnicodeString case functions.
#include <catch2/catch.hpp>

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include "support/test_support.h"
#include "tokenize/normalize.h"

namespace vocabcount::internal {
namespace {

std::string Apply(CaseMapping case_mapping, Normalization normalization, std::string_view token) {
  auto normalizer = TokenNormalizer::Create(case_mapping, normalization);
  REQUIRE(normalizer.ok());
  auto result = normalizer->Apply(token);
  REQUIRE(result.ok());
  return std::string(*result);
}

TEST_CASE("Lowercasing is full and context-sensitive, like str.lower()", "[normalize]") {
  CHECK(Apply(CaseMapping::kLower, Normalization::kNone, "ΟΔΟΣ") == "οδος");  // final ς
  CHECK(Apply(CaseMapping::kLower, Normalization::kNone, "ΣΟΦΟΣ") == "σοφος");
  CHECK(Apply(CaseMapping::kLower, Normalization::kNone, "İstanbul") == "i\u0307stanbul");
  CHECK(Apply(CaseMapping::kLower, Normalization::kNone, "Straße") == "straße");
  CHECK(Apply(CaseMapping::kLower, Normalization::kNone, "HELLO") == "hello");
  CHECK(Apply(CaseMapping::kLower, Normalization::kNone, "ЁЖИК") == "ёжик");
}

TEST_CASE("Case folding is full, like str.casefold()", "[normalize]") {
  CHECK(Apply(CaseMapping::kFold, Normalization::kNone, "Straße") == "strasse");
  CHECK(Apply(CaseMapping::kFold, Normalization::kNone, "ΟΔΟΣ") == "οδοσ");
  CHECK(Apply(CaseMapping::kFold, Normalization::kNone, "ﬁne") == "fine");
  CHECK(Apply(CaseMapping::kFold, Normalization::kNone, "MIXED Case") == "mixed case");
}

TEST_CASE("NFC composes, NFKC also folds compatibility forms", "[normalize]") {
  CHECK(Apply(CaseMapping::kNone, Normalization::kNfc, "cafe\u0301") == "café");
  CHECK(Apply(CaseMapping::kNone, Normalization::kNfc, "ﬁ") == "ﬁ");
  CHECK(Apply(CaseMapping::kNone, Normalization::kNfkc, "ﬁ①") == "fi1");
  CHECK(Apply(CaseMapping::kNone, Normalization::kNfkc, "ascii") == "ascii");
}

TEST_CASE("Case mapping comes before normalization", "[normalize]") {
  // Decomposed capital E with acute: lowercased, then composed.
  CHECK(Apply(CaseMapping::kLower, Normalization::kNfc, "E\u0301TE\u0301") == "été");
  CHECK(Apply(CaseMapping::kFold, Normalization::kNfkc, "ＦＵＬＬ") == "full");
}

TEST_CASE("Lowercasing and folding agree with UnicodeString on corpus tokens", "[normalize]") {
  auto lower = TokenNormalizer::Create(CaseMapping::kLower, Normalization::kNone);
  auto fold = TokenNormalizer::Create(CaseMapping::kFold, Normalization::kNone);
  REQUIRE(lower.ok());
  REQUIRE(fold.ok());
  std::size_t checked = 0;
  for (const std::string& path : testing::CorpusTexts()) {
    for (const std::string& token : testing::Tokens(testing::ReadFile(path))) {
      const auto utf16 = icu::UnicodeString::fromUTF8(token);
      std::string expected_lower, expected_fold;
      icu::UnicodeString(utf16).toLower(icu::Locale::getRoot()).toUTF8String(expected_lower);
      icu::UnicodeString(utf16).foldCase().toUTF8String(expected_fold);
      INFO(path << ": " << token);
      CHECK(std::string(*lower->Apply(token)) == expected_lower);
      CHECK(std::string(*fold->Apply(token)) == expected_fold);
      ++checked;
    }
  }
  CHECK(checked > 1000);
}

}  // namespace
}  // namespace vocabcount::internal
