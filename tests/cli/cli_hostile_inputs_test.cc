// CLI tests of hostile inputs: ill-formed UTF-8 of every kind at every
// work-unit size, control characters and old line ends, a 1 GB line, a sparse
// file over 4 GiB, empty and very many files, deep trees, link loops, names
// that are not UTF-8, FIFOs, and files deleted or truncated while read.
//
// VOCABCOUNT_TEST_LARGE_BYTES (default 1000000000) sets the length of the
// long line piped through the binary (and a fifth of it, the file deleted or
// truncated while read); sanitizer builds set it lower. The sparse file is
// always 4.5 GiB: its point is offsets past 2^32.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <regex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "support/cli_sandbox.h"

namespace {

using namespace vocabcount::cli_testing;  // NOLINT: the shared test vocabulary

using Counts = std::map<std::string, std::uint64_t>;

// ---------------------------------------------------------------------------
// Independent references

struct Utf8Check {
  std::uint64_t ill_formed = 0;  // maximal ill-formed subparts
  std::uint64_t first_bad = 0;   // offset of the first, when there is one
};

// Unicode's table of well-formed byte sequences (section 3.9, table 3-7),
// counting each maximal ill-formed subpart once, as a decoder that writes one
// U+FFFD per subpart does.
Utf8Check CheckUtf8(std::string_view text) {
  Utf8Check check;
  const auto byte = [&](std::size_t i) { return static_cast<std::uint8_t>(text[i]); };
  for (std::size_t i = 0; i < text.size();) {
    const std::uint8_t lead = byte(i);
    if (lead < 0x80) {
      ++i;
      continue;
    }
    std::size_t trail = 0;  // continuation bytes the lead asks for
    std::uint8_t low = 0x80;
    std::uint8_t high = 0xBF;  // the range of the first of them
    if (lead >= 0xC2 && lead <= 0xDF) {
      trail = 1;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      trail = 2;
      if (lead == 0xE0) low = 0xA0;   // no overlong forms
      if (lead == 0xED) high = 0x9F;  // no surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      trail = 3;
      if (lead == 0xF0) low = 0x90;   // no overlong forms
      if (lead == 0xF4) high = 0x8F;  // nothing past U+10FFFF
    }
    std::size_t end = i + 1;
    bool complete = trail > 0;
    for (std::size_t k = 0; k < trail; ++k, ++end) {
      const std::uint8_t from = k == 0 ? low : 0x80;
      const std::uint8_t to = k == 0 ? high : 0xBF;
      if (end >= text.size() || byte(end) < from || byte(end) > to) {
        complete = false;
        break;
      }
    }
    if (!complete) {
      if (check.ill_formed == 0) check.first_bad = i;
      ++check.ill_formed;
    }
    i = end;
  }
  return check;
}

bool IsUtf8(std::string_view text) { return CheckUtf8(text).ill_formed == 0; }

// Tokens split at ASCII white space, counted.
Counts SplitCounts(std::string_view text) {
  Counts counts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || std::string_view(" \t\n\v\f\r").find(text[i]) != std::string::npos) {
      if (i > start) ++counts[std::string(text.substr(start, i - start))];
      start = i + 1;
    }
  }
  return counts;
}

// The documented output: count descending, then token bytes ascending.
std::string Tsv(const Counts& counts) {
  std::vector<std::pair<std::string, std::uint64_t>> entries(counts.begin(), counts.end());
  std::stable_sort(entries.begin(), entries.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  std::string tsv;
  for (const auto& [token, count] : entries) tsv += token + "\t" + std::to_string(count) + "\n";
  return tsv;
}

// "name": number pairs of the --stats=json object on the last line of `err`.
std::map<std::string, std::string> StatsJson(const std::string& err) {
  std::map<std::string, std::string> fields;
  const std::vector<std::string> lines = SplitLines(err);
  if (lines.empty()) return fields;
  const std::regex pair("\"([a-z_]+)\":([0-9.]+)");
  for (std::sregex_iterator it(lines.back().begin(), lines.back().end(), pair), end; it != end;
       ++it) {
    fields[(*it)[1]] = (*it)[2];
  }
  return fields;
}

std::string IllFormedWarning(const std::string& shown_name, const Utf8Check& check) {
  const bool one = check.ill_formed == 1;
  const std::string offset = std::to_string(check.first_bad);
  return "vocabcount: warning: " + shown_name + ":" + offset + ": " +
         std::to_string(check.ill_formed) + " ill-formed UTF-8 sequence" + (one ? "" : "s") +
         " (the first at byte " + offset + ") " + (one ? "separates" : "separate") +
         " tokens and " + (one ? "is" : "are") + " not counted\n";
}

std::uint64_t LargeBytes() {
  const char* value = std::getenv("VOCABCOUNT_TEST_LARGE_BYTES");
  return value != nullptr ? std::stoull(value) : 1000000000;
}

// Text made of good parts and ill-formed sequences, and the same text with a
// space in place of each ill-formed sequence.
struct Mixed {
  std::string text;
  std::string spaced;
  void Good(std::string_view part) {
    text += part;
    spaced += part;
  }
  void Bad(std::string_view sequence) {
    text += sequence;
    spaced += ' ';
  }
};

// ---------------------------------------------------------------------------
// Text

TEST_CASE("hostile: each kind of ill-formed UTF-8 separates tokens, one per subpart", "[hostile]") {
  struct Kind {
    const char* name;
    std::string bytes;
    std::uint64_t subparts;  // as a U+FFFD-per-maximal-subpart decoder sees them
  };
  const std::vector<Kind> kinds = {
      {"overlong NUL C0 80", "\xC0\x80", 2},
      {"overlong C1 BF", "\xC1\xBF", 2},
      {"overlong three bytes E0 80 80", "\xE0\x80\x80", 3},
      {"overlong three bytes E0 9F BF", "\xE0\x9F\xBF", 3},
      {"overlong four bytes F0 80 80 80", "\xF0\x80\x80\x80", 4},
      {"overlong four bytes F0 8F BF BF", "\xF0\x8F\xBF\xBF", 4},
      {"surrogate ED A0 80", "\xED\xA0\x80", 3},
      {"surrogate ED BF BF", "\xED\xBF\xBF", 3},
      {"surrogate pair as CESU-8", "\xED\xA0\xBD\xED\xB8\x80", 6},
      {"past U+10FFFF F4 90 80 80", "\xF4\x90\x80\x80", 4},
      {"F5", "\xF5", 1},
      {"F7 BF BF BF", "\xF7\xBF\xBF\xBF", 4},
      {"old five-byte form F8 88 80 80 80", "\xF8\x88\x80\x80\x80", 5},
      {"FC", "\xFC", 1},
      {"FE", "\xFE", 1},
      {"FF", "\xFF", 1},
      {"lone C0", "\xC0", 1},
      {"lone C1", "\xC1", 1},
      {"lone continuation 80", "\x80", 1},
      {"lone continuation BF", "\xBF", 1},
      {"three continuations", "\x80\x80\x80", 3},
      {"two-byte lead cut short", "\xC3", 1},
      {"three-byte sequence cut short", "\xE2\x82", 1},
      {"four-byte sequence cut short", "\xF0\x9F\x98", 1},
  };
  Sandbox box;
  std::string script;
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    const std::string name = "kind" + std::to_string(i) + ".txt";
    // After "left" (offset 4); the last case also at the very end.
    box.Write(name, "left" + kinds[i].bytes + "right " + kinds[i].bytes);
    for (const char* tokenizer : {"word", "whitespace"}) {
      script += "\"$VC\" --stats=json -t " + std::string(tokenizer) + " " + name + " > " + name +
                "." + tokenizer + ".out 2> " + name + "." + tokenizer + ".err\n";
    }
  }
  REQUIRE(box.Run(script).status == 0);
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    const std::string name = "kind" + std::to_string(i) + ".txt";
    const Utf8Check check = CheckUtf8(box.Read(name));
    INFO(kinds[i].name);
    // The reference decoder agrees with the count written down by hand.
    REQUIRE(check.ill_formed == 2 * kinds[i].subparts);
    REQUIRE(check.first_bad == 4);
    for (const char* tokenizer : {"word", "whitespace"}) {
      INFO(tokenizer);
      const std::string err = box.Read(name + "." + tokenizer + ".err");
      const std::string out = box.Read(name + "." + tokenizer + ".out");
      INFO(err);
      CHECK(out == "left\t1\nright\t1\n");
      CHECK(StartsWith(err, IllFormedWarning(name, check)));
      auto stats = StatsJson(err);
      CHECK(stats.count("ill_formed_sequences") == 1);
      CHECK(stats["ill_formed_sequences"] == std::to_string(check.ill_formed));
    }
  }
}

TEST_CASE("hostile: ill-formed UTF-8 equals a space at every work-unit size, from files and stdin",
          "[hostile]") {
  // Ill-formed sequences next to ASCII, Latin, Greek, Han, emoji and a
  // combining mark, just before line feeds and spaces (where work units
  // end), and cut short at the very end.
  Mixed mixed;
  mixed.Good("alpha");
  mixed.Bad("\xC0\x80");
  mixed.Good("beta gamma");
  mixed.Bad("\xE0\x80\x80");
  mixed.Good("delta\n");
  mixed.Bad("\xF0\x80\x80\x80");
  mixed.Good("caf\xC3\xA9");
  mixed.Bad("\xED\xA0\x80");
  mixed.Good("na\xC3\xAFve");
  mixed.Bad("\xED\xBF\xBF");
  mixed.Good("\xCE\xA9mega x1");
  mixed.Bad("\xF5");
  mixed.Good("x2");
  mixed.Bad("\xFF");
  mixed.Good("\u0301comb x3");
  mixed.Bad("\xC1");
  mixed.Good("x4 ");
  mixed.Bad("\x80\xBF");
  mixed.Good("x5");
  mixed.Bad("\xE2\x82");
  mixed.Good("\nx6");
  mixed.Bad("\xF0\x9F\x98");
  mixed.Good(" \xE6\x9D\xB1\xE4\xBA\xAC");  // 東京
  mixed.Bad("\xFE");
  mixed.Good("\xE5\xA4\xA7\xE9\x98\xAA \xF0\x9F\x98\x80");  // 大阪 😀
  mixed.Bad("\xF4\x90\x80\x80");
  mixed.Good("x7 ");
  mixed.Bad("\xC3");
  mixed.Good("\nend");
  mixed.Bad("\xF0\x9F\x98");
  const std::string& text = mixed.text;
  const Utf8Check check = CheckUtf8(text);
  REQUIRE(check.ill_formed == 2 + 3 + 4 + 3 + 3 + 1 + 1 + 1 + 2 + 1 + 1 + 1 + 4 + 1 + 1);
  REQUIRE(IsUtf8(mixed.spaced));

  Sandbox box;
  box.Write("bad.txt", text);
  box.Write("spaced.txt", mixed.spaced);
  // Each run reads the text twice, as a file and from stdin: the references
  // count the spaced text twice.
  std::map<std::string, std::string> reference;
  for (const char* tokenizer : {"word", "whitespace"}) {
    reference[tokenizer] =
        Output(box, std::string("vocabcount -t ") + tokenizer + " spaced.txt spaced.txt");
  }
  // The references themselves, by hand: white space splits the spaced text;
  // word segmentation drops the emoji and leaves the mark (after a space)
  // out of "comb".
  Counts split = SplitCounts(mixed.spaced);
  for (auto& entry : split) entry.second *= 2;
  CHECK(reference["whitespace"] == Tsv(split));
  Counts words = split;
  words.erase("\xF0\x9F\x98\x80");
  words.erase("\u0301comb");
  words["comb"] = 2;
  CHECK(reference["word"] == Tsv(words));

  // Every unit size from 1 byte to the whole text, so that some unit ends
  // right after each ill-formed sequence. Odd sizes on two threads, so that
  // units are counted out of order; even ones on one, which starts faster.
  std::string script = "mkdir runs || exit 1\n";
  for (const char* tokenizer : {"word", "whitespace"}) {
    for (std::size_t n = 1; n <= text.size(); ++n) {
      const std::string stem = "runs/" + std::string(tokenizer) + "." + std::to_string(n);
      script += "\"$VC\" -j" + std::to_string(n % 2 + 1) + " --stats=json --chunk-size " +
                std::to_string(n) + " -t " + tokenizer + " bad.txt - < bad.txt > " + stem +
                ".out 2> " + stem + ".err; echo $? > " + stem + ".status\n";
    }
  }
  // Through a real pipe too.
  script +=
      "cat bad.txt | \"$VC\" -j2 --stats=json --chunk-size 3 -t word bad.txt - > "
      "runs/pipe.out 2> runs/pipe.err; echo $? > runs/pipe.status\n";
  REQUIRE(box.Run(script).status == 0);

  // One warning per input, then the statistics of both.
  const std::string warnings =
      IllFormedWarning("bad.txt", check) + IllFormedWarning("<stdin>", check);
  const auto check_run = [&](const std::string& stem, const std::string& expected_out) {
    INFO(stem);
    const std::string out = box.Read(stem + ".out");
    const std::string err = box.Read(stem + ".err");
    INFO(err);
    CHECK(box.Read(stem + ".status") == "0\n");
    CHECK(out == expected_out);
    CHECK(IsUtf8(out));
    CHECK(StartsWith(err, warnings));
    CHECK(SplitLines(err).size() == 3);
    CHECK(StatsJson(err)["ill_formed_sequences"] == std::to_string(2 * check.ill_formed));
    CHECK(StatsJson(err)["bytes"] == std::to_string(2 * text.size()));
  };
  for (const char* tokenizer : {"word", "whitespace"}) {
    for (std::size_t n = 1; n <= text.size(); ++n) {
      check_run("runs/" + std::string(tokenizer) + "." + std::to_string(n), reference[tokenizer]);
    }
  }
  check_run("runs/pipe", reference["word"]);
}

TEST_CASE("hostile: NUL and other control characters separate tokens like a space", "[hostile]") {
  Mixed mixed;
  Counts expected;
  std::vector<int> controls;
  for (int c = 0x00; c <= 0x1F; ++c) controls.push_back(c);
  controls.push_back(0x7F);
  for (int c : controls) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "%02x", c);
    const std::string control(1, static_cast<char>(c));
    // Between two words, doubled before a third, and next to letters that
    // are not ASCII.
    mixed.Good(std::string("p") + hex);
    mixed.Bad(control);
    mixed.Good(std::string("q") + hex);
    mixed.Bad(control + control);
    mixed.Good("shared");
    mixed.Bad(control);
    mixed.Good("caf\xC3\xA9");
    mixed.Bad(control);
    mixed.Good("\xCE\xA9 ");
    ++expected[std::string("p") + hex];
    ++expected[std::string("q") + hex];
    ++expected["shared"];
    ++expected["caf\xC3\xA9"];
    ++expected["\xCE\xA9"];
  }
  mixed.Bad(std::string(1000, '\0'));  // a run of NULs with no cut point in it
  mixed.Good("last\n");
  ++expected["last"];

  Sandbox box;
  box.Write("controls.txt", mixed.text);
  box.Write("spaced.txt", mixed.spaced);
  for (const char* tokenizer : {"word", "whitespace"}) {
    INFO(tokenizer);
    const std::string reference =
        Output(box, std::string("vocabcount -t ") + tokenizer + " spaced.txt");
    CHECK(reference == Tsv(expected));
    for (const char* how :
         {"controls.txt", "-j2 --chunk-size 1 controls.txt", "-j2 --chunk-size 7 - < controls.txt",
          "-j1 --chunk-size 100 - < controls.txt"}) {
      INFO(how);
      CHECK(Output(box, std::string("vocabcount -t ") + tokenizer + " " + how) == reference);
    }
  }
}

TEST_CASE("hostile: lone CR (old Mac) and CRLF line ends count like LF and spaces", "[hostile]") {
  std::string lf;
  Counts expected;
  for (int line = 0; line < 200; ++line) {
    const std::string word = "w" + std::to_string(line % 7);
    lf += "the " + word + " end\n";
    ++expected["the"];
    ++expected[word];
    ++expected["end"];
  }
  std::string cr = lf;
  std::replace(cr.begin(), cr.end(), '\n', '\r');
  std::string crlf;
  for (char c : lf) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  // Lines with no space at all: a CR-only text without spaces has no place
  // to cut it into units.
  std::string packed;
  for (int i = 0; i < 3000; ++i) packed += "w" + std::to_string(i % 7) + "\r";
  Counts packed_expected;
  for (int i = 0; i < 3000; ++i) ++packed_expected["w" + std::to_string(i % 7)];

  Sandbox box;
  box.Write("lf.txt", lf);
  box.Write("cr.txt", cr);
  box.Write("crlf.txt", crlf);
  box.Write("packed.txt", packed);
  for (const char* tokenizer : {"word", "whitespace"}) {
    for (const char* options : {"", "-j2 --chunk-size 1", "-j2 --chunk-size 13"}) {
      const std::string run = std::string("vocabcount -t ") + tokenizer + " " + options + " ";
      INFO(run);
      CHECK(Output(box, run + "lf.txt") == Tsv(expected));
      CHECK(Output(box, run + "cr.txt") == Tsv(expected));
      CHECK(Output(box, run + "crlf.txt") == Tsv(expected));
      CHECK(Output(box, run + "- < cr.txt") == Tsv(expected));
      CHECK(Output(box, run + "packed.txt") == Tsv(packed_expected));
    }
  }
}

TEST_CASE("hostile: a 1 GB line is counted exactly in bounded memory", "[hostile]") {
  Sandbox box;
  if (box.Run("test -x /usr/bin/time").status != 0) {
    WARN("skipped: /usr/bin/time (Debian package time) is not installed");
    return;
  }
  const std::uint64_t bytes = LargeBytes();
  // "alpha beta " over and over with no line feed, cut after `bytes`.
  const std::string period = "alpha beta ";
  Counts expected;
  const std::uint64_t whole = bytes / period.size();
  const std::size_t rest = bytes % period.size();
  if (whole > 0) expected["alpha"] = expected["beta"] = whole;
  for (const auto& [token, count] : SplitCounts(period.substr(0, rest))) expected[token] += count;
  const RunResult r =
      box.Run("yes 'alpha beta ' | tr -d '\\n' | head -c " + std::to_string(bytes) +
              " | /usr/bin/time -o rss -f %M \"$VC\" -t word --stats=json - && cat rss >&2");
  INFO(r);
  REQUIRE(r.status == 0);
  CHECK(r.out == Tsv(expected));
  const std::vector<std::string> err = SplitLines(r.err);
  REQUIRE(err.size() == 2);  // the statistics, then the peak memory
  CHECK(StatsJson(err[0])["bytes"] == std::to_string(bytes));
  const long peak_kilobytes = std::stol(err[1]);
  CHECK(peak_kilobytes < 300 * 1024);
}

TEST_CASE("hostile: a sparse file over 4 GiB counts the words before and after its hole",
          "[hostile]") {
  Sandbox box;
  const fs::path path = box.dir() / "sparse.txt";
  const std::string before = "before words\n";
  const std::string after = "\nafter words\n";
  const std::uint64_t hole = std::uint64_t{9} << 29;  // 4.5 GiB of NUL bytes
  const std::uint64_t size = before.size() + hole + after.size();
  const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  REQUIRE(fd >= 0);
  const bool written =
      write(fd, before.data(), before.size()) == static_cast<ssize_t>(before.size()) &&
      ftruncate(fd, static_cast<off_t>(before.size() + hole)) == 0 &&
      pwrite(fd, after.data(), after.size(), static_cast<off_t>(before.size() + hole)) ==
          static_cast<ssize_t>(after.size());
  struct stat st;
  const bool sparse = fstat(fd, &st) == 0 && static_cast<std::uint64_t>(st.st_size) == size &&
                      st.st_blocks * 512 < (std::int64_t{64} << 20);
  close(fd);
  if (!written || !sparse) {
    fs::remove(path);
    WARN("skipped: this file system does not make a sparse file of " << size << " bytes");
    return;
  }
  // The peak memory, when it can be measured, is shown on failure.
  const RunResult r = box.Run(
      "if [ -x /usr/bin/time ]; then measure='/usr/bin/time -o rss -f %M'; fi\n"
      "$measure timeout 900 \"$VC\" --stats=json sparse.txt; status=$?\n"
      "cat rss 2>/dev/null >&2; exit $status");
  fs::remove(path);
  INFO(r);
  CHECK(r.status == 0);
  CHECK(r.out == "words\t2\nafter\t1\nbefore\t1\n");
  CHECK(StatsJson(SplitLines(r.err).front())["bytes"] == std::to_string(size));
}

// ---------------------------------------------------------------------------
// Files and directories

TEST_CASE("hostile: empty files are inputs without tokens, alone and among others", "[hostile]") {
  Sandbox box;
  box.Write("empty.txt", "");
  box.Write("words.txt", "one two two\n");
  box.Write("tree/e1", "");
  box.Write("tree/sub/e2", "");
  box.Write("tree/sub/words.txt", "one two two\n");
  box.Write("hollow/e3", "");
  box.Write("hollow/deeper/e4", "");
  const std::string words = "two\t2\none\t1\n";

  const RunResult alone = box.Run("vocabcount --stats=json empty.txt");
  INFO(alone);
  CHECK(alone.status == 0);
  CHECK(alone.out == "");
  CHECK(StatsJson(alone.err)["inputs"] == "1");
  CHECK(StatsJson(alone.err)["tokens"] == "0");
  CHECK(Output(box, "vocabcount empty.txt words.txt empty.txt") == words);
  CHECK(Output(box, "vocabcount -j2 --chunk-size 1 empty.txt words.txt empty.txt") == words);
  CHECK(Output(box, "vocabcount tree") == words);
  CHECK(Output(box, "vocabcount hollow") == "");
  CHECK(Output(box, "vocabcount - < empty.txt") == "");
  CHECK(Output(box, "printf '' | vocabcount -t whitespace") == "");
  const RunResult walked = box.Run("vocabcount --stats=json tree hollow empty.txt");
  INFO(walked);
  CHECK(walked.out == words);
  CHECK(StatsJson(walked.err)["inputs"] == "6");
}

TEST_CASE("hostile: 100 000 tiny files in one directory are each counted once", "[hostile]") {
  Sandbox box;
  constexpr int kFiles = 100000;
  const fs::path many = box.dir() / "many";
  fs::create_directory(many);
  for (int i = 0; i < kFiles; ++i) {
    const std::string name = "f" + std::to_string(i);
    const std::string text = "w" + std::to_string(i % 100) + "\n";
    const int fd = open((many / name).c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    REQUIRE(fd >= 0);
    REQUIRE(write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()));
    close(fd);
  }
  Counts expected;
  for (int w = 0; w < 100; ++w) expected["w" + std::to_string(w)] = kFiles / 100;

  const RunResult walked = box.Run("vocabcount --stats=json many");
  INFO(walked);
  CHECK(walked.status == 0);
  CHECK(walked.out == Tsv(expected));
  CHECK(StatsJson(walked.err)["inputs"] == std::to_string(kFiles));
}

TEST_CASE("hostile: a tree deeper than the descriptor limit is walked", "[hostile]") {
  Sandbox box;
  constexpr int kLevels = 300;
  std::string path = "deep";
  box.Write(path + "/top.txt", "top\n");
  for (int level = 1; level <= kLevels; ++level) {
    path += "/d";
    if (level == kLevels / 2) box.Write(path + "/middle.txt", "middle\n");
  }
  box.Write(path + "/bottom.txt", "bottom\n");
  // Far fewer descriptors than levels: a walk may not keep one open per level.
  CHECK(Output(box, "ulimit -n 64 && vocabcount deep") == "bottom\t1\nmiddle\t1\ntop\t1\n");
  CHECK(Output(box, "ulimit -n 64 && vocabcount --follow --include '*.txt' deep") ==
        "bottom\t1\nmiddle\t1\ntop\t1\n");
}

// Removes a tree that may be deeper than PATH_MAX (rm works with descriptors).
struct RemoveTree {
  fs::path path;
  ~RemoveTree() { std::system(("rm -rf " + ShellQuote(path.string())).c_str()); }
};

TEST_CASE("hostile: paths longer than PATH_MAX in a walk are errors naming them, not crashes",
          "[hostile]") {
  Sandbox box;
  box.Write("long/top.txt", "top\n");
  RemoveTree cleanup{box.dir() / "long"};
  // 100 levels of 50-byte names: 5100 bytes, made one level at a time.
  const std::string name(50, 'n');
  int parent = open((box.dir() / "long").c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  REQUIRE(parent >= 0);
  for (int level = 1; level <= 100; ++level) {
    REQUIRE(mkdirat(parent, name.c_str(), 0755) == 0);
    const int child = openat(parent, name.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    close(parent);
    REQUIRE(child >= 0);
    parent = child;
    if (level == 60 || level == 100) {  // 60 levels: about 3100 bytes, within PATH_MAX
      const char* file = level == 60 ? "middle.txt" : "bottom.txt";
      const std::string text = level == 60 ? "middle\n" : "bottom\n";
      const int fd = openat(parent, file, O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
      REQUIRE(fd >= 0);
      REQUIRE(write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()));
      close(fd);
    }
  }
  close(parent);

  for (const char* options : {"", "--keep-going "}) {
    const RunResult r = box.Run(std::string("vocabcount ") + options + "long");
    INFO(r);
    CHECK(r.status == 1);  // not killed by a signal
    CHECK(StartsWith(r.err, "vocabcount: long/" + name + "/"));
    CHECK(Contains(r.err, ": File name too long\n"));
    CHECK(r.out == (std::string(options).empty() ? "" : "middle\t1\ntop\t1\n"));
  }
}

TEST_CASE("hostile: --follow ends on link loops; self-links and dangling links are errors",
          "[hostile]") {
  Sandbox box;
  box.Write("tree/a.txt", "alpha\n");
  box.Write("tree/sub/b.txt", "beta\n");
  box.Write("tree/sub/deeper/c.txt", "gamma\n");
  REQUIRE(box.Run("ln -s ../.. tree/sub/deeper/top && ln -s .. tree/sub/up && "
                  "ln -s .. tree/sub/deeper/again")
              .status == 0);
  const std::string each_once = "alpha\t1\nbeta\t1\ngamma\t1\n";
  CHECK(Output(box, "timeout 60 \"$VC\" --follow tree") == each_once);
  // Entered through a link to the top: still each file once.
  CHECK(Output(box, "timeout 60 \"$VC\" --follow tree/sub/deeper/top") == each_once);

  box.Write("bad/a.txt", "alpha\n");
  REQUIRE(box.Run("ln -s self bad/self && ln -s nowhere bad/dangling && ln -s .. bad/up").status ==
          0);
  // Without --follow, links met in a walk are skipped.
  CHECK(Output(box, "timeout 60 \"$VC\" bad") == "alpha\t1\n");
  // With it, a link that cannot be followed is an input that cannot be read.
  for (const char* options : {"", "--keep-going "}) {
    const RunResult r = box.Run(std::string("timeout 60 \"$VC\" --follow ") + options + "bad");
    INFO(r);
    CHECK(r.status == 1);
    CHECK(Contains(r.err, "vocabcount: bad/self: Too many levels of symbolic links\n"));
    CHECK(Contains(r.err, "vocabcount: bad/dangling: No such file or directory\n"));
    CHECK(SplitLines(r.err).size() == 2);
    // bad/up leads to the sandbox, whose tree/ is walked once more.
    CHECK(r.out == (std::string(options).empty() ? "" : "alpha\t2\nbeta\t1\ngamma\t1\n"));
  }
}

TEST_CASE("hostile: names that are not UTF-8 are read, and shown quoted in messages", "[hostile]") {
  Sandbox box;
  box.Write("names/bad\xFF.txt", "ff words\n");
  box.Write("names/esc\x1b[2J.txt", "escape words\n");
  box.Write("names/line\nfeed.txt", "feed\xC3\n");
  CHECK(Output(box, "vocabcount names/bad\xFF.txt names/esc\x1b[2J.txt") ==
        "words\t2\nescape\t1\nff\t1\n");

  // The ill-formed warning names the file in the shell's $'...' quoting.
  const RunResult walked = box.Run("vocabcount names");
  INFO(walked);
  CHECK(walked.status == 0);
  CHECK(walked.out == "words\t2\nescape\t1\nfeed\t1\nff\t1\n");
  CHECK(walked.err == IllFormedWarning("$'names/line\\nfeed.txt'", CheckUtf8("feed\xC3\n")));

  // Missing files: the name comes back quoted, on one line, with no escape
  // sequence a terminal would act on.
  const RunResult missing =
      box.Run("vocabcount --keep-going names 'gone\xFF\x1b[2J.txt' \"it's\" '$'\\''x' 'tab\there'");
  INFO(missing);
  CHECK(missing.status == 1);
  CHECK(missing.err ==
        "vocabcount: $'gone\\xff\\x1b[2J.txt': No such file or directory\n"
        "vocabcount: it's: No such file or directory\n"
        "vocabcount: $'$\\'x': No such file or directory\n"
        "vocabcount: $'tab\\there': No such file or directory\n" +
            IllFormedWarning("$'names/line\\nfeed.txt'", CheckUtf8("feed\xC3\n")));
  CHECK(IsUtf8(missing.err));
  CHECK(missing.err.find_first_of(std::string("\x1b\r\t\0", 4)) == std::string::npos);
  // Each quoted name reads back in bash as the bytes it stands for.
  const RunResult back = box.Run("printf '%s' $'gone\\xff\\x1b[2J.txt' | od -An -tx1", "bash");
  CHECK(back.out == " 67 6f 6e 65 ff 1b 5b 32 4a 2e 74 78 74\n");

  // A file that exists but cannot be read.
  box.Write("locked\xFF.txt", "secret\n");
  fs::permissions(box.dir() / "locked\xFF.txt", fs::perms::none);
  fs::permissions(box.root(), static_cast<fs::perms>(0755));
  fs::permissions(box.dir(), static_cast<fs::perms>(0777));
  const std::string as_nobody =
      geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
  if (box.Run(as_nobody + "test -x \"$VC\" && ! " + as_nobody + "test -r 'locked\xFF.txt'")
          .status != 0) {
    WARN("skipped the unreadable file: no user here lacks the right to read it");
    return;
  }
  const RunResult locked = box.Run(as_nobody + "\"$VC\" 'locked\xFF.txt'");
  INFO(locked);
  CHECK(locked.status == 1);
  CHECK(locked.err == "vocabcount: $'locked\\xff.txt': Permission denied\n");
}

// ---------------------------------------------------------------------------
// Streams and files that change

TEST_CASE("hostile: a FIFO is read as a writer feeds it; in a walk it is skipped", "[hostile]") {
  Sandbox box;
  // Opening the FIFO read-write at the end releases a writer still blocked in
  // open() if vocabcount failed before opening it, so `wait` cannot hang.
  const RunResult fed = box.Run(
      "mkfifo fifo || exit 120\n"
      "{ printf 'alpha be'; sleep 0.2; printf 'ta gam\\377ma\\n'; sleep 0.2;"
      "  printf 'alpha\\n'; } > fifo &\n"
      "timeout 60 \"$VC\" -j2 --chunk-size 3 fifo; status=$?\n"
      "exec 3<>fifo; wait; exit $status");
  INFO(fed);
  CHECK(fed.status == 0);
  CHECK(fed.out == "alpha\t2\nbeta\t1\ngam\t1\nma\t1\n");
  CHECK(fed.err == IllFormedWarning("fifo", CheckUtf8("alpha beta gam\xFFma\nalpha\n")));

  // Nothing ever writes to this one: a walk that opened it would wait forever.
  box.Write("dir/a.txt", "alpha\n");
  REQUIRE(box.Run("mkfifo dir/pipe").status == 0);
  CHECK(Output(box, "timeout 60 \"$VC\" dir") == "alpha\t1\n");
  CHECK(Output(box, "timeout 60 \"$VC\" --follow dir") == "alpha\t1\n");
}

TEST_CASE("hostile: --files-from a directory fails naming it", "[hostile]") {
  Sandbox box;
  box.Write("lists/a.txt", "alpha\n");
  for (const char* options : {"", "-0 "}) {
    const RunResult r = box.Run(std::string("vocabcount ") + options + "--files-from lists");
    INFO(r);
    CHECK(r.status == 1);
    CHECK(r.out == "");
    CHECK(r.err == "vocabcount: lists: read error: Is a directory\n");
  }
}

// Starts vocabcount on big.txt, stops it once it has the file open, runs
// `meddle` on the file, lets it go on and waits for it. The script prints
// "open" when the meddling happened while vocabcount held the file and had
// not yet read it to its end (its read position, from /proc/PID/fdinfo, short
// of the size): a loaded machine may stop the process only after its reader
// reached the end, with the last units still being counted, and then the
// meddling proves nothing.
std::string MeddleWhileReading(const std::string& options, const std::string& meddle) {
  return "\"$VC\" " + options +
         " big.txt > out 2> err & pid=$!\n"
         "size=$(stat -c %s big.txt)\n"
         "unread() {\n"
         "  for fd in /proc/$pid/fd/*; do\n"
         "    case $(readlink \"$fd\" 2>/dev/null) in\n"
         "      */big.txt) pos=$(sed -n 's/^pos:[[:space:]]*//p' /proc/$pid/fdinfo/${fd##*/})\n"
         "        [ \"${pos:-$size}\" -lt \"$size\" ] && return 0;;\n"
         "    esac\n"
         "  done\n"
         "  return 1\n"
         "}\n"
         "i=0; while ! ls -l /proc/$pid/fd 2>/dev/null | grep -q big.txt; do\n"
         "  kill -0 $pid 2>/dev/null || break; i=$((i+1)); [ $i -lt 30000 ] || break;\n"
         "  sleep 0.01; done\n"
         "kill -STOP $pid 2>/dev/null && unread && echo open\n" +
         meddle +
         "\n"
         "kill -CONT $pid 2>/dev/null; wait $pid; echo $? > status\n";
}

std::string BigFileScript(std::uint64_t bytes) {
  return "yes 'alpha beta ' | tr -d '\\n' | head -c " + std::to_string(bytes) + " > big.txt\n";
}

// Makes big.txt of `bytes` and runs MeddleWhileReading until the meddling
// happens mid-read, a few times at most; the result of the last try.
RunResult MeddleMidRead(const Sandbox& box, std::uint64_t bytes, const std::string& options,
                        const std::string& meddle) {
  RunResult r;
  for (int attempt = 0; attempt < 5; ++attempt) {
    REQUIRE(box.Run(BigFileScript(bytes)).status == 0);
    r = box.Run(MeddleWhileReading(options, meddle));
    if (r.out.rfind("open\n", 0) == 0) break;
  }
  return r;
}

TEST_CASE("hostile: an input deleted while it is read is read to its end", "[hostile]") {
  Sandbox box;
  // Multiple of 11 bytes: whole "alpha beta " periods.
  const std::uint64_t bytes = LargeBytes() / 5 / 11 * 11;
  const RunResult r =
      MeddleMidRead(box, bytes, "-j1 --stats=json",
                    "rm big.txt && ls -l /proc/$pid/fd | grep -q '(deleted)' && echo gone");
  INFO(r << box.Read("err"));
  REQUIRE(r.out == "open\ngone\n");
  CHECK(box.Read("status") == "0\n");
  const std::string count = std::to_string(bytes / 11);
  CHECK(box.Read("out") == "alpha\t" + count + "\nbeta\t" + count + "\n");
  CHECK(StatsJson(box.Read("err"))["bytes"] == std::to_string(bytes));
}

TEST_CASE("hostile: an input truncated while it is read is an error, and leaves no partial token",
          "[hostile]") {
  Sandbox box;
  const std::uint64_t bytes = LargeBytes() / 5 / 11 * 11;
  for (const char* options : {"-j1", "-j2 --keep-going"}) {
    INFO(options);
    const RunResult r = MeddleMidRead(box, bytes, options, "truncate -s 1000 big.txt");
    INFO(r << box.Read("err"));
    REQUIRE(r.out == "open\n");
    CHECK(box.Read("status") == "1\n");
    const std::regex message("vocabcount: big\\.txt:[0-9]+: the file shrank from " +
                             std::to_string(bytes) + " to 1000 bytes while it was read\n");
    CHECK(std::regex_match(box.Read("err"), message));
    const std::string out = box.Read("out");
    if (std::string(options).find("--keep-going") == std::string::npos) {
      CHECK(out == "");
    } else {
      // What was read before stays counted, and holds only whole words.
      for (const std::string& line : SplitLines(out)) {
        INFO(line);
        CHECK((StartsWith(line, "alpha\t") || StartsWith(line, "beta\t")));
      }
    }
  }
}

}  // namespace
