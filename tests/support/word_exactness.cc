// The two sides of a word exactness comparison, and the report of a difference.
#include "support/word_exactness.h"

#include <catch2/catch.hpp>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <sstream>

#include "support/engine_spans.h"
#include "tokenize/icu_word_iterator.h"

namespace vocabcount::testing {
namespace {

// A line of a large text is shown whole only up to this many bytes around
// the difference; a short text is always shown whole.
constexpr std::size_t kShownBytes = 240;

// Spans of `spans` that overlap [from, to).
Spans SpansWithin(const Spans& spans, std::size_t from, std::size_t to) {
  Spans within;
  for (const auto& span : spans) {
    if (span.first < to && span.first + span.second.size() > from) within.push_back(span);
  }
  return within;
}

}  // namespace

std::unique_ptr<internal::Tokenizer> NewWordTokenizer() {
  auto tokenizer = internal::MakeTokenizer(TokenizerKind::kWord);
  REQUIRE(tokenizer.ok());
  return std::move(*tokenizer);
}

std::unique_ptr<icu::BreakIterator> NewSettledIcuIterator() {
  auto settled = internal::NewSettledWordIterator();
  REQUIRE(settled.ok());
  return std::move(*settled);
}

Spans SettledIcuSpans(std::string_view text) {
  return IcuWordSpans(*NewSettledIcuIterator(), text);
}

Spans WordSpans(internal::Tokenizer& tokenizer, std::string_view text) {
  absl::Status status;
  Spans spans = EngineSpans(tokenizer, text, status);
  INFO(status.message());
  REQUIRE(status.ok());
  return spans;
}

std::string ShowSpans(const Spans& spans) {
  std::ostringstream out;
  for (const auto& [offset, token] : spans) out << offset << ":[" << token << "] ";
  return out.str();
}

std::string HexBytes(std::string_view bytes) {
  std::string hex;
  for (unsigned char byte : bytes) {
    char digits[4];
    std::snprintf(digits, sizeof digits, "%02x ", byte);
    hex += digits;
  }
  if (!hex.empty()) hex.pop_back();
  return hex;
}

void AppendUtf8(std::string& out, UChar32 c) {
  char buffer[4];
  int32_t length = 0;
  UBool error = false;
  U8_APPEND(buffer, length, 4, c, error);
  REQUIRE_FALSE(error);
  out.append(buffer, static_cast<std::size_t>(length));
}

std::string SpanDifference(std::string_view text, const Spans& icu, const Spans& engine) {
  if (icu == engine) return "";
  // The first span that differs, and the byte where it starts on either side.
  std::size_t k = 0;
  while (k < icu.size() && k < engine.size() && icu[k] == engine[k]) ++k;
  std::size_t at = text.size();
  if (k < icu.size()) at = icu[k].first;
  if (k < engine.size()) at = std::min(at, engine[k].first);
  // The line around it, cut to a readable window that still holds whole
  // spans at its edges where they are short.
  std::size_t from = text.rfind('\n', at == 0 ? 0 : at - 1);
  from = from == std::string_view::npos || at == 0 ? 0 : from + 1;
  std::size_t to = text.find('\n', at);
  to = to == std::string_view::npos ? text.size() : to + 1;
  if (text.size() > kShownBytes) {
    from = std::max(from, at > kShownBytes / 2 ? at - kShownBytes / 2 : 0);
    to = std::min(to, at + kShownBytes / 2);
  }
  std::ostringstream out;
  out << "first difference at byte " << at << " of " << text.size() << "\n";
  out << "bytes " << from << ".." << to << ": " << HexBytes(text.substr(from, to - from)) << "\n";
  std::string_view shown = text.substr(from, to - from);
  if (shown.ends_with('\n')) shown.remove_suffix(1);
  out << "text: " << shown << "\n";
  out << "ICU:    " << ShowSpans(SpansWithin(icu, from, to)) << "\n";
  out << "engine: " << ShowSpans(SpansWithin(engine, from, to));
  return out.str();
}

int ExactnessRounds(int default_rounds) {
  const char* rounds = std::getenv("VOCABCOUNT_EXACTNESS_ROUNDS");
  return rounds != nullptr ? std::atoi(rounds) : default_rounds;
}

std::mt19937_64 ExactnessRandom(std::uint64_t default_seed) {
  const char* seed = std::getenv("VOCABCOUNT_EXACTNESS_SEED");
  return std::mt19937_64(seed != nullptr ? std::strtoull(seed, nullptr, 10) : default_seed);
}

std::string DifferenceFromIcu(internal::Tokenizer& tokenizer, std::string_view text) {
  return SpanDifference(text, SettledIcuSpans(text), WordSpans(tokenizer, text));
}

}  // namespace vocabcount::testing
