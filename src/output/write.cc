// Vocabulary output in three formats (TSV, GloVe's vocab_count lines, JSON),
// rendered entry by entry into large blocks.
#include "vocabcount/write.h"

#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <utility>

namespace vocabcount {
namespace {

constexpr std::size_t kBlockBytes = std::size_t{1} << 20;

void AppendCount(std::string& out, std::uint64_t count) {
  char digits[24];
  char* end = std::to_chars(digits, digits + sizeof digits, count).ptr;
  out.append(digits, end);
}

bool NeedsJsonEscape(char c) {
  return c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20;
}

// `token` as a JSON string. Tokens are valid UTF-8, so only quotes,
// backslashes and control characters need escaping.
void AppendJsonString(std::string& out, std::string_view token) {
  out += '"';
  std::size_t plain_from = 0;
  for (std::size_t i = 0; i < token.size(); ++i) {
    const char c = token[i];
    if (!NeedsJsonEscape(c)) continue;
    out.append(token.substr(plain_from, i - plain_from));
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else {
      constexpr char kHex[] = "0123456789abcdef";
      const auto byte = static_cast<unsigned char>(c);
      out += "\\u00";
      out += kHex[byte >> 4];
      out += kHex[byte & 0xF];
    }
    plain_from = i + 1;
  }
  out.append(token.substr(plain_from));
  out += '"';
}

}  // namespace

std::string WriteOptionsProblem(const Options& count, const WriteOptions& write) {
  if (count.raw_pieces && write.format != OutputFormat::kJson) {
    return "--raw-pieces: raw pieces hold spaces, tabs and line feeds, which a line of TSV or "
           "GloVe's format cannot: write them with --format json, or drop --raw-pieces to write "
           "the byte-level form";
  }
  return "";
}

VocabularyWriter::VocabularyWriter(const WriteOptions& options, int fd, std::string display_name)
    : options_(options), fd_(fd), display_name_(std::move(display_name)) {
  block_.reserve(kBlockBytes + 4096);
  if (options_.header && options_.format == OutputFormat::kTsv) block_ += "token\tcount\n";
}

VocabularyWriter::VocabularyWriter(const WriteOptions& options, std::string* out)
    : options_(options), out_(out) {
  if (options_.header && options_.format == OutputFormat::kTsv) block_ += "token\tcount\n";
}

bool VocabularyWriter::Add(std::string_view token, std::uint64_t count) {
  if (!result_.ok()) return false;
  switch (options_.format) {
    case OutputFormat::kTsv:
    case OutputFormat::kGlove:
      block_ += token;
      block_ += options_.format == OutputFormat::kTsv ? '\t' : ' ';
      AppendCount(block_, count);
      block_ += '\n';
      break;
    case OutputFormat::kJson:
      // The comma goes before an entry, so the last one needs no look-ahead.
      block_ += entries_ == 0 ? "{\n  " : ",\n  ";
      AppendJsonString(block_, token);
      block_ += ": ";
      AppendCount(block_, count);
      break;
  }
  ++entries_;
  if (block_.size() >= kBlockBytes) Flush();
  return result_.ok();
}

WriteResult VocabularyWriter::Finish() {
  if (options_.format == OutputFormat::kJson) block_ += entries_ == 0 ? "{}\n" : "\n}\n";
  if (result_.ok()) Flush();
  return result_;
}

void VocabularyWriter::Flush() {
  if (out_ != nullptr) {
    *out_ += block_;
    block_.clear();
    return;
  }
  std::string_view rest = block_;
  while (!rest.empty()) {
    const ssize_t written = write(fd_, rest.data(), rest.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      if (errno == EPIPE) {
        result_.broken_pipe = true;
      } else {
        result_.problem = Problem{.path = display_name_,
                                  .what = std::string("write error: ") + std::strerror(errno)};
      }
      break;
    }
    rest.remove_prefix(static_cast<std::size_t>(written));
  }
  block_.clear();
}

WriteResult WriteVocabulary(const Vocabulary& vocabulary, const WriteOptions& options, int fd,
                            const std::string& display_name) {
  VocabularyWriter writer(options, fd, display_name);
  for (const VocabularyEntry& entry : vocabulary) {
    if (!writer.Add(entry.token, entry.count)) break;
  }
  return writer.Finish();
}

std::string FormatVocabulary(const Vocabulary& vocabulary, const WriteOptions& options) {
  std::string out;
  VocabularyWriter writer(options, &out);
  for (const VocabularyEntry& entry : vocabulary) writer.Add(entry.token, entry.count);
  writer.Finish();
  return out;
}

}  // namespace vocabcount
