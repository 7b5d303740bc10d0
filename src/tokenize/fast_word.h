// Word tokens exactly as ICU's root word BreakIterator finds them, without
// ICU where the text allows: letters, digits and marks of the alphabetic
// scripts and Hangul syllables are segmented here; runs of kana and kanji,
// and of Thai, that ICU's rules set apart are handed on for dictionary
// segmentation; any stretch holding something else (see WordClass::kComplex)
// is handed to ICU whole.
#pragma once

#include <string_view>

#include "absl/functional/function_ref.h"

namespace vocabcount::internal {

using SpanSink = absl::FunctionRef<void(std::string_view)>;

// Where SegmentWords hands what it finds, in text order.
struct WordSinks {
  SpanSink token;  // each word token of the fast path's own rules
  // Each maximal run of IsKanaKanji characters, and each of Thai (starting
  // with a letter), whose neighbours join with neither it nor anything in it
  // under ICU's rules (no marks, format characters, connectors or other
  // complex characters; for Thai, no letters or digits either), so that the
  // run is one segment of ICU's rules with a word status, whatever text
  // surrounds it: for the CJK and Thai dictionary segmenters.
  SpanSink kana_kanji;
  SpanSink thai;
  // Each stretch left to ICU. Stretches begin and end where ICU breaks in
  // any context and looks across no boundary (after a line feed, or after a
  // space before a letter, a digit, a kana or a kanji), so ICU segments them
  // exactly as it would segment them inside the whole text.
  SpanSink needs_icu;
};

void SegmentWords(std::string_view text, const WordSinks& sinks);

}  // namespace vocabcount::internal
