// Growing the token arena block by block, and handing blocks between arenas.
#include "table/token_arena.h"

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

}  // namespace vocabcount::internal
