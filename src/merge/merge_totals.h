// The sums of a merge of inputs not sorted by token, within the memory
// budget: partitioned as a count's tables are, and spilled with the inputs
// each total came from, so that a token twice in one input is found even when
// its two lines were spilled apart.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "output/sort.h"
#include "spill/finish_spilled.h"
#include "spill/run_store.h"
#include "table/counter.h"
#include "table/token_table.h"
#include "vocabcount/vocabulary.h"

namespace vocabcount::internal {

// A token's sum so far, and the first and last inputs that added to it:
// inputs are read one after another, so a later piece of the sums that
// starts with the input an earlier one ended with means that input gave the
// token twice.
struct MergeTotal {
  std::uint64_t count = 0;
  std::uint32_t first_input = 0;
  std::uint32_t last_input = 0;
};

// Why a merge must stop: a token twice in one input, or a sum past 2^64 - 1.
struct MergeConflict {
  enum class Kind { kAgain, kOverflow };
  Kind kind;
  std::uint32_t input;
};

class MergeTotals {
 public:
  // Spills to `runs` once the tables hold more than `limit_bytes`.
  MergeTotals(std::size_t limit_bytes, RunStore& runs);

  // Adds line `count` of input `input`; inputs come in increasing order.
  // Returns the conflict, if the line makes one, without adding it.
  std::optional<MergeConflict> Add(std::string_view token, std::uint64_t count, std::uint32_t input);

  // Hands the totals `selection` keeps to `deliver` in its order; `tally`
  // gets their number and sum. Throws MergeConflictError when spilled pieces
  // of a total conflict.
  void Finish(const Selection& selection, std::size_t memory_bytes, int threads,
              const EntrySink& deliver, SpillTally& tally);

  bool spilled() const { return !runs_.empty(); }

 private:
  using Table = BasicTokenTable<MergeTotal>;

  void SpillAll();

  const std::size_t limit_bytes_;
  RunStore& runs_;
  std::array<Table, kPartitions> tables_;
  // Tables are measured every so many new tokens (measuring walks all 256);
  // often enough that a new token's share of the limit stays small.
  std::uint64_t check_every_;
  std::uint64_t added_since_check_ = 0;
};

// A conflict found while summing spilled pieces, where no line is known.
struct MergeConflictError {
  MergeConflict conflict;
};

}  // namespace vocabcount::internal
