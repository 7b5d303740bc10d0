# Types of the vocabcount package, for editors and type checkers: the options
# each function takes, as keywords.
import os
from collections import Counter
from typing import Iterable, Iterator, Literal, Sequence, TypedDict, Union

from typing_extensions import Unpack

__version__: str

_Path = Union[str, bytes, os.PathLike[str], os.PathLike[bytes]]
_Paths = Union[_Path, Iterable[_Path]]
_Size = Union[int, str]
_Globs = Union[str, Sequence[str]]

class _RunOptions(TypedDict, total=False):
    """What every run takes: the output's selection, threads and memory."""
    min_count: int
    top: int
    sort: Literal["count", "token"]
    threads: int
    memory: _Size
    temp_dir: Union[str, os.PathLike[str]]

class _TextOptions(_RunOptions, total=False):
    """How text becomes tokens."""
    tokenizer: Literal["word", "whitespace", "gpt2", "cl100k", "o200k"]
    raw_pieces: bool
    lower: bool
    casefold: bool
    nfc: bool
    nfkc: bool
    ngrams: Union[int, str]
    ngram_separator: str
    max_token_bytes: _Size

class _WalkOptions(TypedDict, total=False):
    """Which files are read, and what happens when one cannot be."""
    include: _Globs
    exclude: _Globs
    follow: bool
    keep_going: bool

class _FileOptions(_TextOptions, _WalkOptions, total=False):
    jsonl: str
    strict_jsonl: bool
    shard: str

class _MergeOptions(_RunOptions, _WalkOptions, total=False): ...

class VocabcountWarning(UserWarning): ...

class InputError(OSError):
    filename: str | None
    byte_offset: int | None
    line: int | None

def count(paths: _Paths, **options: Unpack[_FileOptions]) -> Counter[str]: ...
def iter_counts(paths: _Paths, **options: Unpack[_FileOptions]) -> Iterator[tuple[str, int]]: ...
def count_texts(
    texts: Iterable[Union[str, bytes]], **options: Unpack[_TextOptions]
) -> Counter[str]: ...
def merge(paths: _Paths, **options: Unpack[_MergeOptions]) -> Counter[str]: ...
