// Reading one input as a stream of work units that end at safe cuts, in
// bounded memory: only the current read buffer and the unit handed out.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include <sys/types.h>

namespace vocabcount::internal {

struct InputPiece {
  std::uint64_t offset = 0;  // of data[0] in the input
  std::string data;
};

class ChunkReader {
 public:
  // Reads like read(2): bytes read, 0 at the end, -1 with errno on failure.
  using ReadFunction = std::function<ssize_t(char* buffer, std::size_t size)>;

  // Units are at least `chunk_bytes` long (but the last), then run to the next
  // safe cut; an input with no safe cut is one unit.
  ChunkReader(ReadFunction read, std::size_t chunk_bytes);

  // The next unit; false at the end of the input or on a read error.
  bool Next(InputPiece& piece);

  int error() const { return error_; }  // errno of a failed read, else 0
  std::uint64_t bytes_read() const { return buffer_offset_ + buffer_.size(); }

 private:
  bool ReadMore();

  ReadFunction read_;
  std::size_t chunk_bytes_;
  std::size_t read_bytes_;
  std::string buffer_;
  std::uint64_t buffer_offset_ = 0;  // input offset of buffer_[0]
  std::size_t begin_ = 0;            // first byte not handed out yet
  std::size_t scan_from_ = 0;        // where the search for a cut resumes
  bool at_end_ = false;
  int error_ = 0;
};

}  // namespace vocabcount::internal
