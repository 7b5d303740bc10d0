#!/usr/bin/env bash
# End-to-end throughput of vocabcount on generated corpora, side by side with
# the read floor (cat) and LC_ALL=C wc -w, timed by hyperfine in one run.
# Writes a Markdown report to bench/results/ (or the file given as $1).
#
#   bench/throughput.sh [REPORT.md]      SIZE=256M RUNS=5 to change the defaults
set -euo pipefail
cd "$(dirname "$0")/.."
size=${SIZE:-256M}
runs=${RUNS:-5}
report=${1:-bench/results/$(date -u +%Y-%m-%d)-throughput.md}

scripts/build.sh >&2
if ! command -v hyperfine > /dev/null; then
  as_root=(); [[ $(id -u) -ne 0 ]] && as_root=(sudo)
  "${as_root[@]}" apt-get install -y -q hyperfine >&2
fi
build=${BUILD_DIR:-build}
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT

english="$data/english-$size.txt"
multilingual="$data/multilingual-$size.txt"
"$build/corpus/generator/vocabcount-generate-corpus" --bytes "$size" --mix english -o "$english"
"$build/corpus/generator/vocabcount-generate-corpus" --bytes "$size" --mix multilingual -o "$multilingual"

vc="$build/vocabcount"
cores=$(nproc)
results="$data/results.md"
{
  echo "# vocabcount throughput, $(date -u +%Y-%m-%d)"
  echo
  echo "- machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $cores cores, $(free -g | awk '/Mem:/ {print $2}') GiB"
  echo "- command: \`SIZE=$size RUNS=$runs bench/throughput.sh\` (hyperfine, $runs runs after a warm-up, page cache warm; medians)"
  echo "- inputs: generated with \`vocabcount-generate-corpus --bytes $size --mix english|multilingual\` (seed 1, 100 000-word Zipf vocabulary)"
} > "$report"

for input in "$english" "$multilingual"; do
  name=$(basename "$input" .txt)
  bytes=$(stat -c %s "$input")
  hyperfine --warmup 1 --runs "$runs" --style basic --export-csv "$data/results.csv" \
    -n "cat (read floor)" "cat $input > /dev/null" \
    -n "LC_ALL=C wc -w" "LC_ALL=C wc -w $input" \
    -n "vocabcount word -j1" "$vc -j1 $input > /dev/null" \
    -n "vocabcount word -j$cores" "$vc -j$cores $input > /dev/null" \
    -n "vocabcount whitespace -j1" "$vc -t whitespace -j1 $input > /dev/null" \
    -n "vocabcount whitespace -j$cores" "$vc -t whitespace -j$cores $input > /dev/null" >&2
  {
    echo
    echo "## $name ($bytes bytes)"
    echo
    echo "| command | median [s] | min [s] | max [s] | MB/s (median) | time / wc -w |"
    echo "|:---|---:|---:|---:|---:|---:|"
    # CSV columns: command,mean,stddev,median,user,system,min,max
    awk -F, -v bytes="$bytes" '
      NR == 1 { next }
      { name[NR] = $1; median[NR] = $4; low[NR] = $7; high[NR] = $8; if ($1 == "LC_ALL=C wc -w") wc = $4 }
      END {
        for (i = 2; i <= NR; i++)
          printf "| %s | %.3f | %.3f | %.3f | %.1f | %.2f |\n", name[i], median[i], low[i], high[i],
                 bytes / 1e6 / median[i], median[i] / wc
      }' "$data/results.csv"
  } >> "$report"
done
echo "wrote $report" >&2
