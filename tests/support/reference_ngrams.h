// A deliberately simple n-gram reference: the text split into lines, each
// line's tokens from plain ICU (or the whitespace definition written out),
// mapped with ICU's own string functions, then every window counted. None of
// the engine's code: no units, no stitching, no fast paths.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "support/reference_counter.h"
#include "vocabcount/options.h"

namespace vocabcount::testing {

// Adds the n-grams of `text` to `counts` as `options` asks (tokenizer, case
// mapping, normalization, orders, separator, max_token_bytes). A sequence
// ends at every LF and CR, at a token longer than the limit (not counted),
// and at each offset in `forced_cuts` (support/forced_cuts.h): the text is
// cut there into pieces tokenized on their own, and a token touching such a
// cut is not counted.
void ReferenceCountNgrams(std::string_view text, const Options& options, ReferenceCounts& counts,
                          const std::vector<std::uint64_t>& forced_cuts = {});

}  // namespace vocabcount::testing
