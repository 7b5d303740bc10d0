#!/usr/bin/env python3
# Turns the raw results of bench/run.sh (hyperfine JSON, GNU time peak RSS,
# vocabcount --stats) into the Markdown report, and the data file of the chart.
"""Usage: report.py RESULTS-DIR THREADS-DAT > report.md"""
import glob
import json
import os
import re
import statistics
import sys

MB = 1e6  # throughput in MB/s means 10^6 bytes per second, as vocabcount --stats


def read_tsv(path):
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip()]


def read_stats(path):
    """tokens and distinct tokens from a vocabcount --stats output."""
    stats = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                match = re.match(r"^(tokens|distinct tokens|seconds):\s+([\d.]+)", line)
                if match:
                    stats[match.group(1)] = float(match.group(2))
    return stats


def read_pairs(path):
    """KEY<TAB>VALUE lines, the values of a key repeated kept in a list. Bytes
    that are not UTF-8 (a peer's output may hold some) are shown escaped."""
    pairs = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8", errors="backslashreplace") as f:
            for line in f:
                key, _, value = line.rstrip("\n").partition("\t")
                pairs.setdefault(key, []).append(value)
    return pairs


def code(text, in_table=False):
    """text as inline code, control and invisible characters escaped (in a
    table, | too: GitHub splits the cells before it reads the code)."""
    text = "".join(c if c.isprintable() or c == " " else f"\\u{ord(c):04x}" for c in text)
    if in_table:
        text = text.replace("|", "\\|")
    fence = "``" if "`" in text else "`"
    pad = " " if "`" in text else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def short(name):
    """english-256m -> english: sizes are in the inputs table."""
    return re.sub(r"-\d+m$", "", name)


def number(value, digits=1):
    if value is None:
        return "–"
    return f"{value:,.{digits}f}"


def table(header, rows, align=None):
    align = align or ["---"] + ["---:"] * (len(header) - 1)
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(align) + "|"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


class Input:
    def __init__(self, results, name, directory, recipe):
        self.name = name
        self.recipe = recipe
        files = sorted(os.path.join(directory, f) for f in os.listdir(directory))
        self.files = len(files)
        self.bytes = sum(os.path.getsize(f) for f in files)
        self.stats = {kind: read_stats(os.path.join(results, f"{name}.stats.{kind}"))
                      for kind in ("word", "whitespace")}
        # What bench/run.sh found out about the peer programs on this input.
        self.peers = read_pairs(os.path.join(results, f"{name}.peers.tsv"))
        self.glove_check = read_pairs(os.path.join(results, f"{name}.glove-check.tsv"))
        self.rows = []  # dicts: name, kind, role, threads, command, times...
        # One file per command and round: gather each command's times.
        times = {}
        for path in glob.glob(os.path.join(glob.escape(results), f"{glob.escape(name)}.timing-*.json")):
            with open(path, encoding="utf-8") as f:
                for r in json.load(f)["results"]:
                    times.setdefault(r["command"], []).extend(r["times"])
        timings = {command: {"times": t, "median": statistics.median(t), "min": min(t), "max": max(t),
                             "stddev": statistics.stdev(t) if len(t) > 1 else 0.0}
                   for command, t in times.items()}
        rss = {row[0]: int(row[1]) for row in read_tsv(os.path.join(results, f"{name}.rss.tsv"))}
        for row_name, kind, role, threads, command in read_tsv(os.path.join(results, f"{name}.rows.tsv")):
            timing = timings[row_name]
            self.rows.append({
                "name": row_name, "kind": kind, "role": role, "threads": int(threads),
                "command": command, "median": timing["median"], "min": timing["min"],
                "max": timing["max"], "stddev": timing.get("stddev") or 0.0,
                "runs": len(timing["times"]), "rss_kb": rss.get(row_name),
            })

    def row(self, name):
        return next((r for r in self.rows if r["name"] == name), None)

    def mbps(self, row):
        return self.bytes / MB / row["median"]

    def tokens_per_s(self, row):
        tokens = self.stats.get(row["kind"], {}).get("tokens")
        return tokens / row["median"] if tokens else None


def main(results, threads_dat):
    meta = dict(read_tsv(os.path.join(results, "meta.tsv")))
    inputs = [Input(results, *row) for row in read_tsv(os.path.join(results, "inputs.tsv"))]
    sources = {row[0]: row[1:] for row in read_tsv(os.path.join(results, "sources.tsv"))}
    thread_counts = [int(t) for t in meta["threads"].split()]
    top = thread_counts[-1]
    out = []
    emit = out.append

    # --- header
    emit(f"# vocabcount benchmarks, {meta['date'][:10]}, {meta['machine']}\n")
    dirty = meta.get("dirty", "").strip()
    emit(f"- date: {meta['date']}; run took {int(meta['seconds']) // 60} min {int(meta['seconds']) % 60} s")
    emit(f"- machine: {meta['cpu']}, {meta['cores']} cores, "
         f"{int(meta['memory_kb']) / 1048576:.1f} GiB; {meta['os']}, {meta['kernel']}; "
         f"load average at start {meta['load']}")
    emit(f"- command: `{meta['command']}`")
    emit(f"- tree measured: commit `{meta['commit']}`"
         + (f" **plus uncommitted changes** in {', '.join('`' + d + '`' for d in dirty.split())}" if dirty else ""))
    emit(f"- build: Release, flags `{meta.get('flags') or 'none'}` (no `-march`), {meta['compiler']}; ICU {meta['icu']}"
         + ("; rows marked *(native)* come from a second build with `-march=native`" if meta["native"] == "1" else ""))
    emit(f"- timing: {meta['hyperfine']}, {meta['runs']} rounds after 1 warm-up run (each round runs every "
         "command of an input once, so bursts of noise spread over all of them), "
         "page cache warm (inputs read just before); every time is the **median**; "
         "the warm-up run is made under `/usr/bin/time -f %M` and gives the peak RSS")
    emit(f"- baselines: `bench/icu_count.cc` (plain ICU word BreakIterator, 1 thread), "
         f"`bench/python_counter.py` ({meta['python']}, `re.findall(r\"\\w+\")` + `collections.Counter` "
         f"per file in a pool of {meta['cores']} processes), `LC_ALL=C wc -w`, `cat FILES > /dev/null` "
         "(GNU cat reads every byte into user space even when writing to /dev/null, so it is the read floor)")
    peers = [f"{title} at `{meta[key + '_path']}` (sha256 `{meta[key + '_sha256']}`)"
             for key, title in (("hoyt", "Ben Hoyt's countwords `optimized.c`"),
                                ("glove", "GloVe's `vocab_count`")) if key + "_path" in meta]
    if peers:
        emit(f"- peer programs, built outside this tree: {'; '.join(peers)}")
    emit("- MB = 10^6 bytes; tokens/s use vocabcount's token count: word tokens for the word, ICU "
         "and Python rows, whitespace tokens for the whitespace, `wc -w` and peer rows\n")

    # --- inputs
    emit("## Inputs\n")
    emit(f"Every input is a directory of {inputs[0].files if inputs else 16} files cut at line ends; "
         "each tool reads the same bytes (vocabcount gets the directory, the others the file list).\n")
    rows = []
    for inp in inputs:
        word, space = inp.stats["word"], inp.stats["whitespace"]
        rows.append([f"`{inp.name}`", number(inp.bytes / MB), inp.files,
                     number(word.get("tokens"), 0), number(word.get("distinct tokens"), 0),
                     number(space.get("tokens"), 0), number(space.get("distinct tokens"), 0), inp.recipe])
    emit(table(["input", "MB", "files", "word tokens", "distinct (word)", "whitespace tokens",
                "distinct (whitespace)", "made by"], rows, ["---", "---:", "---:", "---:", "---:", "---:", "---:", "---"]))
    if sources:
        emit("\nReal-text sources (text extracted by `bench/extract_text.py`: man pages stripped of roff "
             "markup, HTML/XML reduced to its text, `.mo` translations, langpack strings; for the "
             "per-script inputs only the lines holding at least one character of the script are kept), "
             "then the whole text repeated until the input size is reached, so the vocabulary is that of "
             "the base text:\n")
        rows = [[f"`{name}`", number(int(base) / MB, 2), copies, packages.replace(";", "; ")]
                for name, (base, copies, packages) in sources.items()]
        emit(table(["input", "base text MB", "copies", "packages"], rows, ["---", "---:", "---:", "---"]))

    # --- summary matrices: rows = commands, columns = inputs
    # In the order of bench/run.sh: a row that only some inputs have (a peer
    # may skip one) goes after the row that precedes it there.
    row_names = []
    for inp in inputs:
        previous = None
        for r in inp.rows:
            if r["name"] not in row_names:
                row_names.insert(row_names.index(previous) + 1 if previous else 0, r["name"])
            previous = r["name"]
    header = ["command"] + [f"`{short(i.name)}`" for i in inputs]

    def matrix(title, note, value):
        emit(f"\n## {title}\n")
        if note:
            emit(note + "\n")
        rows = []
        for name in row_names:
            cells = []
            for inp in inputs:
                r = inp.row(name)
                cells.append(value(inp, r) if r else "–")
            rows.append([name] + cells)
        emit(table(header, rows))

    matrix("Throughput, MB/s (median)", "", lambda i, r: number(i.mbps(r)))
    matrix("Tokens per second, millions (median)", "",
           lambda i, r: number(i.tokens_per_s(r) / 1e6, 2) if i.tokens_per_s(r) else "–")
    matrix("Peak RSS, MiB", "The warm-up run, under `/usr/bin/time -f %M`. For the Python row this is the "
           "largest single process (the parent or one worker), not the sum of the pool.",
           lambda i, r: number(r["rss_kb"] / 1024) if r["rss_kb"] else "–")

    # --- ratios: baseline time / vocabcount time
    main_roles = ("vocabcount", "vocabcount-native")
    vocab_rows = [n for n in row_names
                  if any(r["role"] in main_roles for i in inputs for r in i.rows if r["name"] == n)]
    baselines = [("icu", "ICU baseline (1 thread)"), ("python", "Python Counter"),
                 ("wc", "`LC_ALL=C wc -w`"), ("cat", "`cat` (read floor)")]
    emit("\n## vocabcount against each baseline\n")
    emit("Baseline median time divided by vocabcount's: above 1, vocabcount is that many times "
         "faster; below 1, slower (against `cat`, the fraction of the read floor's speed reached).")
    for role, title in baselines:
        emit(f"\n### {title}\n")
        rows = []
        for name in vocab_rows:
            cells = []
            for inp in inputs:
                base = next((r for r in inp.rows if r["role"] == role), None)
                mine = inp.row(name)
                cells.append(number(base["median"] / mine["median"], 2) if base and mine else "–")
            rows.append([name] + cells)
        emit(table(header, rows))

    normalization_section(emit, inputs)
    peers_section(emit, inputs, top)

    # --- thread scaling
    if len(thread_counts) > 1:
        large = [i for i in inputs if i.bytes >= 200e6]
        scaled = not large
        if scaled:
            large = sorted(inputs, key=lambda i: i.bytes, reverse=True)[:4]
        emit(f"\n## {thread_counts[1]} threads against 1\n")
        emit("Speedup = median time at -j1 / median time at -j2, on the inputs of at least 200 MB"
             + (" (none in this scaled-down run: the four largest inputs instead)." if scaled else ".") + "\n")
        variants = [("", "")] + ([(" (native)", " (native)")] if meta["native"] == "1" else [])
        head = ["input", "MB"]
        for suffix, label in variants:
            head += [f"word{label}", f"whitespace{label}"]
        rows = []
        for inp in large:
            cells = [f"`{inp.name}`", number(inp.bytes / MB)]
            for suffix, _ in variants:
                for mode in ("word", "whitespace"):
                    one = inp.row(f"vocabcount {mode} -j1{suffix}")
                    two = inp.row(f"vocabcount {mode} -j{thread_counts[1]}{suffix}")
                    cells.append(number(one["median"] / two["median"], 2) if one and two else "–")
            rows.append(cells)
        emit(table(head, rows))

    # --- small file
    small_path = os.path.join(results, "small.json")
    if os.path.exists(small_path):
        with open(small_path, encoding="utf-8") as f:
            small = json.load(f)["results"]
        emit("\n## A 1 KB file: start-up cost\n")
        emit(f"`hyperfine -N` (no shell), {meta['small_runs']} runs after 3 warm-ups; milliseconds.\n")
        rows = [[r["command"], number(r["median"] * 1e3, 2), number(r["min"] * 1e3, 2),
                 number(r["max"] * 1e3, 2), number(statistics.mean(r["times"]) * 1e3, 2)] for r in small]
        emit(table(["command", "median", "min", "max", "mean"], rows))

    # --- memory
    emit("\n## Memory\n")
    big = {row[0]: (int(row[1]), float(row[2])) for row in read_tsv(os.path.join(results, "big.rss.tsv"))}
    english = next((i for i in inputs if i.name.startswith("english-")), None)
    if big and english:
        big_name = next(k.split("|")[0] for k in big if k.startswith("english-") and "-x4" not in k)
        x4_name = f"{english.name}-x4"
        emit(f"### English: {english.name}, the same input named four times, and {big_name}\n")
        emit(f"`{x4_name}` is `{english.name}` given four times on the command line: four times "
             f"the bytes with exactly its vocabulary, so it isolates growth with corpus size. "
             f"`{big_name}` comes from the generator with the same seed; its Zipf tail brings "
             f"more distinct tokens. Those rows are single runs under `/usr/bin/time` (wall time "
             f"from that run).\n")
        rows = []
        for mode in ("word", "whitespace"):
            for t in thread_counts:
                name = f"vocabcount {mode} -j{t}"
                small_row = english.row(name)
                rss_x4, _ = big.get(f"{x4_name}|{name}", (None, None))
                rss_big, wall = big.get(f"{big_name}|{name}", (None, None))
                stats_big = read_stats(os.path.join(results, f"{big_name}.stats.{mode}.j{t}"))
                big_bytes = _memory_input_bytes(results, big_name)
                growth = (rss_x4 / small_row["rss_kb"] - 1) * 100 if rss_x4 and small_row else None
                rows.append([name, number(small_row["rss_kb"] / 1024) if small_row else "–",
                             number(rss_x4 / 1024) if rss_x4 else "–",
                             f"{growth:+.1f} %" if growth is not None else "–",
                             number(english.stats[mode].get("distinct tokens"), 0),
                             number(rss_big / 1024) if rss_big else "–",
                             number(stats_big.get("distinct tokens"), 0),
                             number(big_bytes / MB / wall) if wall else "–"])
        emit(table(["command", f"peak RSS {english.name} MiB", f"peak RSS {x4_name} MiB",
                    "growth", "distinct (both)", f"peak RSS {big_name} MiB",
                    f"distinct ({big_name})", f"MB/s ({big_name}, 1 run)"], rows))
    high = next((i for i in inputs if i.name.startswith("high-cardinality")), None)
    if high:
        distinct = high.stats["word"].get("distinct tokens")
        emit(f"\n### High cardinality: `{high.name}`\n")
        emit(f"{number(distinct, 0)} distinct word tokens"
             + (" (**fewer than 5 M: a scaled-down run**)" if distinct and distinct < 5e6 else "")
             + ". Bytes per distinct token = peak RSS / distinct tokens (the whole process: "
             "code, ICU data, buffers and the counters).\n")
        rows = []
        for r in high.rows:
            if r["role"] in main_roles or r["role"] == "icu":
                rows.append([r["name"], number(r["rss_kb"] / 1024),
                             number(r["rss_kb"] * 1024 / distinct, 0) if distinct else "–"])
        emit(table(["command", "peak RSS MiB", "bytes per distinct token"], rows))
    mid_rows = {k: v for k, v in big.items() if k.startswith("mid-cardinality")}
    if mid_rows:
        emit("\n### About 1 M distinct tokens at 2 threads\n")
        rows = []
        for key, (rss, wall) in mid_rows.items():
            name, command = key.split("|")
            mode = "word" if " word " in command else "whitespace"
            stats = read_stats(os.path.join(results, f"{name}.stats.{mode}"))
            distinct = stats.get("distinct tokens")
            rows.append([f"`{name}`", command, number(_memory_input_bytes(results, name) / MB, 0),
                         number(distinct, 0), number(rss / 1024),
                         number(rss * 1024 / distinct, 0) if distinct else "–", number(wall, 1)])
        emit(table(["input", "command", "MB", "distinct", "peak RSS MiB", "bytes per distinct token",
                    "wall s (1 run)"], rows, ["---", "---"] + ["---:"] * 5))

    # --- chart
    if english:
        with open(threads_dat, "w", encoding="utf-8") as f:
            series = [("word", ""), ("whitespace", "")]
            if meta["native"] == "1":
                series += [("word", " (native)"), ("whitespace", " (native)")]
            f.write("threads " + " ".join(f'"{m}{s}"' for m, s in series) + "\n")
            for t in thread_counts:
                cells = []
                for mode, suffix in series:
                    r = english.row(f"vocabcount {mode} -j{t}{suffix}")
                    cells.append(f"{english.mbps(r):.3f}" if r else "NaN")
                f.write(f"{t} " + " ".join(cells) + "\n")
        emit(f"\n## Throughput against threads, `{english.name}`\n")
        emit(f"![vocabcount MB/s against threads on {english.name}]({meta['chart']})")

    # --- details
    emit("\n## Details\n")
    emit("Seconds per run over the rounds; the spread shows how noisy the machine was.")
    for inp in inputs:
        emit(f"\n### `{inp.name}` ({number(inp.bytes / MB)} MB)\n")
        rows = [[r["name"], number(r["median"], 3), number(r["min"], 3), number(r["max"], 3),
                 number(r["stddev"], 3), r["runs"]] for r in inp.rows]
        emit(table(["command", "median", "min", "max", "stddev", "runs"], rows))
    emit("\nCommands (`FILES` = the input's files in sorted order, `DIR` = their directory):\n")
    for name in row_names:
        r = next(i.row(name) for i in inputs if i.row(name))
        emit(f"- {name}: `{abbreviate(r['command'], meta)}`")
    print("\n".join(out))


NORMALIZATIONS = ("lower", "casefold", "nfkc")


def ratio_cell(numerator, denominator):
    return number(numerator["median"] / denominator["median"], 2) if numerator and denominator else "–"


def normalization_section(emit, inputs):
    """Each normalization option's time over the plain count's, per input."""
    if not any(r["role"] == "normalization" for i in inputs for r in i.rows):
        return
    modes = ("word", "whitespace")
    emit("\n## Normalization cost at -j1\n")
    emit("Median time of `vocabcount -t MODE --OPTION -j1` divided by that of `vocabcount -t MODE -j1` "
         "on the same input: 1.04 means the option costs 4 % more time. **Bold**: 10 % or more. Both "
         "medians come from the same interleaved rounds; the details section gives their spread.\n")
    rows, over = [], {}
    for inp in inputs:
        cells = [f"`{inp.name}`"]
        for mode in modes:
            plain = inp.row(f"vocabcount {mode} -j1")
            for option in NORMALIZATIONS:
                r = inp.row(f"vocabcount {mode} --{option} -j1")
                if not (plain and r):
                    cells.append("–")
                    continue
                ratio = round(r["median"] / plain["median"], 2)
                if ratio >= 1.10:
                    over.setdefault(f"{mode} `--{option}`", []).append(f"`{short(inp.name)}`")
                cells.append(f"**{ratio:.2f}**" if ratio >= 1.10 else f"{ratio:.2f}")
        rows.append(cells)
    emit(table(["input"] + [f"{mode} `--{option}`" for mode in modes for option in NORMALIZATIONS], rows))
    under = [f"{mode} `--{option}`" for mode in modes for option in NORMALIZATIONS
             if f"{mode} `--{option}`" not in over]
    emit("")
    if under:
        emit(f"- under 10 % on every input: {', '.join(under)}")
    for label, names in over.items():
        emit(f"- 10 % or more: {label} on {', '.join(names)}")


def peers_section(emit, inputs, top):
    """The peer programs' times against vocabcount's, and GloVe's output against --format glove."""
    hoyt = [i for i in inputs if "hoyt_distinct" in i.peers]
    glove = [i for i in inputs if i.glove_check]
    if not hoyt and not glove:
        return
    emit("\n## Peer programs\n")
    emit("Each peer reads standard input with one thread, so its row is `cat FILES | PEER > /dev/null` and "
         "pays for the pipe; the *(stdin)* rows of vocabcount read the same pipe (`-` as input), the "
         "others the directory, as everywhere else. Ratio = the peer's median time / vocabcount's: above "
         "1, vocabcount is that many times faster.")
    if hoyt:
        slots = int(hoyt[0].peers.get("hoyt_slots", ["65536"])[0])
        emit("\n### Ben Hoyt's countwords `optimized.c`\n")
        emit("It splits at bytes up to the space and lowercases ASCII letters. Its `char` is signed, so "
             "every byte from 0x80 on separates tokens too: beyond ASCII it counts only the ASCII "
             "fragments (`café` is `caf`), and its tokens/s above use vocabcount's whitespace count. It "
             f"counts in a table of {slots:,} slots that never grows, and once they are all taken it "
             "looks for a free one forever: bench/run.sh counts its distinct tokens first and gives "
             "it no rows on an input with more.\n")
        stdin_lower = "vocabcount whitespace --lower -j1 (stdin)"
        rows = []
        for inp in hoyt:
            distinct = int(inp.peers["hoyt_distinct"][0])
            peer = inp.row("optimized.c, 1 thread (stdin)")
            if distinct > slots or not peer:
                rows.append([f"`{inp.name}`", f"more than {slots:,}", "not run", "–", "–", "–"])
                continue
            rows.append([f"`{inp.name}`", number(distinct, 0), number(inp.mbps(peer)),
                         ratio_cell(peer, inp.row(stdin_lower)),
                         ratio_cell(peer, inp.row("vocabcount whitespace --lower -j1")),
                         ratio_cell(peer, inp.row("vocabcount word -j1"))])
        emit(table(["input", "its distinct tokens", "MB/s", "÷ `-t whitespace --lower -j1` (stdin)",
                    "÷ `-t whitespace --lower -j1`", "÷ `-t word -j1`"], rows))
    if glove:
        emit("\n### GloVe's `vocab_count`\n")
        emit("Run with `-verbose 0 -min-count 1`: the whole vocabulary as `token count` lines, which "
             "vocabcount writes with `--format glove`.\n")
        rows = []
        for inp in glove:
            peer = inp.row("GloVe vocab_count, 1 thread (stdin)")
            if not peer:
                rows.append([f"`{inp.name}`", "failed", "–", "–", "–"])
                continue
            rows.append([f"`{inp.name}`", number(inp.mbps(peer)),
                         ratio_cell(peer, inp.row("vocabcount whitespace --format glove -j1 (stdin)")),
                         ratio_cell(peer, inp.row("vocabcount whitespace --format glove -j1")),
                         ratio_cell(peer, inp.row(f"vocabcount whitespace --format glove -j{top}"))])
        emit(table(["input", "MB/s", "÷ `--format glove -j1` (stdin)", "÷ `--format glove -j1`",
                    f"÷ `--format glove -j{top}`"], rows))
        glove_identity(emit, glove)


def glove_identity(emit, inputs):
    emit("\n#### The same bytes?\n")
    emit("`cmp` of `cat FILES | vocab_count -verbose 0 -min-count 1` and `vocabcount -t whitespace "
         "--format glove FILES`. When they differ: the lines at the first difference, and the two "
         "outputs sorted: the same lines (only the order of tokens with equal counts differs), or how "
         "many lines only one of them has.\n")
    rows, examples = [], []
    for inp in inputs:
        check = {key: values[0] for key, values in inp.glove_check.items()}
        result = check.get("result")
        if result == "failed":
            rows.append([f"`{inp.name}`", f"vocab_count failed: {code(check.get('error', ''), True)}",
                         "–", "–", "–"])
            continue
        lines = f"{int(check['glove_lines']):,} / {int(check['ours_lines']):,}"
        if result == "identical":
            rows.append([f"`{inp.name}`", "identical", lines, "–", "–"])
            continue
        # An empty line at the first difference: that output ended before it.
        at = (" / ".join(code(check[key], True) if check[key] else "(ended)"
                         for key in ("glove_at_line", "ours_at_line"))
              if "glove_at_line" in check else code(check.get("cmp", ""), True))
        only_glove, only_ours = int(check["only_glove"]), int(check["only_ours"])
        same = ("same lines, another order" if only_glove == only_ours == 0 else
                f"only in GloVe's: {only_glove:,} lines; only in vocabcount's: {only_ours:,}")
        rows.append([f"`{inp.name}`", f"**DIFFERENT** (first difference at line {check.get('line') or '?'})",
                     lines, at, same])
        if only_glove or only_ours:
            examples.append(
                f"- `{inp.name}`: only GloVe's "
                + (", ".join(code(line) for line in inp.glove_check.get("only_glove_example", [])) or "none")
                + "; only vocabcount's "
                + (", ".join(code(line) for line in inp.glove_check.get("only_ours_example", [])) or "none"))
    emit(table(["input", "`cmp`", "lines (GloVe / vocabcount)", "at the first difference (GloVe / vocabcount)",
                "sorted"], rows, ["---", "---", "---:", "---", "---"]))
    if examples:
        emit("\nThe first lines (in byte order) that only one of them has (bytes that are not UTF-8 "
             "shown as `\\xNN`, invisible characters as `\\uNNNN`):\n")
        emit("\n".join(examples))
    if any(inp.glove_check.get("result") == ["different"] for inp in inputs):
        emit("\nWhere GloVe's source (`vocab_count.c`, `common.c`) differs from `-t whitespace --format glove`:\n")
        emit("- **ties**: it orders tokens of equal count with `scmp`, which compares `char`s, signed "
             "on x86: where two tokens first differ, a byte from 0x80 on sorts before an ASCII byte. "
             "vocabcount compares unsigned bytes, as `memcmp`, so there the ASCII byte comes first;")
        emit("- **separators**: it splits at space, tab and line feed only and drops every carriage "
             "return, even inside a token; vocabcount also splits at the other White_Space characters "
             "(U+00A0, U+202F, U+3000, ...), at carriage returns and at C0 and C1 control characters;")
        emit("- it cuts tokens to their first 999 bytes (vocabcount drops tokens of more than "
             "`--max-token-bytes`, 65536 by default); it keeps ill-formed UTF-8 and a byte order mark "
             "in tokens, where vocabcount separates at the first and skips the second; it ends a token "
             "at a NUL byte; and it stops with an error on a corpus holding `<unk>`.")


def _memory_input_bytes(results, name):
    for row in read_tsv(os.path.join(results, "memory-inputs.tsv")):
        if row[0] == name:
            return sum(os.path.getsize(os.path.join(row[1], f)) for f in os.listdir(row[1]))
    return 0


def abbreviate(command, meta):
    """The command with its file list as FILES, its input directory as DIR, paths relative."""
    command = re.sub(r"( \S+/part-\d\d\.txt)+", " FILES", command)
    command = re.sub(r" \S+/[\w.-]+-\d+m( |$)", r" DIR\1", command)
    return command.replace(meta["root"] + "/", "")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
