// Incremental decoders of gzip, zstd, bzip2 and xz over their own libraries,
// behind one small interface, so that TextStream handles input, member
// boundaries and truncation the same way for every format.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace vocabcount::internal {

// What one decoding step did.
struct DecodeStep {
  enum class State {
    kMore,     // needs more input or more room
    kEnd,      // a member (gzip), frame (zstd) or stream (bzip2, xz) ended
    kCorrupt,  // the data is not valid; `message` says why
  };
  State state = State::kMore;
  std::size_t consumed = 0;
  std::size_t produced = 0;
  std::string message;
};

class Decoder {
 public:
  virtual ~Decoder() = default;

  // Decodes from `in` into `out`. `input_ends` says that no input follows
  // what `in` holds. A step that neither consumes nor produces while input
  // remains to come wants more input; once input has ended, the data was
  // truncated.
  virtual DecodeStep Decode(const char* in, std::size_t in_size, char* out, std::size_t out_size,
                            bool input_ends) = 0;

  // Readies the decoder for the next member, frame or stream after kEnd.
  virtual void Restart() = 0;
};

// A decoder for `format` ("gzip", "zstd", "bzip2" or "xz"). Throws
// std::bad_alloc when the library cannot allocate its state.
std::unique_ptr<Decoder> MakeDecoder(std::string_view format);

}  // namespace vocabcount::internal
