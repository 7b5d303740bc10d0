// Tokens counted as they are and normalized once per distinct token give the
// counts of normalizing every occurrence: against a table built one
// occurrence at a time, and end to end against the ICU reference, with
// hand-overs and spills in between.
#include <catch2/catch.hpp>

#include <map>
#include <random>
#include <string>

#include "count/normalize_counts.h"
#include "support/reference_ngrams.h"
#include "support/test_support.h"
#include "table/counter.h"
#include "tokenize/normalize.h"

namespace vocabcount::internal {
namespace {

struct Mapping {
  CaseMapping case_mapping;
  Normalization normalization;
  const char* name;
};

constexpr Mapping kMappings[] = {
    {CaseMapping::kLower, Normalization::kNone, "lower"},
    {CaseMapping::kFold, Normalization::kNone, "casefold"},
    {CaseMapping::kNone, Normalization::kNfc, "nfc"},
    {CaseMapping::kFold, Normalization::kNfkc, "casefold nfkc"},
    {CaseMapping::kLower, Normalization::kNfc, "lower nfc"},
};

// Tokens that map onto each other: case pairs, ß (folds to two letters), a
// ligature and full-width letters (NFKC), precomposed and combining accents
// (NFC), and tokens long enough to live in a table's arena.
const std::vector<std::string>& Tokens() {
  static const std::vector<std::string> tokens = {
      "The", "THE", "the", "Straße", "STRASSE", "strasse", "ﬁne", "fine", "ＡＢＣ", "abc",
      "caf\u00e9", "cafe\u0301", "CAF\u00c9", "ΟΔΟΣ", "οδος", "İstanbul", "istanbul",
      "A-Token-Longer-Than-Sixteen-Bytes", "a-token-longer-than-sixteen-bytes", "x"};
  return tokens;
}

TEST_CASE("Normalizing distinct tokens sums the counts of tokens that map together",
          "[normalize_counts]") {
  std::mt19937 random(21);
  for (const Mapping& mapping : kMappings) {
    auto normalizer = TokenNormalizer::Create(mapping.case_mapping, mapping.normalization);
    REQUIRE(normalizer.ok());
    std::vector<std::string> stream;
    std::map<std::string, std::uint64_t> expected;
    for (int i = 0; i < 5000; ++i) {
      stream.push_back(Tokens()[random() % Tokens().size()]);
      ++expected[std::string(*normalizer->Apply(stream.back()))];
    }
    TokenCounter counter;
    for (const std::string& token : stream) counter.AddSoon(token);
    REQUIRE(NormalizeCounts(counter, *normalizer).ok());
    INFO(mapping.name);
    CHECK(counter.distinct() == expected.size());
    std::map<std::string, std::uint64_t> got;
    counter.Drain([&](std::string_view token, std::uint64_t count) { got.emplace(token, count); });
    CHECK(got == expected);
  }
}

TEST_CASE("Only ASCII without capitals is known to be kept by every mapping",
          "[normalize_counts]") {
  for (const Mapping& mapping : kMappings) {
    auto normalizer = TokenNormalizer::Create(mapping.case_mapping, mapping.normalization);
    REQUIRE(normalizer.ok());
    for (std::string_view token : {"the", "don't", "x1", "Hello", "é", "ﬁ", "ABC"}) {
      const bool kept = normalizer->Keeps(token);
      INFO(mapping.name << ": " << token);
      CHECK(kept == (token == "the" || token == "don't" || token == "x1"));
      if (kept) CHECK(*normalizer->Apply(token) == token);
    }
  }
}

TEST_CASE("Normalized counts equal the reference's at any thread count and budget",
          "[normalize_counts][determinism]") {
  std::string corpus;
  for (const std::string& path : testing::CorpusTexts()) corpus += testing::ReadFile(path);
  std::mt19937 random(22);
  for (int i = 0; i < 3000; ++i) corpus += Tokens()[random() % Tokens().size()] + (i % 9 ? " " : "\n");
  for (const Mapping& mapping : kMappings) {
    for (TokenizerKind tokenizer : {TokenizerKind::kWord, TokenizerKind::kWhitespace}) {
      Options options;
      options.tokenizer = tokenizer;
      options.case_mapping = mapping.case_mapping;
      options.normalization = mapping.normalization;
      testing::ReferenceCounts counts;
      testing::ReferenceCountNgrams(corpus, options, counts);
      const std::string expected = testing::ReferenceTsv(counts);
      for (int threads : {1, 2, 5}) {
        for (std::size_t chunk : {std::size_t{4096}, std::size_t{1} << 20}) {
          options.threads = threads;
          options.chunk_bytes = chunk;
          INFO(mapping.name << ", " << (tokenizer == TokenizerKind::kWord ? "word" : "whitespace")
                            << ", " << threads << " threads, chunk " << chunk);
          CHECK(testing::CountTextTsv(corpus, options) == expected);
        }
      }
    }
  }
}

}  // namespace
}  // namespace vocabcount::internal
