// One work unit of JSON Lines: the strings at the field of each of its lines,
// gathered for one tokenizer call, and a tally of the lines that had none.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "input/jsonl_field.h"

namespace vocabcount::internal {

struct JsonlTally {
  std::uint64_t lines = 0;      // lines that are not blank
  std::uint64_t bad_lines = 0;  // of those, lines without a string at the field
  // Meaningful when bad_lines > 0: the first bad line (1-based, counted over
  // the whole input, blank lines included) and why it was bad.
  std::uint64_t first_bad_line = 0;
  std::string first_reason;
};

// Replaces `texts` with the string at the field of every line of `unit`, each
// followed by a line feed. A line feed is a word break on both sides in UAX
// #29 and whitespace to the whitespace tokenizer, so tokenizing `texts` once
// gives the tokens of each string tokenized on its own: no token joins two
// lines. `unit` holds whole lines (the last may lack its line feed), the
// first being line `first_line + 1` of its input, and must be followed by
// kJsonlPaddingBytes readable bytes. `ends`, if given, receives where each
// string ends in `texts` (before its line feed), for tokenizers that must see
// each document alone.
JsonlTally ExtractTexts(JsonlField& field, std::string_view unit, std::uint64_t first_line,
                        std::string& texts, std::vector<std::size_t>* ends = nullptr);

// Adds the tally of one unit to that of its input. Units may come in any
// order: the first bad line is the least line number seen.
void AddTally(const JsonlTally& unit, JsonlTally& total);

}  // namespace vocabcount::internal
