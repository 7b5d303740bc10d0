// Cutting a stream into work units: every byte once, in order, cuts only at
// safe points, units of at least the target size, read errors reported.
#include "input/chunk_reader.h"

#include <catch2/catch.hpp>
#include <cerrno>
#include <cstring>

#include "input/safe_cut.h"
#include "support/trickle.h"

namespace vocabcount::internal {
namespace {

using testing::Trickle;

struct Piece {
  std::uint64_t offset;
  std::string data;
};

// Copies the units out: each stays valid only while its block is owned.
std::vector<Piece> ReadAll(ChunkReader& reader) {
  std::vector<Piece> pieces;
  InputPiece piece;
  while (reader.Next(piece)) pieces.push_back(Piece{piece.offset, std::string(piece.data)});
  return pieces;
}

TEST_CASE("Units cover the input in order and end at safe cuts", "[chunk_reader]") {
  const std::string text = "alpha beta\ngamma  delta\n\nepsilon zeta eta theta\r\niota";
  for (std::size_t chunk : {1, 2, 5, 11, 1000}) {
    for (std::size_t step : {1, 3, 1 << 20}) {
      INFO("chunk " << chunk << ", read step " << step);
      ChunkReader reader(Trickle(text, step), chunk);
      const std::vector<Piece> pieces = ReadAll(reader);
      REQUIRE(reader.error().empty());
      std::string joined;
      for (std::size_t i = 0; i < pieces.size(); ++i) {
        CHECK(pieces[i].offset == joined.size());
        joined += pieces[i].data;
        if (i + 1 < pieces.size()) {
          CHECK(pieces[i].data.size() >= chunk);
          // The end of every unit but the last is a safe cut of the whole text.
          CHECK(FindSafeCut(text, joined.size()) == joined.size());
        }
      }
      CHECK(joined == text);
      CHECK(reader.bytes_read() == text.size());
    }
  }
}

TEST_CASE("A wrong expected size still reads every byte", "[chunk_reader]") {
  // A file may grow or shrink between the size check and the read.
  const std::string text = "alpha beta\ngamma  delta\n\nepsilon zeta eta theta\r\niota";
  for (std::uint64_t expected :
       {std::uint64_t{0}, std::uint64_t{5}, text.size() - 1, text.size(), text.size() + 100}) {
    for (std::size_t chunk : {3, 1000}) {
      INFO("expected " << expected << ", chunk " << chunk);
      ChunkReader reader(Trickle(text, 7), chunk);
      reader.ExpectBytes(expected);
      std::string joined;
      for (const Piece& piece : ReadAll(reader)) joined += piece.data;
      CHECK(reader.error().empty());
      CHECK(joined == text);
    }
  }
}

TEST_CASE("A shared pool does not reuse a block while a unit views it", "[chunk_reader]") {
  const std::string first = std::string(5000, 'a') + " " + std::string(5000, 'b');
  const std::string second = std::string(5000, 'c') + " " + std::string(5000, 'd');
  BlockPool pool = ChunkReader::PoolFor(100);
  std::vector<InputPiece> kept;
  {
    ChunkReader reader(Trickle(first, 1 << 20), 100, ChunkReader::kMaxUnitBytes, pool);
    InputPiece piece;
    while (reader.Next(piece)) kept.push_back(piece);
  }
  // Blocks released by the first reader are reused by the second one.
  ChunkReader reader(Trickle(second, 1 << 20), 100, ChunkReader::kMaxUnitBytes, pool);
  std::string joined_second;
  for (const Piece& piece : ReadAll(reader)) joined_second += piece.data;
  CHECK(joined_second == second);
  std::string joined_first;
  for (const InputPiece& piece : kept) joined_first += piece.data;
  CHECK(joined_first == first);
}

TEST_CASE("An input without safe cuts is one unit", "[chunk_reader]") {
  const std::string text(3 << 20, 'x');
  ChunkReader reader(Trickle(text, 4096), 1);
  const std::vector<Piece> pieces = ReadAll(reader);
  REQUIRE(pieces.size() == 1);
  CHECK(pieces[0].data == text);
}

TEST_CASE("An empty input has no units", "[chunk_reader]") {
  const std::string text;
  ChunkReader reader(Trickle(text, 10), 4);
  CHECK(ReadAll(reader).empty());
  CHECK(reader.error().empty());
}

TEST_CASE("A read error ends the stream and is kept", "[chunk_reader]") {
  int calls = 0;
  ChunkReader reader(
      [&calls](char* buffer, std::size_t) -> ssize_t {
        if (++calls == 1) {
          std::memcpy(buffer, "ab cd\n", 6);
          return 6;
        }
        errno = EIO;
        return -1;
      },
      1 << 20);
  ReadAll(reader);
  CHECK(reader.error() == "read error: Input/output error");
  CHECK(reader.error_offset() == 6);  // where the failed read would have started
}

TEST_CASE("A stretch without a safe cut longer than the limit is an error", "[chunk_reader]") {
  const std::string text = "short line\n" + std::string(100, 'x') + "\nend\n";
  ChunkReader reader(Trickle(text, 7), 1, 64);
  InputPiece piece;
  REQUIRE(reader.Next(piece));
  CHECK(piece.data == "short ");
  REQUIRE(reader.Next(piece));
  CHECK(piece.data == "line\n");
  CHECK_FALSE(reader.Next(piece));
  CHECK(reader.error().starts_with("no line break or space in "));
  CHECK(reader.error_offset() == 11);
  // Under the limit, the same stretch is one unit.
  ChunkReader roomy(Trickle(text, 7), 1, 101);
  CHECK(ReadAll(roomy).size() == 4);
  CHECK(roomy.error().empty());
}

}  // namespace
}  // namespace vocabcount::internal
