// Taking documents from a Python iterator: str as its UTF-8 (which CPython
// keeps beside an ASCII str already), bytes and other buffers as they are.
#include "python_documents.h"

#include <string>
#include <string_view>

namespace vocabcount::python {
namespace {

// The item's text; throws TypeError for what is not text, and
// UnicodeEncodeError for a str with a lone surrogate.
std::string_view TextOf(PyObject* item) {
  if (PyUnicode_Check(item)) {
    Py_ssize_t size = 0;
    const char* data = PyUnicode_AsUTF8AndSize(item, &size);
    if (data == nullptr) throw py::error_already_set();
    return {data, static_cast<std::size_t>(size)};
  }
  if (PyBytes_Check(item)) {
    return {PyBytes_AS_STRING(item), static_cast<std::size_t>(PyBytes_GET_SIZE(item))};
  }
  if (PyByteArray_Check(item)) {
    return {PyByteArray_AS_STRING(item), static_cast<std::size_t>(PyByteArray_GET_SIZE(item))};
  }
  throw py::type_error(std::string("count_texts: each document must be str or bytes, not ") +
                       Py_TYPE(item)->tp_name);
}

}  // namespace

bool PythonDocuments::TakeFirst() {
  first_.emplace();
  if (!Fill(*first_)) first_.reset();
  return done_;
}

bool PythonDocuments::operator()(DocumentBatch& batch) {
  if (first_) {
    batch = std::move(*first_);
    first_.reset();
    return true;
  }
  return Fill(batch);
}

bool PythonDocuments::Fill(DocumentBatch& batch) {
  if (done_) return false;
  py::gil_scoped_acquire gil;
  try {
    while (batch.text.size() < batch_bytes_) {
      py::object item = py::reinterpret_steal<py::object>(PyIter_Next(documents_.ptr()));
      if (!item) {
        if (PyErr_Occurred()) throw py::error_already_set();
        done_ = true;
        break;
      }
      batch.Add(TextOf(item.ptr()));
    }
  } catch (py::error_already_set& error) {
    error_.emplace(std::move(error));
  } catch (const py::builtin_exception& error) {
    error.set_error();
    error_.emplace();
  }
  if (error_) {
    done_ = true;
    *cancel_ = true;
    return false;
  }
  return !batch.empty();
}

}  // namespace vocabcount::python
