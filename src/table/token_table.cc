// A table of counts' bulk operations: adding another table's counts, each
// slot fetched a few entries ahead.
#include "table/token_table.h"

#include <utility>

#include "table/prefetch_ring.h"

namespace vocabcount::internal {

// The entries of `other` are read in order, but their slots here are all over
// a table that may be far larger than the cache: each goes through the
// prefetch ring.
template <class Value>
template <bool kCopyLongKeys>
void BasicTokenTable<Value>::AddEntries(const BasicTokenTable& other) {
  struct Pending {
    HashedToken hashed;
    std::uint64_t count;
  };
  PrefetchRing<Pending> ring;
  auto insert = [&](const Pending& entry) {
    bool added = false;
    if constexpr (kCopyLongKeys) {
      // A long key's bytes are read only for a new slot: most are not.
      FindOrMake(entry.hashed, added, [&] {
        return KeyToStore(entry.hashed, entry.hashed.long_bytes());
      }) += entry.count;
    } else {
      FindOrMake(entry.hashed, added, [&] { return entry.hashed.key; }) += entry.count;
    }
  };
  for (const auto& [key, count] : other.map_) {
    const HashedToken hashed = HashedToken::OfStored(key);
    map_.prefetch(hashed);
    ring.Push({hashed, count}, insert);
  }
  ring.Drain(insert);
}

template <class Value>
void BasicTokenTable<Value>::Absorb(BasicTokenTable&& other) {
  // Most partitions of a small count are empty: nothing to add, only the
  // memory to let go.
  if (other.map_.empty()) return other.Clear();
  // Fold the smaller table into the larger: the sum is the same either way.
  if (other.map_.size() > map_.size()) std::swap(map_, other.map_);
  // Keys of both tables stay where they are: this table now owns both arenas.
  arena_.Adopt(std::move(other.arena_));
  AddEntries<false>(other);
  other.Clear();
}

template <class Value>
void BasicTokenTable<Value>::AddAll(const BasicTokenTable& other) {
  AddEntries<true>(other);
}

template <class Value>
std::uint64_t BasicTokenTable<Value>::total() const {
  std::uint64_t sum = 0;
  for (const auto& [key, count] : map_) sum += count;
  return sum;
}

// Only tables of counts add tables together.
template void TokenTable::Absorb(TokenTable&& other);
template void TokenTable::AddAll(const TokenTable& other);
template std::uint64_t TokenTable::total() const;

}  // namespace vocabcount::internal
