// Entries written to the spill file and read back: a segment is a list of
// zstd-compressed blocks of "token, count" entries.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "spill/spill_file.h"

namespace vocabcount::internal {

// Where one compressed block lies in the spill file.
struct BlockRef {
  std::uint64_t offset = 0;
  std::uint32_t stored_bytes = 0;  // compressed
  std::uint32_t raw_bytes = 0;
};

struct Segment {
  std::vector<BlockRef> blocks;
  std::uint64_t entries = 0;
  std::uint64_t long_token_bytes = 0;  // of tokens a table keeps in its arena
  bool tagged = false;                 // entries carry a tag
};

// Entries in a block take the varint of the token's size, its bytes, the
// varint of the count and, in a tagged segment, the varint of a tag (which
// inputs a merge's total came from). A block holds up to kBlockBytes of them,
// or one larger entry.
inline constexpr std::size_t kBlockBytes = std::size_t{64} << 10;

class SegmentWriter {
 public:
  // Problems name what was being done, through `doing`.
  SegmentWriter(SpillFile& file, std::string doing, bool tagged = false);
  SegmentWriter(const SegmentWriter&) = delete;
  SegmentWriter& operator=(const SegmentWriter&) = delete;

  // `tag` is written only in a tagged segment.
  void Add(std::string_view token, std::uint64_t count, std::uint64_t tag = 0);
  // Writes what is buffered and hands over the segment; the writer starts a
  // new, empty one.
  Segment Finish();

 private:
  void Flush();

  SpillFile& file_;
  std::string doing_;
  std::string raw_;
  Segment segment_;
};

// Reads one segment's entries in the order they were written. Releases each
// block's disk space once read when `release` is set. A reader holds one
// block; the zstd context and the compressed bytes are the thread's, so that
// a merge of many segments costs little more than their blocks.
class SegmentReader {
 public:
  SegmentReader(SpillFile& file, const Segment& segment, std::string doing, bool release = false);
  SegmentReader(const SegmentReader&) = delete;
  SegmentReader& operator=(const SegmentReader&) = delete;

  // The next entry into token() and count(): false at the end.
  bool Next();
  // Valid until the next call of Next().
  std::string_view token() const { return token_; }
  std::uint64_t count() const { return count_; }
  std::uint64_t tag() const { return tag_; }  // 0 in an untagged segment

 private:
  void Load(const BlockRef& block);

  SpillFile& file_;
  const Segment& segment_;
  std::string doing_;
  bool release_;
  std::size_t next_block_ = 0;
  std::string raw_;
  std::size_t position_ = 0;
  std::string_view token_;
  std::uint64_t count_ = 0;
  std::uint64_t tag_ = 0;
};

}  // namespace vocabcount::internal
