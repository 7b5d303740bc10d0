// The memory budget on the command line: --memory and --temp-dir, spilled
// runs giving the bytes of in-memory ones, spill directories that cannot be
// used (refused at the start) and faults while spilling (a full directory,
// signals) that leave the output and the temporary directory as they were,
// budgets past what the process may use, and the default budget under a
// cgroup.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "support/cli_sandbox.h"
#include "vocabcount/validate.h"

namespace {

using namespace vocabcount::cli_testing;  // NOLINT: the shared test vocabulary

// Many distinct tokens, so that a tiny budget spills many times.
void WriteManyTokens(const Sandbox& box, const std::string& name, int tokens) {
  std::string text;
  for (int i = 0; i < tokens; ++i) {
    text += "tok" + std::to_string(std::int64_t{i} * 7919 % tokens) + (i % 12 == 11 ? "\n" : " ");
  }
  box.Write(name, text);
}

// A JSON --stats field's number.
std::string StatsField(const std::string& json, const std::string& name) {
  const std::size_t at = json.find("\"" + name + "\":");
  if (at == std::string::npos) return "";
  const std::size_t start = at + name.size() + 3;
  return json.substr(start, json.find_first_of(",}", start) - start);
}

// Runs `vocabcount ARGS --memory 256M FILE` under /usr/bin/time and checks
// the promise: the output of an in-memory run (`expected`, its md5sum line),
// spilled to get there, and a peak within the budget plus 64 MiB.
void CheckWithinBudget(const Sandbox& box, const std::string& args, const std::string& file,
                       const std::string& expected) {
  const RunResult r = box.Run("/usr/bin/time -f %M -o rss \"$VC\" " + args +
                              " --memory 256M --stats=json " + file + " | md5sum; cat rss");
  INFO(args << " " << file << "\n" << r);
  REQUIRE(r.status == 0);
  const std::vector<std::string> out = SplitLines(r.out);
  REQUIRE(out.size() == 2);
  CHECK(out[0] + "\n" == expected);
  CHECK(StatsField(r.err, "spilled_runs") != "0");
  const std::uint64_t peak_kib = std::stoull(out[1]);
  CHECK(peak_kib <= (std::uint64_t{256} + 64) * 1024);
}

TEST_CASE("memory: --memory takes sizes from 256M up; anything else is a usage error",
          "[cli][memory]") {
  Sandbox box;
  box.Write("in.txt", "a b a\n");
  for (const std::string size : {"256M", "268435456", "1G", "2g", "1T"}) {
    const RunResult r = box.Run("vocabcount --memory " + size + " --stats=json in.txt");
    INFO(size << "\n" << r);
    CHECK(r.status == 0);
    CHECK(r.out == "a\t2\nb\t1\n");
  }
  const RunResult exact = box.Run("vocabcount --memory 300M --stats=json in.txt");
  CHECK(StatsField(exact.err, "memory_budget") == std::to_string(300ull << 20));
  for (const std::string size :
       {"255M", "100", "0", "1.5G", "G", "-1G", "12Q", "99999999999999T"}) {
    const RunResult r = box.Run("vocabcount --memory " + size + " in.txt");
    INFO(size << "\n" << r);
    CHECK(r.status == 2);
    CHECK(r.out == "");
    CHECK(StartsWith(r.err, "vocabcount: --memory: '" + size + "' "));
  }
  const RunResult empty = box.Run("vocabcount --temp-dir '' in.txt");
  CHECK(empty.status == 2);
  CHECK(Contains(empty.err, "--temp-dir"));
}

TEST_CASE("memory: a spilling run writes the bytes of an in-memory one, in every format",
          "[cli][memory]") {
  Sandbox box;
  WriteManyTokens(box, "many.txt", 20000);
  for (const std::string options :
       {"", "--sort token", "--top 100", "--top 100 --sort token", "--min-count 2", "--format json",
        "--format glove", "--header", "--lower -t whitespace"}) {
    const std::string expected = Output(box, "vocabcount " + options + " many.txt $CORPUS");
    for (const std::string threads : {"-j1", "-j2 --chunk-size 4096"}) {
      const std::string command = "VOCABCOUNT_TEST_MEMORY_BYTES=65536 vocabcount " + threads + " " +
                                  options + " --temp-dir . --stats=json -o out many.txt " +
                                  "$CORPUS";
      const RunResult r = box.Run(command);
      INFO(command << "\n" << r);
      REQUIRE(r.status == 0);
      CHECK(box.Read("out") == expected);
      CHECK(StatsField(r.err, "spilled_runs") != "0");
      CHECK(box.List() == std::vector<std::string>{"many.txt", "out"});  // no spill file left
    }
  }
}

// A failed spill: status 1, one message naming the directory and what was
// being done, the previous output kept, nothing left in the directory.
void CheckSpillFails(const Sandbox& box, const std::string& temp_dir, const std::string& reason) {
  const std::string previous = "old\t1\n";
  box.Write("out.tsv", previous);
  const RunResult r = box.Run("VOCABCOUNT_TEST_MEMORY_BYTES=4096 vocabcount --temp-dir " +
                              temp_dir + " -o out.tsv many.txt");
  INFO(r);
  CHECK(r.status == 1);
  CHECK(r.out == "");
  CHECK(StartsWith(r.err, "vocabcount: " + temp_dir + ": " + reason + " (while "));
  CHECK(Contains(r.err, "partition"));
  CHECK(SplitLines(r.err).size() == 1);
  CHECK(box.Read("out.tsv") == previous);
}

// A spill directory that cannot be used: refused when the run starts, even
// for an input far too small to spill, with status 1, one message naming the
// directory and where it came from, and the previous output kept.
void CheckTempDirRefused(const Sandbox& box, const std::string& run, const std::string& message) {
  const std::string previous = "old\t1\n";
  box.Write("out.tsv", previous);
  const RunResult r = box.Run(run);
  INFO(run << "\n" << r);
  CHECK(r.status == 1);
  CHECK(r.out == "");
  CHECK(r.err == "vocabcount: " + message + "\n");
  CHECK(box.Read("out.tsv") == previous);
}

TEST_CASE("memory: a missing spill directory fails naming it, keeping -o's file",
          "[cli][memory][faults]") {
  Sandbox box;
  WriteManyTokens(box, "many.txt", 5000);
  CheckTempDirRefused(box,
                      "VOCABCOUNT_TEST_MEMORY_BYTES=4096 vocabcount --temp-dir missing "
                      "-o out.tsv many.txt",
                      "--temp-dir missing: No such file or directory");
  CHECK(box.List() == std::vector<std::string>{"many.txt", "out.tsv"});
}

TEST_CASE("memory: the spill directory is checked when the run starts, wherever it was named",
          "[cli][memory][faults]") {
  Sandbox box;
  box.Write("in.txt", kCatText);
  box.Write("notes.txt", "not a directory\n");
  box.Write("part.tsv", kCatVocabulary);
  const std::string hint =
      " (the directory for counts past the memory budget; set TMPDIR or give --temp-dir)";
  CheckTempDirRefused(box, "vocabcount --temp-dir /nonexistent -o out.tsv in.txt",
                      "--temp-dir /nonexistent: No such file or directory");
  CheckTempDirRefused(box, "vocabcount --temp-dir notes.txt -o out.tsv in.txt",
                      "--temp-dir notes.txt: Not a directory");
  CheckTempDirRefused(box, "TMPDIR=/nonexistent vocabcount -o out.tsv in.txt",
                      "TMPDIR=/nonexistent: No such file or directory" + hint);
  CheckTempDirRefused(box, "TMPDIR=notes.txt vocabcount -o out.tsv in.txt",
                      "TMPDIR=notes.txt: Not a directory" + hint);
  // Standard input is not read either: the text after the run is all there.
  CheckTempDirRefused(
      box,
      "printf 'left unread\\n' | { vocabcount --temp-dir /nonexistent -o out.tsv -; "
      "s=$?; cat >&2; exit $s; }",
      "--temp-dir /nonexistent: No such file or directory\nleft unread");
  // A merge may spill too.
  CheckTempDirRefused(box, "vocabcount --merge --temp-dir notes.txt -o out.tsv part.tsv",
                      "--temp-dir notes.txt: Not a directory");
  // A usable one, named either way, changes nothing.
  box.Run("mkdir spill");
  CHECK(Output(box, "vocabcount --temp-dir spill in.txt") == kCatVocabulary);
  CHECK(Output(box, "TMPDIR=spill vocabcount in.txt") == kCatVocabulary);
  CHECK(box.Run("ls -A spill").out == "");
}

TEST_CASE("memory: a budget past what the process may use is run with a warning", "[cli][memory]") {
  Sandbox box;
  box.Write("in.txt", kCatText);
  vocabcount::Options options;
  options.memory_bytes = std::uint64_t{1000} << 40;
  const std::vector<std::string> warnings = vocabcount::OptionWarnings(options);
  REQUIRE(warnings.size() == 1);
  CHECK(StartsWith(warnings[0], "--memory 1000T is more than this process may use ("));
  CHECK(Contains(warnings[0], " GiB: "));
  CHECK(Contains(warnings[0], "); the budget cannot keep the run within memory"));
  const RunResult r = box.Run("vocabcount --memory 1000T in.txt");
  INFO(r);
  CHECK(r.status == 0);
  CHECK(r.out == kCatVocabulary);
  CHECK(r.err == "vocabcount: warning: " + warnings[0] + "\n");
  // A budget this process can have is no warning.
  CHECK(Output(box, "vocabcount --memory 256M in.txt") == kCatVocabulary);
}

// Root ignores permission bits, so a read-only or full directory is made
// with mounts, which need root; elsewhere these tests are skipped.
bool Mount(const Sandbox& box, const std::string& commands) {
  const RunResult r = box.Run(commands + " 2>/dev/null");
  if (r.status != 0) WARN("skipped: cannot mount here (" << commands << ")");
  return r.status == 0;
}

TEST_CASE("memory: a read-only spill directory fails naming it", "[cli][memory][faults]") {
  Sandbox box;
  WriteManyTokens(box, "many.txt", 5000);
  box.Run("mkdir ro");
  if (!Mount(box, "mount -t tmpfs -o size=1m,ro tmpfs ro")) return;
  CheckTempDirRefused(
      box, "VOCABCOUNT_TEST_MEMORY_BYTES=4096 vocabcount --temp-dir ro -o out.tsv many.txt",
      "--temp-dir ro: Read-only file system");
  box.Run("umount ro");
}

TEST_CASE("memory: a spill directory that fills up fails naming it, leaving nothing there",
          "[cli][memory][faults]") {
  Sandbox box;
  WriteManyTokens(box, "many.txt", 200000);
  box.Run("mkdir small");
  if (!Mount(box, "mount -t tmpfs -o size=64k tmpfs small")) return;
  CheckSpillFails(box, "small", "No space left on device");
  CHECK(box.Run("ls -A small").out == "");
  CHECK(box.Run("df -k small | tail -1").out.find(" 0 ") != std::string::npos);
  box.Run("umount small");
}

TEST_CASE("memory: SIGTERM while spilling or merging leaves no file behind",
          "[cli][memory][faults]") {
  Sandbox box;
  WriteManyTokens(box, "many.txt", 300000);
  box.Run("mkdir tmp");
  const std::string expected = Output(box, "vocabcount many.txt");
  // Signalled at once when the spill file appears, then later and later: in
  // the middle of spilling, of counting partitions, of the final merge, or
  // after the end.
  for (const std::string delay : {"0", "0.05", "0.2", "0.5", "1"}) {
    box.Write("out.tsv", "old\t1\n");
    const RunResult r = box.Run(
        "VOCABCOUNT_TEST_MEMORY_BYTES=65536 \"$VC\" --temp-dir tmp -o out.tsv many.txt &\n"
        "pid=$!; tries=0\n"
        "until ls -l /proc/$pid/fd 2>/dev/null | grep -q \"$PWD/tmp/\"; do\n"
        "  tries=$((tries + 1)); [ $tries -gt 2000 ] && break; sleep 0.005\n"
        "done\n"
        "sleep " +
        delay + "; kill -TERM $pid 2>/dev/null; wait $pid; echo $?");
    INFO("delay " << delay << "\n" << r);
    const std::string status = r.out.substr(0, r.out.find('\n'));
    CHECK((status == "143" || status == "0"));
    CHECK(box.Read("out.tsv") == (status == "0" ? expected : "old\t1\n"));
    CHECK(box.Run("ls -A tmp").out == "");
    CHECK(box.List() == std::vector<std::string>{"many.txt", "out.tsv", "tmp"});
  }
}

// The promise itself: peak resident memory within the budget plus 64 MiB,
// at the smallest budget, on a vocabulary that needs twice as much, at every
// thread count. Sanitizers multiply memory, so they skip it.
TEST_CASE("memory: the peak stays within --memory 256M plus 64 MiB", "[cli][memory][rss]") {
  if (std::getenv("VOCABCOUNT_SANITIZER") != nullptr || access("/usr/bin/time", X_OK) != 0) {
    WARN("skipped: needs /usr/bin/time and a build without sanitizers");
    return;
  }
  Sandbox box;
  // 5 M distinct tokens of 10 bytes, each twice: about 300 MB of tables.
  std::string text;
  constexpr std::uint64_t kDistinct = 5000000;
  text.reserve(2 * kDistinct * 11);
  char token[16];
  for (std::uint64_t i = 0; i < 2 * kDistinct; ++i) {
    const std::uint64_t n = (i % kDistinct) * 2654435761u % kDistinct;
    std::snprintf(token, sizeof token, "t%09llu%c", static_cast<unsigned long long>(n),
                  i % 16 == 15 ? '\n' : ' ');
    text += token;
  }
  box.Write("many.txt", text);
  text.clear();
  text.shrink_to_fit();
  const std::string expected = Output(box, "vocabcount -t whitespace many.txt | md5sum");
  for (const std::string threads : {"-j1", "-j2", "-j5"}) {
    CheckWithinBudget(box, "-t whitespace " + threads, "many.txt", expected);
  }
}

// Long n-grams: one unit of a text with no line breaks gives sixteen new
// n-grams per token, most of them longer than a key holds inline, several
// times a worker's share. The peak must not grow with the thread count.
TEST_CASE("memory: n-grams of orders 1 to 16 stay within --memory 256M plus 64 MiB",
          "[cli][memory][rss][ngram]") {
  if (std::getenv("VOCABCOUNT_SANITIZER") != nullptr || access("/usr/bin/time", X_OK) != 0) {
    WARN("skipped: needs /usr/bin/time and a build without sanitizers");
    return;
  }
  Sandbox box;
  // 1.2 MB of words drawn from 20,000: two units, nearly every n-gram from
  // order 3 up new. The same words as one line and as lines of 200 words.
  std::string one_line;
  std::string many_lines;
  std::uint64_t state = 7;
  char word[16];
  for (int i = 0; one_line.size() < 1200000; ++i) {
    state = state * 6364136223846793005u + 1442695040888963407u;
    std::snprintf(word, sizeof word, "w%llu", static_cast<unsigned long long>(state >> 33) % 20000);
    const char* gap = one_line.empty() ? "" : " ";
    one_line += gap;
    one_line += word;
    many_lines += i == 0 ? "" : (i % 200 == 0 ? "\n" : " ");
    many_lines += word;
  }
  box.Write("one-line.txt", one_line + "\n");
  box.Write("many-lines.txt", many_lines + "\n");
  for (const std::string input : {"one-line.txt", "many-lines.txt"}) {
    const std::string expected = Output(box, "vocabcount -j1 --ngrams 1-16 " + input + " | md5sum");
    for (const std::string threads : {"-j1", "-j2", "-j5"}) {
      CheckWithinBudget(box, "--ngrams 1-16 " + threads, input, expected);
    }
  }
}

// The default budget is half of the memory limit of the process's cgroup.
TEST_CASE("memory: the default budget follows the cgroup's memory limit", "[cli][memory]") {
  Sandbox box;
  box.Write("in.txt", "a b a\n");
  const std::string group = "vocabcount-test-" + std::to_string(getpid());
  // cgroup v2 (memory.max), else v1 (memory.limit_in_bytes).
  const RunResult made = box.Run(
      "if [ -f /sys/fs/cgroup/cgroup.controllers ] && grep -qw memory "
      "/sys/fs/cgroup/cgroup.subtree_control; then\n"
      "  dir=/sys/fs/cgroup/" +
      group +
      "; file=memory.max\n"
      "else\n"
      "  dir=/sys/fs/cgroup/memory/" +
      group +
      "; file=memory.limit_in_bytes\n"
      "fi\n"
      "mkdir \"$dir\" 2>/dev/null && echo 1073741824 > \"$dir/$file\" && echo \"$dir\"");
  if (made.status != 0 || made.out.empty()) {
    WARN("skipped: no cgroup can be made here");
    return;
  }
  const std::string dir = made.out.substr(0, made.out.find('\n'));
  // The test hook's budget, if set, would hide the default.
  const RunResult r = box.Run("unset VOCABCOUNT_TEST_MEMORY_BYTES; sh -c 'echo $$ > " + dir +
                              "/cgroup.procs && exec \"$VC\" --stats=json in.txt'");
  box.Run("rmdir " + dir);
  INFO(r);
  CHECK(r.status == 0);
  CHECK(StatsField(r.err, "memory_budget") == std::to_string(std::uint64_t{1} << 29));
}

}  // namespace
