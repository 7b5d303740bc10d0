// The ring that lets table lookups overlap: an entry's slot is prefetched
// when it goes in, and the entry is handled a fixed number of entries later,
// once the slot has arrived from memory.
#pragma once

#include <cstddef>

namespace vocabcount::internal {

// Far enough ahead for a fetch from memory to arrive, near enough for the
// fetched lines to still be in the cache.
inline constexpr std::size_t kPrefetchAhead = 16;

// Entries waiting for their slots. The caller prefetches an entry's slot,
// then pushes it; the entry pushed kPrefetchAhead pushes earlier comes out.
template <class Entry>
class PrefetchRing {
 public:
  // Stores `entry`; when the ring is full, first hands the oldest entry to
  // done(oldest), whose slot has had kPrefetchAhead pushes' time to arrive.
  template <class Done>
  [[gnu::always_inline]] void Push(const Entry& entry, Done done) {
    Entry& oldest = entries_[next_];
    if (size_ == kPrefetchAhead) {
      done(oldest);
    } else {
      ++size_;
    }
    oldest = entry;
    next_ = (next_ + 1) % kPrefetchAhead;
  }

  // Hands every waiting entry to done(entry) and empties the ring. Entries
  // fill the ring from its first place until it is full, and what is done
  // with them is order-free, so they are taken in place order.
  template <class Done>
  void Drain(Done done) {
    for (std::size_t i = 0; i < size_; ++i) done(entries_[i]);
    size_ = 0;
    next_ = 0;
  }

 private:
  Entry entries_[kPrefetchAhead];
  std::size_t size_ = 0;
  std::size_t next_ = 0;
};

}  // namespace vocabcount::internal
