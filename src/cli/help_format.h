// How --help reads: the usage line, the options grouped by task under headings
// of their own, descriptions wrapped to fit an 80-column terminal.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "vocabcount/settings.h"

namespace vocabcount::cli {

// What --help says before the options: what the command does, and what a
// PATH is.
inline constexpr std::string_view kHelpDescription =
    "Count token frequencies over text corpora, in parallel.\n"
    "Each PATH is a file, a directory (read recursively) or - for standard input;\n"
    "with no PATH and no --files-from, standard input is read.";

// What --help says after the options: the exit statuses (from the EXIT
// STATUS section of docs/usage.txt) and where the full manual is.
std::string HelpFooter();

// The heading of the general options (-h, -V). help2man makes the man page's
// OPTIONS section from the line "Options:", so the word stays.
inline constexpr std::string_view kGeneralGroup = "Options";

// The help heading of an option group: "Input", "Tokens"...
std::string_view GroupHeading(OptionGroup group);

// CLI11's formatter with the usage line first, then the description, the
// groups and the footer; "-t, --tokenizer KIND" and "--stats[=json]" as GNU
// tools write them; descriptions wrapped at the column help2man reads as the
// same paragraph.
class HelpFormatter : public CLI::Formatter {
 public:
  HelpFormatter();
  std::string make_help(const CLI::App* app, std::string name,
                        CLI::AppFormatMode mode) const override;
  std::string make_group(std::string group, bool is_positional,
                         std::vector<const CLI::Option*> opts) const override;
  std::string make_option_name(const CLI::Option* option, bool is_positional) const override;
  std::string make_option_opts(const CLI::Option* option) const override;
  std::string make_option_desc(const CLI::Option* option) const override;
};

}  // namespace vocabcount::cli
