// Word tokens exactly as ICU's root word BreakIterator finds them, without
// ICU where the text allows: letters, digits and marks of the alphabetic
// scripts and Hangul syllables are segmented here; any stretch holding
// something else (see WordClass::kComplex) is handed to ICU whole.
#pragma once

#include <string_view>

#include "absl/functional/function_ref.h"

namespace vocabcount::internal {

using SpanSink = absl::FunctionRef<void(std::string_view)>;

// Calls `token` for each word token the fast path finds, in order, and
// `needs_icu` for each stretch it leaves to ICU. Those stretches begin and end
// at safe cuts (see input/safe_cut.h), so ICU segments them exactly as it would
// segment them inside the whole text.
void SegmentWords(std::string_view text, SpanSink token, SpanSink needs_icu);

}  // namespace vocabcount::internal
