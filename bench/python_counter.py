#!/usr/bin/env python3
# Baseline for bench/run.sh: the token counter many Python users write, one
# collections.Counter per file in a process pool, merged. Usage: python_counter.py FILE...
import collections
import concurrent.futures
import os
import re
import sys

WORD = re.compile(r"\w+")


def count_file(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return collections.Counter(WORD.findall(f.read()))


def main(paths):
    # Every core this process may use, as vocabcount's default thread count.
    workers = len(os.sched_getaffinity(0))
    total = collections.Counter()
    with concurrent.futures.ProcessPoolExecutor(max_workers=workers) as pool:
        for counts in pool.map(count_file, paths):
            total.update(counts)
    write_vocabulary(total.items())


def write_vocabulary(items):
    """Writes (token, count) pairs to stdout as vocabcount does: count
    descending, then token (code points order as UTF-8 bytes do)."""
    ordered = sorted(items, key=lambda item: (-item[1], item[0]))
    # Bytes, not sys.stdout's text layer: its encoding follows the locale.
    out = sys.stdout.buffer
    for start in range(0, len(ordered), 65536):
        block = ordered[start:start + 65536]
        out.write("".join(f"{token}\t{count}\n" for token, count in block).encode("utf-8"))
    out.flush()


if __name__ == "__main__":
    main(sys.argv[1:])
