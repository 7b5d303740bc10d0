// Cutting a byte stream into work units at safe cuts as it arrives.
#include "chunk_reader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "safe_cut.h"

namespace vocabcount::internal {
namespace {
constexpr std::size_t kMinReadBytes = std::size_t{256} << 10;
}

ChunkReader::ChunkReader(ReadFunction read, std::size_t chunk_bytes, std::size_t max_unit_bytes)
    : read_(std::move(read)),
      chunk_bytes_(std::clamp<std::size_t>(chunk_bytes, 1, max_unit_bytes)),
      max_unit_bytes_(max_unit_bytes),
      read_bytes_(std::max(chunk_bytes_, kMinReadBytes)) {}

bool ChunkReader::Next(InputPiece& piece) {
  for (;;) {
    const std::size_t available = buffer_.size() - begin_;
    if (available > 0 && (available >= chunk_bytes_ || at_end_)) {
      std::size_t cut = FindSafeCut(buffer_, std::max(begin_ + chunk_bytes_, scan_from_));
      if (cut == std::string::npos && at_end_) cut = buffer_.size();
      const std::size_t unit_bytes = (cut == std::string::npos ? buffer_.size() : cut) - begin_;
      if (unit_bytes > max_unit_bytes_) {
        error_ = "no line break or space in " + std::to_string(unit_bytes) +
                 " bytes: too long to cut into work units (the limit is " +
                 std::to_string(max_unit_bytes_) + " bytes)";
        error_offset_ = buffer_offset_ + begin_;
        return false;
      }
      if (cut != std::string::npos) {
        piece.offset = buffer_offset_ + begin_;
        piece.data.assign(buffer_, begin_, cut - begin_);
        begin_ = scan_from_ = cut;
        return true;
      }
      // The last position may still become a cut once the next byte is known.
      scan_from_ = buffer_.size();
    }
    if (at_end_ || !ReadMore()) return false;
  }
}

bool ChunkReader::ReadMore() {
  // Drop what was handed out once it is most of the buffer, so a long input
  // is not kept whole and the copy stays cheap.
  if (begin_ > 0 && begin_ >= buffer_.size() / 2) {
    buffer_.erase(0, begin_);
    buffer_offset_ += begin_;
    scan_from_ -= std::min(scan_from_, begin_);
    begin_ = 0;
  }
  const std::size_t old_size = buffer_.size();
  buffer_.resize(old_size + read_bytes_);
  ssize_t got;
  do {
    got = read_(buffer_.data() + old_size, read_bytes_);
  } while (got < 0 && errno == EINTR);
  buffer_.resize(old_size + static_cast<std::size_t>(std::max<ssize_t>(got, 0)));
  if (got < 0) {
    error_ = std::string("read error: ") + std::strerror(errno);
    error_offset_ = bytes_read();
    return false;
  }
  if (got == 0) at_end_ = true;
  return true;
}

}  // namespace vocabcount::internal
