// Where the chunk reader must force cuts in a text (ChunkReader::
// CutLongStretches), written out plainly from the rule, for the tests of the
// reader and of what counting does at such cuts.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "input/safe_cut.h"

namespace vocabcount::testing {

// The forced cuts of `text`, straight from the rule: from the start or a cut,
// walk to the next loose cut if one is within `stretch` bytes; if none is, a
// cut is forced `stretch` bytes on, moved back to a character start when one
// is within three bytes.
inline std::vector<std::uint64_t> ExpectedForcedCuts(std::string_view text, std::size_t stretch) {
  auto continues = [&](std::size_t p) { return (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80; };
  std::vector<std::uint64_t> cuts;
  std::size_t from = 0;
  while (from + stretch < text.size()) {
    std::size_t next = 0;
    for (std::size_t p = from + 1; p <= from + stretch && next == 0; ++p) {
      if (internal::IsLooseCut(text, p)) next = p;
    }
    if (next != 0) {
      from = next;
      continue;
    }
    std::size_t cut = from + stretch;
    while (cut > from + stretch - 3 && continues(cut)) --cut;
    if (continues(cut)) cut = from + stretch;
    cuts.push_back(cut);
    from = cut;
  }
  return cuts;
}

}  // namespace vocabcount::testing
