// The four decoders: each maps its library's calls and return codes onto
// DecodeStep, and names its errors the way the library (or its command-line
// tool) does; ISA-L has no words of its own, so gzip's errors take zlib's.
#include "input/decompress.h"

#include <bzlib.h>
#include <isa-l/igzip_lib.h>
#include <lzma.h>
#include <zstd.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <new>
#include <string>

namespace vocabcount::internal {
namespace {

// ISA-L and libbz2 count in 32-bit unsigned ints; larger buffers are used in steps.
constexpr std::size_t kMaxStepBytes = std::size_t{1} << 30;

unsigned int StepBytes(std::size_t size) {
  return static_cast<unsigned int>(std::min(size, kMaxStepBytes));
}

DecodeStep Corrupt(std::string message, std::size_t consumed = 0, std::size_t produced = 0) {
  return DecodeStep{.state = DecodeStep::State::kCorrupt,
                    .consumed = consumed,
                    .produced = produced,
                    .message = std::move(message)};
}

// gzip through ISA-L's inflate, several times faster than zlib's: one member
// at a time, so that the caller sees where each ends and starts the next one
// like gzip -d does. The header is read here with isal_read_gzip_header and
// a header record that lives as long as the member: isal_inflate's own
// reading (crc_flag ISAL_GZIP) starts each call with a fresh record and so
// loses the flags of a header split between two calls. ISAL_GZIP_NO_HDR_VER
// then checks the trailer's CRC-32 and length.
class GzipDecoder final : public Decoder {
 public:
  // Not value-initialized: the state is some 85 KiB, mostly buffers that
  // inflate writes before it reads them, and isal_inflate_init sets the rest.
  // Zeroing it would cost more than decoding a small file.
  GzipDecoder() : state_(new inflate_state) { Restart(); }

  DecodeStep Decode(const char* in, std::size_t in_size, char* out, std::size_t out_size,
                    bool) override {
    const unsigned int in_bytes = StepBytes(in_size);
    const unsigned int out_bytes = StepBytes(out_size);
    // ISA-L reads the header only once it has its first ten bytes; checking
    // the magic number as it comes tells bytes after the last member that
    // are no gzip at all from a member cut short.
    for (unsigned int i = 0; magic_seen_ < 2 && i < in_bytes; ++i, ++magic_seen_) {
      if (static_cast<unsigned char>(in[i]) != kMagic[magic_seen_]) {
        return Corrupt("not in gzip format");
      }
    }
    state_->next_in = reinterpret_cast<std::uint8_t*>(const_cast<char*>(in));  // only read
    state_->avail_in = in_bytes;
    state_->next_out = reinterpret_cast<std::uint8_t*>(out);
    state_->avail_out = out_bytes;
    int code = ISAL_DECOMP_OK;
    if (in_header_) {
      code = isal_read_gzip_header(state_.get(), &header_);
      // The rest of the header is yet to come.
      if (code == ISAL_END_INPUT)
        code = ISAL_DECOMP_OK;
      else if (code == ISAL_DECOMP_OK)
        in_header_ = false;
    }
    if (!in_header_ && code == ISAL_DECOMP_OK) code = isal_inflate(state_.get());
    const std::size_t consumed = in_bytes - state_->avail_in;
    const std::size_t produced = out_bytes - state_->avail_out;
    if (code == ISAL_DECOMP_OK) {
      const bool ended = state_->block_state == ISAL_BLOCK_FINISH;
      return DecodeStep{.state = ended ? DecodeStep::State::kEnd : DecodeStep::State::kMore,
                        .consumed = consumed,
                        .produced = produced};
    }
    return Corrupt(Describe(code), consumed, produced);
  }

  void Restart() override {
    isal_inflate_init(state_.get());
    state_->crc_flag = ISAL_GZIP_NO_HDR_VER;
    isal_gzip_header_init(&header_);  // name, comment and extra field skipped
    in_header_ = true;
    magic_seen_ = 0;
  }

 private:
  static constexpr unsigned char kMagic[2] = {0x1f, 0x8b};

  // What went wrong, in zlib's words where it has some.
  std::string Describe(int code) const {
    switch (code) {
      case ISAL_INVALID_BLOCK:
        return "invalid deflate block";
      case ISAL_INVALID_SYMBOL:
        return "invalid code in deflate data";
      case ISAL_INVALID_LOOKBACK:
        return "invalid distance too far back";
      case ISAL_INVALID_WRAPPER:
        return "incorrect header check";
      case ISAL_UNSUPPORTED_METHOD:
        return "unknown compression method";
      case ISAL_INCORRECT_CHECKSUM:
        return in_header_ ? "header crc mismatch"
                          : "the CRC-32 or length in the trailer does not match the data";
      default:
        return "ISA-L inflate error " + std::to_string(code);
    }
  }

  std::unique_ptr<inflate_state> state_;
  isal_gzip_header header_;
  bool in_header_ = true;
  int magic_seen_ = 0;  // of the member's first two bytes
};

// zstd: one decoding context reads frame after frame by itself; a frame's
// end is still reported, because input may only end there.
class ZstdDecoder final : public Decoder {
 public:
  ZstdDecoder() : context_(ZSTD_createDCtx()) {
    if (context_ == nullptr) throw std::bad_alloc();
  }
  ~ZstdDecoder() override { ZSTD_freeDCtx(context_); }

  DecodeStep Decode(const char* in, std::size_t in_size, char* out, std::size_t out_size,
                    bool) override {
    ZSTD_inBuffer input{in, in_size, 0};
    ZSTD_outBuffer output{out, out_size, 0};
    const std::size_t hint = ZSTD_decompressStream(context_, &output, &input);
    if (ZSTD_isError(hint)) return Corrupt(ZSTD_getErrorName(hint), input.pos, output.pos);
    // 0: the frame is decoded and flushed.
    return DecodeStep{.state = hint == 0 ? DecodeStep::State::kEnd : DecodeStep::State::kMore,
                      .consumed = input.pos,
                      .produced = output.pos};
  }

  void Restart() override {}  // the context starts the next frame itself

 private:
  ZSTD_DCtx* context_;
};

// bzip2 through libbz2, which stops at the end of each stream; a new one is
// started for the next, as bzip2 -d does.
class Bzip2Decoder final : public Decoder {
 public:
  Bzip2Decoder() { Start(); }
  ~Bzip2Decoder() override { BZ2_bzDecompressEnd(&stream_); }

  DecodeStep Decode(const char* in, std::size_t in_size, char* out, std::size_t out_size,
                    bool) override {
    const unsigned int in_bytes = StepBytes(in_size);
    const unsigned int out_bytes = StepBytes(out_size);
    stream_.next_in = const_cast<char*>(in);  // libbz2 does not write to it
    stream_.avail_in = in_bytes;
    stream_.next_out = out;
    stream_.avail_out = out_bytes;
    const int code = BZ2_bzDecompress(&stream_);
    const std::size_t consumed = in_bytes - stream_.avail_in;
    const std::size_t produced = out_bytes - stream_.avail_out;
    switch (code) {
      case BZ_OK:
        return DecodeStep{
            .state = DecodeStep::State::kMore, .consumed = consumed, .produced = produced};
      case BZ_STREAM_END:
        return DecodeStep{
            .state = DecodeStep::State::kEnd, .consumed = consumed, .produced = produced};
      case BZ_MEM_ERROR:
        throw std::bad_alloc();
      case BZ_DATA_ERROR:
        return Corrupt("data integrity (CRC) error in data", consumed, produced);
      case BZ_DATA_ERROR_MAGIC:
        return Corrupt("bad magic number", consumed, produced);
      default:
        return Corrupt("libbz2 error " + std::to_string(code), consumed, produced);
    }
  }

  void Restart() override {
    BZ2_bzDecompressEnd(&stream_);
    Start();
  }

 private:
  void Start() {
    stream_ = bz_stream{};
    if (BZ2_bzDecompressInit(&stream_, /*verbosity=*/0, /*small=*/0) != BZ_OK) {
      throw std::bad_alloc();
    }
  }

  bz_stream stream_{};
};

// xz through liblzma, which reads concatenated streams and stream padding
// itself (LZMA_CONCATENATED) and must be told when the input has ended.
class XzDecoder final : public Decoder {
 public:
  XzDecoder() { Start(); }
  ~XzDecoder() override { lzma_end(&stream_); }

  DecodeStep Decode(const char* in, std::size_t in_size, char* out, std::size_t out_size,
                    bool input_ends) override {
    stream_.next_in = reinterpret_cast<const std::uint8_t*>(in);
    stream_.avail_in = in_size;
    stream_.next_out = reinterpret_cast<std::uint8_t*>(out);
    stream_.avail_out = out_size;
    const lzma_ret code = lzma_code(&stream_, input_ends ? LZMA_FINISH : LZMA_RUN);
    const std::size_t consumed = in_size - stream_.avail_in;
    const std::size_t produced = out_size - stream_.avail_out;
    switch (code) {
      case LZMA_OK:
      case LZMA_BUF_ERROR:  // no progress possible: truncated if input ended
        return DecodeStep{
            .state = DecodeStep::State::kMore, .consumed = consumed, .produced = produced};
      case LZMA_STREAM_END:
        return DecodeStep{
            .state = DecodeStep::State::kEnd, .consumed = consumed, .produced = produced};
      case LZMA_MEM_ERROR:
        throw std::bad_alloc();
      case LZMA_DATA_ERROR:
        return Corrupt("compressed data is corrupt", consumed, produced);
      case LZMA_FORMAT_ERROR:
        return Corrupt("file format not recognized", consumed, produced);
      case LZMA_OPTIONS_ERROR:
        return Corrupt("unsupported compression options", consumed, produced);
      case LZMA_MEMLIMIT_ERROR:
        return Corrupt("memory usage limit reached", consumed, produced);
      default:
        return Corrupt("liblzma error " + std::to_string(static_cast<int>(code)), consumed,
                       produced);
    }
  }

  void Restart() override {
    lzma_end(&stream_);
    Start();
  }

 private:
  void Start() {
    stream_ = LZMA_STREAM_INIT;
    // No memory limit, as xz -d has none by default.
    if (lzma_stream_decoder(&stream_, UINT64_MAX, LZMA_CONCATENATED) != LZMA_OK) {
      throw std::bad_alloc();
    }
  }

  lzma_stream stream_ = LZMA_STREAM_INIT;
};

}  // namespace

std::unique_ptr<Decoder> MakeDecoder(std::string_view format) {
  if (format == "gzip") return std::make_unique<GzipDecoder>();
  if (format == "zstd") return std::make_unique<ZstdDecoder>();
  if (format == "bzip2") return std::make_unique<Bzip2Decoder>();
  if (format == "xz") return std::make_unique<XzDecoder>();
  return nullptr;
}

}  // namespace vocabcount::internal
