#!/usr/bin/env bash
# The Python module against its targets, each measured side by side in one run: count()
# on files vs the vocabcount command, iter_counts() peak memory over 10 M distinct tokens,
# count_texts() over a generator of lines vs a process-pool Counter, and one call on a
# 1 KB text vs collections.Counter. Prints a Markdown table of medians.
#
#   bench/python_module.sh [REPORT.md]      also writes the table to REPORT.md
#   RUNS=3 bench/python_module.sh           a quicker run (about two minutes on 2 cores)
#
# Environment:
#   RUNS               interleaved rounds after one warm-up (5)
#   BUILD_DIR          the build tree holding the vocabcount command (build)
#   PYTHON_MODULE_DIR  the directory holding the built vocabcount package (build-python/python)
#   PYTHON             the interpreter (/usr/bin/python3)
#   DATA_DIR           inputs, made once and cached (bench/data): brown-x8.txt must be there
#                      (bench/speed.sh makes it) or sources/brown.txt, to repeat 8 times
set -euo pipefail
# Decimal points in EPOCHREALTIME, printf and awk whatever the user's locale.
export LC_NUMERIC=C
source "$(dirname "$0")/common.sh"
command_line=$(command_line_of bench/python_module.sh "$*" RUNS BUILD_DIR PYTHON_MODULE_DIR PYTHON DATA_DIR)
if [[ $# -ge 1 && $1 != /* ]]; then set -- "$PWD/$1"; fi
# Paths the user gave are taken from where the script was started; the defaults are
# the repository's.
for var in BUILD_DIR PYTHON_MODULE_DIR DATA_DIR; do
  if [[ -n ${!var:-} ]]; then printf -v "$var" '%s' "$(realpath -m -- "${!var}")"; fi
done
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

runs=${RUNS:-5}
build_dir=${BUILD_DIR:-$root/build}
module_dir=${PYTHON_MODULE_DIR:-$root/build-python/python}
python=${PYTHON:-/usr/bin/python3}
data=${DATA_DIR:-$root/bench/data}
report=${1:-}
work=$data/python-module
log() { printf '[python_module %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

vc=$build_dir/vocabcount
[[ -x $vc ]] || { echo "python_module.sh: $vc is not executable (BUILD_DIR)" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "python_module.sh: needs GNU time (/usr/bin/time)" >&2; exit 2; }
version=$(PYTHONPATH=$module_dir "$python" -c 'import vocabcount; print(vocabcount.__version__)') ||
  { echo "python_module.sh: cannot import vocabcount from $module_dir (PYTHON_MODULE_DIR)" >&2; exit 2; }
mkdir -p "$work"

# --- inputs -------------------------------------------------------------------------
brown8=$data/brown-x8.txt
if [[ ! -s $brown8 ]]; then
  [[ -s $data/sources/brown.txt ]] || { echo "python_module.sh: neither $brown8 nor $data/sources/brown.txt" >&2; exit 1; }
  for _ in 1 2 3 4 5 6 7 8; do cat "$data/sources/brown.txt"; done > "$brown8.tmp"
  mv "$brown8.tmp" "$brown8"
fi
# Brown x1: the source text, or the first eighth of the x8 file where only that is kept.
brown1=$data/sources/brown.txt
if [[ ! -s $brown1 ]]; then
  brown1=$work/brown-x1.txt
  [[ -s $brown1 ]] || head -c $(($(stat -c %s "$brown8") / 8)) "$brown8" > "$brown1"
fi
# The x8 text in 16 files cut at line ends, read by both the module and the command.
parts=$work/brown-x8-parts
if [[ ! -d $parts ]]; then
  rm -rf "$parts.tmp"
  mkdir -p "$parts.tmp"
  split -n l/16 -d -a 2 --additional-suffix=.txt "$brown8" "$parts.tmp/part-"
  mv "$parts.tmp" "$parts"
fi
# 10 M distinct tokens, each once: every token a new table entry, so the vocabulary
# (about 10 M x 11 bytes of keys alone, far more in a table) must spill within 512M.
distinct=$data/distinct-10000000-x1-seed1.txt
if [[ ! -s $distinct ]]; then
  log "making $distinct"
  "$python" bench/make_distinct.py --distinct 10000000 --repeat 1 --seed 1 "$distinct.tmp"
  mv "$distinct.tmp" "$distinct"
fi

# --- checks: the module gives what the command gives --------------------------------
log "checks"
checks=$(PYTHONPATH=$module_dir "$python" - "$vc" "$parts" "$brown1" << 'EOF_PYTHON'
import collections, glob, subprocess, sys
import vocabcount

vc, parts, brown1 = sys.argv[1:]
files = sorted(glob.glob(parts + "/*.txt"))
counts = vocabcount.count(files)
out = subprocess.run([vc, "--no-progress", *files], capture_output=True, check=True).stdout
command = [(t, int(c)) for t, c in (line.split("\t") for line in out.decode("utf-8").splitlines())]
print("- `count(16 files)` equals the command's output, in its order: %s (%d tokens)"
      % ("yes" if list(counts.items()) == command else "NO", len(command)))
with open(brown1, encoding="utf-8") as f:
    texts = vocabcount.count_texts(line for line in f)
print("- `count_texts(lines)` equals `count(file)` on Brown x1: %s"
      % ("yes" if list(texts.items()) == list(vocabcount.count([brown1]).items()) else "NO"))
EOF_PYTHON
)

# --- timing ---------------------------------------------------------------------------
declare -A seconds
pymod() { printf 'env PYTHONPATH=%s %s -c %s' "$(q "$module_dir")" "$(q "$python")" "$(q "$1")"; }

# 1. count() on 16 files against the command on the same files: whole processes, so
# the interpreter's start and the import are the module's to pay.
names=() commands=()
add "count" "$(pymod 'import sys, vocabcount
counts = vocabcount.count(sys.argv[1:])') $(q "$parts")/*.txt"
add "command" "$(q "$vc") --no-progress -o /dev/null $(q "$parts")/*.txt"
time_commands files

# 2. iter_counts() over 10 M distinct tokens within memory="512M", the consumer only
# counting pairs; peak RSS by GNU time, one line a run (the warm-up's is left out).
# The command with --memory 512M on the same file is the context.
rm -f "$work/iter.rss" "$work/command.rss"
names=() commands=()
add "iter_counts" "/usr/bin/time -f %M -a -o $(q "$work/iter.rss") $(pymod 'import sys, vocabcount
pairs = 0
for _ in vocabcount.iter_counts(sys.argv[1:], memory="512M"):
    pairs += 1
print(pairs)') $(q "$distinct") > $(q "$work/iter.pairs")"
add "command" "/usr/bin/time -f %M -a -o $(q "$work/command.rss") $(q "$vc") --no-progress --memory 512M -o /dev/null $(q "$distinct")"
time_commands distinct
peak_mib() { tail -n "$runs" "$1" | median | awk '{ if ($1 == "-") print "-"; else printf "%.0f\n", $1 / 1024 }'; }
iter_rss=$(peak_mib "$work/iter.rss")
command_rss=$(peak_mib "$work/command.rss")
iter_pairs=$(cat "$work/iter.pairs")

# 3. count_texts() over a generator of lines against the process-pool Counter over the
# same lines, and the plain serial Counter for context.
names=() commands=()
add "count_texts" "$(pymod 'import sys, vocabcount
with open(sys.argv[1], encoding="utf-8", errors="replace") as f:
    counts = vocabcount.count_texts(line for line in f)') $(q "$brown1")"
add "pool" "$(q "$python") bench/python_texts_baseline.py --workers 2 $(q "$brown1")"
add "serial" "$(q "$python") bench/python_texts_baseline.py --serial $(q "$brown1")"
time_commands texts

# 1 and 3 again inside one running process, as a pipeline calls them: the
# call alone, from its arguments to the Counter, against the command's wall
# time from row 1 and against the pool's call (its start included: that is
# the approach's own cost). Rounds interleave the calls; medians.
log "in-process: 1 warm-up + $runs rounds"
read -r call_count_s call_texts_s call_pool_s call_files_pool_s < <(PYTHONPATH=$module_dir:$root/bench "$python" - "$parts" "$brown1" "$runs" << 'EOF_PYTHON'
import collections, concurrent.futures, glob, statistics, sys, time
import vocabcount
import python_counter
import python_texts_baseline as baseline


def files_pool(files):
    """bench/python_counter.py's count: a Counter per file in a pool, merged."""
    total = collections.Counter()
    with concurrent.futures.ProcessPoolExecutor(max_workers=2) as pool:
        for counts in pool.map(python_counter.count_file, files):
            total.update(counts)
    return total


parts, brown1, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
files = sorted(glob.glob(parts + "/*.txt"))
with open(brown1, encoding="utf-8", errors="replace") as f:
    lines = list(f)
calls = {
    "count": lambda: vocabcount.count(files),
    "texts": lambda: vocabcount.count_texts(line for line in lines),
    "pool": lambda: baseline.pool_count(lines),
    "files_pool": lambda: files_pool(files),
}
seconds = {name: [] for name in calls}
for round in range(runs + 1):
    for name, call in calls.items():
        start = time.perf_counter()
        call()
        if round > 0:
            seconds[name].append(time.perf_counter() - start)
print(" ".join("%.4f" % statistics.median(seconds[name]) for name in calls))
EOF_PYTHON
)

# 4. One call on a 1 KB text, in one process: the fixed cost of a call against what a
# Counter costs on it. Rounds interleave the two; each timing is the mean of enough
# calls to take about 0.2 s, and the table takes the median of the rounds.
log "tiny: 1 warm-up + $runs rounds in one process"
read -r tiny_module_us tiny_counter_us tiny_bytes < <(PYTHONPATH=$module_dir "$python" - "$brown1" "$runs" << 'EOF_PYTHON'
import collections, re, statistics, sys, timeit
import vocabcount

path, runs = sys.argv[1], int(sys.argv[2])
with open(path, "rb") as f:
    text = f.read(1024).decode("utf-8", errors="ignore")
calls = {
    "module": lambda: vocabcount.count_texts([text]),
    "counter": lambda: collections.Counter(re.findall(r"\w+", text)),
}
numbers = {name: timeit.Timer(call).autorange()[0] for name, call in calls.items()}
per_call = {name: [] for name in calls}
for _ in range(runs):
    for name, call in calls.items():
        per_call[name].append(timeit.timeit(call, number=numbers[name]) / numbers[name])
print("%.1f %.1f %d" % (statistics.median(per_call["module"]) * 1e6,
                        statistics.median(per_call["counter"]) * 1e6, len(text.encode("utf-8"))))
EOF_PYTHON
)

# --- report ---------------------------------------------------------------------------
# "yes" when VALUE OP LIMIT holds (OP: <= or >=), "no" otherwise, "–" without a value.
meets() {
  awk -v v="$1" -v op="$2" -v l="$3" 'BEGIN {
    if (v == "-" || v == "–") print "–"; else if ((op == "<=" && v + 0 <= l + 0) || (op == ">=" && v + 0 >= l + 0)) print "yes"; else print "no" }'
}
count_s=$(med "files|count") command_s=$(med "files|command")
iter_s=$(med "distinct|iter_counts") command_distinct_s=$(med "distinct|command")
texts_s=$(med "texts|count_texts") pool_s=$(med "texts|pool") serial_s=$(med "texts|serial")
r1=$(ratio "$count_s" "$command_s")
r3=$(ratio "$pool_s" "$texts_s")
r3s=$(ratio "$serial_s" "$texts_s")
r4=$(ratio "$tiny_counter_us" "$tiny_module_us")
limit_rss=$((512 + 64 + 40))
table=$(
  printf '# The Python module against its targets\n\n'
  printf -- '- date: %s; machine: %s, %s cores, %s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')" "$(uname -n)" "$(nproc)" \
    "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  printf -- '- command: `%s`; vocabcount %s, commit %s%s\n' "$command_line" "$version" \
    "$(git rev-parse --short HEAD 2> /dev/null || echo unknown)" \
    "$(git diff --quiet -- src include python 2> /dev/null || echo ' (with uncommitted changes)')"
  printf -- '- medians of %s interleaved rounds after a warm-up; rows marked "call" time one call in a running Python process, the others whole processes; default options (word tokenizer, every core)\n' "$runs"
  printf -- '- inputs: Brown x8 in 16 files, %s bytes; Brown x1, %s bytes; %s distinct tokens, %s bytes; %s bytes of Brown\n' \
    "$(cat "$parts"/*.txt | wc -c)" "$(stat -c %s "$brown1")" "$iter_pairs" "$(stat -c %s "$distinct")" "$tiny_bytes"
  printf '%s\n\n' "$checks"
  printf '| target | vocabcount module | compared with | ratio | goal | met |\n|---|---:|---:|---:|---|---|\n'
  r1c=$(ratio "$call_count_s" "$command_s")
  printf '| 1. the call `count(16 files)`, Counter built, vs the command `vocabcount -o /dev/null` on them, Brown x8 (s) | %s | %s | %s | call / command <= 1.3 | %s |\n' \
    "$call_count_s" "$command_s" "$r1c" "$(meets "$r1c" "<=" 1.3)"
  printf '| 1. the same, a whole Python process (interpreter start and import included) (s) | %s | %s | %s | (context) | |\n' \
    "$count_s" "$command_s" "$r1"
  printf '| 1. the call `count(16 files)` vs a `Counter` per file in a pool of 2, merged with `update` (`bench/python_counter.py`), one call each (s) | %s | %s | %s | (context) | |\n' \
    "$call_count_s" "$call_files_pool_s" "$(ratio "$call_files_pool_s" "$call_count_s")"
  printf '| 2. `iter_counts(memory="512M")`, 10 M distinct: peak RSS (MiB) vs `vocabcount --memory 512M` | %s | %s | | <= %s MiB | %s |\n' \
    "$iter_rss" "$command_rss" "$limit_rss" "$(meets "$iter_rss" "<=" "$limit_rss")"
  printf '| 2. the same: wall time (s) | %s | %s | %s | (context) | |\n' "$iter_s" "$command_distinct_s" "$(ratio "$iter_s" "$command_distinct_s")"
  r3c=$(ratio "$call_pool_s" "$call_texts_s")
  printf '| 3. the call `count_texts(line for line in lines)` vs the pool of 2 `Counter(re.findall)` + `update` on the same lines, Brown x1 (s) | %s | %s | %s | pool / module >= 20 | %s |\n' \
    "$call_texts_s" "$call_pool_s" "$r3c" "$(meets "$r3c" ">=" 20)"
  printf '| 3. the same as whole processes (reading the file included) (s) | %s | %s | %s | (context) | |\n' \
    "$texts_s" "$pool_s" "$r3"
  printf '| 3. the same vs one serial `Counter(re.findall)` (s) | %s | %s | %s | (context) | |\n' "$texts_s" "$serial_s" "$r3s"
  printf '| 4. `count_texts([text])` vs `Counter(re.findall(r"\\w+", text))`, 1 KB (µs a call) | %s | %s | %s | Counter / module >= 1 | %s |\n' \
    "$tiny_module_us" "$tiny_counter_us" "$r4" "$(meets "$r4" ">=" 1)"
)
printf '%s\n' "$table"
if [[ -n $report ]]; then
  mkdir -p "$(dirname "$report")"
  printf '%s\n' "$table" > "$report"
  log "wrote $report"
fi
