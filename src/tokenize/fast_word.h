// Word tokens exactly as ICU's root word BreakIterator finds them, without
// ICU where the text allows: letters, digits and marks of the alphabetic
// scripts and Hangul syllables are segmented here; runs of kana and kanji
// that ICU's rules set apart are handed on for its dictionary segmentation;
// any stretch holding something else (see WordClass::kComplex) is handed to
// ICU whole.
#pragma once

#include <string_view>

#include "absl/functional/function_ref.h"

namespace vocabcount::internal {

using SpanSink = absl::FunctionRef<void(std::string_view)>;

// Calls `token` for each word token the fast path finds, in order;
// `kana_kanji` for each maximal run of IsKanaKanji characters whose
// neighbours join with neither it nor anything in it under ICU's rules (not
// marks, format characters, connectors or other complex characters), so that
// the run is one segment of ICU's rules with a word status, whatever text
// surrounds it; and `needs_icu` for each stretch it leaves to ICU. Those
// stretches begin and end where ICU breaks in any context and looks across no
// boundary (after a line feed, or after a space before a letter, a digit, a
// kana or a kanji), so ICU segments them exactly as it would segment them
// inside the whole text.
void SegmentWords(std::string_view text, SpanSink token, SpanSink kana_kanji, SpanSink needs_icu);

}  // namespace vocabcount::internal
