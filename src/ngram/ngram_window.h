// The n-grams of one work unit: tokens go in one by one, and each n-gram that
// ends at a token and starts in the same unit is counted. What lies at the
// unit's edges is kept for the n-grams across its cuts (see
// ngram_stitcher.h).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "table/counter.h"
#include "vocabcount/options.h"

namespace vocabcount::internal {

// N-grams counted, by order (index n for order n).
using NgramTally = std::array<std::uint64_t, Options::kMaxNgramOrder + 1>;

// What a unit leaves for the n-grams that cross its cuts: the tokens before
// its first sequence break and after its last one (at most ngram_max - 1 of
// each), and whether it holds a break at all. A break is a line end, a token
// left out as too long, or a forced cut at either end of the unit.
struct UnitNgrams {
  bool broken = false;
  std::vector<std::string> head;  // the first tokens, up to the first break
  std::vector<std::string> tail;  // the last tokens, after the last break
  NgramTally counted{};           // n-grams within the unit, by order
};

// Counts the n-grams of a unit into a worker's counter with
// TokenCounter::AddSoon: each n-gram is a view into the window's buffer, which
// moves only after the counter is settled, so lookups of many n-grams overlap
// and none is copied.
class NgramWindow {
 public:
  explicit NgramWindow(const Options& options);

  // Starts a unit; one that starts at a forced cut starts with a break.
  void StartUnit(bool broken);
  // Ends the current sequence: no n-gram spans this point.
  void Break();
  // Adds the next token and counts in `counter` every n-gram of the orders
  // asked for that ends with it.
  void Push(std::string_view token, TokenCounter& counter) {
    Append(token, counter);
    const std::string_view joined(bytes_);
    // The window holds at most max_order_ tokens.
    for (int order = min_order_; order <= tokens_; ++order) {
      ++edges_.counted[order];
      counter.AddSoon(joined.substr(starts_[tokens_ - order]));
    }
  }
  // How many n-grams a token may end: one per order asked for.
  std::size_t orders() const { return static_cast<std::size_t>(max_order_ - min_order_ + 1); }
  // Ends the unit (`counter` must be settled): its edges, and the tally,
  // which starts again at zero.
  UnitNgrams FinishUnit();

 private:
  void Append(std::string_view token, TokenCounter& counter);

  int min_order_;
  int max_order_;
  std::string separator_;
  // The current sequence's last tokens (at most max_order_), joined by the
  // separator from starts_[0]; bytes before that are dead. The buffer never
  // grows past its capacity while n-grams in it wait in the counter.
  std::string bytes_;
  std::array<std::size_t, Options::kMaxNgramOrder> starts_{};
  int tokens_ = 0;
  UnitNgrams edges_;
};

}  // namespace vocabcount::internal
