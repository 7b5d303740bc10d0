// One hash table of token counts with the arena that holds its long tokens:
// a partition of a worker's counter, or of the folded counts.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "base/huge_pages.h"
#include "count/packed_token.h"

namespace vocabcount::internal {

// Owns the bytes of stored tokens; views into it stay valid as it grows.
class TokenArena {
 public:
  std::string_view Store(std::string_view bytes);
  // Takes over `other`'s blocks, so views into them stay valid here.
  void Adopt(TokenArena&& other);
  std::size_t bytes() const { return bytes_; }

 private:
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* free_ = nullptr;
  std::size_t free_bytes_ = 0;
  std::size_t bytes_ = 0;  // of all blocks
  // Blocks start small, so that the many partitions holding few long tokens
  // each stay small too.
  std::size_t next_block_bytes_ = std::size_t{4} << 10;
};

// A key with its hash, computed once for the partition, the prefetch and the
// lookup.
struct HashedToken {
  PackedToken key;
  std::size_t hash;

  // A long token's key points to `token`'s bytes.
  static HashedToken Of(std::string_view token) {
    const PackedToken key = PackedToken::Of(token);
    return {key, PackedTokenHash{}(key)};
  }
};

struct CounterHash {
  using is_transparent = void;
  std::size_t operator()(const PackedToken& key) const { return PackedTokenHash{}(key); }
  std::size_t operator()(const HashedToken& token) const { return token.hash; }
};

struct CounterEq {
  using is_transparent = void;
  bool operator()(const PackedToken& a, const PackedToken& b) const { return PackedTokenEq{}(a, b); }
  bool operator()(const PackedToken& a, const HashedToken& b) const { return PackedTokenEq{}(a, b.key); }
  bool operator()(const HashedToken& a, const PackedToken& b) const { return PackedTokenEq{}(a.key, b); }
};

class TokenTable {
 public:
  void Add(std::string_view token, std::uint64_t count = 1) {
    Insert(HashedToken::Of(token), token, count);
  }
  // `hashed` must be HashedToken::Of(token).
  void Insert(const HashedToken& hashed, std::string_view token, std::uint64_t count) {
    // One probe: a long key is copied into the arena only when it is new.
    auto slot = counts_.lazy_emplace(hashed, [&](const auto& construct) {
      construct(hashed.key.is_inline() ? hashed.key : PackedToken::Of(arena_.Store(token)), 0);
    });
    slot->second += count;
  }
  void Prefetch(const HashedToken& hashed) const { counts_.prefetch(hashed); }

  // Adds every count of `other` and leaves it empty; the bytes of its long
  // tokens move here without being copied.
  void Absorb(TokenTable&& other);
  // Adds every count of `other`, copying the long tokens that are new here;
  // `other` is left as it was.
  void AddAll(const TokenTable& other);

  std::size_t size() const { return counts_.size(); }
  // The sum of the counts: a walk over the table, for the end of a run (a
  // running sum would be one more write per token, on another cache line).
  std::uint64_t total() const;
  // Memory held: the table's slots and control bytes, and the arena.
  std::size_t bytes() const { return SlotBytes(counts_.capacity()) + arena_.bytes(); }
  // Memory its entries take, at the load a table holding them usually has
  // (half full): unlike bytes(), it falls back when the table is emptied and
  // keeps its slots.
  std::size_t filled_bytes() const { return 2 * size() * (sizeof(Slot) + 1) + arena_.bytes(); }
  // Memory a table holding `entries` would take at its largest, while it
  // grows to them (the old slots live until the new ones are filled), not
  // counting long tokens.
  static std::size_t GrowthPeakBytes(std::size_t entries);

  template <class Visit>
  void ForEach(Visit visit) const {
    for (const auto& [key, count] : counts_) visit(key.bytes(), count);
  }

  // Maps every token with map(token), which returns the mapped token or
  // nullopt (a failure, after which the entry stays as it was). An entry
  // whose token maps to itself stays where it is; the others are taken out
  // and handed to moved(mapped_token, count), which must not touch this
  // table.
  template <class Map, class Moved>
  void RemapKeys(Map map, Moved moved) {
    const std::size_t before = counts_.size();
    for (auto it = counts_.begin(); it != counts_.end();) {
      const std::string_view token = it->first.bytes();
      const std::optional<std::string_view> mapped = map(token);
      if (!mapped || *mapped == token) {
        ++it;
        continue;
      }
      moved(*mapped, it->second);
      // Erasing leaves the other iterators valid. A long token's bytes stay
      // in the arena until the table is emptied.
      counts_.erase(it++);
    }
    // When most entries left (a text in capitals), the slots they held are
    // given back now: the moved entries take as much memory again.
    if (2 * counts_.size() < before) counts_.rehash(0);
  }

  // Calls visit(token, count) for every entry, in no particular order, then
  // empties the table, freeing its slots. Returns the arena that holds the
  // bytes of long tokens: their views stay valid while it lives; views of
  // short tokens, held in the slots, only during the call.
  template <class Visit>
  TokenArena Drain(Visit visit) {
    ForEach(visit);
    TokenArena arena = std::move(arena_);
    Clear();
    return arena;
  }

  // Empties the table and frees everything it holds.
  void Clear();
  // Empties the table but keeps its slots, so that filling it again touches
  // no new memory; frees the arena.
  void Empty();

 private:
  using Slot = std::pair<const PackedToken, std::uint64_t>;
  static std::size_t SlotBytes(std::size_t capacity) {
    return capacity == 0 ? 0 : capacity * (sizeof(Slot) + 1) + 16;
  }

  // A large vocabulary's table is rebuilt several times as it grows; huge
  // pages make each rebuild touch far fewer pages.
  absl::flat_hash_map<PackedToken, std::uint64_t, CounterHash, CounterEq, HugePageAllocator<Slot>>
      counts_;
  TokenArena arena_;
};

}  // namespace vocabcount::internal
