// Many small files, which workers open and read themselves: the reference
// counts, the same stats, and the same errors and warnings in input order at
// every thread count.
#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "support/compress_support.h"
#include "support/reference_counter.h"
#include "support/reference_ngrams.h"
#include "support/test_support.h"
#include "vocabcount/vocabcount.h"

namespace vocabcount::testing {
namespace {

std::string Tsv(const CountReport& report) { return FormatVocabulary(report.vocabulary, {}); }

// Every error and warning of `report`, in its order, as the command words them.
std::string Diagnostics(const CountReport& report) {
  std::string all;
  for (const Problem& error : report.errors) all += "error: " + error.ToString() + "\n";
  for (const Warning& warning : report.warnings) all += "warning: " + warning.ToString() + "\n";
  return all;
}

// The stats reading decides, on one line.
std::string ReadStats(const CountReport& report) {
  const CountStats& s = report.stats;
  return std::to_string(s.inputs) + " inputs, " + std::to_string(s.inputs_skipped) + " skipped, " +
         std::to_string(s.compressed_inputs) + " compressed, " + std::to_string(s.bytes) +
         " bytes, " + std::to_string(s.stored_bytes) + " stored, " + std::to_string(s.tokens) +
         " tokens";
}

// Writes `files` files of about a kilobyte each, cut at line ends from the
// corpus and random text (ill-formed bytes and long tokens among them), and
// returns their paths in input order.
std::vector<std::string> WriteSmallFiles(const TempDir& dir, int files, ReferenceCounts& counts) {
  std::string text;
  for (const std::string& path : CorpusTexts()) text += ReadFile(path);
  std::mt19937 random(31);
  while (text.size() < static_cast<std::size_t>(files) * 1024) text += RandomText(random, 500);
  std::vector<std::string> paths;
  std::size_t begin = 0;
  for (int i = 0; i < files; ++i) {
    std::size_t end = text.find('\n', std::min(begin + 1000, text.size()));
    end = end == std::string::npos ? text.size() : end + 1;
    char name[32];
    std::snprintf(name, sizeof name, "part-%05d.txt", i);
    paths.push_back(dir.File(name));
    WriteFile(paths.back(), text.substr(begin, end - begin));
    ReferenceCountWords(text.substr(begin, end - begin), false, counts);
    begin = end;
  }
  return paths;
}

TEST_CASE("Many small files give the reference counts at every thread count",
          "[small_files][determinism]") {
  TempDir dir;
  ReferenceCounts counts;
  const std::vector<std::string> paths = WriteSmallFiles(dir, 400, counts);
  const std::string expected = ReferenceTsv(counts);
  std::string first_stats;
  std::string first_diagnostics;
  // 64 KiB units take every file whole; 700-byte ones read most of them in
  // the reader stage, cut in two.
  for (std::size_t chunk : {std::size_t{1} << 16, std::size_t{700}}) {
    for (int threads : {1, 2, 5}) {
      INFO(threads << " threads, chunk " << chunk);
      Options options;
      options.threads = threads;
      options.chunk_bytes = chunk;
      options.max_token_bytes = 40;  // some tokens of the random text are longer
      const CountReport report = CountForTest({dir.path()}, options);
      REQUIRE(report.ok());
      CHECK(report.stats.threads == threads);
      CHECK(report.stats.inputs == paths.size());
      if (first_stats.empty()) {
        first_stats = ReadStats(report);
        first_diagnostics = Diagnostics(report);
        CHECK_FALSE(report.long_tokens.empty());
        CHECK_FALSE(report.ill_formed.empty());
      }
      CHECK(ReadStats(report) == first_stats);
      CHECK(Diagnostics(report) == first_diagnostics);
    }
  }
  // Without the length limit, the reference's counts exactly.
  for (int threads : {1, 2, 5}) {
    Options options;
    options.threads = threads;
    options.max_token_bytes = 1 << 20;
    const CountReport report = CountForTest(paths, options);
    REQUIRE(report.ok());
    INFO(threads << " threads");
    CHECK(Tsv(report) == expected);
  }
}

TEST_CASE("N-grams of many small files do not depend on the thread count", "[small_files][ngram]") {
  TempDir dir;
  ReferenceCounts unused;
  const std::vector<std::string> paths = WriteSmallFiles(dir, 150, unused);
  Options options;
  options.ngram_min = 1;
  options.ngram_max = 3;
  ReferenceCounts counts;
  for (const std::string& path : paths) ReferenceCountNgrams(ReadFile(path), options, counts);
  for (int threads : {1, 2, 5}) {
    options.threads = threads;
    const CountReport report = CountForTest(paths, options);
    REQUIRE(report.ok());
    INFO(threads << " threads");
    CHECK(Tsv(report) == ReferenceTsv(counts));
  }
}

TEST_CASE("Inputs that cannot be read among many small files: one report at every thread count",
          "[small_files][errors]") {
  TempDir dir;
  ReferenceCounts unused;
  std::vector<std::string> paths = WriteSmallFiles(dir, 300, unused);
  // Damaged and missing files in the middle, and good compressed ones, whose
  // text is read by the workers too.
  const std::string text = ReadFile(paths[0]);
  const std::string gzip = Compress("gzip", text);
  WriteFile(dir.File("good.gz"), gzip);
  WriteFile(dir.File("truncated.gz"), gzip.substr(0, gzip.size() / 2));
  std::string corrupt = Compress("zstd", text);
  corrupt[corrupt.size() / 2] = static_cast<char>(corrupt[corrupt.size() / 2] ^ 0x55);
  WriteFile(dir.File("corrupt.zst"), corrupt);
  paths.insert(paths.begin() + 40, dir.File("truncated.gz"));
  paths.insert(paths.begin() + 41, dir.File("good.gz"));
  paths.insert(paths.begin() + 150, dir.File("corrupt.zst"));
  paths.insert(paths.begin() + 220, dir.File("truncated.gz"));
  std::string first_diagnostics;
  std::string first_stats;
  std::string first_tsv;
  for (int threads : {1, 2, 5}) {
    INFO(threads << " threads");
    Options options;
    options.threads = threads;
    options.keep_going = true;
    const CountReport kept = CountForTest(paths, options);
    CHECK(kept.finished);
    REQUIRE(kept.errors.size() == 3);
    CHECK(kept.errors[0].path == dir.File("truncated.gz"));
    CHECK(kept.errors[1].path == dir.File("corrupt.zst"));
    CHECK(kept.errors[2].path == dir.File("truncated.gz"));
    CHECK(kept.stats.inputs == paths.size() - 3);
    CHECK(kept.stats.compressed_inputs == 1);
    if (threads == 1) {
      first_diagnostics = Diagnostics(kept);
      first_stats = ReadStats(kept);
      first_tsv = Tsv(kept);
    }
    CHECK(Diagnostics(kept) == first_diagnostics);
    CHECK(ReadStats(kept) == first_stats);
    CHECK(Tsv(kept) == first_tsv);

    // Without keep_going the run stops at the first, and names only it,
    // whichever worker found a later one first.
    options.keep_going = false;
    const CountReport stopped = CountForTest(paths, options);
    CHECK_FALSE(stopped.finished);
    REQUIRE(stopped.errors.size() == 1);
    CHECK(stopped.errors[0].path == dir.File("truncated.gz"));
    CHECK(stopped.errors[0].what == kept.errors[0].what);
  }
}

TEST_CASE("Progress counts every small file once, from one thread at a time",
          "[small_files][progress]") {
  TempDir dir;
  ReferenceCounts unused;
  const std::vector<std::string> paths = WriteSmallFiles(dir, 200, unused);
  for (int threads : {1, 3}) {
    Options options;
    options.threads = threads;
    Progress last;
    int calls = 0;
    std::atomic<int> inside{0};
    bool overlapped = false;
    options.progress = [&](const Progress& progress) {
      if (inside.fetch_add(1) != 0) overlapped = true;
      CHECK(progress.bytes_done >= last.bytes_done);
      last = progress;
      ++calls;
      inside.fetch_sub(1);
    };
    const CountReport report = CountForTest(paths, options);
    REQUIRE(report.ok());
    INFO(threads << " threads");
    CHECK_FALSE(overlapped);
    CHECK(calls >= 200);
    CHECK(last.inputs_done == paths.size());
    CHECK(last.inputs_total == paths.size());
    CHECK(last.bytes_done == last.bytes_total);
    CHECK(last.bytes_total == report.stats.stored_bytes);
  }
}

}  // namespace
}  // namespace vocabcount::testing
