// The comparisons the dictionary exactness tests share (see
// dictionary_exactness.h).
#include "support/dictionary_exactness.h"

#include <catch2/catch.hpp>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "support/engine_spans.h"
#include "support/forced_cuts.h"
#include "support/reference_ngrams.h"
#include "support/test_support.h"
#include "support/word_exactness.h"
#include "vocabcount/write.h"

namespace vocabcount::testing {

bool StartsRun(std::string_view token, InRun in_run) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(token.data());
  std::int32_t i = 0;
  UChar32 c;
  U8_NEXT(bytes, i, static_cast<std::int32_t>(token.size()), c);
  return c >= 0 && in_run(c);
}

std::size_t DictionarySplits(const Spans& spans, InRun in_run) {
  std::size_t splits = 0;
  for (std::size_t k = 1; k < spans.size(); ++k) {
    const auto& [offset, token] = spans[k];
    const auto& [previous_offset, previous] = spans[k - 1];
    if (previous_offset + previous.size() == offset && StartsRun(previous, in_run) &&
        StartsRun(token, in_run)) {
      ++splits;
    }
  }
  return splits;
}

std::string RandomPieceText(std::mt19937_64& random, AppendPiece append, int pieces,
                            bool with_breaks) {
  std::string text;
  auto choose = [&](std::uint32_t bound) { return static_cast<std::uint32_t>(random() % bound); };
  for (int i = 0; i < pieces; ++i) append(choose, with_breaks, text);
  return text;
}

int CompareRandomTexts(AppendPiece append, std::uint64_t seed,
                       absl::FunctionRef<void(std::string_view text, const Spans& icu)> seen) {
  const int rounds = ExactnessRounds(20000);
  std::mt19937_64 random = ExactnessRandom(seed);
  auto tokenizer = NewWordTokenizer();
  const auto settled = NewSettledIcuIterator();
  for (int round = 0; round < rounds; ++round) {
    // Mostly short texts (each a new case for ICU's rules at its ends), now
    // and then a long one (runs and their neighbours in many combinations).
    const int pieces = round % 10 == 0 ? 40 + static_cast<int>(random() % 120)
                                       : 1 + static_cast<int>(random() % 24);
    const std::string text = RandomPieceText(random, append, pieces);
    const Spans icu = IcuWordSpans(*settled, text);
    const std::string difference = SpanDifference(text, icu, WordSpans(*tokenizer, text));
    if (!difference.empty()) {
      INFO("round " << round << ", whole text: " << HexBytes(text));
      REQUIRE(difference == "");
    }
    seen(text, icu);
  }
  return rounds;
}

void CompareTinyUnits(AppendPiece append, std::uint64_t seed) {
  const int rounds = ExactnessRounds(20000) / 10;
  std::mt19937_64 random = ExactnessRandom(seed);
  auto tokenizer = NewWordTokenizer();
  const auto settled = NewSettledIcuIterator();
  for (int round = 0; round < rounds; ++round) {
    const std::string text = RandomPieceText(random, append, 20 + static_cast<int>(random() % 200));
    const std::vector<std::string> expected = TokensOf(IcuWordSpans(*settled, text));
    for (std::size_t unit_bytes : {1, 2, 3, 5, 8, 64}) {
      absl::Status status;
      const std::vector<std::string> tokens = TokensOfUnits(*tokenizer, text, unit_bytes, status);
      REQUIRE(status.ok());
      if (tokens != expected) {
        INFO("round " << round << ", units of " << unit_bytes
                      << " bytes, text: " << HexBytes(text));
        REQUIRE(tokens == expected);
      }
    }
  }
  SUCCEED(rounds << " random texts agree in units of 1 to 64 bytes");
}

Spans CompareWholeText(internal::Tokenizer& tokenizer, std::string_view name,
                       std::string_view text) {
  Spans icu = SettledIcuSpans(text);
  const std::string difference = SpanDifference(text, icu, WordSpans(tokenizer, text));
  if (!difference.empty()) FAIL_CHECK(name << ": " << difference);
  absl::Status status;
  const std::vector<std::string> units = TokensOfUnits(tokenizer, text, 1, status);
  REQUIRE(status.ok());
  if (units != TokensOf(icu)) FAIL_CHECK(name << ": tokens differ when cut into units");
  return icu;
}

std::vector<std::filesystem::path> RegularFilesUnder(const std::string& directory,
                                                     std::string_view extension) {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  std::error_code error;
  for (fs::recursive_directory_iterator it(directory, error), end; !error && it != end;
       it.increment(error)) {
    if (it->is_regular_file() && !it->is_symlink() && it->path().extension() == extension) {
      files.push_back(it->path());
    }
  }
  INFO(directory << ": " << error.message());
  REQUIRE_FALSE(error);
  std::sort(files.begin(), files.end());
  return files;
}

void CompareHandPicked(const std::vector<std::string>& texts) {
  auto tokenizer = NewWordTokenizer();
  for (const std::string& text : texts) {
    INFO("text: " << text << " (" << HexBytes(text) << ")");
    CHECK(DifferenceFromIcu(*tokenizer, text) == "");
    const std::string framed = "ab " + text + " cd\n" + text + "。" + text + "\n(" + text + ")";
    CHECK(DifferenceFromIcu(*tokenizer, framed) == "");
  }
}

void CompareCountsAcrossForcedCuts(std::string_view text) {
  Options options;
  const std::vector<std::uint64_t> cuts = ExpectedForcedCuts(text, options.stretch_bytes());
  REQUIRE(cuts.size() == 2);
  ReferenceCounts counts;
  ReferenceCountNgrams(text, options, counts, cuts);
  const std::string expected = ReferenceTsv(counts);
  for (std::size_t chunk : {std::size_t{1} << 12, std::size_t{1} << 20}) {
    for (int threads : {1, 2}) {
      options.chunk_bytes = chunk;
      options.threads = threads;
      INFO("chunk " << chunk << ", " << threads << " threads");
      const CountReport report = CountTextForTest(text, options);
      REQUIRE(report.ok());
      CHECK(FormatVocabulary(report.vocabulary, {}) == expected);
      REQUIRE(report.long_tokens.size() == 1);
      CHECK(report.long_tokens[0].forced_cuts == cuts.size());
    }
  }
}

}  // namespace vocabcount::testing
