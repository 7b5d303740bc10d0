// Ill-formed UTF-8 detection, checked against ICU's own conversion to UTF-16.
#include <catch2/catch.hpp>

#include <random>

#include "input/utf8_scan.h"
#include "support/reference_counter.h"

namespace vocabcount::internal {
namespace {

TEST_CASE("Well-formed text has no ill-formed sequences", "[utf8]") {
  CHECK(ScanUtf8("plain ASCII text that is longer than eight bytes").bad_sequences == 0);
  CHECK(ScanUtf8("é 東京 👩‍💻 \xF4\x8F\xBF\xBF").bad_sequences == 0);  // up to U+10FFFF
}

TEST_CASE("Each maximal ill-formed subpart counts once", "[utf8]") {
  struct Case {
    std::string bytes;
    std::uint64_t first, count;
  };
  const Case cases[] = {
      {"ab\x80", 2, 1},                  // a lone continuation byte
      {"\xC0\xAF", 0, 2},                // an overlong form: two bad bytes
      {"x\xED\xA0\x80", 1, 3},           // a surrogate
      {"\xF5\xFF\xFE", 0, 3},            // bytes that never occur in UTF-8
      {"abcdefgh\xE2\x82", 8, 1},        // a sequence cut short at the end
      {"\xF0\x9F\x98z\xF0\x9F", 0, 2},   // cut short before ASCII, then at the end
      {"\xF4\x90\x80\x80", 0, 4},        // above U+10FFFF
  };
  for (const Case& c : cases) {
    INFO("bytes: " << c.bytes.size());
    const Utf8Scan scan = ScanUtf8(c.bytes);
    CHECK(scan.bad_sequences == c.count);
    CHECK(scan.first_bad_offset == c.first);
    CHECK(scan.bad_sequences == testing::ReferenceIllFormedSequences(c.bytes));
  }
}

TEST_CASE("Counts agree with ICU's conversion on random bytes", "[utf8]") {
  std::mt19937 random(20261123);
  const std::string pieces[] = {"a", " ", "\n", "é", "東", "👍", "\x80", "\xC3", "\xE2\x82",
                                "\xF0\x9F\x98", "\xFF", "\xED\xA0\x80", "\xC0\xAF"};
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const int length = static_cast<int>(random() % 40);
    for (int i = 0; i < length; ++i) text += pieces[random() % std::size(pieces)];
    INFO("round " << round);
    CHECK(ScanUtf8(text).bad_sequences == testing::ReferenceIllFormedSequences(text));
  }
}

}  // namespace
}  // namespace vocabcount::internal
