#!/usr/bin/env bash
# Counting speed side by side on two inputs: the Brown corpus x8 (one 49 MB file, and the
# same bytes in 16 files for the Python baselines: words, and n-grams 1-3) and 256 MiB of generated English; plus
# Brown x40 (245 MB), for the two-thread scaling of an input past 200 MB; and small jobs:
# Brown cut into 6,030 files of about 1 KB (-j1 against -j2), and a 1 KB input against
# `wc -w` (start-up). Times vocabcount
# (both tokenizers, -j1 and -j2, with and without --lower, --casefold and --nfkc), an
# older vocabcount build and peer programs when given, and writes a Markdown report of
# medians and ratios.
#
#   bench/speed.sh [REPORT.md]      default report: bench/results/DATE-speed.md
#   RUNS=1 ENGLISH_MB=16 BROWN_COPIES=2 bench/speed.sh /tmp/speed-smoke.md   smoke test
#   SMALL_ONLY=1 RUNS=9 bench/speed.sh /tmp/small.md   the small jobs alone (needs only
#                   DATA_DIR/sources/brown.txt)
#
# Environment:
#   RUNS            interleaved rounds after one warm-up (7): each round runs every command
#                   of an input once, so a burst of noise is spread over all of them
#   BROWN_COPIES    copies of the Brown text in the main Brown input (8); SCALING_COPIES (40)
#   ENGLISH_MB      generated English input (256)
#   VOCABCOUNT      the binary to time; default BUILD_DIR/vocabcount, built first
#   BASELINE        an older vocabcount binary: its rows show what changed
#   HOYT_OPTIMIZED  Ben Hoyt's countwords optimized.c, built by the user (reads standard
#                   input; whitespace split and ASCII lowercase). Timed only where its fixed
#                   table of 65,536 slots holds the vocabulary (Brown, not the English)
#   GLOVE_VOCAB_COUNT  GloVe's vocab_count, built by the user; timed next to
#                   vocabcount -t whitespace --format glove, whose output it must equal on
#                   Brown (the check is in the report)
#   PYTHON          interpreter of the Python Counter rows (/usr/bin/python3)
#   SMALL_ONLY      1: time only the small jobs (no other input is made or timed)
#   SMALL_EACH      hyperfine -N runs of each 1 KB command per round (30); its median is
#                   the round's time
#   BUILD_DIR, DATA_DIR   build-bench, bench/data
set -euo pipefail
export LC_NUMERIC=C
source "$(dirname "$0")/common.sh"
command_line=$(command_line_of bench/speed.sh "$*" RUNS BROWN_COPIES SCALING_COPIES ENGLISH_MB VOCABCOUNT \
  BASELINE HOYT_OPTIMIZED GLOVE_VOCAB_COUNT PYTHON SMALL_ONLY SMALL_EACH BUILD_DIR DATA_DIR)
if [[ $# -ge 1 && $1 != /* ]]; then set -- "$PWD/$1"; fi
absolute_binaries speed.sh VOCABCOUNT BASELINE HOYT_OPTIMIZED GLOVE_VOCAB_COUNT
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

runs=${RUNS:-7}
brown_copies=${BROWN_COPIES:-8}
scaling_copies=${SCALING_COPIES:-40}
english_mb=${ENGLISH_MB:-256}
python=${PYTHON:-/usr/bin/python3}
small_only=${SMALL_ONLY:-0}
small_each=${SMALL_EACH:-30}
build_dir=${BUILD_DIR:-$root/build-bench}
data=${DATA_DIR:-$root/bench/data}
report=${1:-bench/results/$(date -u +%Y-%m-%d)-speed.md}
work=$data/speed
mkdir -p "$work"
log() { printf '[speed %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# --- binaries and inputs ------------------------------------------------------------
inputs_list="(SMALL_ONLY=1: bench/run.sh not run)"
((small_only)) || inputs_list=$(PREPARE_ONLY=1 BIG=0 SIZE_MB=64 DATA_DIR=$data BUILD_DIR=$build_dir bench/run.sh)
generator=$build_dir/corpus/generator/vocabcount-generate-corpus
vc=${VOCABCOUNT:-}
if [[ -z $vc ]]; then
  cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Release -DVOCABCOUNT_BUILD_TESTS=OFF >&2
  cmake --build "$build_dir" -j "$(nproc)" --target vocabcount_cli >&2
  vc=$build_dir/vocabcount
fi
brown_text=$data/sources/brown.txt
[[ -s $brown_text ]] || { echo "speed.sh: $brown_text missing (see $inputs_list)" >&2; exit 1; }

repeat_into() {  # FILE COPIES OUT
  if [[ ! -s $3 ]]; then
    for ((i = 0; i < $2; i++)); do cat "$1"; done > "$3.tmp"
    mv "$3.tmp" "$3"
  fi
}
# --- small jobs -----------------------------------------------------------------------
# The Brown text cut at line ends into 6,030 files of about 1 KB, and its first 1 KB: what
# a run costs besides counting (starting the process, opening files).
small_files=$work/brown-6030-files
if [[ ! -d $small_files ]]; then
  mkdir -p "$small_files.tmp"
  split -n l/6030 -d -a 4 --additional-suffix=.txt "$brown_text" "$small_files.tmp/part-"
  mv "$small_files.tmp" "$small_files"
fi
small_file=$work/brown-1k.txt
[[ -s $small_file ]] || head -c 1024 "$brown_text" > "$small_file"
declare -A seconds
# Appends to seconds[small|NAME] the median of EACH runs of COMMAND, timed by hyperfine
# without a shell (a shell's start-up would be most of a 1 KB run).
hyperfine_median() {  # NAME EACH COMMAND
  local json=$work/hyperfine-small.json
  hyperfine -N --style none --warmup 3 --runs "$2" --export-json "$json" "$3" > /dev/null 2>&1 ||
    { log "failed: $3"; exit 1; }
  seconds[small|$1]+="$("$python" -c 'import json, sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' "$json") "
}
time_small_jobs() {
  local round
  log "small jobs: 1 warm-up + $runs rounds"
  for ((round = 0; round <= runs; round++)); do
    # The first round warms the page cache (6,030 files) and is not counted.
    local each=1
    ((round == 0)) || each=$small_each
    hyperfine_median "files -j1" 1 "$vc -j1 -o /dev/null $small_files"
    hyperfine_median "files -j2" 1 "$vc -j2 -o /dev/null $small_files"
    hyperfine_median "1 KB" "$each" "$vc -o /dev/null $small_file"
    hyperfine_median "wc -w 1 KB" "$each" "wc -w $small_file"
    if ((round == 0)); then
      for name in "files -j1" "files -j2" "1 KB" "wc -w 1 KB"; do seconds[small|$name]=""; done
    fi
  done
}
small_same="yes"
for t in 2 5; do
  "$vc" -j1 "$small_files" | cmp -s - <("$vc" -j$t "$small_files") || small_same="NO (-j1 and -j$t differ)"
done
small_report() {
  printf '## small jobs\n\n'
  printf -- '- %s files of about 1 KB (%s bytes; Brown cut at line ends, `split -n l/6030`), output equal at -j1, -j2, -j5: %s\n' \
    "$(find "$small_files" -type f | wc -l)" "$(cat "$small_files"/* | wc -c)" "$small_same"
  printf -- '- the 1 KB input: the first 1,024 bytes of Brown; %s `hyperfine -N` runs per round, the round'"'"'s median\n\n' "$small_each"
  printf '| command | median s |\n|---|---:|\n'
  printf '| `vocabcount -j1 -o /dev/null DIR` | %s |\n' "$(med "small|files -j1")"
  printf '| `vocabcount -j2 -o /dev/null DIR` | %s |\n' "$(med "small|files -j2")"
  printf '| `vocabcount -o /dev/null 1k.txt` | %s |\n' "$(med4 "small|1 KB")"
  printf '| `wc -w 1k.txt` | %s |\n\n' "$(med4 "small|wc -w 1 KB")"
  printf '| target | ratio |\n|---|---:|\n'
  printf '| 6,030 files: `-j1` / `-j2` (target >= 1.7) | %s |\n' \
    "$(ratio "$(med "small|files -j1")" "$(med "small|files -j2")")"
  printf '| 1 KB: vocabcount / `wc -w` (target <= 1.5) | %s |\n' \
    "$(ratio "$(med4 "small|1 KB")" "$(med4 "small|wc -w 1 KB")")"
}
# The median seconds of INPUT|NAME, to a tenth of a millisecond.
med4() { tr " " "\n" <<< "${seconds[$1]:-}" | grep . | median | awk '{ if ($1 == "-") print "-"; else printf "%.4f\n", $1 }'; }
if ((small_only)); then
  time_small_jobs
  mkdir -p "$(dirname "$report")"
  {
    printf '# Small jobs\n\n'
    printf -- '- date: %s; machine: %s, %s cores, %s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')" "$(uname -n)" "$(nproc)" \
      "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
    printf -- '- command: `%s`; commit %s%s\n' "$command_line" "$(git rev-parse --short HEAD 2> /dev/null || echo unknown)" \
      "$(git diff --quiet -- src include 2> /dev/null || echo ' (with uncommitted changes in src/ or include/)')"
    printf -- '- medians of %s rounds after a warm-up round; wall time of the whole command\n\n' "$runs"
    small_report
  } > "$report"
  log "wrote $report"
  cat "$report"
  exit 0
fi

brown=$work/brown-x$brown_copies.txt
scaling=$work/brown-x$scaling_copies.txt
english=$work/english-${english_mb}m.txt
repeat_into "$brown_text" "$brown_copies" "$brown"
repeat_into "$brown_text" "$scaling_copies" "$scaling"
[[ -s $english ]] || "$generator" --bytes "${english_mb}M" --mix english -o "$english"
# The Brown input in 16 files cut at line ends, as a parallel script would be given it.
brown_parts=$work/brown-x$brown_copies-parts
if [[ ! -d $brown_parts ]]; then
  mkdir -p "$brown_parts.tmp"
  split -n l/16 -d -a 2 --additional-suffix=.txt "$brown" "$brown_parts.tmp/part-"
  mv "$brown_parts.tmp" "$brown_parts"
fi

# --- commands -----------------------------------------------------------------------
names=()
commands=()
vocabcount_rows() {  # FILE
  local file=$1 mode t option
  for mode in word whitespace; do
    for t in 1 2; do add "$mode -j$t" "$(q "$vc") -t $mode -j$t $(q "$file")"; done
    for option in lower casefold nfkc; do
      add "$mode --$option -j1" "$(q "$vc") -t $mode --$option -j1 $(q "$file")"
    done
    if [[ -n ${BASELINE:-} ]]; then
      for t in 1 2; do add "baseline $mode -j$t" "$(q "$BASELINE") -t $mode -j$t $(q "$file")"; done
      add "baseline $mode --lower -j1" "$(q "$BASELINE") -t $mode --lower -j1 $(q "$file")"
    fi
  done
}

# --- checks ---------------------------------------------------------------------------
glove_check="not run (GLOVE_VOCAB_COUNT not set)"
if [[ -n ${GLOVE_VOCAB_COUNT:-} ]]; then
  "$GLOVE_VOCAB_COUNT" -verbose 0 -min-count 1 < "$brown" > "$work/glove.txt" 2> /dev/null
  "$vc" -t whitespace --format glove "$brown" > "$work/ours.txt"
  if cmp -s "$work/glove.txt" "$work/ours.txt"; then
    glove_check="identical ($(wc -l < "$work/ours.txt") lines)"
  else
    glove_check="DIFFERENT: $(cmp "$work/glove.txt" "$work/ours.txt" 2>&1 || true)"
  fi
  rm -f "$work/glove.txt" "$work/ours.txt"
fi
same_output="yes"
for mode in word whitespace; do
  a=$("$vc" -t $mode -j1 "$brown" | md5sum)
  b=$("$vc" -t $mode -j2 "$brown_parts"/*.txt | md5sum)
  [[ $a == "$b" ]] || same_output="NO ($mode: -j1 on one file and -j2 on 16 parts differ)"
  if [[ -n ${BASELINE:-} ]]; then
    for option in "" --lower --casefold --nfkc; do
      a=$("$vc" -t $mode $option "$english" | md5sum)
      b=$("$BASELINE" -t $mode $option "$english" | md5sum)
      [[ $a == "$b" ]] || same_output="NO ($mode $option: differs from the baseline)"
    done
  fi
done

# --- timing ---------------------------------------------------------------------------
names=() commands=()
vocabcount_rows "$brown"
add "python 16 files" "$(q "$python") $(q "$root/bench/python_counter.py") $(q "$brown_parts")/*.txt"
add "vocabcount word -j2, 16 files" "$(q "$vc") -j2 $(q "$brown_parts")/*.txt"
add "python n-grams 1-3, 16 files" "$(q "$python") $(q "$root/bench/python_ngrams.py") 1 3 $(q "$brown_parts")/*.txt"
add "vocabcount --ngrams 1-3 -j2, 16 files" "$(q "$vc") --ngrams 1-3 -j2 $(q "$brown_parts")/*.txt"
[[ -n ${HOYT_OPTIMIZED:-} ]] && add "optimized.c" "$(q "$HOYT_OPTIMIZED") < $(q "$brown")"
[[ -n ${GLOVE_VOCAB_COUNT:-} ]] && add "GloVe vocab_count" "$(q "$GLOVE_VOCAB_COUNT") -verbose 0 -min-count 1 < $(q "$brown")"
[[ -n ${GLOVE_VOCAB_COUNT:-} ]] && add "whitespace --format glove -j1" "$(q "$vc") -t whitespace --format glove -j1 $(q "$brown")"
add "LC_ALL=C wc -w" "LC_ALL=C wc -w $(q "$brown")"
time_commands brown
brown_names=("${names[@]}")

names=() commands=()
vocabcount_rows "$english"
time_commands english
english_names=("${names[@]}")

names=() commands=()
for mode in word whitespace; do
  for t in 1 2; do add "$mode -j$t" "$(q "$vc") -t $mode -j$t $(q "$scaling")"; done
done
time_commands scaling
time_small_jobs

# --- report ---------------------------------------------------------------------------
mkdir -p "$(dirname "$report")"
{
  printf '# Counting speed, side by side\n\n'
  printf -- '- date: %s; machine: %s, %s cores, %s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')" "$(uname -n)" "$(nproc)" \
    "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  printf -- '- command: `%s`; commit %s%s\n' "$command_line" "$(git rev-parse --short HEAD 2> /dev/null || echo unknown)" \
    "$(git diff --quiet -- src include 2> /dev/null || echo ' (with uncommitted changes in src/ or include/)')"
  printf -- '- medians of %s interleaved rounds after a warm-up; wall time of the whole command\n' "$runs"
  printf -- '- inputs: Brown x%s, %s bytes (also as 16 files); generated English, %s bytes; Brown x%s, %s bytes\n' \
    "$brown_copies" "$(stat -c %s "$brown")" "$(stat -c %s "$english")" "$scaling_copies" "$(stat -c %s "$scaling")"
  [[ -n ${BASELINE:-} ]] && printf -- '- baseline: `%s`\n' "$BASELINE"
  [[ -n ${HOYT_OPTIMIZED:-} ]] && printf -- '- optimized.c: `%s` (sha256 %s)\n' "$HOYT_OPTIMIZED" "$(sha256sum < "$HOYT_OPTIMIZED" | cut -c1-16)"
  [[ -n ${GLOVE_VOCAB_COUNT:-} ]] && printf -- '- GloVe vocab_count: `%s` (sha256 %s)\n' "$GLOVE_VOCAB_COUNT" "$(sha256sum < "$GLOVE_VOCAB_COUNT" | cut -c1-16)"
  printf -- '- GloVe output check on Brown: %s\n' "$glove_check"
  printf -- '- outputs equal (-j1 vs -j2 on 16 parts%s): %s\n\n' "${BASELINE:+, and every option vs the baseline on the English}" "$same_output"
  for input in brown english; do
    printf '## %s\n\n| command | median s |' "$input"
    [[ -n ${BASELINE:-} ]] && printf ' baseline / this |'
    printf '\n|---|---:|'
    [[ -n ${BASELINE:-} ]] && printf -- '---:|'
    printf '\n'
    declare -n list=${input}_names
    for name in "${list[@]}"; do
      [[ $name == baseline* ]] && continue
      printf '| %s | %s |' "$name" "$(med "$input|$name")"
      if [[ -n ${BASELINE:-} ]]; then
        if [[ -n ${seconds[$input|baseline $name]:-} ]]; then
          printf ' %s |' "$(ratio "$(med "$input|baseline $name")" "$(med "$input|$name")")"
        else
          printf ' |'
        fi
      fi
      printf '\n'
    done
    printf '\nNormalization: time with the option / time without (target: at most 1.10)\n\n'
    printf '| tokenizer | --lower | --casefold | --nfkc |\n|---|---:|---:|---:|\n'
    for mode in word whitespace; do
      plain=$(med "$input|$mode -j1")
      printf '| %s | %s | %s | %s |\n' "$mode" "$(ratio "$(med "$input|$mode --lower -j1")" "$plain")" \
        "$(ratio "$(med "$input|$mode --casefold -j1")" "$plain")" "$(ratio "$(med "$input|$mode --nfkc -j1")" "$plain")"
    done
    printf '\n'
  done
  printf '## Targets\n\n| target | ratio |\n|---|---:|\n'
  if [[ -n ${HOYT_OPTIMIZED:-} ]]; then
    printf '| optimized.c / `-t whitespace --lower -j1` (Brown; target >= 2) | %s |\n' \
      "$(ratio "$(med "brown|optimized.c")" "$(med "brown|whitespace --lower -j1")")"
    printf '| optimized.c / word `-j1` (Brown; target >= 1.5) | %s |\n' \
      "$(ratio "$(med "brown|optimized.c")" "$(med "brown|word -j1")")"
  fi
  [[ -n ${GLOVE_VOCAB_COUNT:-} ]] && printf '| GloVe vocab_count / `-t whitespace --format glove -j1` (Brown) | %s |\n' \
    "$(ratio "$(med "brown|GloVe vocab_count")" "$(med "brown|whitespace --format glove -j1")")"
  printf '| Python Counter (16 files, %s processes) / word `-j2` on the 16 files (target >= 20) | %s |\n' "$(nproc)" \
    "$(ratio "$(med "brown|python 16 files")" "$(med "brown|vocabcount word -j2, 16 files")")"
  printf '| Python n-grams 1-3 (16 files, %s processes) / `--ngrams 1-3 -j2` on the 16 files (target >= 25) | %s |\n' "$(nproc)" \
    "$(ratio "$(med "brown|python n-grams 1-3, 16 files")" "$(med "brown|vocabcount --ngrams 1-3 -j2, 16 files")")"
  for input in english scaling; do
    for mode in word whitespace; do
      printf '| %s %s: `-j1` / `-j2` (target >= 1.85) | %s |\n' "$input" "$mode" \
        "$(ratio "$(med "$input|$mode -j1")" "$(med "$input|$mode -j2")")"
    done
  done
  printf '\n'
  small_report
} > "$report"
log "wrote $report"
cat "$report"
