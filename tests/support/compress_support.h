// Compressing test data with each format's own library, as an independent
// reference for the decoders (the CLI tests use the command-line tools).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace vocabcount::testing {

// The formats TextStream detects, by the names it gives them.
inline const std::vector<std::string> kCompressedFormats = {"gzip", "zstd", "bzip2", "xz"};

// `text` as one gzip member, zstd frame (with a checksum, as the zstd tool
// writes by default), bzip2 stream or xz stream.
std::string Compress(std::string_view format, std::string_view text);

// The optional fields of a gzip header (RFC 1952: FEXTRA, FNAME, FCOMMENT,
// FHCRC); an empty string leaves its field out.
struct GzipHeaderFields {
  std::string extra;
  std::string name;
  std::string comment;
  bool header_crc = false;
};

// `text` as one gzip member whose header has `fields`.
std::string GzipWithHeader(std::string_view text, const GzipHeaderFields& fields);

}  // namespace vocabcount::testing
