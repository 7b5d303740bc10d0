// Growing the token arena block by block, and handing blocks between arenas.
#include "table/token_arena.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <utility>

namespace vocabcount::internal {
namespace {
constexpr std::size_t kLargestArenaBlockBytes = std::size_t{64} << 10;
}  // namespace

char* TokenArena::Allocate(std::size_t size) {
  if (size > free_bytes_) {
    // A token larger than a block gets a block of its own; the current
    // block's free space stays usable for the next small ones.
    const std::size_t block_bytes = next_block_bytes_;
    next_block_bytes_ = std::min(2 * next_block_bytes_, kLargestArenaBlockBytes);
    const std::size_t allocated = std::max(block_bytes, size);
    blocks_.push_back(std::make_unique_for_overwrite<char[]>(allocated));
    bytes_ += allocated;
    if (allocated > block_bytes) return blocks_.back().get();
    free_ = blocks_.back().get();
    free_bytes_ = allocated;
  }
  char* start = free_;
  free_ += size;
  free_bytes_ -= size;
  return start;
}

std::string_view TokenArena::Store(std::string_view bytes) {
  char* stored = Allocate(bytes.size());
  std::memcpy(stored, bytes.data(), bytes.size());
  return {stored, bytes.size()};
}

const char* TokenArena::StoreKey(std::string_view bytes) {
  // Counted tokens come from units of at most 2 GiB; only a line of a
  // vocabulary being merged could be longer, and must not be cut short.
  if (bytes.size() > std::numeric_limits<std::uint32_t>::max()) {
    throw std::length_error("a token of 4 GiB or more cannot be kept");
  }
  const auto size = static_cast<std::uint32_t>(bytes.size());
  char* stored = Allocate(sizeof size + bytes.size());
  std::memcpy(stored, &size, sizeof size);
  std::memcpy(stored + sizeof size, bytes.data(), bytes.size());
  return stored + sizeof size;
}

void TokenArena::Adopt(TokenArena&& other) {
  for (auto& block : other.blocks_) blocks_.push_back(std::move(block));
  bytes_ += other.bytes_;
  other.blocks_.clear();
  other.free_ = nullptr;
  other.free_bytes_ = 0;
  other.bytes_ = 0;
}

}  // namespace vocabcount::internal
