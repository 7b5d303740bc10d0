// Tests of the size-balanced division of the input list into parts.
#include "input/shard.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <random>
#include <string>
#include <vector>

namespace vocabcount::internal {
namespace {

std::vector<Input> RandomInputs(std::mt19937& random, int n) {
  std::vector<Input> inputs;
  for (int i = 0; i < n; ++i) {
    // Few distinct sizes, so that ties are common.
    const std::uint64_t size = random() % 4 == 0 ? 0 : (random() % 6) * 1000 + random() % 3;
    inputs.push_back(Input{Input::Kind::kPath, "file" + std::to_string(i), {}, size});
  }
  return inputs;
}

TEST_CASE("shard: every input lands in exactly one part, in list order", "[shard]") {
  std::mt19937 random(7);
  for (int round = 0; round < 200; ++round) {
    const std::vector<Input> inputs = RandomInputs(random, static_cast<int>(random() % 40));
    const int parts = static_cast<int>(random() % 9) + 1;
    std::map<std::string, int> seen;
    std::uint64_t largest = 0, least = UINT64_MAX, most = 0;
    for (const Input& input : inputs) largest = std::max(largest, *input.expected_bytes);
    for (int part = 0; part < parts; ++part) {
      const std::vector<Input> mine = SelectShard(inputs, part, parts);
      std::uint64_t bytes = 0;
      int previous = -1;
      for (const Input& input : mine) {
        ++seen[input.path];
        bytes += *input.expected_bytes;
        const int position = std::stoi(input.path.substr(4));  // "file<N>"
        CHECK(position > previous);
        previous = position;
      }
      least = std::min(least, bytes);
      most = std::max(most, bytes);
    }
    CHECK(seen.size() == inputs.size());
    for (const auto& [path, times] : seen) CHECK(times == 1);
    // The greedy deal never lets two parts differ by more than one input.
    if (!inputs.empty()) CHECK(most - least <= largest);
  }
}

TEST_CASE("shard: the parts do not depend on the order of the list", "[shard]") {
  std::mt19937 random(11);
  for (int round = 0; round < 100; ++round) {
    std::vector<Input> inputs = RandomInputs(random, 30);
    std::vector<Input> shuffled = inputs;
    std::shuffle(shuffled.begin(), shuffled.end(), random);
    for (int part = 0; part < 5; ++part) {
      auto paths = [](const std::vector<Input>& list) {
        std::vector<std::string> names;
        for (const Input& input : list) names.push_back(input.path);
        std::sort(names.begin(), names.end());
        return names;
      };
      CHECK(paths(SelectShard(inputs, part, 5)) == paths(SelectShard(shuffled, part, 5)));
    }
  }
}

TEST_CASE("shard: one part is the whole list", "[shard]") {
  std::mt19937 random(3);
  const std::vector<Input> inputs = RandomInputs(random, 12);
  const std::vector<Input> all = SelectShard(inputs, 0, 1);
  REQUIRE(all.size() == inputs.size());
  for (std::size_t i = 0; i < all.size(); ++i) CHECK(all[i].path == inputs[i].path);
}

}  // namespace
}  // namespace vocabcount::internal
