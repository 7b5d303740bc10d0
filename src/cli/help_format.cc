// How --help reads: the usage line, the options grouped by task, descriptions
// wrapped to fit an 80-column terminal.
#include "cli/help_format.h"

#include <string>
#include <string_view>
#include <vector>

#include "cli/usage_text.h"

namespace vocabcount::cli {
namespace {

// The column where descriptions start, past the widest name field
// ("  --max-token-bytes SIZE") and two spaces, and the widest line help prints:
// within an 80-column terminal, whose last column would wrap on some.
constexpr std::size_t kHelpColumn = 26;
constexpr std::size_t kHelpWidth = 79;

// `text` broken at spaces into lines of at most `width` characters.
std::string WrapText(std::string_view text, std::size_t width) {
  std::string wrapped;
  std::size_t line_length = 0;
  while (!text.empty()) {
    const std::size_t space = text.find(' ');
    const std::string_view word = text.substr(0, space);
    text = space == text.npos ? std::string_view() : text.substr(space + 1);
    if (word.empty()) continue;
    if (line_length > 0 && line_length + 1 + word.size() > width) {
      wrapped += '\n';
      line_length = 0;
    } else if (line_length > 0) {
      wrapped += ' ';
      ++line_length;
    }
    wrapped += word;
    line_length += word.size();
  }
  return wrapped;
}

}  // namespace

std::string_view GroupHeading(OptionGroup group) {
  switch (group) {
    case OptionGroup::kInput:
      return "Input";
    case OptionGroup::kTokens:
      return "Tokens";
    case OptionGroup::kOutput:
      return "Output";
    case OptionGroup::kScale:
      return "Scale";
  }
  return "";
}

std::string HelpFooter() {
  return std::string("Exit status:\n") + kExitStatusText +
         "\nThe full manual: man vocabcount (in a build tree: man -l build/vocabcount.1)";
}

HelpFormatter::HelpFormatter() { column_width(kHelpColumn); }

std::string HelpFormatter::make_help(const CLI::App* app, std::string name,
                                     CLI::AppFormatMode) const {
  // The usage line first, as help2man and GNU tools expect; no "Positionals"
  // list: the description says what a PATH is. Groups in the order of their
  // first option, each after one blank line.
  std::string text = make_usage(app, name) + make_description(app);
  for (const std::string& group : app->get_groups()) {
    const std::vector<const CLI::Option*> options =
        app->get_options([&](const CLI::Option* option) {
          return option->get_group() == group && option->nonpositional();
        });
    if (!group.empty() && !options.empty()) text += "\n" + make_group(group, false, options);
  }
  return text + "\n" + make_footer(app);
}

std::string HelpFormatter::make_group(std::string group, bool is_positional,
                                      std::vector<const CLI::Option*> opts) const {
  std::string text = group + ":\n";
  for (const CLI::Option* option : opts) text += make_option(option, is_positional);
  return text;
}

std::string HelpFormatter::make_option_name(const CLI::Option* option, bool is_positional) const {
  std::string names = CLI::Formatter::make_option_name(option, is_positional);
  std::string spaced;
  for (const char c : names) spaced += c == ',' ? std::string(", ") : std::string(1, c);
  return spaced;
}

std::string HelpFormatter::make_option_opts(const CLI::Option* option) const {
  const std::string& text = option->get_option_text();
  // An optional value is written against the name: "--stats[=json]".
  if (text.starts_with("[=")) return text;
  return CLI::Formatter::make_option_opts(option);
}

std::string HelpFormatter::make_option_desc(const CLI::Option* option) const {
  return WrapText(option->get_description(), kHelpWidth - kHelpColumn);
}

}  // namespace vocabcount::cli
