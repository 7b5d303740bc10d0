// Detecting an input's format from its first bytes and reading its text:
// plain bytes pass through to the caller's buffer, compressed ones are
// decoded straight into it, member after member.
#include "input/text_stream.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>

#include "input/decompress.h"

namespace vocabcount::internal {

std::string_view TextStream::FormatOf(std::string_view first_bytes) {
  if (first_bytes.starts_with("\x1f\x8b")) return "gzip";
  if (first_bytes.starts_with("\x28\xb5\x2f\xfd")) return "zstd";
  // "BZh" and the block size, '1' to '9': text that starts with "BZh" is
  // rare, but with the digit after it rarer still.
  if (first_bytes.starts_with("BZh") && first_bytes.size() > 3 && first_bytes[3] >= '1' &&
      first_bytes[3] <= '9') {
    return "bzip2";
  }
  if (first_bytes.starts_with(std::string_view("\xfd\x37\x7a\x58\x5a\x00", 6))) return "xz";
  return {};
}

class TextStream::Impl {
 public:
  explicit Impl(DescribedRawRead raw) : raw_(std::move(raw)) {}

  bool Detect() {
    if (detected_) return true;
    if (!error_.empty()) return false;
    // One read of a whole buffer rather than of the magic number only: a
    // small file, like a gzipped manual page, is then read by one call, and
    // directories of many of them pay for every system call. Not zeroed, as
    // clearing it would cost more than decoding such a file.
    buffer_ = std::make_unique_for_overwrite<char[]>(kInputBytes);
    buffer_size_ = kInputBytes;
    while (end_ < kMagicBytes && !raw_ended_) {
      const ssize_t got = ReadRaw(buffer_.get() + end_, buffer_size_ - end_);
      if (got < 0) return false;
      end_ += static_cast<std::size_t>(got);
    }
    format_ = FormatOf(std::string_view(buffer_.get(), std::min(end_, kMagicBytes)));
    if (!format_.empty()) decoder_ = MakeDecoder(format_);
    detected_ = true;
    return true;
  }

  ssize_t Read(char* out, std::size_t size) {
    if (!error_.empty() || !Detect()) return -1;  // an error is final
    return decoder_ ? ReadDecoded(out, size) : ReadPlain(out, size);
  }

  std::string error_;
  std::string format_;
  std::uint64_t stored_bytes_ = 0;

 private:
  // Reads stored bytes: the count, or -1 after setting error_.
  ssize_t ReadRaw(char* at, std::size_t size) {
    std::string failure;
    ssize_t got;
    do {
      got = raw_(at, size, failure);
    } while (got < 0 && failure.empty() && errno == EINTR);
    if (got < 0) {
      error_ =
          failure.empty() ? std::string("read error: ") + std::strerror(errno) : std::move(failure);
      return -1;
    }
    stored_bytes_ += static_cast<std::uint64_t>(got);
    if (got == 0) raw_ended_ = true;
    return got;
  }

  ssize_t ReadPlain(char* out, std::size_t size) {
    if (begin_ < end_) {
      // The bytes read to detect the format come first; copying them costs
      // less than the system call that reading them apart would.
      const std::size_t n = std::min(size, end_ - begin_);
      std::memcpy(out, buffer_.get() + begin_, n);
      begin_ += n;
      return static_cast<ssize_t>(n);
    }
    if (raw_ended_ || size == 0) return 0;
    // Straight into the caller's buffer: plain text is not copied.
    return ReadRaw(out, size);
  }

  // Moves the bytes not decoded yet to the front and reads more after them.
  bool FillInput() {
    std::memmove(buffer_.get(), buffer_.get() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
    const ssize_t got = ReadRaw(buffer_.get() + end_, buffer_size_ - end_);
    if (got < 0) return false;
    end_ += static_cast<std::size_t>(got);
    return true;
  }

  ssize_t ReadDecoded(char* out, std::size_t size) {
    if (size == 0) return 0;
    for (;;) {
      if (begin_ == end_ && !raw_ended_ && !FillInput()) return -1;
      const bool input_done = raw_ended_ && begin_ == end_;
      if (member_ended_) {
        // The input may end only between members; else another one follows.
        if (input_done) return 0;
        decoder_->Restart();
        member_ended_ = false;
      }
      DecodeStep step =
          decoder_->Decode(buffer_.get() + begin_, end_ - begin_, out, size, raw_ended_);
      begin_ += step.consumed;
      if (step.state == DecodeStep::State::kCorrupt) {
        error_ = "corrupt " + format_ + " data: " + step.message;
        // The text decoded before the bad bytes is still delivered (the
        // error is final, so the next Read reports it).
        return step.produced > 0 ? static_cast<ssize_t>(step.produced) : -1;
      }
      member_ended_ = step.state == DecodeStep::State::kEnd;
      if (step.produced > 0) return static_cast<ssize_t>(step.produced);
      if (step.consumed > 0 || member_ended_) continue;
      // No progress: the decoder needs input that is not there.
      if (input_done) {
        error_ = "truncated " + format_ + " data";
        return -1;
      }
      if (raw_ended_ || end_ - begin_ == buffer_size_) {
        // Cannot happen with these libraries; an error rather than a hang.
        error_ = "corrupt " + format_ + " data: the decoder made no progress";
        return -1;
      }
      if (!FillInput()) return -1;
    }
  }

  DescribedRawRead raw_;
  bool detected_ = false;
  bool raw_ended_ = false;
  bool member_ended_ = false;
  // Stored bytes read but not used yet: [begin_, end_) of buffer_.
  std::unique_ptr<char[]> buffer_;
  std::size_t buffer_size_ = 0;
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
  std::unique_ptr<Decoder> decoder_;
};

TextStream::TextStream(RawRead raw)
    : TextStream(
          DescribedRawRead([raw = std::move(raw)](char* buffer, std::size_t size, std::string&) {
            return raw(buffer, size);
          })) {}
TextStream::TextStream(DescribedRawRead raw) : impl_(std::make_unique<Impl>(std::move(raw))) {}
TextStream::~TextStream() = default;
TextStream::TextStream(TextStream&&) noexcept = default;
TextStream& TextStream::operator=(TextStream&&) noexcept = default;

bool TextStream::Detect() { return impl_->Detect(); }
ssize_t TextStream::Read(char* buffer, std::size_t size) { return impl_->Read(buffer, size); }
const std::string& TextStream::error() const { return impl_->error_; }
const std::string& TextStream::format() const { return impl_->format_; }
std::uint64_t TextStream::stored_bytes() const { return impl_->stored_bytes_; }

}  // namespace vocabcount::internal
