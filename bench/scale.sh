#!/usr/bin/env bash
# Scale benchmark: vocabcount on inputs of 10 M, 40 M and 200 M distinct tokens (each twice),
# in memory and under a --memory budget, next to a sort | uniq -c pipeline; writes a Markdown report.
#
#   bench/scale.sh [REPORT.md]       default report: bench/results/DATE-scale.md
#   DISTINCT=200000 RUNS=1 VOCABCOUNT=build/vocabcount bench/scale.sh /tmp/scale-smoke.md   smoke test
#
# Environment:
#   DISTINCT        distinct-token counts, one input each ("10000000 40000000 200000000"); every
#                   token occurs twice; inputs cached as DATA_DIR/distinct-N.txt
#   RUNS            runs of every row, in interleaved rounds; the report gives medians (3)
#   MEMORY          --memory budget of the spilling row (1G below 200 M distinct, 2G from there)
#   SORT_BASELINE=0 skip the sort | uniq -c pipeline (the slowest row)
#   BYTES_PER_DISTINCT  estimated in-memory need per distinct token and thread (100): a
#                   default-budget row whose estimate exceeds MemTotal is skipped
#   VOCABCOUNT      the binary to time; default BUILD_DIR/vocabcount, built (Release, tests off,
#                   as bench/run.sh does) or brought up to date first
#   BUILD_DIR, DATA_DIR   build-bench, bench/data
# shellcheck disable=SC2016  # backquotes in single quotes are the report's Markdown
set -euo pipefail
started=$(date +%s)
# The exact command, with the settings that were given, for the report.
command_line=""
for var in DISTINCT RUNS MEMORY SORT_BASELINE BYTES_PER_DISTINCT VOCABCOUNT BUILD_DIR DATA_DIR; do
  if [[ -n ${!var+set} ]]; then command_line+="$var=${!var} "; fi
done
command_line+="bench/scale.sh${*:+ $*}"

# Paths given relative to where the command was started.
if [[ $# -ge 1 && $1 != /* ]]; then set -- "$PWD/$1"; fi
if [[ -n ${VOCABCOUNT:-} && $VOCABCOUNT != /* ]]; then VOCABCOUNT=$PWD/$VOCABCOUNT; fi
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

distinct_counts=${DISTINCT:-10000000 40000000 200000000}
repeat=2
seed=1
runs=${RUNS:-3}
sort_baseline=${SORT_BASELINE:-1}
bytes_per_distinct=${BYTES_PER_DISTINCT:-100}
build_dir=${BUILD_DIR:-$root/build-bench}
[[ $build_dir = /* ]] || build_dir=$root/$build_dir
data=${DATA_DIR:-$root/bench/data}
[[ $data = /* ]] || data=$root/$data
report=${1:-bench/results/$(date +%F)-scale.md}
for n in $distinct_counts; do
  [[ $n =~ ^[1-9][0-9]*$ ]] || { echo "scale.sh: DISTINCT must hold positive integers, not '$n'" >&2; exit 2; }
done
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "scale.sh: RUNS must be a positive integer" >&2; exit 2; }

log() { printf '[scale %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
# stats_fields, stop_if_interrupted, median
# shellcheck source=bench/common.sh
source "$root/bench/common.sh"

for tool in python3 /usr/bin/time; do
  command -v "$tool" > /dev/null || { echo "scale.sh: $tool is missing (Debian: apt-get install ${tool##*/})" >&2; exit 1; }
done

# --- binary ----------------------------------------------------------------------
if [[ -n ${VOCABCOUNT:-} ]]; then
  vc=$VOCABCOUNT
else
  # bench/run.sh's build: reused when present, brought up to date (a no-op if it is).
  if [[ ! -f $build_dir/CMakeCache.txt ]]; then
    log "configuring Release in $build_dir"
    scripts/install-deps.sh --tests >&2
    cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Release -DVOCABCOUNT_BUILD_TESTS=OFF >&2
  fi
  log "building vocabcount in $build_dir"
  cmake --build "$build_dir" -j "$(nproc)" --target vocabcount_cli >&2
  vc=$build_dir/vocabcount
fi
[[ -x $vc ]] || { echo "scale.sh: $vc is not an executable" >&2; exit 1; }
# The --memory rows need a binary that has the option; an older one still gives
# the default-budget and baseline rows.
help=$("$vc" --help)
has_memory=0
if grep -q -- '--memory' <<< "$help"; then has_memory=1; fi

work=$(mktemp -d "${TMPDIR:-/tmp}/vocabcount-scale.XXXXXX")
trap 'rm -rf "$work"' EXIT

# --- inputs ----------------------------------------------------------------------
# One file per count, reused while its recipe is unchanged; the generator's own
# checksum is part of the recipe, so changing make_distinct.py regenerates.
mkdir -p "$data"
generator_md5=$(md5sum < bench/make_distinct.py | cut -c1-12)
input_for() {  # N: prints the input's path, generating it when missing or stale
  local n=$1 file=$data/distinct-$1.txt recipe_file=$data/distinct-$1.recipe
  local recipe="bench/make_distinct.py --distinct $n --repeat $repeat --seed $seed (md5 $generator_md5)"
  if [[ ! -f $file || ! -f $recipe_file || $(cat "$recipe_file") != "$recipe" ]]; then
    rm -f "$file" "$recipe_file"
    # 10 hex digits and a separator per token.
    local need=$((n * repeat * 11)) free
    free=$(df --output=avail -B1 "$data" | tail -n 1)
    if ((need > free)); then
      echo "scale.sh: distinct-$n.txt needs $((need / 1000000)) MB, $data has $((free / 1000000)) MB free" >&2
      exit 1
    fi
    log "generating distinct-$n.txt ($((need / 1000000)) MB): $recipe"
    python3 bench/make_distinct.py --distinct "$n" --repeat "$repeat" --seed "$seed" "$file.tmp"
    mv "$file.tmp" "$file"
    printf '%s\n' "$recipe" > "$recipe_file"
  fi
  printf '%s\n' "$file"
}

# --- measurements ----------------------------------------------------------------
mem_kib=$(awk '/^MemTotal:/ {print $2}' /proc/meminfo)
cores=$(nproc)
pipeline='tr -s '"' \\n' '\\n\\n'"' < INPUT | LC_ALL=C sort -S 1G --parallel=2 | uniq -c | LC_ALL=C sort -S 1G --parallel=2 -k1,1nr > OUT'
sort_script='set -o pipefail; tr -s '"' \\n' '\\n\\n'"' < "$1" | LC_ALL=C sort -S 1G --parallel=2 | uniq -c | LC_ALL=C sort -S 1G --parallel=2 -k1,1nr > "$2"'

: > "$work/sections.md"
: > "$work/raw.md"
for n in $distinct_counts; do
  input=$(input_for "$n")
  input_bytes=$(stat -c %s "$input")
  memory=${MEMORY:-$( ((n >= 200000000)) && echo 2G || echo 1G)}
  # Rows: "NAME;KIND;OPTIONS-OR-REASON"; KIND is vc, sort or skip. "Default budget":
  # no --memory, meant to count in memory; a binary that has --memory defaults to
  # half the machine's memory and may spill there too (the bytes spilled column
  # says). The skip rule is for the binaries that do not spill at all.
  rows=()
  for threads in 1 2; do
    need=$((bytes_per_distinct * n * threads))
    if ((need > mem_kib * 1024)); then
      rows+=("vocabcount -j$threads -t whitespace (default budget);skip;skipped (needs ~$(awk -v b="$need" 'BEGIN {printf "%.1f", b / 1e9}') GB)")
    else
      rows+=("vocabcount -j$threads -t whitespace (default budget);vc;-j$threads -t whitespace --stats=json")
    fi
  done
  if ((has_memory)); then
    rows+=("vocabcount -j2 -t whitespace --memory $memory;vc;-j2 -t whitespace --memory $memory --stats=json")
  else
    rows+=("vocabcount -j2 -t whitespace --memory $memory;skip;not supported by this binary")
  fi
  if [[ $sort_baseline != 0 ]]; then rows+=("sort | uniq -c pipeline;sort;"); fi

  log "distinct-$n.txt: $((input_bytes / 1000000)) MB, ${#rows[@]} rows, $runs rounds"
  # Held in $TMPDIR at once, roughly: the reference output and one more (13
  # bytes a token), the sort pipeline's output (about 20 a token) and its
  # temporary files or vocabcount's spill (at most about the input's size).
  tmp_need=$((n * 13 * 2 + n * 20 + input_bytes))
  tmp_free=$(df --output=avail -B1 "$work" | tail -n 1)
  if ((tmp_need > tmp_free)); then
    log "warning: ${TMPDIR:-/tmp} has $((tmp_free / 1000000)) MB free, this input may need about $((tmp_need / 1000000)) MB there"
  fi
  cat "$input" > /dev/null  # page cache warm before the first run
  rm -f "$work/reference.tsv"
  for i in "${!rows[@]}"; do : > "$work/row$i.wall"; : > "$work/row$i.rss"; : > "$work/row$i.spilled"; : > "$work/row$i.same"; done
  : > "$work/distinct"
  # Each round runs every row once: a burst of noise on a shared machine then
  # touches every row a little instead of all the runs of one (see README.md).
  for ((round = 1; round <= runs; round++)); do
    for i in "${!rows[@]}"; do
      IFS=';' read -r name kind options <<< "${rows[$i]}"
      case $kind in
        vc)
          log "  round $round: $name"
          # shellcheck disable=SC2086  # options are single words
          if /usr/bin/time -f '%e %M' -o "$work/time" "$vc" $options "$input" > "$work/out.tsv" 2> "$work/stats"; then
            read -r wall rss < <(tail -n 1 "$work/time")
            read -r spilled distinct < <(stats_fields "$work/stats" spilled_bytes distinct_tokens)
            echo "$wall" >> "$work/row$i.wall"
            echo "$rss" >> "$work/row$i.rss"
            [[ $spilled != - ]] && echo "$spilled" >> "$work/row$i.spilled"
            echo "$distinct" >> "$work/distinct"
            # The first output is the reference: every later one, of any row, must be the same bytes.
            if [[ ! -f $work/reference.tsv ]]; then
              mv "$work/out.tsv" "$work/reference.tsv"
              echo reference >> "$work/row$i.same"
            elif cmp -s "$work/out.tsv" "$work/reference.tsv"; then
              echo yes >> "$work/row$i.same"
            else
              echo NO >> "$work/row$i.same"
            fi
            printf '%s, round %s: `%s`\n\n' "$name" "$round" "$(grep '^{' "$work/stats" | tail -n 1)" >> "$work/raw.md"
          else
            status=$?
            stop_if_interrupted "$status"
            echo "failed (exit $status)" >> "$work/row$i.same"
            log "  $name failed with status $status: $(tail -n 3 "$work/stats" | tr '\n' ' ')"
          fi
          rm -f "$work/out.tsv"
          ;;
        sort)
          log "  round $round: sort | uniq -c pipeline"
          if /usr/bin/time -f '%e %M' -o "$work/time" bash -c "$sort_script" _ "$input" "$work/sort.out"; then
            read -r wall rss < <(tail -n 1 "$work/time")
            echo "$wall" >> "$work/row$i.wall"
            echo "$rss" >> "$work/row$i.rss"
            # Not vocabcount's format, so not compared; its line count must still be N.
            lines=$(wc -l < "$work/sort.out")
            if ((lines == n)); then
              echo "n/a (uniq -c format), $n lines as expected" >> "$work/row$i.same"
            else
              echo "n/a (uniq -c format), $lines lines: expected $n" >> "$work/row$i.same"
            fi
          else
            status=$?
            stop_if_interrupted "$status"
            echo "failed (exit $status)" >> "$work/row$i.same"
          fi
          rm -f "$work/sort.out"
          ;;
      esac
    done
  done

  # --- this input's table --------------------------------------------------------
  {
    printf '## %s distinct tokens\n\n' "$(printf "%'d" "$n")"
    printf 'Input `distinct-%s.txt`: %s MB, %s tokens (each token %s times). ' \
      "$n" "$(awk -v b="$input_bytes" 'BEGIN {printf "%.1f", b / 1e6}')" "$(printf "%'d" $((n * repeat)))" "$repeat"
    printf 'Distinct tokens reported by `--stats`: %s (expected %s).\n\n' \
      "$(sort -u "$work/distinct" | paste -sd ' ' | sed 's/ /, /g; s/^$/-/')" "$n"
    echo "| row | wall (median) | peak RSS (MiB, median) | bytes spilled | identical output |"
    echo "|---|---:|---:|---:|---|"
    memory_wall="" j2_wall="" sort_wall=""
    for i in "${!rows[@]}"; do
      IFS=';' read -r name kind options <<< "${rows[$i]}"
      label=${name//|/\\|}  # a | in a Markdown table cell must be escaped
      if [[ $kind != vc && $kind != sort ]]; then
        printf '| %s | %s | - | - | - |\n' "$label" "$options"
        continue
      fi
      wall=$(median < "$work/row$i.wall")
      rss=$(median < "$work/row$i.rss")
      spilled="-"
      if [[ $kind == vc ]]; then
        spilled=$(median < "$work/row$i.spilled")
        if [[ $spilled != - ]]; then
          spilled=$(awk -v b="$spilled" 'BEGIN {if (b == 0) print 0; else printf "%.0f (%.1f MB)", b, b / 1e6}')
        fi
      fi
      # "yes" when every run matched the reference; the runs' verdicts otherwise.
      same=$(awk '$0 == "reference" {ref = 1; next}
                  !seen[$0]++ {out = out (out == "" ? "" : "; ") $0}
                  END {if (out == "") out = "reference"; else if (ref && out == "yes") out = "yes (reference)"; print out}' \
               "$work/row$i.same")
      if [[ $wall == - ]]; then
        printf '| %s | failed | - | - | %s |\n' "$label" "$same"
        continue
      fi
      printf '| %s | %.2f s | %.0f | %s | %s |\n' "$label" "$wall" "$(awk -v k="$rss" 'BEGIN {print k / 1024}')" "$spilled" "$same"
      case $name in
        *--memory*) memory_wall=$wall ;;
        "vocabcount -j2 -t whitespace (default budget)") j2_wall=$wall ;;
        sort*) sort_wall=$wall ;;
      esac
    done
    echo
    # /usr/bin/time gives hundredths of a second: a row that took none has no ratio.
    if [[ -n $sort_wall ]]; then
      awk -v s="$sort_wall" -v m="${memory_wall:-none}" -v b="$memory" 'BEGIN {
        printf "Sort pipeline wall / vocabcount -j2 --memory %s wall: ", b
        if (m == "none") print "n/a (no --memory run)."
        else if (m + 0 == 0) print "n/a (too short to time)."
        else printf "**%.1f×**.\n", s / m }'
      if [[ -n $j2_wall ]]; then
        awk -v s="$sort_wall" -v m="$j2_wall" 'BEGIN {
          printf "Sort pipeline wall / vocabcount -j2 default-budget wall: "
          if (m + 0 == 0) print "n/a (too short to time)."; else printf "%.1f×.\n", s / m }'
      fi
      echo
    fi
  } >> "$work/sections.md"
done

# --- report ----------------------------------------------------------------------
mkdir -p "$(dirname "$report")"
{
  printf '# vocabcount at scale: %s\n\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
  printf -- '- machine: %s, %s cores (nproc), %s GiB memory (MemTotal), %s\n' \
    "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')" "$cores" \
    "$(awk -v k="$mem_kib" 'BEGIN {printf "%.1f", k / 1048576}')" "$(uname -sr)"
  printf -- '- binary: `%s` (%s, built %s); `--memory` %s\n' "$vc" "$("$vc" --version 2>&1 | head -n 1)" \
    "$(date -u -r "$vc" '+%Y-%m-%d %H:%M UTC')" "$( ((has_memory)) && echo supported || echo "not supported by this binary")"
  printf -- '- command: `%s`, %s s in all\n' "$command_line" "$(($(date +%s) - started))"
  printf -- '- inputs: `bench/make_distinct.py --distinct N --repeat %s --seed %s`: N distinct tokens of 10 hex digits, each %s times, 16 a line, order shuffled by a fixed seed\n' "$repeat" "$seed" "$repeat"
  printf -- '- each row runs %s time(s), in interleaved rounds, page cache warm; wall and peak RSS are medians, from `/usr/bin/time -f "%%e %%M"`\n' "$runs"
  printf -- '- "default budget" rows give no `--memory` (a binary that has it defaults to half the memory it may use, and may spill there too); they are skipped when %s bytes per distinct token and thread exceed the machine memory\n' "$bytes_per_distinct"
  printf -- '- identical output: every vocabcount output is compared (`cmp`) with the first one of the input\n'
  printf -- '- the pipeline'"'"'s peak RSS is only approximate: `/usr/bin/time` reports the largest `ru_maxrss` among `bash` and the processes it waited for, that is the biggest single process (one of the sorts), not the sum of the pipeline'"'"'s processes running at once; `sort -S 1G` holds at most about 1 GiB of buffer per sort, and spills the rest to `$TMPDIR`\n'
  printf '\n## Commands\n\n```\n'
  for n in $distinct_counts; do
    memory=${MEMORY:-$( ((n >= 200000000)) && echo 2G || echo 1G)}
    printf '# INPUT = %s\n' "$data/distinct-$n.txt"
    printf '%s -j1 -t whitespace --stats=json INPUT > OUT\n' "$vc"
    printf '%s -j2 -t whitespace --stats=json INPUT > OUT\n' "$vc"
    printf '%s -j2 -t whitespace --memory %s --stats=json INPUT > OUT\n' "$vc" "$memory"
    if [[ $sort_baseline != 0 ]]; then printf '%s\n' "$pipeline"; fi
  done
  printf '```\n\n'
  cat "$work/sections.md"
  printf '<details><summary>--stats=json of every vocabcount run</summary>\n\n'
  cat "$work/raw.md"
  printf '</details>\n'
} > "$report"
log "wrote $report ($(($(date +%s) - started)) s)"
cat "$report"
