// The output order (count descending, then token bytes) and the filters.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <set>
#include <string>

#include "sort.h"

namespace vocabcount::internal {
namespace {

Vocabulary Sample() {
  return {{"b", 2}, {"é", 5}, {"a", 2}, {"z", 5}, {"c", 1}, {"B", 2}, {"ab", 2}};
}

Vocabulary Sorted(const Vocabulary& entries, std::uint64_t min_count = 1, std::uint64_t top = 0,
                  int threads = 1) {
  TokenCounter counter;
  for (const VocabularyEntry& entry : entries) counter.Add(entry.token, entry.count);
  return SortedVocabulary(counter, min_count, top, threads);
}

// What the order means, written plainly: filter, sort with ComesBefore, cut.
Vocabulary ReferenceSorted(Vocabulary entries, std::uint64_t min_count, std::uint64_t top) {
  std::erase_if(entries, [&](const VocabularyEntry& e) { return e.count < min_count; });
  std::sort(entries.begin(), entries.end(), ComesBefore);
  if (top > 0 && top < entries.size()) entries.resize(top);
  return entries;
}

TEST_CASE("Entries sort by count descending, then by unsigned bytes", "[sort]") {
  // "z" (0x7A) sorts before "é" (0xC3 0xA9): bytes compare unsigned.
  CHECK(Sorted(Sample()) ==
        Vocabulary{{"z", 5}, {"é", 5}, {"B", 2}, {"a", 2}, {"ab", 2}, {"b", 2}, {"c", 1}});
}

TEST_CASE("The order does not depend on the order of the entries", "[sort]") {
  const Vocabulary sorted = Sorted(Sample());
  std::mt19937 random(3);
  for (int i = 0; i < 20; ++i) {
    Vocabulary shuffled = Sample();
    std::shuffle(shuffled.begin(), shuffled.end(), random);
    CHECK(Sorted(shuffled, 1, 0, 1 + i % 2) == sorted);
  }
}

TEST_CASE("min_count drops rare entries and top keeps the first ones", "[sort]") {
  CHECK(Sorted(Sample(), 2) == Vocabulary{{"z", 5}, {"é", 5}, {"B", 2}, {"a", 2}, {"ab", 2}, {"b", 2}});
  CHECK(Sorted(Sample(), 1, 3) == Vocabulary{{"z", 5}, {"é", 5}, {"B", 2}});
  CHECK(Sorted(Sample(), 3, 10) == Vocabulary{{"z", 5}, {"é", 5}});
}

TEST_CASE("Tokens that share their first bytes sort as plain byte strings do", "[sort]") {
  // Few counts and few letters, so that many ties on the count are settled
  // past the first 8 bytes, by a shorter token that is a prefix of a longer
  // one, by bytes at or above 0x80, or by NUL bytes, which equal the padding
  // of a shorter token.
  std::mt19937 random(11);
  const std::string letters = std::string("aab\x01\x7f") + "\xc3\xa9" + "\xff" + std::string(1, '\0');
  Vocabulary entries;
  std::set<std::string> seen;
  while (entries.size() < 3000) {
    std::string token = std::uniform_int_distribution<int>(0, 1)(random) ? "prefix__" : "";
    const int length = std::uniform_int_distribution<int>(1, 20)(random);
    for (int i = 0; i < length; ++i) {
      token += letters[std::uniform_int_distribution<std::size_t>(0, letters.size() - 1)(random)];
    }
    if (seen.insert(token).second) {
      entries.push_back({token, std::uniform_int_distribution<std::uint64_t>(1, 3)(random)});
    }
  }
  for (int threads : {1, 2}) {
    for (std::uint64_t top : {0, 1, 100}) {
      for (std::uint64_t min_count : {1, 2}) {
        INFO("threads " << threads << ", top " << top << ", min_count " << min_count);
        CHECK(Sorted(entries, min_count, top, threads) == ReferenceSorted(entries, min_count, top));
      }
    }
  }
}

}  // namespace
}  // namespace vocabcount::internal
