// Token normalization with ICU: full case mapping (root locale) and Normalizer2.
#include "tokenize/normalize.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/ucasemap.h>

#include <algorithm>

#include "tokenize/byte_level.h"
#include "tokenize/icu_error.h"


namespace vocabcount::internal {
namespace {

bool IsAscii(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

bool IsAsciiCapital(char c) { return c >= 'A' && c <= 'Z'; }

}  // namespace

absl::StatusOr<TokenNormalizer> TokenNormalizer::Create(CaseMapping case_mapping,
                                                        Normalization normalization,
                                                        bool byte_level) {
  UErrorCode status = U_ZERO_ERROR;
  UCaseMap* case_map = nullptr;
  if (case_mapping != CaseMapping::kNone) {
    // The root locale: no Turkish dotless i or Lithuanian rules, as in Python.
    case_map = ucasemap_open("", U_FOLD_CASE_DEFAULT, &status);
    if (U_FAILURE(status)) return IcuError("cannot open case map", status);
  }
  const icu::Normalizer2* normalizer = nullptr;
  if (normalization == Normalization::kNfc) {
    normalizer = icu::Normalizer2::getNFCInstance(status);
  } else if (normalization == Normalization::kNfkc) {
    normalizer = icu::Normalizer2::getNFKCInstance(status);
  }
  if (U_FAILURE(status)) {
    ucasemap_close(case_map);
    return IcuError("cannot load normalization data", status);
  }
  return TokenNormalizer(case_mapping, case_map, normalizer, byte_level);
}

TokenNormalizer::TokenNormalizer(TokenNormalizer&& other) noexcept
    : case_mapping_(other.case_mapping_),
      case_map_(std::exchange(other.case_map_, nullptr)),
      normalizer_(other.normalizer_),
      byte_level_(other.byte_level_),
      cased_(std::move(other.cased_)),
      normalized_(std::move(other.normalized_)),
      byte_level_form_(std::move(other.byte_level_form_)) {}

TokenNormalizer::~TokenNormalizer() { ucasemap_close(case_map_); }

bool TokenNormalizer::Keeps(std::string_view token) const {
  // One pass: this runs on every token of an n-gram count.
  if (byte_level_) {
    return std::all_of(token.begin(), token.end(), [&](char c) {
      return c >= 0x21 && c <= 0x7E && !(IsAsciiCapital(c) && case_mapping_ != CaseMapping::kNone);
    });
  }
  return std::all_of(token.begin(), token.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x80 && !IsAsciiCapital(c);
  });
}

absl::StatusOr<std::string_view> TokenNormalizer::Apply(std::string_view token) {
  absl::StatusOr<std::string_view> result = MapCase(token);
  if (result.ok() && normalizer_ != nullptr) result = Normalize(*result);
  if (!result.ok() || !byte_level_ || IsOwnByteLevel(*result)) return result;
  byte_level_form_.clear();
  AppendByteLevel(*result, byte_level_form_);
  return std::string_view(byte_level_form_);
}

absl::StatusOr<std::string_view> TokenNormalizer::MapCase(std::string_view token) {
  if (case_mapping_ == CaseMapping::kNone) return token;
  // ASCII lowercases and folds to ASCII lowercase; most tokens take this path.
  if (IsAscii(token)) {
    cased_.assign(token);
    for (char& c : cased_) {
      if (IsAsciiCapital(c)) c = static_cast<char>(c - 'A' + 'a');
    }
    return std::string_view(cased_);
  }
  // Full case mapping may lengthen text (ß folds to ss): grow and retry.
  cased_.resize(std::max<std::size_t>(cased_.size(), token.size() * 3 + 16));
  for (;;) {
    UErrorCode status = U_ZERO_ERROR;
    const int32_t length =
        case_mapping_ == CaseMapping::kLower
            ? ucasemap_utf8ToLower(case_map_, cased_.data(), static_cast<int32_t>(cased_.size()),
                                   token.data(), static_cast<int32_t>(token.size()), &status)
            : ucasemap_utf8FoldCase(case_map_, cased_.data(), static_cast<int32_t>(cased_.size()),
                                    token.data(), static_cast<int32_t>(token.size()), &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
      cased_.resize(static_cast<std::size_t>(length));
      continue;
    }
    if (U_FAILURE(status)) return IcuError("cannot map case", status);
    return std::string_view(cased_.data(), static_cast<std::size_t>(length));
  }
}

absl::StatusOr<std::string_view> TokenNormalizer::Normalize(std::string_view token) {
  if (IsAscii(token)) return token;  // ASCII is in every normal form
  UErrorCode status = U_ZERO_ERROR;
  const icu::StringPiece piece(token.data(), static_cast<int32_t>(token.size()));
  if (normalizer_->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return token;
  normalized_.clear();
  icu::StringByteSink<std::string> sink(&normalized_);
  status = U_ZERO_ERROR;
  normalizer_->normalizeUTF8(0, piece, sink, nullptr, status);
  if (U_FAILURE(status)) return IcuError("cannot normalize", status);
  return std::string_view(normalized_);
}

}  // namespace vocabcount::internal
