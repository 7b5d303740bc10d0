// Decoding a dictionary run, and cutting it into words.
#include "tokenize/dictionary_run.h"

#include <unicode/utf8.h>

namespace vocabcount::internal {

void DecodedRun::Decode(std::string_view run) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(run.data());
  const auto length = static_cast<std::int32_t>(run.size());
  code_points.clear();
  offsets.clear();
  for (std::int32_t i = 0; i < length;) {
    offsets.push_back(static_cast<std::uint32_t>(i));
    UChar32 c;
    U8_NEXT_UNSAFE(bytes, i, c);
    code_points.push_back(c);
  }
  offsets.push_back(static_cast<std::uint32_t>(length));
}

void DecodedRun::SplitAt(std::string_view run, const std::vector<std::int32_t>& cuts,
                         SpanSink word) const {
  std::uint32_t from = 0;
  for (std::int32_t cut : cuts) {
    const std::uint32_t at = offsets[static_cast<std::size_t>(cut)];
    if (at <= from || at >= run.size()) continue;
    word(run.substr(from, at - from));
    from = at;
  }
  word(run.substr(from));
}

}  // namespace vocabcount::internal
