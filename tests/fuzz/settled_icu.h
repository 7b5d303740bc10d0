// The fuzz targets' word reference: plain ICU over the whole input, from one
// settled iterator kept for the process (a settled iterator's results do not
// depend on what it segmented before; tokenize/icu_word_iterator.h).
#pragma once

#include <unicode/brkiter.h>

#include <cstdlib>
#include <memory>
#include <string_view>

#include "support/icu_spans.h"
#include "tokenize/icu_word_iterator.h"

namespace vocabcount::fuzzing {

inline testing::Spans SettledIcuSpans(std::string_view text) {
  static const std::unique_ptr<icu::BreakIterator> words = [] {
    auto settled = internal::NewSettledWordIterator();
    if (!settled.ok()) std::abort();
    return std::move(*settled);
  }();
  return testing::IcuWordSpans(*words, text);
}

}  // namespace vocabcount::fuzzing
