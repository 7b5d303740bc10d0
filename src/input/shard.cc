// Greedy size-balanced assignment of inputs to parts.
#include "input/shard.h"

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <queue>
#include <tuple>

namespace vocabcount::internal {
namespace {

std::uint64_t SizeOf(const Input& input) { return input.expected_bytes.value_or(0); }

struct Load {
  std::uint64_t bytes = 0;
  std::uint64_t inputs = 0;
  int part = 0;

  // The queue's top is the least loaded part.
  friend bool operator>(const Load& a, const Load& b) {
    return std::tie(a.bytes, a.inputs, a.part) > std::tie(b.bytes, b.inputs, b.part);
  }
};

}  // namespace

std::vector<Input> SelectShard(std::vector<Input> inputs, int index, int count) {
  if (count <= 1) return inputs;
  std::vector<std::size_t> order(inputs.size());
  std::iota(order.begin(), order.end(), 0);
  // The list position breaks the last ties, so a path named twice is dealt
  // twice, the same way in every process.
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const std::uint64_t size_a = SizeOf(inputs[a]), size_b = SizeOf(inputs[b]);
    if (size_a != size_b) return size_a > size_b;
    if (inputs[a].path != inputs[b].path) return inputs[a].path < inputs[b].path;
    return a < b;
  });

  std::priority_queue<Load, std::vector<Load>, std::greater<>> parts;
  for (int part = 0; part < count; ++part) parts.push(Load{.part = part});
  std::vector<bool> mine(inputs.size(), false);
  for (std::size_t i : order) {
    Load least = parts.top();
    parts.pop();
    mine[i] = least.part == index;
    least.bytes += SizeOf(inputs[i]);
    ++least.inputs;
    parts.push(least);
  }

  std::vector<Input> selected;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    if (mine[i]) selected.push_back(std::move(inputs[i]));
  }
  return selected;
}

}  // namespace vocabcount::internal
