// A run of text for a dictionary segmenter, decoded: its code points, the
// byte each came from, and the words between the cuts a segmenter finds.
#pragma once

#include <unicode/umachine.h>

#include <cstdint>
#include <string_view>
#include <vector>

#include "tokenize/fast_word.h"

namespace vocabcount::internal {

struct DecodedRun {
  std::vector<UChar32> code_points;
  // offsets[k]: the byte offset in the run where code point k came from; one
  // more entry holds the run's length.
  std::vector<std::uint32_t> offsets;

  // Fills both from `run`, which must be well-formed UTF-8 (SegmentWords
  // hands on only runs of decoded kana, kanji or Thai).
  void Decode(std::string_view run);

  // Calls `word` for each piece of `run` between `cuts` (code point indices,
  // ascending). A cut that maps to no later byte than the one before it, or
  // to either end of the run, is dropped: it fell inside one character that
  // normalization expanded, as ICU drops it.
  void SplitAt(std::string_view run, const std::vector<std::int32_t>& cuts, SpanSink word) const;
};

}  // namespace vocabcount::internal
