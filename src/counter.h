// One worker's token counts: a hash map that only its owner touches.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "vocabcount/vocabulary.h"

namespace vocabcount::internal {

class TokenCounter {
 public:
  // Looks the token up before inserting, so a known token costs no allocation.
  void Add(std::string_view token, std::uint64_t count = 1) {
    // Debian's Abseil has its own string_view type, which the map's
    // heterogeneous lookup expects.
    auto found = counts_.find(absl::string_view(token.data(), token.size()));
    if (found != counts_.end()) {
      found->second += count;
    } else {
      counts_.emplace(std::string(token), count);
    }
    total_ += count;
  }

  // Adds every count of `other` to this one and leaves `other` empty.
  void Absorb(TokenCounter&& other);

  std::size_t distinct() const { return counts_.size(); }
  std::uint64_t total() const { return total_; }

  // Moves the entries out, in no particular order; the counter is left empty.
  Vocabulary TakeEntries();

 private:
  absl::flat_hash_map<std::string, std::uint64_t> counts_;
  std::uint64_t total_ = 0;
};

}  // namespace vocabcount::internal
