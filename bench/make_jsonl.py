#!/usr/bin/env python3
"""Turns plain text into JSON Lines for benchmarking --jsonl: each line of the
input files (a file, or the files of a directory in sorted order) becomes
{"id":N,"text":"<line>"}. Line ends are not part of the text; bytes that are
not UTF-8 are kept as U+FFFD.

    bench/make_jsonl.py bench/data/english-256m /tmp/english-256m.jsonl
"""
import json
import os
import sys


def input_files(path):
    if os.path.isdir(path):
        return [os.path.join(path, name) for name in sorted(os.listdir(path))]
    return [path]


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: make_jsonl.py TEXT_FILE_OR_DIR OUTPUT.jsonl")
    source, target = sys.argv[1], sys.argv[2]
    number = 0
    with open(target, "w", encoding="utf-8", newline="\n") as out:
        for path in input_files(source):
            with open(path, encoding="utf-8", errors="replace", newline="\n") as text:
                for line in text:
                    number += 1
                    record = {"id": number, "text": line.rstrip("\r\n")}
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
