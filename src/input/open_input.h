// Opening a file or standard input as text, once for every reader of inputs
// (counting and merging): the descriptor, read-ahead advice and the
// decompressing stream.
#pragma once

#include <optional>

#include "input/input_list.h"
#include "input/text_stream.h"
#include "vocabcount/problem.h"

namespace vocabcount::internal {

// The text of a kPath or kStdin input. The stream owns the file's descriptor:
// it is closed when the stream (and every copy of its read function) goes;
// standard input stays open. Empty, with `problem` set, when the file cannot
// be opened.
std::optional<TextStream> OpenText(const Input& input, std::optional<Problem>& problem);

}  // namespace vocabcount::internal
