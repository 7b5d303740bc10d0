// Normalizing counted tokens: case mapping and Unicode normalization are
// functions of the token, so a worker counts the tokens as they are and maps
// each distinct one once, when its tables are handed on, summing the counts
// of tokens that map to the same string.
#pragma once

#include "absl/status/status.h"
#include "count/counter.h"
#include "tokenize/normalize.h"

namespace vocabcount::internal {

// What becomes of the raw counter's tables once their tokens are mapped.
enum class RawTables {
  kKeepSlots,  // emptied, keeping their slots: the worker fills them again
  kFree,       // freed: the end of counting
};

// Adds every count of `raw`, its token mapped by `normalizer`, to
// `normalized`, partition by partition, so that the raw tables shrink as the
// normalized ones grow. Returns the first failure of the normalizer (ICU out
// of memory, say); the counts are then incomplete.
absl::Status NormalizeCounts(TokenCounter& raw, TokenNormalizer& normalizer,
                             TokenCounter& normalized, RawTables raw_tables);

}  // namespace vocabcount::internal
