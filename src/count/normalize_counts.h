// Normalizing counted tokens: case mapping and Unicode normalization are
// functions of the token, so a worker counts the tokens as they are and maps
// each distinct one once, when its tables are handed on, summing the counts
// of tokens that map to the same string.
#pragma once

#include "absl/status/status.h"
#include "table/counter.h"
#include "tokenize/normalize.h"

namespace vocabcount::internal {

// Maps every token of `counter` with `normalizer`, in place. Most tokens of a
// text are their own normal form (lowercase already, say): they stay where
// they are, and only the others move, into a table of their own first, then
// back in, where their counts meet those of the same string. Returns the first
// failure of the normalizer (ICU out of memory, say); the token it failed on
// then stays as it was.
absl::Status NormalizeCounts(TokenCounter& counter, TokenNormalizer& normalizer);

}  // namespace vocabcount::internal
