// Decompression speed of the two ways vocabcount could read compressed
// inputs: libarchive's raw format (all filters) and each format's own library
// through TextStream. Prints the median MB/s of text per file and route.
//
//   vocabcount-decompress-bench [--rounds N] FILE...
#include <archive.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "input/text_stream.h"

namespace {

using vocabcount::internal::TextStream;

// What the counting pipeline asks for at a time: one block of about 1 MiB.
constexpr std::size_t kBlockBytes = std::size_t{1} << 20;

// Text bytes of one pass, or nullopt with a message on stderr.
using Route = std::function<std::optional<std::uint64_t>(const char* path, char* block)>;

std::optional<std::uint64_t> ThroughLibarchive(const char* path, char* block) {
  std::unique_ptr<archive, decltype(&archive_read_free)> reader(archive_read_new(),
                                                                archive_read_free);
  archive_read_support_filter_all(reader.get());
  archive_read_support_format_raw(reader.get());
  archive_entry* entry = nullptr;
  if (archive_read_open_filename(reader.get(), path, 128 << 10) != ARCHIVE_OK ||
      archive_read_next_header(reader.get(), &entry) != ARCHIVE_OK) {
    std::fprintf(stderr, "%s: libarchive: %s\n", path, archive_error_string(reader.get()));
    return std::nullopt;
  }
  std::uint64_t total = 0;
  for (;;) {
    // Copies from libarchive's buffer into ours, as a ChunkReader block needs.
    const la_ssize_t got = archive_read_data(reader.get(), block, kBlockBytes);
    if (got < 0) {
      std::fprintf(stderr, "%s: libarchive: %s\n", path, archive_error_string(reader.get()));
      return std::nullopt;
    }
    if (got == 0) return total;
    total += static_cast<std::uint64_t>(got);
  }
}

std::optional<std::uint64_t> ThroughTextStream(const char* path, char* block) {
  const int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    std::fprintf(stderr, "%s: %s\n", path, std::strerror(errno));
    return std::nullopt;
  }
  TextStream text([fd](char* buffer, std::size_t size) { return read(fd, buffer, size); });
  std::uint64_t total = 0;
  for (;;) {
    const ssize_t got = text.Read(block, kBlockBytes);
    if (got <= 0) {
      close(fd);
      if (got == 0) return total;
      std::fprintf(stderr, "%s: %s\n", path, text.error().c_str());
      return std::nullopt;
    }
    total += static_cast<std::uint64_t>(got);
  }
}

std::string FormatOf(const char* path) {
  const int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return "?";
  TextStream text([fd](char* buffer, std::size_t size) { return read(fd, buffer, size); });
  text.Detect();
  close(fd);
  return text.format().empty() ? "plain" : text.format();
}

// MB/s (10^6 bytes of text per second) of one pass, and its text bytes.
std::optional<double> Speed(const Route& route, const char* path, char* block,
                            std::uint64_t& text_bytes) {
  const auto start = std::chrono::steady_clock::now();
  const std::optional<std::uint64_t> bytes = route(path, block);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!bytes) return std::nullopt;
  text_bytes = *bytes;
  return static_cast<double>(*bytes) / 1e6 / seconds;
}

double Median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  int rounds = 5;
  std::vector<const char*> paths;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--rounds") == 0 && i + 1 < argc) {
      rounds = std::max(1, std::atoi(argv[++i]));
    } else {
      paths.push_back(argv[i]);
    }
  }
  if (paths.empty()) {
    std::fprintf(stderr, "usage: %s [--rounds N] FILE...\n", argv[0]);
    return 2;
  }
  const std::unique_ptr<char[]> block(new char[kBlockBytes]);
  std::printf("%-8s %-12s %14s %14s %10s\n", "format", "route", "text bytes", "MB/s (median)",
              "rounds");
  int status = 0;
  const std::pair<const char*, Route> routes[] = {{"libarchive", ThroughLibarchive},
                                                  {"direct", ThroughTextStream}};
  for (const char* path : paths) {
    const std::string format = FormatOf(path);
    // Rounds alternate between the routes, so that a busy moment of the
    // machine does not fall on one route only.
    std::vector<double> speeds[std::size(routes)];
    std::uint64_t text_bytes[std::size(routes)] = {};
    for (int round = 0; round < rounds; ++round) {
      for (std::size_t r = 0; r < std::size(routes); ++r) {
        const std::optional<double> speed =
            Speed(routes[r].second, path, block.get(), text_bytes[r]);
        if (!speed) return 1;
        speeds[r].push_back(*speed);
      }
    }
    for (std::size_t r = 0; r < std::size(routes); ++r) {
      if (text_bytes[r] != text_bytes[0]) {
        std::fprintf(stderr, "%s: the routes disagree on the text size\n", path);
        status = 1;
      }
      std::printf("%-8s %-12s %14llu %14.1f %10d\n", format.c_str(), routes[r].first,
                  static_cast<unsigned long long>(text_bytes[r]), Median(speeds[r]), rounds);
    }
  }
  return status;
}
