// Token spans from the engine's own tokenizers, over a whole text and over
// the units the pipeline would cut it into: what the exactness tests and the
// fuzzers compare with their references.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "input/safe_cut.h"
#include "support/icu_spans.h"
#include "tokenize/tokenize.h"

namespace vocabcount::testing {

// The spans of `text` from `tokenizer`; a failure is kept in `status`.
inline Spans EngineSpans(internal::Tokenizer& tokenizer, std::string_view text,
                         absl::Status& status) {
  Spans spans;
  status = tokenizer.Tokenize(text, [&](std::string_view token) {
    spans.emplace_back(static_cast<std::size_t>(token.data() - text.data()), std::string(token));
  });
  return spans;
}

// The tokens of `text` cut at safe cuts into units of at least `unit_bytes`,
// in order: what the pipeline's workers see. The first failure is kept in
// `status`.
inline std::vector<std::string> TokensOfUnits(internal::Tokenizer& tokenizer, std::string_view text,
                                              std::size_t unit_bytes, absl::Status& status) {
  std::vector<std::string> tokens;
  status = absl::OkStatus();
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = internal::FindSafeCut(text, begin + unit_bytes);
    if (end == std::string_view::npos) end = text.size();
    const absl::Status unit =
        tokenizer.Tokenize(text.substr(begin, end - begin),
                           [&](std::string_view token) { tokens.emplace_back(token); });
    if (status.ok()) status = unit;
    begin = end;
  }
  return tokens;
}

// The tokens of `spans`, without their offsets.
inline std::vector<std::string> TokensOf(const Spans& spans) {
  std::vector<std::string> tokens;
  tokens.reserve(spans.size());
  for (const auto& span : spans) tokens.push_back(span.second);
  return tokens;
}

}  // namespace vocabcount::testing
