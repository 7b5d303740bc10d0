// ICU's word dictionaries (cjdict for Chinese and Japanese, thaidict, ...),
// opened from the ICU data in use through ICU's public API, so that the fast
// segmenters follow whatever ICU is installed; and the tables they keep hot.
#pragma once

#include <unicode/bytestrie.h>
#include <unicode/ucharstrie.h>
#include <unicode/udata.h>
#include <unicode/umachine.h>
#include <unicode/utypes.h>

#include <array>
#include <atomic>
#include <cstdint>

namespace vocabcount::internal {

// The tree of ICU's data that holds its break rules and dictionaries.
inline constexpr const char* kBreakIteratorData = U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "brkitr";

// cjdict: an icu::UCharsTrie of words in UTF-16, each with its cost.
class CjkDictionary {
 public:
  // The dictionary ICU's CJK break engine loads for Han, or nullptr when
  // ICU's data holds none in the expected form (then ICU segments that text).
  static const CjkDictionary* Get();

  explicit CjkDictionary(const char16_t* trie) : trie_(trie) {}
  ~CjkDictionary();

  const char16_t* trie() const { return trie_; }

  // Equivalent to trie.first(unit) for a UCharsTrie over trie(), from a
  // table: the trie's root is one wide branch, slow to search, and every
  // position of a run starts there. The table is filled a block of 256 units
  // at a time, on first use, so a text pays only for the blocks it meets.
  UStringTrieResult First(icu::UCharsTrie& trie, char16_t unit) const {
    const FirstSteps* block = blocks_[unit >> 8].load(std::memory_order_acquire);
    if (block == nullptr) [[unlikely]]
      block = FillBlock(unit >> 8);
    const UStringTrieResult result = block->results[unit & 0xFF];
    if (result != USTRINGTRIE_NO_MATCH) trie.resetToState64(block->states[unit & 0xFF]);
    return result;
  }

 private:
  struct FirstSteps {
    std::array<UStringTrieResult, 256> results;
    std::array<std::uint64_t, 256> states;  // the trie's state after each
  };
  const FirstSteps* FillBlock(std::size_t index) const;

  const char16_t* trie_;
  // Immutable once published; any thread may fill one (the same) first.
  mutable std::array<std::atomic<const FirstSteps*>, 256> blocks_{};
};

// thaidict: an icu::BytesTrie of words, each code point stored as one byte
// by an offset ICU's data gives.
class ThaiDictionary {
 public:
  // The dictionary ICU's Thai break engine loads, or nullptr (see above).
  static const ThaiDictionary* Get();

  ThaiDictionary(const char* trie, std::int32_t transform);

  const char* trie() const { return trie_; }

  // Equivalent to trie.first(byte) for a BytesTrie over trie(), from a table
  // (see CjkDictionary::First).
  UStringTrieResult First(icu::BytesTrie& trie, std::int32_t byte) const {
    if (byte < -0x100 || byte > 0xFF) return trie.first(byte);
    const auto index = static_cast<std::size_t>(byte & 0xFF);  // as BytesTrie reads it
    const UStringTrieResult result = first_results_[index];
    if (result != USTRINGTRIE_NO_MATCH) trie.resetToState64(first_states_[index]);
    return result;
  }

  // The byte a code point is looked up as, exactly as ICU computes it
  // (U_SENTINEL, -1, for code points the dictionary cannot hold).
  std::int32_t ByteOf(UChar32 c) const;

 private:
  const char* trie_;
  std::int32_t transform_;
  std::array<UStringTrieResult, 256> first_results_;  // by byte
  std::array<std::uint64_t, 256> first_states_;
};

}  // namespace vocabcount::internal
