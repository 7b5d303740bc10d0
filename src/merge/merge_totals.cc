// Summing a merge's lines by partition, spilling them with their inputs, and
// summing the spilled pieces back with the same checks.
#include "merge/merge_totals.h"

#include <malloc.h>

#include <algorithm>
#include <string>
#include <vector>

#include "base/saturating_add.h"

namespace vocabcount::internal {
namespace {

std::uint64_t Tag(const MergeTotal& total) {
  return (std::uint64_t{total.first_input} << 32) | total.last_input;
}

// Adds `piece` (of later inputs) to `total`, or says why it cannot be.
std::optional<MergeConflict> Combine(MergeTotal& total, std::uint64_t count,
                                     std::uint32_t first_input, std::uint32_t last_input) {
  if (first_input == total.last_input) {
    return MergeConflict{.kind = MergeConflict::Kind::kAgain, .input = first_input};
  }
  if (__builtin_add_overflow(total.count, count, &total.count)) {
    return MergeConflict{.kind = MergeConflict::Kind::kOverflow, .input = first_input};
  }
  total.last_input = last_input;
  return std::nullopt;
}

}  // namespace

MergeTotals::MergeTotals(std::size_t limit_bytes, RunStore& runs)
    : limit_bytes_(limit_bytes),
      runs_(runs),
      check_every_(std::clamp<std::uint64_t>(limit_bytes / 1024, 1, 4096)) {}

std::optional<MergeConflict> MergeTotals::Add(std::string_view token, std::uint64_t count,
                                              std::uint32_t input) {
  const HashedToken hashed = HashedToken::Of(token);
  bool added = false;
  MergeTotal& slot = tables_[PartitionOf(hashed.hash)].Find(hashed, token, added);
  if (!added) {
    MergeTotal total = slot;
    if (auto conflict = Combine(total, count, input, input)) return conflict;
    slot = total;
    return std::nullopt;
  }
  slot = MergeTotal{.count = count, .first_input = input, .last_input = input};
  if (++added_since_check_ == check_every_) {
    added_since_check_ = 0;
    std::size_t bytes = 0;
    for (const Table& each : tables_) bytes += each.bytes();
    if (bytes > limit_bytes_) SpillAll();
  }
  return std::nullopt;
}

void MergeTotals::SpillAll() {
  for (std::size_t p = 0; p < kPartitions; ++p) {
    Table& table = tables_[p];
    SegmentWriter writer(runs_.file(), "spilling partition " + std::to_string(p), true);
    table.ForEach([&](std::string_view token, const MergeTotal& total) {
      writer.Add(token, total.count, Tag(total));
    });
    runs_.AddSegment(p, writer.Finish());
    table.Clear();
  }
  runs_.EndRun();
#ifdef __GLIBC__
  malloc_trim(0);  // as the count's spill does: small tables came from the heap
#endif
}

void MergeTotals::Finish(const Selection& selection, std::size_t memory_bytes, int threads,
                         const EntrySink& deliver, SpillTally& tally) {
  if (!spilled()) {
    SortBuffer buffer(selection.min_count);
    // Inline tokens are copied into the records; long ones stay in arenas.
    std::vector<TokenArena> long_tokens;
    for (Table& table : tables_) {
      long_tokens.push_back(table.Drain([&](std::string_view token, const MergeTotal& total) {
        ++tally.distinct;
        tally.tokens = SaturatingAdd(tally.tokens, total.count);
        buffer.Add(token, total.count);
      }));
    }
    buffer.SortAndDeliver(selection.top, selection.order, threads, deliver);
    return;
  }
  SpillAll();
  const PartitionSummer sum = [](SpillFile& file, const std::vector<Segment>& segments,
                                 const std::string& name,
                                 const std::function<void(std::string_view, std::uint64_t)>& emit) {
    Table totals;
    // Segments in the order they were spilled: inputs in increasing order.
    for (const Segment& segment : segments) {
      SegmentReader reader(file, segment, "reading spilled partition " + name, true);
      while (reader.Next()) {
        const auto first = static_cast<std::uint32_t>(reader.tag() >> 32);
        const auto last = static_cast<std::uint32_t>(reader.tag());
        bool added = false;
        MergeTotal& slot = totals.Find(reader.token(), added);
        if (added) {
          slot = MergeTotal{.count = reader.count(), .first_input = first, .last_input = last};
        } else if (auto conflict = Combine(slot, reader.count(), first, last)) {
          throw MergeConflictError{*conflict};
        }
      }
    }
    totals.ForEach([&](std::string_view token, const MergeTotal& total) { emit(token, total.count); });
  };
  FinishSpilled(runs_, selection, memory_bytes, threads, deliver, tally, sum);
}

}  // namespace vocabcount::internal
