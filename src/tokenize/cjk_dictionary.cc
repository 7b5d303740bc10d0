// Finding and opening cjdict the way ICU's break engine factory does: the
// file name comes from the "dictionaries" table of ICU's break-iterator data.
#include "tokenize/cjk_dictionary.h"

#include <unicode/ures.h>
#include <unicode/ustring.h>
#include <unicode/utypes.h>

#include <cstdint>
#include <string>

namespace vocabcount::internal {
namespace {

constexpr const char* kBreakIteratorData = U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "brkitr";

// The layout of ICU's dictionary files (DictionaryData in ICU's sources): a
// header of eight int32 values, of which these matter here.
constexpr int kTrieOffsetIndex = 0;
constexpr int kTrieTypeIndex = 4;
constexpr std::int32_t kTrieTypeMask = 7;
constexpr std::int32_t kTrieOfUtf16 = 1;

// "cjdict.dict" as the name and type udata_open takes, or empty.
std::pair<std::string, std::string> DictionaryFileName() {
  UErrorCode status = U_ZERO_ERROR;
  UResourceBundle* root = ures_open(kBreakIteratorData, "", &status);
  UResourceBundle* table = ures_getByKey(root, "dictionaries", nullptr, &status);
  int32_t length = 0;
  const UChar* name = ures_getStringByKey(table, "Hani", &length, &status);
  std::string file;
  if (U_SUCCESS(status)) {
    file.resize(static_cast<std::size_t>(length));
    u_UCharsToChars(name, file.data(), length);  // file names are invariant characters
  }
  ures_close(table);
  ures_close(root);
  const std::size_t dot = file.rfind('.');
  if (dot == std::string::npos) return {file, ""};
  return {file.substr(0, dot), file.substr(dot + 1)};
}

const CjkDictionary* Open() {
  const auto [name, type] = DictionaryFileName();
  if (name.empty()) return nullptr;
  UErrorCode status = U_ZERO_ERROR;
  UDataMemory* file = udata_open(kBreakIteratorData, type.c_str(), name.c_str(), &status);
  if (U_FAILURE(status)) return nullptr;
  const auto* bytes = static_cast<const std::uint8_t*>(udata_getMemory(file));
  const auto* header = reinterpret_cast<const std::int32_t*>(bytes);
  if ((header[kTrieTypeIndex] & kTrieTypeMask) != kTrieOfUtf16) {
    udata_close(file);
    return nullptr;
  }
  return new CjkDictionary(file, reinterpret_cast<const char16_t*>(bytes + header[kTrieOffsetIndex]));
}

}  // namespace

CjkDictionary::CjkDictionary(UDataMemory* file, const char16_t* trie)
    : file_(file), trie_(trie), first_results_(0x10000), first_states_(0x10000) {
  icu::UCharsTrie walker(trie_);
  for (std::int32_t unit = 0; unit < 0x10000; ++unit) {
    first_results_[static_cast<std::size_t>(unit)] = walker.first(unit);
    first_states_[static_cast<std::size_t>(unit)] = walker.getState64();
  }
}

const CjkDictionary* CjkDictionary::Get() {
  static const CjkDictionary* const dictionary = Open();
  return dictionary;
}

}  // namespace vocabcount::internal
