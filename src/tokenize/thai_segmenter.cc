// ICU's Thai dictionary engine over code points (see thai_segmenter.h). The
// control flow follows ICU's step by step, since its heuristics (which
// candidate a look-ahead settles on, where a resynchronization stops) decide
// the words; positions count code points, which for Thai are UTF-16 units.
#include "tokenize/thai_segmenter.h"

namespace vocabcount::internal {
namespace {

constexpr int kLookAhead = 3;
// A non-word is glued only to a preceding word shorter than this.
constexpr int kRootCombineThreshold = 3;
// ... and only when it shares less than this with a dictionary word's start.
constexpr int kPrefixCombineThreshold = 3;
// Runs of no more than this many characters stay whole.
constexpr int kMinWordSpan = 4;
constexpr UChar32 kPaiyannoi = 0x0E2F;  // elision mark
constexpr UChar32 kMaiyamok = 0x0E46;   // repetition mark

// ICU's sets for the engine, all within the Thai block U+0E00..U+0E7F.
bool IsThaiWordCharacter(UChar32 c) { return c >= 0x0E01 && c <= 0x0E4E; }  // Thai, LineBreak=SA
bool IsMark(UChar32 c) {
  // Thai combining marks in the engine's set, and the space ICU adds.
  return c == 0x0020 || c == 0x0E31 || (c >= 0x0E34 && c <= 0x0E3A) || (c >= 0x0E47 && c <= 0x0E4E);
}
bool CanEndWord(UChar32 c) {
  return IsThaiWordCharacter(c) && c != 0x0E31 && !(c >= 0x0E40 && c <= 0x0E44);
}
bool CanBeginWord(UChar32 c) { return (c >= 0x0E01 && c <= 0x0E2E) || (c >= 0x0E40 && c <= 0x0E44); }
bool IsSuffix(UChar32 c) { return c == kPaiyannoi || c == kMaiyamok; }

}  // namespace

ThaiSegmenter::ThaiSegmenter(const ThaiDictionary& dictionary)
    : dictionary_(dictionary), trie_(dictionary.trie()) {}

void ThaiSegmenter::Match(Candidates& words, int start) {
  const int end = static_cast<int>(run_.code_points.size());
  words.count = 0;
  int matched = 0;
  for (int k = start; k < end; ++k) {
    const std::int32_t byte = dictionary_.ByteOf(run_.code_points[static_cast<std::size_t>(k)]);
    const UStringTrieResult result =
        matched == 0 ? dictionary_.First(trie_, byte) : trie_.next(byte);
    ++matched;
    if (USTRINGTRIE_HAS_VALUE(result)) {
      if (words.count < Candidates::kMax) words.lengths[words.count++] = matched;
      if (result == USTRINGTRIE_FINAL_VALUE) break;
    } else if (result == USTRINGTRIE_NO_MATCH) {
      break;
    }
  }
  words.prefix = matched;
}

int ThaiSegmenter::FindCandidates(Candidates& words, int& position) {
  const int start = position;
  if (start != words.offset) {
    words.offset = start;
    Match(words, start);
  }
  if (words.count > 0) position = start + words.lengths[words.count - 1];
  words.current = words.count - 1;
  words.mark = words.current;
  return words.count;
}

void ThaiSegmenter::FindWordEnds() {
  cuts_.clear();
  const int end = static_cast<int>(run_.code_points.size());
  if (end <= kMinWordSpan) return;
  Candidates ring[kLookAhead];
  unsigned found = 0;  // words found so far, which picks the ring's slot
  auto slot = [&](unsigned ahead) -> Candidates& { return ring[(found + ahead) % kLookAhead]; };
  auto back_up = [](Candidates& words, int& position) {
    if (words.current <= 0) return false;
    position = words.offset + words.lengths[--words.current];
    return true;
  };
  int position = 0;
  while (position < end) {
    const int current = position;
    int word_length = 0;
    const int candidates = FindCandidates(slot(0), position);
    if (candidates > 1 && position < end) {
      // Prefer a word followed by two more; failing that, by one more.
      bool settled = false;
      do {
        if (FindCandidates(slot(1), position) > 0) {
          slot(0).mark = slot(0).current;
          if (position >= end) break;
          do {
            if (FindCandidates(slot(2), position) > 0) {
              slot(0).mark = slot(0).current;
              settled = true;
              break;
            }
          } while (back_up(slot(1), position));
          if (settled) break;
        }
      } while (back_up(slot(0), position));
    }
    if (candidates >= 1) {
      word_length = slot(0).lengths[slot(0).mark];
      position = current + word_length;
      ++found;
    }

    UChar32 next = 0;
    if (position < end && word_length < kRootCombineThreshold) {
      // No dictionary word follows: glue what follows to this word, up to a
      // likely word start that begins a dictionary word.
      if (FindCandidates(slot(0), position) <= 0 &&
          (word_length == 0 || slot(0).prefix < kPrefixCombineThreshold)) {
        int remaining = end - (current + word_length);
        int glued = 0;
        for (;;) {
          const UChar32 last = run_.code_points[static_cast<std::size_t>(position++)];
          ++glued;
          if (--remaining <= 0) break;
          next = run_.code_points[static_cast<std::size_t>(position)];
          if (CanEndWord(last) && CanBeginWord(next)) {
            const int found_next = FindCandidates(slot(1), position);
            position = current + word_length + glued;
            if (found_next > 0) break;
          }
        }
        if (word_length <= 0) ++found;
        word_length += glued;
      } else {
        position = current + word_length;
      }
    }

    // Never end a word before a combining mark.
    while (position < end && IsMark(run_.code_points[static_cast<std::size_t>(position)])) {
      ++position;
      ++word_length;
    }

    // A suffix mark joins the word when no dictionary word follows.
    if (position < end && word_length > 0) {
      if (FindCandidates(slot(0), position) <= 0 &&
          IsSuffix(next = run_.code_points[static_cast<std::size_t>(position)])) {
        if (next == kPaiyannoi && !IsSuffix(run_.code_points[static_cast<std::size_t>(position - 1)])) {
          ++position;
          ++word_length;
          // ICU reads the character after the run here when the run ends; it
          // is never MAIYAMOK, which would belong to the run.
          next = position < end ? run_.code_points[static_cast<std::size_t>(position)] : 0;
        }
        if (next == kMaiyamok && run_.code_points[static_cast<std::size_t>(position - 1)] != kMaiyamok) {
          ++position;
          ++word_length;
        }
      } else {
        position = current + word_length;
      }
    }
    if (word_length > 0) cuts_.push_back(current + word_length);
  }
  // The run's end is no cut of the engine's.
  if (!cuts_.empty() && cuts_.back() >= end) cuts_.pop_back();
}

void ThaiSegmenter::Segment(std::string_view run, SpanSink word) {
  run_.Decode(run);
  FindWordEnds();
  run_.SplitAt(run, cuts_, word);
}

}  // namespace vocabcount::internal
