// The token arena and a table's bulk operations.
#include "count/token_table.h"

#include <algorithm>
#include <cstring>
#include <utility>

namespace vocabcount::internal {
namespace {
constexpr std::size_t kLargestArenaBlockBytes = std::size_t{64} << 10;
}  // namespace

std::string_view TokenArena::Store(std::string_view bytes) {
  if (bytes.size() > free_bytes_) {
    // A token larger than a block gets a block of its own; the current
    // block's free space stays usable for the next small ones.
    const std::size_t block_bytes = next_block_bytes_;
    next_block_bytes_ = std::min(2 * next_block_bytes_, kLargestArenaBlockBytes);
    const std::size_t size = std::max(block_bytes, bytes.size());
    blocks_.push_back(std::make_unique_for_overwrite<char[]>(size));
    bytes_ += size;
    if (size > block_bytes) {
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
  bytes_ += other.bytes_;
  other.blocks_.clear();
  other.free_ = nullptr;
  other.free_bytes_ = 0;
  other.bytes_ = 0;
}

namespace {

// Adds `entries` (key, count pairs of another table) to `counts`, each slot
// fetched a few entries ahead: the entries are read in order, but their slots
// here are all over a table that may be far larger than the cache. `store`
// gives a new long key the bytes it keeps.
template <class Counts, class Entries, class Store>
void AddEntries(Counts& counts, const Entries& entries, Store store) {
  constexpr std::size_t kAhead = 16;
  struct Pending {
    HashedToken hashed;
    std::uint64_t count;
  };
  Pending pending[kAhead];
  std::size_t size = 0, next = 0;
  auto insert = [&](const Pending& entry) {
    auto slot = counts.lazy_emplace(entry.hashed, [&](const auto& construct) {
      construct(store(entry.hashed.key), 0);
    });
    slot->second += entry.count;
  };
  for (const auto& [key, count] : entries) {
    const HashedToken hashed{key, PackedTokenHash{}(key)};
    counts.prefetch(hashed);
    if (size == kAhead) {
      insert(pending[next]);
    } else {
      ++size;
    }
    pending[next] = {hashed, count};
    next = (next + 1) % kAhead;
  }
  for (std::size_t i = 0; i < size; ++i) insert(pending[i]);
}

}  // namespace

void TokenTable::Absorb(TokenTable&& other) {
  // Fold the smaller table into the larger: the sum is the same either way.
  if (other.counts_.size() > counts_.size()) {
    std::swap(counts_, other.counts_);
  }
  // Keys of both tables stay where they are: this table now owns both arenas.
  arena_.Adopt(std::move(other.arena_));
  AddEntries(counts_, other.counts_, [](const PackedToken& key) { return key; });
  other.Clear();
}

void TokenTable::AddAll(const TokenTable& other) {
  AddEntries(counts_, other.counts_, [&](const PackedToken& key) {
    return key.is_inline() ? key : PackedToken::Of(arena_.Store(key.bytes()));
  });
}

std::uint64_t TokenTable::total() const {
  std::uint64_t sum = 0;
  for (const auto& [key, count] : counts_) sum += count;
  return sum;
}

std::size_t TokenTable::GrowthPeakBytes(std::size_t entries) {
  // Abseil's capacities are 2^k - 1, filled to at most 7/8 before growing.
  std::size_t capacity = 15;
  while (capacity - capacity / 8 < entries) capacity = capacity * 2 + 1;
  return SlotBytes(capacity) + SlotBytes(capacity / 2);
}

void TokenTable::Empty() {
  // Erasing every entry keeps the storage, where clear() would free it.
  counts_.erase(counts_.begin(), counts_.end());
  arena_ = TokenArena();
}

void TokenTable::Clear() {
  decltype(counts_)().swap(counts_);
  arena_ = TokenArena();
}

}  // namespace vocabcount::internal
