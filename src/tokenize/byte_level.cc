// GPT-2's byte-to-character table, as UTF-8 for each byte.
#include "tokenize/byte_level.h"

#include <algorithm>
#include <array>
#include <cstdint>

namespace vocabcount::internal {
namespace {

constexpr bool StandsForItself(int byte) {
  return (byte >= 0x21 && byte <= 0x7E) || (byte >= 0xA1 && byte <= 0xAC) ||
         (byte >= 0xAE && byte <= 0xFF);
}

struct Utf8Of {
  std::array<char, 2> bytes;
  std::uint8_t size;
};

// Every code point in the table is below U+0800: one or two bytes of UTF-8.
constexpr std::array<Utf8Of, 256> kTable = [] {
  std::array<Utf8Of, 256> table{};
  int next_extra = 0x100;
  for (int byte = 0; byte < 256; ++byte) {
    const int code = StandsForItself(byte) ? byte : next_extra++;
    if (code < 0x80) {
      table[byte] = {.bytes = {static_cast<char>(code), 0}, .size = 1};
    } else {
      table[byte] = {.bytes = {static_cast<char>(0xC0 | (code >> 6)),
                               static_cast<char>(0x80 | (code & 0x3F))},
                     .size = 2};
    }
  }
  return table;
}();

}  // namespace

void AppendByteLevel(std::string_view bytes, std::string& out) {
  for (const char c : bytes) {
    const Utf8Of& mapped = kTable[static_cast<unsigned char>(c)];
    out.append(mapped.bytes.data(), mapped.size);
  }
}

bool IsOwnByteLevel(std::string_view bytes) {
  return std::all_of(bytes.begin(), bytes.end(), [](char c) { return c >= 0x21 && c <= 0x7E; });
}

}  // namespace vocabcount::internal
