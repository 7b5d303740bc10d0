// One worker's token counts, split into partitions by hash bits: only its
// owner touches them, and partition p of every worker can be folded into one
// place without looking at the others.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "table/prefetch_ring.h"
#include "table/token_table.h"

namespace vocabcount::internal {

// Partitions are chosen by the top bits of a token's hash; a partition that
// must be split again (see spill/) takes the bits below them.
inline constexpr int kPartitionBits = 8;
inline constexpr std::size_t kPartitions = std::size_t{1} << kPartitionBits;
static_assert(sizeof(std::size_t) == 8, "partitions take the top bits of a 64-bit hash");

inline std::size_t PartitionOf(std::size_t hash) { return hash >> (64 - kPartitionBits); }

class TokenCounter {
 public:
  void Add(std::string_view token, std::uint64_t count = 1) {
    Insert(HashedToken::Of(token), token, count);
  }

  // Counts `token` a few tokens later, once its table slot has been fetched
  // from memory: on a large vocabulary most lookups miss the cache, and this
  // lets those misses overlap. `token` must stay valid until Settle().
  void AddSoon(std::string_view token) {
    const HashedToken hashed = HashedToken::Of(token);
    partitions_[PartitionOf(hashed.hash)].Prefetch(hashed);
    pending_.Push(hashed, [&](const HashedToken& oldest) { InsertPending(oldest); });
  }

  // Counts every token passed to AddSoon().
  void Settle() {
    pending_.Drain([&](const HashedToken& token) { InsertPending(token); });
  }

  // Adds every count of `other` to this one and leaves `other` empty. Both
  // counters are settled first.
  void Absorb(TokenCounter&& other);

  // Settled tokens only.
  std::size_t distinct() const;
  std::uint64_t total() const;
  // Memory held by the tables and their arenas.
  std::size_t bytes() const;
  // The same for what the tables hold now (TokenTable::filled_bytes): what
  // decides a hand-over, since tables keep their slots after one.
  std::size_t filled_bytes() const;

  // Settled tokens only. Emptying a partition is how a worker hands it over.
  TokenTable& partition(std::size_t index) { return partitions_[index]; }

  // Settles, calls visit(token, count) for every entry, in no particular
  // order, then empties the counter, freeing its tables. Returns the arena
  // that holds the bytes of long tokens (see TokenTable::Drain).
  template <class Visit>
  TokenArena Drain(Visit visit) {
    Settle();
    TokenArena arena;
    for (TokenTable& table : partitions_) arena.Adopt(table.Drain(visit));
    return arena;
  }

 private:
  // The sum of `measure` over the partitions.
  template <class Measure>
  std::uint64_t SumOver(Measure measure) const {
    std::uint64_t sum = 0;
    for (const TokenTable& table : partitions_) sum += measure(table);
    return sum;
  }

  void Insert(const HashedToken& hashed, std::string_view token, std::uint64_t count) {
    partitions_[PartitionOf(hashed.hash)].Insert(hashed, token, count);
  }
  void InsertPending(const HashedToken& pending) { Insert(pending, pending.token, 1); }

  std::array<TokenTable, kPartitions> partitions_;
  PrefetchRing<HashedToken> pending_;
};

}  // namespace vocabcount::internal
