// libFuzzer target: reading vocabularies (--merge's "token<TAB>count" lines)
// and merging two of them. On any bytes the reader must accept exactly the
// lines a plain parser written here accepts, stop at the first bad line with
// an error naming it (1-based), and what it accepts must read back the same
// once written out again; MergeVocabularies over the two as files must
// report the same first problem, or give the sums a std::map makes, and the
// same sums when a tiny memory budget makes it spill.
//
// Byte 0: the reader's buffer (16 to 79 bytes; tiny, so lines cross refills
// and outgrow the buffer); byte 1: bits 0-3 the bytes a read hands over
// (1 to 16), bits 4-5 top (0 = all, else 1 to 3), bit 6 min_count 2, bit 7
// token order. The rest: the first vocabulary, then after the first 0xFF
// byte (never part of UTF-8, so never of an accepted line) the second.
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz/fuzz_failure.h"
#include "fuzz/utf8_decoder.h"
#include "input/text_stream.h"
#include "merge/vocabulary_reader.h"
#include "vocabcount/merge.h"
#include "vocabcount/write.h"

namespace {

using vocabcount::Options;
using vocabcount::SortOrder;
using vocabcount::Vocabulary;
using vocabcount::VocabularyEntry;
using vocabcount::fuzzing::Escaped;
using vocabcount::fuzzing::Fail;
using vocabcount::internal::TextStream;
using vocabcount::internal::VocabularyLine;
using vocabcount::internal::VocabularyReader;

struct Entry {
  std::string token;
  std::uint64_t count = 0;
  std::uint64_t line = 0;
  friend bool operator==(const Entry&, const Entry&) = default;
};

// What reading one vocabulary gives: its entries up to the first problem,
// and the line of that problem (0: none).
struct Parsed {
  std::vector<Entry> entries;
  std::uint64_t bad_line = 0;
  std::string error;  // the reader's message (empty from the reference)
};

// The format as documented, parsed the plain way: lines end at line feeds (a
// last line may lack one); an exact "token<TAB>count" at line 1 is a header;
// every other line is valid UTF-8, a non-empty token without tabs, a tab,
// and decimal digits (no sign, no spaces) for a count from 1 to 2^64 - 1.
Parsed ReferenceParse(std::string_view text) {
  Parsed parsed;
  std::uint64_t number = 0;
  for (std::size_t begin = 0; begin < text.size();) {
    const std::size_t end = std::min(text.find('\n', begin), text.size());
    const std::string_view line = text.substr(begin, end - begin);
    begin = end + 1;
    ++number;
    if (number == 1 && line == "token\tcount") continue;
    const std::size_t tab = line.find('\t');
    const std::string_view token = line.substr(0, tab == line.npos ? 0 : tab);
    const std::string_view digits = tab == line.npos ? "" : line.substr(tab + 1);
    bool good = vocabcount::fuzzing::IsValidUtf8(line) && !token.empty() && !digits.empty();
    std::uint64_t count = 0;
    for (char c : digits) {
      const std::uint64_t digit = static_cast<std::uint64_t>(c - '0');
      if (c < '0' || c > '9' || count > (std::numeric_limits<std::uint64_t>::max() - digit) / 10) {
        good = false;
        break;
      }
      count = count * 10 + digit;
    }
    if (!good || count == 0) {
      parsed.bad_line = number;
      return parsed;
    }
    parsed.entries.push_back(Entry{std::string(token), count, number});
  }
  return parsed;
}

// Whether TextStream takes `bytes` for compressed data (by its first bytes).
bool Compressed(std::string_view bytes) {
  return !TextStream::FormatOf(bytes.substr(0, TextStream::kMagicBytes)).empty();
}

// What VocabularyReader reads from `bytes`, handed over `step` bytes at a
// time; `input` is the fuzzer's whole input, for reports.
Parsed ReadWithReader(std::string_view bytes, std::size_t buffer, std::size_t step,
                      std::string_view input) {
  VocabularyReader reader(TextStream([bytes, step](char* out, std::size_t size) mutable {
                            const std::size_t n = std::min({size, step, bytes.size()});
                            std::memcpy(out, bytes.data(), n);
                            bytes.remove_prefix(n);
                            return static_cast<ssize_t>(n);
                          }),
                          buffer);
  Parsed parsed;
  VocabularyLine entry;
  while (reader.Next(entry)) {
    parsed.entries.push_back({std::string(entry.token), entry.count, entry.line});
  }
  parsed.error = reader.error();
  if (!parsed.error.empty()) {
    // Every problem of plain text is about a line; compressed data may be
    // corrupt instead.
    if (reader.error_line() ? *reader.error_line() < 1 : !Compressed(bytes)) {
      Fail("an error without a line number >= 1: " + parsed.error, input);
    }
    parsed.bad_line = reader.error_line().value_or(0);
  }
  return parsed;
}

// The first line whose token an earlier line of the same input had (0: none).
std::uint64_t FirstRepeatedToken(const std::vector<Entry>& entries) {
  std::map<std::string, bool> seen;
  for (const Entry& entry : entries) {
    if (!seen.emplace(entry.token, true).second) return entry.line;
  }
  return 0;
}

// A vocabulary's bytes as a file the library can open by name: a memory
// file, named through /proc (a regular file, so merges may stream it).
class MemoryFile {
 public:
  explicit MemoryFile(std::string_view bytes) : fd_(memfd_create("vocabulary", MFD_CLOEXEC)) {
    if (fd_ < 0) std::abort();
    for (std::size_t done = 0; done < bytes.size();) {
      const ssize_t wrote = write(fd_, bytes.data() + done, bytes.size() - done);
      if (wrote <= 0) std::abort();
      done += static_cast<std::size_t>(wrote);
    }
  }
  ~MemoryFile() { close(fd_); }
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;
  std::string path() const { return "/proc/self/fd/" + std::to_string(fd_); }

 private:
  int fd_;
};

std::string Show(const Vocabulary& vocabulary) {
  std::string out;
  for (std::size_t i = 0; i < vocabulary.size() && i < 40; ++i) {
    out += "  " + Escaped(vocabulary[i].token) + "\t" + std::to_string(vocabulary[i].count) + "\n";
  }
  return out;
}

// Reader against reference, and the round trip of what was accepted.
void CheckReader(std::string_view bytes, std::size_t buffer, std::size_t step,
                 std::string_view input) {
  const Parsed got = ReadWithReader(bytes, buffer, step, input);
  if (Compressed(bytes)) return;  // the reference reads plain text only
  const Parsed expected = ReferenceParse(bytes);
  if (got.entries != expected.entries) {
    Fail("the reader's entries differ from the reference", input);
  }
  if (got.bad_line != expected.bad_line) {
    Fail("the reader stops at line " + std::to_string(got.bad_line) + " (" + got.error +
             "), the reference at line " + std::to_string(expected.bad_line),
         input);
  }

  // Each accepted line written out again parses to the same entry, and so
  // does the whole vocabulary written by the library (with a header).
  Vocabulary written;
  for (const Entry& entry : got.entries) {
    std::string_view token;
    std::uint64_t count = 0;
    const std::string line = entry.token + "\t" + std::to_string(entry.count);
    if (auto problem = vocabcount::internal::ParseVocabularyLine(line, token, count)) {
      Fail("a rewritten line does not parse: " + *problem, input);
    }
    if (token != entry.token || count != entry.count) Fail("a rewritten line changes", input);
    written.push_back({entry.token, entry.count});
  }
  const std::string tsv = vocabcount::FormatVocabulary(written, {.header = true});
  const Parsed again = ReadWithReader(tsv, buffer, step, input);
  bool same = again.error.empty() && again.entries.size() == written.size();
  for (std::size_t i = 0; same && i < written.size(); ++i) {
    same = again.entries[i].token == written[i].token && again.entries[i].count == written[i].count;
  }
  if (!same) Fail("the written vocabulary does not read back the same", input);
}

// The merge the documentation promises, from the reference's readings.
void CheckMerge(std::string_view first, std::string_view second, const Options& options,
                std::string_view input) {
  const MemoryFile first_file(first), second_file(second);
  const std::vector<std::string> paths = {first_file.path(), second_file.path()};
  const vocabcount::MergeReport report = vocabcount::MergeVocabularies(paths, options);
  for (const vocabcount::Problem& problem : report.errors) {
    if (!problem.line || *problem.line < 1) {
      Fail("a merge error without a line number >= 1: " + problem.ToString(), input);
    }
  }

  // The first problem of each input: a bad line or a token seen before in it.
  std::uint64_t problem_line[2] = {0, 0};
  std::map<std::string, std::uint64_t> sums;
  std::vector<std::uint64_t> overflow_lines;  // lines of the second input
  // Whether both inputs are in strictly ascending token order.
  bool sorted = true;
  int input_index = 0;
  for (std::string_view bytes : {first, second}) {
    const Parsed parsed = ReferenceParse(bytes);
    const std::uint64_t repeated = FirstRepeatedToken(parsed.entries);
    std::uint64_t& line = problem_line[input_index];
    line = parsed.bad_line;
    if (repeated != 0 && (line == 0 || repeated < line)) line = repeated;
    for (std::size_t i = 0; i < parsed.entries.size(); ++i) {
      const Entry& entry = parsed.entries[i];
      if (line != 0 && entry.line >= line) break;
      if (i > 0 && !(parsed.entries[i - 1].token < entry.token)) sorted = false;
      std::uint64_t& sum = sums[entry.token];
      if (__builtin_add_overflow(sum, entry.count, &sum)) overflow_lines.push_back(entry.line);
    }
    ++input_index;
  }

  const auto describe_errors = [&] {
    std::string out;
    for (const auto& problem : report.errors) out += "  " + problem.ToString() + "\n";
    return out;
  };
  const auto expect_error = [&](const std::string& path, std::uint64_t line) {
    if (report.ok() || report.errors.empty() || report.errors[0].path != path ||
        report.errors[0].line != line) {
      Fail("the merge should fail at " + path + " line " + std::to_string(line) + ", got:\n" +
               describe_errors(),
           input);
    }
  };
  if (problem_line[0] != 0) return expect_error(paths[0], problem_line[0]);
  if (!overflow_lines.empty()) {
    // Which overflowing token is met first depends on the merge's path (a
    // stream meets them in token order, a hash map in input order); a bad
    // line of the second input may also be found first, by the streaming
    // path's first pass.
    const bool named =
        !report.ok() && !report.errors.empty() && report.errors[0].path == paths[1] &&
        (std::count(overflow_lines.begin(), overflow_lines.end(), *report.errors[0].line) > 0 ||
         *report.errors[0].line == problem_line[1]);
    if (!named) Fail("the merge should report an overflow, got:\n" + describe_errors(), input);
    return;
  }
  if (problem_line[1] != 0) return expect_error(paths[1], problem_line[1]);
  if (!report.ok()) Fail("the merge failed:\n" + describe_errors(), input);
  // Regular files in token order are merged as streams, others in memory.
  if (report.streamed != sorted) {
    Fail(std::string("the merge ") + (sorted ? "did not stream" : "streamed") + " its inputs",
         input);
  }
  std::uint64_t total = 0;  // the statistic saturates
  for (const auto& [token, count] : sums) {
    if (__builtin_add_overflow(total, count, &total)) total = ~std::uint64_t{0};
  }
  if (report.stats.distinct_tokens != sums.size() || report.stats.tokens != total) {
    Fail("the merge's statistics differ from the reference", input);
  }

  // Entries of at least min_count; the top ones by count; in the order asked.
  Vocabulary expected;
  for (const auto& [token, count] : sums) {
    if (count >= options.min_count) expected.push_back({token, count});
  }
  std::stable_sort(
      expected.begin(), expected.end(),
      [](const VocabularyEntry& a, const VocabularyEntry& b) { return a.count > b.count; });
  if (options.top > 0 && expected.size() > options.top) expected.resize(options.top);
  if (options.sort == SortOrder::kToken) {
    std::sort(expected.begin(), expected.end(),
              [](const VocabularyEntry& a, const VocabularyEntry& b) { return a.token < b.token; });
  }
  if (report.vocabulary != expected) {
    Fail("the merged vocabulary differs from the reference\nexpected:\n" + Show(expected) +
             "got:\n" + Show(report.vocabulary),
         input);
  }
  // Inputs summed in tables give the same when every new token spills.
  if (!report.streamed) {
    Options spilling = options;
    spilling.memory_bytes = 1;
    const vocabcount::MergeReport spilled = vocabcount::MergeVocabularies(paths, spilling);
    if (!spilled.ok() || spilled.vocabulary != report.vocabulary ||
        spilled.stats.tokens != report.stats.tokens ||
        spilled.stats.distinct_tokens != report.stats.distinct_tokens) {
      Fail("a merge that spills differs from one in memory:\n" + Show(spilled.vocabulary), input);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t buffer = 16 + (data[0] & 0x3F);
  const std::size_t step = 1 + (data[1] & 0x0F);
  Options options;
  options.threads = 1;
  options.top = (data[1] >> 4) & 3;
  options.min_count = data[1] & 0x40 ? 2 : 1;
  options.sort = data[1] & 0x80 ? SortOrder::kToken : SortOrder::kCount;

  const std::string_view text = input.substr(2);
  const std::size_t split = std::min(text.find('\xFF'), text.size());
  const std::string_view first = text.substr(0, split);
  const std::string_view second = split < text.size() ? text.substr(split + 1) : "";
  CheckReader(first, buffer, step, input);
  CheckReader(second, buffer, step, input);
  // Compressed inputs are for the reader alone: decoders are slow to set up,
  // and the reference cannot check a merge of them.
  if (!Compressed(first) && !Compressed(second)) CheckMerge(first, second, options, input);
  return 0;
}
