// End-to-end tests of the vocabcount command: each test runs the built binary
// through a shell script in a fresh temporary directory and checks the exact
// bytes on stdout, the messages on stderr and the exit status.
#include <catch2/catch.hpp>
#include <cstdio>
#include <map>
#include <regex>
#include <string>
#include <utility>
#include <vector>

#include "support/cli_sandbox.h"

namespace {

using namespace vocabcount::cli_testing;  // NOLINT: the shared test vocabulary
// ---------------------------------------------------------------------------
// Counting and the output format

TEST_CASE("cli: a small file is counted into exact TSV with status 0", "[cli]") {
  Sandbox box;
  box.Write("cat.txt", kCatText);
  const RunResult r = box.Run("vocabcount cat.txt");
  INFO(r);
  CHECK(r.status == 0);
  CHECK(r.err == "");
  CHECK(r.out == kCatVocabulary);
}

TEST_CASE("cli: equal counts are ordered by token bytes (digits, uppercase, lowercase)", "[cli]") {
  Sandbox box;
  // Byte order: digits < uppercase < lowercase < multi-byte UTF-8.
  box.Write("in.txt", "zeta Zeta 42 été alpha zeta\n");
  const RunResult r = box.Run("vocabcount in.txt");
  INFO(r);
  CHECK(r.status == 0);
  CHECK(r.out == "zeta\t2\n42\t1\nZeta\t1\nalpha\t1\n\xC3\xA9t\xC3\xA9\t1\n");
}

TEST_CASE("cli: --header writes token<TAB>count as the first line", "[cli]") {
  Sandbox box;
  box.Write("cat.txt", kCatText);
  const RunResult r = box.Run("vocabcount --header cat.txt");
  INFO(r);
  CHECK(r.status == 0);
  CHECK(r.out == std::string("token\tcount\n") + kCatVocabulary);
}

TEST_CASE("cli: --header on an empty input writes only the header", "[cli]") {
  Sandbox box;
  box.Write("empty.txt", "");
  const RunResult plain = box.Run("vocabcount empty.txt");
  INFO(plain);
  CHECK(plain.status == 0);
  CHECK(plain.out == "");
  const RunResult header = box.Run("vocabcount --header empty.txt");
  INFO(header);
  CHECK(header.status == 0);
  CHECK(header.out == "token\tcount\n");
}

TEST_CASE("cli: --min-count drops the tokens seen fewer times", "[cli]") {
  Sandbox box;
  box.Write("in.txt", "a a a a b b b c c d\n");
  const RunResult r = box.Run("vocabcount --min-count 2 in.txt");
  INFO(r);
  CHECK(r.status == 0);
  CHECK(r.out == "a\t4\nb\t3\nc\t2\n");
  const RunResult all = box.Run("vocabcount --min-count 1 in.txt");
  INFO(all);
  CHECK(all.out == "a\t4\nb\t3\nc\t2\nd\t1\n");
  const RunResult none = box.Run("vocabcount --min-count 5 in.txt");
  INFO(none);
  CHECK(none.status == 0);
  CHECK(none.out == "");
}

TEST_CASE("cli: --top keeps the first N lines of the sorted vocabulary", "[cli]") {
  Sandbox box;
  box.Write("in.txt", "d c c b b b a a a a e\n");
  const RunResult r = box.Run("vocabcount --top 2 in.txt");
  INFO(r);
  CHECK(r.status == 0);
  CHECK(r.out == "a\t4\nb\t3\n");
  // Ties are cut in token byte order: d and e both occur once.
  const RunResult ties = box.Run("vocabcount --top 4 in.txt");
  INFO(ties);
  CHECK(ties.out == "a\t4\nb\t3\nc\t2\nd\t1\n");
  const RunResult more = box.Run("vocabcount --top 100 in.txt");
  INFO(more);
  CHECK(more.out == "a\t4\nb\t3\nc\t2\nd\t1\ne\t1\n");
}

TEST_CASE("cli: --min-count and --top combine: the filter, then the first N", "[cli]") {
  Sandbox box;
  box.Write("in.txt", "a a a a b b b c c d e\n");
  const RunResult r = box.Run("vocabcount --min-count 2 --top 2 --header in.txt");
  INFO(r);
  CHECK(r.status == 0);
  CHECK(r.out == "token\tcount\na\t4\nb\t3\n");
  // --top larger than what --min-count leaves keeps everything left.
  const RunResult wide = box.Run("vocabcount --top 10 --min-count 3 in.txt");
  INFO(wide);
  CHECK(wide.out == "a\t4\nb\t3\n");
}

TEST_CASE("cli: --tokenizer whitespace keeps punctuation attached", "[cli]") {
  Sandbox box;
  box.Write("in.txt", "Hello, world! hello.\tworld!\n(x)\n");
  const RunResult r = box.Run("vocabcount --tokenizer whitespace in.txt");
  INFO(r);
  CHECK(r.status == 0);
  CHECK(r.out == "world!\t2\n(x)\t1\nHello,\t1\nhello.\t1\n");
  const RunResult word = box.Run("vocabcount -t word in.txt");
  INFO(word);
  CHECK(word.out == "world\t2\nHello\t1\nhello\t1\nx\t1\n");
}

TEST_CASE("cli: --lower lowercases Greek with a final sigma", "[cli]") {
  Sandbox box;
  // ΟΔΟΣ: the word-final capital sigma lowercases to ς (U+03C2), not σ.
  box.Write("in.txt", "\xCE\x9F\xCE\x94\xCE\x9F\xCE\xA3 \xCE\xBF\xCE\xB4\xCE\xBF\xCF\x82\n");
  const RunResult r = box.Run("vocabcount --lower in.txt");
  INFO(r);
  CHECK(r.status == 0);
  CHECK(r.out == "\xCE\xBF\xCE\xB4\xCE\xBF\xCF\x82\t2\n");
  const RunResult ascii = box.Run("printf 'The THE the\\n' | vocabcount --lower");
  INFO(ascii);
  CHECK(ascii.out == "the\t3\n");
}

TEST_CASE("cli: --casefold folds ß and SS to the same token", "[cli]") {
  Sandbox box;
  box.Write("in.txt",
            "Stra\xC3\x9F"
            "e STRASSE\n");
  const RunResult r = box.Run("vocabcount --casefold in.txt");
  INFO(r);
  CHECK(r.status == 0);
  CHECK(r.out == "strasse\t2\n");
  // Lowercasing keeps ß, so the two stay apart.
  const RunResult lower = box.Run("vocabcount --lower in.txt");
  INFO(lower);
  CHECK(lower.out ==
        "strasse\t1\nstra\xC3\x9F"
        "e\t1\n");
}

TEST_CASE("cli: --nfc merges a decomposed é with the precomposed one", "[cli]") {
  Sandbox box;
  box.Write("in.txt",
            "caf"
            "e\xCC\x81 caf\xC3\xA9\n");
  const RunResult plain = box.Run("vocabcount in.txt");
  INFO(plain);
  CHECK(plain.status == 0);
  CHECK(plain.out == "cafe\xCC\x81\t1\ncaf\xC3\xA9\t1\n");
  const RunResult nfc = box.Run("vocabcount --nfc in.txt");
  INFO(nfc);
  CHECK(nfc.status == 0);
  CHECK(nfc.out == "caf\xC3\xA9\t2\n");
}

TEST_CASE("cli: --nfkc turns the fi ligature into fi", "[cli]") {
  Sandbox box;
  box.Write("in.txt", "\xEF\xAC\x81nd find\n");
  const RunResult nfc = box.Run("vocabcount --nfc in.txt");
  INFO(nfc);
  CHECK(nfc.out == "find\t1\n\xEF\xAC\x81nd\t1\n");  // NFC keeps the ligature
  const RunResult nfkc = box.Run("vocabcount --nfkc in.txt");
  INFO(nfkc);
  CHECK(nfkc.status == 0);
  CHECK(nfkc.out == "find\t2\n");
}

TEST_CASE("cli: case mapping and normalization combine", "[cli]") {
  Sandbox box;
  // Ligature, capital, decomposed accent: all one token under --casefold --nfkc.
  box.Write("in.txt",
            "\xEF\xAC\x81"
            "anc\xC3\xA9 FIANCE\xCC\x81 fianc\xC3\xA9\n");
  const RunResult r = box.Run("vocabcount --casefold --nfkc in.txt");
  INFO(r);
  CHECK(r.status == 0);
  CHECK(r.out == "fianc\xC3\xA9\t3\n");
}

TEST_CASE("cli: --lower with --casefold, and --nfc with --nfkc, are usage errors", "[cli]") {
  Sandbox box;
  box.Write("in.txt", "text\n");
  const RunResult cases = box.Run("vocabcount --lower --casefold in.txt");
  INFO(cases);
  CHECK(cases.status == 2);
  CHECK(cases.out == "");
  CHECK(Contains(cases.err, "--lower"));
  CHECK(Contains(cases.err, "--casefold"));
  const RunResult forms = box.Run("vocabcount --nfkc --nfc in.txt");
  INFO(forms);
  CHECK(forms.status == 2);
  CHECK(forms.out == "");
  CHECK(Contains(forms.err, "--nfc"));
  CHECK(Contains(forms.err, "--nfkc"));
}

// ---------------------------------------------------------------------------
// Inputs: standard input, directories, links, FIFOs

TEST_CASE("cli: with no PATH, standard input is read", "[cli]") {
  Sandbox box;
  box.Write("cat.txt", kCatText);
  const RunResult r = box.Run("vocabcount < cat.txt");
  INFO(r);
  CHECK(r.status == 0);
  CHECK(r.err == "");
  CHECK(r.out == kCatVocabulary);
  const RunResult piped = box.Run("cat cat.txt | vocabcount");
  INFO(piped);
  CHECK(piped.status == 0);
  CHECK(piped.out == kCatVocabulary);
}

TEST_CASE("cli: - reads standard input, also between files", "[cli]") {
  Sandbox box;
  box.Write("cat.txt", kCatText);
  box.Write("a.txt", "alpha the\n");
  box.Write("c.txt", "gamma\n");
  const RunResult dash = box.Run("cat cat.txt | vocabcount -");
  INFO(dash);
  CHECK(dash.status == 0);
  CHECK(dash.out == kCatVocabulary);
  const RunResult mixed = box.Run("cat cat.txt | vocabcount a.txt - c.txt");
  INFO(mixed);
  CHECK(mixed.status == 0);
  CHECK(mixed.err == "");
  CHECK(mixed.out == "the\t4\nalpha\t1\nand\t1\ncat\t1\nend\t1\ngamma\t1\nhat\t1\n");
}

TEST_CASE("cli: a directory is walked recursively and counts like its files listed", "[cli]") {
  Sandbox box;
  box.Write("tree/top.txt", "alpha beta\n");
  box.Write("tree/a/one.txt", "beta gamma\n");
  box.Write("tree/a/b/c/deep.txt", "gamma delta alpha\n");
  box.Write("tree/z/last.txt", "alpha\n");
  fs::create_directories(box.dir() / "tree/empty");
  // Not a regular file: opening it would block, so the walk must skip it
  // (timeout turns a hang into a failure).
  const RunResult fifo = box.Run("mkfifo tree/a/pipe");
  REQUIRE(fifo.status == 0);
  const std::string expected = "alpha\t3\nbeta\t2\ngamma\t2\ndelta\t1\n";

  const RunResult walked = box.Run("timeout 30 \"$VC\" tree");
  INFO(walked);
  CHECK(walked.status == 0);
  CHECK(walked.err == "");
  CHECK(walked.out == expected);
  const RunResult listed =
      box.Run("vocabcount tree/z/last.txt tree/a/b/c/deep.txt tree/top.txt tree/a/one.txt");
  INFO(listed);
  CHECK(listed.status == 0);
  CHECK(listed.out == walked.out);
  // A subdirectory named on its own is walked the same way.
  const RunResult sub = box.Run("timeout 30 \"$VC\" tree/a/");
  INFO(sub);
  CHECK(sub.status == 0);
  CHECK(sub.out == "gamma\t2\nalpha\t1\nbeta\t1\ndelta\t1\n");
}

// Shared by the link tests: walk/ holds one file of its own and links to a
// file and a directory outside it.
void MakeLinkedTree(const Sandbox& box) {
  box.Write("walk/own.txt", "own words\n");
  box.Write("outside/file.txt", "linked file\n");
  box.Write("outside/dir/inner.txt", "linked dir\n");
  const RunResult links =
      box.Run("ln -s ../outside/file.txt walk/file-link && ln -s ../outside/dir walk/dir-link");
  INFO(links);
  REQUIRE(links.status == 0);
}

TEST_CASE("cli: symbolic links inside a walked directory are skipped by default", "[cli]") {
  Sandbox box;
  MakeLinkedTree(box);
  const RunResult r = box.Run("vocabcount walk");
  INFO(r);
  CHECK(r.status == 0);
  CHECK(r.err == "");
  CHECK(r.out == "own\t1\nwords\t1\n");
}

TEST_CASE("cli: --follow follows links to files and directories inside a walk", "[cli]") {
  Sandbox box;
  MakeLinkedTree(box);
  const RunResult r = box.Run("vocabcount --follow walk");
  INFO(r);
  CHECK(r.status == 0);
  CHECK(r.err == "");
  CHECK(r.out == "linked\t2\ndir\t1\nfile\t1\nown\t1\nwords\t1\n");
}

TEST_CASE("cli: a link named on the command line is read without --follow", "[cli]") {
  Sandbox box;
  MakeLinkedTree(box);
  const RunResult r = box.Run("vocabcount walk/file-link walk/dir-link");
  INFO(r);
  CHECK(r.status == 0);
  CHECK(r.out == "linked\t2\ndir\t1\nfile\t1\n");
}

TEST_CASE("cli: --follow terminates on a link loop and counts each file once", "[cli]") {
  Sandbox box;
  box.Write("loop/own.txt", "own words\n");
  box.Write("loop/sub/deep.txt", "deep\n");
  const RunResult links = box.Run("ln -s . loop/self && ln -s .. loop/sub/up");
  REQUIRE(links.status == 0);
  const RunResult r = box.Run("timeout 30 \"$VC\" --follow loop");
  INFO(r);
  CHECK(r.status == 0);  // 124 would mean timeout killed it
  CHECK(r.err == "");
  CHECK(r.out == "deep\t1\nown\t1\nwords\t1\n");
}

TEST_CASE("cli: a FIFO named as input is read to its end", "[cli]") {
  Sandbox box;
  // Opening the FIFO read-write at the end releases a writer still blocked
  // in open() if vocabcount failed before opening it, so `wait` cannot hang.
  const RunResult r = box.Run(
      "mkfifo fifo || exit 120\n"
      "printf 'through the pipe the end\\n' > fifo &\n"
      "timeout 30 \"$VC\" fifo; status=$?\n"
      "exec 3<>fifo; wait; exit $status");
  INFO(r);
  CHECK(r.status == 0);
  CHECK(r.err == "");
  CHECK(r.out == "the\t2\nend\t1\npipe\t1\nthrough\t1\n");
}

// ---------------------------------------------------------------------------
// Unreadable inputs

TEST_CASE("cli: a missing input fails with status 1 and no partial vocabulary", "[cli]") {
  Sandbox box;
  box.Write("a.txt", "alpha beta\n");
  box.Write("c.txt", "gamma\n");
  const RunResult r = box.Run("vocabcount a.txt missing.txt c.txt");
  INFO(r);
  CHECK(r.status == 1);
  CHECK(r.err == "vocabcount: missing.txt: No such file or directory\n");
  CHECK(r.out == "");
}

TEST_CASE("cli: --keep-going reports a missing input, counts the others, exits 1", "[cli]") {
  Sandbox box;
  box.Write("a.txt", "alpha beta\n");
  box.Write("c.txt", "gamma beta\n");
  const RunResult r = box.Run("vocabcount --keep-going a.txt missing.txt c.txt");
  INFO(r);
  CHECK(r.status == 1);
  CHECK(r.err == "vocabcount: missing.txt: No such file or directory\n");
  CHECK(r.out == "beta\t2\nalpha\t1\ngamma\t1\n");
  const RunResult both = box.Run("vocabcount --keep-going nope1 a.txt nope2");
  INFO(both);
  CHECK(both.status == 1);
  CHECK(both.err ==
        "vocabcount: nope1: No such file or directory\n"
        "vocabcount: nope2: No such file or directory\n");
  CHECK(both.out == "alpha\t1\nbeta\t1\n");
}

// Runs `args` as a user who cannot read secret.txt: as root (CI), through
// setpriv as nobody; otherwise directly. Returns false (and warns) when that
// cannot be arranged here.
bool RunUnprivileged(const Sandbox& box, const std::string& args, RunResult& result) {
  std::string prefix;
  if (geteuid() == 0) {
    prefix = "setpriv --reuid=65534 --regid=65534 --clear-groups ";
    const RunResult probe = box.Run(prefix + "test -x \"$VC\" && " + prefix + "test -r a.txt");
    if (probe.status != 0) {
      WARN(
          "skipped: setpriv cannot run the binary or read the sandbox as uid 65534: " << probe.err);
      return false;
    }
  }
  const RunResult readable = box.Run(prefix + "test -r secret.txt");
  if (readable.status == 0) {
    WARN("skipped: this user can read a file with mode 000");
    return false;
  }
  result = box.Run(prefix + "\"$VC\" " + args);
  return true;
}

// Runs `args` unprivileged twice: without --keep-going the run must fail with
// `error` and write nothing; with it, fail with `error` and write `kept_out`.
// False when the unprivileged run is not possible here (the test is skipped).
bool CheckUnreadableInput(const Sandbox& box, const std::string& args, const std::string& error,
                          const std::string& kept_out) {
  RunResult r;
  if (!RunUnprivileged(box, args, r)) return false;
  {
    INFO(r);
    CHECK(r.status == 1);
    CHECK(r.err == error);
    CHECK(r.out == "");
  }
  RunResult kept;
  REQUIRE(RunUnprivileged(box, "--keep-going " + args, kept));
  INFO(kept);
  CHECK(kept.status == 1);
  CHECK(kept.err == error);
  CHECK(kept.out == kept_out);
  return true;
}

TEST_CASE("cli: an unreadable input fails with Permission denied and no vocabulary", "[cli]") {
  Sandbox box;
  box.Write("a.txt", "alpha beta\n");
  box.Write("secret.txt", "hidden\n");
  box.Write("c.txt", "gamma beta\n");
  box.Write("old.tsv", "previous\t1\n");
  // Everything but the secret must be reachable by the unprivileged user.
  fs::permissions(box.root(), static_cast<fs::perms>(0755));
  fs::permissions(box.dir(), static_cast<fs::perms>(0777));
  for (const char* name : {"a.txt", "c.txt", "old.tsv"}) {
    fs::permissions(box.dir() / name, static_cast<fs::perms>(0666));
  }
  fs::permissions(box.dir() / "secret.txt", fs::perms::none);

  if (!CheckUnreadableInput(box, "a.txt secret.txt c.txt",
                            "vocabcount: secret.txt: Permission denied\n",
                            "beta\t2\nalpha\t1\ngamma\t1\n")) {
    return;
  }
  // The failure comes while counting (after the output file was opened): the
  // old output must survive it, and no temporary file may stay behind.
  RunResult to_file;
  REQUIRE(RunUnprivileged(box, "-o old.tsv a.txt secret.txt c.txt", to_file));
  INFO(to_file);
  CHECK(to_file.status == 1);
  CHECK(to_file.err == "vocabcount: secret.txt: Permission denied\n");
  CHECK(box.Read("old.tsv") == "previous\t1\n");
  CHECK(box.List() == std::vector<std::string>{"a.txt", "c.txt", "old.tsv", "secret.txt"});
}

TEST_CASE("cli: unreadable files among many small ones: one report at every thread count",
          "[cli]") {
  Sandbox box;
  for (int i = 0; i < 200; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "many/f%03d.txt", i);
    box.Write(name, "word" + std::to_string(i % 7) + " common\n");
  }
  // Everything but the three files must be reachable by the unprivileged user.
  fs::permissions(box.root(), static_cast<fs::perms>(0755));
  fs::permissions(box.dir(), static_cast<fs::perms>(0777));
  fs::permissions(box.dir() / "many", static_cast<fs::perms>(0777));
  for (const auto& entry : fs::directory_iterator(box.dir() / "many")) {
    fs::permissions(entry.path(), static_cast<fs::perms>(0666));
  }
  box.Write("a.txt", "");
  box.Write("secret.txt", "");
  fs::permissions(box.dir() / "a.txt", static_cast<fs::perms>(0666));
  fs::permissions(box.dir() / "secret.txt", fs::perms::none);
  for (const char* name : {"many/f050.txt", "many/f051.txt", "many/f170.txt"}) {
    fs::permissions(box.dir() / name, fs::perms::none);
  }
  const std::string all_errors =
      "vocabcount: many/f050.txt: Permission denied\n"
      "vocabcount: many/f051.txt: Permission denied\n"
      "vocabcount: many/f170.txt: Permission denied\n";
  std::string first_out;
  for (const char* threads : {"-j1", "-j2", "-j5"}) {
    INFO(threads);
    RunResult kept;
    if (!RunUnprivileged(box, std::string("--keep-going ") + threads + " many", kept)) return;
    INFO(kept);
    CHECK(kept.status == 1);
    CHECK(kept.err == all_errors);
    if (first_out.empty()) first_out = kept.out;
    CHECK(kept.out == first_out);
    CHECK(kept.out.starts_with("common\t197\n"));
    RunResult stopped;
    REQUIRE(RunUnprivileged(box, std::string(threads) + " many", stopped));
    INFO(stopped);
    CHECK(stopped.status == 1);
    CHECK(stopped.err == "vocabcount: many/f050.txt: Permission denied\n");
    CHECK(stopped.out == "");
  }
}

TEST_CASE("cli: an unreadable directory inside a walk is reported", "[cli]") {
  Sandbox box;
  box.Write("a.txt", "x\n");
  box.Write("secret.txt", "");
  box.Write("tree/ok.txt", "fine words\n");
  box.Write("tree/locked/hidden.txt", "hidden\n");
  fs::permissions(box.root(), static_cast<fs::perms>(0755));
  fs::permissions(box.dir(), static_cast<fs::perms>(0755));
  fs::permissions(box.dir() / "a.txt", static_cast<fs::perms>(0644));
  fs::permissions(box.dir() / "secret.txt", fs::perms::none);
  fs::permissions(box.dir() / "tree", static_cast<fs::perms>(0755));
  fs::permissions(box.dir() / "tree/ok.txt", static_cast<fs::perms>(0644));
  fs::permissions(box.dir() / "tree/locked", fs::perms::none);

  CheckUnreadableInput(box, "tree", "vocabcount: tree/locked: Permission denied\n",
                       "fine\t1\nwords\t1\n");
}

// ---------------------------------------------------------------------------
// Usage

TEST_CASE("cli: bad options and values are usage errors naming the option", "[cli]") {
  struct UsageCase {
    const char* args;
    const char* named;  // what the message must mention
  };
  const UsageCase cases[] = {
      {"--nope", "--nope"},
      {"--threads 0", "--threads"},
      {"-j 0", "--threads"},
      {"--threads abc", "--threads"},
      {"--threads 1025", "--threads"},
      {"--threads", "--threads"},
      {"--min-count 0", "--min-count"},
      {"--min-count -5", "--min-count"},
      {"--min-count=-5", "--min-count"},
      {"--min-count 2x", "--min-count"},
      {"--top 0", "--top"},
      {"--top -1", "--top"},
      {"--tokenizer bogus", "--tokenizer"},
      {"-t ''", "--tokenizer"},
      {"-o ''", "--output"},
      {"--output=", "--output"},
      {"--chunk-size 0", "--chunk-size"},
  };
  Sandbox box;
  box.Write("in.txt", "text\n");
  for (const UsageCase& usage : cases) {
    const RunResult r = box.Run(std::string("vocabcount ") + usage.args + " in.txt");
    INFO("vocabcount " << usage.args << " in.txt\n" << r);
    CHECK(r.status == 2);
    CHECK(r.out == "");
    CHECK(StartsWith(r.err, "vocabcount: "));
    CHECK(Contains(r.err, usage.named));
    CHECK((r.err.size() >= std::strlen(kTryHelp) &&
           r.err.compare(r.err.size() - std::strlen(kTryHelp), std::string::npos, kTryHelp) == 0));
  }
}

TEST_CASE("cli: usage errors are in the command's words: the option, the value, what it takes",
          "[cli]") {
  struct UsageCase {
    const char* args;
    const char* message;  // the whole first line, without "vocabcount: "
  };
  const UsageCase cases[] = {
      {"--sort freq", "--sort: 'freq' is not an order: use count or token"},
      {"--sort 1", "--sort: '1' is not an order: use count or token"},
      {"--format 2", "--format: '2' is not a format: use tsv, glove or json"},
      {"-t 1", "--tokenizer: '1' is not a tokenizer: use word, whitespace, gpt2, cl100k or o200k"},
      {"--lower=no", "--lower takes no value ('--lower=no'): give --lower alone, or leave it out"},
      {"--help=1", "--help takes no value ('--help=1'): give --help alone, or leave it out"},
      {"-0=1", "-0 takes no value ('-0=1')"},
      {"--top", "--top needs a value: N, a whole number of at least 1"},
      {"--sort", "--sort needs a value: ORDER, one of count or token"},
      {"--jsonl --lower",
       "--jsonl needs a value: FIELD ('--lower' is an option; give a value that starts with - as "
       "--jsonl=VALUE)"},
      {"--bogus", "unknown option '--bogus'"},
      {"--lowr", "unknown option '--lowr' (did you mean --lower?)"},
      {"--thread 2", "unknown option '--thread' (did you mean --threads?)"},
      {"-V2", "unknown option '-2' in '-V2'"},
      {"--sort count --sort token", "--sort is given twice ('count', then 'token'); give it once"},
      {"--stats json",
       "--stats json: a format goes after '=', as in --stats=json (as it stands, json is read as "
       "an input; write ./json for a file of that name)"},
  };
  Sandbox box;
  box.Write("in.txt", "text\n");
  box.Write("json", "a file named json\n");  // still not read as an input
  for (const UsageCase& usage : cases) {
    // The path first, so that it is not taken for a missing value.
    const RunResult r = box.Run(std::string("vocabcount in.txt ") + usage.args);
    INFO("vocabcount in.txt " << usage.args << "\n" << r);
    CHECK(r.status == 2);
    CHECK(r.out == "");
    CHECK(r.err == "vocabcount: " + std::string(usage.message) + "\n" + kTryHelp);
  }
  // A flag given twice is no error, and "-" alone, or any value after "=", is
  // a value (the library then judges it).
  for (const char* args : {"--lower --lower", "--ngrams 2 --ngram-separator -", "--min-count=-"}) {
    const RunResult r = box.Run(std::string("vocabcount ") + args + " in.txt");
    INFO(args << "\n" << r);
    CHECK_FALSE(Contains(r.err, "needs a value"));
    CHECK_FALSE(Contains(r.err, "given twice"));
  }
}

TEST_CASE("cli: -o - writes to standard output, like having no -o", "[cli]") {
  Sandbox box;
  box.Write("cat.txt", kCatText);
  const RunResult r = box.Run("vocabcount -o - cat.txt");
  INFO(r);
  CHECK(r.status == 0);
  CHECK(r.out == kCatVocabulary);
  CHECK(box.List() == std::vector<std::string>{"cat.txt"});
  const RunResult equals = box.Run("vocabcount --output=- cat.txt");
  CHECK(equals.out == kCatVocabulary);
  CHECK(box.List() == std::vector<std::string>{"cat.txt"});
}

TEST_CASE("cli: a usage error neither reads input nor creates the output file", "[cli]") {
  Sandbox box;
  box.Write("in.txt", "text\n");
  // A FIFO with no writer: reading it would hang until timeout kills the run.
  REQUIRE(box.Run("mkfifo pipe").status == 0);
  const RunResult r = box.Run("timeout 30 \"$VC\" --top 0 -o out.tsv pipe in.txt");
  INFO(r);
  CHECK(r.status == 2);
  CHECK(box.List() == std::vector<std::string>{"in.txt", "pipe"});
}

TEST_CASE("cli: --help exits 0 and documents every option and the exit status", "[cli]") {
  Sandbox box;
  const RunResult r = box.Run("vocabcount --help");
  INFO(r);
  CHECK(r.status == 0);
  CHECK(r.err == "");
  for (const char* option : {"-h, --help", "-V, --version",     "-t, --tokenizer",
                             "--lower",    "--casefold",        "--nfc",
                             "--nfkc",     "--min-count",       "--top",
                             "--header",   "-o, --output",      "-j, --threads",
                             "--stats",    "--keep-going",      "--follow",
                             "--ngrams",   "--ngram-separator", "PATH",
                             "word",       "whitespace"}) {
    INFO("missing from the help: " << option);
    CHECK(Contains(r.out, option));
  }
  CHECK(Contains(r.out, "Exit status:"));
  CHECK(Contains(r.out, "usage error"));
  // The chunk size is a test hook, not an interface.
  CHECK_FALSE(Contains(r.out, "--chunk-size"));
  const RunResult short_form = box.Run("vocabcount -h");
  CHECK(short_form.status == 0);
  CHECK(short_form.out == r.out);
}

TEST_CASE("cli: --version exits 0 and prints vocabcount and the version", "[cli]") {
  Sandbox box;
  const RunResult r = box.Run("vocabcount --version");
  INFO(r);
  CHECK(r.status == 0);
  CHECK(r.err == "");
  CHECK(std::regex_match(r.out, std::regex("vocabcount [0-9]+\\.[0-9]+\\.[0-9]+\n")));
  const RunResult short_form = box.Run("vocabcount -V");
  CHECK(short_form.status == 0);
  CHECK(short_form.out == r.out);
}

// ---------------------------------------------------------------------------
// Output: -o, write errors, closed pipes

TEST_CASE("cli: -o writes the vocabulary to the file and nothing to stdout", "[cli]") {
  Sandbox box;
  box.Write("cat.txt", kCatText);
  const RunResult r = box.Run("vocabcount --header -o out.tsv cat.txt");
  INFO(r);
  CHECK(r.status == 0);
  CHECK(r.err == "");
  CHECK(r.out == "");
  CHECK(box.Read("out.tsv") == std::string("token\tcount\n") + kCatVocabulary);
  CHECK(box.List() == std::vector<std::string>{"cat.txt", "out.tsv"});
  // A second run replaces the content whole.
  box.Write("short.txt", "one\n");
  const RunResult again = box.Run("vocabcount --output out.tsv short.txt");
  INFO(again);
  CHECK(again.status == 0);
  CHECK(box.Read("out.tsv") == "one\t1\n");
}

TEST_CASE("cli: -o keeps the previous file byte for byte when the run fails", "[cli]") {
  Sandbox box;
  box.Write("cat.txt", kCatText);
  const std::string previous = "old\t7\nbytes \xFF kept\n";
  box.Write("out.tsv", previous);
  const RunResult r = box.Run("vocabcount -o out.tsv cat.txt missing.txt");
  INFO(r);
  CHECK(r.status == 1);
  CHECK(r.err == "vocabcount: missing.txt: No such file or directory\n");
  CHECK(r.out == "");
  CHECK(box.Read("out.tsv") == previous);
  // No ".out.tsv.vocabcount-*" temporary may be left behind.
  CHECK(box.List() == std::vector<std::string>{"cat.txt", "out.tsv"});
}

TEST_CASE("cli: -o with --keep-going writes the other inputs' vocabulary and exits 1", "[cli]") {
  Sandbox box;
  box.Write("cat.txt", kCatText);
  box.Write("out.tsv", "old\t1\n");
  const RunResult r = box.Run("vocabcount --keep-going -o out.tsv cat.txt missing.txt");
  INFO(r);
  CHECK(r.status == 1);
  CHECK(r.err == "vocabcount: missing.txt: No such file or directory\n");
  CHECK(box.Read("out.tsv") == kCatVocabulary);
  CHECK(box.List() == std::vector<std::string>{"cat.txt", "out.tsv"});
}

TEST_CASE("cli: -o creates a new file with mode 0666 & ~umask, keeps an old file's mode", "[cli]") {
  Sandbox box;
  box.Write("cat.txt", kCatText);
  const RunResult r027 = box.Run("umask 027 && vocabcount -o new027.tsv cat.txt");
  INFO(r027);
  REQUIRE(r027.status == 0);
  CHECK(ModeOf(box.dir() / "new027.tsv") == 0640);
  const RunResult r002 = box.Run("umask 002 && vocabcount -o new002.tsv cat.txt");
  INFO(r002);
  REQUIRE(r002.status == 0);
  CHECK(ModeOf(box.dir() / "new002.tsv") == 0664);
  CHECK(box.Read("new002.tsv") == kCatVocabulary);

  box.Write("private.tsv", "old\n");
  fs::permissions(box.dir() / "private.tsv", static_cast<fs::perms>(0600));
  const RunResult replaced = box.Run("umask 000 && vocabcount -o private.tsv cat.txt");
  INFO(replaced);
  REQUIRE(replaced.status == 0);
  CHECK(box.Read("private.tsv") == kCatVocabulary);
  CHECK(ModeOf(box.dir() / "private.tsv") == 0600);
}

TEST_CASE("cli: -o into a missing directory fails with status 1 naming the path", "[cli]") {
  Sandbox box;
  box.Write("cat.txt", kCatText);
  const RunResult r = box.Run("vocabcount -o missing-dir/out.tsv cat.txt");
  INFO(r);
  CHECK(r.status == 1);
  CHECK(r.out == "");
  CHECK(StartsWith(r.err, "vocabcount: missing-dir/out.tsv: "));
  CHECK(Contains(r.err, "No such file or directory"));
  CHECK(SplitLines(r.err).size() == 1);
  CHECK_FALSE(fs::exists(box.dir() / "missing-dir"));
}

TEST_CASE("cli: -o onto a directory fails with status 1 and leaves no temporary file", "[cli]") {
  Sandbox box;
  box.Write("cat.txt", kCatText);
  fs::create_directory(box.dir() / "out");
  const RunResult r = box.Run("vocabcount -o out cat.txt");
  INFO(r);
  CHECK(r.status == 1);
  CHECK(r.out == "");
  CHECK(StartsWith(r.err, "vocabcount: out: "));
  CHECK(box.List() == std::vector<std::string>{"cat.txt", "out"});
  CHECK(fs::is_empty(box.dir() / "out"));
}

TEST_CASE("cli: a full standard output is a write error with status 1", "[cli]") {
  if (!fs::exists("/dev/full")) {
    WARN("skipped: no /dev/full here");
    return;
  }
  Sandbox box;
  box.Write("cat.txt", kCatText);
  const RunResult r = box.Run("vocabcount cat.txt > /dev/full");
  INFO(r);
  CHECK(r.status == 1);
  CHECK(StartsWith(r.err, "vocabcount: "));
  CHECK(Contains(r.err, "standard output"));
  CHECK(Contains(r.err, "No space left on device"));
  CHECK(SplitLines(r.err).size() == 1);
}

TEST_CASE("cli: a closed standard output fails with status 1 and a message", "[cli]") {
  Sandbox box;
  box.Write("cat.txt", kCatText);
  const RunResult r = box.Run("vocabcount cat.txt >&-");
  INFO(r);
  CHECK(r.status == 1);
  CHECK(StartsWith(r.err, "vocabcount: "));
  CHECK(Contains(r.err, "standard output"));
  // With -o, standard output is not needed at all.
  const RunResult to_file = box.Run("vocabcount -o out.tsv cat.txt >&-");
  INFO(to_file);
  CHECK(to_file.status == 0);
  CHECK(box.Read("out.tsv") == kCatVocabulary);
}

TEST_CASE("cli: a stream is counted as it arrives, in bounded memory", "[cli]") {
  Sandbox box;
  if (box.Run("test -x /usr/bin/time").status != 0) {
    WARN("skipped: /usr/bin/time (Debian package time) is not installed");
    return;
  }
  // 120 MB through a pipe: holding it whole would need more than 120 MB.
  constexpr long kBytes = 120000000;
  constexpr long kLine = 26;  // "the quick brown fox jumps\n"
  const RunResult r =
      box.Run("yes 'the quick brown fox jumps' | head -c " + std::to_string(kBytes) +
              " | /usr/bin/time -o rss -f %M \"$VC\" -j2 && cat rss >&2");
  INFO(r);
  REQUIRE(r.status == 0);
  // The last, cut line is "the quick brown ".
  const std::string full = std::to_string(kBytes / kLine);
  const std::string plus_one = std::to_string(kBytes / kLine + 1);
  CHECK(r.out == "brown\t" + plus_one + "\nquick\t" + plus_one + "\nthe\t" + plus_one + "\nfox\t" +
                     full + "\njumps\t" + full + "\n");
  const long peak_kilobytes = std::stol(r.err);
  CHECK(peak_kilobytes < 64 * 1024);
}

TEST_CASE("cli: a closed standard input fails when - is named, with status 1", "[cli]") {
  Sandbox box;
  box.Write("cat.txt", kCatText);
  // With fd 0 closed, cat.txt itself would be opened as fd 0: "-" must not
  // read it again.
  const RunResult r = box.Run("vocabcount cat.txt - cat.txt <&-");
  INFO(r);
  CHECK(r.status == 1);
  CHECK(r.out == "");
  CHECK(r.err == "vocabcount: standard input is closed\n");
  const RunResult files_only = box.Run("vocabcount cat.txt cat.txt <&-");
  INFO(files_only);
  CHECK(files_only.status == 0);
  CHECK(files_only.out == "the\t6\nand\t2\ncat\t2\nend\t2\nhat\t2\n");
}

TEST_CASE("cli: a reader that closes the pipe early ends the run quietly with 0", "[cli]") {
  Sandbox box;
  if (box.Run("command -v bash").status != 0) {
    WARN("skipped: bash (for PIPESTATUS) is not installed");
    return;
  }
  // 200000 distinct tokens give about 1.9 MB of TSV, far more than a pipe
  // holds, so vocabcount is still writing when head exits.
  std::string text = "top top\n";
  for (int i = 0; i < 200000; ++i) {
    text += 't' + std::to_string(i) + (i % 16 == 15 ? '\n' : ' ');
  }
  box.Write("big.txt", text);
  const RunResult whole = box.Run("vocabcount big.txt | wc -c");
  INFO(whole);
  REQUIRE(std::stoul(whole.out) > (std::size_t{1} << 20));

  const RunResult r = box.Run(
      "vocabcount big.txt 2>vc.err | head -1 >head.out\n"
      "echo \"${PIPESTATUS[0]} ${PIPESTATUS[1]}\"",
      "bash");
  INFO(r);
  CHECK(r.out == "0 0\n");
  CHECK(box.Read("vc.err") == "");
  CHECK(box.Read("head.out") == "top\t2\n");
}

// ---------------------------------------------------------------------------
// --stats, ill-formed text, line ends

// The "name: value" lines of --stats by name; a line without a colon is kept
// whole as a name with the value "<no colon>", so it still shows in a failure.
std::map<std::string, std::string> ParseStats(const std::string& text) {
  std::map<std::string, std::string> fields;
  for (const std::string& line : SplitLines(text)) {
    const std::size_t colon = line.find(':');
    if (colon == std::string::npos) {
      fields[line] = "<no colon>";
      continue;
    }
    std::string value = line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(' '));
    fields[line.substr(0, colon)] = value;
  }
  return fields;
}

std::string Field(const std::map<std::string, std::string>& fields, const std::string& name) {
  const auto it = fields.find(name);
  return it == fields.end() ? "<missing>" : it->second;
}

TEST_CASE("cli: --stats prints inputs, bytes, tokens and speed to stderr only", "[cli]") {
  Sandbox box;
  box.Write("cat.txt", std::string(kCatText) + "\n");  // 30 bytes, 7 tokens, 5 distinct
  const RunResult r = box.Run("vocabcount --stats cat.txt");
  INFO(r);
  CHECK(r.status == 0);
  CHECK(r.out == kCatVocabulary);
  const auto fields = ParseStats(r.err);
  CHECK(Field(fields, "inputs") == "1");
  CHECK(Field(fields, "bytes") == "30");
  CHECK(Field(fields, "tokens") == "7");
  CHECK(Field(fields, "distinct tokens") == "5");
  CHECK(std::regex_match(Field(fields, "seconds"), std::regex("[0-9]+\\.[0-9]{3}")));
  CHECK(std::regex_match(Field(fields, "MB/s"), std::regex("[0-9]+\\.[0-9]")));
  for (const auto& [name, value] : fields) {
    INFO(name << ": " << value);
    CHECK(value != "<no colon>");
  }
}

TEST_CASE("cli: --stats counts every input and the distinct tokens before --top", "[cli]") {
  Sandbox box;
  box.Write("a.txt", "a b c\n");  // 6 bytes
  box.Write("b.txt",
            "\xEF\xBB\xBF"
            "a d\n");  // 7 bytes: the BOM counts as read
  const RunResult r = box.Run("printf 'a e' | vocabcount -j3 --stats --top 1 a.txt - b.txt");
  INFO(r);
  CHECK(r.status == 0);
  CHECK(r.out == "a\t3\n");
  const auto fields = ParseStats(r.err);
  CHECK(Field(fields, "inputs") == "3");
  CHECK(Field(fields, "bytes") == "16");
  CHECK(Field(fields, "tokens") == "7");
  CHECK(Field(fields, "distinct tokens") == "5");
  CHECK(Field(fields, "threads") == "3");
}

TEST_CASE("cli: the default thread count is the cores this process may use", "[cli]") {
  Sandbox box;
  // More than one work unit (1 MiB), so that more than one thread is worth it.
  std::string big;
  while (big.size() < (3u << 20)) big += std::string(kCatText) + "\n";
  box.Write("cat.txt", big);
  const RunResult pinned = box.Run("taskset -c 0 \"$VC\" --stats cat.txt");
  INFO(pinned);
  REQUIRE(pinned.status == 0);
  CHECK(Field(ParseStats(pinned.err), "threads") == "1");
  const RunResult free = box.Run("vocabcount --stats cat.txt && nproc >&2");
  INFO(free);
  REQUIRE(free.status == 0);
  const std::vector<std::string> lines = SplitLines(free.err);
  CHECK(Field(ParseStats(free.err), "threads") == lines.back());
}

TEST_CASE("cli: inputs that fit in one work unit are counted on one thread", "[cli]") {
  Sandbox box;
  box.Write("cat.txt", kCatText);
  const RunResult r = box.Run("vocabcount -j4 --stats cat.txt");
  INFO(r);
  REQUIRE(r.status == 0);
  CHECK(r.out == kCatVocabulary);
  // One thread of the four asked, and why.
  CHECK(Field(ParseStats(r.err), "threads") == "1 (of 4 asked: the inputs fit in one work unit)");
  const RunResult json = box.Run("vocabcount -j4 --stats=json cat.txt");
  CHECK(Contains(json.err, "\"threads\":1,\"threads_asked\":4,\"thread_limit\":\"small_input\""));
  // Given what it asked for, a run says nothing more.
  const RunResult one = box.Run("vocabcount -j1 --stats cat.txt");
  CHECK(Field(ParseStats(one.err), "threads") == "1");
}

TEST_CASE("cli: ill-formed UTF-8 separates tokens and gets one warning per input", "[cli]") {
  Sandbox box;
  box.Write("bad.txt",
            "ab\xFF"
            "cd \xC3\n");
  box.Write("good.txt", "ab\n");
  const RunResult r = box.Run("vocabcount bad.txt good.txt");
  INFO(r);
  CHECK(r.status == 0);
  CHECK(r.out == "ab\t2\ncd\t1\n");
  REQUIRE(SplitLines(r.err).size() == 1);
  // "bad.txt:2:": the offset of the first sequence; "2 ...": their number.
  CHECK(StartsWith(r.err, "vocabcount: warning: bad.txt:2: 2 ill-formed UTF-8 sequences"));
  CHECK(Contains(r.err, "byte 2)"));

  // Work units as small as possible, on several threads: same tokens, same
  // warning (the offset is in the input, not in a unit).
  const RunResult chunked = box.Run("vocabcount -j3 --chunk-size 1 bad.txt good.txt");
  INFO(chunked);
  CHECK(chunked.out == r.out);
  CHECK(chunked.err == r.err);
}

TEST_CASE("cli: ill-formed UTF-8 warnings count offsets in the input's bytes", "[cli]") {
  Sandbox box;
  // A BOM, then a bad byte at offset 5, then two more bad sequences later on.
  box.Write("bom.txt",
            "\xEF\xBB\xBF"
            "ab\x80"
            "cd\nxy\xED\xA0\x80z \xF8\n");
  const RunResult r = box.Run("vocabcount bom.txt");
  INFO(r);
  CHECK(r.status == 0);
  REQUIRE(SplitLines(r.err).size() == 1);
  CHECK(StartsWith(r.err, "vocabcount: warning: bom.txt:5: "));
  CHECK(Contains(r.err, "(the first at byte 5)"));
  for (const std::string token : {"ab", "cd", "xy", "z"}) {
    INFO(token);
    CHECK(Contains(r.out, token + "\t1\n"));
  }
  CHECK(r.out.find_first_of("\x80\xED\xF8") == std::string::npos);

  const RunResult one = box.Run("printf 'ok\\300ok\\n' | vocabcount");
  INFO(one);
  CHECK(one.status == 0);
  CHECK(one.out == "ok\t2\n");
  CHECK(StartsWith(one.err, "vocabcount: warning: <stdin>:2: 1 ill-formed UTF-8 sequence "));
}

TEST_CASE("cli: a UTF-8 byte order mark at the start of an input is skipped", "[cli]") {
  Sandbox box;
  box.Write("one.txt",
            "\xEF\xBB\xBF"
            "word word\n");
  box.Write("two.txt",
            "\xEF\xBB\xBF"
            "word\n");
  for (const char* tokenizer : {"word", "whitespace"}) {
    const RunResult r = box.Run(std::string("vocabcount -t ") + tokenizer + " one.txt two.txt");
    INFO(tokenizer << "\n" << r);
    CHECK(r.status == 0);
    CHECK(r.err == "");
    CHECK(r.out == "word\t3\n");
    CHECK_FALSE(Contains(r.out, "\xEF\xBB\xBF"));
  }
  const RunResult piped = box.Run("vocabcount -t whitespace < one.txt");
  INFO(piped);
  CHECK(piped.out == "word\t2\n");
}

TEST_CASE("cli: CRLF and lone CR line ends give the same vocabulary as LF", "[cli]") {
  Sandbox box;
  box.Write("lf.txt", "one two\nthree one\n");
  box.Write("crlf.txt", "one two\r\nthree one\r\n");
  box.Write("cr.txt", "one two\rthree one\r");
  for (const char* tokenizer : {"word", "whitespace"}) {
    for (const char* file : {"lf.txt", "crlf.txt", "cr.txt"}) {
      const RunResult r = box.Run(std::string("vocabcount -t ") + tokenizer + " " + file);
      INFO(tokenizer << " " << file << "\n" << r);
      CHECK(r.status == 0);
      CHECK(r.out == "one\t2\nthree\t1\ntwo\t1\n");
    }
  }
}

// ---------------------------------------------------------------------------
// Determinism

TEST_CASE("cli: threads, chunk sizes and input order do not change the output bytes", "[cli]") {
  std::size_t corpus_files = 0;
  for (const fs::directory_entry& entry : fs::directory_iterator(kCorpusDir)) {
    if (entry.path().extension() == ".txt") ++corpus_files;
  }
  REQUIRE(corpus_files >= 2);

  Sandbox box;
  for (const char* normalizing : {"", "--casefold --nfkc "}) {
    const std::string base = std::string("vocabcount ") + normalizing;
    const RunResult reference = box.Run(base + "-j1 \"$CORPUS\"/*.txt");
    INFO(reference);
    REQUIRE(reference.status == 0);
    REQUIRE(reference.err == "");
    REQUIRE(SplitLines(reference.out).size() > 100);
    for (const char* variant : {"-j2", "-j3", "-j8", "-j1 --chunk-size 1", "-j2 --chunk-size 7",
                                "-j8 --chunk-size 1", "--threads 3 --chunk-size 7"}) {
      const RunResult r = box.Run(base + variant + " \"$CORPUS\"/*.txt");
      INFO(base << variant << "\n" << r.err);
      CHECK(r.status == 0);
      CHECK(r.out == reference.out);
    }
    // The same files in the opposite order.
    const RunResult reversed =
        box.Run("set --\nfor f in \"$CORPUS\"/*.txt; do set -- \"$f\" \"$@\"; done\n" + base +
                "-j3 --chunk-size 7 \"$@\"");
    INFO("reversed\n" << reversed.err);
    CHECK(reversed.status == 0);
    CHECK(reversed.out == reference.out);
  }
}

}  // namespace
