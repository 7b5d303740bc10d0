"""Token frequencies of large text corpora, counted in parallel.

The engine of the ``vocabcount`` command, called in-process::

    import vocabcount
    counts = vocabcount.count(["corpus/"], lower=True, min_count=5)
    counts.most_common(10)

Options are the command's long options as keywords, ``-`` written ``_``
(``min_count=5`` is ``--min-count 5``). Flags take ``True``/``False``;
numbers take an int or the text the command takes (``memory="1G"``,
``ngrams="1-3"``). A bad option raises :class:`ValueError` with the command's
message; an input that cannot be read raises :class:`OSError`
(:class:`FileNotFoundError` and the like where errno says so) naming the
file (when no input at all could be read, even with ``keep_going=True``,
the first input's error is raised); ill-formed UTF-8, tokens over
``max_token_bytes``, bad JSON lines, a directory with no file to read and a
``memory`` budget past what the process may use are reported as
:class:`VocabcountWarning` through :mod:`warnings`.

Every function counts with the GIL released, on ``threads`` threads (default:
every core this process may use), and Ctrl-C stops it within a second.
"""

import collections
import os
import warnings

from . import _vocabcount

__version__ = _vocabcount.__version__

__all__ = [
    "count",
    "count_texts",
    "iter_counts",
    "merge",
    "InputError",
    "VocabcountWarning",
    "__version__",
]


class VocabcountWarning(UserWarning):
    """Something in an input that was left out of the count, or an input
    skipped with ``keep_going=True``."""


class InputError(OSError):
    """An input that was read but is not what it must be: corrupt compressed
    data, a bad JSON line with ``strict_jsonl=True``, a malformed vocabulary
    in :func:`merge`. ``filename``, ``byte_offset`` and ``line`` say where."""

    def __init__(self, message, filename=None, byte_offset=None, line=None):
        super().__init__(message)
        self.filename = filename
        self.byte_offset = byte_offset
        self.line = line

    def __str__(self):
        return self.args[0]


# The keywords each function takes: the options table's names, as Python
# spells them, less those that shape a written file or choose the function.
_KEYWORDS = {name.replace("-", "_"): (takes_value, repeatable)
             for name, takes_value, repeatable in _vocabcount.option_table()
             if name not in ("format", "header", "merge")}


def _option_list(function, options):
    """The keyword options as (name, text) pairs for the engine's table,
    which checks the values; TypeError for what is not an option."""
    pairs = []
    for keyword, value in options.items():
        spec = _KEYWORDS.get(keyword)
        if spec is None:
            raise TypeError(f"{function}() got an unexpected keyword argument '{keyword}'")
        if value is None:
            continue
        takes_value, repeatable = spec
        values = value if repeatable and isinstance(value, (list, tuple)) else [value]
        for one in values:
            if not takes_value:
                if not isinstance(one, bool):
                    raise TypeError(f"{function}(): {keyword} takes True or False, "
                                    f"not {type(one).__name__}")
                text = "true" if one else "false"
            elif isinstance(one, bool):
                raise TypeError(f"{function}(): {keyword} takes a value, not {one}")
            elif isinstance(one, (str, int)):
                text = str(one)
            elif isinstance(one, os.PathLike):
                text = os.fsdecode(one)
            else:
                raise TypeError(f"{function}(): {keyword} takes str or int, "
                                f"not {type(one).__name__}")
            pairs.append((keyword, text))
    return pairs


def _path_list(function, paths):
    """Paths as bytes for the engine: one path, or an iterable of them."""
    if isinstance(paths, (str, bytes, os.PathLike)):
        paths = [paths]
    try:
        return [os.fsencode(path) for path in paths]
    except TypeError:
        raise TypeError(f"{function}(): paths must be str, bytes or os.PathLike, "
                        "or an iterable of them") from None


def _raise_for(report, caller_level):
    """Turns a run's report into warnings, or into the exception of its first
    error. A finished run's errors are inputs keep_going left out. Warnings
    name the line of the caller, `caller_level` frames up from the one that
    calls this."""
    stacklevel = caller_level + 2
    for text in report["warnings"]:
        warnings.warn(text, VocabcountWarning, stacklevel=stacklevel)
    errors = report["errors"]
    if report["finished"]:
        for error in errors:
            warnings.warn(error["text"], VocabcountWarning, stacklevel=stacklevel)
        return
    error = errors[0]  # an unfinished run always says why
    path = os.fsdecode(error["path"]) if error["path"] else None
    if error["errno"]:
        # An error of the run itself (an unusable temporary directory) says
        # in its text which directory, and where it was named.
        raise OSError(error["errno"], os.strerror(error["errno"]) if path else error["text"],
                      path)
    if path is not None:
        raise InputError(error["text"], path, error["byte_offset"], error["line"])
    if error["what"] == "out of memory":
        raise MemoryError(error["text"])
    raise RuntimeError(error["text"])


def _warn_options(pairs, kind):
    """Warns of what the options ask that this machine cannot give (a memory
    budget past what the process may use), before the run starts; the
    warnings name the line of the public function's caller."""
    for text in _vocabcount.option_warnings(pairs, kind):
        warnings.warn(text, VocabcountWarning, stacklevel=3)


def _counter(stream):
    counts = collections.Counter()
    try:
        stream.fill(counts)
    except BaseException:
        stream.cancel()
        raise
    # This frame, the public function's, then its caller's.
    _raise_for(stream.report(), 2)
    return counts


def count(paths, **options):
    """Counts the tokens of files and returns a :class:`collections.Counter`.

    ``paths`` is one path or an iterable of them (str, bytes or
    :class:`os.PathLike`): files, directories (walked recursively, in sorted
    order) and ``"-"`` for standard input, plain or compressed (gzip, zstd,
    bzip2, xz), as the ``vocabcount`` command reads them. The Counter's
    order is the command's output order (count descending, then token), so
    ``most_common(n)`` is ``--top n``.

    Options: tokenizer ("word", "whitespace", "gpt2", "cl100k", "o200k"),
    raw_pieces, lower, casefold, nfc, nfkc, ngrams (int or "M-N"),
    ngram_separator (with ngrams of 2 or more), min_count, max_token_bytes
    ("64K" or bytes), top, sort ("count" or
    "token"), threads, include, exclude (glob or list of globs), jsonl
    (field), strict_jsonl, shard ("I/N" or "auto"), keep_going, follow,
    memory ("1G" or bytes), temp_dir.
    """
    pairs = _option_list("count", options)
    _warn_options(pairs, "count")
    stream = _vocabcount.start_count(_path_list("count", paths), pairs)
    return _counter(stream)


def count_texts(texts, **options):
    """Counts the tokens of documents held in Python and returns a
    :class:`collections.Counter` in output order.

    ``texts`` is any iterable of str (or bytes, UTF-8), each item one
    document: no token, n-gram or piece spans two. Items are taken in
    batches while the engine counts earlier ones, so a generator over a
    dataset far larger than memory runs in bounded memory and in parallel.
    Takes the options of :func:`count` but jsonl, strict_jsonl, shard,
    include, exclude, follow and keep_going, which concern files.
    """
    if isinstance(texts, (str, bytes)):
        raise TypeError("count_texts() takes an iterable of documents; "
                        "for one text, pass [text]")
    pairs = _option_list("count_texts", options)
    _warn_options(pairs, "texts")
    stream = _vocabcount.start_count_texts(texts, pairs)
    return _counter(stream)


def iter_counts(paths, **options):
    """Counts the tokens of files as :func:`count` does and yields
    ``(token, count)`` pairs in output order, without holding the
    vocabulary in Python: one larger than Python's memory streams through
    within ``memory``. Errors and warnings come after the last pair; closing
    the generator early stops the count."""
    pairs = _option_list("iter_counts", options)
    _warn_options(pairs, "count")
    stream = _vocabcount.start_count(_path_list("iter_counts", paths), pairs)
    return _iterate(stream)


def _iterate(stream):
    try:
        while (batch := stream.next_batch()) is not None:
            yield from batch
    except BaseException:  # GeneratorExit too: the reader wants no more
        stream.cancel()
        raise
    _raise_for(stream.report(), 1)  # the generator's, then its reader's


def merge(paths, **options):
    """Sums vocabularies written by vocabcount (``token<TAB>count`` lines,
    a header or not, compressed or not) and returns a
    :class:`collections.Counter` in output order: merging the counts of a
    corpus's parts gives the Counter a count of the whole would.

    Options: min_count, top, sort, threads, memory, temp_dir, keep_going,
    include, exclude, follow.
    """
    pairs = _option_list("merge", options)
    _warn_options(pairs, "merge")
    stream = _vocabcount.start_merge(_path_list("merge", paths), pairs)
    return _counter(stream)
