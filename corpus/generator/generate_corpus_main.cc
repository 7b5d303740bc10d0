// vocabcount-generate-corpus: writes a deterministic synthetic corpus for
// benchmarks. Exit status: 0 success, 1 I/O error, 2 usage error.
#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>

#ifdef _WIN32
#include <fcntl.h>
#include <io.h>
#endif

#include "generate_corpus.h"

namespace vocabcount::generator {
namespace {

constexpr char kProgram[] = "vocabcount-generate-corpus";
constexpr char kUsage[] =
    "Usage: vocabcount-generate-corpus --bytes N [--seed S] [--vocabulary V]\n"
    "           [--zipf-exponent A] [--mix english|multilingual] [-o FILE]\n"
    "\n"
    "Writes exactly N bytes of synthetic UTF-8 text: words drawn from a\n"
    "Zipf-distributed vocabulary, in lines of about 60 to 120 bytes.\n"
    "The same options always give the same bytes.\n"
    "\n"
    "  --bytes N          output size; suffixes K, M, G multiply by 2^10, 2^20, 2^30\n"
    "  --seed S           random seed, an unsigned 64-bit integer (default 1)\n"
    "  --vocabulary V     distinct words, 1 to 10000000 (default 100000)\n"
    "  --zipf-exponent A  word i has weight 1/i^A, 0 <= A <= 10 (default 1.0)\n"
    "  --mix M            english: Latin words; multilingual: Latin, Cyrillic,\n"
    "                     Hangul, Han and Thai words (default english)\n"
    "  -o, --output FILE  write to FILE instead of standard output ('-')\n"
    "  -h, --help         show this help\n";

struct CommandLine {
  GeneratorOptions options;
  bool bytes_given = false;
  std::string output = "-";
  bool help = false;
};

template <typename T>
std::optional<T> ParseWhole(std::string_view text) {
  T value{};
  const char* const end = text.data() + text.size();
  const auto [ptr, error] = std::from_chars(text.data(), end, value);
  if (error != std::errc() || ptr != end || text.empty()) return std::nullopt;
  return value;
}

// Fills `command_line`; returns a message on a usage error.
std::optional<std::string> ParseCommandLine(int argc, char** argv, CommandLine& command_line) {
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "-h" || arg == "--help") {
      command_line.help = true;
      continue;
    }
    std::string_view name = arg;
    std::optional<std::string_view> inline_value;
    if (arg.substr(0, 2) == "--") {
      if (const auto equals = arg.find('='); equals != std::string_view::npos) {
        name = arg.substr(0, equals);
        inline_value = arg.substr(equals + 1);
      }
    }
    const bool known = name == "--bytes" || name == "--seed" || name == "--vocabulary" ||
                       name == "--zipf-exponent" || name == "--mix" || name == "-o" ||
                       name == "--output";
    if (!known) {
      if (!arg.empty() && arg[0] == '-' && arg != "-") return "unknown option " + std::string(arg);
      return "unexpected argument " + std::string(arg);
    }
    std::string_view value;
    if (inline_value) {
      value = *inline_value;
    } else if (i + 1 < argc) {
      value = argv[++i];
    } else {
      return "option " + std::string(name) + " needs a value";
    }
    const auto invalid = [&] {
      return "invalid value for " + std::string(name) + ": '" + std::string(value) + "'";
    };
    GeneratorOptions& options = command_line.options;
    if (name == "--bytes") {
      const auto bytes = ParseByteCount(value);
      if (!bytes) return invalid();
      options.bytes = *bytes;
      command_line.bytes_given = true;
    } else if (name == "--seed") {
      const auto seed = ParseWhole<std::uint64_t>(value);
      if (!seed) return invalid();
      options.seed = *seed;
    } else if (name == "--vocabulary") {
      const auto vocabulary = ParseWhole<std::uint64_t>(value);
      if (!vocabulary) return invalid();
      options.vocabulary = *vocabulary;
    } else if (name == "--zipf-exponent") {
      const auto exponent = ParseWhole<double>(value);
      if (!exponent) return invalid();
      options.zipf_exponent = *exponent;
    } else if (name == "--mix") {
      const auto mix = ParseMix(value);
      if (!mix) return invalid();
      options.mix = *mix;
    } else {  // -o, --output
      if (value.empty()) return invalid();
      command_line.output = std::string(value);
    }
  }
  if (command_line.help) return std::nullopt;
  if (!command_line.bytes_given) return std::string("--bytes is required");
  return ValidateOptions(command_line.options);
}

int Main(int argc, char** argv) {
  CommandLine command_line;
  if (const auto error = ParseCommandLine(argc, argv, command_line)) {
    std::fprintf(stderr, "%s: %s\nTry '%s --help'.\n", kProgram, error->c_str(), kProgram);
    return 2;
  }
  if (command_line.help) {
    std::fputs(kUsage, stdout);
    return std::fflush(stdout) == 0 ? 0 : 1;
  }

  const bool to_stdout = command_line.output == "-";
  const std::string display_name = to_stdout ? "<stdout>" : command_line.output;
  std::FILE* out = stdout;
  if (to_stdout) {
#ifdef _WIN32
    _setmode(_fileno(stdout), _O_BINARY);  // no "\r\n" translation
#endif
  } else {
    out = std::fopen(command_line.output.c_str(), "wb");
    if (out == nullptr) {
      std::fprintf(stderr, "%s: cannot open %s: %s\n", kProgram, display_name.c_str(),
                   std::strerror(errno));
      return 1;
    }
  }

  int write_errno = 0;
  bool ok = GenerateCorpus(command_line.options, [&](std::string_view block) {
    if (std::fwrite(block.data(), 1, block.size(), out) != block.size()) {
      write_errno = errno;
      return false;
    }
    return true;
  });
  if (ok && std::fflush(out) != 0) {
    ok = false;
    write_errno = errno;
  }
  if (!to_stdout && std::fclose(out) != 0 && ok) {
    ok = false;
    write_errno = errno;
  }
  if (!ok) {
    std::fprintf(stderr, "%s: cannot write %s: %s\n", kProgram, display_name.c_str(),
                 write_errno != 0 ? std::strerror(write_errno) : "write error");
    // A truncated corpus would silently skew a benchmark: remove it, but only
    // if it is a plain file (never a device such as /dev/full, nor a symlink).
    std::error_code error;
    if (!to_stdout && std::filesystem::symlink_status(command_line.output, error).type() ==
                          std::filesystem::file_type::regular) {
      std::filesystem::remove(command_line.output, error);
    }
    return 1;
  }
  return 0;
}

}  // namespace
}  // namespace vocabcount::generator

int main(int argc, char** argv) { return vocabcount::generator::Main(argc, argv); }
