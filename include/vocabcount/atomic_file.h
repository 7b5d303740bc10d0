// An output file that appears whole or not at all: writes go to a temporary
// file in the same directory, which replaces the target only on Commit().
// A target that exists and is not a regular file (a device such as /dev/null,
// a FIFO) cannot be replaced, only written: it is opened and written in place.
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

  // Finds the file to write: a symbolic link is followed to the file it
  // names (the link stays), and an existing target that is not a regular
  // file is to be written in place. Opens nothing; Open() calls it when it
  // has not been called.
  std::optional<Problem> Locate();
  bool writes_in_place() const { return in_place_; }

  // Creates the temporary file, or opens the target when it is written in
  // place (a FIFO's open waits for a reader); call before the long work, to
  // fail early.
  std::optional<Problem> Open();
  int fd() const { return fd_; }
  // As the caller named it; problems name it too.
  const std::string& path() const { return path_; }
  // The temporary file while it exists; empty when writing in place.
  const std::string& temp_path() const { return temp_path_; }

  // Flushes the temporary file to disk and renames it over the target; in
  // place, closes the target.
  std::optional<Problem> Commit();
  // Closes and removes the temporary file; the target is untouched (bytes
  // already written in place stay written).
  void Abandon();

 private:
  std::string path_;
  std::string target_;  // path_ with symbolic links followed
  bool located_ = false;
  bool in_place_ = false;
  std::string temp_path_;
  int fd_ = -1;
};

}  // namespace vocabcount
