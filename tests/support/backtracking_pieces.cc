// A backtracking regex engine over decoded code points, just big enough for
// the three pre-tokenizer patterns, which are written below as node trees that
// read like the regexes themselves.
#include "support/backtracking_pieces.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstddef>
#include <cstdint>
#include <utility>

#include "absl/functional/function_ref.h"

namespace vocabcount::testing {
namespace {

// What a character class can name. A code point has one general category
// bit at most, and any of the others besides.
enum Property : std::uint32_t {
  kLu = 1u << 0,
  kLl = 1u << 1,
  kLt = 1u << 2,
  kLm = 1u << 3,
  kLo = 1u << 4,
  kN = 1u << 5,      // Nd, Nl, No
  kM = 1u << 6,      // Mn, Mc, Me
  kWhite = 1u << 7,  // \s: Python's regex module takes White_Space
  kCr = 1u << 8,
  kLf = 1u << 9,
  kSlash = 1u << 10,
};
constexpr std::uint32_t kL = kLu | kLl | kLt | kLm | kLo;

std::uint32_t PropertiesOf(char32_t c) {
  std::uint32_t properties = 0;
  switch (u_charType(static_cast<UChar32>(c))) {
    case U_UPPERCASE_LETTER: properties = kLu; break;
    case U_LOWERCASE_LETTER: properties = kLl; break;
    case U_TITLECASE_LETTER: properties = kLt; break;
    case U_MODIFIER_LETTER: properties = kLm; break;
    case U_OTHER_LETTER: properties = kLo; break;
    case U_DECIMAL_DIGIT_NUMBER:
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER: properties = kN; break;
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_COMBINING_SPACING_MARK: properties = kM; break;
    default: break;
  }
  if (u_isUWhiteSpace(static_cast<UChar32>(c))) properties |= kWhite;
  if (c == '\r') properties |= kCr;
  if (c == '\n') properties |= kLf;
  if (c == '/') properties |= kSlash;
  return properties;
}

constexpr int kUnbounded = -1;

struct Node {
  enum class Kind { kChar, kClass, kSequence, kAlternation, kRepeat, kNotAhead };
  Kind kind;
  char32_t code = 0;             // kChar
  bool ignore_case = false;      // kChar
  std::uint32_t properties = 0;  // kClass: any of them (or, negated, none)
  bool negated = false;          // kClass
  std::vector<Node> children{};  // kSequence, kAlternation; one for kRepeat, kNotAhead
  int min = 0;                   // kRepeat
  int max = 0;                   // kRepeat, or kUnbounded
};

Node Char(char32_t code) { return {.kind = Node::Kind::kChar, .code = code}; }
Node AnyOf(std::uint32_t properties) {
  return {.kind = Node::Kind::kClass, .properties = properties};
}
Node NoneOf(std::uint32_t properties) {
  return {.kind = Node::Kind::kClass, .properties = properties, .negated = true};
}
Node Seq(std::vector<Node> nodes) {
  return {.kind = Node::Kind::kSequence, .children = std::move(nodes)};
}
Node Alt(std::vector<Node> nodes) {
  return {.kind = Node::Kind::kAlternation, .children = std::move(nodes)};
}
Node Repeat(Node node, int min, int max) {
  return {.kind = Node::Kind::kRepeat, .children = {std::move(node)}, .min = min, .max = max};
}
Node Opt(Node node) { return Repeat(std::move(node), 0, 1); }
Node Star(Node node) { return Repeat(std::move(node), 0, kUnbounded); }
Node Plus(Node node) { return Repeat(std::move(node), 1, kUnbounded); }
Node NotAhead(Node node) { return {.kind = Node::Kind::kNotAhead, .children = {std::move(node)}}; }

// ASCII text as a sequence of characters; with `ignore_case`, its letters
// match either case, as (?i:...) makes them.
Node Text(std::string_view ascii, bool ignore_case = false) {
  std::vector<Node> chars;
  for (const char c : ascii) {
    Node node = Char(static_cast<char32_t>(c));
    node.ignore_case = ignore_case;
    chars.push_back(std::move(node));
  }
  return Seq(std::move(chars));
}

// 's|'t|'re|'ve|'m|'ll|'d, or its (?i:...) form.
Node Contractions(bool ignore_case) {
  return Alt({Text("'s", ignore_case), Text("'t", ignore_case), Text("'re", ignore_case),
              Text("'ve", ignore_case), Text("'m", ignore_case), Text("'ll", ignore_case),
              Text("'d", ignore_case)});
}

// Python's regex module (version 0 behaviour) folds case simply: an ASCII
// letter matches its other case, and 's' also U+017F LONG S (checked over
// every code point for the contraction letters). Nothing else folds to them.
bool CharMatches(const Node& node, char32_t c) {
  if (c == node.code) return true;
  if (!node.ignore_case) return false;
  const char32_t code = node.code;
  if (code >= 'a' && code <= 'z') return c == code - 'a' + 'A' || (code == 's' && c == 0x17F);
  if (code >= 'A' && code <= 'Z') return c == code - 'A' + 'a' || (code == 'S' && c == 0x17F);
  return false;
}

bool MatchesOne(const Node& node, char32_t c) {
  if (node.kind == Node::Kind::kChar) return CharMatches(node, c);
  return ((PropertiesOf(c) & node.properties) != 0) != node.negated;
}

bool IsSingleCharacter(const Node& node) {
  return node.kind == Node::Kind::kChar || node.kind == Node::Kind::kClass;
}

using Continuation = absl::FunctionRef<bool(std::size_t)>;

// Matching in continuation-passing style: Match(node, at, next) tries every
// way `node` matches at `at`, in the order a backtracking engine tries them
// (alternatives left to right, repeats longest first), and calls `next` with
// where each ends, until `next` accepts one.
class Matcher {
 public:
  explicit Matcher(const std::u32string& text) : text_(text) {}

  bool Match(const Node& node, std::size_t at, Continuation next) const {
    switch (node.kind) {
      case Node::Kind::kChar:
      case Node::Kind::kClass:
        return at < text_.size() && MatchesOne(node, text_[at]) && next(at + 1);
      case Node::Kind::kSequence: return MatchSequence(node.children, 0, at, next);
      case Node::Kind::kAlternation:
        for (const Node& child : node.children) {
          if (Match(child, at, next)) return true;
        }
        return false;
      case Node::Kind::kRepeat:
        if (IsSingleCharacter(node.children[0])) return MatchCharacterRepeat(node, at, next);
        return MatchRepeat(node, 0, at, next);
      case Node::Kind::kNotAhead:
        if (Match(node.children[0], at, [](std::size_t) { return true; })) return false;
        return next(at);
    }
    return false;
  }

 private:
  bool MatchSequence(const std::vector<Node>& nodes, std::size_t i, std::size_t at,
                     Continuation next) const {
    if (i == nodes.size()) return next(at);
    return Match(nodes[i], at,
                 [&](std::size_t after) { return MatchSequence(nodes, i + 1, after, next); });
  }

  // The general greedy repeat: one more iteration first, then stopping. An
  // iteration that matched nothing ends the loop (none of these patterns has
  // one, but it keeps the engine from looping).
  bool MatchRepeat(const Node& node, int count, std::size_t at, Continuation next) const {
    if (node.max == kUnbounded || count < node.max) {
      const bool more = Match(node.children[0], at, [&](std::size_t after) {
        return (after != at || count < node.min) && MatchRepeat(node, count + 1, after, next);
      });
      if (more) return true;
    }
    return count >= node.min && next(at);
  }

  // The same for a repeat of one character, without recursing once per
  // character (runs may be thousands long): the iterations can only take the
  // characters in a row that match, so trying the longest run first and one
  // fewer each time is what MatchRepeat would do.
  bool MatchCharacterRepeat(const Node& node, std::size_t at, Continuation next) const {
    std::size_t count = 0;
    while (at + count < text_.size() &&
           (node.max == kUnbounded || count < static_cast<std::size_t>(node.max)) &&
           MatchesOne(node.children[0], text_[at + count])) {
      ++count;
    }
    for (std::size_t n = count + 1; n-- > static_cast<std::size_t>(node.min);) {
      if (next(at + n)) return true;
    }
    return false;
  }

  const std::u32string& text_;
};

// 's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+
Node Gpt2() {
  std::vector<Node> alternatives = Contractions(false).children;
  alternatives.push_back(Seq({Opt(Char(' ')), Plus(AnyOf(kL))}));
  alternatives.push_back(Seq({Opt(Char(' ')), Plus(AnyOf(kN))}));
  alternatives.push_back(Seq({Opt(Char(' ')), Plus(NoneOf(kWhite | kL | kN))}));
  alternatives.push_back(Seq({Plus(AnyOf(kWhite)), NotAhead(NoneOf(kWhite))}));
  alternatives.push_back(Plus(AnyOf(kWhite)));
  return Alt(std::move(alternatives));
}

// (?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}|
//  ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+
Node Cl100k() {
  return Alt({
      Contractions(true),
      Seq({Opt(NoneOf(kCr | kLf | kL | kN)), Plus(AnyOf(kL))}),
      Repeat(AnyOf(kN), 1, 3),
      Seq({Opt(Char(' ')), Plus(NoneOf(kWhite | kL | kN)), Star(AnyOf(kCr | kLf))}),
      Seq({Star(AnyOf(kWhite)), Plus(AnyOf(kCr | kLf))}),
      Seq({Plus(AnyOf(kWhite)), NotAhead(NoneOf(kWhite))}),
      Plus(AnyOf(kWhite)),
  });
}

// [^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?|
// [^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?|
// \p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+
Node O200k() {
  constexpr std::uint32_t kUpperish = kLu | kLt | kLm | kLo | kM;
  constexpr std::uint32_t kLowerish = kLl | kLm | kLo | kM;
  return Alt({
      Seq({Opt(NoneOf(kCr | kLf | kL | kN)), Star(AnyOf(kUpperish)), Plus(AnyOf(kLowerish)),
           Opt(Contractions(true))}),
      Seq({Opt(NoneOf(kCr | kLf | kL | kN)), Plus(AnyOf(kUpperish)), Star(AnyOf(kLowerish)),
           Opt(Contractions(true))}),
      Repeat(AnyOf(kN), 1, 3),
      Seq({Opt(Char(' ')), Plus(NoneOf(kWhite | kL | kN)), Star(AnyOf(kCr | kLf | kSlash))}),
      Seq({Star(AnyOf(kWhite)), Plus(AnyOf(kCr | kLf))}),
      Seq({Plus(AnyOf(kWhite)), NotAhead(NoneOf(kWhite))}),
      Plus(AnyOf(kWhite)),
  });
}

const Node& PatternNode(internal::PiecePattern pattern) {
  static const Node gpt2 = Gpt2();
  static const Node cl100k = Cl100k();
  static const Node o200k = O200k();
  switch (pattern) {
    case internal::PiecePattern::kGpt2: return gpt2;
    case internal::PiecePattern::kCl100k: return cl100k;
    case internal::PiecePattern::kO200k: return o200k;
  }
  return gpt2;
}

}  // namespace

std::vector<std::string> ReferencePieces(internal::PiecePattern pattern, std::string_view text) {
  // The code points, and the byte offset where each starts (and the end).
  std::u32string code_points;
  std::vector<std::size_t> offsets;
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int64_t>(text.size());
  for (std::int64_t i = 0; i < length;) {
    offsets.push_back(static_cast<std::size_t>(i));
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    code_points.push_back(c < 0 ? char32_t{0xFFFD} : static_cast<char32_t>(c));
  }
  offsets.push_back(text.size());

  // findall: a match at each place the last one ended; where none starts
  // (never, with these patterns), the search moves on a character.
  const Node& root = PatternNode(pattern);
  const Matcher matcher(code_points);
  std::vector<std::string> pieces;
  for (std::size_t at = 0; at < code_points.size();) {
    std::size_t end = at;
    const bool found = matcher.Match(root, at, [&](std::size_t after) {
      end = after;
      return true;
    });
    if (found) {
      pieces.emplace_back(text.substr(offsets[at], offsets[end] - offsets[at]));
    }
    at = end > at ? end : at + 1;
  }
  return pieces;
}

}  // namespace vocabcount::testing
