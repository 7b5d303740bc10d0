// Sorting entries in the output order (table/output_order.h), and the entry
// filters (--min-count, --top).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "base/huge_pages.h"
#include "table/output_order.h"
#include "table/packed_token.h"
#include "table/prefetch_ring.h"
#include "table/token_arena.h"
#include "vocabcount/options.h"
#include "vocabcount/vocabulary.h"

namespace vocabcount::internal {

// Which entries are kept and how they are ordered. With top > 0 the `top`
// first entries in count order are kept (the most frequent ones), then
// written in `order`.
struct Selection {
  std::uint64_t min_count = 1;
  std::uint64_t top = 0;
  SortOrder order = SortOrder::kCount;
};

// An entry as the sort sees it: self-contained for a token of up to 16 bytes,
// so that a counter's table can be freed before sorting. The first 16 bytes,
// zero-padded, are held as two big-endian numbers: numbers order as the bytes
// do, so most comparisons of tokens take one or two comparisons of numbers,
// also for long tokens (n-grams often share their first 8 bytes), whose
// bytes are read only when their first 16 are equal.
struct SortRecord {
  // Longer tokens are among those a counter keeps in its arena, which
  // outlives its table; shorter ones may live in the table and are copied
  // here.
  static constexpr std::size_t kInlineBytes = 16;
  static_assert(kInlineBytes >= PackedToken::kInlineBytes);

  std::uint64_t count;
  std::uint64_t first;   // bytes 0-7
  std::uint64_t second;  // bytes 8-15
  std::uint64_t size;
  const char* long_bytes;  // a longer token's bytes; null for a short one

  SortRecord(std::string_view token, std::uint64_t token_count)
      : count(token_count),
        first(TokenPrefix(token)),
        second(TokenPrefix(token.substr(std::min<std::size_t>(8, token.size())))),
        size(token.size()),
        long_bytes(token.size() <= kInlineBytes ? nullptr : token.data()) {}

  bool is_inline() const { return size <= kInlineBytes; }

  // The token's bytes; an inline token's are written to `buffer`.
  std::string_view Bytes(char (&buffer)[kInlineBytes]) const {
    if (!is_inline()) return {long_bytes, size};
    for (std::size_t i = 0; i < 8; ++i) {
      buffer[i] = static_cast<char>(first >> (56 - 8 * i));
      buffer[8 + i] = static_cast<char>(second >> (56 - 8 * i));
    }
    return {buffer, size};
  }
};

// Entries gathered for sorting, those below a minimum count left out. A token
// longer than SortRecord::kInlineBytes is referenced, not copied: its bytes
// must stay valid until Sort() returns.
class SortBuffer {
 public:
  explicit SortBuffer(std::uint64_t min_count = 1) : min_count_(min_count) {}

  void Reserve(std::size_t entries) { records_.reserve(entries); }
  void Add(std::string_view token, std::uint64_t count) {
    if (count >= min_count_) records_.emplace_back(token, count);
  }
  // The same for a token whose bytes do not outlive the call: a long one is
  // copied into `long_tokens`, which must outlive the sort. Short ones are
  // held in their records.
  void AddCopy(std::string_view token, std::uint64_t count, TokenArena& long_tokens) {
    if (count < min_count_) return;
    records_.emplace_back(
        token.size() > SortRecord::kInlineBytes ? long_tokens.Store(token) : token, count);
  }
  std::size_t size() const { return records_.size(); }

  // The entries kept (the first `top` in count order, all when top == 0) in
  // `order`, sorted on up to `threads` threads. Empties the buffer.
  Vocabulary Sort(std::uint64_t top, SortOrder order, int threads);

  // The same entries in the same order, handed to deliver(token, count) one
  // at a time until it returns false; no string is made. False when deliver
  // stopped early.
  template <class Deliver>
  bool SortAndDeliver(std::uint64_t top, SortOrder order, int threads, Deliver deliver) {
    const Records records = TakeSorted(top, order, threads);
    char buffer[SortRecord::kInlineBytes];
    for (std::size_t i = 0; i < records.size(); ++i) {
      PrefetchLongBytes(records, i + kPrefetchAhead, records.size());
      if (!deliver(records[i].Bytes(buffer), records[i].count)) return false;
    }
    return true;
  }

 private:
  using Records = std::vector<SortRecord, HugePageAllocator<SortRecord>>;

  Records TakeSorted(std::uint64_t top, SortOrder order, int threads);

  // Long tokens are scattered over arenas: their bytes are fetched a few
  // entries before they are read. Fetches record `ahead`'s, if it is one
  // below `end`.
  static void PrefetchLongBytes(const Records& records, std::size_t ahead, std::size_t end) {
    if (ahead < end && !records[ahead].is_inline()) __builtin_prefetch(records[ahead].long_bytes);
  }

  std::uint64_t min_count_;
  Records records_;
};

}  // namespace vocabcount::internal
