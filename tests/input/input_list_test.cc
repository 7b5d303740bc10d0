// What a run says about its inputs as a whole: a directory named whose walk
// finds no file to read is a warning saying why, and with keep_going a run
// where no input at all could be read does not finish, so nothing replaces
// a previous output.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "support/test_support.h"
#include "vocabcount/vocabcount.h"

namespace vocabcount::testing {
namespace {

std::vector<std::string> Texts(const std::vector<Problem>& problems) {
  std::vector<std::string> texts;
  for (const Problem& problem : problems) texts.push_back(problem.ToString());
  return texts;
}

TEST_CASE("A directory whose walk finds no file to read is a warning, for counts and merges",
          "[input]") {
  TempDir dir;
  std::filesystem::create_directories(dir.File("empty"));
  std::filesystem::create_directories(dir.File("corpus/sub"));
  WriteFile(dir.File("corpus/a.txt"), "one two\n");
  WriteFile(dir.File("corpus/sub/b.txt"), "two\n");
  Options options;
  options.include = {"*.TXT"};
  const CountReport counted = Count({dir.File("corpus"), dir.File("empty")}, options);
  CHECK(counted.ok());
  CHECK(counted.vocabulary.empty());
  REQUIRE(counted.warnings.size() == 2);
  CHECK(counted.warnings[0].kind == Warning::Kind::kNothingToRead);
  CHECK(counted.warnings[0].path == dir.File("corpus"));
  CHECK(counted.warnings[0].count == 2);
  CHECK(counted.warnings[0].ToString() ==
        dir.File("corpus") +
            ": no file to read in this directory (--include '*.TXT' matched none of its 2 files)");
  CHECK(counted.warnings[1].ToString() ==
        dir.File("empty") + ": no file to read in this directory (it holds no regular file)");

  // They come before what reading finds, and a walk that finds a file says
  // nothing.
  options.include = {"*.txt"};
  options.max_token_bytes = 2;
  const CountReport some = Count({dir.File("corpus"), dir.File("empty")}, options);
  CHECK(some.ok());
  REQUIRE(some.warnings.size() == 3);
  CHECK(some.warnings[0].kind == Warning::Kind::kNothingToRead);
  CHECK(some.warnings[0].path == dir.File("empty"));
  CHECK(some.warnings[1].kind == Warning::Kind::kLongTokens);

  Options merge;
  merge.exclude = {"*"};
  const MergeReport merged = MergeVocabularies({dir.File("corpus")}, merge);
  CHECK(merged.ok());
  REQUIRE(merged.warnings.size() == 1);
  CHECK(merged.warnings[0].ToString() ==
        dir.File("corpus") +
            ": no file to read in this directory (--exclude '*' left out 1 file and 1 directory)");
}

TEST_CASE("With keep_going, a run where no input could be read does not finish", "[input]") {
  TempDir dir;
  WriteFile(dir.File("a.txt"), "one two one\n");
  WriteFile(dir.File("a.tsv"), "one\t2\ntwo\t1\n");
  Options options;
  options.keep_going = true;
  const std::vector<std::string> expected = {
      dir.File("missing.txt") + ": No such file or directory",
      "no input could be read; nothing is written"};
  int entries = 0;
  const EntrySink sink = [&](std::string_view, std::uint64_t) {
    ++entries;
    return true;
  };
  const CountReport counted = Count({dir.File("missing.txt")}, options, sink);
  CHECK_FALSE(counted.finished);
  CHECK(Texts(counted.errors) == expected);
  CHECK(counted.errors[0].error_number == ENOENT);
  CHECK(counted.stats.inputs_skipped == 1);
  const MergeReport merged = MergeVocabularies({dir.File("missing.txt")}, options, sink);
  CHECK_FALSE(merged.finished);
  CHECK(Texts(merged.errors) == expected);
  CHECK(entries == 0);

  // One input read is enough: the run finishes, reporting the other.
  const CountReport some = Count({dir.File("missing.txt"), dir.File("a.txt")}, options);
  CHECK(some.finished);
  CHECK(Texts(some.errors) == std::vector<std::string>{expected[0]});
  CHECK(some.vocabulary.size() == 2);
  const MergeReport merged_some =
      MergeVocabularies({dir.File("missing.txt"), dir.File("a.tsv")}, options);
  CHECK(merged_some.finished);
  CHECK(merged_some.vocabulary.size() == 2);
  // No input at all, and none failing, is an empty count, as before.
  std::filesystem::create_directories(dir.File("empty"));
  CHECK(Count({dir.File("empty")}, options).ok());
}

}  // namespace
}  // namespace vocabcount::testing
