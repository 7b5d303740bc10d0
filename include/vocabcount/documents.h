// Counting documents the caller holds in memory (a dataset's column, a
// generator of strings), handed over in batches while the workers count.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "vocabcount/count.h"
#include "vocabcount/options.h"

namespace vocabcount {

// Some documents, one after another: each is followed by one line feed in
// `text`, and ends[i] is where document i's line feed is.
struct DocumentBatch {
  std::string text;
  std::vector<std::size_t> ends;

  void Add(std::string_view document) {
    text.append(document);
    ends.push_back(text.size());
    text.push_back('\n');
  }
  bool empty() const { return ends.empty(); }
};

// Fills an empty `batch` with the next documents (about Options::chunk_bytes
// of them is a good batch) and returns true, or returns false when there are
// none left. Called from one thread at a time, not always the caller's; it
// may block while the documents are made. To stop early for a reason of its
// own, it returns false and sets Options::cancel.
using DocumentSource = std::function<bool(DocumentBatch& batch)>;

// Counts every document `next` hands over, as JSON Lines documents are
// counted: no token, n-gram or piece spans two, and the vocabulary does not
// depend on how the documents were batched. A document is held whole while it
// is counted, and a batch may hold at most 2 GiB. Problems name the input
// "<documents>", at a byte offset in the documents joined by line feeds.
// Batches are read while earlier ones are counted, so `next` may read a
// source far larger than memory.
CountReport CountDocuments(const DocumentSource& next, const Options& options,
                           const EntrySink& sink = nullptr);

}  // namespace vocabcount
