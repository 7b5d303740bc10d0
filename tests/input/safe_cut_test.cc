// Safe cut points: after a line feed, or between a space and printable ASCII.
#include <catch2/catch.hpp>

#include "input/safe_cut.h"

namespace vocabcount::internal {
namespace {

constexpr auto npos = std::string_view::npos;

TEST_CASE("A cut falls just after a line feed", "[safe_cut]") {
  CHECK(FindSafeCut("ab\ncd", 0) == 3);
  CHECK(FindSafeCut("ab\n", 0) == 3);  // the end, after a line feed
  CHECK(FindSafeCut("ab\ncd\nef", 4) == 6);
}

TEST_CASE("A cut falls between a space and printable ASCII", "[safe_cut]") {
  CHECK(FindSafeCut("ab cd", 0) == 3);
  CHECK(FindSafeCut("ab .d", 0) == 3);
  // Not before another space, a control, a non-ASCII byte, or the unknown
  // byte after the end.
  CHECK(FindSafeCut("ab  cd", 0) == 4);
  CHECK(FindSafeCut("ab \x01", 0) == npos);
  CHECK(FindSafeCut("ab \xC3\xA9", 0) == npos);
  CHECK(FindSafeCut("ab ", 0) == npos);
}

TEST_CASE("No cut inside a token or at position zero", "[safe_cut]") {
  CHECK(FindSafeCut("abcdef", 0) == npos);
  CHECK(FindSafeCut("\nab", 0) == 1);
  CHECK(FindSafeCut("a\tb\rc", 0) == npos);
  CHECK(FindSafeCut("ab\ncd", 4) == npos);
}

}  // namespace
}  // namespace vocabcount::internal

namespace vocabcount::internal {
namespace {

TEST_CASE("The last safe cut before a position, above a floor", "[safe_cut]") {
  //                      0123456789
  const std::string_view text = "ab cd\nef g";
  CHECK(FindSafeCutBefore(text, 0, 10) == 9);  // before "g"
  CHECK(FindSafeCutBefore(text, 0, 8) == 6);   // after the line feed
  CHECK(FindSafeCutBefore(text, 0, 5) == 3);   // before "cd"
  CHECK(FindSafeCutBefore(text, 0, 2) == 0);   // none: the floor
  CHECK(FindSafeCutBefore(text, 4, 5) == 4);   // none above the floor
  // Agrees with the forward search everywhere.
  for (std::size_t p = 1; p <= text.size(); ++p) {
    const bool is_cut = FindSafeCut(text, p) == p;
    CHECK((FindSafeCutBefore(text, p - 1, p) == p) == is_cut);
  }
}

}  // namespace
}  // namespace vocabcount::internal
