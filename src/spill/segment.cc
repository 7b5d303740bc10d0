// Encoding entries into compressed blocks and decoding them again.
#include "spill/segment.h"

#include <zstd.h>

#include <new>
#include <stdexcept>

#include "table/packed_token.h"
#include "table/token_arena.h"

namespace vocabcount::internal {
namespace {

// Fast enough that spilling costs little more than the write itself.
constexpr int kZstdLevel = 1;

void AppendVarint(std::string& out, std::uint64_t value) {
  while (value >= 0x80) {
    out += static_cast<char>((value & 0x7F) | 0x80);
    value >>= 7;
  }
  out += static_cast<char>(value);
}

// False when the bytes end inside the number or it is too long: the file was
// damaged under us.
bool ReadVarint(std::string_view bytes, std::size_t& position, std::uint64_t& value) {
  value = 0;
  for (int shift = 0; shift < 64 && position < bytes.size(); shift += 7) {
    const auto byte = static_cast<unsigned char>(bytes[position++]);
    value |= std::uint64_t{byte & 0x7Fu} << shift;
    if (byte < 0x80) return true;
  }
  return false;
}

// One of each per thread, for every writer and reader on it: a block is
// compressed or decompressed in one call, so they are never shared mid-way.
struct ZstdScratch {
  ZSTD_CCtx* compress = ZSTD_createCCtx();
  ZSTD_DCtx* decompress = ZSTD_createDCtx();
  std::string stored;
  ZstdScratch() {
    if (compress == nullptr || decompress == nullptr) throw std::bad_alloc();
  }
  ~ZstdScratch() {
    ZSTD_freeCCtx(compress);
    ZSTD_freeDCtx(decompress);
  }
};

ZstdScratch& Scratch() {
  thread_local ZstdScratch scratch;
  return scratch;
}

}  // namespace

SegmentWriter::SegmentWriter(SpillFile& file, std::string doing, bool tagged)
    : file_(file), doing_(std::move(doing)) {
  segment_.tagged = tagged;
}

void SegmentWriter::Add(std::string_view token, std::uint64_t count, std::uint64_t tag) {
  if (!raw_.empty() && raw_.size() + token.size() + 30 > kBlockBytes) Flush();
  AppendVarint(raw_, token.size());
  raw_ += token;
  AppendVarint(raw_, count);
  if (segment_.tagged) AppendVarint(raw_, tag);
  ++segment_.entries;
  if (token.size() > PackedToken::kInlineBytes) {
    segment_.long_token_bytes += TokenArena::KeyBytes(token.size());
  }
}

void SegmentWriter::Flush() {
  if (raw_.empty()) return;
  ZstdScratch& scratch = Scratch();
  scratch.stored.resize(ZSTD_compressBound(raw_.size()));
  const std::size_t stored =
      ZSTD_compressCCtx(scratch.compress, scratch.stored.data(), scratch.stored.size(), raw_.data(),
                        raw_.size(), kZstdLevel);
  if (ZSTD_isError(stored)) {
    throw std::runtime_error(std::string("zstd: ") + ZSTD_getErrorName(stored));
  }
  const std::uint64_t offset =
      file_.Append(std::string_view(scratch.stored.data(), stored), doing_);
  segment_.blocks.push_back(BlockRef{.offset = offset,
                                     .stored_bytes = static_cast<std::uint32_t>(stored),
                                     .raw_bytes = static_cast<std::uint32_t>(raw_.size())});
  raw_.clear();
}

Segment SegmentWriter::Finish() {
  Flush();
  Segment segment = std::move(segment_);
  segment_ = Segment();
  segment_.tagged = segment.tagged;
  return segment;
}

SegmentReader::SegmentReader(SpillFile& file, const Segment& segment, std::string doing,
                             bool release)
    : file_(file), segment_(segment), doing_(std::move(doing)), release_(release) {}

void SegmentReader::Load(const BlockRef& block) {
  ZstdScratch& scratch = Scratch();
  scratch.stored.resize(block.stored_bytes);
  file_.Read(block.offset, scratch.stored.data(), scratch.stored.size(), doing_);
  raw_.resize(block.raw_bytes);
  const std::size_t raw = ZSTD_decompressDCtx(scratch.decompress, raw_.data(), raw_.size(),
                                              scratch.stored.data(), scratch.stored.size());
  if (ZSTD_isError(raw) || raw != block.raw_bytes) {
    throw std::runtime_error(file_.dir() + ": a spilled block does not decompress (while " +
                             doing_ + ")");
  }
  if (release_) file_.Release(block.offset, block.stored_bytes);
  position_ = 0;
}

bool SegmentReader::Next() {
  while (position_ >= raw_.size()) {
    if (next_block_ == segment_.blocks.size()) return false;
    Load(segment_.blocks[next_block_++]);
  }
  std::uint64_t size = 0;
  const std::string_view bytes = raw_;
  if (!ReadVarint(bytes, position_, size) || size > bytes.size() - position_) {
    throw std::runtime_error(file_.dir() + ": a spilled block is damaged (while " + doing_ + ")");
  }
  token_ = bytes.substr(position_, size);
  position_ += size;
  if (!ReadVarint(bytes, position_, count_) ||
      (segment_.tagged && !ReadVarint(bytes, position_, tag_))) {
    throw std::runtime_error(file_.dir() + ": a spilled block is damaged (while " + doing_ + ")");
  }
  return true;
}

}  // namespace vocabcount::internal
