// Stretches without a place to cut: forced cuts where the text alone says,
// units of bounded size, and flags on the units beside each forced cut.
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "input/chunk_reader.h"
#include "input/safe_cut.h"
#include "support/forced_cuts.h"
#include "support/trickle.h"

namespace vocabcount::internal {
namespace {

using testing::ExpectedForcedCuts;
using testing::Trickle;

struct Cuts {
  std::vector<std::uint64_t> forced;
  std::size_t longest_unit = 0;
};

Cuts ReadCuts(const std::string& text, std::size_t chunk, std::size_t step, std::size_t stretch) {
  ChunkReader reader(Trickle(text, step), chunk);
  reader.CutLongStretches(stretch);
  Cuts cuts;
  std::string joined;
  bool previous_forced_end = false;
  InputPiece piece;
  while (reader.Next(piece)) {
    CHECK(piece.offset == joined.size());
    CHECK(piece.forced_start == previous_forced_end);
    joined += piece.data;
    if (piece.forced_end) cuts.forced.push_back(joined.size());
    cuts.longest_unit = std::max(cuts.longest_unit, piece.data.size());
    previous_forced_end = piece.forced_end;
  }
  REQUIRE(reader.error().empty());
  CHECK(joined == text);
  CHECK_FALSE(previous_forced_end);
  return cuts;
}

// Letters, ill-formed bytes and characters of every length with no loose cut
// between them, broken now and then by the bytes that make one.
std::string RandomStretchyText(std::mt19937& random, int pieces) {
  static const std::string kPieces[] = {"x", "xxxxxxxxxxxxxxxxxxxxxxxxx", "é", "東京", "🇫🇷",
                                        "\xFF", "\x80\x80\x80\x80", ",", " ", "\n", "\t", "\0",
                                        "\t\xC3\xA9", " \xE6\x9D\xB1"};
  std::string text;
  for (int i = 0; i < pieces; ++i) {
    const std::size_t which = random() % std::size(kPieces);
    // Cut-making pieces are rarer, so that long stretches come up.
    if (which >= 8 && random() % 4 != 0) continue;
    text += which == 11 ? std::string(1, '\0') : kPieces[which];
  }
  return text;
}

TEST_CASE("Forced cuts fall where the text says, whatever the unit and read sizes",
          "[chunk_reader]") {
  std::mt19937 random(424242);
  for (int round = 0; round < 40; ++round) {
    const std::string text = RandomStretchyText(random, 400);
    for (std::size_t stretch : {4, 17, 64}) {
      const std::vector<std::uint64_t> expected = ExpectedForcedCuts(text, stretch);
      for (std::size_t chunk : {1, 2, 7, 50, 1000}) {
        for (std::size_t step : {1, 13, 1 << 20}) {
          INFO("round " << round << ", stretch " << stretch << ", chunk " << chunk << ", step "
                        << step);
          const Cuts cuts = ReadCuts(text, chunk, step, stretch);
          CHECK(cuts.forced == expected);
          CHECK(cuts.longest_unit <= chunk + stretch);
        }
      }
    }
  }
}

TEST_CASE("A token with no cut anywhere is cut every stretch, in bounded units",
          "[chunk_reader]") {
  const std::string text = "before " + std::string(10000, 'a') + " after";
  const Cuts cuts = ReadCuts(text, 100, 333, 1000);
  // Forced at 7 + 1000, 7 + 2000, ... up to the end of the token: the space
  // after it makes the next loose cut only one byte later.
  std::vector<std::uint64_t> expected;
  for (std::uint64_t at = 7 + 1000; at <= 7 + 10000; at += 1000) expected.push_back(at);
  CHECK(cuts.forced == expected);
  CHECK(cuts.longest_unit <= 1100);
}

TEST_CASE("Loose cuts end units where no safe cut comes", "[chunk_reader]") {
  // Tabs and controls but no space or line feed: no safe cut at all.
  std::string text;
  for (int i = 0; i < 5000; ++i) text += i % 2 == 0 ? "word\t" : "w\x01";
  const Cuts cuts = ReadCuts(text, 64, 1 << 20, 256);
  CHECK(cuts.forced.empty());
  CHECK(cuts.longest_unit <= 64 + 256);
}

TEST_CASE("Without CutLongStretches a stretch stays in one unit", "[chunk_reader]") {
  const std::string text = std::string(5000, 'a') + " b";
  ChunkReader reader(Trickle(text, 100), 10);
  InputPiece piece;
  REQUIRE(reader.Next(piece));
  CHECK(piece.data.size() == 5001);
  CHECK_FALSE(piece.forced_end);
}

}  // namespace
}  // namespace vocabcount::internal
