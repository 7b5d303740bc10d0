// vocabcount-icu-baseline: the word counter one writes with plain ICU, one
// thread, as the baseline bench/run.sh compares vocabcount's word mode with.
// Usage: vocabcount-icu-baseline FILE...   (writes token<TAB>count lines)
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/stringpiece.h>
#include <unicode/ubrk.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace {

// Reads the whole file: the baseline does the simple thing, not streaming.
bool ReadFile(const char* path, std::string& text) {
  std::FILE* file = std::fopen(path, "rb");
  if (file == nullptr) {
    std::fprintf(stderr, "vocabcount-icu-baseline: %s: %s\n", path, std::strerror(errno));
    return false;
  }
  text.clear();
  char buffer[1 << 16];
  size_t got;
  while ((got = std::fread(buffer, 1, sizeof buffer, file)) > 0) text.append(buffer, got);
  const bool failed = std::ferror(file) != 0;
  const int saved_errno = errno;
  std::fclose(file);
  if (failed) {
    std::fprintf(stderr, "vocabcount-icu-baseline: %s: read error: %s\n", path,
                 std::strerror(saved_errno));
  }
  return !failed;
}

}  // namespace

int main(int argc, char** argv) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> words(
      icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status)) {
    std::fprintf(stderr, "vocabcount-icu-baseline: no word break iterator: %s\n",
                 u_errorName(status));
    return 1;
  }

  std::unordered_map<std::string, std::uint64_t> counts;
  std::string bytes;
  std::string token;
  for (int i = 1; i < argc; ++i) {
    if (!ReadFile(argv[i], bytes)) return 1;
    // UnicodeString lengths are int32_t: a larger file cannot be held at all.
    if (bytes.size() > INT32_MAX) {
      std::fprintf(stderr, "vocabcount-icu-baseline: %s: too large for one UnicodeString\n",
                   argv[i]);
      return 1;
    }
    const icu::UnicodeString text =
        icu::UnicodeString::fromUTF8(icu::StringPiece(bytes.data(), static_cast<int32_t>(bytes.size())));
    words->setText(text);
    int32_t start = words->first();
    for (int32_t end = words->next(); end != icu::BreakIterator::DONE;
         start = end, end = words->next()) {
      // Statuses below UBRK_WORD_NONE_LIMIT are spaces, punctuation, symbols.
      if (words->getRuleStatus() < UBRK_WORD_NONE_LIMIT) continue;
      token.clear();
      text.tempSubStringBetween(start, end).toUTF8String(token);
      ++counts[token];
    }
  }

  // Count descending, then bytes ascending: std::string compares like memcmp.
  std::vector<std::pair<const std::string*, std::uint64_t>> sorted;
  sorted.reserve(counts.size());
  for (const auto& [key, count] : counts) sorted.emplace_back(&key, count);
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
    if (a.second != b.second) return a.second > b.second;
    return *a.first < *b.first;
  });
  std::string out;
  for (const auto& [key, count] : sorted) {
    out += *key;
    out += '\t';
    out += std::to_string(count);
    out += '\n';
    if (out.size() >= (1 << 20)) {
      if (std::fwrite(out.data(), 1, out.size(), stdout) != out.size()) break;
      out.clear();
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    std::fprintf(stderr, "vocabcount-icu-baseline: write error: %s\n", std::strerror(errno));
    return 1;
  }
  return 0;
}
