// Writing a string as a JSON string literal, for tests that make JSON Lines.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace vocabcount::testing {

// Quotes `text`, escaping what JSON requires: quotes, backslashes and
// control characters.
inline std::string JsonString(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char escape[8];
      std::snprintf(escape, sizeof escape, "\\u%04x", static_cast<unsigned>(c));
      out += escape;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

}  // namespace vocabcount::testing
