// The CLI side of --max-token-bytes: long tokens are left out with one
// warning per input and a count in --stats, bad limits are usage errors, and
// a token of a gigabyte streams through in bounded memory.
//
// VOCABCOUNT_TEST_LARGE_BYTES sets the size of that token (default 10^9);
// builds with a sanitizer shrink it and do not check memory
// (VOCABCOUNT_SANITIZER is then set).
#include <cstdlib>
#include <string>

#include "support/cli_sandbox.h"

namespace vocabcount::cli_testing {
namespace {

std::uint64_t LargeBytes() {
  const char* value = std::getenv("VOCABCOUNT_TEST_LARGE_BYTES");
  return value != nullptr ? std::strtoull(value, nullptr, 10) : 1000000000;
}

bool Sanitized() { return std::getenv("VOCABCOUNT_SANITIZER") != nullptr; }

TEST_CASE("Tokens over --max-token-bytes are left out, warned about and counted in stats",
          "[cli][long_tokens]") {
  Sandbox box;
  //                 0123456789012345678901234
  box.Write("a.txt", "tiny words loooooong ok\nlonger-than-five x\n");
  box.Write("b.txt", "fine\n");
  const RunResult r = box.Run("vocabcount --max-token-bytes 5 --stats=json a.txt b.txt");
  INFO(r);
  CHECK(r.status == 0);
  // By hand: the word tokens of a.txt of at most five bytes ("longer",
  // "than", "five" are words of their own), and b.txt's.
  CHECK(r.out == "fine\t1\nfive\t1\nok\t1\nthan\t1\ntiny\t1\nwords\t1\nx\t1\n");
  const std::vector<std::string> lines = SplitLines(r.err);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] ==
        "vocabcount: warning: a.txt:11: 2 tokens longer than 5 bytes are not counted (the first "
        "at byte 11)");
  CHECK(Contains(lines[1], "\"long_tokens\":2,"));

  // The default limit keeps them all.
  CHECK(Output(box, "vocabcount a.txt | wc -l") == "8\n");
}

TEST_CASE("The token limit takes a whole number from 1 to 16 MiB", "[cli][long_tokens]") {
  Sandbox box;
  box.Write("a.txt", "a\n");
  for (const char* bad : {"0", "-1", "abc", "1.5", "16777217", ""}) {
    const RunResult r = box.Run(std::string("vocabcount --max-token-bytes '") + bad + "' a.txt");
    INFO(bad << "\n" << r);
    CHECK(r.status == 2);
    CHECK(Contains(r.err, "--max-token-bytes"));
    CHECK(r.out.empty());
  }
  CHECK(Output(box, "vocabcount --max-token-bytes 16777216 a.txt") == "a\t1\n");
  const RunResult merge = box.Run("vocabcount --merge --max-token-bytes 9 a.txt");
  CHECK(merge.status == 2);
  CHECK(Contains(merge.err, "--max-token-bytes"));
}

TEST_CASE("A token of a gigabyte is left out in bounded memory", "[cli][long_tokens]") {
  Sandbox box;
  const std::string bytes = std::to_string(LargeBytes());
  // The token streams from a pipe; the script notes the peak resident memory
  // of vocabcount while it runs (VmHWM only grows).
  const RunResult r = box.Run(
      "{ printf 'one two '; head -c " + bytes +
          " /dev/zero | tr '\\0' x; printf ' two\\n'; } |"
          " \"$VC\" --stats=json - > out.tsv 2> err.txt &\n"
          "pid=$!\npeak=0\n"
          "while kill -0 $pid 2>/dev/null; do\n"
          "  kb=$(awk '/VmHWM/ {print $2}' /proc/$pid/status 2>/dev/null)\n"
          "  [ -n \"$kb\" ] && [ \"$kb\" -gt \"$peak\" ] && peak=$kb\n"
          "  sleep 0.05\ndone\n"
          "wait $pid; status=$?\ncat out.tsv; cat err.txt >&2; echo \"peak_kb=$peak\" >&2\n"
          "exit $status",
      "/bin/bash");
  INFO(r);
  REQUIRE(r.status == 0);
  CHECK(r.out == "two\t2\none\t1\n");
  CHECK(Contains(r.err, "<stdin>:8: 1 token longer than 65536 bytes is not counted"));
  CHECK(Contains(r.err, "\"long_tokens\":1,"));
  CHECK(Contains(r.err, "\"bytes\":" + std::to_string(LargeBytes() + 13) + ","));
  const std::size_t at = r.err.find("peak_kb=");
  REQUIRE(at != std::string::npos);
  const long peak_kb = std::stol(r.err.substr(at + 8));
  // The vocabulary is two words; without a bound the token alone would take
  // a gigabyte, several times over as its unit grew.
  if (!Sanitized()) CHECK(peak_kb < 100 * 1024);
}

}  // namespace
}  // namespace vocabcount::cli_testing
