#!/usr/bin/env bash
# Throughput of vocabcount on the same text stored in different ways: plain,
# gzip, zstd, bzip2, xz, and as JSON Lines (plain and zstd), in interleaved
# rounds. Writes a Markdown table to bench/results/DATE-input-formats.md.
#
#   bench/input_formats.sh            # 5 rounds on bench/data/english-256m
#   RUNS=3 bench/input_formats.sh
# Needs the inputs and build of bench/run.sh (run it once first).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
binary=${BINARY:-build-bench/vocabcount}
source_dir=${SOURCE_DIR:-bench/data/english-256m}
work=${WORK_DIR:-bench/data/formats}
report=bench/results/$(date -u +%Y-%m-%d)-input-formats.md

mkdir -p "$work"
text=$work/text.txt
if [[ ! -s $text ]]; then
  cat "$source_dir"/* > "$text"
  python3 bench/make_jsonl.py "$text" "$work/text.jsonl"
  gzip -6 -c "$text" > "$work/text.txt.gz"
  zstd -q -3 -c "$text" > "$work/text.txt.zst"
  bzip2 -9 -c "$text" > "$work/text.txt.bz2"
  xz -T2 -6 -c "$text" > "$work/text.txt.xz"
  zstd -q -3 -c "$work/text.jsonl" > "$work/text.jsonl.zst"
fi
text_bytes=$(stat -c %s "$text")

# name|arguments
commands=(
  "plain -j1|-j1 $text"
  "plain -j2|-j2 $text"
  "gzip -j1|-j1 $work/text.txt.gz"
  "gzip -j2|-j2 $work/text.txt.gz"
  "zstd -j1|-j1 $work/text.txt.zst"
  "zstd -j2|-j2 $work/text.txt.zst"
  "bzip2 -j2|-j2 $work/text.txt.bz2"
  "xz -j2|-j2 $work/text.txt.xz"
  "JSONL -j1|-j1 --jsonl text $work/text.jsonl"
  "JSONL -j2|-j2 --jsonl text $work/text.jsonl"
  "JSONL zstd -j2|-j2 --jsonl text $work/text.jsonl.zst"
)

# Every output must be the plain count's.
"$binary" -j2 "$text" > "$work/expected.tsv"
for entry in "${commands[@]}"; do
  "$binary" ${entry#*|} > "$work/actual.tsv"
  cmp -s "$work/expected.tsv" "$work/actual.tsv" || { echo "different output: ${entry%%|*}" >&2; exit 1; }
done

declare -A times
for ((round = 0; round < runs; round++)); do
  for entry in "${commands[@]}"; do
    start=$(date +%s.%N)
    "$binary" ${entry#*|} > /dev/null
    end=$(date +%s.%N)
    times[${entry%%|*}]+="$(echo "$end - $start" | bc) "
  done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
plain_j1=$(echo "${times[plain -j1]}" | median)
plain_j2=$(echo "${times[plain -j2]}" | median)
{
  echo "# vocabcount on one text stored in different ways, $(date -u +%Y-%m-%d)"
  echo
  echo "- machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores"
  echo "- command: \`RUNS=$runs bench/input_formats.sh\`; tree \`$(git rev-parse --short HEAD)\`"
  echo "- text: \`$source_dir\` concatenated, $(printf "%'d" "$text_bytes") bytes; JSON Lines made by \`bench/make_jsonl.py\` (each line as {\"id\":N,\"text\":\"…\"}); default-ish levels (gzip -6, zstd -3, bzip2 -9, xz -6)"
  echo "- every output equals the plain count's byte for byte; times are medians of $runs interleaved rounds"
  echo "- MB/s is of the **plain text** (its bytes over the time), so the rows compare directly"
  echo
  echo "| input | stored MB | median s | MB/s of text | vs plain, same -j |"
  echo "|---|---:|---:|---:|---:|"
  for entry in "${commands[@]}"; do
    name=${entry%%|*}
    file=${entry##* }
    seconds=$(echo "${times[$name]}" | median)
    same=$plain_j1
    [[ $name == *-j2 ]] && same=$plain_j2
    awk -v n="$name" -v s="$seconds" -v b="$text_bytes" -v f="$(stat -c %s "$file")" -v p="$same" \
      'BEGIN { printf "| %s | %.1f | %.3f | %.1f | %.2f× |\n", n, f / 1e6, s, b / 1e6 / s, p / s }'
  done
} > "$report"
cat "$report"
