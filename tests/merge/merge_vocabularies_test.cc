// Merging vocabularies: merge(count(A), count(B)) == count(A + B) for random
// texts and splits, every order and output format, and every kind of
// malformed input reported with its file and line.
#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "support/test_support.h"
#include "vocabcount/merge.h"

namespace vocabcount::testing {
namespace {

// Lines of words, some short, some past the 16 bytes a sort record holds,
// some sharing prefixes, some outside ASCII; with punctuation between.
std::string RandomText(std::mt19937& random) {
  static const std::vector<std::string> kWords = {"the",
                                                  "The",
                                                  "cat",
                                                  "cats",
                                                  "a",
                                                  "an",
                                                  "42",
                                                  "x9",
                                                  "été",
                                                  "Été",
                                                  "naïve",
                                                  "straße",
                                                  "Ωμέγα",
                                                  "internationalization",
                                                  "internationalizations",
                                                  "counterrevolutionaries",
                                                  "zzzzzzzzzzzzzzzzzz",
                                                  "wordwordwordwordwordword",
                                                  "b",
                                                  "ab",
                                                  "abc"};
  std::string text;
  const int lines = std::uniform_int_distribution<int>(0, 40)(random);
  for (int line = 0; line < lines; ++line) {
    const int words = std::uniform_int_distribution<int>(0, 12)(random);
    for (int i = 0; i < words; ++i) {
      text += kWords[std::uniform_int_distribution<std::size_t>(0, kWords.size() - 1)(random)];
      text += std::uniform_int_distribution<int>(0, 4)(random) == 0 ? ", " : " ";
    }
    text += '\n';
  }
  return text;
}

// `text` cut into `parts` pieces at line ends (never inside a token); some
// pieces may be empty.
std::vector<std::string> SplitAtLines(const std::string& text, int parts, std::mt19937& random) {
  std::vector<std::size_t> cuts{0, text.size()};
  for (int i = 1; i < parts; ++i) {
    std::size_t at = std::uniform_int_distribution<std::size_t>(0, text.size())(random);
    at = text.find('\n', at);
    cuts.push_back(at == std::string::npos ? text.size() : at + 1);
  }
  std::sort(cuts.begin(), cuts.end());
  std::vector<std::string> pieces;
  for (std::size_t i = 0; i + 1 < cuts.size(); ++i)
    pieces.push_back(text.substr(cuts[i], cuts[i + 1] - cuts[i]));
  return pieces;
}

Vocabulary CountOf(std::string_view text, const Options& options) {
  const CountReport report = CountText(text, options);
  REQUIRE(report.ok());
  return report.vocabulary;
}

// Writes the count of each piece to dir/part-N.tsv, in `order`.
std::vector<std::string> WriteParts(const TempDir& dir, const std::vector<std::string>& pieces,
                                    SortOrder order, bool header) {
  std::vector<std::string> paths;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    paths.push_back(dir.File("part-" + std::to_string(i) + ".tsv"));
    WriteFile(paths.back(),
              FormatVocabulary(CountOf(pieces[i], {.sort = order}), {.header = header}));
  }
  return paths;
}

MergeReport Merge(const std::vector<std::string>& paths, const Options& options = {}) {
  return MergeVocabularies(paths, options);
}

// The output bytes of a merge through the entry-by-entry writer.
std::string MergeToBytes(const std::vector<std::string>& paths, const Options& options,
                         const WriteOptions& write) {
  std::string out;
  VocabularyWriter writer(write, &out);
  const MergeReport report = MergeVocabularies(
      paths, options,
      [&](std::string_view token, std::uint64_t count) { return writer.Add(token, count); });
  REQUIRE(report.ok());
  CHECK(report.vocabulary.empty());
  writer.Finish();
  return out;
}

TEST_CASE("Merging the counts of parts gives the count of the whole", "[merge]") {
  std::mt19937 random(2024);
  for (int round = 0; round < 60; ++round) {
    const std::string text = RandomText(random);
    const int parts = std::uniform_int_distribution<int>(1, 5)(random);
    const std::vector<std::string> pieces = SplitAtLines(text, parts, random);
    const bool header = round % 2 == 1;
    const SortOrder part_order = round % 3 == 2 ? SortOrder::kCount : SortOrder::kToken;
    TempDir dir;
    const std::vector<std::string> paths = WriteParts(dir, pieces, part_order, header);
    for (SortOrder order : {SortOrder::kCount, SortOrder::kToken}) {
      for (const auto& [min_count, top] :
           {std::pair<std::uint64_t, std::uint64_t>{1, 0}, {2, 0}, {1, 3}, {3, 5}}) {
        const Options options{
            .threads = 1 + round % 2, .min_count = min_count, .top = top, .sort = order};
        INFO("round " << round << ", " << parts << " parts, header " << header << ", parts in "
                      << (part_order == SortOrder::kToken ? "token" : "count")
                      << " order, output in " << (order == SortOrder::kToken ? "token" : "count")
                      << " order, min_count " << min_count << ", top " << top);
        const MergeReport merged = Merge(paths, options);
        REQUIRE(merged.ok());
        CHECK(merged.vocabulary == CountOf(text, options));
        if (part_order == SortOrder::kToken) CHECK(merged.streamed);
        const CountReport whole = CountText(text, {});
        CHECK(merged.stats.tokens == whole.stats.tokens);
        CHECK(merged.stats.distinct_tokens == whole.stats.distinct_tokens);
        CHECK(merged.stats.inputs == paths.size());
      }
    }
  }
}

TEST_CASE("Token-sorted parts merged in count order are sorted within the memory budget",
          "[merge][spill]") {
  std::string text;
  for (const std::string& path : CorpusTexts()) text += ReadFile(path);
  std::mt19937 random(13);
  const std::vector<std::string> pieces = SplitAtLines(text, 4, random);
  TempDir dir;
  const std::vector<std::string> paths = WriteParts(dir, pieces, SortOrder::kToken, false);
  for (const auto& [min_count, top] :
       {std::pair<std::uint64_t, std::uint64_t>{1, 0}, {2, 0}, {1, 100}}) {
    Options options{.min_count = min_count, .top = top};
    options.memory_bytes = 65536;
    INFO("min_count " << min_count << ", top " << top);
    const MergeReport merged = Merge(paths, options);
    REQUIRE(merged.ok());
    CHECK(merged.streamed);
    CHECK(merged.stats.spilled_runs > 0);
    CHECK(merged.vocabulary == CountOf(text, options));
    CHECK(merged.stats.distinct_tokens == CountText(text, {}).stats.distinct_tokens);
  }
}

TEST_CASE("A merge writes the bytes of a single count in every format", "[merge]") {
  std::mt19937 random(77);
  for (int round = 0; round < 12; ++round) {
    const std::string text = RandomText(random) + RandomText(random);
    const std::vector<std::string> pieces =
        SplitAtLines(text, std::uniform_int_distribution<int>(1, 5)(random), random);
    TempDir dir;
    const std::vector<std::string> paths =
        WriteParts(dir, pieces, round % 2 ? SortOrder::kToken : SortOrder::kCount, round % 4 < 2);
    for (SortOrder order : {SortOrder::kCount, SortOrder::kToken}) {
      for (const WriteOptions& write :
           {WriteOptions{.header = true}, WriteOptions{.format = OutputFormat::kGlove},
            WriteOptions{.format = OutputFormat::kJson}}) {
        const Options options{.top = round % 3 == 0 ? 4u : 0u, .sort = order};
        INFO("round " << round << ", format " << static_cast<int>(write.format));
        CHECK(MergeToBytes(paths, options, write) ==
              FormatVocabulary(CountOf(text, options), write));
      }
    }
  }
}

TEST_CASE("Inputs not sorted by token, or not regular files, are summed in tables, not streamed",
          "[merge]") {
  TempDir dir;
  WriteFile(dir.File("sorted.tsv"), "a\t1\nb\t2\n");
  WriteFile(dir.File("unsorted.tsv"), "b\t5\na\t1\n");
  const MergeReport sorted =
      Merge({dir.File("sorted.tsv"), dir.File("sorted.tsv")}, {.sort = SortOrder::kToken});
  REQUIRE(sorted.ok());
  CHECK(sorted.streamed);
  CHECK(sorted.vocabulary == Vocabulary{{"a", 2}, {"b", 4}});
  const MergeReport mixed = Merge({dir.File("sorted.tsv"), dir.File("unsorted.tsv")});
  REQUIRE(mixed.ok());
  CHECK_FALSE(mixed.streamed);
  CHECK(mixed.vocabulary == Vocabulary{{"b", 7}, {"a", 2}});
}

TEST_CASE("A merge of nothing, or of empty vocabularies, is empty", "[merge]") {
  TempDir dir;
  WriteFile(dir.File("empty.tsv"), "");
  WriteFile(dir.File("header.tsv"), "token\tcount\n");
  const MergeReport report = Merge({dir.File("empty.tsv"), dir.File("header.tsv")});
  REQUIRE(report.ok());
  CHECK(report.vocabulary.empty());
  CHECK(report.stats.inputs == 2);
}

TEST_CASE("A last line without a newline is read like the others", "[merge]") {
  TempDir dir;
  WriteFile(dir.File("a.tsv"), "a\t1\nb\t2");
  WriteFile(dir.File("b.tsv"), "b\t3\nc\t1");
  CHECK(Merge({dir.File("a.tsv"), dir.File("b.tsv")}).vocabulary ==
        Vocabulary{{"b", 5}, {"a", 1}, {"c", 1}});
}

TEST_CASE("Counts add up to 2^64 - 1 exactly; beyond is an error naming the input and line",
          "[merge]") {
  TempDir dir;
  WriteFile(dir.File("big.tsv"), "a\t1\nb\t18446744073709551614\n");
  WriteFile(dir.File("one.tsv"), "a\t1\nb\t1\n");
  WriteFile(dir.File("two.tsv"), "b\t2\n");
  WriteFile(dir.File("two-unsorted.tsv"), "c\t1\nb\t2\n");
  const MergeReport exact = Merge({dir.File("big.tsv"), dir.File("one.tsv")});
  REQUIRE(exact.ok());
  CHECK(exact.vocabulary == Vocabulary{{"b", 18446744073709551615ULL}, {"a", 2}});
  const std::string expected =
      ": line 1: the counts of this token add up to more than 18446744073709551615";
  for (bool keep_going : {false, true}) {
    const MergeReport streamed =
        Merge({dir.File("big.tsv"), dir.File("two.tsv")}, {.keep_going = keep_going});
    CHECK(streamed.streamed);
    CHECK_FALSE(streamed.finished);
    REQUIRE(streamed.errors.size() == 1);
    CHECK(streamed.errors[0].ToString() == dir.File("two.tsv") + expected);
    CHECK(streamed.vocabulary.empty());
    const MergeReport summed =
        Merge({dir.File("big.tsv"), dir.File("two-unsorted.tsv")}, {.keep_going = keep_going});
    CHECK_FALSE(summed.streamed);
    CHECK_FALSE(summed.finished);
    REQUIRE(summed.errors.size() == 1);
    CHECK(summed.errors[0].ToString() ==
          dir.File("two-unsorted.tsv") + ": line 2" + expected.substr(8));
  }
}

struct Malformed {
  std::string content;
  std::string problem;  // "line N: what"
};

TEST_CASE("A malformed line is an error naming the input and the line", "[merge]") {
  const std::string not_a_count = "the count is not a positive decimal integer";
  const std::vector<Malformed> cases = {
      {"a\t1\nb\n", "line 2: expected token<TAB>count, found no tab"},
      {"a\t1\n\n", "line 2: expected token<TAB>count, found no tab"},
      {"\t5\n", "line 1: the token is empty"},
      {"a\tb\t5\n", "line 1: the token contains a tab"},
      {"a\t+5\n", "line 1: " + not_a_count},
      {"a\t 5\n", "line 1: " + not_a_count},
      {"a\t5 \n", "line 1: " + not_a_count},
      {"a\t5\r\n", "line 1: " + not_a_count},
      {"a\t0\n", "line 1: " + not_a_count},
      {"a\t-1\n", "line 1: " + not_a_count},
      {"a\t\n", "line 1: " + not_a_count},
      {"a\t0x10\n", "line 1: " + not_a_count},
      {"a\t18446744073709551616\n", "line 1: the count is larger than 18446744073709551615"},
      {"a\t1\n\xff\t2\n", "line 2: the line is not valid UTF-8"},
      {"a\t1\nb\xed\xa0\x80\t2\n", "line 2: the line is not valid UTF-8"},  // a surrogate
      {"a\t1\nb\t2\xc3\n", "line 2: the line is not valid UTF-8"},
      {"a\t1\ntoken\tcount\n", "line 2: " + not_a_count},
      {"a\t1\nb\t2\nb\t3\n", "line 3: the token of line 2 again"},
      {"b\t1\na\t1\nb\t2\n", "line 3: the token of an earlier line again"},
  };
  for (const Malformed& test : cases) {
    TempDir dir;
    WriteFile(dir.File("good.tsv"), "a\t1\nzz\t4\n");
    WriteFile(dir.File("bad.tsv"), test.content);
    for (const std::vector<std::string>& paths :
         {std::vector<std::string>{dir.File("bad.tsv")},
          std::vector<std::string>{dir.File("good.tsv"), dir.File("bad.tsv")}}) {
      INFO(test.problem << " with " << paths.size() << " inputs");
      const MergeReport report = Merge(paths);
      CHECK_FALSE(report.finished);
      REQUIRE(report.errors.size() == 1);
      CHECK(report.errors[0].ToString() == dir.File("bad.tsv") + ": " + test.problem);
      CHECK(report.vocabulary.empty());
      // keep_going leaves out what could not be merged and goes on; when
      // nothing at all could be merged, the merge does not finish.
      const MergeReport kept = Merge(paths, {.keep_going = true});
      const bool nothing = paths.size() == 1 && kept.stats.tokens == 0;
      CHECK(kept.finished == !nothing);
      REQUIRE(kept.errors.size() == (nothing ? 2 : 1));
      CHECK(kept.errors[0].ToString() == dir.File("bad.tsv") + ": " + test.problem);
      if (nothing) CHECK(kept.errors[1].what == "no input could be read; nothing is written");
    }
  }
}

TEST_CASE("keep_going reports unreadable inputs and merges the others", "[merge]") {
  TempDir dir;
  WriteFile(dir.File("a.tsv"), "a\t1\nb\t2\n");
  WriteFile(dir.File("bad.tsv"), "a\t1\na\t1\n");
  const std::vector<std::string> paths{dir.File("a.tsv"), dir.File("missing.tsv"),
                                       dir.File("bad.tsv"), dir.File("a.tsv")};
  const MergeReport stopped = Merge(paths);
  CHECK_FALSE(stopped.finished);
  REQUIRE(stopped.errors.size() == 1);
  CHECK(stopped.errors[0].ToString() == dir.File("missing.tsv") + ": No such file or directory");
  const MergeReport kept = Merge(paths, {.keep_going = true});
  CHECK(kept.finished);
  CHECK_FALSE(kept.ok());
  REQUIRE(kept.errors.size() == 2);
  CHECK(kept.errors[1].ToString() == dir.File("bad.tsv") + ": line 2: the token of line 1 again");
  CHECK(kept.stats.inputs_skipped == 2);
  CHECK(kept.vocabulary == Vocabulary{{"b", 4}, {"a", 2}});
}

TEST_CASE("A directory stands for the vocabularies in it", "[merge]") {
  TempDir dir;
  WriteFile(dir.File("a.tsv"), "a\t1\nb\t2\n");
  WriteFile(dir.File("b.tsv"), "b\t1\n");
  const MergeReport report = Merge({dir.path()});
  REQUIRE(report.ok());
  CHECK(report.vocabulary == Vocabulary{{"b", 3}, {"a", 1}});
}

TEST_CASE("A merge that cannot spill returns an error naming the directory, not an exception",
          "[merge][spill]") {
  std::string text;
  for (const std::string& path : CorpusTexts()) text += ReadFile(path);
  std::mt19937 random(5);
  const std::vector<std::string> pieces = SplitAtLines(text, 3, random);
  TempDir dir;
  const std::vector<std::string> sorted = WriteParts(dir, pieces, SortOrder::kToken, false);
  WriteFile(dir.File("a-file.tsv"), "a\t1\n");
  // Token-sorted inputs in count order are streamed, then sorted; count-sorted
  // ones are summed in tables: both spill past a tiny budget.
  const std::vector<std::string> unsorted = WriteParts(dir, pieces, SortOrder::kCount, false);
  for (const std::string& temp_dir :
       {std::string("/nonexistent/spill-here"), dir.File("a-file.tsv")}) {
    for (const auto* paths : {&sorted, &unsorted}) {
      Options options;
      options.memory_bytes = 65536;
      options.temp_dir = temp_dir;
      INFO("temp_dir " << temp_dir << (paths == &sorted ? ", sorted" : ", unsorted"));
      MergeReport report;
      REQUIRE_NOTHROW(report = Merge(*paths, options));
      CHECK_FALSE(report.finished);
      CHECK(report.vocabulary.empty());
      REQUIRE(report.errors.size() == 1);
      CHECK(report.errors[0].ToString().starts_with("--temp-dir " + temp_dir + ": "));
    }
  }
}

TEST_CASE("A sink that stops ends the merge without an error", "[merge]") {
  TempDir dir;
  WriteFile(dir.File("a.tsv"), "a\t1\nb\t2\nc\t3\n");
  for (SortOrder order : {SortOrder::kCount, SortOrder::kToken}) {
    int taken = 0;
    const MergeReport report =
        MergeVocabularies({dir.File("a.tsv")}, {.sort = order},
                          [&](std::string_view, std::uint64_t) { return ++taken < 2; });
    CHECK(report.ok());
    CHECK(taken == 2);
  }
}

}  // namespace
}  // namespace vocabcount::testing
