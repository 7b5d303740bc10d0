// Tokens too long to count: which a worker leaves out of a unit, and how many
// an input had, added up from its units in any order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string_view>

namespace vocabcount::internal {

// What one unit left out. Offsets are from the start of the unit's text.
struct UnitLongTokens {
  // Tokens over the limit that reach no forced cut.
  std::uint64_t tokens = 0;
  std::uint64_t first_offset = 0;
  // About the forced cuts at the unit's ends (ChunkReader::CutLongStretches):
  // whether there are any, whether a token reaches the one at the start, and the one at the end
  // (and where that token starts), and whether one token spans the unit.
  bool forced_start = false;
  bool forced_end = false;
  bool reaches_start = false;
  bool reaches_end = false;
  std::uint64_t end_token_offset = 0;
  bool spans_unit = false;
};

// Decides, token by token, what a worker counts in one unit.
class TokenFilter {
 public:
  // `text` is the unit's text, `forced_start` / `forced_end` whether it
  // starts or ends at a forced cut.
  TokenFilter(std::string_view text, std::size_t max_bytes, bool forced_start, bool forced_end)
      : text_(text),
        max_bytes_(max_bytes),
        forced_start_(forced_start),
        forced_end_(forced_end),
        forced_(forced_start || forced_end) {
    left_out_.forced_start = forced_start;
    left_out_.forced_end = forced_end;
  }

  // Whether `token`, a view into the text, is counted. It is not when it is
  // longer than the limit, or when it reaches a forced cut: that falls in a
  // stretch without a space or line break far longer than the limit, where
  // only a token longer than the limit can sit (or text such as Chinese with
  // no spaces at all, where the cut may split a word).
  bool Keep(std::string_view token) {
    if (token.size() <= max_bytes_ && !forced_) return true;
    const bool at_start = forced_start_ && token.data() == text_.data();
    const bool at_end = forced_end_ && token.data() + token.size() == text_.end();
    if (!at_start && !at_end) {
      if (token.size() <= max_bytes_) return true;
      if (left_out_.tokens++ == 0) left_out_.first_offset = OffsetOf(token);
      return false;
    }
    left_out_.reaches_start |= at_start;
    if (at_end) {
      left_out_.reaches_end = true;
      left_out_.end_token_offset = OffsetOf(token);
    }
    left_out_.spans_unit |= at_start && at_end;
    return false;
  }

  const UnitLongTokens& left_out() const { return left_out_; }

 private:
  std::uint64_t OffsetOf(std::string_view token) const {
    return static_cast<std::uint64_t>(token.data() - text_.data());
  }

  std::string_view text_;
  std::size_t max_bytes_;
  bool forced_start_;
  bool forced_end_;
  bool forced_;
  UnitLongTokens left_out_;
};

// The long tokens of one input. Each forced cut a token reaches counts as one
// token left out, except where the token that reaches it started at the
// forced cut before: the pieces of one long token count once.
class InputLongTokens {
 public:
  // Adds what the unit of `unit_bytes` at `unit_offset` left out.
  void Add(const UnitLongTokens& unit, std::uint64_t unit_offset, std::uint64_t unit_bytes);

  std::uint64_t tokens() const;
  // Forced cuts in the input, reached by a token or not.
  std::uint64_t forced_cuts() const { return forced_cuts_.size(); }
  // Where the first token left out starts; only when tokens() > 0.
  std::uint64_t first_offset() const;

 private:
  struct ForcedCut {
    bool reached_before = false;  // by the token that ends there
    bool reached_after = false;   // by the token that starts there
    bool continues = false;       // the token that ends there started at a forced cut
    std::uint64_t token_start = 0;
  };
  void NoteStart(std::uint64_t offset);

  std::uint64_t tokens_ = 0;  // away from forced cuts
  std::optional<std::uint64_t> first_offset_;
  std::map<std::uint64_t, ForcedCut> forced_cuts_;  // by offset
};

}  // namespace vocabcount::internal
