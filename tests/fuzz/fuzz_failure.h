// How a fuzz target reports a broken invariant: what differs, then the input
// as hex (to paste into a regression file), then a trap that libFuzzer and
// the replay driver both treat as a crash.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace vocabcount::fuzzing {

// Prints `text` with its bytes outside printable ASCII as \xNN, so that
// tokens with controls or ill-formed bytes can be told apart in a report.
inline std::string Escaped(std::string_view text) {
  std::string out;
  for (unsigned char c : text) {
    if (c >= 0x20 && c < 0x7F && c != '\\') {
      out += static_cast<char>(c);
    } else {
      char escape[8];
      std::snprintf(escape, sizeof escape, "\\x%02x", c);
      out += escape;
    }
  }
  return out;
}

[[noreturn]] inline void Fail(std::string_view what, std::string_view input) {
  std::fprintf(stderr, "%.*s\non %zu bytes:", static_cast<int>(what.size()), what.data(),
               input.size());
  for (unsigned char byte : input) std::fprintf(stderr, " %02x", byte);
  std::fprintf(stderr, "\n");
  std::fflush(stderr);
  __builtin_trap();
}

}  // namespace vocabcount::fuzzing
