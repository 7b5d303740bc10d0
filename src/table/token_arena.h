// The bytes of the long tokens a table keeps: stored once, in blocks that
// never move, so that keys and views pointing into them stay valid.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace vocabcount::internal {

// Owns the bytes of stored tokens; views into it stay valid as it grows.
class TokenArena {
 public:
  std::string_view Store(std::string_view bytes);
  // Stores a long token for a table key: its size, then its bytes, to which
  // the returned pointer points (see PackedToken::Stored). Throws
  // std::length_error for a token of 4 GiB or more, whose size 32 bits
  // cannot hold.
  const char* StoreKey(std::string_view bytes);
  // What StoreKey takes for a token of `size` bytes.
  static constexpr std::size_t KeyBytes(std::size_t size) { return sizeof(std::uint32_t) + size; }
  // Takes over `other`'s blocks, so views into them stay valid here.
  void Adopt(TokenArena&& other);
  std::size_t bytes() const { return bytes_; }

 private:
  // Room for `size` bytes, in the current block or a new one.
  char* Allocate(std::size_t size);

  std::vector<std::unique_ptr<char[]>> blocks_;
  char* free_ = nullptr;
  std::size_t free_bytes_ = 0;
  std::size_t bytes_ = 0;  // of all blocks
  // Blocks start small, so that the many partitions holding few long tokens
  // each stay small too.
  std::size_t next_block_bytes_ = std::size_t{4} << 10;
};

}  // namespace vocabcount::internal
