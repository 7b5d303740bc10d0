// One input's text as a stream of bytes: read as stored, or decompressed when
// its first bytes say it is gzip, zstd, bzip2 or xz (never by its name).
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace vocabcount::internal {

class TextStream {
 public:
  // Reads stored bytes like read(2): the count, 0 at the end, -1 with errno.
  using RawRead = std::function<ssize_t(char* buffer, std::size_t size)>;
  // Like RawRead, but a failure that errno cannot tell sets `failure` to
  // what error() is to say, and returns -1.
  using DescribedRawRead =
      std::function<ssize_t(char* buffer, std::size_t size, std::string& failure)>;

  // The longest magic number: this many first bytes decide the format.
  static constexpr std::size_t kMagicBytes = 6;
  // Stored bytes asked for by the first raw read (a smaller input is read
  // whole by it), and by each read of a compressed input.
  static constexpr std::size_t kInputBytes = std::size_t{128} << 10;

  // The format of an input whose first bytes (kMagicBytes of them, or all of
  // a shorter input) are `first_bytes`: "gzip", "zstd", "bzip2", "xz", or
  // empty for plain text.
  static std::string_view FormatOf(std::string_view first_bytes);

  explicit TextStream(RawRead raw);
  explicit TextStream(DescribedRawRead raw);
  ~TextStream();
  TextStream(TextStream&&) noexcept;
  TextStream& operator=(TextStream&&) noexcept;

  // Reads the first bytes to learn the format, unless already known; they
  // are still delivered by Read. False on a read error (see error()). Read
  // calls this itself; call it first to know format() before reading text.
  bool Detect();

  // Reads up to `size` bytes of text: the count, 0 at the end, -1 on failure
  // (then error() says what, e.g. "read error: ..." or "corrupt gzip data:
  // ..." or "truncated xz data"). Interrupted raw reads are retried.
  ssize_t Read(char* buffer, std::size_t size);

  const std::string& error() const;
  // "gzip", "zstd", "bzip2", "xz", or empty for plain text; known after
  // Detect or the first Read.
  const std::string& format() const;
  // Bytes read from storage so far (for a compressed input, compressed bytes).
  std::uint64_t stored_bytes() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vocabcount::internal
