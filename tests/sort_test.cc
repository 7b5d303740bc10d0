// The output order (count descending, then token bytes) and the filters.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "sort.h"

namespace vocabcount::internal {
namespace {

Vocabulary Sample() {
  return {{"b", 2}, {"é", 5}, {"a", 2}, {"z", 5}, {"c", 1}, {"B", 2}, {"ab", 2}};
}

TEST_CASE("Entries sort by count descending, then by unsigned bytes", "[sort]") {
  Vocabulary entries = Sample();
  SortVocabulary(entries, 1, 0);
  // "z" (0x7A) sorts before "é" (0xC3 0xA9): bytes compare unsigned.
  CHECK(entries == Vocabulary{{"z", 5}, {"é", 5}, {"B", 2}, {"a", 2}, {"ab", 2}, {"b", 2}, {"c", 1}});
}

TEST_CASE("The order does not depend on the order of the entries", "[sort]") {
  Vocabulary sorted = Sample();
  SortVocabulary(sorted, 1, 0);
  std::mt19937 random(3);
  for (int i = 0; i < 20; ++i) {
    Vocabulary shuffled = Sample();
    std::shuffle(shuffled.begin(), shuffled.end(), random);
    SortVocabulary(shuffled, 1, 0);
    CHECK(shuffled == sorted);
  }
}

TEST_CASE("min_count drops rare entries and top keeps the first ones", "[sort]") {
  Vocabulary entries = Sample();
  SortVocabulary(entries, 2, 0);
  CHECK(entries == Vocabulary{{"z", 5}, {"é", 5}, {"B", 2}, {"a", 2}, {"ab", 2}, {"b", 2}});
  entries = Sample();
  SortVocabulary(entries, 1, 3);
  CHECK(entries == Vocabulary{{"z", 5}, {"é", 5}, {"B", 2}});
  entries = Sample();
  SortVocabulary(entries, 3, 10);
  CHECK(entries == Vocabulary{{"z", 5}, {"é", 5}});
}

}  // namespace
}  // namespace vocabcount::internal
