// CountDocuments against its independent reference, each document counted
// alone and the vocabularies summed, in every batching; and a run stopped
// through Options::cancel, while reading and while delivering.
#include "vocabcount/documents.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <cerrno>
#include <chrono>
#include <map>
#include <random>
#include <thread>

#include "support/test_support.h"

namespace vocabcount::testing {
namespace {

// Documents of random text, some empty, some with line ends inside; none
// starting with a byte order mark, which an input alone would drop.
std::vector<std::string> RandomDocuments(std::mt19937& random, int documents) {
  std::vector<std::string> result;
  for (int i = 0; i < documents; ++i) {
    std::string text = RandomText(random, static_cast<int>(random() % 30));
    if (text.starts_with("\xEF\xBB\xBF")) text.insert(0, "x");
    result.push_back(std::move(text));
  }
  return result;
}

// The reference: every document counted as an input of its own, summed.
Vocabulary SummedAlone(const std::vector<std::string>& documents, const Options& options) {
  std::map<std::string, std::uint64_t> sums;
  for (const std::string& document : documents) {
    const CountReport report = CountTextForTest(document, options);
    REQUIRE(report.ok());
    for (const VocabularyEntry& entry : report.vocabulary) sums[entry.token] += entry.count;
  }
  Vocabulary vocabulary;
  for (const auto& [token, count] : sums) vocabulary.push_back({token, count});
  std::sort(vocabulary.begin(), vocabulary.end(), ComesBefore);
  return vocabulary;
}

// A source handing out `per_batch` documents at a time.
DocumentSource BatchesOf(const std::vector<std::string>& documents, std::size_t per_batch) {
  return [&documents, per_batch, next = std::size_t{0}](DocumentBatch& batch) mutable {
    if (next == documents.size()) return false;
    for (std::size_t i = 0; i < per_batch && next < documents.size(); ++i) {
      batch.Add(documents[next++]);
    }
    return true;
  };
}

TEST_CASE("Documents count as each alone, summed, in every batching", "[documents][threads]") {
  std::mt19937 random(20261205);
  const std::vector<std::string> documents = RandomDocuments(random, 120);
  struct Setting {
    const char* name;
    TokenizerKind tokenizer;
    int ngram_max;
    bool lower;
  };
  for (const Setting& setting : {Setting{"word", TokenizerKind::kWord, 1, false},
                                 Setting{"word, lower", TokenizerKind::kWord, 1, true},
                                 Setting{"word 1-3-grams", TokenizerKind::kWord, 3, false},
                                 Setting{"whitespace", TokenizerKind::kWhitespace, 1, false},
                                 Setting{"gpt2", TokenizerKind::kGpt2, 1, false},
                                 Setting{"cl100k", TokenizerKind::kCl100k, 1, false},
                                 Setting{"o200k", TokenizerKind::kO200k, 1, true}}) {
    Options options;
    options.tokenizer = setting.tokenizer;
    options.ngram_max = setting.ngram_max;
    if (setting.lower) options.case_mapping = CaseMapping::kLower;
    const Vocabulary expected = SummedAlone(documents, options);
    for (const std::size_t per_batch : {std::size_t{1}, std::size_t{7}, documents.size()}) {
      for (const int threads : {1, 3}) {
        options.threads = threads;
        INFO(setting.name << ", " << per_batch << " per batch, " << threads << " threads");
        const CountReport report = CountDocuments(BatchesOf(documents, per_batch), options);
        REQUIRE(report.ok());
        CHECK(report.vocabulary == expected);
        CHECK(report.stats.inputs == 1);
      }
    }
  }
}

TEST_CASE("Documents: a source of no documents counts nothing", "[documents]") {
  const CountReport report = CountDocuments([](DocumentBatch&) { return false; }, {});
  REQUIRE(report.ok());
  CHECK(report.vocabulary.empty());
}

TEST_CASE("Documents: file-only options are refused", "[documents]") {
  Options options;
  options.jsonl_field = "text";
  const CountReport report = CountDocuments([](DocumentBatch&) { return false; }, options);
  REQUIRE(report.errors.size() == 1);
  CHECK(report.errors[0].what.starts_with("--jsonl: "));
  CHECK_FALSE(report.finished);
}

TEST_CASE("Documents: a long token is reported at its offset in the joined documents",
          "[documents]") {
  const std::vector<std::string> documents = {"short words", std::string(50, 'x') + " y"};
  Options options;
  options.max_token_bytes = 10;
  const CountReport report = CountDocuments(BatchesOf(documents, 1), options);
  REQUIRE(report.ok());
  REQUIRE(report.long_tokens.size() == 1);
  CHECK(report.long_tokens[0].path == "<documents>");
  CHECK(report.long_tokens[0].first_offset == std::optional<std::uint64_t>(12));
}

TEST_CASE("Cancel stops an endless count of documents within a second", "[documents][threads]") {
  std::atomic<bool> cancel = false;
  Options options;
  options.cancel = &cancel;
  options.threads = 2;
  const DocumentSource endless = [](DocumentBatch& batch) {
    for (int i = 0; i < 1000; ++i) batch.Add("the same few words again and again");
    return true;
  };
  std::chrono::steady_clock::time_point cancelled_at;
  std::thread canceller([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    cancelled_at = std::chrono::steady_clock::now();
    cancel = true;
  });
  const CountReport report = CountDocuments(endless, options);
  const auto stopped_at = std::chrono::steady_clock::now();
  canceller.join();
  CHECK(stopped_at - cancelled_at < std::chrono::seconds(1));
  CHECK_FALSE(report.finished);
  REQUIRE(report.errors.size() == 1);
  CHECK(report.errors[0].what == Options::kInterrupted);
  CHECK(report.vocabulary.empty());
}

TEST_CASE("Cancel stops the delivery of entries, spilled or not", "[documents]") {
  const std::string text = "a b c d e f g h i j k l m n o p";
  for (const std::uint64_t memory : {std::uint64_t{0}, std::uint64_t{1}}) {
    std::atomic<bool> cancel = false;
    Options options;
    options.cancel = &cancel;
    options.memory_bytes = memory;  // 1: every hand-over spills
    int delivered = 0;
    const CountReport report = CountText(text, options, [&](std::string_view, std::uint64_t) {
      ++delivered;
      cancel = true;
      return true;
    });
    INFO("memory " << memory);
    CHECK(delivered == 1);
    CHECK_FALSE(report.finished);
    REQUIRE_FALSE(report.errors.empty());
    CHECK(report.errors.back().what == Options::kInterrupted);
  }
}

TEST_CASE("A missing input's problem carries its errno", "[documents]") {
  TempDir dir;
  const CountReport report = Count({dir.File("missing.txt")}, {});
  REQUIRE(report.errors.size() == 1);
  CHECK(report.errors[0].error_number == ENOENT);
}

}  // namespace
}  // namespace vocabcount::testing
