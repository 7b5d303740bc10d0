// Text with its ill-formed UTF-8 replaced by U+FFFD, as Python's
// bytes.decode("utf-8", errors="replace") reads it, and the way back from an
// offset in the repaired text to one in the original.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vocabcount::internal {

class RepairedUtf8 {
 public:
  // Replaces the repaired text with `text`, each maximal ill-formed subpart
  // (the part a decoder gives up on) as one U+FFFD.
  void Repair(std::string_view text);

  const std::string& text() const { return text_; }

  // The offset in the original text of byte `offset` of the repaired one
  // (within a replacement character: the start of the sequence it replaced).
  std::uint64_t OriginalOffset(std::uint64_t offset) const;
  // The offset in the repaired text of byte `offset` of the original one,
  // which must not be inside an ill-formed sequence.
  std::uint64_t RepairedOffset(std::uint64_t offset) const;

 private:
  std::string text_;
  // For each replacement, in order: where it starts in the repaired text
  // and in the original, and how long the original sequence was.
  struct Replacement {
    std::uint64_t repaired;
    std::uint64_t original;
    std::uint64_t bytes;
  };
  std::vector<Replacement> replacements_;
};

}  // namespace vocabcount::internal
