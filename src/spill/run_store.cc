// Writing a partition's table out as a segment of the spill file.
#include "spill/run_store.h"

namespace vocabcount::internal {

void RunStore::Spill(std::size_t partition, TokenTable& table) {
  if (table.size() == 0) return;
  SegmentWriter writer(file_, "spilling partition " + std::to_string(partition));
  table.ForEach([&](std::string_view token, std::uint64_t count) { writer.Add(token, count); });
  AddSegment(partition, writer.Finish());
  table.Clear();
}

void RunStore::AddSegment(std::size_t partition, Segment segment) {
  if (segment.entries == 0) return;
  std::lock_guard lock(mutexes_[partition]);
  segments_[partition].push_back(std::move(segment));
}

}  // namespace vocabcount::internal
