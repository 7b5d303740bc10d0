// Packed hash-map keys: every length packs to a key that gives the token's
// bytes back, and two keys are equal exactly when their tokens are.
#include "table/packed_token.h"

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "table/token_arena.h"

namespace vocabcount::internal {
namespace {

// The key a table stores for `token`: a long token's bytes copied into
// `arena`, as TokenTable does.
PackedToken StoredKey(std::string_view token, TokenArena& arena) {
  const PackedToken key = PackedToken::Of(token);
  return key.is_inline() ? key : PackedToken::Stored(arena.StoreKey(token), key);
}

// Random bytes, with zeros likely, so padding cannot pass for token bytes.
std::string RandomBytes(std::mt19937& random, std::size_t size) {
  std::string bytes(size, '\0');
  for (char& byte : bytes) byte = random() % 3 == 0 ? '\0' : static_cast<char>(random());
  return bytes;
}

TEST_CASE("A packed token gives its bytes back, at every length", "[packed_token]") {
  std::mt19937 random(11);
  TokenArena arena;
  for (std::size_t size = 0; size <= 40; ++size) {
    for (int round = 0; round < 200; ++round) {
      // Surround the token with other bytes: packing must not read them.
      const std::string framed =
          RandomBytes(random, 8) + RandomBytes(random, size) + RandomBytes(random, 8);
      const std::string_view token = std::string_view(framed).substr(8, size);
      INFO("size " << size);
      const PackedToken key = StoredKey(token, arena);
      REQUIRE(key.size() == size);
      REQUIRE(key.bytes() == token);
      const PackedToken portable = PackedToken::OfAnyEndian(token);
      REQUIRE(portable.words[1] == PackedToken::Of(token).words[1]);
      REQUIRE(PackedTokenHash{}(key) == PackedTokenHash{}(portable));
      // A key made from the token finds the stored one.
      REQUIRE(CounterEq{}(key, HashedToken::Of(token)));
    }
  }
}

TEST_CASE("A token that ends at the end of mapped memory packs without reading past it",
          "[packed_token]") {
  // A readable page followed by an unreadable one: packing a short token
  // reads 16 bytes at once only where they lie in one page.
  const long page = sysconf(_SC_PAGESIZE);
  void* mapped =
      mmap(nullptr, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  REQUIRE(mapped != MAP_FAILED);
  REQUIRE(mprotect(static_cast<char*>(mapped) + page, page, PROT_NONE) == 0);
  char* const end = static_cast<char*>(mapped) + page;
  std::mt19937 random(13);
  for (std::size_t size = 0; size <= 16; ++size) {
    for (std::size_t before_end = size; before_end <= 40; ++before_end) {
      const std::string bytes = RandomBytes(random, size);
      char* const start = end - before_end;
      std::copy(bytes.begin(), bytes.end(), start);
      const std::string_view token(start, size);
      const PackedToken key = PackedToken::Of(token);
      INFO("size " << size << ", " << before_end << " bytes before the end");
      if (key.is_inline()) CHECK(key.bytes() == bytes);
      // A long key points to its token: only the hash bits can match.
      if (key.is_inline()) CHECK(key.words[0] == PackedToken::OfAnyEndian(bytes).words[0]);
      CHECK(key.words[1] == PackedToken::OfAnyEndian(bytes).words[1]);
    }
  }
  munmap(mapped, 2 * page);
}

TEST_CASE("Packed tokens are equal exactly when their bytes are", "[packed_token]") {
  std::mt19937 random(12);
  TokenArena arena;
  std::vector<std::string> tokens;
  // Short alphabets and lengths around the inline limit make near misses:
  // same length, differing in one byte, or one token a prefix of another.
  for (int i = 0; i < 3000; ++i) {
    std::string token(random() % 20, 'a');
    for (char& byte : token) byte = "ab\0"[random() % 3];
    tokens.push_back(std::move(token));
  }
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const std::string& a = tokens[i];
    const std::string& b = tokens[(i * 7 + 1) % tokens.size()];
    const PackedToken key_a = StoredKey(a, arena);
    const PackedToken key_b = StoredKey(b, arena);
    INFO("'" << a << "' vs '" << b << "'");
    CHECK(PackedTokenEq{}(key_a, key_b) == (a == b));
    CHECK(CounterEq{}(key_a, HashedToken::Of(b)) == (a == b));
    if (a == b) CHECK(PackedTokenHash{}(key_a) == PackedTokenHash{}(key_b));
  }
}

}  // namespace
}  // namespace vocabcount::internal
