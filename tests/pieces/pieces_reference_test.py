#!/usr/bin/python3
# vocabcount's pre-tokenizers (-t gpt2, cl100k, o200k) against the plain Python
# reference beside it: corpus files, line-end variants, JSON Lines, seeded stress
# text and every code point, each at several thread counts and unit sizes.
"""Usage: pieces_reference_test.py VOCABCOUNT CORPUS_DIR [unittest options]

Needs Debian's python3-regex: run it with /usr/bin/python3.
"""

import collections
import concurrent.futures
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import unittest

# The reference is imported from the source tree, which gets no __pycache__.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference_pieces as ref  # noqa: E402

VOCABCOUNT = None
CORPUS = None
TOKENIZERS = ("gpt2", "cl100k", "o200k")

# Thread counts and unit sizes: each must leave the output as it is.
# --chunk-size 1 makes every byte a candidate cut; 3 lands inside most
# multi-byte characters; 64 and 4096 cut within and between lines.
DEFAULT = ()
FEW = (DEFAULT, ("-j2", "--chunk-size", "1"), ("-j5", "--chunk-size", "64"))
MANY = (
    ("-j1",), ("-j2",), ("-j5",),
    ("-j1", "--chunk-size", "1"), ("-j2", "--chunk-size", "3"),
    ("-j5", "--chunk-size", "64"), ("-j2", "--chunk-size", "4096"),
    ("-j5", "--chunk-size", "1"), ("-j3", "--chunk-size", "3"),
)
STRESS = (
    DEFAULT, ("-j1", "--chunk-size", "1"), ("-j2", "--chunk-size", "1"),
    ("-j5", "--chunk-size", "3"), ("-j2", "--chunk-size", "64"), ("-j3", "--chunk-size", "4096"),
)

# Under a sanitizer (scripts/sanitize.sh sets VOCABCOUNT_SANITIZER) the
# comparisons run with fewer settings and the code point sweep is left to the
# plain pass: a subset that still reaches every pattern, cut rule and input
# path, at a sanitized binary's pace.
SANITIZED = bool(os.environ.get("VOCABCOUNT_SANITIZER"))
if SANITIZED:
    FEW = MANY = (("-j2", "--chunk-size", "3"),)
    STRESS = (("-j2", "--chunk-size", "1"),)

CHAR_TO_BYTE = {c: b for b, c in ref.bytes_to_unicode().items()}


def run(args):
    return subprocess.run([VOCABCOUNT, "--no-progress", *args], capture_output=True, check=False)


def vocabcount(tokenizer, paths, options=(), extra=()):
    """vocabcount's output bytes; a failed run fails the calling test."""
    done = run(["-t", tokenizer, *options, *extra, *paths])
    if done.returncode != 0:
        raise AssertionError("vocabcount -t %s %s exited %d: %s" % (
            tokenizer, " ".join(options), done.returncode, done.stderr.decode(errors="replace")))
    return done.stdout


def reference_counts(tokenizer, paths, jsonl=None):
    return ref.count_pieces(ref.texts_of(paths, jsonl), tokenizer)


def reference_tsv(tokenizer, paths, jsonl=None):
    return ref.tsv(reference_counts(tokenizer, paths, jsonl))


def raw(key):
    """A byte-level key back to its piece, for people to read."""
    return bytes(CHAR_TO_BYTE.get(c, 0x3F) for c in key).decode("utf-8", errors="backslashreplace")


def parse_tsv(output):
    pairs = []
    for line in output.decode("utf-8", errors="replace").split("\n")[:-1]:
        key, _, count = line.rpartition("\t")
        pairs.append((key, int(count) if count.isdigit() else count))
    return pairs


def describe_pairs(want, got, show, limit=12):
    """Expected vs actual (key, count) lists, compactly: the keys whose
    counts differ, else the first entry out of order."""
    want_map, got_map = dict(want), dict(got)
    lines = ["%d entries expected, %d written" % (len(want), len(got))]
    differing = [k for k in want_map if want_map[k] != got_map.get(k)]
    differing += [k for k in got_map if k not in want_map]
    for key in differing[:limit]:
        lines.append("  %s: expected %s, vocabcount %s" % (
            show(key), want_map.get(key, "-"), got_map.get(key, "-")))
    if len(differing) > limit:
        lines.append("  ... %d more keys differ" % (len(differing) - limit))
    if not differing:
        for i, (w, g) in enumerate(zip(want, got)):
            if w != g:
                lines.append("  same counts, order differs at entry %d: expected %s, vocabcount %s"
                             % (i + 1, show(w[0]), show(g[0])))
                break
        else:
            lines.append("  same entries in the same order; the bytes differ elsewhere (layout?)")
    return "\n".join(lines)


def describe_difference(expected, actual):
    """Expected vs actual TSV, each key shown with its raw piece."""
    return describe_pairs(parse_tsv(expected), parse_tsv(actual),
                          lambda key: "%r (piece %r)" % (key, raw(key)))


def describe_json_difference(expected, actual):
    """Expected vs actual --raw-pieces JSON."""
    try:
        got = json.loads(actual, object_pairs_hook=list)
    except ValueError as error:
        return "vocabcount wrote no valid JSON (%s): %r" % (error, actual[:200])
    return describe_pairs(json.loads(expected, object_pairs_hook=list), got, repr)


def top_level_alternatives(pattern):
    """A pattern's alternatives at the top level (outside groups and sets)."""
    parts, depth, in_set, start, i = [], 0, False, 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_set:
            in_set = c != "]"
        elif c == "[":
            in_set = True
            if pattern[i + 1:i + 2] == "^":
                i += 1
            if pattern[i + 1:i + 2] == "]":
                i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


def write(directory, name, data):
    path = os.path.join(directory, name)
    with open(path, "wb") as f:
        f.write(data)
    return path


class Scratch:
    """A temporary directory per test class."""

    @classmethod
    def setUpClass(cls):
        cls._scratch = tempfile.TemporaryDirectory(prefix="pieces-test-")
        cls.dir = cls._scratch.name

    @classmethod
    def tearDownClass(cls):
        cls._scratch.cleanup()


class PiecesTestCase(Scratch, unittest.TestCase):
    maxDiff = 2000  # a long diff hides more than it shows

    def check(self, tokenizer, paths, options_list, jsonl=None, expected=None):
        """vocabcount equals the reference on `paths` under every options
        tuple; on a difference, name the input and minimize it."""
        extra = ("--jsonl", jsonl) if jsonl else ()
        if expected is None:
            expected = reference_tsv(tokenizer, paths, jsonl)
        self.assertTrue(expected, "the reference counted nothing: the test input is empty")
        for options in options_list:
            actual = vocabcount(tokenizer, paths, options, extra)
            if actual != expected:
                self.fail("-t %s %s on %d input(s):\n%s%s" % (
                    tokenizer, " ".join(options + extra), len(paths),
                    describe_difference(expected, actual),
                    self.locate(tokenizer, paths, options, jsonl)))

    def locate(self, tokenizer, paths, options, jsonl):
        """The first input that differs on its own, minimized (plain text)."""
        extra = ("--jsonl", jsonl) if jsonl else ()
        for path in paths:
            if vocabcount(tokenizer, [path], options, extra) == reference_tsv(tokenizer, [path], jsonl):
                continue
            with open(path, "rb") as f:
                data = f.read()
            where = "\ndiffers alone: %s (%d bytes)" % (path, len(data))
            if jsonl:
                return where
            return where + minimized_report(data, tokenizer, options, self.dir)
        return "\nno input differs alone" if len(paths) > 1 else ""


def differs(data, tokenizer, options, directory):
    path = write(directory, "minimize.txt", data)
    return vocabcount(tokenizer, [path], options) != reference_tsv(tokenizer, [path])


def minimize(data, still_differs, budget=600):
    """Removes ever smaller slices while the difference stays."""
    chunk = max(1, len(data) // 2)
    while budget > 0:
        i, removed = 0, False
        while i < len(data) and budget > 0:
            candidate = data[:i] + data[i + chunk:]
            budget -= 1
            if candidate and still_differs(candidate):
                data, removed = candidate, True
            else:
                i += chunk
        if chunk == 1 and not removed:
            break
        if not removed:
            chunk = max(1, chunk // 2)
    return data


# Minimizing takes hundreds of runs; a broken build fails many comparisons,
# and the first few minimized say enough.
minimizations_left = [4]


def minimized_report(data, tokenizer, options, directory):
    if minimizations_left[0] == 0:
        return ""
    minimizations_left[0] -= 1
    small = minimize(data, lambda d: differs(d, tokenizer, options, directory))
    path = write(directory, "minimized.txt", small)
    pattern = ref.regex.compile(ref.PATTERNS[tokenizer])
    expected = pattern.findall(ref.decode(small))
    done = run(["-t", tokenizer, *options, "--raw-pieces", "--format", "json", path])
    actual = json.loads(done.stdout or b"{}")
    return "\nminimized: %s (%d bytes)\n  reference pieces: %r\n  vocabcount counts: %r" % (
        small.hex(" "), len(small), expected, actual)


class CorpusTest(PiecesTestCase):
    """Every corpus file alone and all together."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.files = sorted(os.path.join(CORPUS, n) for n in os.listdir(CORPUS) if n.endswith(".txt"))

    def test_corpus_found(self):
        self.assertGreaterEqual(len(self.files), 10, CORPUS)

    def test_each_file(self):
        for tokenizer in TOKENIZERS:
            for path in self.files:
                with self.subTest(tokenizer=tokenizer, file=os.path.basename(path)):
                    self.check(tokenizer, [path], FEW)

    def test_all_files_together(self):
        for tokenizer in TOKENIZERS:
            with self.subTest(tokenizer=tokenizer):
                self.check(tokenizer, self.files, MANY)

    def test_raw_pieces_json(self):
        for tokenizer in TOKENIZERS:
            for paths in (self.files, [os.path.join(CORPUS, "mixed.txt")]):
                with self.subTest(tokenizer=tokenizer, inputs=len(paths)):
                    expected = ref.raw_json(reference_counts(tokenizer, paths))
                    for options in ((), ("-j2", "--chunk-size", "3")):
                        actual = vocabcount(tokenizer, paths, options, ("--raw-pieces", "--format", "json"))
                        if actual != expected:
                            self.fail("--raw-pieces --format json %s:\n%s" % (
                                " ".join(options), describe_json_difference(expected, actual)))


def line_end_variants(data, rng):
    """CRLF, lone CR, mixed, and no line end at all, from LF text."""
    lf = data.replace(b"\r\n", b"\n")
    lines = lf.split(b"\n")
    mixed = b"".join(line + rng.choice([b"\n", b"\r\n", b"\r", b"\n\r", b"\r\r\n"])
                     for line in lines[:-1]) + lines[-1]
    return {
        "crlf": lf.replace(b"\n", b"\r\n"),
        "cr": lf.replace(b"\n", b"\r"),
        "mixed": mixed,
        "none": lf.replace(b"\n", b" ").rstrip(b" "),
        "joined": lf.replace(b"\n", b""),
    }


class LineEndTest(PiecesTestCase):
    """The corpus with CRLF, lone CR, mixed and no line ends."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        rng = random.Random(7)
        cls.paths = collections.defaultdict(list)
        for name in sorted(os.listdir(CORPUS)):
            if not name.endswith(".txt"):
                continue
            with open(os.path.join(CORPUS, name), "rb") as f:
                data = f.read()
            for variant, text in line_end_variants(data, rng).items():
                cls.paths[variant].append(write(cls.dir, "%s.%s" % (variant, name), text))

    def test_line_end_variants(self):
        for tokenizer in TOKENIZERS:
            for variant, paths in sorted(self.paths.items()):
                with self.subTest(tokenizer=tokenizer, variant=variant):
                    self.check(tokenizer, paths, STRESS[:4])

    def test_variants_differ_from_lf(self):
        # CR and CRLF are kept as they are: the pieces change.
        english = os.path.join(CORPUS, "english.txt")
        for variant in ("crlf", "cr"):
            path = [p for p in self.paths[variant] if p.endswith(".english.txt")]
            self.assertNotEqual(reference_tsv("cl100k", path), reference_tsv("cl100k", [english]))
            self.assertNotEqual(vocabcount("cl100k", path), vocabcount("cl100k", [english]))


class BomAndEmptyTest(PiecesTestCase):
    """Byte order marks at the start of each input (dropped) and elsewhere
    (kept), empty inputs."""

    def test_boms(self):
        bom = b"\xef\xbb\xbf"
        inputs = [bom + b"Hello world", bom + bom + b"twice", b"mid" + bom + b"dle " + bom,
                  bom, bom + b"\n", b"", bom + b" 's", b"x\r\n" + bom + b"/y"]
        paths = [write(self.dir, "bom%d.txt" % i, data) for i, data in enumerate(inputs)]
        for tokenizer in TOKENIZERS:
            with self.subTest(tokenizer=tokenizer):
                self.check(tokenizer, paths, STRESS)
                for path in paths[:3]:
                    self.check(tokenizer, [path], FEW)

    def test_empty_input(self):
        path = write(self.dir, "empty.txt", b"")
        for tokenizer in TOKENIZERS:
            with self.subTest(tokenizer=tokenizer):
                self.assertEqual(vocabcount(tokenizer, [path]), b"")
                self.assertEqual(vocabcount(tokenizer, [path], (), ("--raw-pieces", "--format", "json")),
                                 ref.raw_json(collections.Counter()))


def jsonl_file(rng, documents, field, crlf_lines):
    """JSON Lines holding `documents` at `field` (dotted paths nest), with
    blank lines, other fields, both escape styles and, if asked, CRLF."""
    out = []
    for i, text in enumerate(documents):
        value = text
        for name in reversed(field.split(".")):
            value = {"id": i, name: value} if rng.random() < 0.5 else {name: value, "lang": "x"}
        out.append(json.dumps(value, ensure_ascii=rng.random() < 0.5).encode("utf-8"))
        if rng.random() < 0.1:
            out.append(rng.choice([b"", b"  ", b" \t"]))
    end = b"\r\n" if crlf_lines else b"\n"
    return end.join(out) + end


class JsonLinesTest(PiecesTestCase):
    """Documents from corpus lines and edge cases, each counted alone."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        rng = random.Random(11)
        documents = ["", " ", "  ", "\n", "\r\n", "\r", "a\nb", "x\r\ny", "trailing   ",
                     "   leading", "tabs\t\t", "end\n", "end\r\n", "it's\n\n", "/\n/", "12345678"]
        for name in sorted(os.listdir(CORPUS)):
            if not name.endswith(".txt"):
                continue
            with open(os.path.join(CORPUS, name), encoding="utf-8", newline="") as f:
                lines = f.read().splitlines(keepends=True)
            for line in lines:
                choice = rng.random()
                if choice < 0.4:
                    documents.append(line.rstrip("\r\n"))
                elif choice < 0.6:
                    documents.append(line.rstrip("\r\n") + rng.choice(["\n", "\r\n", " ", "  ", "\t"]))
                else:
                    documents.append(line)
            # Paragraphs: several lines as one document.
            for start in range(0, len(lines), 5):
                documents.append("".join(lines[start:start + 5]))
        cls.documents = documents
        cls.flat = write(cls.dir, "flat.jsonl", jsonl_file(rng, documents, "text", False))
        cls.crlf = write(cls.dir, "crlf.jsonl", jsonl_file(rng, documents, "text", True))
        cls.nested = write(cls.dir, "nested.jsonl", b"\xef\xbb\xbf" + jsonl_file(rng, documents, "meta.text", False))

    def test_jsonl(self):
        for tokenizer in TOKENIZERS:
            with self.subTest(tokenizer=tokenizer):
                self.check(tokenizer, [self.flat], STRESS[:4], jsonl="text")

    def test_jsonl_crlf_lines(self):
        for tokenizer in TOKENIZERS:
            with self.subTest(tokenizer=tokenizer):
                self.check(tokenizer, [self.crlf], STRESS[:3], jsonl="text")

    def test_jsonl_nested_field_and_bom(self):
        for tokenizer in TOKENIZERS:
            with self.subTest(tokenizer=tokenizer):
                self.check(tokenizer, [self.nested], STRESS[:3], jsonl="meta.text")

    def test_documents_are_separate(self):
        # The same texts as one plain input: pieces join across documents there.
        joined = write(self.dir, "joined.txt", "".join(self.documents).encode("utf-8"))
        for tokenizer in TOKENIZERS:
            with self.subTest(tokenizer=tokenizer):
                self.assertNotEqual(reference_tsv(tokenizer, [joined]),
                                    reference_tsv(tokenizer, [self.flat], "text"))
                self.assertNotEqual(vocabcount(tokenizer, [joined]),
                                    vocabcount(tokenizer, [self.flat], (), ("--jsonl", "text")))


# Seeded stress text: fragments chosen at random from groups, each group
# aimed at one alternative of the patterns or at a boundary between them.
def _digits(first):
    return "".join(chr(first + i) for i in range(10))


DIGIT_SETS = ["0123456789", _digits(0x660), _digits(0x6F0), _digits(0x966), _digits(0xFF10),
              _digits(0x1D7CE), "²³¹½¼¾①⑩", "ⅫⅰⅯ\U00010341", "0123456789"]
LETTERS = ["hello", "world", "The", "I", "a", "x", "s", "Ünïcödé", "straße", "ſtraſſe", "ΣΊΣΥΦΟΣ",
           "ΟΔΟΣ", "Москва", "ǅemal", "ǅ", "ǈ", "ᾈ", "ʰ", "ʰa", "Aʰ", "コーヒー", "ー", "中文字", "漢字",
           "かな", "カタカナ", "한국어", "שלום", "مرحبا", "สวัสดี", "HelloWorld", "ABCdef",
           "XMLHttpRequest", "iPhone", "McDonald", "aBC", "DŽ", "ǆ", "ﬁ", "ᵃ", "ª", "ˇ", "ß", "ẞ",
           "नमस्ते", "हिंदी", "É", "Ω", "µ"]
MARKS = ["\u0301", "\u0308", "\u0903", "\u093e", "\u093f", "\u0940", "\u0902", "\u20dd", "\u0489",
         "\u05b8", "\u064e", "\u0301\u0301"]
SPACES = [" ", " ", "  ", "   ", "     ", "\t", "\t\t", "\u00a0", "\u3000", "\u2009", "\u202f",
          "\u0085", "\x0b", "\x0c", "\u2028", "\u2029", "\u1680", " \u00a0 "]
# Characters some definitions call spaces and regex's \s does not.
NOT_SPACES = ["\u200b", "\u180e", "\ufeff", "\x1c", "\x1d", "\x1e", "\x1f", "\x00", "\x1b", "\x7f"]
LINE_ENDS = ["\n", "\r", "\r\n", "\n\r", "\r\r\n", "\n\n", " \n", "\n ", " \r\n  ", "\t\n",
             "\r\n\r\n", "\u00a0\n", "\n\u3000"]
PUNCTUATION = ["!", ".", "...", ",", "—", "«", "»", "“", "”", "\"", "-", "_", "@", "#", "$", "%",
               "&", "*", "(", ")", "[", "]", "{", "}", "\\", "|", "~", "`", "^", "<", ">", "=",
               "+", "?!", "'", "''", "’", "¿", "€", "©", "\ufffd", "।"]
SLASHES = ["/", "\n/", "\r\n/", "!\n/\n/", "//", "/\n", "\r/", "./\n", "\n/x"]
EMOJI = ["👩\u200d💻", "❤️", "👍🏽", "🇫🇷", "1️⃣", "#️⃣", "☺︎", "😀", "🏳️\u200d🌈", "\u200d", "\ufe0f",
         "🇫🇷🇩🇪"]
CJK = ["漢字", "かな", "カタカナ", "한국어", "中文", "ｶﾌｪ", "２０１４", "「", "」", "。"]
BAD_BYTES = [b"\x80", b"\xbf", b"\x80\x80", b"\xc3", b"\xe2\x82", b"\xf0\x9f\x98", b"\xc0\x80",
             b"\xc1\xbf", b"\xe0\x80\x80", b"\xe0\x9f\xbf", b"\xed\xa0\x80", b"\xed\xbf\xbf",
             b"\xf0\x80\x80\x80", b"\xf4\x90\x80\x80", b"\xf5\x80", b"\xfe", b"\xff",
             b"\xf8\x88\x80\x80\x80", b"\xef\xbf\xbd", b"\xc3\x28", b"\xe2\x28\xa1"]


def contraction(rng):
    apostrophe = rng.choice(["'", "'", "'", "’", "ʼ"])
    letters = rng.choice(["s", "t", "re", "ve", "m", "ll", "d", "s", "r", "l", "lx", "x", ""])
    letters = "".join(c.upper() if rng.random() < 0.5 else c for c in letters)
    if letters in ("s", "S") and rng.random() < 0.3:
        letters = "ſ"
    return apostrophe + letters


def digit_run(rng):
    digits = rng.choice(DIGIT_SETS)
    return "".join(rng.choice(digits) for _ in range(rng.randint(1, 7)))


def fragment(rng):
    """One fragment, str or (ill-formed) bytes."""
    group = rng.choices(
        ["letters", "contraction", "digits", "space", "not_space", "line_end", "mark", "punct",
         "slash", "emoji", "cjk", "bad", "bom", "space_word", "word_contraction"],
        weights=[14, 8, 8, 10, 2, 8, 5, 8, 3, 3, 3, 3, 1, 8, 6])[0]
    if group == "letters":
        return rng.choice(LETTERS)
    if group == "contraction":
        return contraction(rng)
    if group == "digits":
        return digit_run(rng)
    if group == "space":
        return rng.choice(SPACES)
    if group == "not_space":
        return rng.choice(NOT_SPACES)
    if group == "line_end":
        return rng.choice(LINE_ENDS)
    if group == "mark":
        return rng.choice(MARKS)
    if group == "punct":
        return "".join(rng.choice(PUNCTUATION) for _ in range(rng.randint(1, 3)))
    if group == "slash":
        return rng.choice(SLASHES)
    if group == "emoji":
        return rng.choice(EMOJI)
    if group == "cjk":
        return rng.choice(CJK)
    if group == "bad":
        return rng.choice(BAD_BYTES)
    if group == "bom":
        return "\ufeff"
    if group == "space_word":
        return rng.choice([" ", "  ", "\t", "\u00a0"]) + rng.choice(LETTERS + DIGIT_SETS[:2] + PUNCTUATION)
    return rng.choice(LETTERS) + contraction(rng)


# Single characters, one or two of each class that matters: dense random
# strings of them meet every pair and triple the fragments rarely make.
SOUP = ["a", "b", "s", "t", "l", "r", "e", "v", "m", "d", "A", "S", "L", "R", "E", "ſ", "ǅ", "ʰ",
        "ー", "中", "ש", "\u0301", "\u093f", "\u20dd", "1", "2", "٣", "²", "Ⅻ", " ", " ", " ", "\t",
        "\u00a0", "\u3000", "\x0b", "\r", "\n", "\n", "/", "'", "'", "’", "!", ".", "\ufeff",
        "\x1c", "\ufffd", "😀", "\u200d", b"\xff", b"\xe2\x82"]


def soup_text(rng, length):
    chars = [rng.choice(SOUP) for _ in range(length)]
    return b"".join(c if isinstance(c, bytes) else c.encode("utf-8") for c in chars)


def stress_text(rng, fragments):
    parts = []
    if rng.random() < 0.3:
        parts.append(b"\xef\xbb\xbf")
    for _ in range(fragments):
        f = fragment(rng)
        parts.append(f if isinstance(f, bytes) else f.encode("utf-8"))
    if rng.random() < 0.4:
        parts.append(rng.choice(SPACES + LINE_ENDS).encode("utf-8"))
    return b"".join(parts)


class StressTest(PiecesTestCase):
    """Seeded random text stressing every alternative of each pattern."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        rng = random.Random(20240601)
        sizes = [rng.randint(1, 6) for _ in range(60)] + [rng.randint(20, 400) for _ in range(200)]
        sizes += [3000, 20000]
        cls.texts = [stress_text(rng, n) for n in sizes]
        cls.texts += [soup_text(rng, rng.randint(1, 40)) for _ in range(300)]
        cls.texts += [soup_text(rng, 2000) for _ in range(5)]
        cls.paths = [write(cls.dir, "stress%03d.txt" % i, t) for i, t in enumerate(cls.texts)]
        cls.one = write(cls.dir, "stress-all.txt", b"".join(cls.texts))

    def test_stress_texts(self):
        for tokenizer in TOKENIZERS:
            with self.subTest(tokenizer=tokenizer):
                self.check(tokenizer, self.paths, STRESS)

    def test_stress_text_as_one_input(self):
        for tokenizer in TOKENIZERS:
            with self.subTest(tokenizer=tokenizer):
                self.check(tokenizer, [self.one], STRESS)

    def test_stress_as_json_lines(self):
        docs = [t.decode("utf-8", errors="replace") for t in self.texts]
        path = write(self.dir, "stress.jsonl", jsonl_file(random.Random(3), docs, "text", False))
        for tokenizer in TOKENIZERS:
            with self.subTest(tokenizer=tokenizer):
                self.check(tokenizer, [path], STRESS[:3], jsonl="text")

    def test_stress_raw_pieces_json(self):
        for tokenizer in TOKENIZERS:
            with self.subTest(tokenizer=tokenizer):
                expected = ref.raw_json(reference_counts(tokenizer, [self.one]))
                actual = vocabcount(tokenizer, [self.one], ("-j2", "--chunk-size", "1"),
                                    ("--raw-pieces", "--format", "json"))
                if actual != expected:
                    self.fail(describe_json_difference(expected, actual))

    def test_every_alternative_is_stressed(self):
        # The generator, not vocabcount, under test: each alternative of each
        # pattern must match often in the stress text, else the comparisons
        # above would prove little.
        text = ref.decode(b"".join(self.texts))
        for tokenizer in TOKENIZERS:
            alternatives = top_level_alternatives(ref.PATTERNS[tokenizer])
            self.assertEqual("|".join(alternatives), ref.PATTERNS[tokenizer])
            grouped = ref.regex.compile("|".join("(%s)" % a for a in alternatives))
            hits = collections.Counter(m.lastindex for m in grouped.finditer(text))
            for index, alternative in enumerate(alternatives, 1):
                with self.subTest(tokenizer=tokenizer, alternative=alternative):
                    self.assertGreaterEqual(hits[index], 10, "matched %d times" % hits[index])

    def test_named_cases_occur(self):
        # Pieces that only appear if the generator makes the cases asked for,
        # each as a pattern one of the reference's pieces must match whole.
        want = {
            "gpt2": [r"'s", r" [0-9]{5,}", r"[٠-٩]{6,}", r" \p{M}+", r"\r\n", r" {2,}",
                     r"\s+\n\s*", r"\uFFFD+"],
            "cl100k": [r"'S", r"'ſ", r"'(LL|Ll|lL)", r"'(Re|rE|RE)", r"[٠-٩]{3}", r"[²³¹½¼¾①⑩]{3}",
                       r"\p{M}\p{L}+", r" ?\p{P}+\r\n", r"[\r\n ]*\r\n", r"\p{Zs}ǅemal"],
            "o200k": [r" ?Hello", r"World", r" ?XMLHttp", r"Request", r"ǅemal",
                      r"\p{L}+'(S|T|RE|VE|M|LL|D|Re|Ll)", r" ?\p{P}+[\r\n]+/[\r\n/]*",
                      r"\p{Lo}+", r"\p{Lm}\p{L}*", r" ?\p{M}"],
        }
        text = ref.decode(b"".join(self.texts))
        for tokenizer, patterns in want.items():
            found = set(ref.regex.compile(ref.PATTERNS[tokenizer]).findall(text))
            for pattern in patterns:
                with self.subTest(tokenizer=tokenizer, piece=pattern):
                    compiled = ref.regex.compile(pattern)
                    self.assertTrue(any(compiled.fullmatch(p) for p in found), "no piece matches")


class ReadBoundaryTest(PiecesTestCase):
    """A character split between two reads must not end a unit there: the
    reader asks the cut rule about a position whose character is not read
    whole yet. A file's first read stops after the 6 bytes that tell its
    format, so unit sizes below 6 cut there; a pipe stops where its writer
    paused, at any unit size."""

    CASES = [
        # Letters on both sides (Greek, Thai): no cut between them.
        (b" \xce\xb4\xcf", b"\x81\xcf\x8c"),
        (b"x\xe0\xb8\xaa\xe0\xb8", b"\xa7"),
        # A line end, then NO-BREAK SPACE and a line end: one white-space piece.
        (b"xyza\n\xc2", b"\xa0\n"),
    ]

    def test_first_read_of_a_file(self):
        for i, (head, tail) in enumerate(self.CASES):
            path = write(self.dir, "boundary%d.txt" % i, head + tail)
            for tokenizer in TOKENIZERS:
                with self.subTest(tokenizer=tokenizer, text=(head + tail).hex(" ")):
                    self.check(tokenizer, [path], [("--chunk-size", str(n)) for n in range(1, 7)])

    def piped(self, tokenizer, head, tail, options):
        """vocabcount reading `head`, then, after a pause, `tail` from a pipe."""
        process = subprocess.Popen([VOCABCOUNT, "--no-progress", "-t", tokenizer, *options, "-"],
                                   stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE)
        process.stdin.write(head)
        process.stdin.flush()
        time.sleep(0.2)
        out, err = process.communicate(tail)
        self.assertEqual(process.returncode, 0, err)
        return out

    def test_pipe_paused_inside_a_character(self):
        # Past the 6 bytes read first; and a letter split right after a
        # megabyte of text, where the default unit size looks for a cut.
        cases = [(b"hello " + head, tail, ("--chunk-size", "1")) for head, tail in self.CASES]
        megabyte = (b"a " * (1 << 19))[:-1] + b"b"
        cases.append((megabyte + b"\xce", b"\xb4\xcf\x81\xcf\x8c", ()))
        for i, (head, tail, options) in enumerate(cases):
            path = write(self.dir, "piped%d.txt" % i, head + tail)
            for tokenizer in TOKENIZERS:
                with self.subTest(tokenizer=tokenizer, case=i, options=options):
                    expected = reference_tsv(tokenizer, [path])
                    actual = self.piped(tokenizer, head, tail, options)
                    if actual != expected:
                        self.fail(describe_difference(expected, actual))


# ICU 72.1 (Debian 12) and python3-regex 2022.10.31 both hold Unicode 15.0;
# checked for every code point, their \p{L} \p{N} \p{M} \p{Lu} \p{Ll} \p{Lt}
# \p{Lm} \p{Lo} and \s (White_Space) agree, so no code point is left out.
# Should a later version disagree, list the code points here with the reason.
EXCLUDED_CODE_POINTS = frozenset()
BLOCK = 0x1000


def code_point_text(first, last):
    """Each code point of [first, last] (not surrogates) in a few contexts:
    between letters, doubled after a space (white space or not), after a
    digit, and after a line end before "Ab" (where o200k tells Ll from Lm
    and Lo, which both of its letter classes hold)."""
    parts = []
    for cp in range(first, last + 1):
        if 0xD800 <= cp <= 0xDFFF or cp in EXCLUDED_CODE_POINTS:
            continue
        c = chr(cp)
        parts.append("a%sb %s%s 1%s\n%sAb\n" % (c, c, c, c, c))
    return "".join(parts).encode("utf-8")


def reference_to_file(tokenizer, paths, out):
    with open(out, "wb") as f:
        f.write(reference_tsv(tokenizer, paths))
    return out


@unittest.skipIf(SANITIZED, "the plain pass sweeps every code point")
class EveryCodePointTest(PiecesTestCase):
    """Each code point in a few contexts: a difference between ICU's
    character properties and python3-regex's shows up here."""

    def test_every_code_point(self):
        paths = [write(self.dir, "cp%06x.txt" % first, code_point_text(first, first + BLOCK - 1))
                 for first in range(0, 0x110000, BLOCK)]
        options = {"gpt2": ("-j2",), "cl100k": ("-j1", "--chunk-size", "4096"), "o200k": ("-j2", "--chunk-size", "3")}
        with concurrent.futures.ProcessPoolExecutor(max_workers=2) as pool:
            expected = {t: pool.submit(reference_to_file, t, paths, os.path.join(self.dir, t + ".ref"))
                        for t in TOKENIZERS}
            actual = {}
            for tokenizer in TOKENIZERS:
                actual[tokenizer] = vocabcount(tokenizer, paths, options[tokenizer])
            for tokenizer in TOKENIZERS:
                with self.subTest(tokenizer=tokenizer):
                    with open(expected[tokenizer].result(), "rb") as f:
                        want = f.read()
                    if want != actual[tokenizer]:
                        self.fail("-t %s %s:\n%s\ncode points that differ: %s" % (
                            tokenizer, " ".join(options[tokenizer]),
                            describe_difference(want, actual[tokenizer]),
                            self.differing_code_points(tokenizer, options[tokenizer])))

    def differing_code_points(self, tokenizer, options, limit=40, blocks=3):
        """The code points that differ alone, from the first few blocks that
        differ, each bisected down."""
        found = []

        def differs_in(first, last):
            path = write(self.dir, "bisect.txt", code_point_text(first, last))
            return vocabcount(tokenizer, [path], options) != reference_tsv(tokenizer, [path])

        for start in range(0, 0x110000, BLOCK):
            if blocks == 0 or len(found) >= limit:
                break
            if not differs_in(start, start + BLOCK - 1):
                continue
            blocks -= 1
            pending = [(start, start + BLOCK - 1)]
            while pending and len(found) < limit:
                first, last = pending.pop()
                if first == last:
                    found.append("U+%04X" % first)
                    continue
                middle = (first + last) // 2
                pending += [(r) for r in ((middle + 1, last), (first, middle)) if differs_in(*r)]
        return ", ".join(found) or "none alone (an interaction between code points?)"


class UsageErrorTest(unittest.TestCase):
    """What the pre-tokenizers refuse: exit status 2 and a message."""

    def setUp(self):
        self.path = os.path.join(CORPUS, "tiny-english.txt")

    def assertUsageError(self, args, *words):
        done = run(args + [self.path])
        self.assertEqual(done.returncode, 2, "vocabcount %s: %r" % (" ".join(args), done.stderr))
        self.assertEqual(done.stdout, b"")
        message = done.stderr.decode()
        for word in words:
            self.assertIn(word, message)

    def test_ngrams(self):
        for tokenizer in TOKENIZERS:
            with self.subTest(tokenizer=tokenizer):
                self.assertUsageError(["-t", tokenizer, "--ngrams", "2"], "--ngrams", tokenizer)

    def test_raw_pieces_needs_json(self):
        for tokenizer in TOKENIZERS:
            for output in ([], ["--format", "tsv"], ["--format", "glove"]):
                with self.subTest(tokenizer=tokenizer, output=output):
                    self.assertUsageError(["-t", tokenizer, "--raw-pieces", *output],
                                          "--raw-pieces", "--format json")


def main():
    global VOCABCOUNT, CORPUS
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    VOCABCOUNT, CORPUS = sys.argv[1], sys.argv[2]
    unittest.main(argv=[sys.argv[0]] + sys.argv[3:], verbosity=2)


if __name__ == "__main__":
    main()
