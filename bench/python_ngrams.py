#!/usr/bin/env python3
# Baseline for bench/ngrams.sh: the word n-gram counter many Python users write,
# zip windows over each line's re.findall tokens in a collections.Counter, one
# per file in a process pool, merged. Counts every order from MIN to MAX; an
# n-gram is its tokens joined by one space and never spans a line end (LF,
# CR LF or CR). Usage: python_ngrams.py MIN MAX FILE...
import collections
import concurrent.futures
import functools
import os
import re
import sys

from python_counter import write_vocabulary

WORD = re.compile(r"\w+")


def count_file(path, low, high):
    counts = collections.Counter()
    # Universal newlines: CR LF and a lone CR come through as LF, and lines
    # are split at LF only (not at U+2028, VT or FF, as str.splitlines would).
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            tokens = WORD.findall(line)
            for n in range(low, high + 1):
                counts.update(zip(*(tokens[i:] for i in range(n))))
    return counts


def main(args):
    if len(args) < 3:
        sys.exit("usage: python_ngrams.py MIN MAX FILE...")
    low, high, paths = int(args[0]), int(args[1]), args[2:]
    # Every core this process may use, as vocabcount's default thread count.
    workers = len(os.sched_getaffinity(0))
    total = collections.Counter()
    with concurrent.futures.ProcessPoolExecutor(max_workers=workers) as pool:
        for counts in pool.map(functools.partial(count_file, low=low, high=high), paths):
            total.update(counts)
    # \w+ tokens hold no space, so joining keeps distinct n-grams distinct.
    write_vocabulary((" ".join(gram), count) for gram, count in total.items())

if __name__ == "__main__":
    main(sys.argv[1:])
