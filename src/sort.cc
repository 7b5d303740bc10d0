// Sorting a vocabulary: count descending, then token bytes ascending. The
// counter's entries are sorted as small fixed-size records that point at the
// tokens' bytes, and strings are made only for the entries kept, in order.
#include "sort.h"

#include <tbb/info.h>
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_sort.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <string_view>
#include <vector>

#include "huge_pages.h"

namespace vocabcount {

bool ComesBefore(const VocabularyEntry& a, const VocabularyEntry& b) {
  if (a.count != b.count) return a.count > b.count;
  // std::string compares as unsigned bytes (char_traits<char>), i.e. memcmp.
  return a.token < b.token;
}

namespace internal {
namespace {

// The first 8 bytes of a token, zero-padded, as a big-endian number: numbers
// that differ order as the tokens' bytes do, so most ties on the count are
// settled without reading the bytes.
std::uint64_t OrderPrefix(std::string_view token) {
  std::uint64_t prefix = 0;
  for (std::size_t i = 0; i < 8; ++i) {
    const std::uint64_t byte = i < token.size() ? static_cast<unsigned char>(token[i]) : 0;
    prefix = (prefix << 8) | byte;
  }
  return prefix;
}

struct SortRecord {
  std::uint64_t count;
  std::uint64_t prefix;
  std::string_view token;  // into the counter
};

// A function object rather than a function pointer, so that sorting inlines it.
struct RecordBefore {
  bool operator()(const SortRecord& a, const SortRecord& b) const {
    if (a.count != b.count) return a.count > b.count;
    if (a.prefix != b.prefix) return a.prefix < b.prefix;
    // Equal prefixes: one token may be a prefix of the other, or differ later.
    return a.token < b.token;
  }
};

using Records = std::vector<SortRecord, HugePageAllocator<SortRecord>>;

// Runs `work` over [0, size) in pieces, on up to `threads` threads; a
// one-thread run does not start a thread pool.
template <class Work>
void InPieces(std::size_t size, int threads, Work work) {
  if (threads <= 1) return work(std::size_t{0}, size);
  // More threads than cores would not be faster.
  tbb::task_arena arena(std::min(threads, tbb::info::default_concurrency()));
  arena.execute([&] {
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, size, 4096),
                      [&](const tbb::blocked_range<std::size_t>& range) { work(range.begin(), range.end()); });
  });
}

void SortRecords(Records& records, std::size_t keep, int threads) {
  if (keep < records.size()) {
    std::partial_sort(records.begin(), records.begin() + static_cast<std::ptrdiff_t>(keep),
                      records.end(), RecordBefore{});
    records.resize(keep);
  } else if (threads <= 1) {
    std::sort(records.begin(), records.end(), RecordBefore{});
  } else {
    tbb::task_arena arena(std::min(threads, tbb::info::default_concurrency()));
    arena.execute([&] { tbb::parallel_sort(records.begin(), records.end(), RecordBefore{}); });
  }
}

}  // namespace

Vocabulary SortedVocabulary(TokenCounter& counter, std::uint64_t min_count, std::uint64_t top,
                            int threads) {
  Records records;
  records.reserve(counter.distinct());
  counter.ForEach([&](std::string_view token, std::uint64_t count) {
    if (count >= min_count) records.push_back({count, OrderPrefix(token), token});
  });
  // The order is total (tokens are distinct), so any sort gives the same bytes.
  SortRecords(records, top > 0 ? top : records.size(), threads);

  Vocabulary entries;
  entries.reserve(records.size());
  AdviseHugePages(entries.data(), entries.capacity() * sizeof(VocabularyEntry));
  entries.resize(records.size());
  InPieces(records.size(), threads, [&](std::size_t begin, std::size_t end) {
    // The records are in output order, their tokens scattered over the
    // counter: fetch each token's bytes a few entries ahead.
    constexpr std::size_t kAhead = 16;
    for (std::size_t i = begin; i < end; ++i) {
      if (i + kAhead < end) __builtin_prefetch(records[i + kAhead].token.data());
      entries[i] = VocabularyEntry{std::string(records[i].token), records[i].count};
    }
  });
  return entries;
}

}  // namespace internal
}  // namespace vocabcount
