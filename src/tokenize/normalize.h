// Normalizing one token: case mapping first, then Unicode normalization, then
// (for pre-tokenizer pieces) the byte-level form.
#pragma once

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "vocabcount/options.h"

#include <unicode/normalizer2.h>
#include <unicode/ucasemap.h>

namespace vocabcount::internal {

// One per worker: it owns a scratch buffer. Case mapping comes first so that
// the result is in the requested normal form even where a case mapping breaks
// it (lowercasing can yield text that is not NFC).
class TokenNormalizer {
 public:
  // With `byte_level`, the result is written in GPT-2's byte-level form
  // (tokenize/byte_level.h), after the case mapping and normalization.
  static absl::StatusOr<TokenNormalizer> Create(CaseMapping case_mapping,
                                                Normalization normalization,
                                                bool byte_level = false);
  TokenNormalizer(TokenNormalizer&& other) noexcept;
  TokenNormalizer& operator=(TokenNormalizer&&) = delete;
  ~TokenNormalizer();

  bool changes_nothing() const {
    return case_mapping_ == CaseMapping::kNone && normalizer_ == nullptr && !byte_level_;
  }

  // Whether Apply(token) gives `token` back, known without mapping it: ASCII
  // without capital letters is in every normal form and its own lowercase
  // and case fold; in byte-level form, printable ASCII other than space
  // stays as it is. (False only means "not known".)
  bool Keeps(std::string_view token) const;

  // The normalized token; the view stays valid until the next call.
  absl::StatusOr<std::string_view> Apply(std::string_view token);

 private:
  TokenNormalizer(CaseMapping case_mapping, UCaseMap* case_map,
                  const icu::Normalizer2* normalizer, bool byte_level)
      : case_mapping_(case_mapping),
        case_map_(case_map),
        normalizer_(normalizer),
        byte_level_(byte_level) {}
  absl::StatusOr<std::string_view> MapCase(std::string_view token);
  absl::StatusOr<std::string_view> Normalize(std::string_view token);

  CaseMapping case_mapping_;
  UCaseMap* case_map_;                  // owned; null without case mapping
  const icu::Normalizer2* normalizer_;  // ICU's singleton; null without normalization
  bool byte_level_;
  std::string cased_;
  std::string normalized_;
  std::string byte_level_form_;
};

}  // namespace vocabcount::internal
