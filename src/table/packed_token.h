// A token as a 16-byte hash-map key: up to 15 bytes are held in the key
// itself, so looking up a short token reads one table slot and nothing else;
// a longer one is held by reference, with 56 bits of its hash, so that the
// table rehashes it and tells it from others without reading its bytes.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "absl/hash/hash.h"
#include "absl/strings/string_view.h"

namespace vocabcount::internal {

// Two words, not a byte array, so that a key lives in registers: a byte array
// is built on the stack, and copying it with one 16-byte load just after two
// 8-byte stores stalls the load until the stores are done.
//
// Byte 15 of the key (in memory order) is its tag. A short token (up to
// kInlineBytes) is its bytes, zero-padded, with its size as the tag; a short
// token's view points into the words. A long one is a pointer to its bytes
// and, in the other 7 bytes of the second word, 56 bits of its hash, tagged
// kLongTag. A key made by Of() points to the token it was made from; a key
// stored in a table points into the table's arena, where the size precedes
// the bytes (TokenArena::StoreKey): only a stored key knows a long token's
// size and bytes.
struct PackedToken {
  static constexpr std::size_t kInlineBytes = 15;
  static constexpr std::uint64_t kLongTag = 0xFF;
  // Where the tag sits in the second word's value: byte 15 in memory.
  static constexpr int kTagShift = std::endian::native == std::endian::little ? 56 : 0;
  static constexpr std::uint64_t kTagMask = std::uint64_t{0xFF} << kTagShift;

  std::uint64_t words[2] = {};

  std::uint64_t tag() const { return (words[1] & kTagMask) >> kTagShift; }
  bool is_inline() const { return tag() != kLongTag; }
  // A short token's size, or a stored long one's.
  std::size_t size() const { return is_inline() ? tag() : StoredSize(LongBytes()); }
  // Valid while the key lives (a short token) or while the bytes it points
  // to do; for a long token, only for a stored key.
  std::string_view bytes() const {
    if (!is_inline()) return {LongBytes(), size()};
    return {reinterpret_cast<const char*>(words), static_cast<std::size_t>(tag())};
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
      return Short(first & LowBytes(n), second & LowBytes(n > 8 ? n - 8 : 0), n);
    }
    // Each case reads only the token's own bytes, with overlapping loads
    // shifted so that the bytes past the end come out as zeros.
    if (n > kInlineBytes) return Long(token);
    if (n > 8) return Short(Load8(p), Load8(p + n - 8) >> (8 * (16 - n)), n);
    if (n == 8) return Short(Load8(p), 0, n);
    if (n >= 4) return Short(Load4(p) | ((Load4(p + n - 4) >> (8 * (8 - n))) << 32), 0, n);
    if (n == 0) return {};
    // 1 to 3 bytes: first, middle and last cover them all.
    const std::uint64_t first = static_cast<unsigned char>(p[0]);
    const std::uint64_t middle = static_cast<unsigned char>(p[n / 2]);
    const std::uint64_t last = static_cast<unsigned char>(p[n - 1]);
    return Short(first | (middle << (8 * (n / 2))) | (last << (8 * (n - 1))), 0, n);
  }

  // The same key, by plain copies: for big-endian machines.
  static PackedToken OfAnyEndian(std::string_view token) {
    if (token.size() > kInlineBytes) return Long(token);
    PackedToken key;
    std::memcpy(key.words, token.data(), token.size());
    key.words[1] |= std::uint64_t{token.size()} << kTagShift;
    return key;
  }

  // The key of a long token whose bytes were stored at `stored` by
  // TokenArena::StoreKey, with the hash bits of `key`, made by Of() from the
  // same bytes.
  static PackedToken Stored(const char* stored, const PackedToken& key) {
    PackedToken result;
    result.words[0] = reinterpret_cast<std::uint64_t>(stored);
    result.words[1] = key.words[1];
    return result;
  }

  // The size TokenArena::StoreKey wrote before a long token's bytes.
  static std::size_t StoredSize(const char* bytes) {
    std::uint32_t size;
    std::memcpy(&size, bytes - sizeof size, sizeof size);
    return size;
  }

 private:
  static PackedToken Short(std::uint64_t first, std::uint64_t second, std::size_t n) {
    PackedToken key;
    key.words[0] = first;
    key.words[1] = second | (std::uint64_t{n} << kTagShift);
    return key;
  }
  static PackedToken Long(std::string_view token) {
    const std::uint64_t hash =
        absl::Hash<absl::string_view>{}(absl::string_view(token.data(), token.size()));
    PackedToken key;
    key.words[0] = reinterpret_cast<std::uint64_t>(token.data());
    key.words[1] = (hash & ~kTagMask) | (kLongTag << kTagShift);
    return key;
  }
  const char* LongBytes() const { return reinterpret_cast<const char*>(words[0]); }

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

// A table slot holds a key and its value: with a count, 24 bytes.
static_assert(sizeof(PackedToken) == 16 && alignof(PackedToken) == 8);

// A key's hash, from its two words alone: a long token's bytes were hashed
// once, when its key was made, and are not read again.
struct PackedTokenHash {
  std::size_t operator()(const PackedToken& key) const {
    if (key.is_inline()) return absl::HashOf(key.words[0], key.words[1]);
    return absl::HashOf(key.words[1]);
  }
};

// Equality of two keys whose bytes are known: short ones, or stored ones.
struct PackedTokenEq {
  bool operator()(const PackedToken& a, const PackedToken& b) const {
    if (a.words[1] != b.words[1]) return false;
    if (a.is_inline()) return a.words[0] == b.words[0];
    return a.bytes() == b.bytes();
  }
};

// A key with its hash, computed once for the partition, the prefetch and the
// lookup, and a long token's bytes.
struct HashedToken {
  PackedToken key;
  std::size_t hash = 0;
  // A long token's bytes, or null when `key` is a stored key, which knows
  // them. Unused for a short token.
  std::string_view token;

  // A long token's key points to `token`'s bytes.
  static HashedToken Of(std::string_view token) {
    const PackedToken key = PackedToken::Of(token);
    return {key, PackedTokenHash{}(key), token};
  }
  // A key stored in a table, with its hash.
  static HashedToken OfStored(const PackedToken& key) { return {key, PackedTokenHash{}(key), {}}; }

  std::string_view long_bytes() const { return token.data() != nullptr ? token : key.bytes(); }
};

// Hash and equality for tables keyed by stored PackedTokens that are also
// looked up by HashedToken, whose hash is not computed again.
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
    if (a.words[1] != b.key.words[1]) return false;
    if (a.is_inline()) return a.words[0] == b.key.words[0];
    return a.bytes() == b.long_bytes();
  }
  bool operator()(const HashedToken& a, const PackedToken& b) const { return (*this)(b, a); }
};

}  // namespace vocabcount::internal
