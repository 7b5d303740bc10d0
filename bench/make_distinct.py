#!/usr/bin/env python3
"""Writes a high-cardinality corpus for bench/scale.sh: exactly N distinct
hash-like tokens (10 lowercase hex digits), each K times, separated by
spaces with a line feed after every 16 tokens, in a fixed-seed shuffled order
where the K occurrences of a token lie far apart. Standard library only.

    bench/make_distinct.py --distinct 40000000 --repeat 2 --seed 1 OUT.txt
"""
import argparse
import math
import os
import sys
from multiprocessing import Pool

# Tokens come from an invertible mix on 40 bits, so N indices give N different
# tokens by construction (no set to hold, no collision to check), written as
# 10 lowercase hex digits: 40 M distinct x 2 is 880 MB. Hex rather than base 36
# because %-formatting a whole chunk in C is about 10 times faster than
# assembling base-36 strings from lookup tables in Python.
BITS = 40
MASK = (1 << BITS) - 1
TOKENS_PER_LINE = 16
LINE = b"%010x " * (TOKENS_PER_LINE - 1) + b"%010x\n"
# Tokens per work unit, a multiple of 16: large enough that the per-unit cost
# (one pickle between processes, one write) is noise, small enough to keep
# memory low (about 30 MB per process).
CHUNK = 1 << 18


def splitmix64(x):
    """Derives the per-pass constants from the seed (not used per token)."""
    x = (x + 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & 0xFFFFFFFFFFFFFFFF
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & 0xFFFFFFFFFFFFFFFF
    return x ^ (x >> 31)


def pass_permutation(n, seed, r):
    """i -> (a*i + b) mod n with gcd(a, n) = 1: a bijection of 0..n-1, a
    different one per pass, so the K copies of a token land in unrelated
    places. The stride a is kept away from 1 and n-1, which would leave
    neighbouring indices nearly in order."""
    h = splitmix64(seed * 1000003 + r)
    if n <= 3:
        return 1, h % n
    a = n // 3 + h % (n // 3)  # in [n/3, 2n/3)
    while math.gcd(a, n) != 1:
        a += 1
    return a, splitmix64(h) % n


def chunk_text(job):
    """The bytes of tokens [start, stop) of one pass: lines of 16 tokens (the
    last line of a pass may be shorter), each ending in a line feed."""
    start, stop, n, a, b, c1, c2, c0 = job
    mask = MASK
    # One pass per step over the chunk, all locals: measured faster than one
    # comprehension doing every step (about 370 against 450 ns a token). The
    # mix multiplies by an odd constant, xor-shifts, and again: each step is
    # a bijection on 40 bits, so distinct indices stay distinct tokens.
    xs = [(a * i + b) % n * c1 + c0 & mask for i in range(start, stop)]
    xs = [(x ^ (x >> 23)) * c2 & mask for x in xs]
    xs = tuple([x ^ (x >> 21) for x in xs])
    full, rest = divmod(len(xs), TOKENS_PER_LINE)
    fmt = LINE * full
    if rest:
        fmt += b"%010x " * (rest - 1) + b"%010x\n"
    return fmt % xs


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--distinct", type=int, required=True, help="distinct tokens N")
    parser.add_argument("--repeat", type=int, default=2, help="occurrences of each token K (2)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the order and the tokens (1)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="worker processes (the cores); the output does not depend on it")
    parser.add_argument("output", help="file to write")
    args = parser.parse_args()
    n, k = args.distinct, args.repeat
    if not 1 <= n <= MASK + 1:
        parser.error(f"--distinct must be in 1..{MASK + 1}")
    if k < 1 or args.jobs < 1:
        parser.error("--repeat and --jobs must be at least 1")

    # The seed also picks the token spelling: odd multipliers and an offset.
    c1 = (splitmix64(args.seed ^ 0x5EED) | 1) & MASK
    c2 = (splitmix64(args.seed ^ 0xC0FFEE) | 1) & MASK
    c0 = splitmix64(args.seed ^ 0xBEEF) & MASK
    jobs = []
    for r in range(k):
        a, b = pass_permutation(n, args.seed, r)
        # CHUNK is a multiple of 16: lines stay 16 tokens across chunks.
        jobs += [(s, min(s + CHUNK, n), n, a, b, c1, c2, c0) for s in range(0, n, CHUNK)]

    with open(args.output, "wb") as out:
        if args.jobs == 1:
            for job in jobs:
                out.write(chunk_text(job))
        else:
            # imap keeps the order of the jobs: the bytes do not depend on --jobs.
            with Pool(args.jobs) as pool:
                for text in pool.imap(chunk_text, jobs, chunksize=1):
                    out.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
