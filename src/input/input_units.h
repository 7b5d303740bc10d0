// One input (a file, standard input or text in memory) read as a sequence of
// work units, and what reading it found: the part of reading that is the
// same wherever it runs, in the reader stage or in a worker.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>

#include "input/block_pool.h"
#include "input/chunk_reader.h"
#include "input/input_list.h"
#include "input/safe_cut.h"
#include "input/text_stream.h"
#include "vocabcount/options.h"
#include "vocabcount/problem.h"

namespace vocabcount::internal {

// What reading one input found, for the run's stats and errors.
struct InputRead {
  std::uint64_t bytes = 0;         // of text (decompressed)
  std::uint64_t stored_bytes = 0;  // as stored
  bool compressed = false;
  // What stopped the reading before the end, if anything did: the input's
  // bytes then count in no stat.
  std::optional<Problem> problem;
};

class InputUnits {
 public:
  // Opens `input`, of any kind but kDocuments; `input` and `options` must
  // outlive this. A failure to open is reported by Finish, after the first
  // Next returns false.
  InputUnits(const Input& input, const Options& options, const CutRule& cut_rule, BlockPool pool);
  // The read function points into this object: it stays where it is made.
  InputUnits(const InputUnits&) = delete;
  InputUnits& operator=(const InputUnits&) = delete;

  // The next unit; false at the end of the input or on an error.
  bool Next(InputPiece& piece);
  // Bytes read from storage so far.
  std::uint64_t stored_bytes() const;
  // What reading found; call once Next has returned false.
  InputRead Finish() const;

 private:
  bool Open(const Options& options, const CutRule& cut_rule, BlockPool pool);

  const Input& input_;
  std::unique_ptr<TextStream> text_;  // of a file or stdin
  std::string_view memory_left_;      // of text in memory
  std::optional<ChunkReader> reader_;
  std::optional<Problem> open_problem_;
};

}  // namespace vocabcount::internal
