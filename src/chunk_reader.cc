// Cutting a byte stream into work units at safe cuts as it arrives.
#include "chunk_reader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "safe_cut.h"

namespace vocabcount::internal {
namespace {
// Room past the target size for the cut that ends a unit, so that a block
// usually yields its units without a larger copy.
constexpr std::size_t kSlackBytes = std::size_t{64} << 10;

std::size_t BlockBytes(std::size_t chunk_bytes) { return chunk_bytes + kSlackBytes; }
}  // namespace

ChunkReader::ChunkReader(ReadFunction read, std::size_t chunk_bytes, std::size_t max_unit_bytes,
                         std::optional<BlockPool> pool)
    : read_(std::move(read)),
      chunk_bytes_(std::clamp<std::size_t>(chunk_bytes, 1, max_unit_bytes)),
      max_unit_bytes_(max_unit_bytes),
      block_bytes_(BlockBytes(chunk_bytes_)),
      pool_(pool ? std::move(*pool) : PoolFor(chunk_bytes_)) {}

BlockPool ChunkReader::PoolFor(std::size_t chunk_bytes) { return BlockPool(BlockBytes(chunk_bytes)); }

bool ChunkReader::Next(InputPiece& piece) {
  for (;;) {
    const std::size_t available = filled_ - begin_;
    if (available > 0 && (available >= chunk_bytes_ || at_end_)) {
      const std::string_view text(block_.get(), filled_);
      std::size_t cut = FindSafeCut(text, std::max(begin_ + chunk_bytes_, scan_from_));
      if (cut == std::string::npos && at_end_) cut = filled_;
      const std::size_t unit_bytes = (cut == std::string::npos ? filled_ : cut) - begin_;
      if (unit_bytes > max_unit_bytes_) {
        error_ = "no line break or space in " + std::to_string(unit_bytes) +
                 " bytes: too long to cut into work units (the limit is " +
                 std::to_string(max_unit_bytes_) + " bytes)";
        error_offset_ = block_offset_ + begin_;
        return false;
      }
      if (cut != std::string::npos) {
        piece.offset = block_offset_ + begin_;
        piece.data = text.substr(begin_, cut - begin_);
        piece.owner = block_;
        begin_ = scan_from_ = cut;
        return true;
      }
      // The last position may still become a cut once the next byte is known.
      scan_from_ = filled_;
    }
    if (at_end_ || !ReadMore()) return false;
  }
}

bool ChunkReader::ReadMore() {
  if (filled_ == capacity_) {
    // A new block, holding what was not handed out yet. A stretch without a
    // cut that fills a block doubles the next one, so copying stays linear.
    const std::size_t carried = filled_ - begin_;
    std::size_t capacity = std::max(block_bytes_, 2 * carried);
    if (block_ == nullptr && expected_bytes_ && *expected_bytes_ < capacity) {
      // One byte more, so that the read which finds the end has room.
      capacity = static_cast<std::size_t>(*expected_bytes_) + 1;
    }
    std::shared_ptr<char[]> block = pool_.Get(capacity);
    if (carried > 0) std::memcpy(block.get(), block_.get() + begin_, carried);
    block_ = std::move(block);
    capacity_ = capacity;
    block_offset_ += begin_;
    scan_from_ -= std::min(scan_from_, begin_);
    filled_ = carried;
    begin_ = 0;
  }
  ssize_t got;
  do {
    got = read_(block_.get() + filled_, capacity_ - filled_);
  } while (got < 0 && errno == EINTR);
  if (got < 0) {
    error_ = std::string("read error: ") + std::strerror(errno);
    error_offset_ = bytes_read();
    return false;
  }
  filled_ += static_cast<std::size_t>(got);
  if (got == 0) at_end_ = true;
  return true;
}

}  // namespace vocabcount::internal
