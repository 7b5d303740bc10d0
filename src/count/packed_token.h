// A token as a fixed-size hash-map key: up to 16 bytes are held in the key
// itself, so looking up a short token reads one table slot and nothing else.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "absl/hash/hash.h"
#include "absl/strings/string_view.h"

namespace vocabcount::internal {

// A short token (up to kInlineBytes) is stored as its bytes, zero-padded, in
// `head` and `tail`. A long one keeps a pointer to its bytes in `head` and its
// last 8 bytes in `tail`, which tells most unequal long tokens apart without
// reading them.
struct PackedToken {
  static constexpr std::size_t kInlineBytes = 16;

  std::uint64_t head = 0;
  std::uint64_t tail = 0;
  std::uint64_t size = 0;

  bool is_inline() const { return size <= kInlineBytes; }
  // Valid while the bytes a long token points to are.
  std::string_view bytes() const {
    if (!is_inline()) return {reinterpret_cast<const char*>(head), size};
    return {reinterpret_cast<const char*>(&head), size};
  }

  // Packs `token`; a long one keeps pointing to `token`'s bytes.
  static PackedToken Of(std::string_view token) {
    const char* p = token.data();
    const std::size_t n = token.size();
    if constexpr (std::endian::native != std::endian::little) return OfAnyEndian(token);
    // Each case reads only the token's own bytes, with overlapping loads
    // shifted so that the bytes past the end come out as zeros.
    if (n > kInlineBytes) return {reinterpret_cast<std::uint64_t>(p), Load8(p + n - 8), n};
    if (n > 8) return {Load8(p), Load8(p + n - 8) >> (8 * (16 - n)), n};
    if (n == 8) return {Load8(p), 0, n};
    if (n >= 4) return {Load4(p) | ((Load4(p + n - 4) >> (8 * (8 - n))) << 32), 0, n};
    if (n == 0) return {};
    // 1 to 3 bytes: first, middle and last cover them all.
    const std::uint64_t first = static_cast<unsigned char>(p[0]);
    const std::uint64_t middle = static_cast<unsigned char>(p[n / 2]);
    const std::uint64_t last = static_cast<unsigned char>(p[n - 1]);
    return {first | (middle << (8 * (n / 2))) | (last << (8 * (n - 1))), 0, n};
  }

  // The same key, by plain copies: for big-endian machines.
  static PackedToken OfAnyEndian(std::string_view token) {
    PackedToken key;
    key.size = token.size();
    if (key.is_inline()) {
      char bytes[kInlineBytes] = {};
      std::memcpy(bytes, token.data(), token.size());
      std::memcpy(&key.head, bytes, 8);
      std::memcpy(&key.tail, bytes + 8, 8);
    } else {
      key.head = reinterpret_cast<std::uint64_t>(token.data());
      key.tail = Load8(token.data() + token.size() - 8);
    }
    return key;
  }

  static std::uint64_t Load8(const char* p) {
    std::uint64_t word;
    std::memcpy(&word, p, sizeof word);
    return word;
  }
  static std::uint64_t Load4(const char* p) {
    std::uint32_t word;
    std::memcpy(&word, p, sizeof word);
    return word;
  }
};

struct PackedTokenHash {
  std::size_t operator()(const PackedToken& key) const {
    // Hashing three integers is inlined; hashing bytes is a library call.
    if (key.is_inline()) return absl::HashOf(key.head, key.tail, key.size);
    const std::string_view bytes = key.bytes();
    return absl::Hash<absl::string_view>{}(absl::string_view(bytes.data(), bytes.size()));
  }
};

struct PackedTokenEq {
  bool operator()(const PackedToken& a, const PackedToken& b) const {
    if (a.size != b.size || a.tail != b.tail) return false;
    if (a.is_inline()) return a.head == b.head;
    return std::memcmp(reinterpret_cast<const char*>(a.head), reinterpret_cast<const char*>(b.head),
                       a.size) == 0;
  }
};

}  // namespace vocabcount::internal
