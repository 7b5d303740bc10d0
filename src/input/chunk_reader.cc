// Cutting a byte stream into work units at safe cuts (or line ends) as it
// arrives.
#include "input/chunk_reader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "input/safe_cut.h"

namespace vocabcount::internal {
namespace {
// Room past the target size for the cut that ends a unit, so that a block
// usually yields its units without a larger copy.
constexpr std::size_t kSlackBytes = std::size_t{64} << 10;

std::size_t BlockBytes(std::size_t chunk_bytes) { return chunk_bytes + kSlackBytes; }

bool IsContinuationByte(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) == 0x80; }

std::uint64_t CountLineFeeds(std::string_view text) {
  std::uint64_t feeds = 0;
  const char* const end = text.data() + text.size();
  for (const char* at = text.data(); const void* feed = std::memchr(at, '\n', end - at);) {
    ++feeds;
    at = static_cast<const char*>(feed) + 1;
  }
  return feeds;
}

// A read(2)-like function whose failures are described by errno.
ChunkReader::DescribedReadFunction DescribeErrno(ChunkReader::ReadFunction read) {
  return
      [read = std::move(read)](char* buffer, std::size_t size, ChunkReader::ReadFailure& failure) {
        ssize_t got;
        do {
          got = read(buffer, size);
        } while (got < 0 && errno == EINTR);
        if (got < 0) failure.what = std::string("read error: ") + std::strerror(errno);
        return got;
      };
}
}  // namespace

ChunkReader::ChunkReader(ReadFunction read, std::size_t chunk_bytes, std::size_t max_unit_bytes,
                         std::optional<BlockPool> pool)
    : ChunkReader(DescribeErrno(std::move(read)), chunk_bytes, max_unit_bytes, std::move(pool)) {}

ChunkReader::ChunkReader(DescribedReadFunction read, std::size_t chunk_bytes,
                         std::size_t max_unit_bytes, std::optional<BlockPool> pool)
    : read_(std::move(read)),
      chunk_bytes_(std::clamp<std::size_t>(chunk_bytes, 1, max_unit_bytes)),
      max_unit_bytes_(max_unit_bytes),
      block_bytes_(BlockBytes(chunk_bytes_)),
      pool_(pool ? std::move(*pool) : PoolFor(chunk_bytes_)) {}

BlockPool ChunkReader::PoolFor(std::size_t chunk_bytes) {
  return BlockPool(BlockBytes(chunk_bytes) + kPaddingBytes);
}

bool ChunkReader::Next(InputPiece& piece) {
  for (;;) {
    const std::size_t available = filled_ - begin_;
    if (available > 0 && (available >= chunk_bytes_ || at_end_)) {
      const std::size_t cut = line_ends_only_ ? FindLineCut() : FindCut();
      if (!error_.empty()) return false;
      if (cut != std::string::npos) {
        piece.offset = block_offset_ + begin_;
        piece.data = std::string_view(block_.get() + begin_, cut - begin_);
        piece.first_line = lines_before_begin_;
        piece.forced_start = begin_is_forced_;
        piece.forced_end = cut_is_forced_;
        piece.owner = block_;
        if (line_ends_only_) lines_before_begin_ += CountLineFeeds(piece.data);
        if (stretch_bytes_) PassCut(cut, cut_is_forced_);
        begin_ = scan_from_ = cut;
        return true;
      }
    }
    if (at_end_ || !ReadMore()) return false;
  }
}

std::size_t ChunkReader::FindCut() {
  const std::string_view text(block_.get(), filled_);
  std::size_t cut = FindSafeCut(cut_rule_, text, std::max(begin_ + chunk_bytes_, scan_from_));
  if (cut == std::string::npos && at_end_) cut = filled_;
  cut_is_forced_ = false;
  if (stretch_bytes_) {
    const std::optional<std::size_t> forced = FindForcedCut();
    if (forced && (cut == std::string::npos || *forced < cut)) {
      cut = *forced;
      cut_is_forced_ = !due_cut_ends_token_;
    }
    const std::size_t longest_end = begin_ + chunk_bytes_ + *stretch_bytes_;
    if ((cut == std::string::npos || cut > longest_end) && filled_ > longest_end) {
      // Units stay within chunk_bytes_ + stretch_bytes_: where no other cut
      // comes that soon, a loose cut does, since no stretch there is too long.
      const std::size_t loose = FindLooseCutBefore(cut_rule_, text, begin_, longest_end);
      if (loose > begin_) {
        cut = loose;
        cut_is_forced_ = false;
      }
    }
  }
  const std::size_t unit_bytes = (cut == std::string::npos ? filled_ : cut) - begin_;
  if (unit_bytes > max_unit_bytes_) {
    error_ = "no line break or space in " + std::to_string(unit_bytes) +
             " bytes: too long to cut into work units (the limit is " +
             std::to_string(max_unit_bytes_) + " bytes)";
    error_offset_ = block_offset_ + begin_;
    return std::string::npos;
  }
  // The last position may still become a cut once the next byte is known.
  if (cut == std::string::npos) scan_from_ = filled_;
  return cut;
}

std::optional<std::size_t> ChunkReader::FindForcedCut() {
  if (due_forced_cut_) return due_forced_cut_;
  const std::string_view text(block_.get(), filled_);
  const std::size_t limit = *stretch_bytes_;
  // The window's last position is judged by the byte after it, so it must
  // have been read. Each byte is looked at once: the search goes back only
  // to where the last one stopped.
  while (stretch_start_ + limit < filled_) {
    const std::size_t window_end = stretch_start_ + limit;
    const std::size_t floor = std::max(stretch_start_, no_loose_cut_to_);
    const std::size_t loose = FindLooseCutBefore(cut_rule_, text, floor, window_end);
    no_loose_cut_to_ = window_end;
    if (loose > floor) {
      stretch_start_ = loose;
      continue;
    }
    // No loose cut in (stretch_start_, window_end]: the stretch is too long.
    if (cut_rule_.last_token_end != nullptr) {
      // Tokens decided by bytes already read, unless one run is longer than
      // a whole stretch: then the token that holds it is over the limit.
      if (filled_ - window_end < limit && !at_end_) return std::nullopt;
      const std::size_t token_end = cut_rule_.last_token_end(text, stretch_start_, window_end);
      if (token_end > stretch_start_) {
        due_forced_cut_ = token_end;
        due_cut_ends_token_ = true;
        return due_forced_cut_;
      }
    }
    std::size_t forced = window_end;
    for (std::size_t back = 0; back < 3 && IsContinuationByte(text[forced]); ++back) --forced;
    if (IsContinuationByte(text[forced])) forced = window_end;  // not UTF-8: any byte will do
    due_forced_cut_ = forced;
    due_cut_ends_token_ = false;
    return due_forced_cut_;
  }
  return std::nullopt;
}

void ChunkReader::PassCut(std::size_t cut, bool forced) {
  // A cut is a loose cut, or forced: stretches start there as well.
  if (cut > stretch_start_) {
    stretch_start_ = cut;
    no_loose_cut_to_ = std::max(no_loose_cut_to_, cut);
  }
  if (due_forced_cut_ && cut >= *due_forced_cut_) due_forced_cut_.reset();
  begin_is_forced_ = forced;
}

std::size_t ChunkReader::FindLineCut() {
  const char* data = block_.get();
  // A cut at p follows a line feed at p - 1; begin_ + chunk_bytes_ >= 1.
  const std::size_t from = std::max(begin_ + chunk_bytes_, scan_from_);
  std::size_t cut = std::string::npos;
  if (from <= filled_) {
    const void* feed = std::memchr(data + from - 1, '\n', filled_ - (from - 1));
    if (feed != nullptr) cut = static_cast<const char*>(feed) - data + 1;
  }
  if (cut == std::string::npos && at_end_) cut = filled_;
  if ((cut == std::string::npos ? filled_ : cut) - begin_ <= max_unit_bytes_) {
    if (cut == std::string::npos) scan_from_ = filled_;
    return cut;
  }
  // Too long for one unit: end it after its last line that fits, if any.
  const void* last_feed = memrchr(data + begin_, '\n', max_unit_bytes_);
  if (last_feed != nullptr) return static_cast<const char*>(last_feed) - data + 1;
  error_ = "longer than " + std::to_string(max_unit_bytes_) + " bytes, the limit for one line";
  error_line_ = lines_before_begin_ + 1;
  return std::string::npos;
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
    // Read into `capacity` bytes; the padding after them is never filled.
    std::shared_ptr<char[]> block = pool_.Get(capacity + kPaddingBytes);
    if (carried > 0) std::memcpy(block.get(), block_.get() + begin_, carried);
    block_ = std::move(block);
    capacity_ = capacity;
    block_offset_ += begin_;
    scan_from_ -= std::min(scan_from_, begin_);
    if (stretch_bytes_) {
      // Never before begin_: every cut handed out moves them past it.
      stretch_start_ -= begin_;
      no_loose_cut_to_ -= begin_;
      if (due_forced_cut_) *due_forced_cut_ -= begin_;
    }
    filled_ = carried;
    begin_ = 0;
  }
  ReadFailure failure{{}, bytes_read()};
  const ssize_t got = read_(block_.get() + filled_, capacity_ - filled_, failure);
  if (got < 0) {
    error_ = failure.what.empty() ? "read error" : std::move(failure.what);
    error_offset_ = failure.offset;
    return false;
  }
  filled_ += static_cast<std::size_t>(got);
  if (got == 0) at_end_ = true;
  return true;
}

}  // namespace vocabcount::internal
