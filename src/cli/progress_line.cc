// Drawing the progress line in place on a terminal, throttled.
#include "cli/progress_line.h"

#include <unistd.h>

#include <cerrno>
#include <string_view>

#include "vocabcount/stats.h"

namespace vocabcount::cli {
namespace {

constexpr double kRedrawSeconds = 0.1;
// Back to the line's start, and erase to its end.
constexpr const char* kEraseLine = "\r\x1b[K";

}  // namespace

void ProgressLine::Update(const Progress& progress) {
  if (drawn_ && progress.seconds - last_draw_seconds_ < kRedrawSeconds) return;
  last_draw_seconds_ = progress.seconds;
  Write(kEraseLine + FormatProgress(progress));
  drawn_ = true;
}

void ProgressLine::Clear() {
  if (!drawn_) return;
  Write(kEraseLine);
  drawn_ = false;
}

void ProgressLine::Write(const std::string& text) {
  // Progress is a courtesy: a failed write to stderr is not worth a failure.
  std::string_view rest = text;
  while (!rest.empty()) {
    const ssize_t written = write(fd_, rest.data(), rest.size());
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return;
    rest.remove_prefix(static_cast<std::size_t>(written));
  }
}

}  // namespace vocabcount::cli
