// Finding cut points that leave every token whole.
#include "input/safe_cut.h"

#include <algorithm>

namespace vocabcount::internal {

bool IsSafeCut(std::string_view text, std::size_t p) {
  const char before = text[p - 1];
  if (before == '\n') return true;
  if (before != ' ' || p == text.size()) return false;
  const unsigned char after = static_cast<unsigned char>(text[p]);
  return after > 0x20 && after < 0x7F;
}

std::size_t FindSafeCut(std::string_view text, std::size_t from) {
  for (std::size_t p = std::max<std::size_t>(from, 1); p <= text.size(); ++p) {
    if (IsSafeCut(text, p)) return p;
  }
  return std::string_view::npos;
}

std::size_t FindSafeCut(const CutRule& rule, std::string_view text, std::size_t from) {
  for (std::size_t p = std::max<std::size_t>(from, 1); p <= text.size(); ++p) {
    if (rule.is_safe(text, p)) return p;
  }
  return std::string_view::npos;
}

std::size_t FindLooseCutBefore(const CutRule& rule, std::string_view text, std::size_t floor,
                               std::size_t position) {
  for (std::size_t p = position; p > floor; --p) {
    if (rule.is_loose(text, p)) return p;
  }
  return floor;
}

std::size_t FindSafeCutBefore(std::string_view text, std::size_t floor, std::size_t position) {
  for (std::size_t p = position; p > floor; --p) {
    if (IsSafeCut(text, p)) return p;
  }
  return floor;
}

bool IsLooseCut(std::string_view text, std::size_t p) {
  const unsigned char before = static_cast<unsigned char>(text[p - 1]);
  const unsigned char after = static_cast<unsigned char>(text[p]);
  return before == '\n' || ((before <= 0x20 || before == 0x7F) && after < 0x80);
}

std::size_t FindLooseCutBefore(std::string_view text, std::size_t floor, std::size_t position) {
  for (std::size_t p = position; p > floor; --p) {
    if (IsLooseCut(text, p)) return p;
  }
  return floor;
}

}  // namespace vocabcount::internal
