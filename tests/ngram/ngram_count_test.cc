// N-gram counts through the whole pipeline, against the plain reference in
// support/reference_ngrams.h: every script and mode, any threads and unit
// sizes (down to one byte), every line end, JSON Lines, long tokens and
// forced cuts, spilling.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "support/forced_cuts.h"
#include "support/json_string.h"
#include "support/reference_ngrams.h"
#include "support/test_support.h"

namespace vocabcount::testing {
namespace {

Options NgramOptions(int min, int max, TokenizerKind tokenizer = TokenizerKind::kWord) {
  Options options;
  options.ngram_min = min;
  options.ngram_max = max;
  options.tokenizer = tokenizer;
  return options;
}

std::string Reference(std::string_view text, const Options& options,
                      const std::vector<std::uint64_t>& forced_cuts = {}) {
  ReferenceCounts counts;
  ReferenceCountNgrams(text, options, counts, forced_cuts);
  return ReferenceTsv(counts);
}

std::string Describe(const Options& options) {
  std::string what = std::to_string(options.ngram_min) + "-" + std::to_string(options.ngram_max) +
                     (options.tokenizer == TokenizerKind::kWord ? " word" : " whitespace") +
                     ", " + std::to_string(options.threads) + " threads, chunk " +
                     std::to_string(options.chunk_bytes);
  if (options.case_mapping == CaseMapping::kLower) what += ", lower";
  if (options.case_mapping == CaseMapping::kFold) what += ", casefold";
  if (options.normalization == Normalization::kNfc) what += ", nfc";
  if (options.normalization == Normalization::kNfkc) what += ", nfkc";
  return what;
}

// Every line end the engine knows, one kind per variant of the text.
std::vector<std::string> LineEndVariants(const std::string& text) {
  std::string crlf, cr;
  for (char c : text) {
    crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    cr += c == '\n' ? '\r' : c;
  }
  return {text, crlf, cr};
}

TEST_CASE("N-grams: the example of the help text", "[ngram]") {
  const std::string tsv = CountTextTsv("Hello, world\n", NgramOptions(2, 2));
  CHECK(tsv == "Hello world\t1\n");
  Options underscored = NgramOptions(1, 3);
  underscored.ngram_separator = "_";
  CHECK(CountTextTsv("a b c\nd", underscored) ==
        "a\t1\na_b\t1\na_b_c\t1\nb\t1\nb_c\t1\nc\t1\nd\t1\n");
}

TEST_CASE("N-grams of every corpus file equal the reference, in every mode", "[ngram][corpus]") {
  for (const std::string& path : CorpusTexts()) {
    const std::string text = ReadFile(path);
    for (auto [min, max] : {std::pair{1, 5}, std::pair{2, 3}}) {
      for (TokenizerKind tokenizer : {TokenizerKind::kWord, TokenizerKind::kWhitespace}) {
        for (int mode = 0; mode < 4; ++mode) {
          Options options = NgramOptions(min, max, tokenizer);
          options.threads = 2;
          if (mode == 1) options.case_mapping = CaseMapping::kLower;
          if (mode == 2) options.case_mapping = CaseMapping::kFold;
          if (mode >= 2) options.normalization = Normalization::kNfkc;
          if (mode == 3) options.normalization = Normalization::kNfc;
          INFO(path << ", " << Describe(options));
          CHECK(CountTextTsv(text, options) == Reference(text, options));
        }
      }
    }
  }
}

TEST_CASE("N-grams do not depend on threads, unit sizes or line ends", "[ngram][determinism]") {
  std::string corpus;
  for (const std::string& path : CorpusTexts()) corpus += ReadFile(path);
  std::mt19937 random(14);
  corpus += RandomText(random, 3000);
  for (const std::string& text : LineEndVariants(corpus)) {
    for (auto [min, max] : {std::pair{1, 5}, std::pair{2, 3}}) {
      for (TokenizerKind tokenizer : {TokenizerKind::kWord, TokenizerKind::kWhitespace}) {
        Options options = NgramOptions(min, max, tokenizer);
        options.case_mapping = CaseMapping::kLower;
        const std::string expected = Reference(text, options);
        for (int threads : {1, 2, 5}) {
          for (std::size_t chunk : {std::size_t{1}, std::size_t{7}, std::size_t{4096},
                                    std::size_t{1} << 20}) {
            // One byte per unit is slow; once per tokenizer and line end is enough.
            if (chunk == 1 && (threads != 2 || min != 2)) continue;
            options.threads = threads;
            options.chunk_bytes = chunk;
            INFO(Describe(options));
            CHECK(CountTextTsv(text, options) == expected);
          }
        }
      }
    }
  }
}

TEST_CASE("N-grams of random text equal the reference at every unit size", "[ngram][determinism]") {
  std::mt19937 random(20261202);
  for (int round = 0; round < 60; ++round) {
    const std::string text = RandomText(random, 80);
    for (TokenizerKind tokenizer : {TokenizerKind::kWord, TokenizerKind::kWhitespace}) {
      Options options = NgramOptions(1 + round % 2, 3 + round % 3, tokenizer);
      options.max_token_bytes = round % 4 == 0 ? 4 : Options::kDefaultMaxTokenBytes;
      const std::string expected = Reference(text, options);
      for (std::size_t chunk : {1, 2, 3, 5, 8, 13, 64, 1 << 20}) {
        options.chunk_bytes = chunk;
        options.threads = 2;
        INFO("round " << round << ", " << Describe(options));
        REQUIRE(CountTextTsv(text, options) == expected);
      }
    }
  }
}

// Tagged apart from [ngram]: with the tiny budget of the "spilling:" pass, its
// thousands of units each hand over and spill, which takes minutes and tests
// nothing the other spilling n-gram tests do not.
TEST_CASE("N-grams across units of a one-line input of many megabytes", "[long_line]") {
  std::string line;
  const std::string english = ReadFile(std::string(VOCABCOUNT_CORPUS_DIR) + "/english.txt");
  while (line.size() < (6u << 20)) line += english;
  std::replace(line.begin(), line.end(), '\n', ' ');
  line += '\n';
  Options options = NgramOptions(1, 3);
  const std::string expected = Reference(line, options);
  for (std::size_t chunk : {std::size_t{1} << 12, std::size_t{1} << 16, std::size_t{1} << 20}) {
    for (int threads : {1, 2}) {
      options.chunk_bytes = chunk;
      options.threads = threads;
      INFO(Describe(options));
      CHECK(CountTextTsv(line, options) == expected);
    }
  }
}

TEST_CASE("N-grams never span two inputs, whatever their order", "[ngram][determinism]") {
  TempDir dir;
  std::vector<std::string> paths = CorpusTexts();
  // Inputs ending without a line end, next to one starting mid-sentence.
  WriteFile(dir.File("a.txt"), "alpha beta");
  WriteFile(dir.File("b.txt"), "gamma delta\nepsilon");
  paths.push_back(dir.File("a.txt"));
  paths.push_back(dir.File("b.txt"));
  Options options = NgramOptions(1, 4);
  ReferenceCounts counts;
  for (const std::string& path : paths) ReferenceCountNgrams(ReadFile(path), options, counts);
  CHECK(counts.count("beta gamma") == 0);
  const std::string expected = ReferenceTsv(counts);
  std::mt19937 random(3);
  for (int order = 0; order < 3; ++order) {
    std::shuffle(paths.begin(), paths.end(), random);
    options.threads = 1 + order;
    options.chunk_bytes = order == 0 ? 5 : 1 << 20;
    INFO(Describe(options));
    const CountReport report = CountForTest(paths, options);
    REQUIRE(report.ok());
    CHECK(FormatVocabulary(report.vocabulary, {}) == expected);
  }
}

TEST_CASE("JSONL: n-grams stop at line breaks in strings and at each document's end",
          "[ngram][jsonl]") {
  static const std::string kPieces[] = {"alpha", "beta", "Gamma", " ", " ", ", ", "\n", "\r\n",
                                        "\r",    "東京", "は",   "7",  "can't", "\u2028"};
  std::mt19937 random(9);
  std::string jsonl;
  std::vector<std::string> documents;
  for (int line = 0; line < 300; ++line) {
    std::string document;
    for (int i = 0, pieces = 1 + static_cast<int>(random() % 12); i < pieces; ++i) {
      document += kPieces[random() % std::size(kPieces)];
    }
    documents.push_back(document);
    jsonl += "{\"id\": " + std::to_string(line) + ", \"text\": " + JsonString(document) + "}\n";
  }
  for (TokenizerKind tokenizer : {TokenizerKind::kWord, TokenizerKind::kWhitespace}) {
    Options options = NgramOptions(1, 3, tokenizer);
    options.case_mapping = CaseMapping::kFold;
    ReferenceCounts counts;
    for (const std::string& document : documents) ReferenceCountNgrams(document, options, counts);
    const std::string expected = ReferenceTsv(counts);
    options.jsonl_field = "text";
    for (int threads : {1, 2, 5}) {
      for (std::size_t chunk : {1, 64, 1 << 20}) {
        options.threads = threads;
        options.chunk_bytes = chunk;
        INFO(Describe(options));
        const CountReport report = CountTextForTest(jsonl, options);
        REQUIRE(report.ok());
        CHECK(FormatVocabulary(report.vocabulary, {}) == expected);
      }
    }
  }
}

TEST_CASE("A forced cut in the middle of a line ends the sequence there", "[ngram][long_tokens]") {
  // 2.5 MiB of Chinese with no space: two forced cuts (every 1 MiB), words
  // on either side of each, and Latin words before and after on the line.
  std::string text = "one two alpha beta ";
  while (text.size() < (5u << 20) / 2) text += "東京は日本の首都です。";
  text += " gamma delta\nthree four\n";
  Options options = NgramOptions(1, 3);
  const std::vector<std::uint64_t> cuts = ExpectedForcedCuts(text, options.stretch_bytes());
  REQUIRE(cuts.size() == 2);
  const std::string expected = Reference(text, options, cuts);
  CHECK(expected.find("beta\xE6\x9D\xB1") == std::string::npos);  // no n-gram of the whole line
  for (std::size_t chunk : {std::size_t{1} << 12, std::size_t{1} << 20}) {
    for (int threads : {1, 2}) {
      options.chunk_bytes = chunk;
      options.threads = threads;
      INFO(Describe(options));
      const CountReport report = CountTextForTest(text, options);
      REQUIRE(report.ok());
      CHECK(FormatVocabulary(report.vocabulary, {}) == expected);
      REQUIRE(report.long_tokens.size() == 1);
      CHECK(report.long_tokens[0].forced_cuts == cuts.size());
    }
  }
}

TEST_CASE("A token too long to count ends the sequence", "[ngram][long_tokens]") {
  Options options = NgramOptions(2, 2);
  options.max_token_bytes = 5;
  CHECK(CountTextTsv("one two toolong three four", options) == "one two\t1\nthree four\t1\n");
}

TEST_CASE("N-grams of tokens of tens of kilobytes, up to order 16", "[ngram]") {
  std::mt19937 random(16);
  std::string text;
  for (int line = 0; line < 6; ++line) {
    for (int word = 0; word < 20; ++word) {
      const std::size_t length = word % 3 == 0 ? 1 + random() % 60000 : 1 + random() % 8;
      text += std::string(length, static_cast<char>('a' + random() % 3)) + " ";
    }
    text += "\n";
  }
  Options options = NgramOptions(1, 16);
  const std::string expected = Reference(text, options);
  for (std::size_t chunk : {std::size_t{1000}, std::size_t{1} << 20}) {
    options.chunk_bytes = chunk;
    options.threads = 2;
    INFO(Describe(options));
    CHECK(CountTextTsv(text, options) == expected);
  }
}

TEST_CASE("N-grams spilled under a tiny budget equal those counted in memory", "[ngram][spill]") {
  std::string corpus;
  for (const std::string& path : CorpusTexts()) corpus += ReadFile(path);
  for (int threads : {1, 3}) {
    Options options = NgramOptions(1, 5);
    options.threads = threads;
    options.chunk_bytes = 4096;
    options.memory_bytes = std::uint64_t{1} << 30;
    const CountReport in_memory = CountText(corpus, options);
    REQUIRE(in_memory.ok());
    CHECK(in_memory.stats.spilled_runs == 0);
    options.memory_bytes = 65536;
    const CountReport spilled = CountText(corpus, options);
    REQUIRE(spilled.ok());
    CHECK(spilled.stats.spilled_runs > 1);
    CHECK(spilled.vocabulary == in_memory.vocabulary);
    CHECK(spilled.stats.tokens == in_memory.stats.tokens);
  }
}

TEST_CASE("N-gram stats count each order, and add up to the entries' counts", "[ngram]") {
  const std::string text = ReadFile(std::string(VOCABCOUNT_CORPUS_DIR) + "/mixed.txt");
  Options options = NgramOptions(2, 4);
  options.chunk_bytes = 64;
  options.threads = 2;
  const CountReport report = CountTextForTest(text, options);
  REQUIRE(report.ok());
  REQUIRE(report.stats.ngrams_by_order.size() == 3);
  std::uint64_t total = 0;
  for (int order = 2; order <= 4; ++order) {
    Options one_order = NgramOptions(order, order);
    ReferenceCounts counts;
    ReferenceCountNgrams(text, one_order, counts);
    std::uint64_t expected = 0;
    for (const auto& [ngram, count] : counts) expected += count;
    const NgramOrderCount& counted = report.stats.ngrams_by_order[order - 2];
    CHECK(counted.order == order);
    CHECK(counted.ngrams == expected);
    total += counted.ngrams;
  }
  CHECK(report.stats.tokens == total);
  CHECK(CountTextForTest(text, Options{}).stats.ngrams_by_order.empty());
}

TEST_CASE("The library refuses n-gram settings out of range", "[ngram]") {
  for (auto [min, max, separator] : {std::tuple{0, 2, " "}, std::tuple{3, 2, " "},
                                     std::tuple{1, 17, " "}, std::tuple{1, 2, ""},
                                     std::tuple{1, 2, "\t"}, std::tuple{2, 2, "a\nb"},
                                     std::tuple{2, 2, "\xFF"}}) {
    Options options = NgramOptions(min, max);
    options.ngram_separator = separator;
    INFO(min << "-" << max << " '" << separator << "'");
    CHECK_FALSE(NgramOptionsProblem(options).empty());
    const CountReport report = CountText("a b c", options);
    CHECK_FALSE(report.ok());
    REQUIRE(report.errors.size() == 1);
    CHECK(report.errors[0].what == NgramOptionsProblem(options));
  }
  CHECK(NgramOptionsProblem(NgramOptions(16, 16)).empty());
}

}  // namespace
}  // namespace vocabcount::testing
