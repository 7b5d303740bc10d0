// Word token spans from a plain ICU iterator: the reference the fast word
// path is compared with, by the exactness tests and the fuzzer.
#pragma once

#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vocabcount::testing {

// (byte offset, token) of each segment with a word status, in order.
using Spans = std::vector<std::pair<std::size_t, std::string>>;

// Runs `words` over the whole of `text` as UTF-16. ICU's UTF-8 text access
// is not used: on some text it segments differently (two Khmer letters after
// an ill-formed byte come out as one word in UTF-16 and two in UTF-8), and
// plain ICU here means UTF-16, as UnicodeString::fromUTF8 gives it.
Spans IcuWordSpans(icu::BreakIterator& words, std::string_view text);

}  // namespace vocabcount::testing
