// ICU's dictionary of Chinese and Japanese words (cjdict), with the cost ICU
// gives each word, opened from the ICU data in use through ICU's public API,
// so the fast segmenter follows whatever ICU is installed.
#pragma once

#include <unicode/ucharstrie.h>
#include <unicode/udata.h>

#include <cstdint>
#include <vector>

namespace vocabcount::internal {

class CjkDictionary {
 public:
  // The dictionary ICU's CJK break engine loads for Han, or nullptr when
  // ICU's data holds none in the expected form (then ICU segments that text).
  static const CjkDictionary* Get();

  CjkDictionary(UDataMemory* file, const char16_t* trie);

  // The serialized icu::UCharsTrie: words as UTF-16, each with its cost.
  const char16_t* trie() const { return trie_; }

  // Equivalent to trie.first(unit) for a UCharsTrie over trie(), from a
  // table: the trie's root is one wide branch, slow to search, and every
  // position of a run starts there.
  UStringTrieResult First(icu::UCharsTrie& trie, char16_t unit) const {
    const UStringTrieResult result = first_results_[unit];
    if (result != USTRINGTRIE_NO_MATCH) trie.resetToState64(first_states_[unit]);
    return result;
  }

 private:
  UDataMemory* file_;  // kept open for the life of the process
  const char16_t* trie_;
  std::vector<UStringTrieResult> first_results_;  // by UTF-16 unit
  std::vector<std::uint64_t> first_states_;      // the trie's state after it
};

}  // namespace vocabcount::internal
