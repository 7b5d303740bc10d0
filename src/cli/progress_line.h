// The progress line on stderr: bytes done of the total, speed, elapsed time,
// time left and inputs done, redrawn in place at most ten times a second.
#pragma once

#include <string>

#include "vocabcount/options.h"

namespace vocabcount::cli {

class ProgressLine {
 public:
  explicit ProgressLine(int fd) : fd_(fd) {}
  ~ProgressLine() { Clear(); }
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  // Draws `progress` unless the last drawing is less than 0.1 s old.
  void Update(const Progress& progress);
  // Erases the line, so that messages after it start on a clean line.
  void Clear();

 private:
  void Write(const std::string& text);

  int fd_;
  bool drawn_ = false;
  double last_draw_seconds_ = -1;
};

}  // namespace vocabcount::cli
