// Formatting and throttling of the progress line.
#include "cli/progress_line.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cinttypes>
#include <cstdio>
#include <string_view>

namespace vocabcount::cli {
namespace {

constexpr double kRedrawSeconds = 0.1;
// Back to the line's start, and erase to its end.
constexpr const char* kEraseLine = "\r\x1b[K";

std::string Duration(double seconds) {
  const auto total = static_cast<std::uint64_t>(seconds);
  char text[32];
  if (total >= 3600) {
    std::snprintf(text, sizeof text, "%" PRIu64 ":%02" PRIu64 ":%02" PRIu64, total / 3600,
                  total / 60 % 60, total % 60);
  } else {
    std::snprintf(text, sizeof text, "%" PRIu64 ":%02" PRIu64, total / 60, total % 60);
  }
  return text;
}

}  // namespace

std::string ProgressLine::Render(const Progress& progress) {
  const double done_mb = static_cast<double>(progress.bytes_done) / 1e6;
  const double total_mb = static_cast<double>(progress.bytes_total) / 1e6;
  const double speed = progress.seconds > 0 ? done_mb / progress.seconds : 0;
  char text[256];
  std::string line;
  if (progress.bytes_total > 0) {
    const double fraction = std::min(1.0, done_mb / total_mb);
    std::snprintf(text, sizeof text, "%3.0f%% %.1f/%.1f MB", 100 * fraction, done_mb, total_mb);
  } else {
    std::snprintf(text, sizeof text, "%.1f MB", done_mb);
  }
  line += text;
  std::snprintf(text, sizeof text, "  %.1f MB/s  %s elapsed", speed,
                Duration(progress.seconds).c_str());
  line += text;
  // Time left, when the total is known and the speed meaningful.
  if (progress.bytes_total > progress.bytes_done && speed > 0) {
    line += "  ETA " + Duration((total_mb - done_mb) / speed);
  }
  std::snprintf(text, sizeof text, "  inputs %" PRIu64 "/%" PRIu64, progress.inputs_done,
                progress.inputs_total);
  line += text;
  return line;
}

void ProgressLine::Update(const Progress& progress) {
  if (drawn_ && progress.seconds - last_draw_seconds_ < kRedrawSeconds) return;
  last_draw_seconds_ = progress.seconds;
  Write(kEraseLine + Render(progress));
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
