// Summing vocabularies written by vocabcount (--merge): merging the counts of
// the parts of a corpus gives the vocabulary a count of the whole would.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "vocabcount/count.h"
#include "vocabcount/options.h"

namespace vocabcount {

// Like a CountReport, where `stats` describes the vocabularies read: bytes
// are their text bytes, tokens the sum of the merged counts, distinct_tokens
// the merged entries before min_count and top.
struct MergeReport : CountReport {
  // Whether the inputs were merged as token-sorted streams, in memory that
  // does not grow with the vocabularies, rather than summed in memory.
  bool streamed = false;
};

// Sums the counts of the vocabularies at `paths`: "token<TAB>count" lines, a
// "token<TAB>count" header at line 1 or not, compressed or not. A path is a
// file, a directory (walked as Count walks it) or "-" for standard input.
// Counts add up exactly; a sum above 2^64 - 1 is an error.
//
// A malformed line, a token twice in one input, or ill-formed UTF-8 is an
// error naming the input and the line. With options.keep_going an input that
// cannot be read or is malformed is reported and left out, or the rest of it
// when the problem shows only after part of it was merged; errors is then
// not empty but the report finished, unless nothing at all could be merged
// (then it does not finish, as a count does not).
//
// When every input is a regular file sorted by token (as written with
// SortOrder::kToken), a first pass checks their order and the inputs are then
// merged as streams; otherwise they are summed in tables kept within
// options.memory_bytes, spilled to options.temp_dir past it. The output
// honours options.min_count, top and sort (token order with no top streams
// too). Entries go to `sink` when it is set, as they are made, and to the
// report's vocabulary otherwise.
MergeReport MergeVocabularies(const std::vector<std::string>& paths, const Options& options,
                              const EntrySink& sink = nullptr);

}  // namespace vocabcount
