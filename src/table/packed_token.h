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
// `storage`. A long one keeps a pointer to its bytes in the first 8 bytes of
// `storage` and its last 8 bytes in the other 8, which tells most unequal
// long tokens apart without reading them. The words are read and written
// through memcpy, so a short token's view points into one byte array.
struct PackedToken {
  static constexpr std::size_t kInlineBytes = 16;

  alignas(8) char storage[kInlineBytes] = {};
  std::uint64_t size = 0;

  PackedToken() = default;
  PackedToken(std::uint64_t head, std::uint64_t tail, std::uint64_t bytes) : size(bytes) {
    std::memcpy(storage, &head, 8);
    std::memcpy(storage + 8, &tail, 8);
  }

  // The two words of `storage`: a short token's first and second 8 bytes, or
  // a long token's address and last 8 bytes.
  std::uint64_t head() const { return Load8(storage); }
  std::uint64_t tail() const { return Load8(storage + 8); }

  bool is_inline() const { return size <= kInlineBytes; }
  // Valid while the key lives and, for a long token, while the bytes it
  // points to do.
  std::string_view bytes() const {
    if (!is_inline()) return {reinterpret_cast<const char*>(head()), size};
    return {storage, size};
  }

  // Packs `token`; a long one keeps pointing to `token`'s bytes.
  [[gnu::always_inline]] static PackedToken Of(std::string_view token) {
    const char* p = token.data();
    const std::size_t n = token.size();
    if constexpr (std::endian::native != std::endian::little) return OfAnyEndian(token);
    // An empty token may point one past its buffer's last page: it takes
    // the path below (n - 1 wraps around).
    if (n - 1 < kInlineBytes && SixteenReadable(p)) {
      // Two loads and two masks, no branch on the size: the branches below
      // mispredict on text, where sizes vary from token to token.
      std::uint64_t first, second;
      LoadSixteen(p, first, second);
      return {first & LowBytes(n), second & LowBytes(n > 8 ? n - 8 : 0), n};
    }
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
    if (token.size() > kInlineBytes) {
      return {reinterpret_cast<std::uint64_t>(token.data()), Load8(token.data() + token.size() - 8),
              token.size()};
    }
    PackedToken key;
    key.size = token.size();
    std::memcpy(key.storage, token.data(), token.size());
    return key;
  }

  // Whether 16 bytes from `p` lie in one page. Reading there cannot fault,
  // even past the end of the token's buffer: memory is mapped by whole pages.
  // 4 KiB is the smallest page size; larger pages end at multiples of it.
  static bool SixteenReadable(const char* p) {
    constexpr std::uintptr_t kPageBytes = 4096;
    return (reinterpret_cast<std::uintptr_t>(p) & (kPageBytes - 1)) <= kPageBytes - 16;
  }
  // Reads 16 bytes from `p`, which may run past the token's buffer (see
  // SixteenReadable): the bytes past the token are masked off, so neither
  // their values nor a concurrent write to them changes the key. The
  // sanitizers would report the read itself.
  __attribute__((no_sanitize("address", "thread"))) static void LoadSixteen(const char* p,
                                                                            std::uint64_t& first,
                                                                            std::uint64_t& second) {
    __builtin_memcpy(&first, p, 8);
    __builtin_memcpy(&second, p + 8, 8);
  }
  // A mask of the low `bytes` bytes, 0 to 8.
  static std::uint64_t LowBytes(std::size_t bytes) {
    return bytes >= 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * bytes)) - 1;
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

// A table slot holds a key and its value: the key stays three words.
static_assert(sizeof(PackedToken) == 24 && alignof(PackedToken) == 8);

struct PackedTokenHash {
  std::size_t operator()(const PackedToken& key) const {
    // Hashing three integers is inlined; hashing bytes is a library call.
    if (key.is_inline()) return absl::HashOf(key.head(), key.tail(), key.size);
    const std::string_view bytes = key.bytes();
    return absl::Hash<absl::string_view>{}(absl::string_view(bytes.data(), bytes.size()));
  }
};

struct PackedTokenEq {
  bool operator()(const PackedToken& a, const PackedToken& b) const {
    if (a.size != b.size || a.tail() != b.tail()) return false;
    if (a.is_inline()) return a.head() == b.head();
    return std::memcmp(reinterpret_cast<const char*>(a.head()),
                       reinterpret_cast<const char*>(b.head()), a.size) == 0;
  }
};

// A key with its hash, computed once for the partition, the prefetch and the
// lookup.
struct HashedToken {
  PackedToken key;
  std::size_t hash;

  // A long token's key points to `token`'s bytes.
  static HashedToken Of(std::string_view token) {
    const PackedToken key = PackedToken::Of(token);
    return {key, PackedTokenHash{}(key)};
  }
};

// Hash and equality for tables keyed by PackedToken that are also looked up
// by HashedToken, whose hash is not computed again.
struct CounterHash {
  using is_transparent = void;
  std::size_t operator()(const PackedToken& key) const { return PackedTokenHash{}(key); }
  std::size_t operator()(const HashedToken& token) const { return token.hash; }
};

struct CounterEq {
  using is_transparent = void;
  bool operator()(const PackedToken& a, const PackedToken& b) const {
    return PackedTokenEq{}(a, b);
  }
  bool operator()(const PackedToken& a, const HashedToken& b) const {
    return PackedTokenEq{}(a, b.key);
  }
  bool operator()(const HashedToken& a, const PackedToken& b) const {
    return PackedTokenEq{}(a.key, b);
  }
};

}  // namespace vocabcount::internal
