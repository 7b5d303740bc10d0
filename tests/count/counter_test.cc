// Worker counters and the reduce step: any split of the tokens over workers,
// folded in any order, sums to the same counts.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <random>

#include "count/folded_counts.h"
#include "output/sort.h"
#include "spill/finish_spilled.h"
#include "spill/run_store.h"
#include "spill/spill_file.h"
#include "table/counter.h"

namespace vocabcount::internal {
namespace {

std::map<std::string, std::uint64_t> AsMap(TokenCounter counter) {
  std::map<std::string, std::uint64_t> map;
  counter.Drain([&](std::string_view token, std::uint64_t count) { map.emplace(token, count); });
  return map;
}

TEST_CASE("A counter counts each distinct token", "[counter]") {
  TokenCounter counter;
  for (std::string_view token : {"a", "b", "a", "é", "a"}) counter.Add(token);
  counter.Add("b", 10);
  CHECK(counter.total() == 15);
  CHECK(counter.distinct() == 3);
  CHECK(AsMap(std::move(counter)) ==
        std::map<std::string, std::uint64_t>{{"a", 3}, {"b", 11}, {"é", 1}});
}

TEST_CASE("Counts are 64-bit", "[counter]") {
  TokenCounter counter;
  counter.Add("big", std::uint64_t{1} << 40);
  counter.Add("big", std::uint64_t{1} << 40);
  CHECK(AsMap(std::move(counter))["big"] == std::uint64_t{1} << 41);
}

TEST_CASE("Deferred adds count the same as immediate ones", "[counter]") {
  std::mt19937 random(5);
  // Short and long tokens (past the 16 bytes kept inline), repeated.
  std::vector<std::string> stream;
  for (int i = 0; i < 5000; ++i) {
    stream.push_back(std::string(1 + random() % 40, static_cast<char>('a' + random() % 3)) +
                     std::to_string(random() % 50));
  }
  for (std::size_t settle_every : {1, 7, 15, 16, 17, 5000}) {
    TokenCounter immediate;
    TokenCounter deferred;
    for (std::size_t i = 0; i < stream.size(); ++i) {
      immediate.Add(stream[i]);
      deferred.AddSoon(stream[i]);
      if ((i + 1) % settle_every == 0) deferred.Settle();
    }
    deferred.Settle();
    INFO("settled every " << settle_every);
    CHECK(deferred.total() == stream.size());
    CHECK(AsMap(std::move(deferred)) == AsMap(std::move(immediate)));
  }
}

TEST_CASE("Deferred adds of many distinct tokens, settled at any point, count exactly",
          "[counter]") {
  // Far more distinct tokens than the ring holds, with a few very frequent
  // ones (as in text), settled at unit ends of varied sizes, some tokens past
  // the 16 bytes kept inline.
  std::mt19937 random(8);
  std::vector<std::string> stream;
  std::map<std::string, std::uint64_t> expected;
  for (int i = 0; i < 200000; ++i) {
    const std::uint32_t draw = random();
    std::string token = draw % 4 == 0 ? "t" + std::to_string(draw % 100000)
                                      : "w" + std::to_string(draw % 37);
    if (draw % 101 == 0) token += "-past-the-sixteen-inline-bytes";
    ++expected[token];
    stream.push_back(std::move(token));
  }
  TokenCounter counter;
  std::size_t next_settle = 1;
  for (std::size_t i = 0; i < stream.size(); ++i) {
    counter.AddSoon(stream[i]);
    if (i + 1 == next_settle) {
      counter.Settle();
      next_settle += 1 + random() % 30000;
    }
  }
  CHECK(AsMap(std::move(counter)) == expected);
}

TEST_CASE("Settled tokens need their bytes no longer", "[counter]") {
  // The n-gram window moves its bytes after Settle(): nothing counted may
  // still point into them.
  TokenCounter counter;
  std::map<std::string, std::uint64_t> expected;
  std::string buffer;
  for (int round = 0; round < 50; ++round) {
    buffer = "word" + std::to_string(round % 5) + " another-token-longer-than-16-bytes";
    counter.AddSoon(std::string_view(buffer).substr(0, 5));
    counter.AddSoon(std::string_view(buffer).substr(6));
    ++expected[buffer.substr(0, 5)];
    ++expected[buffer.substr(6)];
    counter.Settle();
    buffer.assign(buffer.size(), 'x');
  }
  CHECK(AsMap(std::move(counter)) == expected);
}

TEST_CASE("Absorbing or reading entries counts the tokens still pending", "[counter]") {
  // Fewer tokens than the prefetch ring holds, so none is counted yet.
  TokenCounter first;
  TokenCounter second;
  for (std::string_view token : {"a", "b", "a-token-longer-than-sixteen-bytes"}) first.AddSoon(token);
  for (std::string_view token : {"a", "c"}) second.AddSoon(token);
  first.Absorb(std::move(second));
  CHECK(first.total() == 5);
  first.AddSoon("c");
  CHECK(AsMap(std::move(first)) ==
        std::map<std::string, std::uint64_t>{
            {"a", 2}, {"b", 1}, {"c", 2}, {"a-token-longer-than-sixteen-bytes", 1}});
}

// Folds `counters` as a run ends, with the folded tables limited to
// `limit_bytes` (spilling past it), and reads every entry back.
std::map<std::string, std::uint64_t> Fold(std::vector<TokenCounter>& counters,
                                          std::size_t limit_bytes, bool& spilled) {
  RunStore runs(DefaultTempDir());
  FoldedCounts folded(limit_bytes, runs);
  std::vector<TokenCounter*> pointers;
  for (TokenCounter& counter : counters) pointers.push_back(&counter);
  folded.FoldAll(pointers, 2);
  spilled = folded.spilled();
  std::map<std::string, std::uint64_t> map;
  const auto add = [&](std::string_view token, std::uint64_t count) {
    CHECK(map.emplace(token, count).second);
    return true;
  };
  if (!spilled) {
    for (std::size_t p = 0; p < kPartitions; ++p) folded.partition(p).Drain(add);
    return map;
  }
  SpillTally tally;
  FinishSpilled(runs, Selection{1, 0, SortOrder::kToken}, 1 << 20, 2, add, tally);
  return map;
}

TEST_CASE("Folding worker counters in any order gives the same counts", "[fold]") {
  std::mt19937 random(7);
  std::vector<std::string> stream;
  std::map<std::string, std::uint64_t> expected;
  for (int i = 0; i < 20000; ++i) {
    // Some tokens past the 16 bytes held in a key, which live in arenas.
    std::string token = "t" + std::to_string(random() % 3000) + std::string(random() % 2 * 20, 'x');
    ++expected[token];
    stream.push_back(std::move(token));
  }
  for (const std::size_t limit : {std::size_t{1} << 30, std::size_t{1} << 12}) {
    for (int workers : {1, 2, 3, 8}) {
      for (int order = 0; order < 3; ++order) {
        std::vector<TokenCounter> counters(static_cast<std::size_t>(workers));
        for (const std::string& token : stream) counters[random() % counters.size()].Add(token);
        std::shuffle(counters.begin(), counters.end(), random);
        bool spilled = false;
        INFO(workers << " workers, order " << order << ", limit " << limit);
        CHECK(Fold(counters, limit, spilled) == expected);
        CHECK(spilled == (limit < 100000));
      }
    }
  }
}

TEST_CASE("Workers handing tables over mid-run and spilling lose no count", "[fold]") {
  std::mt19937 random(11);
  std::map<std::string, std::uint64_t> expected;
  RunStore runs(DefaultTempDir());
  FoldedCounts folded(8192, runs);
  std::vector<TokenCounter> counters(3);
  for (int i = 0; i < 30000; ++i) {
    const std::string token = "w" + std::to_string(random() % 5000);
    ++expected[token];
    TokenCounter& counter = counters[random() % counters.size()];
    counter.Add(token);
    if (i % 997 == 0) folded.TakeOver(counter, static_cast<std::size_t>(i) % kPartitions);
  }
  std::vector<TokenCounter*> pointers;
  for (TokenCounter& counter : counters) pointers.push_back(&counter);
  folded.FoldAll(pointers, 2);
  REQUIRE(folded.spilled());
  CHECK(runs.runs() > 1);
  std::map<std::string, std::uint64_t> counted;
  SpillTally tally;
  FinishSpilled(runs, Selection{1, 0, SortOrder::kCount}, 4096, 2,
                [&](std::string_view token, std::uint64_t count) {
                  counted.emplace(token, count);
                  return true;
                },
                tally);
  CHECK(counted == expected);
  CHECK(tally.distinct == expected.size());
  CHECK(tally.tokens == 30000);
  CHECK(tally.merge_passes > 0);  // 4 KiB holds fewer segments than there are
}

}  // namespace
}  // namespace vocabcount::internal
