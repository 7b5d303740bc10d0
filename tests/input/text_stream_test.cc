// Reading text through TextStream: compressed inputs give back exactly the
// text they were made from, in any read sizes and across concatenated
// members; damaged ones are errors naming the format; plain text that only
// looks like the start of a magic number stays plain.
#include "input/text_stream.h"

#include <catch2/catch.hpp>
#include <cerrno>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "support/compress_support.h"

namespace vocabcount::internal {
namespace {

using testing::Compress;
using testing::GzipHeaderFields;
using testing::GzipWithHeader;
using testing::kCompressedFormats;

// Words, spaces, line breaks and some multi-byte UTF-8: text that compresses
// like text. `words` of them.
std::string RandomText(std::mt19937& random, int words) {
  static const char* const kPieces[] = {"the", "cat", "Straße", "γάτα", "кот", "猫", "a",
                                        "b",   "ab",  "1984",   "x-y",  "é",   "'s"};
  std::uniform_int_distribution<int> piece(0, static_cast<int>(std::size(kPieces)) - 1);
  std::uniform_int_distribution<int> separator(0, 9);
  std::string text;
  for (int i = 0; i < words; ++i) {
    text += kPieces[piece(random)];
    text += separator(random) == 0 ? "\n" : " ";
  }
  return text;
}

// Random letters: text that compresses poorly, so its compressed form spans
// many of the stream's input buffers.
std::string RandomLetters(std::mt19937& random, std::size_t bytes) {
  std::uniform_int_distribution<int> letter('a', 'z' + 1);
  std::string text(bytes, ' ');
  for (char& c : text) {
    const int drawn = letter(random);
    c = drawn > 'z' ? ' ' : static_cast<char>(drawn);
  }
  return text;
}

// A raw read over `stored` returning at most `step` bytes per call.
TextStream::RawRead Trickle(const std::string& stored, std::size_t step) {
  return [&stored, step, at = std::size_t{0}](char* buffer, std::size_t size) mutable {
    const std::size_t n = std::min({size, step, stored.size() - at});
    std::memcpy(buffer, stored.data() + at, n);
    at += n;
    return static_cast<ssize_t>(n);
  };
}

struct ReadResult {
  std::string text;
  bool ok = false;
  std::string error;
  std::string format;
  std::uint64_t stored_bytes = 0;
};

// Reads `stream` to its end or first error, `buffer_size` bytes at a time.
ReadResult ReadAll(TextStream stream, std::size_t buffer_size) {
  ReadResult result;
  std::vector<char> buffer(buffer_size);
  for (;;) {
    const ssize_t got = stream.Read(buffer.data(), buffer.size());
    if (got <= 0) {
      result.ok = got == 0;
      break;
    }
    REQUIRE(static_cast<std::size_t>(got) <= buffer_size);
    result.text.append(buffer.data(), static_cast<std::size_t>(got));
  }
  result.error = stream.error();
  result.format = stream.format();
  result.stored_bytes = stream.stored_bytes();
  return result;
}

ReadResult ReadStored(const std::string& stored, std::size_t buffer_size = 1 << 20,
                      std::size_t step = 1 << 20) {
  return ReadAll(TextStream(Trickle(stored, step)), buffer_size);
}

TEST_CASE("Each format reads back the text it was made from, in any read sizes", "[text_stream]") {
  std::mt19937 random(20261123);
  const std::string text = RandomText(random, 4000);
  for (const std::string& format : kCompressedFormats) {
    const std::string stored = Compress(format, text);
    for (std::size_t buffer_size : {1, 2, 7, 4096, 1 << 20}) {
      for (std::size_t step : {1, 5, 1 << 20}) {
        INFO(format << ", buffer " << buffer_size << ", raw read step " << step);
        const ReadResult result = ReadStored(stored, buffer_size, step);
        CHECK(result.ok);
        CHECK(result.error.empty());
        CHECK(result.format == format);
        CHECK(result.stored_bytes == stored.size());
        CHECK(result.text == text);
      }
    }
  }
}

TEST_CASE("A large compressed input spans many input buffers", "[text_stream]") {
  std::mt19937 random(7);
  const std::string text = RandomLetters(random, 3 << 20) + RandomText(random, 100000);
  for (const std::string& format : kCompressedFormats) {
    INFO(format);
    const std::string stored = Compress(format, text);
    REQUIRE(stored.size() > (1 << 20));
    const ReadResult result = ReadStored(stored, 100000, 65536);
    CHECK(result.ok);
    CHECK(result.text == text);
  }
}

TEST_CASE("Concatenated members, frames and streams are all read", "[text_stream]") {
  std::mt19937 random(11);
  for (const std::string& format : kCompressedFormats) {
    // An empty member in the middle, as `gzip </dev/null` makes.
    const std::vector<std::string> parts = {RandomText(random, 500), "", RandomText(random, 3),
                                            RandomText(random, 2000)};
    std::string stored;
    std::string text;
    for (const std::string& part : parts) {
      stored += Compress(format, part);
      text += part;
    }
    for (std::size_t buffer_size : {1, 3, 1 << 20}) {
      for (std::size_t step : {1, 1 << 20}) {
        INFO(format << ", buffer " << buffer_size << ", raw read step " << step);
        const ReadResult result = ReadStored(stored, buffer_size, step);
        CHECK(result.ok);
        CHECK(result.error.empty());
        CHECK(result.text == text);
      }
    }
  }
}

TEST_CASE("A truncated compressed input is an error naming the format", "[text_stream]") {
  std::mt19937 random(13);
  const std::string text = RandomText(random, 3000);
  for (const std::string& format : kCompressedFormats) {
    const std::string whole = Compress(format, text);
    const std::string second = Compress(format, "second member\n");
    // Cut after the magic number, in the middle, one byte short, and inside
    // a second member.
    const std::vector<std::string> cut = {
        whole.substr(0, TextStream::kMagicBytes), whole.substr(0, whole.size() / 2),
        whole.substr(0, whole.size() - 1), whole + second.substr(0, second.size() - 1)};
    for (const std::string& stored : cut) {
      for (std::size_t buffer_size : {1, 1 << 20}) {
        INFO(format << ": " << stored.size() << " of " << whole.size() << " bytes, buffer "
                    << buffer_size);
        const ReadResult result = ReadStored(stored, buffer_size);
        CHECK_FALSE(result.ok);
        CHECK(result.error == "truncated " + format + " data");
        // What was read before the cut is text of the input.
        CHECK(text.starts_with(result.text.substr(0, std::min(result.text.size(), text.size()))));
      }
    }
  }
}

TEST_CASE("Corrupt compressed data is an error naming the format", "[text_stream]") {
  std::mt19937 random(17);
  const std::string text = RandomText(random, 3000);
  for (const std::string& format : kCompressedFormats) {
    const std::string whole = Compress(format, text);
    // Bytes well inside the data, away from header fields that no check
    // covers (a gzip header's time stamp).
    for (std::size_t at : {whole.size() / 3, whole.size() / 2, whole.size() - 10}) {
      std::string stored = whole;
      stored[at] = static_cast<char>(stored[at] ^ 0x55);
      INFO(format << ": byte " << at << " of " << whole.size() << " flipped");
      const ReadResult result = ReadStored(stored);
      CHECK_FALSE(result.ok);
      // Damage may also make the data look cut short (a deflate block that
      // now ends later than the data).
      INFO(result.error);
      CHECK(((result.error.starts_with("corrupt " + format + " data: ") &&
              result.error.size() > ("corrupt " + format + " data: ").size()) ||
             result.error == "truncated " + format + " data"));
    }
    // Bytes after the last member that are no member at all.
    const ReadResult trailing = ReadStored(whole + "trailing text\n");
    INFO(format << " with trailing bytes: " << trailing.error);
    CHECK_FALSE(trailing.ok);
    CHECK(trailing.error.starts_with("corrupt " + format + " data: "));
    CHECK(trailing.text == text);
  }
}

TEST_CASE("A gzip header's optional fields are skipped in any read sizes", "[text_stream]") {
  std::mt19937 random(23);
  const std::string text = RandomText(random, 2000);
  // A name and an extra field longer than one raw read, so that the header
  // is read over several calls, each field cut at every place.
  const std::vector<GzipHeaderFields> headers = {
      {.extra = "ab"},
      {.name = "text.txt"},
      {.name = "text.txt", .comment = "a comment"},
      {.extra = std::string(300, 'x'), .name = std::string(700, 'n'), .header_crc = true},
      {.extra = "xy", .name = "t", .comment = std::string(200, 'c'), .header_crc = true}};
  for (const GzipHeaderFields& fields : headers) {
    // Also as a second member, which the decoder starts after the first.
    const std::string member = GzipWithHeader(text, fields);
    const std::string stored = member + member;
    for (std::size_t step : {1, 3, 64, 1 << 20}) {
      for (std::size_t buffer_size : {1, 4096}) {
        INFO("extra " << fields.extra.size() << ", name " << fields.name.size() << ", comment "
                      << fields.comment.size() << ", header CRC " << fields.header_crc
                      << ", raw read step " << step << ", buffer " << buffer_size);
        const ReadResult result = ReadStored(stored, buffer_size, step);
        CHECK(result.ok);
        CHECK(result.error.empty());
        CHECK(result.text == text + text);
      }
    }
  }
}

TEST_CASE("A gzip member may end anywhere around the end of the stream's input buffer",
          "[text_stream]") {
  // The stream reads kInputBytes of stored bytes at a time. An extra field
  // pads the first member to end a little before, at, or a little after that.
  constexpr std::size_t kInputBytes = TextStream::kInputBytes;
  std::mt19937 random(29);
  const std::string first = RandomLetters(random, 150000);
  const std::string second = RandomText(random, 500);
  const std::size_t unpadded = GzipWithHeader(first, {.extra = "x"}).size() - 1;
  REQUIRE(unpadded + 16 < kInputBytes);
  REQUIRE(kInputBytes + 16 - unpadded < 65536);  // the longest extra field
  for (std::size_t end = kInputBytes - 16; end <= kInputBytes + 16; ++end) {
    const std::string member = GzipWithHeader(first, {.extra = std::string(end - unpadded, 'p')});
    REQUIRE(member.size() == end);
    const std::string stored = member + Compress("gzip", second);
    for (std::size_t buffer_size : {4096, 1 << 20}) {
      INFO("first member of " << end << " bytes, buffer " << buffer_size);
      const ReadResult result = ReadStored(stored, buffer_size);
      CHECK(result.ok);
      CHECK(result.text == first + second);
    }
  }
}

TEST_CASE("A gzip member whose check values do not match is corrupt", "[text_stream]") {
  std::mt19937 random(31);
  const std::string text = RandomText(random, 3000);
  const std::string whole = Compress("gzip", text);
  // The trailer: CRC-32 of the text, then its length modulo 2^32.
  for (std::size_t from_end : {8, 5, 4, 1}) {
    std::string stored = whole;
    stored[whole.size() - from_end] ^= 0x01;
    for (std::size_t step : {1, 1 << 20}) {
      INFO("trailer byte " << 8 - from_end << " changed, raw read step " << step);
      const ReadResult result = ReadStored(stored, 1 << 20, step);
      CHECK_FALSE(result.ok);
      CHECK(result.error ==
            "corrupt gzip data: the CRC-32 or length in the trailer does not match the data");
      // The text is all decoded before the trailer is read.
      CHECK(result.text == text);
    }
  }
  // The header's own CRC (FHCRC), its last two bytes.
  std::string stored = GzipWithHeader(text, {.name = "text.txt", .header_crc = true});
  stored[10 + 9] ^= 0x01;  // fixed fields, "text.txt\0", then the CRC
  const ReadResult result = ReadStored(stored);
  CHECK_FALSE(result.ok);
  CHECK(result.error == "corrupt gzip data: header crc mismatch");
  CHECK(result.text.empty());
}

TEST_CASE("Bytes after the last gzip member are corrupt unless they start a member",
          "[text_stream]") {
  const std::string text = "alpha beta\n";
  const std::string whole = Compress("gzip", text);
  // Shorter than a header: a member's first bytes, or not.
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"\n", "corrupt gzip data: not in gzip format"},
      {std::string(2, '\0'), "corrupt gzip data: not in gzip format"},
      {"\x1f.", "corrupt gzip data: not in gzip format"},
      {"\x1f", "truncated gzip data"},
      {"\x1f\x8b\x08", "truncated gzip data"},
      {"\x1f\x8b\x07" + std::string(7, '\0'), "corrupt gzip data: unknown compression method"}};
  for (const auto& [after, error] : cases) {
    for (std::size_t step : {1, 1 << 20}) {
      INFO(after.size() << " bytes after the member, raw read step " << step);
      const ReadResult result = ReadStored(whole + after, 1 << 20, step);
      CHECK_FALSE(result.ok);
      CHECK(result.error == error);
      CHECK(result.text == text);
    }
  }
}

TEST_CASE("Plain text that starts like part of a magic number stays plain", "[text_stream]") {
  const std::vector<std::string> texts = {
      "",
      "\x1f",                                            // gzip's first byte, and the end
      "\x1f rest",                                       // gzip's first byte, then not 0x8b
      std::string("\x28\xb5\x2f", 3) + "fd",             // three of zstd's four bytes
      "BZ",                                              // bzip2's "BZh" cut short
      "BZ words",                                        // "BZ" then not 'h'
      "BZh",                                             // "BZh" and no block size
      "BZhello world",                                   // "BZh" then not a digit 1-9
      "BZh0 is not a block size",                        //
      std::string("\xfd\x37\x7a\x58", 4),                // xz's magic cut short
      std::string("\xfd\x37\x7a\x58\x5a\x01 text", 11),  // xz's magic but its last byte
      "plain text\nwith lines\n"};
  for (const std::string& text : texts) {
    for (std::size_t step : {1, 2, 1 << 20}) {
      for (std::size_t buffer_size : {1, 3, 4096}) {
        INFO("text \"" << text << "\", raw read step " << step << ", buffer " << buffer_size);
        const ReadResult result = ReadStored(text, buffer_size, step);
        CHECK(result.ok);
        CHECK(result.format.empty());
        CHECK(result.text == text);
        CHECK(result.stored_bytes == text.size());
      }
    }
  }
}

TEST_CASE("Detect learns the format without taking text away", "[text_stream]") {
  const std::string text = "alpha beta gamma\n";
  for (const std::string& format : kCompressedFormats) {
    const std::string stored = Compress(format, text);
    TextStream stream(Trickle(stored, 1));
    REQUIRE(stream.Detect());
    CHECK(stream.format() == format);
    CHECK(stream.stored_bytes() == TextStream::kMagicBytes);
    CHECK(ReadAll(std::move(stream), 5).text == text);
  }
  TextStream plain(Trickle(text, 1 << 20));
  REQUIRE(plain.Detect());
  CHECK(plain.format().empty());
  CHECK(ReadAll(std::move(plain), 1 << 20).text == text);
}

TEST_CASE("FormatOf knows each magic number", "[text_stream]") {
  CHECK(TextStream::FormatOf("\x1f\x8b") == "gzip");
  CHECK(TextStream::FormatOf("\x28\xb5\x2f\xfd") == "zstd");
  CHECK(TextStream::FormatOf("BZh9") == "bzip2");
  CHECK(TextStream::FormatOf("BZh1AY") == "bzip2");
  CHECK(TextStream::FormatOf(std::string_view("\xfd\x37\x7a\x58\x5a\x00", 6)) == "xz");
  CHECK(TextStream::FormatOf("text").empty());
  for (const std::string& format : kCompressedFormats) {
    CHECK(TextStream::FormatOf(Compress(format, "x").substr(0, TextStream::kMagicBytes)) == format);
  }
}

// A raw read that delivers `good` bytes, is interrupted once, then fails.
TextStream::RawRead FailAfter(const std::string& stored, std::size_t good) {
  return [&stored, good, at = std::size_t{0}, interrupted = false](
             char* buffer, std::size_t size) mutable -> ssize_t {
    if (at == good) {
      if (!interrupted) {
        interrupted = true;
        errno = EINTR;
      } else {
        errno = EIO;
      }
      return -1;
    }
    const std::size_t n = std::min(size, good - at);
    std::memcpy(buffer, stored.data() + at, n);
    at += n;
    return static_cast<ssize_t>(n);
  };
}

TEST_CASE("A failed raw read is a read error, an interrupted one is retried", "[text_stream]") {
  std::mt19937 random(19);
  const std::string text = RandomText(random, 3000);
  std::vector<std::string> stored = {text};
  for (const std::string& format : kCompressedFormats) stored.push_back(Compress(format, text));
  for (const std::string& input : stored) {
    for (std::size_t good : {std::size_t{0}, std::size_t{3}, input.size() / 2}) {
      INFO(TextStream::FormatOf(input.substr(0, 6)) << ", failing after " << good << " bytes");
      const ReadResult result = ReadAll(TextStream(FailAfter(input, good)), 1 << 20);
      CHECK_FALSE(result.ok);
      CHECK(result.error == "read error: Input/output error");
      CHECK(result.stored_bytes == good);
    }
  }
}

}  // namespace
}  // namespace vocabcount::internal
