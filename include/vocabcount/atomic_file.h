// An output file that appears whole or not at all: writes go to a temporary
// file in the same directory, which replaces the target only on Commit().
#pragma once

#include <optional>
#include <string>

#include "vocabcount/problem.h"

namespace vocabcount {

class AtomicFile {
 public:
  explicit AtomicFile(std::string path) : path_(std::move(path)) {}
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  ~AtomicFile() { Abandon(); }

  // Creates the temporary file; call before the long work, to fail early.
  std::optional<Problem> Open();
  int fd() const { return fd_; }
  const std::string& path() const { return path_; }

  // Flushes the temporary file to disk and renames it over the target.
  std::optional<Problem> Commit();
  // Closes and removes the temporary file; the target is untouched.
  void Abandon();

 private:
  std::string path_;
  std::string temp_path_;
  int fd_ = -1;
};

}  // namespace vocabcount
