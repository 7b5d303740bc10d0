// Writing a vocabulary as TSV, as GloVe's vocab_count lines or as JSON: whole,
// or entry by entry as the entries are made, to a file descriptor or a string.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "vocabcount/options.h"
#include "vocabcount/problem.h"
#include "vocabcount/vocabulary.h"

namespace vocabcount {

enum class OutputFormat {
  kTsv,    // "token<TAB>count" lines
  kGlove,  // "token count" lines, as GloVe's vocab_count writes them
  // One object, one entry per line, keys in output order:
  // {\n  "token": count,\n  ...\n}\n, or {}\n when empty. In keys, '"', '\'
  // and control characters below U+0020 are escaped (\", \\, \u00XX).
  kJson,
};

struct WriteOptions {
  bool header = false;  // a first line "token<TAB>count" (TSV only)
  OutputFormat format = OutputFormat::kTsv;
};

// What makes `write` unable to hold what a count with `count` makes, or an
// empty string: raw pieces (Options::raw_pieces) hold tabs, line feeds and
// spaces, which only JSON can write.
std::string WriteOptionsProblem(const Options& count, const WriteOptions& write);

// A problem names the output's display name; a reader that went away (EPIPE)
// is reported as broken_pipe instead.
struct WriteResult {
  std::optional<Problem> problem;
  bool broken_pipe = false;
  bool ok() const { return !problem && !broken_pipe; }
};

// Writes entries one at a time, in large blocks: for vocabularies written as
// they are made (a merge), in memory that does not grow with them.
class VocabularyWriter {
 public:
  // Writes to `fd`; problems name `display_name`.
  VocabularyWriter(const WriteOptions& options, int fd, std::string display_name);
  // Appends to `*out`.
  VocabularyWriter(const WriteOptions& options, std::string* out);
  VocabularyWriter(const VocabularyWriter&) = delete;
  VocabularyWriter& operator=(const VocabularyWriter&) = delete;

  // Returns false once writing has failed: later entries are dropped, and the
  // caller may stop making them.
  bool Add(std::string_view token, std::uint64_t count);
  // Writes what is left (JSON's closing brace too); call once, at the end.
  WriteResult Finish();

 private:
  void Flush();

  WriteOptions options_;
  int fd_ = -1;
  std::string* out_ = nullptr;
  std::string display_name_;
  std::string block_;
  std::uint64_t entries_ = 0;
  WriteResult result_;
};

// The whole vocabulary in options.format, written to `fd`.
WriteResult WriteVocabulary(const Vocabulary& vocabulary, const WriteOptions& options, int fd,
                            const std::string& display_name);
// The same bytes in a string (for tests and small vocabularies).
std::string FormatVocabulary(const Vocabulary& vocabulary, const WriteOptions& options);

}  // namespace vocabcount
