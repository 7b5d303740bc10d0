// The counts written out when the folded tables outgrow the memory budget:
// one segment per partition per spill, all in the one spill file.
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "spill/segment.h"
#include "spill/spill_file.h"
#include "table/counter.h"
#include "table/token_table.h"

namespace vocabcount::internal {

class RunStore {
 public:
  // An empty `dir` means DefaultTempDir().
  explicit RunStore(const std::string& dir) : file_(dir) {}

  // Writes partition `partition`'s table as a segment and empties it. Safe
  // from several threads for different partitions.
  void Spill(std::size_t partition, TokenTable& table);
  // Adds a segment written elsewhere to partition `partition`'s.
  void AddSegment(std::size_t partition, Segment segment);
  // Marks the end of one spill of every partition.
  void EndRun() { ++runs_; }

  bool empty() const { return runs_ == 0; }
  std::uint64_t runs() const { return runs_; }
  SpillFile& file() { return file_; }
  // The segments of partition `partition`, from every run.
  std::vector<Segment>& segments(std::size_t partition) { return segments_[partition]; }

 private:
  SpillFile file_;
  std::array<std::mutex, kPartitions> mutexes_;
  std::array<std::vector<Segment>, kPartitions> segments_;
  std::atomic<std::uint64_t> runs_{0};
};

}  // namespace vocabcount::internal
