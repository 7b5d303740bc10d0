// Ill-formed UTF-8 detection. Most text is well-formed, which simdjson's
// vectorized validator confirms at memory speed; text that is not is scanned
// with ICU's decoder macros, so the sequences found are exactly those ICU's
// UTF-8 text access replaces with U+FFFD.
#include "input/utf8_scan.h"

#include <simdjson.h>
#include <unicode/utf8.h>

#include "base/ascii.h"

namespace vocabcount::internal {

Utf8Scan ScanUtf8(std::string_view text) {
  Utf8Scan scan;
  if (simdjson::validate_utf8(text.data(), text.size())) return scan;
  ForEachIllFormed(text, [&](std::size_t start, std::size_t) {
    if (scan.bad_sequences == 0) scan.first_bad_offset = start;
    ++scan.bad_sequences;
  });
  return scan;
}

void ForEachIllFormed(std::string_view text,
                      absl::FunctionRef<void(std::size_t start, std::size_t end)> on_ill_formed) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const std::int64_t length = static_cast<std::int64_t>(text.size());
  std::int64_t i = 0;
  while (i < length) {
    // Most text is ASCII: skip it eight bytes at a time.
    if (i + 8 <= length && EightBytesAreAscii(bytes + i)) {
      i += 8;
      continue;
    }
    if (bytes[i] < 0x80) {
      ++i;
      continue;
    }
    const std::int64_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) on_ill_formed(static_cast<std::size_t>(start), static_cast<std::size_t>(i));
  }
}

}  // namespace vocabcount::internal
