// One worker's token counts: a hash map that only its owner touches. Short
// tokens live in the map's keys; longer ones are stored once in an arena the
// counter owns.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "packed_token.h"
#include "vocabcount/vocabulary.h"

namespace vocabcount::internal {

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
    const PackedToken key = PackedToken::Of(token);
    // One probe: a long key is copied into the arena only when it is new.
    auto slot = counts_.lazy_emplace(key, [&](const auto& construct) {
      construct(key.is_inline() ? key : PackedToken::Of(arena_.Store(token)), 0);
    });
    slot->second += count;
    total_ += count;
  }

  // Adds every count of `other` to this one and leaves `other` empty.
  void Absorb(TokenCounter&& other);

  std::size_t distinct() const { return counts_.size(); }
  std::uint64_t total() const { return total_; }

  // Copies the entries out, in no particular order, and empties the counter.
  Vocabulary TakeEntries();

 private:
  absl::flat_hash_map<PackedToken, std::uint64_t, PackedTokenHash, PackedTokenEq> counts_;
  TokenArena arena_;
  std::uint64_t total_ = 0;
};

}  // namespace vocabcount::internal
