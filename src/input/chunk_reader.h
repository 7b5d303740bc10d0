// Reading one input as a stream of work units that end at safe cuts (or only
// at line ends), in bounded memory. Units are views into the blocks the reader
// fills; only the few bytes after a block's last cut are copied, into the next
// block.
#pragma once

#include <sys/types.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "input/block_pool.h"
#include "input/safe_cut.h"

namespace vocabcount::internal {

struct InputPiece {
  std::uint64_t offset = 0;  // of data[0] in the input
  std::string_view data;
  // Line feeds in the input before data[0]; counted only when cutting at line
  // ends (ChunkReader::CutAtLineEnds).
  std::uint64_t first_line = 0;
  // Whether the unit starts or ends at a forced cut (CutLongStretches), which
  // may fall inside a token.
  bool forced_start = false;
  bool forced_end = false;
  std::shared_ptr<const char[]> owner;  // keeps `data` alive
};

class ChunkReader {
 public:
  // Reads like read(2): bytes read, 0 at the end, -1 with errno on failure.
  using ReadFunction = std::function<ssize_t(char* buffer, std::size_t size)>;

  // A failed read, as a read function that knows more than errno tells it.
  struct ReadFailure {
    std::string what;  // the message, e.g. "corrupt gzip data: ..."
    // Where in the input: the offset of the failed read unless the function
    // sets another, or clears it when no offset would mean anything.
    std::optional<std::uint64_t> offset;
  };
  // Reads like ReadFunction, but on failure fills `failure` instead of errno.
  using DescribedReadFunction =
      std::function<ssize_t(char* buffer, std::size_t size, ReadFailure& failure)>;

  // ICU's break iterator counts in 32-bit offsets, so no unit may be longer.
  static constexpr std::size_t kMaxUnitBytes = (std::size_t{1} << 31) - 1;
  // Bytes readable after the end of every unit (their values unspecified),
  // so that parsers which read ahead, such as simdjson, need no copy.
  static constexpr std::size_t kPaddingBytes = 64;

  // Units are at least `chunk_bytes` long (but the last), then run to the next
  // safe cut; an input with no safe cut is one unit, unless that would be
  // longer than `max_unit_bytes`, which is an error. Blocks come from `pool`,
  // which readers of consecutive inputs may share (see PoolFor), or else from
  // a pool of the reader's own.
  ChunkReader(ReadFunction read, std::size_t chunk_bytes,
              std::size_t max_unit_bytes = kMaxUnitBytes,
              std::optional<BlockPool> pool = std::nullopt);
  ChunkReader(DescribedReadFunction read, std::size_t chunk_bytes,
              std::size_t max_unit_bytes = kMaxUnitBytes,
              std::optional<BlockPool> pool = std::nullopt);

  // A pool of the blocks readers with this `chunk_bytes` use.
  static BlockPool PoolFor(std::size_t chunk_bytes);

  // The input is expected to hold `bytes`: the first block is made just large
  // enough, so that a small input does not take a whole block. Any size is
  // still read in full.
  void ExpectBytes(std::uint64_t bytes) { expected_bytes_ = bytes; }

  // Units end only at line ends (after a line feed, or at the end of the
  // input), never inside a line: for inputs read as lines, such as JSON Lines.
  // A unit longer than `max_unit_bytes` is cut before its last line; a single
  // line longer than that is an error, and error_line() says which. Call
  // before the first Next.
  void CutAtLineEnds() { line_ends_only_ = true; }

  // Bounds the memory a stretch without a safe cut can take: once a stretch
  // of more than `stretch_bytes` holds no loose cut either (see input/safe_cut.h),
  // it is cut `stretch_bytes` after its start (moved back to the start of a
  // UTF-8 character when one is within three bytes), and again every
  // `stretch_bytes` while it lasts; or, with a cut rule that can find token
  // ends (CutRule::last_token_end), at the last token end before that. Where such forced cuts fall depends on the
  // text only, never on chunk_bytes or read sizes. A stretch with loose cuts
  // but no safe cut ends its unit at a loose cut once the unit has
  // chunk_bytes + stretch_bytes. Units are then at most about that long. Not
  // with CutAtLineEnds; call before the first Next.
  void CutLongStretches(std::size_t stretch_bytes) {
    stretch_bytes_ = std::max<std::size_t>(stretch_bytes, 4);  // room to find a character start
  }

  // Cuts where `rule` allows (safe and loose cuts), instead of where the word
  // and whitespace tokenizers allow. Call before the first Next.
  void UseCutRule(const CutRule& rule) { cut_rule_ = rule; }

  // The next unit; false at the end of the input or on an error.
  bool Next(InputPiece& piece);

  // What went wrong ("read error: ..."), empty when nothing did.
  const std::string& error() const { return error_; }
  // Where: the offset a read failed at (or the one its function gave, if
  // any), or where the over-long stretch starts.
  std::optional<std::uint64_t> error_offset() const { return error_offset_; }
  // The line (1-based) an error is about: set only for a line too long
  // (CutAtLineEnds), and then error_offset() is not.
  std::optional<std::uint64_t> error_line() const { return error_line_; }
  std::uint64_t bytes_read() const { return block_offset_ + filled_; }

 private:
  bool ReadMore();
  // Where the unit starting at begin_ ends, or npos when more input is needed
  // (or the unit would be too long: then error_ is set).
  std::size_t FindCut();
  std::size_t FindLineCut();
  // The first forced cut due in the bytes read so far (CutLongStretches).
  std::optional<std::size_t> FindForcedCut();
  // Moves the stretch bookkeeping past a unit that ends at `cut`.
  void PassCut(std::size_t cut, bool forced);

  DescribedReadFunction read_;
  CutRule cut_rule_ = kWordCutRule;
  std::size_t chunk_bytes_;
  std::size_t max_unit_bytes_;
  std::size_t block_bytes_;  // the usual size of a new block
  BlockPool pool_;
  std::optional<std::uint64_t> expected_bytes_;
  std::shared_ptr<char[]> block_;
  std::size_t capacity_ = 0;
  std::size_t filled_ = 0;
  std::uint64_t block_offset_ = 0;  // input offset of block_[0]
  std::size_t begin_ = 0;           // first byte not handed out yet
  std::size_t scan_from_ = 0;       // where the search for a cut resumes
  bool at_end_ = false;
  bool line_ends_only_ = false;
  std::uint64_t lines_before_begin_ = 0;  // line feeds before begin_ (CutAtLineEnds)
  // CutLongStretches: every stretch before stretch_start_ (a loose, safe or
  // forced cut, or the input start) has been checked, and no loose cut lies
  // in (stretch_start_, no_loose_cut_to_]. Block positions, like begin_.
  std::optional<std::size_t> stretch_bytes_;
  std::size_t stretch_start_ = 0;
  std::size_t no_loose_cut_to_ = 0;
  std::optional<std::size_t> due_forced_cut_;
  // Whether due_forced_cut_ is a token end found by the cut rule's
  // last_token_end, which ends units like a safe cut, not a forced one.
  bool due_cut_ends_token_ = false;
  bool cut_is_forced_ = false;  // whether FindCut's last cut was forced
  bool begin_is_forced_ = false;
  std::string error_;
  std::optional<std::uint64_t> error_offset_;
  std::optional<std::uint64_t> error_line_;
};

}  // namespace vocabcount::internal
