// Mapping a counter's distinct tokens in place, partition by partition.
#include "count/normalize_counts.h"

#include <optional>
#include <utility>

namespace vocabcount::internal {

absl::Status NormalizeCounts(TokenCounter& counter, TokenNormalizer& normalizer) {
  counter.Settle();
  absl::Status status;
  auto map = [&](std::string_view token) -> std::optional<std::string_view> {
    if (normalizer.Keeps(token)) return token;
    absl::StatusOr<std::string_view> mapped = normalizer.Apply(token);
    if (mapped.ok()) return *mapped;
    if (status.ok()) status = mapped.status();
    return std::nullopt;
  };
  // A mapped token may belong to another partition, one not yet mapped: it
  // waits here until every partition is done, so that none is mapped twice.
  TokenCounter moved;
  for (std::size_t p = 0; p < kPartitions; ++p) {
    counter.partition(p).RemapKeys(map, [&](std::string_view mapped, std::uint64_t count) {
      moved.Add(mapped, count);
    });
  }
  counter.Absorb(std::move(moved));
  return status;
}

}  // namespace vocabcount::internal
