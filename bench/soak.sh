#!/usr/bin/env bash
# Soak test, not part of CI: runs the CLI RUNS times (default 1000) over the
# shipped corpus with a random thread count, work-unit size, tokenizer
# options and input order each time, and checks that every output is the
# same bytes as the first run's with those options. Prints a summary; exits
# 1 at the first difference, keeping both outputs.
#
#   bench/soak.sh [BINARY] [RUNS]      (BINARY defaults to build/vocabcount)
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-build/vocabcount}
runs=${2:-1000}
seed=${SOAK_SEED:-$$}
RANDOM=$seed
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mapfile -t inputs < <(ls corpus/*.txt)
# Some inputs twice over, compressed, to add whole-file units of another kind.
gzip -c corpus/english.txt > "$work/english.txt.gz"
inputs+=("$work/english.txt.gz")

# Option sets: each has its own reference output, made by its first run.
option_sets=("" "--lower --nfkc" "-t whitespace" "-t whitespace --casefold" "--max-token-bytes 7"
             "--sort token --top 100")
chunk_sizes=(1 2 3 7 16 64 333 4096 65536 1048576)
declare -A seen_runs
start=$(date +%s)
for ((run = 1; run <= runs; ++run)); do
  set_index=$((RANDOM % ${#option_sets[@]}))
  options=${option_sets[$set_index]}
  threads=$((1 + RANDOM % 8))
  chunk=${chunk_sizes[$((RANDOM % ${#chunk_sizes[@]}))]}
  mapfile -t order < <(printf '%s\n' "${inputs[@]}" | shuf --random-source=<(yes "$RANDOM"))
  # shellcheck disable=SC2086  # the option set is split into words on purpose
  "$binary" $options -j "$threads" --chunk-size "$chunk" "${order[@]}" > "$work/out" \
    2> "$work/err" || { echo "run $run failed: $options -j $threads --chunk-size $chunk" >&2;
                        cat "$work/err" >&2; exit 1; }
  reference="$work/reference-$set_index"
  if [[ ! -e $reference ]]; then
    cp "$work/out" "$reference"
  elif ! cmp -s "$work/out" "$reference"; then
    kept=$(mktemp -d)
    cp "$work/out" "$kept/differs"; cp "$reference" "$kept/reference"
    echo "run $run differs: $options -j $threads --chunk-size $chunk (seed $seed; kept in $kept)" >&2
    exit 1
  fi
  seen_runs[$set_index]=$((${seen_runs[$set_index]:-0} + 1))
done
echo "soak: $runs runs in $(($(date +%s) - start)) s, seed $seed, every output identical per option set:"
for index in "${!option_sets[@]}"; do
  printf '  %-28s %5d runs  %s\n' "'${option_sets[$index]}'" "${seen_runs[$index]:-0}" \
    "$(md5sum < "$work/reference-$index" 2>/dev/null | cut -c1-12)"
done
