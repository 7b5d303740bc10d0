// Mapping a counter's distinct tokens, partition by partition.
#include "count/normalize_counts.h"

namespace vocabcount::internal {

absl::Status NormalizeCounts(TokenCounter& raw, TokenNormalizer& normalizer,
                             TokenCounter& normalized, RawTables raw_tables) {
  raw.Settle();
  absl::Status status;
  for (std::size_t p = 0; p < kPartitions; ++p) {
    TokenTable& table = raw.partition(p);
    table.ForEach([&](std::string_view token, std::uint64_t count) {
      absl::StatusOr<std::string_view> mapped = normalizer.Apply(token);
      if (mapped.ok()) {
        normalized.Add(*mapped, count);
      } else if (status.ok()) {
        status = mapped.status();
      }
    });
    if (raw_tables == RawTables::kKeepSlots) {
      table.Empty();
    } else {
      table.Clear();
    }
  }
  return status;
}

}  // namespace vocabcount::internal
