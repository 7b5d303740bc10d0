// Choosing pieces of stress text by weight (see text_pieces.h).
#include "support/text_pieces.h"

#include <unicode/utf8.h>

#include <cstddef>

namespace vocabcount::testing {
namespace {

// A number below `bound`, asking `choose` only when there is a choice: an
// input's bytes (or a random engine's numbers) go to decisions that matter.
std::uint32_t Pick(Choose choose, std::size_t bound) {
  return bound > 1 ? choose(static_cast<std::uint32_t>(bound)) : 0;
}

bool IsBreak(char32_t c) { return c <= 0x20 || c == 0x7F; }

// Whether any piece of this kind may hold an ASCII space or control.
bool MayBreak(const PieceKind& kind) {
  for (std::string_view word : kind.words) {
    for (unsigned char c : word) {
      if (IsBreak(c)) return true;
    }
  }
  for (char32_t c : kind.alphabet) {
    if (IsBreak(c)) return true;
  }
  for (const auto& [first, last] : kind.ranges) {
    if (first <= 0x20 || (first <= 0x7F && last >= 0x7F)) return true;
  }
  return false;
}

void AppendUtf8(char32_t c, std::string& out) {
  char bytes[U8_MAX_LENGTH];
  std::int32_t length = 0;
  U8_APPEND_UNSAFE(bytes, length, c);  // every kind holds only scalar values
  out.append(bytes, static_cast<std::size_t>(length));
}

char32_t ChooseCodePoint(Choose choose, const PieceKind& kind) {
  std::size_t total = kind.alphabet.size();
  for (const auto& [first, last] : kind.ranges) total += last - first + 1;
  std::uint32_t pick = Pick(choose, total);
  if (pick < kind.alphabet.size()) return kind.alphabet[pick];
  pick -= static_cast<std::uint32_t>(kind.alphabet.size());
  for (const auto& [first, last] : kind.ranges) {
    if (pick <= last - first) return first + pick;
    pick -= last - first + 1;
  }
  return kind.alphabet.empty() ? kind.ranges.front().first : kind.alphabet.front();
}

}  // namespace

PieceKind Words(int weight, std::vector<std::string_view> words, int min_count, int max_count) {
  return {weight, std::move(words), {}, {}, min_count, max_count};
}

PieceKind CodePoints(int weight, std::u32string_view alphabet, std::vector<CodePointRange> ranges,
                     int min_count, int max_count) {
  return {weight, {}, alphabet, std::move(ranges), min_count, max_count};
}

PieceMenu::PieceMenu(std::vector<PieceKind> kinds) : kinds_(std::move(kinds)) {
  for (const PieceKind& kind : kinds_) {
    const bool may_break = MayBreak(kind);
    may_break_.push_back(may_break);
    weight_ += static_cast<std::uint32_t>(kind.weight);
    if (!may_break) unbroken_weight_ += static_cast<std::uint32_t>(kind.weight);
  }
}

void PieceMenu::Append(Choose choose, bool with_breaks, std::string& text) const {
  std::uint32_t pick = Pick(choose, with_breaks ? weight_ : unbroken_weight_);
  for (std::size_t k = 0; k < kinds_.size(); ++k) {
    const PieceKind& kind = kinds_[k];
    if (!with_breaks && may_break_[k]) continue;
    if (pick >= static_cast<std::uint32_t>(kind.weight)) {
      pick -= static_cast<std::uint32_t>(kind.weight);
      continue;
    }
    const int count =
        kind.min_count + static_cast<int>(Pick(choose, kind.max_count - kind.min_count + 1));
    for (int i = 0; i < count; ++i) {
      if (kind.words.empty()) {
        AppendUtf8(ChooseCodePoint(choose, kind), text);
      } else {
        text += kind.words[Pick(choose, kind.words.size())];
      }
    }
    return;
  }
}

}  // namespace vocabcount::testing
