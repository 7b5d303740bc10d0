// Cutting a stream into work units at line ends only (for JSON Lines): every
// byte once, in order, no line split, line numbers carried, over-long lines
// reported by number.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstring>
#include <string>
#include <vector>

#include "input/chunk_reader.h"
#include "support/trickle.h"

namespace vocabcount::internal {
namespace {

using testing::Trickle;

struct Piece {
  std::uint64_t offset;
  std::uint64_t first_line;
  std::string data;
};

std::vector<Piece> ReadAll(ChunkReader& reader) {
  std::vector<Piece> pieces;
  InputPiece piece;
  while (reader.Next(piece)) {
    pieces.push_back(Piece{piece.offset, piece.first_line, std::string(piece.data)});
  }
  return pieces;
}

TEST_CASE("Line cuts: units are whole lines and carry their first line number", "[chunk_reader]") {
  const std::string text =
      "{\"text\":\"alpha beta\"}\n\n{\"text\": \"gamma delta\"}\r\n   "
      "\n{\"t\":1}\n{\"text\":\"end\"}";
  for (std::size_t chunk : {1, 2, 5, 23, 24, 25, 1000}) {
    for (std::size_t step : {1, 3, 1 << 20}) {
      INFO("chunk " << chunk << ", read step " << step);
      ChunkReader reader(Trickle(text, step), chunk);
      reader.CutAtLineEnds();
      const std::vector<Piece> pieces = ReadAll(reader);
      REQUIRE(reader.error().empty());
      std::string joined;
      for (std::size_t i = 0; i < pieces.size(); ++i) {
        CHECK(pieces[i].offset == joined.size());
        CHECK(pieces[i].first_line ==
              static_cast<std::uint64_t>(std::count(joined.begin(), joined.end(), '\n')));
        joined += pieces[i].data;
        if (i + 1 < pieces.size()) {
          CHECK(pieces[i].data.size() >= chunk);
          CHECK(pieces[i].data.back() == '\n');
        }
      }
      CHECK(joined == text);
    }
  }
}

TEST_CASE("Line cuts: a space is not a cut", "[chunk_reader]") {
  // In the default mode this text would be cut after the first space.
  const std::string text = "{\"text\": \"a b c d e f g h\"}\n{\"text\": \"i j\"}\n";
  ChunkReader reader(Trickle(text, 4), 1);
  reader.CutAtLineEnds();
  const std::vector<Piece> pieces = ReadAll(reader);
  REQUIRE(pieces.size() == 2);
  CHECK(pieces[0].data == "{\"text\": \"a b c d e f g h\"}\n");
  CHECK(pieces[1].data == "{\"text\": \"i j\"}\n");
  CHECK(pieces[1].first_line == 1);
}

TEST_CASE("Line cuts: a unit that would pass the limit ends before its last line",
          "[chunk_reader]") {
  const std::string short_line = std::string(9, 's') + "\n";
  const std::string long_line = std::string(59, 'l') + "\n";
  const std::string text = short_line + long_line + short_line;
  // The first cut after 20 bytes is at 70, past the limit of 64: the short
  // line goes alone, and the long one fits a unit of its own.
  ChunkReader reader(Trickle(text, 7), 20, 64);
  reader.CutAtLineEnds();
  const std::vector<Piece> pieces = ReadAll(reader);
  REQUIRE(reader.error().empty());
  REQUIRE(pieces.size() == 3);
  CHECK(pieces[0].data == short_line);
  CHECK(pieces[1].data == long_line);
  CHECK(pieces[1].first_line == 1);
  CHECK(pieces[2].data == short_line);
  CHECK(pieces[2].first_line == 2);
}

TEST_CASE("Line cuts: a line longer than the limit is an error naming it", "[chunk_reader]") {
  const std::string text = "one\ntwo\n" + std::string(100, 'x') + "\nend\n";
  for (std::size_t chunk : {1, 6, 64}) {
    INFO("chunk " << chunk);
    ChunkReader reader(Trickle(text, 7), chunk, 64);
    reader.CutAtLineEnds();
    std::string joined;
    for (const Piece& piece : ReadAll(reader)) joined += piece.data;
    CHECK(joined == "one\ntwo\n");
    CHECK(reader.error() == "longer than 64 bytes, the limit for one line");
    CHECK(reader.error_line() == 3);
    CHECK_FALSE(reader.error_offset().has_value());
  }
  // The last line, without a line feed, too.
  const std::string last = "one\n" + std::string(100, 'y');
  ChunkReader reader(Trickle(last, 1000), 1, 64);
  reader.CutAtLineEnds();
  ReadAll(reader);
  CHECK(reader.error_line() == 2);
  // Under the limit, the same line is one unit.
  ChunkReader roomy(Trickle(text, 7), 1, 101);
  roomy.CutAtLineEnds();
  CHECK(ReadAll(roomy).size() == 4);
  CHECK(roomy.error().empty());
}

TEST_CASE("Line cuts: units may be read past their end by the padding", "[chunk_reader]") {
  // The padding is not filled, but it is allocated: an address sanitizer
  // would catch a read past it.
  const std::string text = "{\"a\":\"b\"}\n{\"c\":\"d\"}";
  for (std::uint64_t expected : {std::uint64_t{0}, std::uint64_t{text.size()}}) {
    ChunkReader reader(Trickle(text, 3), 1);
    reader.CutAtLineEnds();
    reader.ExpectBytes(expected);
    InputPiece piece;
    int units = 0;
    while (reader.Next(piece)) {
      char after[ChunkReader::kPaddingBytes];
      std::memcpy(after, piece.data.data() + piece.data.size(), sizeof after);
      ++units;
    }
    CHECK(units == 2);
    CHECK(reader.error().empty());
  }
}

}  // namespace
}  // namespace vocabcount::internal
