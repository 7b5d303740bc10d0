// CLI tests of choosing inputs: path lists (--files-from, -0), glob filters on
// directory walks (--include, --exclude) and walks that find nothing, runs
// where no input could be read (--keep-going), and parts of the list
// (--shard).
#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "support/cli_sandbox.h"

namespace {

using namespace vocabcount::cli_testing;  // NOLINT: the shared test vocabulary

// A directory of files whose words name them, so the output shows which
// files were read.
void WriteTree(const Sandbox& box) {
  box.Write("tree/a.txt", "apple\n");
  box.Write("tree/b.md", "banana\n");
  box.Write("tree/sub/c.txt", "cherry\n");
  box.Write("tree/sub/d.log", "date\n");
  box.Write("tree/.git/e.txt", "elder\n");
  box.Write("tree/skip/f.txt", "fig\n");
}

// The tokens of a vocabulary, sorted.
std::set<std::string> Tokens(const std::string& tsv) {
  std::set<std::string> tokens;
  for (const std::string& line : SplitLines(tsv)) tokens.insert(line.substr(0, line.find('\t')));
  return tokens;
}

TEST_CASE("cli: --files-from reads paths one per line, or NUL-separated with -0", "[cli][inputs]") {
  Sandbox box;
  box.Write("one.txt", "the cat\n");
  box.Write("two words.txt", "the hat\n");
  box.Write("line\nbreak.txt", "the end\n");
  const RunResult direct = box.Run("vocabcount one.txt 'two words.txt' 'line\nbreak.txt'");
  REQUIRE(direct.status == 0);

  // A name with a line feed can only be listed NUL-separated.
  CHECK(Output(box,
               "printf 'one.txt\\0two words.txt\\0line\\nbreak.txt\\0' > list0 && "
               "vocabcount --files-from list0 -0") == direct.out);

  const RunResult lines =
      box.Run("printf 'one.txt\\ntwo words.txt\\n' | vocabcount --files-from -");
  INFO(lines);
  CHECK(lines.status == 0);
  CHECK(lines.out == "the\t2\ncat\t1\nhat\t1\n");

  // Paths on the command line and in the list add up.
  const RunResult both =
      box.Run("printf 'two words.txt' > list && vocabcount one.txt --files-from list");
  INFO(both);
  CHECK(both.out == lines.out);
}

TEST_CASE("cli: a missing --files-from list fails with status 1 naming it", "[cli][inputs]") {
  Sandbox box;
  const RunResult r = box.Run("vocabcount --files-from nowhere.list");
  INFO(r);
  CHECK(r.status == 1);
  CHECK(r.err == "vocabcount: nowhere.list: No such file or directory\n");
  CHECK(r.out == "");
  const RunResult twice = box.Run("echo - | vocabcount --files-from -");
  INFO(twice);
  CHECK(twice.status == 1);
  CHECK(Contains(twice.err, "cannot be an input too"));
  const RunResult stray = box.Run("vocabcount -0 x");
  CHECK(stray.status == 2);
  CHECK(Contains(stray.err, "--null goes only with --files-from"));
}

TEST_CASE("cli: --include and --exclude filter the files found in directories", "[cli][inputs]") {
  Sandbox box;
  WriteTree(box);
  const RunResult all = box.Run("vocabcount tree");
  REQUIRE(all.status == 0);
  CHECK(Tokens(all.out) ==
        std::set<std::string>{"apple", "banana", "cherry", "date", "elder", "fig"});

  const RunResult txt = box.Run("vocabcount --include '*.txt' tree");
  INFO(txt);
  CHECK(txt.status == 0);
  CHECK(Tokens(txt.out) == std::set<std::string>{"apple", "cherry", "elder", "fig"});

  // A name pattern also keeps a walk out of matching directories; a pattern
  // with a slash is matched against the path below the directory named.
  const RunResult pruned = box.Run(
      "vocabcount --include '*.txt' --include '*.md' --exclude .git --exclude 'skip/*' tree");
  INFO(pruned);
  CHECK(pruned.status == 0);
  CHECK(Tokens(pruned.out) == std::set<std::string>{"apple", "banana", "cherry"});

  // Files named on the command line are read whatever the filters say.
  const RunResult named = box.Run("vocabcount --exclude '*.log' tree/sub/d.log");
  CHECK(named.out == "date\t1\n");
}

TEST_CASE("cli: a directory with no file to read gives an empty count and a warning saying why",
          "[cli][inputs]") {
  Sandbox box;
  box.Write("corpus/a.txt", "apple\n");
  box.Write("corpus/b.txt", "banana\n");
  box.Write("corpus/sub/c.txt", "cherry\n");
  box.Run(
      "mkdir empty links && ln -s ../corpus/a.txt links/a.txt && mkdir only-dirs "
      "only-dirs/x");
  const std::string none = ": no file to read in this directory (";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"empty", "empty" + none + "it holds no regular file)"},
      {"only-dirs", "only-dirs" + none + "it holds no regular file)"},
      {"links", "links" + none +
                    "it holds no regular file; 1 symbolic link not followed "
                    "without --follow)"},
      {"--include '*.TXT' corpus",
       "corpus" + none + "--include '*.TXT' matched none of its 3 files)"},
      {"--include '*.TXT' --include '*.md' corpus",
       "corpus" + none + "--include '*.TXT', '*.md' matched none of its 3 files)"},
      {"--exclude '*' corpus", "corpus" + none + "--exclude '*' left out 2 files and 1 directory)"},
      {"--exclude '*.txt' corpus", "corpus" + none + "--exclude '*.txt' left out 3 files)"},
      {"--exclude a.txt --include '*.md' corpus",
       "corpus" + none +
           "--exclude 'a.txt' left out 1 file; --include '*.md' matched none of "
           "the other 2 files)"},
  };
  for (const auto& [args, warning] : cases) {
    for (const std::string merge : {"", "--merge "}) {
      const RunResult r = box.Run("vocabcount " + merge + "--header " + args);
      INFO(merge << args << "\n" << r);
      CHECK(r.status == 0);
      CHECK(r.out == "token\tcount\n");  // the empty vocabulary, as before
      CHECK(r.err == "vocabcount: warning: " + warning + "\n");
    }
  }
  // Only the directory that yields nothing is warned about; the rest is
  // counted as before.
  const RunResult mixed = box.Run("vocabcount corpus empty");
  INFO(mixed);
  CHECK(mixed.status == 0);
  CHECK(mixed.out == "apple\t1\nbanana\t1\ncherry\t1\n");
  CHECK(mixed.err == "vocabcount: warning: empty" + none + "it holds no regular file)\n");
  // A walk that finds something says nothing, and neither does a directory
  // that could not be walked, whose error says why already.
  CHECK(Output(box, "vocabcount --include '*.txt' --exclude sub corpus") ==
        "apple\t1\nbanana\t1\n");
}

TEST_CASE("cli: --keep-going with no input read fails without writing anything", "[cli][inputs]") {
  Sandbox box;
  box.Write("in.txt", kCatText);
  box.Write("part.tsv", kCatVocabulary);
  box.Write("vocab.tsv", "old\t1\n");
  const std::string errors =
      "vocabcount: missing.txt: No such file or directory\n"
      "vocabcount: gone/: No such file or directory\n"
      "vocabcount: no input could be read; nothing is written\n";
  for (const std::string args :
       {"--keep-going", "--keep-going --header", "--keep-going --format json",
        "--keep-going --merge", "--keep-going --merge --header"}) {
    const RunResult to_file = box.Run("vocabcount " + args + " -o vocab.tsv missing.txt gone/");
    INFO(args << "\n" << to_file);
    CHECK(to_file.status == 1);
    CHECK(to_file.out == "");
    CHECK(to_file.err == errors);
    CHECK(box.Read("vocab.tsv") == "old\t1\n");
    const RunResult to_stdout = box.Run("vocabcount " + args + " missing.txt gone/");
    INFO(to_stdout);
    CHECK(to_stdout.status == 1);
    CHECK(to_stdout.out == "");  // not even a header line or "{}"
    CHECK(to_stdout.err == errors);
  }
  // With one input read, the others are left out and the count is written.
  const RunResult some = box.Run("vocabcount --keep-going -o vocab.tsv missing.txt in.txt");
  INFO(some);
  CHECK(some.status == 1);
  CHECK(some.err == "vocabcount: missing.txt: No such file or directory\n");
  CHECK(box.Read("vocab.tsv") == kCatVocabulary);
  const RunResult merged = box.Run("vocabcount --merge --keep-going missing.txt part.tsv");
  INFO(merged);
  CHECK(merged.status == 1);
  CHECK(merged.out == kCatVocabulary);
}

TEST_CASE("cli: --shard I/N parts hold every input once and are balanced by size",
          "[cli][inputs]") {
  Sandbox box;
  // Files of very different sizes, each word unique to its file.
  std::vector<std::string> names;
  std::string all;
  for (int i = 0; i < 23; ++i) {
    std::string text;
    for (int k = 0; k < (i * 37) % 101 + 1; ++k) text += "w" + std::to_string(i) + " ";
    names.push_back("in/f" + std::to_string(i) + ".txt");
    box.Write(names.back(), text + "\n");
  }
  const RunResult whole = box.Run("vocabcount in");
  REQUIRE(whole.status == 0);
  std::multiset<std::string> seen;
  for (int part = 0; part < 4; ++part) {
    const RunResult r = box.Run("vocabcount --shard " + std::to_string(part) + "/4 in");
    INFO(r);
    REQUIRE(r.status == 0);
    for (const std::string& token : Tokens(r.out)) seen.insert(token);
  }
  // Every file in exactly one part.
  CHECK(seen.size() == Tokens(whole.out).size());
  CHECK(std::set<std::string>(seen.begin(), seen.end()) == Tokens(whole.out));

  // The list order does not change the parts.
  const RunResult forward = box.Run("vocabcount --shard 1/4 in/f1*.txt in/f2*.txt");
  const RunResult backward = box.Run("vocabcount --shard 1/4 in/f2*.txt in/f1*.txt");
  CHECK(forward.out == backward.out);
}

TEST_CASE("cli: --shard 0..N-1 with --sort token, then --merge, gives a single count's bytes",
          "[cli][inputs]") {
  Sandbox box;
  REQUIRE(box.Run("mkdir in && for f in \"$CORPUS\"/*.txt; do cp \"$f\" in/; done").status == 0);
  const std::string whole = Output(box, "vocabcount in");
  REQUIRE(!whole.empty());
  for (int parts : {1, 3, 7}) {
    std::string script;
    for (int part = 0; part < parts; ++part) {
      script += "\"$VC\" --shard " + std::to_string(part) + "/" + std::to_string(parts) +
                " --sort token -o part-" + std::to_string(part) + ".tsv in || exit 1\n";
    }
    script += "\"$VC\" --merge part-*.tsv && rm part-*.tsv";
    INFO(parts << " parts");
    CHECK(Output(box, script) == whole);
  }
}

TEST_CASE("cli: --shard auto reads the Slurm array variables; bad parts are usage errors",
          "[cli][inputs]") {
  Sandbox box;
  box.Write("a.txt", "alpha\n");
  box.Write("b.txt", "beta beta\n");
  const RunResult manual = box.Run("vocabcount --shard 1/2 a.txt b.txt");
  CHECK(Output(box,
               "SLURM_ARRAY_TASK_ID=8 SLURM_ARRAY_TASK_MIN=7 SLURM_ARRAY_TASK_COUNT=2 "
               "vocabcount --shard auto a.txt b.txt") == manual.out);

  const RunResult outside = box.Run("vocabcount --shard auto a.txt");
  CHECK(outside.status == 2);
  CHECK(Contains(outside.err, "SLURM_ARRAY_TASK_ID"));
  for (const char* bad : {"4/4", "1/0", "x/2", "1/", "-1/3", "1/2/3"}) {
    const RunResult r = box.Run(std::string("vocabcount --shard '") + bad + "' a.txt");
    INFO(bad << "\n" << r);
    CHECK(r.status == 2);
    CHECK(StartsWith(r.err, "vocabcount: --shard: "));
  }
  const RunResult stdin_shard = box.Run("vocabcount --shard 0/2 < a.txt");
  CHECK(stdin_shard.status == 2);
  CHECK(Contains(stdin_shard.err, "standard input cannot be divided"));
}

}  // namespace
