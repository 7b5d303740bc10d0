// Sorting a vocabulary: by count descending, then token bytes ascending, or
// by token bytes alone. Entries are sorted as small fixed-size records that
// hold short tokens and point at long ones, and strings are made only for the
// entries kept, in order.
#include "output/sort.h"

#include <tbb/blocked_range.h>
#include <tbb/info.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_sort.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <string>
#include <utility>

namespace vocabcount {

bool ComesBefore(const VocabularyEntry& a, const VocabularyEntry& b) {
  return internal::EntryBefore(SortOrder::kCount, a.token, a.count, b.token, b.count);
}

namespace internal {
namespace {

// The output order (table/output_order.h) of records: token bytes compared
// by their prefix numbers first. Function objects rather than function
// pointers, so that sorting inlines them.
struct TokenBefore {
  bool operator()(const SortRecord& a, const SortRecord& b) const {
    if (a.first != b.first) return a.first < b.first;
    if (a.second != b.second) return a.second < b.second;
    // Equal padded bytes: the shorter token is a prefix of the longer.
    if (a.is_inline() && b.is_inline()) return a.size < b.size;
    char a_buffer[SortRecord::kInlineBytes];
    char b_buffer[SortRecord::kInlineBytes];
    return a.Bytes(a_buffer) < b.Bytes(b_buffer);
  }
};

// Count descending, then token bytes ascending.
struct CountBefore {
  bool operator()(const SortRecord& a, const SortRecord& b) const {
    return OutputBefore(SortOrder::kCount, a.count, b.count, [&] { return TokenBefore{}(a, b); });
  }
};

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
    tbb::parallel_for(
        tbb::blocked_range<std::size_t>(0, size, 4096),
        [&](const tbb::blocked_range<std::size_t>& range) { work(range.begin(), range.end()); });
  });
}

template <class Records, class Before>
void SortAll(Records& records, int threads, Before before) {
  if (threads <= 1) {
    std::sort(records.begin(), records.end(), before);
  } else {
    OnThreads(threads, [&] { tbb::parallel_sort(records.begin(), records.end(), before); });
  }
}

// Both orders are total (tokens are distinct), so any sort gives the same
// bytes.
template <class Records>
void SortRecords(Records& records, std::uint64_t top, SortOrder order, int threads) {
  const bool cut = top > 0 && top < records.size();
  const auto keep = records.begin() + static_cast<std::ptrdiff_t>(cut ? top : records.size());
  if (order == SortOrder::kCount) {
    if (cut) {
      std::partial_sort(records.begin(), keep, records.end(), CountBefore{});
      records.erase(keep, records.end());
    } else {
      SortAll(records, threads, CountBefore{});
    }
    return;
  }
  // The most frequent entries, in no particular order, then in token order.
  if (cut) {
    std::nth_element(records.begin(), keep, records.end(), CountBefore{});
    records.erase(keep, records.end());
  }
  SortAll(records, threads, TokenBefore{});
}

}  // namespace

SortBuffer::Records SortBuffer::TakeSorted(std::uint64_t top, SortOrder order, int threads) {
  Records records = std::move(records_);
  records_ = Records();
  SortRecords(records, top, order, threads);
  return records;
}

Vocabulary SortBuffer::Sort(std::uint64_t top, SortOrder order, int threads) {
  const Records records = TakeSorted(top, order, threads);

  Vocabulary entries;
  entries.reserve(records.size());
  AdviseHugePages(entries.data(), entries.capacity() * sizeof(VocabularyEntry));
  entries.resize(records.size());
  InPieces(records.size(), threads, [&](std::size_t begin, std::size_t end) {
    char buffer[SortRecord::kInlineBytes];
    for (std::size_t i = begin; i < end; ++i) {
      PrefetchLongBytes(records, i + kPrefetchAhead, end);
      entries[i] = VocabularyEntry{std::string(records[i].Bytes(buffer)), records[i].count};
    }
  });
  return entries;
}

}  // namespace internal
}  // namespace vocabcount
