// Edge cases of size and position: huge tokens, empty and blank inputs, no
// final line end, and multi-byte or ill-formed sequences right at a cut.
#include <catch2/catch.hpp>

#include "support/reference_counter.h"
#include "support/test_support.h"

namespace vocabcount::testing {
namespace {

Options WithChunk(std::size_t chunk, TokenizerKind kind = TokenizerKind::kWord) {
  Options options;
  options.chunk_bytes = chunk;
  options.tokenizer = kind;
  return options;
}

TEST_CASE("A 10 MB token with no separator is counted once, whole, under a limit above it",
          "[boundary]") {
  const std::string token(10 << 20, 'a');
  const std::string expected = token + "\t2\nx\t1\ny\t1\n";
  for (TokenizerKind kind : {TokenizerKind::kWord, TokenizerKind::kWhitespace}) {
    for (std::size_t chunk : {1, 1 << 20}) {
      Options options = WithChunk(chunk, kind);
      options.max_token_bytes = Options::kMaxTokenBytesLimit;
      const std::string tsv = CountTextTsv("x " + token + " y\n" + token, options);
      // Not CHECK(tsv == expected): a failure would print both 10 MB strings.
      const bool counted_whole = tsv == expected;
      CHECK(counted_whole);
      // Under the default limit it is left out, both times.
      const std::string limited = CountTextTsv("x " + token + " y\n" + token, WithChunk(chunk, kind));
      CHECK(limited == "x\t1\ny\t1\n");
    }
  }
}

TEST_CASE("Empty and blank inputs give an empty vocabulary", "[boundary]") {
  for (TokenizerKind kind : {TokenizerKind::kWord, TokenizerKind::kWhitespace}) {
    for (const char* text : {"", " ", "\n\n\n", " \t\r\n \u3000\u00A0 "}) {
      const CountReport report = CountTextForTest(text, WithChunk(1, kind));
      CHECK(report.ok());
      CHECK(report.vocabulary.empty());
      CHECK(report.stats.inputs == 1);
      CHECK(report.stats.bytes == std::string_view(text).size());
    }
  }
}

TEST_CASE("The last token counts without a final line end", "[boundary]") {
  CHECK(CountTextTsv("one two\nthree") == "one\t1\nthree\t1\ntwo\t1\n");
  CHECK(CountTextTsv("one two\nthree", WithChunk(1, TokenizerKind::kWhitespace)) ==
        "one\t1\nthree\t1\ntwo\t1\n");
}

TEST_CASE("Multi-byte characters at every possible cut", "[boundary]") {
  // Every character after a line end or space is multi-byte, a mark, or a
  // joiner, so each candidate cut has one right beside it.
  const std::string text =
      "w\né\n東京\n👍🏽 x\n\u0301a b\u0301 c\u200D👩\nไทย ภาษา\n한국어 \u00A0z\n1\uFE0F\u20E3 end";
  ReferenceCounts counts;
  ReferenceCountWords(text, false, counts);
  const std::string expected = ReferenceTsv(counts);
  for (std::size_t chunk = 1; chunk <= text.size(); ++chunk) {
    INFO("chunk " << chunk);
    CHECK(CountTextTsv(text, WithChunk(chunk)) == expected);
  }
}

TEST_CASE("Ill-formed sequences at every possible cut are found once", "[boundary]") {
  const std::string text = "a\n\x80" "b c\xC3\n\xE2\x82 d\n\xFF\xFE e\n\xF0\x9F\x98";
  const std::uint64_t expected_sequences = ReferenceIllFormedSequences(text);
  REQUIRE(expected_sequences == 6);
  for (std::size_t chunk = 1; chunk <= text.size(); ++chunk) {
    INFO("chunk " << chunk);
    const CountReport report = CountTextForTest(text, WithChunk(chunk));
    CHECK(FormatVocabulary(report.vocabulary, {}) == "a\t1\nb\t1\nc\t1\nd\t1\ne\t1\n");
    REQUIRE(report.ill_formed.size() == 1);
    CHECK(report.ill_formed[0].first_offset == 2);
    CHECK(report.ill_formed[0].sequences == expected_sequences);
  }
}

TEST_CASE("A byte order mark counts as such only at the very start", "[boundary]") {
  CHECK(CountTextTsv("\xEF\xBB\xBFhi\n\xEF\xBB\xBFhi", WithChunk(1)) ==
        ReferenceTsv([] {
          ReferenceCounts counts;
          ReferenceCountWords("\xEF\xBB\xBFhi\n\xEF\xBB\xBFhi", false, counts);
          return counts;
        }()));
  // Not at the start, U+FEFF is a format character that joins the word (WB4).
  CHECK(CountTextTsv("ab\xEF\xBB\xBF" "cd") == "ab\xEF\xBB\xBF" "cd\t1\n");
}

}  // namespace
}  // namespace vocabcount::testing
