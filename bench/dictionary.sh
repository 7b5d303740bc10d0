#!/usr/bin/env bash
# Word segmentation of the scripts ICU segments with dictionaries (Chinese,
# Japanese, Thai, Khmer, Burmese) and of the multilingual mix, side by side
# with plain ICU
# (bench/icu_count.cc) and, when given, an older vocabcount build; Korean, which
# needs no dictionary, for comparison. One thread. Checks that every output is
# byte-identical to plain ICU's and writes a Markdown report of medians and
# ratios.
#
#   bench/dictionary.sh [REPORT.md]     default report: bench/results/DATE-dictionary.md
#   RUNS=1 SCRIPT_MB=4 SIZE_MB=8 bench/dictionary.sh /tmp/smoke.md   smoke test
#
# Environment:
#   RUNS        interleaved rounds after one warm-up (7)
#   SCRIPT_MB   size of each language's input (16); SIZE_MB, of the multilingual mix (64)
#   VOCABCOUNT  the binary to time; default BUILD_DIR/vocabcount, built first
#   BASELINE    an older vocabcount binary: its rows show what changed
#   BUILD_DIR, DATA_DIR   build-bench, bench/data
set -euo pipefail
export LC_NUMERIC=C
source "$(dirname "$0")/common.sh"
command_line=$(command_line_of bench/dictionary.sh "$*" RUNS SCRIPT_MB SIZE_MB VOCABCOUNT BASELINE BUILD_DIR DATA_DIR)
if [[ $# -ge 1 && $1 != /* ]]; then set -- "$PWD/$1"; fi
absolute_binaries dictionary.sh VOCABCOUNT BASELINE
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
log() { printf '[dictionary %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

runs=${RUNS:-7}
script_mb=${SCRIPT_MB:-16}
size_mb=${SIZE_MB:-64}
build_dir=${BUILD_DIR:-$root/build-bench}
data=${DATA_DIR:-$root/bench/data}
report=${1:-bench/results/$(date -u +%Y-%m-%d)-dictionary.md}

# run.sh prepares the inputs (directories of 16 parts); then the binaries.
PREPARE_ONLY=1 BIG=0 SIZE_MB=$size_mb SCRIPT_MB=$script_mb DATA_DIR=$data BUILD_DIR=$build_dir \
  bench/run.sh > /dev/null
targets=(vocabcount-icu-baseline)
[[ -z ${VOCABCOUNT:-} ]] && targets+=(vocabcount_cli)
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Release -DVOCABCOUNT_BUILD_TESTS=OFF >&2
cmake --build "$build_dir" -j "$(nproc)" --target "${targets[@]}" >&2
icu=$build_dir/bench/vocabcount-icu-baseline
vc=${VOCABCOUNT:-$build_dir/vocabcount}
inputs=(chinese japanese thai khmer burmese korean multilingual)
dir_of() { [[ $1 == multilingual ]] && echo "$data/multilingual-${size_mb}m" || echo "$data/$1-${script_mb}m"; }

# --- checks ---------------------------------------------------------------------------
identical="yes"
for input in "${inputs[@]}"; do
  files=("$(dir_of "$input")"/*.txt)
  expected=$("$icu" "${files[@]}" | md5sum)
  [[ $("$vc" -j1 "${files[@]}" | md5sum) == "$expected" ]] || identical="NO ($input differs from plain ICU)"
  if [[ -n ${BASELINE:-} ]]; then
    [[ $("$BASELINE" -j1 "${files[@]}" | md5sum) == "$expected" ]] || identical="NO ($input: the baseline differs from plain ICU)"
  fi
done

# --- timing ---------------------------------------------------------------------------
declare -A seconds
for input in "${inputs[@]}"; do
  names=() commands=()
  files="$(q "$(dir_of "$input")")/*.txt"
  add "vocabcount" "$(q "$vc") -j1 $files"
  add "plain ICU" "$(q "$icu") $files"
  [[ -n ${BASELINE:-} ]] && add "baseline" "$(q "$BASELINE") -j1 $files"
  time_commands "$input"
done

# --- report ---------------------------------------------------------------------------
mb_per_s() { awk -v b="$1" -v s="$2" 'BEGIN {if (s == "-" || s == 0) print "–"; else printf "%.1f", b / s / 1e6}'; }
mkdir -p "$(dirname "$report")"
{
  printf '# Dictionary scripts, one thread, side by side with plain ICU\n\n'
  printf -- '- date: %s; machine: %s, %s cores, %s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')" "$(uname -n)" "$(nproc)" \
    "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  printf -- '- command: `%s`; commit %s%s\n' "$command_line" "$(git rev-parse --short HEAD 2> /dev/null || echo unknown)" \
    "$(git diff --quiet -- src include 2> /dev/null || echo ' (with uncommitted changes in src/ or include/)')"
  printf -- '- ICU %s; medians of %s interleaved rounds after a warm-up; wall time of the whole command\n' \
    "$(pkg-config --modversion icu-uc 2> /dev/null || echo unknown)" "$runs"
  [[ -n ${BASELINE:-} ]] && printf -- '- baseline: `%s`\n' "$BASELINE"
  printf -- '- outputs byte-identical to plain ICU%s: %s\n\n' "${BASELINE:+ (this build and the baseline)}" "$identical"
  printf '| input | bytes | vocabcount s | MB/s | plain ICU s | MB/s | plain ICU / vocabcount |'
  [[ -n ${BASELINE:-} ]] && printf ' baseline s | baseline / vocabcount |'
  printf '\n|---|---:|---:|---:|---:|---:|---:|'
  [[ -n ${BASELINE:-} ]] && printf -- '---:|---:|'
  printf '\n'
  for input in "${inputs[@]}"; do
    bytes=$(cat "$(dir_of "$input")"/*.txt | wc -c)
    ours=$(med "$input|vocabcount") plain=$(med "$input|plain ICU")
    printf '| %s | %s | %s | %s | %s | %s | %s |' "$input" "$bytes" "$ours" "$(mb_per_s "$bytes" "$ours")" \
      "$plain" "$(mb_per_s "$bytes" "$plain")" "$(ratio "$plain" "$ours")"
    if [[ -n ${BASELINE:-} ]]; then
      old=$(med "$input|baseline")
      printf ' %s | %s |' "$old" "$(ratio "$old" "$ours")"
    fi
    printf '\n'
  done
} > "$report"
log "wrote $report"
cat "$report"
