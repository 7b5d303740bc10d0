// Buffer-to-buffer compression through zlib, libzstd, libbz2 and liblzma.
#include "support/compress_support.h"

#include <bzlib.h>
#include <lzma.h>
#include <zlib.h>
#include <zstd.h>

#include <cstdint>
#include <stdexcept>

namespace vocabcount::testing {
namespace {

// With `fields`, a header that carries them; without, zlib's plain one.
std::string Gzip(std::string_view text, const GzipHeaderFields* fields = nullptr) {
  z_stream stream{};
  // 16 + window bits: a gzip header and trailer around the deflate data.
  if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8,
                   Z_DEFAULT_STRATEGY) != Z_OK) {
    throw std::runtime_error("deflateInit2 failed");
  }
  // zlib reads the fields when it writes the header, so they live to the end.
  gz_header header{};
  std::string extra, name, comment;
  std::size_t header_bytes = 0;
  if (fields != nullptr) {
    extra = fields->extra;
    name = fields->name;
    comment = fields->comment;
    header.extra = extra.empty() ? Z_NULL : reinterpret_cast<Bytef*>(extra.data());
    header.extra_len = static_cast<uInt>(extra.size());
    header.name = name.empty() ? Z_NULL : reinterpret_cast<Bytef*>(name.data());
    header.comment = comment.empty() ? Z_NULL : reinterpret_cast<Bytef*>(comment.data());
    header.hcrc = fields->header_crc ? 1 : 0;
    header.os = 3;  // Unix, as gzip writes
    if (deflateSetHeader(&stream, &header) != Z_OK) throw std::runtime_error("no gzip header");
    header_bytes = 2 + extra.size() + name.size() + 1 + comment.size() + 1 + 2;
  }
  std::string out(deflateBound(&stream, text.size()) + header_bytes, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  stream.avail_in = static_cast<uInt>(text.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int code = deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  if (code != Z_STREAM_END) throw std::runtime_error("deflate failed");
  return out;
}

std::string Zstd(std::string_view text) {
  ZSTD_CCtx* context = ZSTD_createCCtx();
  ZSTD_CCtx_setParameter(context, ZSTD_c_checksumFlag, 1);
  std::string out(ZSTD_compressBound(text.size()), '\0');
  const std::size_t size =
      ZSTD_compress2(context, out.data(), out.size(), text.data(), text.size());
  ZSTD_freeCCtx(context);
  if (ZSTD_isError(size)) throw std::runtime_error(ZSTD_getErrorName(size));
  out.resize(size);
  return out;
}

std::string Bzip2(std::string_view text) {
  std::string out(text.size() + text.size() / 100 + 600, '\0');
  unsigned int size = static_cast<unsigned int>(out.size());
  if (BZ2_bzBuffToBuffCompress(out.data(), &size, const_cast<char*>(text.data()),
                               static_cast<unsigned int>(text.size()), 9, 0, 0) != BZ_OK) {
    throw std::runtime_error("BZ2_bzBuffToBuffCompress failed");
  }
  out.resize(size);
  return out;
}

std::string Xz(std::string_view text) {
  std::string out(lzma_stream_buffer_bound(text.size()), '\0');
  std::size_t size = 0;
  if (lzma_easy_buffer_encode(
          6, LZMA_CHECK_CRC64, nullptr, reinterpret_cast<const std::uint8_t*>(text.data()),
          text.size(), reinterpret_cast<std::uint8_t*>(out.data()), &size, out.size()) != LZMA_OK) {
    throw std::runtime_error("lzma_easy_buffer_encode failed");
  }
  out.resize(size);
  return out;
}

}  // namespace

std::string Compress(std::string_view format, std::string_view text) {
  if (format == "gzip") return Gzip(text);
  if (format == "zstd") return Zstd(text);
  if (format == "bzip2") return Bzip2(text);
  if (format == "xz") return Xz(text);
  throw std::invalid_argument("unknown format " + std::string(format));
}

std::string GzipWithHeader(std::string_view text, const GzipHeaderFields& fields) {
  return Gzip(text, &fields);
}

}  // namespace vocabcount::testing
