// How a problem or a warning reads on a terminal: "path: what", "path:offset: what" or
// "path: line N: what", with a path that cannot harm the terminal.
#include "vocabcount/problem.h"

#include <cstdint>
#include <string_view>

#include "vocabcount/count.h"

namespace vocabcount {
namespace {

// The length of the well-formed UTF-8 sequence at the start of `text` that is
// not a control character (C0, DEL or C1), or 0 when there is none.
std::size_t PrintableSequenceLength(std::string_view text) {
  const auto byte = [&](std::size_t i) { return static_cast<std::uint8_t>(text[i]); };
  const auto continuation = [&](std::size_t i, std::uint8_t low, std::uint8_t high) {
    return i < text.size() && byte(i) >= low && byte(i) <= high;
  };
  const std::uint8_t lead = byte(0);
  if (lead < 0x80) return lead >= 0x20 && lead != 0x7F ? 1 : 0;
  if (lead == 0xC2) return continuation(1, 0xA0, 0xBF) ? 2 : 0;  // C2 80..9F: C1 controls
  if (lead >= 0xC3 && lead <= 0xDF) return continuation(1, 0x80, 0xBF) ? 2 : 0;
  if (lead >= 0xE0 && lead <= 0xEF) {
    // No overlong forms (E0 80..9F) and no surrogates (ED A0..BF).
    const std::uint8_t low = lead == 0xE0 ? 0xA0 : 0x80;
    const std::uint8_t high = lead == 0xED ? 0x9F : 0xBF;
    return continuation(1, low, high) && continuation(2, 0x80, 0xBF) ? 3 : 0;
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    // No overlong forms (F0 80..8F) and nothing above U+10FFFF (F4 90..).
    const std::uint8_t low = lead == 0xF0 ? 0x90 : 0x80;
    const std::uint8_t high = lead == 0xF4 ? 0x8F : 0xBF;
    return continuation(1, low, high) && continuation(2, 0x80, 0xBF) && continuation(3, 0x80, 0xBF)
               ? 4
               : 0;
  }
  return 0;
}

// A file name may hold any byte but '/' and NUL: escape sequences could
// redraw the terminal, and a line feed would split the message. Such a name
// is shown in the shell's $'...' quoting, which bash, zsh and ksh read back
// as the same bytes; so is one that starts with "$'", so that every shown
// name means one name only.
std::string ShownPath(std::string_view path) {
  bool plain = !path.starts_with("$'");
  for (std::size_t i = 0; plain && i < path.size();) {
    const std::size_t length = PrintableSequenceLength(path.substr(i));
    plain = length > 0;
    i += length;
  }
  if (plain) return std::string(path);
  std::string shown = "$'";
  for (std::size_t i = 0; i < path.size();) {
    const char c = path[i];
    const std::size_t length = PrintableSequenceLength(path.substr(i));
    if (c == '\\' || c == '\'') {
      shown += '\\';
      shown += c;
    } else if (c == '\n') {
      shown += "\\n";
    } else if (c == '\t') {
      shown += "\\t";
    } else if (length > 0) {
      shown.append(path.substr(i, length));
      i += length;
      continue;
    } else {
      constexpr char kHex[] = "0123456789abcdef";
      const auto byte = static_cast<std::uint8_t>(c);
      shown += "\\x";
      shown += kHex[byte >> 4];
      shown += kHex[byte & 0xF];
    }
    ++i;
  }
  return shown + "'";
}

}  // namespace

std::string Problem::ToString() const {
  if (path.empty()) return what;  // a failure of the run, not of one input
  std::string text = path == "-" ? "<stdin>" : ShownPath(path);
  if (byte_offset) text += ":" + std::to_string(*byte_offset);
  text += ": ";
  if (line) text += "line " + std::to_string(*line) + ": ";
  text += what;
  return text;
}

std::string Warning::ToString() const {
  return Problem{.path = path, .byte_offset = byte_offset, .what = what, .line = line}.ToString();
}

}  // namespace vocabcount
