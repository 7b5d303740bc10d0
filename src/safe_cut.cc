// Finding cut points that leave every token whole.
#include "safe_cut.h"

#include <algorithm>

namespace vocabcount::internal {

std::size_t FindSafeCut(std::string_view text, std::size_t from) {
  for (std::size_t p = std::max<std::size_t>(from, 1); p <= text.size(); ++p) {
    const char before = text[p - 1];
    if (before == '\n') return p;
    if (before == ' ' && p < text.size()) {
      const unsigned char after = static_cast<unsigned char>(text[p]);
      if (after > 0x20 && after < 0x7F) return p;
    }
  }
  return std::string_view::npos;
}

}  // namespace vocabcount::internal
