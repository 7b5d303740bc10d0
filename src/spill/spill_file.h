// The one temporary file a run spills to: private, nameless, and gone when
// the process ends, however it ends.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "vocabcount/count.h"
#include "vocabcount/problem.h"

namespace vocabcount::internal {

// Created on the first write in `dir` with O_TMPFILE (no name, so nothing is
// left even after SIGKILL), or where that is unsupported, made with a unique
// name and unlinked at once; mode 0600 either way. Only the descriptor holds
// it. Failures throw std::runtime_error naming the directory and, through
// `doing`, what was being done: "/tmp: No space left on device (while
// spilling partition 17)".
class SpillFile {
 public:
  // An empty `dir` means DefaultTempDir().
  explicit SpillFile(const std::string& dir);
  ~SpillFile();
  SpillFile(const SpillFile&) = delete;
  SpillFile& operator=(const SpillFile&) = delete;

  // Appends `bytes` and returns their offset. Safe from several threads.
  std::uint64_t Append(std::string_view bytes, const std::string& doing);
  // Reads `size` bytes at `offset` into `out`. Safe from several threads.
  void Read(std::uint64_t offset, char* out, std::size_t size, const std::string& doing) const;
  // Gives the disk space of bytes no longer needed back to the file system,
  // where it can (a hint: nothing depends on it).
  void Release(std::uint64_t offset, std::uint64_t size);

  const std::string& dir() const { return dir_; }
  std::uint64_t bytes_written() const;

 private:
  void Create(const std::string& doing);
  [[noreturn]] void Fail(int error, const std::string& doing) const;

  const std::string dir_;
  mutable std::mutex mutex_;  // guards fd_'s creation and end_
  int fd_ = -1;
  std::uint64_t end_ = 0;
};

// The directory spills go to when none is given: $TMPDIR, else /tmp.
std::string DefaultTempDir();

// Opens a new nameless file in `dir` as the spill file is made: O_TMPFILE,
// or where that is unsupported a unique name unlinked at once; mode 0600.
// Returns the descriptor, or -1 with errno set.
int OpenNamelessFile(const std::string& dir);

// Whether a run could spill to the directory `temp_dir` names (empty:
// DefaultTempDir()): it exists, is a directory, and a spill file can be made
// in it, which is checked by making one and closing it (a permission check
// alone would miss a read-only file system, a full inode table or a kernel
// that refuses O_TMPFILE there). A run checks this before reading anything,
// rather than fail when it first spills, maybe hours in; a directory that
// passed is taken as usable for the rest of the process. The problem names
// the directory as the user gave it ("--temp-dir DIR", "TMPDIR=DIR" or
// "/tmp"), with the errno of the failure; nullopt when it will do.
std::optional<Problem> SpillDirectoryProblem(const std::string& temp_dir);

// Puts SpillDirectoryProblem(options.temp_dir) into `report` as an error of
// the run; returns whether there was one, so that the run does not start.
bool RefuseSpillDirectory(const Options& options, CountReport& report);

}  // namespace vocabcount::internal
