// Tokens over the length limit are left out and tallied, which is compared
// with the plain ICU reference with the same tokens taken out; the loose cuts
// that end units in long stretches change no token; and text too long to hold
// is cut the same way whatever the unit size or thread count.
#include <catch2/catch.hpp>
#include <random>
#include <string>

#include "input/safe_cut.h"
#include "support/reference_counter.h"
#include "support/test_support.h"

namespace vocabcount::testing {
namespace {

ReferenceCounts ReferenceOf(std::string_view text) {
  ReferenceCounts counts;
  ReferenceCountWords(text, false, counts);
  return counts;
}

TEST_CASE("Cutting at a loose cut changes no token, in either tokenizer", "[long_tokens]") {
  std::mt19937 random(8080);
  for (int round = 0; round < 150; ++round) {
    const std::string text = RandomText(random, 40);
    const ReferenceCounts whole = ReferenceOf(text);
    const std::vector<std::string> whole_spaced = Tokens(text, TokenizerKind::kWhitespace);
    for (std::size_t p = 1; p < text.size(); ++p) {
      if (!internal::IsLooseCut(text, p)) continue;
      INFO("round " << round << ", cut at " << p);
      ReferenceCounts parts = ReferenceOf(text.substr(0, p));
      ReferenceCountWords(text.substr(p), false, parts);
      CHECK(parts == whole);
      std::vector<std::string> spaced = Tokens(text.substr(0, p), TokenizerKind::kWhitespace);
      for (std::string& token : Tokens(text.substr(p), TokenizerKind::kWhitespace)) {
        spaced.push_back(std::move(token));
      }
      CHECK(spaced == whole_spaced);
    }
  }
}

// Random text with tokens of many lengths, some of them long runs.
std::string TextWithLongTokens(std::mt19937& random) {
  std::string text = RandomText(random, 30);
  for (int i = 0; i < 6; ++i) {
    const std::size_t length = 1 + random() % 40;
    text += random() % 2 == 0 ? std::string(length, 'x') : std::string();
    for (std::size_t k = 0; k < length / 6; ++k) text += "東京";
    text += RandomText(random, 5);
  }
  return text;
}

TEST_CASE("Tokens longer than the limit are left out and tallied", "[long_tokens]") {
  std::mt19937 random(909);
  for (int round = 0; round < 60; ++round) {
    const std::string text = TextWithLongTokens(random);
    for (std::size_t limit : {1, 3, 8, 20}) {
      ReferenceCounts expected = ReferenceOf(text);
      std::uint64_t left_out = 0;
      for (auto entry = expected.begin(); entry != expected.end();) {
        if (entry->first.size() > limit) {
          left_out += entry->second;
          entry = expected.erase(entry);
        } else {
          ++entry;
        }
      }
      for (std::size_t chunk : {1, 5, 1 << 20}) {
        Options options;
        options.max_token_bytes = limit;
        options.chunk_bytes = chunk;
        options.threads = 2;
        INFO("round " << round << ", limit " << limit << ", chunk " << chunk);
        const CountReport report = CountTextForTest(text, options);
        REQUIRE(report.ok());
        CHECK(FormatVocabulary(report.vocabulary, {}) == ReferenceTsv(expected));
        CHECK(report.stats.long_tokens == left_out);
        CHECK(report.long_tokens.size() == (left_out > 0 ? 1 : 0));
      }
    }
  }
}

TEST_CASE("The warning names where the first long token starts", "[long_tokens]") {
  Options options;
  options.max_token_bytes = 5;
  const CountReport report = CountTextForTest("ab cdefgh ij klmnopq\nrs", options);
  REQUIRE(report.ok());
  CHECK(FormatVocabulary(report.vocabulary, {}) == "ab\t1\nij\t1\nrs\t1\n");
  REQUIRE(report.long_tokens.size() == 1);
  CHECK(report.long_tokens[0].first_offset == 3);
  CHECK(report.long_tokens[0].tokens == 2);

  // The strings of JSON lines are copied out of the input: no offset.
  options.jsonl_field = "text";
  const CountReport jsonl = CountTextForTest("{\"text\":\"ab cdefgh\"}\n", options);
  REQUIRE(jsonl.ok());
  CHECK(FormatVocabulary(jsonl.vocabulary, {}) == "ab\t1\n");
  REQUIRE(jsonl.long_tokens.size() == 1);
  CHECK_FALSE(jsonl.long_tokens[0].first_offset.has_value());
}

TEST_CASE("A token longer than a stretch is left out once; the words around it count",
          "[long_tokens]") {
  const std::string text = "one two " + std::string(3u << 20, 'x') + " two three\n";
  for (std::size_t limit : {std::size_t{100}, Options::kDefaultMaxTokenBytes}) {
    for (std::size_t chunk : {std::size_t{1} << 16, std::size_t{1} << 20, std::size_t{1} << 30}) {
      for (int threads : {1, 2}) {
        Options options;
        options.max_token_bytes = limit;
        options.chunk_bytes = chunk;
        options.threads = threads;
        INFO("limit " << limit << ", chunk " << chunk << ", " << threads << " threads");
        const CountReport report = CountTextForTest(text, options);
        REQUIRE(report.ok());
        CHECK(FormatVocabulary(report.vocabulary, {}) == "two\t2\none\t1\nthree\t1\n");
        CHECK(report.stats.long_tokens == 1);
        REQUIRE(report.long_tokens.size() == 1);
        CHECK(report.long_tokens[0].first_offset == 8);
        // 1 MiB and 2 MiB into the token, and at its end: the space after it
        // comes one byte too late.
        CHECK(report.long_tokens[0].forced_cuts == 3);
      }
    }
  }
}

TEST_CASE("Text with nowhere to cut is cut the same way for any unit size or thread count",
          "[long_tokens]") {
  std::string text;
  while (text.size() < (5u << 20) / 2) text += "東京は日本の首都です。";
  const ReferenceCounts reference = ReferenceOf(text);
  std::uint64_t reference_tokens = 0;
  for (const auto& [token, count] : reference) reference_tokens += count;

  Options options;
  const CountReport first = CountTextForTest(text, options);
  REQUIRE(first.ok());
  // 2.5 MiB with no space: cut twice (every 1 MiB); the token before each cut
  // is taken as too long, the one after it as its continuation.
  CHECK(first.stats.long_tokens == 2);
  REQUIRE(first.long_tokens.size() == 1);
  CHECK(first.long_tokens[0].forced_cuts == 2);
  CHECK(first.stats.tokens >= reference_tokens - 8);
  for (std::size_t chunk : {std::size_t{1}, std::size_t{4096}, std::size_t{1} << 30}) {
    for (int threads : {1, 2}) {
      options.chunk_bytes = chunk;
      options.threads = threads;
      INFO("chunk " << chunk << ", " << threads << " threads");
      const CountReport again = CountTextForTest(text, options);
      REQUIRE(again.ok());
      CHECK(again.vocabulary == first.vocabulary);
      CHECK(again.stats.long_tokens == 2);
    }
  }
}

}  // namespace
}  // namespace vocabcount::testing
