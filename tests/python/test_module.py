"""The vocabcount Python module against the vocabcount command: every option
gives the command's vocabulary in the command's order; documents from Python,
streaming, errors, warnings, the GIL and Ctrl-C behave as Python users
expect. VOCABCOUNT_CLI names the command (default: build/vocabcount)."""

import ast
import collections
import gzip
import itertools
import json
import os
import re
import resource
import signal
import subprocess
import sys
import textwrap
import threading
import time
import warnings
from pathlib import Path

import pytest

import vocabcount

ROOT = Path(__file__).resolve().parents[2]
CLI = os.environ.get("VOCABCOUNT_CLI", str(ROOT / "build" / "vocabcount"))
CORPUS = sorted(str(path) for path in (ROOT / "corpus").glob("*.txt"))


def cli(*args, check=True):
    """Runs the command; returns (stdout bytes, stderr text, status)."""
    result = subprocess.run([CLI, *args], capture_output=True)
    if check and result.returncode != 0:
        raise AssertionError(f"{args}: {result.stderr.decode()}")
    return result.stdout, result.stderr.decode(), result.returncode


def cli_pairs(*args):
    """The command's vocabulary as (token, count) pairs in its order."""
    out, _, _ = cli("--format", "json", *args)
    return json.loads(out, object_pairs_hook=list)


def flag_args(options):
    """Keyword options as the command's arguments."""
    args = []
    for keyword, value in options.items():
        name = "--" + keyword.replace("_", "-")
        values = value if isinstance(value, list) else [value]
        for one in values:
            if value is True:
                args.append(name)
            else:
                args += [name, str(one)]
    return args


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory):
    """The corpus as a directory tree with a gzipped file and a JSON Lines
    file, for the options that walk, decompress and parse."""
    root = tmp_path_factory.mktemp("tree")
    (root / "sub").mkdir()
    for path in CORPUS[:8]:
        (root / Path(path).name).write_bytes(Path(path).read_bytes())
    for path in CORPUS[8:]:
        (root / "sub" / (Path(path).name + ".gz")).write_bytes(
            gzip.compress(Path(path).read_bytes()))
    lines = [json.dumps({"text": Path(path).read_text(), "n": i}) for i, path in enumerate(CORPUS)]
    (root / "docs.jsonl").write_text("\n".join(lines) + "\n")
    return root


# Each option, and the combinations that matter, against the command.
OPTION_SETS = [
    {},
    {"lower": True},
    {"casefold": True},
    {"nfc": True},
    {"nfkc": True, "lower": True},
    {"tokenizer": "whitespace"},
    {"tokenizer": "gpt2"},
    {"tokenizer": "cl100k", "lower": True},
    {"tokenizer": "o200k"},
    {"tokenizer": "gpt2", "raw_pieces": True},
    {"ngrams": 2},
    {"ngrams": "1-3", "ngram_separator": "_"},
    {"min_count": 3},
    {"max_token_bytes": 5},
    {"top": 25},
    {"top": 25, "sort": "token"},
    {"sort": "token"},
    {"threads": 1},
    {"threads": 3},
    {"memory": "256M"},
    {"memory": 300 << 20, "temp_dir": "/tmp"},
    {"chunk_size": 7},
]


@pytest.mark.parametrize("options", OPTION_SETS, ids=lambda o: json.dumps(o) or "defaults")
@pytest.mark.filterwarnings("ignore::vocabcount.VocabcountWarning")
def test_options_give_the_commands_vocabulary(options):
    expected = cli_pairs(*flag_args(options), *CORPUS)
    counts = vocabcount.count(CORPUS, **options)
    assert list(counts.items()) == [tuple(pair) for pair in expected]
    assert isinstance(counts, collections.Counter)


WALK_SETS = [
    {},
    {"include": "*.gz"},
    {"exclude": ["*.gz", "docs.*"]},
    {"shard": "1/3"},
    {"follow": True},
    {"jsonl": "text", "include": "*.jsonl"},
    {"jsonl": "text", "strict_jsonl": True, "include": "*.jsonl"},
]


@pytest.mark.parametrize("options", WALK_SETS, ids=lambda o: json.dumps(o) or "defaults")
def test_directory_options_give_the_commands_vocabulary(corpus_dir, options):
    expected = cli_pairs(*flag_args(options), str(corpus_dir))
    assert list(vocabcount.count(corpus_dir, **options).items()) == [tuple(p) for p in expected]


def test_most_common_is_top():
    counts = vocabcount.count(CORPUS)
    top = cli_pairs("--top", "40", *CORPUS)
    assert counts.most_common(40) == [tuple(pair) for pair in top]


def test_every_keyword_is_an_option_of_the_command():
    out, _, _ = cli("--help")
    for keyword in vocabcount._KEYWORDS:
        if keyword == "chunk_size":  # hidden: for tests
            continue
        assert "--" + keyword.replace("_", "-") in out.decode(), keyword


def test_version_is_the_commands():
    out, _, _ = cli("--version")
    assert out.decode().split() == ["vocabcount", vocabcount.__version__]


def test_paths_may_be_pathlike_bytes_or_one_path():
    one = vocabcount.count(CORPUS[0])
    assert vocabcount.count(Path(CORPUS[0])) == one
    assert vocabcount.count([os.fsencode(CORPUS[0])]) == one
    assert vocabcount.count(path for path in [CORPUS[0]]) == one


def test_count_texts_counts_each_item_as_a_document(tmp_path):
    lines = [line for path in CORPUS for line in Path(path).read_text().splitlines()]
    (tmp_path / "lines.txt").write_text("\n".join(lines) + "\n")
    for options in [{}, {"ngrams": "1-3"}, {"tokenizer": "whitespace", "lower": True}]:
        expected = cli_pairs(*flag_args(options), str(tmp_path / "lines.txt"))
        got = vocabcount.count_texts((line for line in lines), **options)
        assert list(got.items()) == [tuple(pair) for pair in expected]


def test_count_texts_keeps_pieces_and_ngrams_within_a_document():
    texts = ["one two", "three four", "\n", "\n  x"]
    assert vocabcount.count_texts(texts, ngrams=2) == {"one two": 1, "three four": 1}
    pieces = vocabcount.count_texts(texts, tokenizer="gpt2", raw_pieces=True)
    assert pieces == collections.Counter(
        piece for text in texts for piece in re.findall(r" ?\w+|\s+(?!\S)|\s+", text))


def test_count_texts_takes_bytes_and_reports_ill_formed_ones():
    with pytest.warns(vocabcount.VocabcountWarning, match="ill-formed UTF-8"):
        counts = vocabcount.count_texts([b"caf\xc3\xa9 \xff bar", bytearray(b"bar")])
    assert counts == {"bar": 2, "café": 1}


def test_count_texts_reads_a_generator_in_bounded_memory():
    # 320 MB of text: held at once, it would show in the peak.
    document = "the quick brown fox jumps over the lazy dog " * 230  # about 10 KB
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    counts = vocabcount.count_texts(itertools.repeat(document, 32_000), tokenizer="whitespace")
    grown_mib = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert counts["the"] == 2 * 230 * 32_000
    assert grown_mib < 100


def test_iter_counts_streams_millions_of_distinct_tokens(tmp_path):
    path = tmp_path / "distinct.txt"
    with open(path, "w") as out:
        for start in range(0, 2_000_000, 100_000):
            out.write("\n".join(f"w{n:x} w{n % 1000:x}" for n in range(start, start + 100_000)))
            out.write("\n")
    stream = vocabcount.iter_counts(path, memory="256M", threads=2)
    expected, _, _ = cli("--memory", "256M", str(path))
    pairs = 0
    for (token, count), line in zip(stream, expected.decode().splitlines(), strict=True):
        assert f"{token}\t{count}" == line
        pairs += 1
    assert pairs == 2_000_000


def test_iter_counts_stops_when_the_reader_does(tmp_path):
    stream = vocabcount.iter_counts(CORPUS)
    first = next(stream)
    stream.close()
    assert first == vocabcount.count(CORPUS).most_common(1)[0]


def test_merge_sums_what_the_parts_wrote(tmp_path):
    halves = [CORPUS[::2], CORPUS[1::2]]
    for i, half in enumerate(halves):
        cli("-o", str(tmp_path / f"part{i}.tsv"), *half)
    merged = vocabcount.merge([tmp_path / "part0.tsv", tmp_path / "part1.tsv"])
    assert list(merged.items()) == list(vocabcount.count(CORPUS).items())
    assert vocabcount.merge(tmp_path, top=5) == dict(vocabcount.count(CORPUS).most_common(5))


def test_a_missing_input_is_file_not_found(tmp_path):
    missing = str(tmp_path / "missing.txt")
    with pytest.raises(FileNotFoundError) as raised:
        vocabcount.count([CORPUS[0], missing])
    assert raised.value.filename == missing
    assert missing in str(raised.value)


def test_keep_going_warns_and_counts_the_rest(tmp_path):
    missing = str(tmp_path / "missing.txt")
    with pytest.warns(vocabcount.VocabcountWarning, match="missing.txt"):
        counts = vocabcount.count([CORPUS[0], missing], keep_going=True)
    assert counts == vocabcount.count(CORPUS[0])


def test_corrupt_data_is_an_input_error_naming_the_file(tmp_path):
    path = tmp_path / "bad.gz"
    path.write_bytes(gzip.compress(b"some text " * 1000)[:-20] + b"garbage-garbage!!!!!")
    with pytest.raises(vocabcount.InputError) as raised:
        vocabcount.count(path)
    assert isinstance(raised.value, OSError)
    assert raised.value.filename == str(path)
    _, stderr, status = cli(str(path), check=False)
    assert status != 0
    assert f"vocabcount: {raised.value}" in stderr


def test_bad_options_raise_the_commands_message():
    with pytest.raises(ValueError) as raised:
        vocabcount.count(CORPUS, lower=True, casefold=True, top=0)
    _, stderr, status = cli("--lower", "--casefold", "--top", "0", *CORPUS, check=False)
    assert status == 2
    for line in str(raised.value).splitlines():
        assert f"vocabcount: {line}\n" in stderr
    with pytest.raises(ValueError, match="^--memory: "):
        vocabcount.count(CORPUS, memory="lots")
    with pytest.raises(ValueError, match="^--jsonl: "):
        vocabcount.count_texts(["x"], jsonl="text")


def test_misused_keywords_are_type_errors():
    with pytest.raises(TypeError, match="unexpected keyword argument 'colour'"):
        vocabcount.count(CORPUS, colour=True)
    with pytest.raises(TypeError, match="lower takes True or False"):
        vocabcount.count(CORPUS, lower=1)
    with pytest.raises(TypeError, match="format"):
        vocabcount.count(CORPUS, format="json")
    with pytest.raises(TypeError, match="iterable of documents"):
        vocabcount.count_texts("one text")
    with pytest.raises(TypeError, match="must be str or bytes, not int"):
        vocabcount.count_texts(["fine", 42])


def test_an_exception_of_the_generator_propagates():
    def documents():
        yield "some text"
        raise LookupError("the dataset went away")
    with pytest.raises(LookupError, match="went away"):
        vocabcount.count_texts(documents())


def test_warnings_are_the_commands(tmp_path):
    path = tmp_path / "long.txt"
    path.write_bytes(b"short " + b"x" * 40 + b" words \xff\n")
    _, stderr, _ = cli("--max-token-bytes", "20", str(path))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        vocabcount.count(path, max_token_bytes=20)
    assert [f"vocabcount: warning: {w.message}" for w in caught] == stderr.splitlines()
    assert all(w.category is vocabcount.VocabcountWarning for w in caught)
    assert all(w.filename == __file__ for w in caught)  # the caller's line


def test_other_threads_run_while_it_counts():
    steps = 0
    done = threading.Event()

    def spin():
        nonlocal steps
        while not done.is_set():
            steps += 1

    document = "a few words to count " * 500
    spinner = threading.Thread(target=spin)
    spinner.start()
    try:
        started = steps
        vocabcount.count_texts(itertools.repeat(document, 20_000), threads=1)
        during = steps - started
    finally:
        done.set()
        spinner.join()
    assert during > 100_000


INTERRUPTED_CHILD = textwrap.dedent("""
    import itertools, sys, time, vocabcount
    print("counting", flush=True)
    try:
        if sys.argv[1] == "texts":
            vocabcount.count_texts(itertools.repeat("endless words " * 100))
        else:
            vocabcount.count(["/dev/zero"], temp_dir=sys.argv[2])
    except KeyboardInterrupt:
        print("interrupted", flush=True)
""")


@pytest.mark.parametrize("what", ["texts", "files"])
def test_ctrl_c_stops_a_count_within_a_second(tmp_path, what):
    child = subprocess.Popen([sys.executable, "-c", INTERRUPTED_CHILD, what, str(tmp_path)],
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline() == "counting\n"
    time.sleep(1.0)
    assert child.poll() is None  # still counting
    sent = time.monotonic()
    child.send_signal(signal.SIGINT)
    out, _ = child.communicate(timeout=10)
    assert time.monotonic() - sent < 1.0
    assert out == "interrupted\n"
    assert child.returncode == 0
    assert list(tmp_path.iterdir()) == []  # nothing left behind


def stub_options(classes, name):
    """The keyword names the type stub gives class `name`, its bases' too."""
    node = classes[name]
    names = {item.target.id for item in node.body if isinstance(item, ast.AnnAssign)}
    for base in node.bases:
        if isinstance(base, ast.Name) and base.id in classes:
            names |= stub_options(classes, base.id)
    return names


def test_the_installed_type_stub_names_every_option():
    stub = Path(vocabcount.__file__).with_suffix(".pyi")
    classes = {node.name: node for node in ast.parse(stub.read_text()).body
               if isinstance(node, ast.ClassDef)}
    hidden = {"chunk_size"}  # for tests only
    assert stub_options(classes, "_FileOptions") == set(vocabcount._KEYWORDS) - hidden
    assert stub_options(classes, "_FileOptions") > stub_options(classes, "_TextOptions")
    assert (Path(vocabcount.__file__).parent / "py.typed").exists()


@pytest.mark.parametrize("function", ["count", "count_texts", "merge"])
def test_an_unusable_temp_dir_raises_its_oserror_before_counting(tmp_path, function):
    notes = tmp_path / "notes.txt"
    notes.write_text("not a directory\n")
    part = tmp_path / "part.tsv"
    part.write_text("cat\t1\n")

    def run(**options):
        if function == "count_texts":
            return vocabcount.count_texts(["the cat"], **options)
        return getattr(vocabcount, function)(part if function == "merge" else CORPUS[0],
                                              **options)

    missing = tmp_path / "missing"
    with pytest.raises(FileNotFoundError) as raised:
        run(temp_dir=missing)
    message = f"--temp-dir {missing}: No such file or directory"
    assert raised.value.strerror == message
    _, stderr, status = cli("--temp-dir", str(missing), CORPUS[0], check=False)
    assert (status, stderr) == (1, f"vocabcount: {message}\n")
    with pytest.raises(NotADirectoryError, match="--temp-dir .*notes.txt: Not a directory"):
        run(temp_dir=notes)
    if os.geteuid() != 0:  # root may write anywhere
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        with pytest.raises(PermissionError, match="--temp-dir .*locked: Permission denied"):
            run(temp_dir=locked)


def test_an_unusable_tmpdir_raises_naming_it(tmp_path, monkeypatch):
    monkeypatch.setenv("TMPDIR", str(tmp_path / "missing"))
    with pytest.raises(FileNotFoundError, match=r"^\[Errno 2\] TMPDIR=.*missing: No such file "
                                                r"or directory \(the directory for counts"):
        vocabcount.count(CORPUS[0])


def test_a_directory_with_nothing_to_read_warns(tmp_path):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text("apple\n")
    (tmp_path / "empty").mkdir()
    for function in (vocabcount.count, vocabcount.merge):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            counts = function([tmp_path / "corpus", tmp_path / "empty"], include="*.TXT")
        assert counts == collections.Counter()
        assert [str(w.message) for w in caught] == [
            f"{tmp_path / 'corpus'}: no file to read in this directory "
            "(--include '*.TXT' did not match its only file)",
            f"{tmp_path / 'empty'}: no file to read in this directory "
            "(it holds no regular file)"]
        assert all(w.category is vocabcount.VocabcountWarning for w in caught)
        assert all(w.filename == __file__ for w in caught)


def test_keep_going_with_nothing_read_raises_the_first_inputs_error(tmp_path):
    missing = str(tmp_path / "missing.txt")
    for function in (vocabcount.count, vocabcount.merge):
        with pytest.raises(FileNotFoundError) as raised:
            function([missing, tmp_path / "gone.txt"], keep_going=True)
        assert raised.value.filename == missing
    with pytest.raises(FileNotFoundError):
        list(vocabcount.iter_counts(missing, keep_going=True))


def test_max_token_bytes_takes_sizes_as_memory_does():
    assert (vocabcount.count(CORPUS, max_token_bytes="16M")
            == vocabcount.count(CORPUS, max_token_bytes=16 << 20))
    assert (vocabcount.count(CORPUS, max_token_bytes="1k")
            == vocabcount.count(CORPUS, max_token_bytes=1024))
    with pytest.raises(ValueError, match=re.escape(
            "--max-token-bytes: '17M' is not from 1 to 16M (16777216)")):
        vocabcount.count(CORPUS, max_token_bytes="17M")


def test_a_memory_budget_past_the_machine_warns_before_counting():
    _, stderr, _ = cli("--memory", "1000T", CORPUS[0])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        counts = vocabcount.count(CORPUS[0], memory="1000T")
    assert counts == vocabcount.count(CORPUS[0])
    assert [f"vocabcount: warning: {w.message}" for w in caught] == stderr.splitlines()
    assert str(caught[0].message).startswith("--memory 1000T is more than this process may use")
    assert all(w.category is vocabcount.VocabcountWarning for w in caught)
    assert all(w.filename == __file__ for w in caught)


def test_options_that_cannot_have_an_effect_are_value_errors():
    with pytest.raises(ValueError, match="^--ngram-separator goes only with --ngrams"):
        vocabcount.count(CORPUS, ngram_separator="_")
    with pytest.raises(ValueError, match="^--follow: documents"):
        vocabcount.count_texts(["text"], follow=True)
    with pytest.raises(ValueError, match="^--keep-going: documents"):
        vocabcount.count_texts(["text"], keep_going=True)
