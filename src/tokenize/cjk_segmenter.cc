// The cheapest split of a kana/kanji run by dynamic programming over ICU's
// dictionary costs (see cjk_segmenter.h for the algorithm and why).
#include "tokenize/cjk_segmenter.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <limits>
#include <string>

#include "tokenize/icu_error.h"
#include "tokenize/word_class.h"

namespace vocabcount::internal {
namespace {

constexpr std::uint32_t kUnreached = std::numeric_limits<std::uint32_t>::max();
// The cost of one character the dictionary does not start a word with.
constexpr std::uint32_t kUnknownCharacterCost = 255;
// Dictionary words are looked up to this many UTF-16 units.
constexpr int kMaxWordUnits = 20;
// Katakana runs this long or longer get no cost of their own.
constexpr int kMaxKatakanaRun = 20;

// ICU's cost of a katakana run by its length in code points.
std::uint32_t KatakanaRunCost(int length) {
  static constexpr std::uint32_t kCosts[] = {8192, 984, 408, 240, 204, 252, 300, 372, 480};
  return length < static_cast<int>(std::size(kCosts)) ? kCosts[length] : 8192;
}

// The katakana of ICU's engine: its own ranges, not a Unicode property.
bool IsKatakana(UChar32 c) {
  return (c >= 0x30A1 && c <= 0x30FE && c != 0x30FB) || (c >= 0xFF66 && c <= 0xFF9F);
}

bool IsHangulSyllable(UChar32 c) { return c >= 0xAC00 && c <= 0xD7A3; }

}  // namespace

absl::StatusOr<const icu::Normalizer2*> CjkSegmenter::Nfkc() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) return IcuError("cannot load NFKC data", status);
  return nfkc;
}

CjkSegmenter::CjkSegmenter(const CjkDictionary& dictionary, const icu::Normalizer2& nfkc)
    : dictionary_(dictionary),
      nfkc_(nfkc),
      trie_(dictionary.trie()),
      second_steps_(1u << kSecondStepBits) {}

absl::Status CjkSegmenter::NormalizeLikeIcu() {
  const icu::Normalizer2& nfkc = nfkc_;
  const std::vector<UChar32>& original = run_.code_points;
  if (std::all_of(original.begin(), original.end(), KeepsNfkcInRun)) return absl::OkStatus();
  icu::UnicodeString text;
  for (UChar32 c : original) text.append(c);
  UErrorCode status = U_ZERO_ERROR;
  const bool normalized = nfkc.isNormalized(text, status);
  if (U_FAILURE(status)) return IcuError("cannot check normalization", status);
  if (normalized) return absl::OkStatus();
  // ICU normalizes fragments that start where NFKC has a boundary, and maps
  // every code point of a fragment's result to where the fragment began.
  normalized_.code_points.clear();
  normalized_.offsets.clear();
  const std::size_t count = original.size();
  for (std::size_t k = 0; k < count;) {
    const std::size_t fragment_start = k;
    icu::UnicodeString fragment(original[k++]);
    while (k < count && !nfkc.hasBoundaryBefore(original[k])) fragment.append(original[k++]);
    const icu::UnicodeString result = nfkc.normalize(fragment, status);
    for (int32_t u = 0; u < result.length(); u = result.moveIndex32(u, 1)) {
      normalized_.code_points.push_back(result.char32At(u));
      normalized_.offsets.push_back(run_.offsets[fragment_start]);
    }
  }
  if (U_FAILURE(status)) return IcuError("cannot normalize", status);
  normalized_.offsets.push_back(run_.offsets.back());
  std::swap(run_, normalized_);
  return absl::OkStatus();
}

UStringTrieResult CjkSegmenter::SecondStep(char16_t first, char16_t second) {
  const std::uint32_t pair = static_cast<std::uint32_t>(first) << 16 | second;
  // A multiplicative hash: neighbouring pairs spread over the table.
  SecondStepEntry& entry = second_steps_[(pair * 0x9E3779B1u) >> (32 - kSecondStepBits)];
  if (entry.pair == pair) {
    if (entry.result != USTRINGTRIE_NO_MATCH) trie_.resetToState64(entry.state);
    return entry.result;
  }
  const UStringTrieResult result = trie_.next(second);
  entry = {.pair = pair,
           .result = result,
           .state = result == USTRINGTRIE_NO_MATCH ? 0 : trie_.getState64()};
  return result;
}

void CjkSegmenter::FindCheapestSplit() {
  const std::int32_t count = static_cast<std::int32_t>(run_.code_points.size());
  cost_.assign(static_cast<std::size_t>(count) + 1, kUnreached);
  previous_.assign(static_cast<std::size_t>(count) + 1, -1);
  cost_[0] = 0;
  const UChar32* text = run_.code_points.data();
  std::uint32_t* cost = cost_.data();
  std::int32_t* previous = previous_.data();
  auto offer = [&](std::int32_t from, std::int32_t to, std::uint32_t piece_cost) {
    const std::uint32_t total = cost[from] + piece_cost;
    if (total < cost[to]) {
      cost[to] = total;
      previous[to] = from;
    }
  };
  bool previous_was_katakana = false;
  for (std::int32_t i = 0; i < count; ++i) {
    if (cost[i] == kUnreached) continue;
    // Dictionary words starting here. Like ICU, each code point goes to the
    // trie as one unit, so supplementary ones never match.
    bool one_character_word = false;
    int units = 0;
    for (std::int32_t j = i; j < count; ++j) {
      const UChar32 c = text[j];
      UStringTrieResult result;
      if (j == i) {
        result = c <= 0xFFFF ? dictionary_.First(trie_, static_cast<char16_t>(c)) : trie_.first(c);
      } else if (j == i + 1 && text[i] <= 0xFFFF && c <= 0xFFFF) {
        result = SecondStep(static_cast<char16_t>(text[i]), static_cast<char16_t>(c));
      } else {
        result = trie_.next(c);
      }
      units += U16_LENGTH(c);
      if (USTRINGTRIE_HAS_VALUE(result)) {
        one_character_word |= j == i;
        offer(i, j + 1, static_cast<std::uint32_t>(trie_.getValue()));
        if (result == USTRINGTRIE_FINAL_VALUE) break;
      } else if (result == USTRINGTRIE_NO_MATCH) {
        break;
      }
      if (units >= kMaxWordUnits) break;
    }
    if (!one_character_word && !IsHangulSyllable(text[i])) offer(i, i + 1, kUnknownCharacterCost);

    // A katakana run counts as one candidate word, from its first character.
    const bool katakana = IsKatakana(text[i]);
    if (katakana && !previous_was_katakana) {
      int run = 1;
      while (i + run < count && run < kMaxKatakanaRun && IsKatakana(text[i + run])) ++run;
      if (run < kMaxKatakanaRun) offer(i, i + run, KatakanaRunCost(run));
    }
    previous_was_katakana = katakana;
  }
}

absl::Status CjkSegmenter::Segment(std::string_view run, SpanSink word) {
  run_.Decode(run);
  const bool special =
      std::any_of(run_.code_points.begin(), run_.code_points.end(),
                  [](UChar32 c) { return ClassifyForWords(c) != WordClass::kKanaKanji; });
  if (run_.code_points.size() == 1) {
    // ICU's rules alone decide a lone character's status.
    if (!special || IsKanaKanjiWordAlone(run_.code_points[0])) word(run);
    return absl::OkStatus();
  }
  if (special) {
    if (absl::Status normalized = NormalizeLikeIcu(); !normalized.ok()) return normalized;
  }
  FindCheapestSplit();
  const std::size_t count = run_.code_points.size();
  cuts_.clear();
  if (cost_[count] != kUnreached) {
    for (std::int32_t k = previous_[count]; k > 0; k = previous_[static_cast<std::size_t>(k)]) {
      cuts_.push_back(k);
    }
  }
  std::reverse(cuts_.begin(), cuts_.end());
  run_.SplitAt(run, cuts_, word);
  return absl::OkStatus();
}

}  // namespace vocabcount::internal
