// The token arena and the counter's bulk operations.
#include "count/counter.h"

#include <algorithm>
#include <cstring>
#include <utility>

namespace vocabcount::internal {
namespace {
constexpr std::size_t kArenaBlockBytes = std::size_t{64} << 10;
}

std::string_view TokenArena::Store(std::string_view bytes) {
  if (bytes.size() > free_bytes_) {
    // A token larger than a block gets a block of its own; the current
    // block's free space stays usable for the next small ones.
    const std::size_t size = std::max(kArenaBlockBytes, bytes.size());
    blocks_.push_back(std::make_unique_for_overwrite<char[]>(size));
    if (size > kArenaBlockBytes) {
      std::memcpy(blocks_.back().get(), bytes.data(), bytes.size());
      return {blocks_.back().get(), bytes.size()};
    }
    free_ = blocks_.back().get();
    free_bytes_ = size;
  }
  char* stored = free_;
  std::memcpy(stored, bytes.data(), bytes.size());
  free_ += bytes.size();
  free_bytes_ -= bytes.size();
  return {stored, bytes.size()};
}

void TokenArena::Adopt(TokenArena&& other) {
  for (auto& block : other.blocks_) blocks_.push_back(std::move(block));
  other.blocks_.clear();
  other.free_ = nullptr;
  other.free_bytes_ = 0;
}

void TokenCounter::Absorb(TokenCounter&& other) {
  Settle();
  other.Settle();
  // Fold the smaller map into the larger: the sum is the same either way.
  if (other.counts_.size() > counts_.size()) {
    std::swap(counts_, other.counts_);
    std::swap(total_, other.total_);
  }
  // Keys of both maps stay where they are: this counter now owns both arenas.
  arena_.Adopt(std::move(other.arena_));
  for (const auto& [key, count] : other.counts_) {
    auto [slot, inserted] = counts_.try_emplace(key, count);
    if (!inserted) slot->second += count;
  }
  total_ += other.total_;
  other.counts_.clear();
  other.total_ = 0;
}

}  // namespace vocabcount::internal
