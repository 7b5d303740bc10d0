// The n-grams of one work unit, and what it leaves at its edges.
#include "ngram/ngram_window.h"

#include <algorithm>
#include <utility>

namespace vocabcount::internal {
namespace {

// The buffer's first capacity: room for thousands of tokens between moves.
constexpr std::size_t kFirstCapacity = std::size_t{64} << 10;

}  // namespace

NgramWindow::NgramWindow(const Options& options)
    : min_order_(options.ngram_min),
      max_order_(options.ngram_max),
      separator_(options.ngram_separator) {
  bytes_.reserve(kFirstCapacity);
}

void NgramWindow::StartUnit(bool broken) {
  tokens_ = 0;
  bytes_.clear();
  edges_.broken = broken;
}

void NgramWindow::Break() {
  tokens_ = 0;
  edges_.broken = true;
}

void NgramWindow::Append(std::string_view token, TokenCounter& counter) {
  if (!edges_.broken && edges_.head.size() + 1 < static_cast<std::size_t>(max_order_)) {
    edges_.head.emplace_back(token);
  }
  if (tokens_ == max_order_) {
    std::copy(starts_.begin() + 1, starts_.begin() + tokens_, starts_.begin());
    --tokens_;
  }
  const std::size_t separator = tokens_ > 0 ? separator_.size() : 0;
  if (bytes_.size() + separator + token.size() > bytes_.capacity()) {
    // The n-grams waiting in the counter are views into the buffer: count
    // them before its bytes move. Then the dead bytes go, and the buffer
    // grows if the live ones and the token still do not fit.
    counter.Settle();
    const std::size_t dead = tokens_ > 0 ? starts_[0] : bytes_.size();
    bytes_.erase(0, dead);
    for (int i = 0; i < tokens_; ++i) starts_[i] -= dead;
    bytes_.reserve(std::max(bytes_.capacity(), 2 * (bytes_.size() + separator + token.size())));
  }
  if (separator > 0) bytes_ += separator_;
  starts_[tokens_++] = bytes_.size();
  bytes_ += token;
}

UnitNgrams NgramWindow::FinishUnit() {
  // The tail: the last tokens of the sequence the unit ends in.
  const int kept = std::min(tokens_, max_order_ - 1);
  for (int i = tokens_ - kept; i < tokens_; ++i) {
    const std::size_t end =
        i + 1 < tokens_ ? starts_[i + 1] - separator_.size() : bytes_.size();
    edges_.tail.emplace_back(std::string_view(bytes_).substr(starts_[i], end - starts_[i]));
  }
  UnitNgrams finished = std::move(edges_);
  edges_ = UnitNgrams{};
  return finished;
}

}  // namespace vocabcount::internal
