// Sorting a vocabulary: count descending, then token bytes ascending. The
// counter's entries are sorted as small fixed-size records that hold short
// tokens and point at long ones, and strings are made only for the entries
// kept, in order.
#include "sort.h"

#include <tbb/blocked_range.h>
#include <tbb/info.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_sort.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <string_view>
#include <vector>

#include "huge_pages.h"
#include "packed_token.h"

namespace vocabcount {

bool ComesBefore(const VocabularyEntry& a, const VocabularyEntry& b) {
  if (a.count != b.count) return a.count > b.count;
  // std::string compares as unsigned bytes (char_traits<char>), i.e. memcmp.
  return a.token < b.token;
}

namespace internal {
namespace {

// An entry as the sort sees it: self-contained for a token of up to 16 bytes,
// so that the counter's table can be freed before sorting. Each group of 8
// bytes, zero-padded, is held as a big-endian number: numbers order as the
// bytes do, so most ties on the count are settled by one comparison.
struct SortRecord {
  // Longer tokens are the ones the counter keeps in its arena, which outlives
  // its table; shorter ones live in the table and must be copied here.
  static constexpr std::size_t kInlineBytes = PackedToken::kInlineBytes;

  std::uint64_t count;
  std::uint64_t first;   // bytes 0-7
  std::uint64_t second;  // bytes 8-15, or for a longer token its address
  std::uint64_t size;

  SortRecord(std::string_view token, std::uint64_t token_count)
      : count(token_count),
        first(BigEndian(token.substr(0, 8))),
        second(token.size() <= kInlineBytes ? BigEndian(token.substr(std::min<std::size_t>(8, token.size())))
                                            : reinterpret_cast<std::uintptr_t>(token.data())),
        size(token.size()) {}

  bool is_inline() const { return size <= kInlineBytes; }

  // The token's bytes; an inline token's are written to `buffer`.
  std::string_view Bytes(char (&buffer)[kInlineBytes]) const {
    if (!is_inline()) return {reinterpret_cast<const char*>(second), size};
    for (std::size_t i = 0; i < 8; ++i) {
      buffer[i] = static_cast<char>(first >> (56 - 8 * i));
      buffer[8 + i] = static_cast<char>(second >> (56 - 8 * i));
    }
    return {buffer, size};
  }

  // Up to 8 bytes, zero-padded on the right, as a big-endian number.
  static std::uint64_t BigEndian(std::string_view bytes) {
    std::uint64_t number = 0;
    for (std::size_t i = 0; i < 8; ++i) {
      const std::uint64_t byte = i < bytes.size() ? static_cast<unsigned char>(bytes[i]) : 0;
      number = (number << 8) | byte;
    }
    return number;
  }
};

// A function object rather than a function pointer, so that sorting inlines it.
struct RecordBefore {
  bool operator()(const SortRecord& a, const SortRecord& b) const {
    if (a.count != b.count) return a.count > b.count;
    if (a.first != b.first) return a.first < b.first;
    if (a.is_inline() && b.is_inline()) {
      // Equal padded bytes: the shorter token is a prefix of the longer.
      if (a.second != b.second) return a.second < b.second;
      return a.size < b.size;
    }
    char a_buffer[SortRecord::kInlineBytes];
    char b_buffer[SortRecord::kInlineBytes];
    return a.Bytes(a_buffer) < b.Bytes(b_buffer);
  }
};

using Records = std::vector<SortRecord, HugePageAllocator<SortRecord>>;

// Runs `work` in a oneTBB arena of `threads`; more threads than cores would
// not be faster.
template <class Work>
void OnThreads(int threads, Work work) {
  tbb::task_arena arena(std::min(threads, tbb::info::default_concurrency()));
  arena.execute(work);
}

// Runs `work` over [0, size) in pieces, on up to `threads` threads; a
// one-thread run does not start a thread pool.
template <class Work>
void InPieces(std::size_t size, int threads, Work work) {
  if (threads <= 1) return work(std::size_t{0}, size);
  OnThreads(threads, [&] {
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, size, 4096),
                      [&](const tbb::blocked_range<std::size_t>& range) { work(range.begin(), range.end()); });
  });
}

void SortRecords(Records& records, std::size_t keep, int threads) {
  if (keep < records.size()) {
    std::partial_sort(records.begin(), records.begin() + static_cast<std::ptrdiff_t>(keep),
                      records.end(), RecordBefore{});
    records.erase(records.begin() + static_cast<std::ptrdiff_t>(keep), records.end());
  } else if (threads <= 1) {
    std::sort(records.begin(), records.end(), RecordBefore{});
  } else {
    OnThreads(threads, [&] { tbb::parallel_sort(records.begin(), records.end(), RecordBefore{}); });
  }
}

}  // namespace

Vocabulary SortedVocabulary(TokenCounter& counter, std::uint64_t min_count, std::uint64_t top,
                            int threads) {
  Records records;
  records.reserve(counter.distinct());
  // The table goes before the entries are made; the arena stays until then.
  const TokenArena long_tokens = counter.Drain([&](std::string_view token, std::uint64_t count) {
    if (count >= min_count) records.emplace_back(token, count);
  });
  // The order is total (tokens are distinct), so any sort gives the same bytes.
  SortRecords(records, top > 0 ? top : records.size(), threads);

  Vocabulary entries;
  entries.reserve(records.size());
  AdviseHugePages(entries.data(), entries.capacity() * sizeof(VocabularyEntry));
  entries.resize(records.size());
  InPieces(records.size(), threads, [&](std::size_t begin, std::size_t end) {
    // Long tokens are scattered over the arena: fetch their bytes a few
    // entries ahead.
    constexpr std::size_t kAhead = 16;
    char buffer[SortRecord::kInlineBytes];
    for (std::size_t i = begin; i < end; ++i) {
      if (i + kAhead < end && !records[i + kAhead].is_inline()) {
        __builtin_prefetch(reinterpret_cast<const char*>(records[i + kAhead].second));
      }
      entries[i] = VocabularyEntry{std::string(records[i].Bytes(buffer)), records[i].count};
    }
  });
  return entries;
}

}  // namespace internal
}  // namespace vocabcount
