// Finding and opening ICU's dictionaries the way ICU's break engine factory
// does: the file name comes from the "dictionaries" table of ICU's
// break-iterator data, keyed by script; the file is kept open for the life
// of the process.
#include "tokenize/icu_dictionary.h"

#include <unicode/udata.h>
#include <unicode/ures.h>
#include <unicode/ustring.h>
#include <unicode/utypes.h>

#include <mutex>
#include <string>
#include <vector>

namespace vocabcount::internal {
namespace {

// The layout of ICU's dictionary files (DictionaryData in ICU's sources): a
// header of eight int32 values, of which these matter here.
constexpr int kTrieOffsetIndex = 0;
constexpr int kTrieTypeIndex = 4;
constexpr int kTransformIndex = 5;
constexpr std::int32_t kTrieTypeMask = 7;
constexpr std::int32_t kByteTrie = 0;
constexpr std::int32_t kUtf16Trie = 1;
constexpr std::int32_t kTransformTypeMask = 0x7F000000;
constexpr std::int32_t kTransformByOffset = 0x1000000;
constexpr std::int32_t kTransformOffsetMask = 0x1FFFFF;

// The header of the dictionary ICU loads for `script` (such as "Hani"), or
// nullptr. The file stays open for the life of the process, held in a list
// that is never destroyed, so that leak checkers, which run after static
// destructors, still see it in use.
const std::int32_t* OpenDictionary(const char* script) {
  static std::mutex mutex;
  static auto& open_files = *new std::vector<UDataMemory*>;
  UErrorCode status = U_ZERO_ERROR;
  UResourceBundle* root = ures_open(kBreakIteratorData, "", &status);
  UResourceBundle* table = ures_getByKey(root, "dictionaries", nullptr, &status);
  int32_t length = 0;
  const UChar* name = ures_getStringByKey(table, script, &length, &status);
  std::string file;
  if (U_SUCCESS(status)) {
    file.resize(static_cast<std::size_t>(length));
    u_UCharsToChars(name, file.data(), length);  // file names are invariant characters
  }
  ures_close(table);
  ures_close(root);
  if (file.empty()) return nullptr;
  const std::size_t dot = file.rfind('.');
  const std::string type = dot == std::string::npos ? "" : file.substr(dot + 1);
  file = file.substr(0, dot);
  UDataMemory* data = udata_open(kBreakIteratorData, type.c_str(), file.c_str(), &status);
  if (U_FAILURE(status)) return nullptr;
  std::lock_guard lock(mutex);
  open_files.push_back(data);
  return static_cast<const std::int32_t*>(udata_getMemory(data));
}

template <typename Char>
const Char* TrieOf(const std::int32_t* header) {
  return reinterpret_cast<const Char*>(reinterpret_cast<const char*>(header) +
                                       header[kTrieOffsetIndex]);
}

}  // namespace

CjkDictionary::~CjkDictionary() {
  for (auto& block : blocks_) delete block.load();
}

const CjkDictionary::FirstSteps* CjkDictionary::FillBlock(std::size_t index) const {
  auto* made = new FirstSteps;
  icu::UCharsTrie walker(trie_);
  for (std::size_t k = 0; k < 256; ++k) {
    made->results[k] = walker.first(static_cast<std::int32_t>(index << 8 | k));
    made->states[k] = walker.getState64();
  }
  const FirstSteps* expected = nullptr;
  if (!blocks_[index].compare_exchange_strong(expected, made, std::memory_order_acq_rel)) {
    delete made;  // another thread published the same block first
    return expected;
  }
  return made;
}

ThaiDictionary::ThaiDictionary(const char* trie, std::int32_t transform)
    : trie_(trie), transform_(transform) {
  icu::BytesTrie walker(trie_);
  for (std::int32_t byte = 0; byte < 0x100; ++byte) {
    first_results_[static_cast<std::size_t>(byte)] = walker.first(byte);
    first_states_[static_cast<std::size_t>(byte)] = walker.getState64();
  }
}

const CjkDictionary* CjkDictionary::Get() {
  static const CjkDictionary* const dictionary = []() -> const CjkDictionary* {
    const std::int32_t* header = OpenDictionary("Hani");
    if (header == nullptr || (header[kTrieTypeIndex] & kTrieTypeMask) != kUtf16Trie) return nullptr;
    return new CjkDictionary(TrieOf<char16_t>(header));
  }();
  return dictionary;
}

const ThaiDictionary* ThaiDictionary::Get() {
  static const ThaiDictionary* const dictionary = []() -> const ThaiDictionary* {
    const std::int32_t* header = OpenDictionary("Thai");
    if (header == nullptr || (header[kTrieTypeIndex] & kTrieTypeMask) != kByteTrie) return nullptr;
    return new ThaiDictionary(TrieOf<char>(header), header[kTransformIndex]);
  }();
  return dictionary;
}

std::int32_t ThaiDictionary::ByteOf(UChar32 c) const {
  if ((transform_ & kTransformTypeMask) != kTransformByOffset) return c;
  // ZWJ and ZWNJ have bytes of their own, at the top.
  if (c == 0x200D) return 0xFF;
  if (c == 0x200C) return 0xFE;
  const std::int32_t delta = c - (transform_ & kTransformOffsetMask);
  return delta < 0 || delta > 0xFD ? U_SENTINEL : delta;
}

}  // namespace vocabcount::internal
