// Counting spilled partitions one by one, and the k-way merge of their sorted
// entries, in passes when there are more than memory allows at once.
#include "spill/finish_spilled.h"

#include <tbb/info.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "base/saturating_add.h"
#include "table/counter.h"
#include "table/k_way_merge.h"
#include "table/output_order.h"
#include "table/token_table.h"

namespace vocabcount::internal {
namespace {

// A partition too large for memory is split 16 ways by the next 4 bits of
// its tokens' hashes, as often as needed while bits are left.
constexpr int kSplitBits = 4;
constexpr int kMaxSplits = (64 - kPartitionBits) / kSplitBits - 1;

// What a merge holds per segment: its reader's block, and some slack.
constexpr std::size_t kMergeBytesPerSegment = 2 * kBlockBytes;

// Merges sorted segments; entries of different segments are distinct, so the
// order between segments is that of their current entries.
class SegmentMerge {
 public:
  // `release`: the segments are not read again, and their disk space can go.
  SegmentMerge(SpillFile& file, const std::vector<Segment>& segments, SortOrder order,
               bool release = true)
      : readers_(OpenReaders(file, segments, release)), heap_(Started(readers_), ReaderBefore{order}) {}

  // Calls deliver(token, count) for each entry in order until it returns
  // false or `limit` entries (0: no limit) were delivered.
  template <class Deliver>
  bool Run(std::uint64_t limit, Deliver deliver) {
    std::uint64_t delivered = 0;
    while (!heap_.empty() && (limit == 0 || delivered < limit)) {
      SegmentReader& least = heap_.top();
      if (!deliver(least.token(), least.count())) return false;
      ++delivered;
      if (least.Next()) {
        heap_.TopChanged();
      } else {
        heap_.PopTop();
      }
    }
    return true;
  }

 private:
  struct ReaderBefore {
    SortOrder order;
    bool operator()(const SegmentReader& a, const SegmentReader& b) const {
      return EntryBefore(order, a.token(), a.count(), b.token(), b.count());
    }
  };
  using Readers = std::vector<std::unique_ptr<SegmentReader>>;

  static Readers OpenReaders(SpillFile& file, const std::vector<Segment>& segments, bool release) {
    Readers readers;
    for (const Segment& segment : segments) {
      readers.push_back(
          std::make_unique<SegmentReader>(file, segment, "merging spilled partitions", release));
    }
    return readers;
  }
  // The readers that have a first entry, moved to it.
  static std::vector<SegmentReader*> Started(const Readers& readers) {
    std::vector<SegmentReader*> started;
    for (const auto& reader : readers) {
      if (reader->Next()) started.push_back(reader.get());
    }
    return started;
  }

  Readers readers_;
  KWayMerge<SegmentReader, ReaderBefore> heap_;
};

class Finisher {
 public:
  Finisher(RunStore& runs, const Selection& selection, std::size_t memory_bytes, int threads,
           SpillTally& tally, const PartitionSummer& sum)
      : sum_(sum),
        runs_(runs),
        file_(runs.file()),
        selection_(selection),
        threads_(std::max(threads, 1)),
        memory_bytes_(memory_bytes),
        tally_(tally) {}

  bool Run(const EntrySink& deliver) {
    // More threads than cores would not be faster, and oneTBB warns of them.
    tbb::task_arena arena(std::min(threads_, tbb::info::default_concurrency()));
    arena.execute([&] {
      tbb::parallel_for(std::size_t{0}, kPartitions, [&](std::size_t p) {
        std::vector<Segment> segments = std::move(runs_.segments(p));
        CountPartition(std::move(segments), 0, std::to_string(p));
      });
    });
    std::vector<Segment> sorted = std::move(sorted_);
    if (selection_.top > 0 && selection_.order == SortOrder::kToken) {
      sorted = KeepTopInTokenOrder(std::move(sorted));
    }
    // The segments are now in the output order; with a top in count order,
    // the merge stops after it.
    sorted = MergeDownTo(std::move(sorted), FanIn(), selection_.order);
    const std::uint64_t limit = selection_.order == SortOrder::kCount ? selection_.top : 0;
    return SegmentMerge(file_, sorted, selection_.order).Run(limit, deliver);
  }

 private:
  // Partitions are sorted in count order when the top entries are to be
  // picked, else in the output order.
  SortOrder Order() const { return selection_.top > 0 ? SortOrder::kCount : selection_.order; }

  std::size_t FanIn() const { return std::max<std::size_t>(2, memory_bytes_ / kMergeBytesPerSegment); }

  void CountPartition(std::vector<Segment> segments, int splits, const std::string& name) {
    std::uint64_t entries = 0, long_bytes = 0;
    for (const Segment& segment : segments) {
      entries += segment.entries;
      long_bytes += segment.long_token_bytes;
    }
    if (entries == 0) return;
    // The table at its largest and the sort's records, if no token repeats
    // between segments (the most there can be).
    const std::size_t need = TokenTable::GrowthPeakBytes(entries) + entries * sizeof(SortRecord) +
                             long_bytes;
    if (need > memory_bytes_ / threads_ && splits < kMaxSplits) {
      Split(std::move(segments), splits, name);
      return;
    }
    SortBuffer buffer(selection_.min_count);
    TokenArena long_tokens;  // the table's go with it
    std::uint64_t distinct = 0, tokens = 0;
    sum_(file_, segments, name, [&](std::string_view token, std::uint64_t count) {
      ++distinct;
      tokens = SaturatingAdd(tokens, count);
      buffer.AddCopy(token, count, long_tokens);
    });
    SegmentWriter writer(file_, "sorting partition " + name);
    buffer.SortAndDeliver(0, Order(), 1, [&](std::string_view token, std::uint64_t count) {
      writer.Add(token, count);
      return true;
    });
    Segment sorted = writer.Finish();
    std::lock_guard lock(mutex_);
    tally_.distinct += distinct;
    tally_.tokens = SaturatingAdd(tally_.tokens, tokens);
    ++tally_.partitions;
    if (sorted.entries > 0) sorted_.push_back(std::move(sorted));
  }

  void Split(std::vector<Segment> segments, int splits, const std::string& name) {
    const int shift = 64 - kPartitionBits - kSplitBits * (splits + 1);
    constexpr std::size_t kWays = std::size_t{1} << kSplitBits;
    // Tags go along; segments keep their order, which a merge's checks need.
    std::vector<std::unique_ptr<SegmentWriter>> writers;
    for (std::size_t i = 0; i < kWays; ++i) {
      writers.push_back(std::make_unique<SegmentWriter>(file_, "splitting partition " + name,
                                                        segments.front().tagged));
    }
    std::vector<std::vector<Segment>> parts(kWays);
    for (const Segment& segment : segments) {
      SegmentReader reader(file_, segment, "splitting partition " + name, true);
      while (reader.Next()) {
        const std::size_t way = (HashedToken::Of(reader.token()).hash >> shift) & (kWays - 1);
        writers[way]->Add(reader.token(), reader.count(), reader.tag());
      }
      for (std::size_t i = 0; i < kWays; ++i) {
        Segment part = writers[i]->Finish();
        if (part.entries > 0) parts[i].push_back(std::move(part));
      }
    }
    segments.clear();
    writers.clear();
    for (std::size_t i = 0; i < kWays; ++i) {
      CountPartition(std::move(parts[i]), splits + 1, name + "." + std::to_string(i));
    }
  }

  // Merges groups of segments into one until at most `fan_in` are left.
  std::vector<Segment> MergeDownTo(std::vector<Segment> segments, std::size_t fan_in,
                                   SortOrder order) {
    while (segments.size() > fan_in) {
      std::vector<Segment> merged;
      for (std::size_t begin = 0; begin < segments.size(); begin += fan_in) {
        const std::size_t end = std::min(segments.size(), begin + fan_in);
        const std::vector<Segment> group(std::make_move_iterator(segments.begin() + begin),
                                         std::make_move_iterator(segments.begin() + end));
        SegmentWriter writer(file_, "merging spilled partitions");
        SegmentMerge(file_, group, order).Run(0, [&](std::string_view token, std::uint64_t count) {
          writer.Add(token, count);
          return true;
        });
        merged.push_back(writer.Finish());
      }
      segments = std::move(merged);
      ++tally_.merge_passes;
    }
    return segments;
  }

  // With a top in token order: finds the last entry kept (the top-th in count
  // order), then rewrites each count-sorted segment's entries up to it in
  // token order.
  std::vector<Segment> KeepTopInTokenOrder(std::vector<Segment> segments) {
    segments = MergeDownTo(std::move(segments), FanIn(), SortOrder::kCount);
    // Read twice: once to find the cut, which must not free their blocks.
    std::string last_token;
    std::uint64_t last_count = 0;
    SegmentMerge(file_, segments, SortOrder::kCount, false)
        .Run(selection_.top, [&](std::string_view token, std::uint64_t count) {
          last_token.assign(token);
          last_count = count;
          return true;
        });
    std::vector<Segment> in_token_order;
    for (const Segment& segment : segments) {
      SortBuffer buffer;
      TokenArena long_tokens;
      SegmentReader reader(file_, segment, "sorting the top entries", true);
      while (reader.Next()) {
        if (EntryBefore(SortOrder::kCount, last_token, last_count, reader.token(), reader.count())) {
          break;  // past the cut: the rest of this segment comes later still
        }
        buffer.AddCopy(reader.token(), reader.count(), long_tokens);
      }
      SegmentWriter writer(file_, "sorting the top entries");
      buffer.SortAndDeliver(0, SortOrder::kToken, 1, [&](std::string_view token, std::uint64_t count) {
        writer.Add(token, count);
        return true;
      });
      Segment sorted = writer.Finish();
      if (sorted.entries > 0) in_token_order.push_back(std::move(sorted));
    }
    return in_token_order;
  }

  const PartitionSummer& sum_;
  RunStore& runs_;
  SpillFile& file_;
  const Selection selection_;
  const int threads_;
  const std::size_t memory_bytes_;
  SpillTally& tally_;
  std::mutex mutex_;
  std::vector<Segment> sorted_;
};

}  // namespace

void SumCounts(SpillFile& file, const std::vector<Segment>& segments, const std::string& name,
               const std::function<void(std::string_view, std::uint64_t)>& emit) {
  TokenTable table;
  for (const Segment& segment : segments) {
    SegmentReader reader(file, segment, "reading spilled partition " + name, true);
    while (reader.Next()) table.Add(reader.token(), reader.count());
  }
  table.ForEach(emit);
}

bool FinishSpilled(RunStore& runs, const Selection& selection, std::size_t memory_bytes,
                   int threads, const EntrySink& deliver, SpillTally& tally,
                   const PartitionSummer& sum) {
  return Finisher(runs, selection, memory_bytes, threads, tally, sum).Run(deliver);
}

}  // namespace vocabcount::internal
