// One worker's token counts: a hash map that only its owner touches, whose
// keys are views into an arena the counter owns, each stored once, with the
// hash computed once per token.
#pragma once

#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/hash/hash.h"
#include "absl/strings/string_view.h"
#include "vocabcount/vocabulary.h"

namespace vocabcount::internal {

// A counted token: its bytes and their hash, so the map never rehashes keys
// and rejects most unequal keys on the hash alone.
struct HashedToken {
  std::string_view bytes;
  std::size_t hash;
};

struct HashedTokenHash {
  std::size_t operator()(const HashedToken& token) const { return token.hash; }
};

struct HashedTokenEq {
  bool operator()(const HashedToken& a, const HashedToken& b) const {
    return a.hash == b.hash && SameBytes(a.bytes, b.bytes);
  }

  // Most tokens are short: compare them in at most two 8-byte loads instead
  // of a call to memcmp.
  static bool SameBytes(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    const std::size_t n = a.size();
    if (n >= 8 && n <= 16) {
      return Load8(a.data()) == Load8(b.data()) && Load8(a.data() + n - 8) == Load8(b.data() + n - 8);
    }
    if (n < 8) {
      for (std::size_t i = 0; i < n; ++i) {
        if (a[i] != b[i]) return false;
      }
      return true;
    }
    return std::memcmp(a.data(), b.data(), n) == 0;
  }

  static std::uint64_t Load8(const char* p) {
    std::uint64_t word;
    std::memcpy(&word, p, sizeof word);
    return word;
  }
};

// Owns the bytes of stored tokens; views into it stay valid as it grows.
class TokenArena {
 public:
  std::string_view Store(std::string_view bytes);
  // Takes over `other`'s blocks, so views into them stay valid here.
  void Adopt(TokenArena&& other);

 private:
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* free_ = nullptr;
  std::size_t free_bytes_ = 0;
};

class TokenCounter {
 public:
  void Add(std::string_view token, std::uint64_t count = 1) {
    // Debian's Abseil has its own string_view type.
    const HashedToken key{token, absl::Hash<absl::string_view>{}(
                                     absl::string_view(token.data(), token.size()))};
    Add(key, count);
  }

  // Adds every count of `other` to this one and leaves `other` empty.
  void Absorb(TokenCounter&& other);

  std::size_t distinct() const { return counts_.size(); }
  std::uint64_t total() const { return total_; }

  // Copies the entries out, in no particular order, and empties the counter.
  Vocabulary TakeEntries();

 private:
  void Add(const HashedToken& key, std::uint64_t count) {
    // One probe: the key is copied into the arena only when it is new.
    auto slot = counts_.lazy_emplace(key, [&](const auto& construct) {
      construct(HashedToken{arena_.Store(key.bytes), key.hash}, 0);
    });
    slot->second += count;
    total_ += count;
  }

  absl::flat_hash_map<HashedToken, std::uint64_t, HashedTokenHash, HashedTokenEq> counts_;
  TokenArena arena_;
  std::uint64_t total_ = 0;
};

}  // namespace vocabcount::internal
