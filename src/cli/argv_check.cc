// Usage errors found by reading argv the way the option parser will: long
// options with or without "=VALUE", short ones alone, bundled (-0j2) or with
// their value attached (-j2), "--" ending the options.
#include "cli/argv_check.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string_view>
#include <utility>

namespace vocabcount::cli {
namespace {

// Edits (insertions, deletions, substitutions) between two short names.
std::size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// " (did you mean --lower?)" for a near miss, else "".
std::string Suggestion(std::string_view name, const std::vector<OptionShape>& options) {
  const OptionShape* best = nullptr;
  std::size_t best_distance = 3;  // more edits than 2 is another word
  for (const OptionShape& option : options) {
    const std::string_view known = option.long_name;
    std::size_t distance = EditDistance(name, known);
    // A name cut short or run on ("--thread", "--ngram") is a near miss too.
    if (name.size() >= 3 && (known.starts_with(name) || name.starts_with(known))) distance = 1;
    if (distance < best_distance) {
      best = &option;
      best_distance = distance;
    }
  }
  return best ? " (did you mean --" + best->long_name + "?)" : "";
}

bool IsNumber(std::string_view text) {
  if (text.starts_with('-')) text.remove_prefix(1);
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c));
  });
}

// Whether `arg` would be taken as an option rather than as the value of the
// one before it: a negative number or "-" alone is a value.
bool LooksLikeOption(std::string_view arg) {
  return arg.size() > 1 && arg.starts_with('-') && !IsNumber(arg);
}

class ArgvChecker {
 public:
  ArgvChecker(const std::vector<OptionShape>& options, int argc, const char* const* argv,
              const WhatIsAllowed& allowed)
      : options_(options), argc_(argc), argv_(argv), allowed_(allowed), given_(options.size()) {}

  std::vector<std::string> Run() {
    for (next_ = 1; next_ < argc_;) {
      const std::string_view arg = argv_[next_++];
      if (arg == "--") break;
      if (arg.starts_with("--")) {
        Long(arg);
      } else if (arg.size() > 1 && arg.starts_with('-')) {
        Short(arg);
      } else if (arg == "json" && after_bare_stats_) {
        problems_.push_back(
            "--stats json: a format goes after '=', as in --stats=json (as it stands, json is "
            "read as an input; write ./json for a file of that name)");
      }
      after_bare_stats_ = arg == "--stats";
    }
    return std::move(problems_);
  }

 private:
  const OptionShape* Find(std::string_view long_name, char short_name) const {
    for (const OptionShape& option : options_) {
      if ((!long_name.empty() && option.long_name == long_name) ||
          (short_name != 0 && option.short_name == short_name)) {
        return &option;
      }
    }
    return nullptr;
  }

  void Long(std::string_view arg) {
    const std::size_t equals = arg.find('=');
    const std::string_view name = arg.substr(2, equals == arg.npos ? arg.npos : equals - 2);
    const OptionShape* option = Find(name, 0);
    if (option == nullptr) {
      problems_.push_back("unknown option '--" + std::string(name) + "'" +
                          Suggestion(name, options_));
      return;
    }
    const std::string spelled = "--" + option->long_name;
    if (equals == arg.npos) {
      if (option->takes_value) TakeValue(*option, spelled, NextValue(*option, spelled));
      return;
    }
    const std::string_view value = arg.substr(equals + 1);
    if (!option->takes_value && !option->optional_value) {
      problems_.push_back(spelled + " takes no value ('" + std::string(arg) + "'): give " +
                          spelled + " alone, or leave it out");
    } else if (value.empty()) {
      problems_.push_back(spelled + "=: the value is empty");
    } else if (option->takes_value) {
      TakeValue(*option, spelled, value);
    }
  }

  // "-j2", "-j 2", "-0", "-0j2": flags, then at most one option with a value,
  // which takes the rest of the argument or the next one.
  void Short(std::string_view arg) {
    for (std::size_t at = 1; at < arg.size(); ++at) {
      const char letter = arg[at];
      const OptionShape* option = Find("", letter);
      if (option == nullptr) {
        problems_.push_back("unknown option '-" + std::string(1, letter) + "'" +
                            (arg.size() > 2 ? " in '" + std::string(arg) + "'" : ""));
        return;
      }
      const std::string spelled = "-" + std::string(1, letter);
      if (option->takes_value) {
        const std::string_view rest = arg.substr(at + 1);
        TakeValue(*option, spelled, rest.empty() ? NextValue(*option, spelled) : rest);
        return;
      }
      if (at + 1 < arg.size() && arg[at + 1] == '=') {
        problems_.push_back(spelled + " takes no value ('" + std::string(arg) + "')");
        return;
      }
    }
  }

  // The next argument as `option`'s value; nullopt, and the problem said,
  // when there is none.
  std::optional<std::string_view> NextValue(const OptionShape& option, const std::string& spelled) {
    if (next_ < argc_ && !LooksLikeOption(argv_[next_])) return argv_[next_++];
    const std::string what = next_ < argc_ && std::string_view(argv_[next_]) != "--"
                                 ? " ('" + std::string(argv_[next_]) +
                                       "' is an option; give a value that starts "
                                       "with - as " +
                                       spelled + "=VALUE)"
                                 : "";
    problems_.push_back(spelled + " needs a value: " + option.value_name +
                        allowed_(option.long_name) + what);
    return std::nullopt;
  }

  void TakeValue(const OptionShape& option, const std::string& spelled,
                 std::optional<std::string_view> value) {
    if (!value) return;
    std::optional<std::string>& earlier = given_[&option - options_.data()];
    if (earlier && !option.repeatable) {
      problems_.push_back(spelled + " is given twice ('" + *earlier + "', then '" +
                          std::string(*value) + "'); give it once");
    }
    earlier = std::string(*value);
  }

  const std::vector<OptionShape>& options_;
  const int argc_;
  const char* const* argv_;
  const WhatIsAllowed& allowed_;
  int next_ = 1;
  bool after_bare_stats_ = false;
  std::vector<std::optional<std::string>> given_;  // each option's first value
  std::vector<std::string> problems_;
};

}  // namespace

std::vector<std::string> ArgvProblems(const std::vector<OptionShape>& options, int argc,
                                      const char* const* argv, const WhatIsAllowed& allowed) {
  return ArgvChecker(options, argc, argv, allowed).Run();
}

}  // namespace vocabcount::cli
