// End-to-end tests of --merge: the counts of parts of the corpus, merged,
// give the bytes of a single count (streamed or summed in tables, in every
// order and format), and malformed vocabularies fail naming file and line.
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "support/cli_sandbox.h"

namespace {

using namespace vocabcount::cli_testing;  // NOLINT: the shared test vocabulary

// The corpus texts, quoted for a shell, sorted.
std::vector<std::string> CorpusFiles() {
  std::vector<std::string> files;
  for (const fs::directory_entry& entry : fs::directory_iterator(kCorpusDir)) {
    if (entry.path().extension() == ".txt") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// A script that counts the corpus in `parts` parts (file i in part i % parts)
// into part-N.tsv with `count_flags`.
std::string CountPartsScript(int parts, const std::string& count_flags) {
  const std::vector<std::string> files = CorpusFiles();
  std::string script = "set -e\n";
  for (int part = 0; part < parts; ++part) {
    script += "vocabcount " + count_flags + " -o part-" + std::to_string(part) + ".tsv";
    for (std::size_t i = static_cast<std::size_t>(part); i < files.size();
         i += static_cast<std::size_t>(parts)) {
      script += " " + ShellQuote(files[i]);
    }
    script += "\n";
  }
  return script;
}

std::string PartList(int parts) {
  std::string list;
  for (int part = 0; part < parts; ++part) list += " part-" + std::to_string(part) + ".tsv";
  return list;
}

TEST_CASE("cli: --merge of token-sorted parts gives the bytes of a single count", "[cli][merge]") {
  const std::vector<std::string> outputs = {"",
                                            "--sort token",
                                            "--header",
                                            "--format json",
                                            "--format glove --sort token",
                                            "--min-count 2 --format json",
                                            "--top 50 --sort token",
                                            "--top 7"};
  for (int parts : {1, 2, 3, 5}) {
    for (const char* header : {"", "--header"}) {
      Sandbox box;
      const RunResult counted =
          box.Run(CountPartsScript(parts, std::string("--sort token ") + header));
      INFO(counted);
      REQUIRE(counted.status == 0);
      for (const std::string& flags : outputs) {
        INFO(parts << " parts " << header << ", output " << flags);
        const RunResult whole = box.Run("vocabcount " + flags + " \"$CORPUS\"/*.txt");
        const RunResult merged = box.Run("vocabcount --merge " + flags + PartList(parts));
        INFO(merged);
        CHECK(merged.status == 0);
        CHECK(merged.err == "");
        CHECK(whole.status == 0);
        CHECK(merged.out.size() > 10);
        CHECK(merged.out == whole.out);
      }
    }
  }
}

TEST_CASE("cli: --merge of count-sorted parts and of standard input sums in memory alike",
          "[cli][merge]") {
  Sandbox box;
  REQUIRE(box.Run(CountPartsScript(3, "")).status == 0);
  for (const std::string flags : {"", "--sort token", "--format json --top 20"}) {
    INFO("output " << flags);
    const RunResult whole = box.Run("vocabcount " + flags + " \"$CORPUS\"/*.txt");
    const RunResult merged = box.Run("vocabcount --merge " + flags + PartList(3));
    INFO(merged);
    CHECK(merged.status == 0);
    CHECK(merged.out == whole.out);
    const RunResult piped =
        box.Run("cat part-1.tsv | vocabcount --merge " + flags + " part-0.tsv - part-2.tsv");
    INFO(piped);
    CHECK(piped.status == 0);
    CHECK(piped.out == whole.out);
  }
}

TEST_CASE("cli: --merge -o writes the file atomically and --stats describes the merge",
          "[cli][merge]") {
  Sandbox box;
  box.Write("a.tsv", "a\t1\nb\t2\n");
  box.Write("b.tsv", "token\tcount\nb\t1\nc\t5\n");
  const RunResult r = box.Run("vocabcount --merge --stats -o out.tsv a.tsv b.tsv");
  INFO(r);
  CHECK(r.status == 0);
  CHECK(r.out == "");
  CHECK(box.Read("out.tsv") == "c\t5\nb\t3\na\t1\n");
  CHECK(Contains(r.err, "inputs:          2\n"));
  CHECK(Contains(r.err, "tokens:          9\n"));
  CHECK(Contains(r.err, "distinct tokens: 3\n"));
}

TEST_CASE("cli: --merge of a malformed vocabulary fails naming the file and line", "[cli][merge]") {
  Sandbox box;
  box.Write("good.tsv", "a\t1\nb\t2\n");
  box.Write("bad.tsv", "a\t1\nb\t+2\n");
  box.Write("twice.tsv", "b\t1\na\t1\nb\t1\n");
  struct Case {
    std::string inputs;
    std::string message;
  };
  for (const Case& test :
       {Case{"good.tsv bad.tsv",
             "vocabcount: bad.tsv: line 2: the count is not a positive decimal integer\n"},
        Case{"good.tsv twice.tsv",
             "vocabcount: twice.tsv: line 3: the token of an earlier line again\n"},
        Case{"good.tsv - < bad.tsv",
             "vocabcount: <stdin>: line 2: the count is not a positive decimal integer\n"}}) {
    for (const char* sort : {"", "--sort token"}) {
      INFO(test.inputs << " " << sort);
      const RunResult r =
          box.Run(std::string("vocabcount --merge ") + sort + " -o out.tsv " + test.inputs);
      INFO(r);
      CHECK(r.status == 1);
      CHECK(r.out == "");
      CHECK(Contains(r.err, test.message));
      CHECK_FALSE(fs::exists(box.dir() / "out.tsv"));
    }
  }
}

TEST_CASE("cli: --merge --keep-going leaves out what cannot be read and exits 1", "[cli][merge]") {
  Sandbox box;
  box.Write("a.tsv", "a\t1\nb\t2\n");
  box.Write("bad.tsv", "a\t1\na\t1\n");
  const RunResult stopped =
      box.Run("vocabcount --merge -o out.tsv a.tsv missing.tsv bad.tsv a.tsv");
  INFO(stopped);
  CHECK(stopped.status == 1);
  CHECK_FALSE(fs::exists(box.dir() / "out.tsv"));
  const RunResult kept = box.Run("vocabcount --merge --keep-going a.tsv missing.tsv bad.tsv a.tsv");
  INFO(kept);
  CHECK(kept.status == 1);
  CHECK(kept.out == "b\t4\na\t2\n");
  CHECK(Contains(kept.err, "vocabcount: missing.tsv: No such file or directory\n"));
  CHECK(Contains(kept.err, "vocabcount: bad.tsv: line 2: the token of line 1 again\n"));
}

TEST_CASE("cli: --merge reads compressed vocabularies", "[cli][merge]") {
  Sandbox box;
  REQUIRE(box.Run(CountPartsScript(3, "--sort token")).status == 0);
  const RunResult compressed =
      box.Run("set -e\ngzip -k part-0.tsv\nzstd -q part-1.tsv\nxz -k part-2.tsv");
  INFO(compressed);
  if (compressed.status != 0) {
    WARN("gzip, zstd or xz is missing: compressed merge not tested");
    return;
  }
  const RunResult whole = box.Run("vocabcount --sort token \"$CORPUS\"/*.txt");
  const RunResult merged =
      box.Run("vocabcount --merge --sort token part-0.tsv.gz part-1.tsv.zst part-2.tsv.xz");
  INFO(merged);
  CHECK(merged.status == 0);
  CHECK(merged.out == whole.out);
}

TEST_CASE("cli: --merge does not take tokenizing options", "[cli][merge]") {
  Sandbox box;
  box.Write("a.tsv", "a\t1\n");
  for (const char* flag : {"--lower", "--casefold", "--nfc", "--nfkc", "-t whitespace"}) {
    INFO(flag);
    const RunResult r = box.Run(std::string("vocabcount --merge ") + flag + " a.tsv");
    CHECK(r.status == 2);
    CHECK(r.out == "");
    CHECK(StartsWith(r.err, "vocabcount: --merge cannot be combined with --tokenizer, --lower"));
  }
}

}  // namespace
