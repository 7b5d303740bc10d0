#!/usr/bin/python3
# The plain reference for vocabcount's pre-tokenizers (-t gpt2, cl100k, o200k):
# Python's regex.findall with the published pattern over each decoded input,
# a Counter, and vocabcount's output order. Deliberately shares no code with it.
"""Count pre-tokenizer pieces as vocabcount does, the plain way.

  reference_pieces.py -t gpt2|cl100k|o200k [--jsonl FIELD] [--raw-pieces]
                      [--max-token-bytes N] FILE...

Prints `key<TAB>count` lines (the key in GPT-2's byte-level form), sorted by
count descending and then by the key's UTF-8 bytes; with --raw-pieces, one
JSON object in vocabcount's layout, ties sorted by the raw piece's bytes.
Needs Debian's python3-regex: run it with /usr/bin/python3.
"""

import argparse
import codecs
import collections
import json
import sys

import regex

# The patterns as published: GPT-2's encoder.py, and tiktoken's cl100k_base
# and o200k_base.
CONTRACTIONS_ANY_CASE = r"(?i:'s|'t|'re|'ve|'m|'ll|'d)"
PATTERNS = {
    "gpt2": r"""'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+""",
    "cl100k": CONTRACTIONS_ANY_CASE
    + r"""|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+""",
    "o200k": "|".join([
        r"[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+"
        + CONTRACTIONS_ANY_CASE + "?",
        r"[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*"
        + CONTRACTIONS_ANY_CASE + "?",
        r"\p{N}{1,3}",
        r" ?[^\s\p{L}\p{N}]+[\r\n/]*",
        r"\s*[\r\n]+",
        r"\s+(?!\S)",
        r"\s+",
    ]),
}


def bytes_to_unicode():
    """GPT-2's byte-level alphabet: byte -> one character.

    Printable bytes that are not spaces stand for themselves: '!'..'~',
    '¡'..'¬' and '®'..'ÿ'. Every other byte (controls, space, DEL, NBSP, the
    soft hyphen) takes the next code point from U+0100 on, in byte order.
    """
    table = {}
    extra = 0x100
    for byte in range(256):
        if 0x21 <= byte <= 0x7E or 0xA1 <= byte <= 0xAC or 0xAE <= byte <= 0xFF:
            table[byte] = chr(byte)
        else:
            table[byte] = chr(extra)
            extra += 1
    return table


# The table as a charmap: decoding a piece's UTF-8 through it gives the
# byte-level form, one character per byte.
BYTE_LEVEL_CHARMAP = "".join(bytes_to_unicode()[byte] for byte in range(256))


def byte_level(piece):
    return codecs.charmap_decode(piece.encode("utf-8"), "strict", BYTE_LEVEL_CHARMAP)[0]


def decode(data):
    """An input's bytes as the patterns see them: UTF-8, each ill-formed
    sequence as U+FFFD, a byte order mark at the very start dropped, line
    ends untouched."""
    text = data.decode("utf-8", errors="replace")
    return text[1:] if text.startswith("\ufeff") else text


def field_of(document, path):
    """The value at a dotted path (`meta.text`), or None."""
    value = document
    for name in path.split("."):
        if not isinstance(value, dict) or name not in value:
            return None
        value = value[name]
    return value


def jsonl_documents(data, field, name):
    """The strings at `field` of each JSON Lines line; blank lines are
    skipped, and so (with a warning) are lines that are not a JSON object
    with a string there, that are not UTF-8, or whose string is not."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for number, line in enumerate(data.split(b"\n"), 1):
        if not line.strip():
            continue
        try:
            text = field_of(json.loads(line.decode("utf-8")), field)
            if not isinstance(text, str):
                raise ValueError("no string at " + field)
            text.encode("utf-8")  # a lone surrogate escape is not text
        except ValueError as error:
            print("reference: %s: line %d: skipped: %s" % (name, number, error), file=sys.stderr)
            continue
        yield text


def count_pieces(texts, tokenizer, max_token_bytes=65536):
    pattern = regex.compile(PATTERNS[tokenizer])
    counts = collections.Counter()
    for text in texts:
        counts.update(regex.findall(pattern, text))
    return collections.Counter(
        {piece: n for piece, n in counts.items() if len(piece.encode("utf-8")) <= max_token_bytes})


def texts_of(paths, jsonl_field):
    for path in paths:
        with open(path, "rb") as f:
            data = f.read()
        if jsonl_field is None:
            yield decode(data)
        else:
            yield from jsonl_documents(data, jsonl_field, path)


def ordered(counts):
    """(UTF-8 key, count) by count descending, then key bytes ascending."""
    return [(key, -negated) for negated, key in
            sorted((-n, key.encode("utf-8")) for key, n in counts.items())]


def tsv(counts):
    """vocabcount's default output for these pieces."""
    keyed = {byte_level(piece): n for piece, n in counts.items()}
    return b"".join(b"%s\t%d\n" % row for row in ordered(keyed))


def json_string(s):
    """s as vocabcount writes a JSON string: only quotes, backslashes and
    controls below U+0020 are escaped, the latter as \\u00XX."""
    out = ['"']
    for c in s:
        if c in '"\\':
            out.append("\\" + c)
        elif ord(c) < 0x20:
            out.append("\\u%04x" % ord(c))
        else:
            out.append(c)
    out.append('"')
    return "".join(out)


def raw_json(counts):
    """vocabcount's --raw-pieces --format json output."""
    entries = ["  %s: %d" % (json_string(p.decode("utf-8")), n) for p, n in ordered(counts)]
    if not entries:
        return b"{}\n"
    return ("{\n" + ",\n".join(entries) + "\n}\n").encode("utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-t", "--tokenizer", required=True, choices=sorted(PATTERNS))
    parser.add_argument("--jsonl", metavar="FIELD")
    parser.add_argument("--raw-pieces", action="store_true")
    parser.add_argument("--max-token-bytes", type=int, default=65536)
    parser.add_argument("paths", nargs="+", metavar="FILE")
    args = parser.parse_args()
    counts = count_pieces(texts_of(args.paths, args.jsonl), args.tokenizer, args.max_token_bytes)
    sys.stdout.buffer.write(raw_json(counts) if args.raw_pieces else tsv(counts))


if __name__ == "__main__":
    main()
