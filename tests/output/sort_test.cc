// The output orders (count descending then token bytes; token bytes alone)
// and the filters, against plain std::sort references.
#include "output/sort.h"

#include "support/sorted_vocabulary.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstring>
#include <random>
#include <set>
#include <string>

namespace vocabcount::internal {
namespace {

Vocabulary Sample() {
  return {{"b", 2}, {"é", 5}, {"a", 2}, {"z", 5}, {"c", 1}, {"B", 2}, {"ab", 2}};
}

Vocabulary Sorted(const Vocabulary& entries, std::uint64_t min_count = 1, std::uint64_t top = 0,
                  int threads = 1, SortOrder order = SortOrder::kCount) {
  TokenCounter counter;
  for (const VocabularyEntry& entry : entries) counter.Add(entry.token, entry.count);
  return SortedVocabulary(counter, {min_count, top, order}, threads);
}

Vocabulary SortedByToken(const Vocabulary& entries, std::uint64_t min_count = 1,
                         std::uint64_t top = 0, int threads = 1) {
  return Sorted(entries, min_count, top, threads, SortOrder::kToken);
}

// What the order means, written plainly: filter, sort with ComesBefore, cut.
Vocabulary ReferenceSorted(Vocabulary entries, std::uint64_t min_count, std::uint64_t top) {
  std::erase_if(entries, [&](const VocabularyEntry& e) { return e.count < min_count; });
  std::sort(entries.begin(), entries.end(), ComesBefore);
  if (top > 0 && top < entries.size()) entries.resize(top);
  return entries;
}

// Token order written plainly: the same entries as above, by memcmp.
Vocabulary ReferenceSortedByToken(const Vocabulary& entries, std::uint64_t min_count,
                                  std::uint64_t top) {
  Vocabulary kept = ReferenceSorted(entries, min_count, top);
  std::sort(kept.begin(), kept.end(), [](const VocabularyEntry& a, const VocabularyEntry& b) {
    const int order =
        std::memcmp(a.token.data(), b.token.data(), std::min(a.token.size(), b.token.size()));
    return order != 0 ? order < 0 : a.token.size() < b.token.size();
  });
  return kept;
}

// Tokens that share prefixes, long and short, with bytes above 0x7F and NULs
// (which equal the zero padding of a shorter token), distinct, with few
// counts so that many ties are settled by the bytes.
Vocabulary TrickyEntries(unsigned seed) {
  std::mt19937 random(seed);
  const std::string letters =
      std::string("aab\x01\x7f") + "\xc3\xa9" + "\xff" + std::string(1, '\0');
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
  CHECK(Sorted(Sample(), 2) ==
        Vocabulary{{"z", 5}, {"é", 5}, {"B", 2}, {"a", 2}, {"ab", 2}, {"b", 2}});
  CHECK(Sorted(Sample(), 1, 3) == Vocabulary{{"z", 5}, {"é", 5}, {"B", 2}});
  CHECK(Sorted(Sample(), 3, 10) == Vocabulary{{"z", 5}, {"é", 5}});
}

TEST_CASE("Tokens that share their first bytes sort as plain byte strings do", "[sort]") {
  const Vocabulary entries = TrickyEntries(11);
  for (int threads : {1, 2}) {
    for (std::uint64_t top : {0, 1, 100}) {
      for (std::uint64_t min_count : {1, 2}) {
        INFO("threads " << threads << ", top " << top << ", min_count " << min_count);
        CHECK(Sorted(entries, min_count, top, threads) == ReferenceSorted(entries, min_count, top));
      }
    }
  }
}

TEST_CASE("Token order is memcmp order, a prefix first", "[sort]") {
  CHECK(SortedByToken(Sample()) ==
        Vocabulary{{"B", 2}, {"a", 2}, {"ab", 2}, {"b", 2}, {"c", 1}, {"z", 5}, {"é", 5}});
  CHECK(SortedByToken({}) == Vocabulary{});
}

TEST_CASE("Token order keeps the most frequent entries for top, then orders them by token",
          "[sort]") {
  // The 3 first in count order are z, é and B; then by token.
  CHECK(SortedByToken(Sample(), 1, 3) == Vocabulary{{"B", 2}, {"z", 5}, {"é", 5}});
  CHECK(SortedByToken(Sample(), 2) ==
        Vocabulary{{"B", 2}, {"a", 2}, {"ab", 2}, {"b", 2}, {"z", 5}, {"é", 5}});
  CHECK(SortedByToken(Sample(), 3, 10) == Vocabulary{{"z", 5}, {"é", 5}});
}

TEST_CASE("Token order matches a plain memcmp sort on tricky tokens", "[sort]") {
  for (unsigned seed : {5u, 17u}) {
    const Vocabulary entries = TrickyEntries(seed);
    for (int threads : {1, 2}) {
      for (std::uint64_t top : {0, 1, 100, 2999, 5000}) {
        for (std::uint64_t min_count : {1, 2}) {
          INFO("seed " << seed << ", threads " << threads << ", top " << top << ", min_count "
                       << min_count);
          CHECK(SortedByToken(entries, min_count, top, threads) ==
                ReferenceSortedByToken(entries, min_count, top));
        }
      }
    }
  }
}

TEST_CASE("A sort buffer references long tokens and copies short ones", "[sort]") {
  // The short tokens' storage is overwritten before sorting; the long ones'
  // must stay valid, as a counter's arena does.
  std::string short_token = "short";
  const std::string long_token = "a token longer than sixteen bytes";
  SortBuffer buffer(2);
  buffer.Add(short_token, 2);
  buffer.Add(long_token, 3);
  buffer.Add("rare", 1);  // below the minimum count
  short_token = "XXXXX";
  CHECK(buffer.size() == 2);
  CHECK(buffer.Sort(0, SortOrder::kToken, 1) == Vocabulary{{long_token, 3}, {"short", 2}});
  CHECK(buffer.size() == 0);
}

}  // namespace
}  // namespace vocabcount::internal
