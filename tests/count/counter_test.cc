// Worker counters and the reduce step: any split of the tokens over workers,
// folded in any order, sums to the same counts.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <random>

#include "count/counter.h"
#include "count/fold_counters.h"
#include "output/sort.h"

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

TEST_CASE("Folding worker counters in any order gives the same counts", "[fold]") {
  std::mt19937 random(7);
  std::vector<std::string> stream;
  std::map<std::string, std::uint64_t> expected;
  for (int i = 0; i < 20000; ++i) {
    std::string token = "t" + std::to_string(random() % 3000);
    ++expected[token];
    stream.push_back(std::move(token));
  }
  for (int workers : {1, 2, 3, 8}) {
    for (int order = 0; order < 3; ++order) {
      std::vector<TokenCounter> counters(static_cast<std::size_t>(workers));
      for (const std::string& token : stream) counters[random() % counters.size()].Add(token);
      std::shuffle(counters.begin(), counters.end(), random);
      TokenCounter folded = FoldCounters(std::move(counters));
      INFO(workers << " workers, order " << order);
      CHECK(folded.total() == stream.size());
      CHECK(AsMap(std::move(folded)) == expected);
    }
  }
}

}  // namespace
}  // namespace vocabcount::internal
