// Output bytes must not depend on thread count, work-unit size or input order,
// and must equal the plain-ICU reference over each whole text.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "support/reference_counter.h"
#include "support/test_support.h"

namespace vocabcount::testing {
namespace {

std::string Reference(std::string_view text, bool lower = false) {
  ReferenceCounts counts;
  ReferenceCountWords(text, lower, counts);
  return ReferenceTsv(counts);
}

TEST_CASE("Random text: every chunk size gives the reference counts", "[determinism]") {
  std::mt19937 random(20261123);
  for (int round = 0; round < 150; ++round) {
    const std::string text = RandomText(random, 60);
    const std::string expected = Reference(text);
    for (std::size_t chunk : {1, 2, 3, 5, 8, 13, 64, 1 << 20}) {
      Options options;
      options.chunk_bytes = chunk;
      options.threads = 2;
      INFO("round " << round << ", chunk " << chunk);
      REQUIRE(CountTextTsv(text, options) == expected);
    }
  }
}

TEST_CASE("Threads and chunk sizes do not change output bytes", "[determinism]") {
  std::string corpus;
  for (const std::string& path : CorpusTexts()) corpus += ReadFile(path);
  std::mt19937 random(11);
  corpus += RandomText(random, 5000);
  for (bool lower : {false, true}) {
    const std::string expected = Reference(corpus, lower);
    for (int threads : {1, 2, 3, 8}) {
      for (std::size_t chunk : {1, 7, 4096, 1 << 20}) {
        Options options;
        options.threads = threads;
        options.chunk_bytes = chunk;
        options.case_mapping = lower ? CaseMapping::kLower : CaseMapping::kNone;
        INFO(threads << " threads, chunk " << chunk << (lower ? ", lower" : ""));
        CHECK(CountTextTsv(corpus, options) == expected);
      }
    }
  }
}

TEST_CASE("Whitespace mode does not depend on threads or chunk size", "[determinism]") {
  std::mt19937 random(5);
  const std::string text = RandomText(random, 20000);
  Options options;
  options.tokenizer = TokenizerKind::kWhitespace;
  const std::string expected = CountTextTsv(text, options);
  for (int threads : {1, 3, 8}) {
    for (std::size_t chunk : {1, 5, 333}) {
      options.threads = threads;
      options.chunk_bytes = chunk;
      INFO(threads << " threads, chunk " << chunk);
      CHECK(CountTextTsv(text, options) == expected);
    }
  }
}

TEST_CASE("Input order does not change output bytes", "[determinism]") {
  std::vector<std::string> paths = CorpusTexts();
  REQUIRE(paths.size() >= 12);
  ReferenceCounts counts;
  for (const std::string& path : paths) ReferenceCountWords(ReadFile(path), false, counts);
  const std::string expected = ReferenceTsv(counts);
  std::mt19937 random(17);
  for (int order = 0; order < 4; ++order) {
    if (order == 1) std::reverse(paths.begin(), paths.end());
    if (order > 1) std::shuffle(paths.begin(), paths.end(), random);
    Options options;
    options.threads = order + 1;
    options.chunk_bytes = order == 3 ? 3 : 1 << 20;
    const CountReport report = CountForTest(paths, options);
    REQUIRE(report.ok());
    INFO("order " << order);
    CHECK(FormatVocabulary(report.vocabulary, {}) == expected);
    CHECK(report.stats.inputs == paths.size());
  }
}

}  // namespace
}  // namespace vocabcount::testing
