// One hash table keyed by tokens, with the arena that holds its long tokens:
// a partition of a worker's counter or of the folded counts (a count per
// token), or of a merge's sums (a sum and the inputs it came from).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "base/huge_pages.h"
#include "table/packed_token.h"
#include "table/token_arena.h"

namespace vocabcount::internal {

template <class Value>
class BasicTokenTable {
 public:
  // The one step that adds a token: finds the slot of `hashed` (which must be
  // HashedToken::Of(token)) in one probe, or makes it, holding Value{}, with
  // a long token's bytes copied into the arena; a token already here is not
  // stored again. Sets `added` when the slot is new.
  [[gnu::always_inline]] Value& Find(const HashedToken& hashed, std::string_view token,
                                     bool& added) {
    return FindOrMake(hashed, added, [&] { return KeyToStore(hashed, token); });
  }
  Value& Find(std::string_view token, bool& added) {
    return Find(HashedToken::Of(token), token, added);
  }

  // Adds `count` to `token`'s count (tables of counts).
  void Add(std::string_view token, std::uint64_t count = 1) {
    Insert(HashedToken::Of(token), token, count);
  }
  // `hashed` must be HashedToken::Of(token).
  [[gnu::always_inline]] void Insert(const HashedToken& hashed, std::string_view token,
                                     std::uint64_t count) {
    bool added = false;
    Find(hashed, token, added) += count;
  }
  void Prefetch(const HashedToken& hashed) const { map_.prefetch(hashed); }

  // Adds every count of `other` and leaves it empty; the bytes of its long
  // tokens move here without being copied (tables of counts).
  void Absorb(BasicTokenTable&& other);
  // Adds every count of `other`, copying the long tokens that are new here;
  // `other` is left as it was (tables of counts).
  void AddAll(const BasicTokenTable& other);

  std::size_t size() const { return map_.size(); }
  // The sum of the counts: a walk over the table, for the end of a run (a
  // running sum would be one more write per token, on another cache line).
  std::uint64_t total() const;
  // Memory held: the table's slots and control bytes, and the arena.
  std::size_t bytes() const { return SlotBytes(map_.capacity()) + arena_.bytes(); }
  // Memory its entries take, at the load a table holding them usually has
  // (half full): unlike bytes(), it falls back when the table is emptied and
  // keeps its slots.
  std::size_t filled_bytes() const { return 2 * size() * (sizeof(Slot) + 1) + arena_.bytes(); }
  // Memory a table holding `entries` would take at its largest, while it
  // grows to them (the old slots live until the new ones are filled), not
  // counting long tokens.
  static std::size_t GrowthPeakBytes(std::size_t entries) {
    // Abseil's capacities are 2^k - 1, filled to at most 7/8 before growing.
    std::size_t capacity = 15;
    while (capacity - capacity / 8 < entries) capacity = capacity * 2 + 1;
    return SlotBytes(capacity) + SlotBytes(capacity / 2);
  }

  // Calls visit(token, value) for every entry, in no particular order.
  template <class Visit>
  void ForEach(Visit visit) const {
    for (const auto& [key, value] : map_) visit(key.bytes(), value);
  }

  // Maps every token with map(token), which returns the mapped token or
  // nullopt (a failure, after which the entry stays as it was). An entry
  // whose token maps to itself stays where it is; the others are taken out
  // and handed to moved(mapped_token, value), which must not touch this
  // table.
  template <class Map, class Moved>
  void RemapKeys(Map map, Moved moved) {
    const std::size_t before = map_.size();
    for (auto it = map_.begin(); it != map_.end();) {
      const std::string_view token = it->first.bytes();
      const std::optional<std::string_view> mapped = map(token);
      if (!mapped || *mapped == token) {
        ++it;
        continue;
      }
      moved(*mapped, it->second);
      // Erasing leaves the other iterators valid. A long token's bytes stay
      // in the arena until the table is emptied.
      map_.erase(it++);
    }
    // When most entries left (a text in capitals), the slots they held are
    // given back now: the moved entries take as much memory again.
    if (2 * map_.size() < before) map_.rehash(0);
  }

  // Calls visit(token, value) for every entry, in no particular order, then
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
  void Clear() {
    Map().swap(map_);
    arena_ = TokenArena();
  }
  // Empties the table but keeps its slots, so that filling it again touches
  // no new memory; frees the arena.
  void Empty() {
    // Erasing every entry keeps the storage, where clear() would free it.
    map_.erase(map_.begin(), map_.end());
    arena_ = TokenArena();
  }

 private:
  using Slot = std::pair<const PackedToken, Value>;
  // A large vocabulary's table is rebuilt several times as it grows; huge
  // pages make each rebuild touch far fewer pages.
  using Map =
      absl::flat_hash_map<PackedToken, Value, CounterHash, CounterEq, HugePageAllocator<Slot>>;

  static std::size_t SlotBytes(std::size_t capacity) {
    return capacity == 0 ? 0 : capacity * (sizeof(Slot) + 1) + 16;
  }

  // The key a new slot for `hashed` holds: a long token's bytes, `token`,
  // copied into the arena.
  PackedToken KeyToStore(const HashedToken& hashed, std::string_view token) {
    return hashed.key.is_inline() ? hashed.key
                                  : PackedToken::Stored(arena_.StoreKey(token), hashed.key);
  }

  // Finds `hashed`'s slot, or makes it with the key make_key() returns.
  template <class MakeKey>
  [[gnu::always_inline]] Value& FindOrMake(const HashedToken& hashed, bool& added,
                                           MakeKey make_key) {
    auto slot = map_.lazy_emplace(hashed, [&](const auto& construct) {
      added = true;
      construct(make_key(), Value{});
    });
    return slot->second;
  }

  // Adds the entries of `other` here, each slot fetched a few entries ahead.
  // A new long key's bytes are copied into the arena, or, when this table
  // owns them already, kept where they are.
  template <bool kCopyLongKeys>
  void AddEntries(const BasicTokenTable& other);

  Map map_;
  TokenArena arena_;
};

// A table of counts.
using TokenTable = BasicTokenTable<std::uint64_t>;

}  // namespace vocabcount::internal
