// A Python iterable of str or bytes as the library's DocumentSource: read in
// batches, with the GIL taken, on whichever thread the run reads on.
#pragma once

#include <pybind11/pybind11.h>

#include <atomic>
#include <cstddef>
#include <optional>

#include "vocabcount/documents.h"

namespace vocabcount::python {

namespace py = pybind11;

class PythonDocuments {
 public:
  // Call with the GIL held. A failure of the iteration (an exception of the
  // generator, an item neither str nor bytes) sets `cancel` to stop the run,
  // and error() holds it.
  PythonDocuments(py::iterator documents, std::size_t batch_bytes, std::atomic<bool>* cancel)
      : documents_(std::move(documents)), batch_bytes_(batch_bytes), cancel_(cancel) {}

  // The DocumentSource: fills `batch` with about batch_bytes of documents.
  bool operator()(DocumentBatch& batch);

  // Takes the first batch now, on the caller's thread (the GIL held), to
  // learn whether the documents are few; the source hands it out first.
  // Returns whether that was every document.
  bool TakeFirst();

  // What stopped the iteration, if anything did; call with the GIL held.
  std::optional<py::error_already_set>& error() { return error_; }

 private:
  // Fills `batch` from the iterator.
  bool Fill(DocumentBatch& batch);

  py::iterator documents_;
  std::size_t batch_bytes_;
  std::atomic<bool>* cancel_;
  bool done_ = false;
  std::optional<DocumentBatch> first_;
  std::optional<py::error_already_set> error_;
};

}  // namespace vocabcount::python
