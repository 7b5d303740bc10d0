// One worker's token counts: a hash map that only its owner touches. Short
// tokens live in the map's keys; longer ones are stored once in an arena the
// counter owns.
#pragma once

#include <cstdint>
#include <memory>
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

 private:
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* free_ = nullptr;
  std::size_t free_bytes_ = 0;
};

// A key with its hash, computed once for both the prefetch and the lookup.
struct HashedToken {
  PackedToken key;
  std::size_t hash;
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

class TokenCounter {
 public:
  void Add(std::string_view token, std::uint64_t count = 1) { Insert(Hashed(token), token, count); }

  // Counts `token` a few tokens later, once its table slot has been fetched
  // from memory: on a large vocabulary most lookups miss the cache, and this
  // lets those misses overlap. `token` must stay valid until Settle().
  void AddSoon(std::string_view token) {
    const HashedToken hashed = Hashed(token);
    counts_.prefetch(hashed);
    PendingToken& oldest = pending_[next_pending_];
    if (pending_size_ == kPending) {
      Insert(oldest.hashed, oldest.token, 1);
    } else {
      ++pending_size_;
    }
    oldest = {hashed, token};
    next_pending_ = (next_pending_ + 1) % kPending;
  }

  // Counts every token passed to AddSoon(). Pending tokens fill the slots
  // from the first one until the ring is full, and counting is order-free, so
  // they are taken in slot order.
  void Settle() {
    for (std::size_t i = 0; i < pending_size_; ++i) Insert(pending_[i].hashed, pending_[i].token, 1);
    pending_size_ = 0;
    next_pending_ = 0;
  }

  // Adds every count of `other` to this one and leaves `other` empty. Both
  // counters are settled first.
  void Absorb(TokenCounter&& other);

  // Settled tokens only.
  std::size_t distinct() const { return counts_.size(); }
  std::uint64_t total() const { return total_; }

  // Settles, calls visit(token, count) for every entry, in no particular
  // order, then empties the counter, freeing its table. Returns the arena that
  // holds the bytes of long tokens: their views stay valid while it lives;
  // views of short tokens, held in the table, only during the call.
  template <class Visit>
  TokenArena Drain(Visit visit) {
    Settle();
    for (const auto& [key, count] : counts_) visit(key.bytes(), count);
    decltype(counts_)().swap(counts_);
    total_ = 0;
    TokenArena arena = std::move(arena_);
    arena_ = TokenArena();  // the moved-from one may still point into a block
    return arena;
  }

 private:
  // Far enough ahead for a fetch from memory to arrive, near enough for the
  // fetched lines to still be in the cache.
  static constexpr std::size_t kPending = 16;

  struct PendingToken {
    HashedToken hashed;
    std::string_view token;
  };

  static HashedToken Hashed(std::string_view token) {
    const PackedToken key = PackedToken::Of(token);
    return {key, PackedTokenHash{}(key)};
  }

  void Insert(const HashedToken& hashed, std::string_view token, std::uint64_t count) {
    // One probe: a long key is copied into the arena only when it is new.
    auto slot = counts_.lazy_emplace(hashed, [&](const auto& construct) {
      construct(hashed.key.is_inline() ? hashed.key : PackedToken::Of(arena_.Store(token)), 0);
    });
    slot->second += count;
    total_ += count;
  }

  // A large vocabulary's table is rebuilt several times as it grows; huge
  // pages make each rebuild touch far fewer pages.
  absl::flat_hash_map<PackedToken, std::uint64_t, CounterHash, CounterEq,
                      HugePageAllocator<std::pair<const PackedToken, std::uint64_t>>>
      counts_;
  TokenArena arena_;
  std::uint64_t total_ = 0;
  PendingToken pending_[kPending];
  std::size_t pending_size_ = 0;
  std::size_t next_pending_ = 0;
};

}  // namespace vocabcount::internal
