// ICU word break iterators whose results depend only on the text they are
// given.
//
// ICU loads a dictionary engine the first time an iterator meets a script
// that needs one, and the order in which engines were loaded (by this
// iterator, and by the process) changes how some text is segmented: a fresh
// iterator may give "ー東京" as one token where a used one gives "ー", "東京".
// A settled iterator has first segmented a fixed text holding one dictionary
// character of every script in a fixed order, after which its results no
// longer depend on what it segmented before.
#pragma once

#include <unicode/brkiter.h>

#include <memory>
#include <string>

#include "absl/status/statusor.h"

namespace vocabcount::internal {

// A word BreakIterator for the root locale, settled as described above.
absl::StatusOr<std::unique_ptr<icu::BreakIterator>> NewSettledWordIterator();

// One character of each script ICU's word rules hand to dictionaries, in a
// fixed order and separated by spaces (exposed for the test that checks it
// covers every such script of the ICU in use).
const std::string& SettlingText();

}  // namespace vocabcount::internal
