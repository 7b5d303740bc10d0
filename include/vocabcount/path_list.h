// Reading a list of input paths from a file or standard input, for corpora
// with more files than a command line can hold.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "vocabcount/problem.h"

namespace vocabcount {

// Appends the paths listed in `list` ("-": standard input) to `paths`: one per
// line (a final line feed is optional; a CR before it is kept, since it may
// be part of a name), or separated by NUL bytes when `nul_separated` (for
// names holding line feeds, as `find -print0` writes them). Empty entries
// are skipped. On failure returns a problem naming the list.
std::optional<Problem> ReadPathList(const std::string& list, bool nul_separated,
                                    std::vector<std::string>& paths);

}  // namespace vocabcount
