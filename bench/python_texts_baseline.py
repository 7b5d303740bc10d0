#!/usr/bin/env python3
# Baseline for bench/python_module.sh: counting documents already held in
# Python (here the lines of one file) the way many Python users would,
# collections.Counter(re.findall(r"\w+", ...)) over chunks of lines in a
# process pool, merged with Counter.update. Usage:
#   python_texts_baseline.py [--serial] [--workers N] [--lines-per-chunk L] FILE
# Prints the number of distinct tokens; the counts stay in memory, as they
# would for a caller that goes on to use them.
import argparse
import collections
import concurrent.futures
import re

WORD = re.compile(r"\w+")


def count_chunk(text):
    return collections.Counter(WORD.findall(text))


def chunks(lines, size):
    """The lines joined into texts of `size` lines. Joined in the parent, so a
    task ships one string to a worker rather than a list of small ones."""
    for start in range(0, len(lines), size):
        yield "".join(lines[start:start + size])


def pool_count(lines, workers=2, lines_per_chunk=1000):
    """The seeds' approach: a Counter per chunk in a process pool, merged."""
    total = collections.Counter()
    with concurrent.futures.ProcessPoolExecutor(max_workers=workers) as pool:
        for counts in pool.map(count_chunk, chunks(lines, lines_per_chunk)):
            total.update(counts)
    return total


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--serial", action="store_true",
                        help="one Counter over all the lines in this process, no pool")
    parser.add_argument("--workers", type=int, default=2, help="processes in the pool (2)")
    # On Brown x1 with 2 workers, chunks of 1000 lines came out faster than
    # 2, 4 or 8 chunks per worker: the parent merges small Counters while the
    # workers go on, instead of waiting for a few large ones at the end.
    parser.add_argument("--lines-per-chunk", type=int, default=1000,
                        help="lines per task (1000)")
    parser.add_argument("file")
    args = parser.parse_args()

    # The documents, as a caller holding texts in Python would have them.
    with open(args.file, encoding="utf-8", errors="replace") as f:
        lines = list(f)

    if args.serial:
        total = count_chunk("".join(lines))
    else:
        total = pool_count(lines, args.workers, args.lines_per_chunk)
    print(len(total))


if __name__ == "__main__":
    main()
