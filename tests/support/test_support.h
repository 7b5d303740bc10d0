// Small helpers shared by the library tests: corpus files, temporary files,
// and running the engine on text.
#pragma once

#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "vocabcount/vocabcount.h"

namespace vocabcount::testing {

std::string ReadFile(const std::string& path);
void WriteFile(const std::string& path, std::string_view bytes);

// Every corpus/*.txt, sorted.
std::vector<std::string> CorpusTexts();

// A fresh directory under the system's temporary directory, removed with
// everything in it when the object goes away.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string File(std::string_view name) const { return path_ + "/" + std::string(name); }

 private:
  std::string path_;
};

// Count() and CountText() as the pipeline tests call them. With
// VOCABCOUNT_TEST_MEMORY_BYTES set in the environment (CTest's "spilling:"
// pass) and no budget in `options`, each count runs with that budget, so that
// every comparison is made again on counts that spill to disk.
CountReport CountForTest(const std::vector<std::string>& paths, Options options);
CountReport CountTextForTest(std::string_view text, Options options);

// The TSV the engine writes for `text` with these options.
std::string CountTextTsv(std::string_view text, const Options& options = {});

// The tokens of `text`, in order, from the internal tokenizer of this kind.
std::vector<std::string> Tokens(std::string_view text, TokenizerKind kind = TokenizerKind::kWord);

// Random text of `pieces` pieces chosen to sit next to cut points in every
// way: spaces, controls and line ends beside letters, marks, joiners, emoji,
// dictionary scripts, punctuation that joins words, and ill-formed bytes.
std::string RandomText(std::mt19937& random, int pieces);

}  // namespace vocabcount::testing
