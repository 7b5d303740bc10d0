// The synthetic corpus generator: same options, same bytes; exact size; valid
// UTF-8; a Zipf-shaped vocabulary of the requested size.
#include <catch2/catch.hpp>

#include "generate_corpus.h"
#include "input/utf8_scan.h"
#include "support/test_support.h"

namespace vocabcount::testing {
namespace {

using generator::GeneratorOptions;
using generator::Mix;

std::string Generate(const GeneratorOptions& options) {
  std::string text;
  REQUIRE(generator::GenerateCorpus(options, [&](std::string_view block) {
    text += block;
    return true;
  }));
  return text;
}

TEST_CASE("The generator gives the same bytes for the same seed", "[generator]") {
  GeneratorOptions options{.bytes = 200000, .seed = 42, .mix = Mix::kMultilingual};
  const std::string first = Generate(options);
  CHECK(Generate(options) == first);
  options.seed = 43;
  CHECK(Generate(options) != first);
}

TEST_CASE("The generator writes exactly the requested size of valid UTF-8", "[generator]") {
  for (Mix mix : {Mix::kEnglish, Mix::kMultilingual}) {
    for (std::uint64_t bytes : {0, 1, 2, 3, 5, 1000, 123457}) {
      const std::string text = Generate({.bytes = bytes, .mix = mix});
      INFO(bytes << " bytes");
      CHECK(text.size() == bytes);
      CHECK(internal::ScanUtf8(text).bad_sequences == 0);
      if (bytes > 0) CHECK(text.back() == '\n');
    }
  }
}

TEST_CASE("Word frequencies follow the Zipf law over the requested vocabulary", "[generator]") {
  const std::string text =
      Generate({.bytes = 4 << 20, .vocabulary = 500, .zipf_exponent = 1.0});
  Options options;
  options.case_mapping = CaseMapping::kLower;  // some words are Capitalized
  const CountReport report = CountText(text, options);
  REQUIRE(report.ok());
  const Vocabulary& words = report.vocabulary;
  // Every vocabulary word shows up at this size, plus numbers and at most one
  // cut-off word at the end.
  CHECK(words.size() >= 500);
  // With exponent 1, the word of rank r has frequency proportional to 1/r.
  REQUIRE(words.size() > 10);
  const double ratio = static_cast<double>(words[0].count) / static_cast<double>(words[9].count);
  CHECK(ratio > 8.0);
  CHECK(ratio < 12.5);
}

TEST_CASE("Byte counts accept K, M and G suffixes and reject nonsense", "[generator]") {
  CHECK(generator::ParseByteCount("123") == 123u);
  CHECK(generator::ParseByteCount("64K") == 64u << 10);
  CHECK(generator::ParseByteCount("256m") == 256u << 20);
  CHECK(generator::ParseByteCount("1G") == std::uint64_t{1} << 30);
  CHECK_FALSE(generator::ParseByteCount("-1"));
  CHECK_FALSE(generator::ParseByteCount("12Q"));
  CHECK_FALSE(generator::ParseByteCount(""));
}

}  // namespace
}  // namespace vocabcount::testing
