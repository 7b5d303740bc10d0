#!/usr/bin/env bash
# N-gram benchmark: vocabcount --ngrams on synthetic English, the Brown corpus and Chinese
# text, at -j1 and -j2, next to a Python Counter baseline; checks the outputs and writes a
# Markdown report.
#
#   bench/ngrams.sh [REPORT.md]     default report: bench/results/DATE-ngrams.md
#   SIZE_MB=4 RUNS=1 VOCABCOUNT=build/vocabcount bench/ngrams.sh /tmp/ngrams-smoke.md   smoke test
#   PYTHON_ROWS=0 MEMORY=256M bench/ngrams.sh     no Python rows, one spilling row
#
# Environment:
#   SIZE_MB       input size as in bench/run.sh (64): english is SIZE_MB MiB, brown
#                 SIZE_MB*200/256, chinese SIZE_MB/4; prepared and cached in DATA_DIR by
#                 PREPARE_ONLY=1 BIG=0 bench/run.sh (a size other than 64 adds -SIZEmb to
#                 the default report name)
#   RUNS          timed rounds after one warm-up (3); each round runs every command of an
#                 input once; the report gives medians
#   PYTHON_ROWS=0 skip the Python baseline (bench/python_ngrams.py), the slowest rows
#   MEMORY        adds a row --ngrams 1-3 -j2 --memory MEMORY (e.g. 256M, at least 256M), whose
#                 output must equal the in-memory one
#   VOCABCOUNT    the binary to time; default BUILD_DIR/vocabcount, built (Release, tests off,
#                 as bench/run.sh does) or brought up to date first
#   REFERENCE     the tests' n-gram reference as a command (build/tests/vocabcount-reference-ngrams),
#                 "vocabcount-reference-ngrams MIN MAX FILE..."; vocabcount's --ngrams 1-3 output
#                 must equal its output on the same files; the check is skipped when it is missing
#   PYTHON        interpreter of the Python rows (/usr/bin/python3)
#   BUILD_DIR, DATA_DIR   build-bench, bench/data
# shellcheck disable=SC2016  # backquotes in single quotes are the report's Markdown
set -euo pipefail
# Decimal points in EPOCHREALTIME, printf and awk whatever the user's locale.
export LC_NUMERIC=C
started=$(date +%s)
load_at_start=$(cut -d' ' -f1-3 /proc/loadavg)
# The exact command, with the settings that were given, for the report.
command_line=""
for var in SIZE_MB RUNS PYTHON_ROWS MEMORY VOCABCOUNT REFERENCE PYTHON BUILD_DIR DATA_DIR; do
  if [[ -n ${!var+set} ]]; then command_line+="$var=${!var} "; fi
done
command_line+="bench/ngrams.sh${*:+ $*}"

# Paths given relative to where the command was started.
if [[ $# -ge 1 && $1 != /* ]]; then set -- "$PWD/$1"; fi
if [[ -n ${VOCABCOUNT:-} && $VOCABCOUNT != /* ]]; then VOCABCOUNT=$PWD/$VOCABCOUNT; fi
if [[ -n ${REFERENCE:-} && $REFERENCE != /* ]]; then REFERENCE=$PWD/$REFERENCE; fi
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

size_mb=${SIZE_MB:-64}
runs=${RUNS:-3}
python_rows=${PYTHON_ROWS:-1}
memory=${MEMORY:-}
python=${PYTHON:-/usr/bin/python3}
reference=${REFERENCE:-$root/build/tests/vocabcount-reference-ngrams}
[[ $size_mb =~ ^[1-9][0-9]*$ ]] || { echo "ngrams.sh: SIZE_MB must be a positive integer" >&2; exit 2; }
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "ngrams.sh: RUNS must be a positive integer" >&2; exit 2; }
build_dir=${BUILD_DIR:-$root/build-bench}
[[ $build_dir = /* ]] || build_dir=$root/$build_dir
data=${DATA_DIR:-$root/bench/data}
[[ $data = /* ]] || data=$root/$data
if [[ $# -ge 1 ]]; then
  report=$1
elif [[ $size_mb -eq 64 ]]; then
  report=bench/results/$(date -u +%F)-ngrams.md
else
  # Scaled-down runs get their own name so they never pass for the full benchmark.
  report=bench/results/$(date -u +%F)-ngrams-${size_mb}mb.md
fi

log() { printf '[ngrams %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
# stats_fields, stop_if_interrupted, median
# shellcheck source=bench/common.sh
source "$root/bench/common.sh"

for tool in "$python" /usr/bin/time; do
  command -v "$tool" > /dev/null || { echo "ngrams.sh: $tool is missing (Debian: apt-get install ${tool##*/})" >&2; exit 1; }
done

# --- inputs ----------------------------------------------------------------------
# bench/run.sh makes them (and the generator), or finds them cached; it prints the
# path of its list of inputs, NAME<TAB>DIRECTORY<TAB>RECIPE.
log "preparing inputs (SIZE_MB=$size_mb) through bench/run.sh"
input_list=$(PREPARE_ONLY=1 BIG=0 SIZE_MB=$size_mb BUILD_DIR=$build_dir DATA_DIR=$data PYTHON=$python \
  bench/run.sh | tail -n 1)
[[ -f $input_list ]] || { echo "ngrams.sh: bench/run.sh gave no input list" >&2; exit 1; }
inputs=()
for kind in english brown chinese; do
  line=$(grep -E "^$kind-[0-9]+m"$'\t' "$input_list" | head -n 1) ||
    { echo "ngrams.sh: no $kind input in $input_list" >&2; exit 1; }
  inputs+=("$line")
done

# --- binaries --------------------------------------------------------------------
if [[ -n ${VOCABCOUNT:-} ]]; then
  vc=$VOCABCOUNT
else
  # bench/run.sh's build tree, configured by the step above; a no-op when up to date.
  log "building vocabcount in $build_dir"
  cmake --build "$build_dir" -j "$(nproc)" --target vocabcount_cli >&2
  vc=$build_dir/vocabcount
fi
[[ -x $vc ]] || { echo "ngrams.sh: $vc is not an executable" >&2; exit 1; }
help=$("$vc" --help)
grep -q -- '--ngrams' <<< "$help" || { echo "ngrams.sh: $vc has no --ngrams" >&2; exit 1; }
if [[ -n $memory ]] && ! grep -q -- '--memory' <<< "$help"; then
  echo "ngrams.sh: MEMORY is set but $vc has no --memory" >&2
  exit 1
fi
have_reference=0
[[ -x $reference ]] && have_reference=1
# A rebuild during the run would mix two binaries' numbers: the report says so.
vc_sum=$(md5sum < "$vc")

work=$(mktemp -d "${TMPDIR:-/tmp}/vocabcount-ngrams.XXXXXX")
trap 'rm -rf "$work"' EXIT

# Rows: "NAME;KIND;ARGUMENTS". KIND vc: vocabcount ARGUMENTS DIRECTORY; KIND py:
# python_ngrams.py ARGUMENTS (MIN MAX) FILE... ARGUMENTS are single words.
rows=()
for orders in 1 2 1-3; do
  for threads in 1 2; do
    rows+=("vocabcount --ngrams $orders -j$threads;vc;--ngrams $orders -j$threads")
  done
done
if [[ -n $memory ]]; then
  rows+=("vocabcount --ngrams 1-3 -j2 --memory $memory;vc;--ngrams 1-3 -j2 --memory $memory")
fi
if [[ $python_rows != 0 ]]; then
  rows+=("python_ngrams.py 2 2;py;2 2" "python_ngrams.py 1 3;py;1 3")
fi

run_row() {  # I DIRECTORY OUTPUT [STDERR TIME-FILE]: runs row I; with STDERR and TIME-FILE,
              # under GNU time (peak RSS) and, for vocabcount, with --stats=json
  local name kind args dir=$2 out=$3 err=${4:-/dev/null} timer=() stats=()
  IFS=';' read -r name kind args <<< "${rows[$1]}"
  if [[ -n ${5:-} ]]; then
    timer=(/usr/bin/time -f %M -o "$5")
    stats=(--stats=json)
  fi
  # shellcheck disable=SC2086  # ARGUMENTS are single words
  case $kind in
    vc) "${timer[@]}" "$vc" $args "${stats[@]}" "$dir" > "$out" 2> "$err" ;;
    py) "${timer[@]}" "$python" "$root/bench/python_ngrams.py" $args "$dir"/*.txt > "$out" 2> "$err" ;;
  esac
}

row_index() {  # NAME: prints the index of the row called NAME, or nothing
  local i
  for i in "${!rows[@]}"; do
    [[ ${rows[$i]%%;*} == "$1" ]] && { echo "$i"; return; }
  done
  return 0
}

compare() {  # FILE-A LABEL-A FILE-B LABEL-B: prints identical or DIFFERENT (with cmp's
             # account of the first difference, the files named by their labels)
  local diff
  if [[ ! -f $1 || ! -f $3 ]]; then
    echo "n/a (a run failed)"
  elif diff=$(cmp "$1" "$3" 2>&1); then
    echo identical
  else
    diff=${diff//"$1"/$2}
    echo "**DIFFERENT** (${diff//"$3"/$4})"
  fi
}

ratio() {  # NUMERATOR DENOMINATOR FORMAT [SCALE]: NUMERATOR / DENOMINATOR / SCALE, "n/a"
           # when either is missing or zero
  awk -v a="$1" -v b="$2" -v f="$3" -v s="${4:-1}" 'BEGIN {
    if (a == "-" || b == "-" || a == "" || b == "" || a + 0 == 0 || b + 0 == 0) print "n/a"; else printf f, a / b / s }'
}

group() {  # NUMBER: with thousands separators (1,234,567); anything else as it is
  sed ':a; s/\B[0-9]\{3\}\>/,&/; ta' <<< "$1"
}

show() {  # VALUE FORMAT: VALUE printed with FORMAT, or as it is when not a number ("n/a")
  awk -v v="$1" -v f="$2" 'BEGIN {if (v == "n/a") print v; else printf f, v}'
}

verdict() {  # VALUE TARGET: "met" or "**not met**" from the unrounded VALUE, "no data" for n/a
  awk -v v="$1" -v t="$2" 'BEGIN {if (v == "n/a") print "no data"; else if (v + 0 >= t + 0) print "met"; else print "**not met**"}'
}

: > "$work/sections.md"
: > "$work/summary.md"
: > "$work/raw.md"
for entry in "${inputs[@]}"; do
  IFS=$'\t' read -r name dir recipe <<< "$entry"
  files=("$dir"/*.txt)
  input_bytes=$(cat "${files[@]}" | wc -c)
  log "$name: ${#rows[@]} commands, 1 warm-up + $runs interleaved rounds"
  cat "${files[@]}" > /dev/null  # page cache warm before the first run
  for i in "${!rows[@]}"; do
    : > "$work/row$i.wall"
    rm -f "$work/row$i.out" "$work/row$i.rss" "$work/row$i.fields"
  done
  reference_note=
  # The warm-up is the run under GNU time: peak RSS, --stats=json and the output
  # that is checked. The timed runs write to /dev/null.
  for i in "${!rows[@]}"; do
    IFS=';' read -r row_name kind args <<< "${rows[$i]}"
    log "  warm-up: $row_name"
    if run_row "$i" "$dir" "$work/row$i.out" "$work/row$i.err" "$work/row$i.time"; then
      tail -n 1 "$work/row$i.time" > "$work/row$i.rss"
      if [[ $kind == vc ]]; then
        stats_fields "$work/row$i.err" bytes ngrams distinct_tokens spilled_bytes threads > "$work/row$i.fields"
        printf '%s, %s: `%s`\n\n' "$name" "$row_name" "$(grep '^{' "$work/row$i.err" | tail -n 1)" >> "$work/raw.md"
      else
        # Python's own n-grams (its tokens are not vocabcount's): total and distinct.
        awk -F'\t' -v b="$input_bytes" '{total += $NF} END {printf "%s %.0f %d - -\n", b, total, NR}' \
          "$work/row$i.out" > "$work/row$i.fields"
        rm -f "$work/row$i.out"
      fi
    else
      status=$?
      stop_if_interrupted "$status"
      log "  $row_name failed with status $status: $(tail -n 3 "$work/row$i.err" | tr '\n' ' ')"
      rm -f "$work/row$i.out"
    fi
  done

  # --- output checks: -j1 against -j2, --memory and the reference against -j2 ---
  checks=()
  for orders in 1 2 1-3; do
    a=$(row_index "vocabcount --ngrams $orders -j1")
    b=$(row_index "vocabcount --ngrams $orders -j2")
    checks+=("\`--ngrams $orders\`, -j1 and -j2: $(compare "$work/row$a.out" -j1 "$work/row$b.out" -j2)")
  done
  full=$work/row$(row_index "vocabcount --ngrams 1-3 -j2").out
  if [[ -n $memory ]]; then
    m=$(row_index "vocabcount --ngrams 1-3 -j2 --memory $memory")
    checks+=("\`--ngrams 1-3 -j2 --memory $memory\` and in memory: $(compare "$work/row$m.out" --memory "$full" "in memory")")
  fi
  if ((have_reference)); then
    log "  reference: $reference 1 3 on the ${#files[@]} files"
    if /usr/bin/time -f '%e %M' -o "$work/reference.time" "$reference" 1 3 "${files[@]}" \
         > "$work/reference.out" 2> "$work/reference.err"; then
      read -r ref_wall ref_rss < <(tail -n 1 "$work/reference.time")
      checks+=("\`--ngrams 1-3\` and \`$(basename "$reference") 1 3\` on the same files: $(compare "$full" vocabcount "$work/reference.out" reference) (the reference took ${ref_wall} s, $(awk -v k="$ref_rss" 'BEGIN {printf "%.0f", k / 1024}') MiB)")
    else
      status=$?
      stop_if_interrupted "$status"
      checks+=("\`--ngrams 1-3\` and the reference: **the reference failed** (exit $status: $(tail -n 1 "$work/reference.err"))")
    fi
    rm -f "$work/reference.out"
  else
    checks+=("\`--ngrams 1-3\` and the reference: skipped, \`$reference\` is missing (built with the tests: target \`vocabcount-reference-ngrams\`)")
    reference_note=" (no reference)"
  fi
  for i in "${!rows[@]}"; do rm -f "$work/row$i.out"; done

  # --- timed rounds: every command once a round, so that a burst of noise on a
  # shared machine touches every command a little (see README.md) ---
  for ((round = 1; round <= runs; round++)); do
    for i in "${!rows[@]}"; do
      [[ -f $work/row$i.rss ]] || continue  # failed in its warm-up
      log "  round $round: ${rows[$i]%%;*}"
      start=${EPOCHREALTIME/,/.}
      if run_row "$i" "$dir" /dev/null; then
        end=${EPOCHREALTIME/,/.}
        awk -v s="$start" -v e="$end" 'BEGIN {printf "%.6f\n", e - s}' >> "$work/row$i.wall"
      else
        status=$?
        stop_if_interrupted "$status"
        log "  ${rows[$i]%%;*} failed in round $round with status $status"
      fi
    done
  done

  # --- this input's section ------------------------------------------------------
  declare -A wall=()
  {
    printf '## %s\n\n' "$name"
    printf 'Input `%s`: %s files, %s MB (%s). ' "$dir" "${#files[@]}" \
      "$(awk -v b="$input_bytes" 'BEGIN {printf "%.1f", b / 1e6}')" "$recipe"
    printf 'Medians of %s timed run(s); MB/s is input bytes (10^6) over wall.\n\n' "$runs"
    echo "| command | wall (s) | MB/s | n-grams/s (M) | n-grams counted | distinct n-grams | peak RSS (MiB) | bytes spilled |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|"
    for i in "${!rows[@]}"; do
      IFS=';' read -r row_name kind args <<< "${rows[$i]}"
      if [[ ! -f $work/row$i.rss ]]; then
        printf '| %s | failed | - | - | - | - | - | - |\n' "$row_name"
        continue
      fi
      w=$(median < "$work/row$i.wall")
      wall[$row_name]=$w
      read -r bytes ngrams distinct spilled threads < "$work/row$i.fields"
      [[ $bytes == - ]] && bytes=$input_bytes
      rss=$(awk -v k="$(cat "$work/row$i.rss")" 'BEGIN {printf "%.0f", k / 1024}')
      mbps=$(ratio "$bytes" "$w" "%.1f" 1e6)
      per_s=$(ratio "$ngrams" "$w" "%.2f" 1e6)
      [[ $spilled == - ]] || spilled=$(awk -v b="$spilled" 'BEGIN {if (b == 0) print 0; else printf "%.0f (%.1f MB)", b, b / 1e6}')
      if [[ $kind == py ]]; then row_name+=" ($(nproc) processes)"; fi
      # vocabcount runs fewer threads than -j asks when the input is too small to share.
      if [[ $kind == vc && $threads != - && $args == *-j* && $args != *"-j$threads"* ]]; then
        if ((threads == 1)); then row_name+=" (ran 1 thread)"; else row_name+=" (ran $threads threads)"; fi
      fi
      printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$row_name" "$(awk -v w="$w" 'BEGIN {if (w == "-") print "-"; else printf "%.3f", w}')" \
        "$mbps" "$per_s" "$(group "$ngrams")" "$(group "$distinct")" "$rss" "$spilled"
    done
    echo
    python_ratio=$(ratio "${wall[python_ngrams.py 1 3]:-}" "${wall[vocabcount --ngrams 1-3 -j2]:-}" "%.6f")
    python_verdict=$(verdict "$python_ratio" 20)
    python_ratio=$(show "$python_ratio" "%.1f")
    # Same bytes, so the ratio of throughputs is the inverse ratio of walls.
    bigram_ratio=$(ratio "${wall[vocabcount --ngrams 1 -j1]:-}" "${wall[vocabcount --ngrams 2 -j1]:-}" "%.6f")
    bigram_verdict=$(verdict "$bigram_ratio" "$(awk 'BEGIN {printf "%.9f", 1 / 3}')")
    bigram_ratio=$(show "$bigram_ratio" "%.3f")
    if [[ $python_rows != 0 ]]; then
      printf -- '- Python `1 3` wall / vocabcount `--ngrams 1-3 -j2` wall: **%s×** (target ≥ 20×: %s)\n' \
        "$python_ratio" "$python_verdict"
      printf -- '- Python `2 2` wall / vocabcount `--ngrams 2 -j2` wall: %s×\n' \
        "$(ratio "${wall[python_ngrams.py 2 2]:-}" "${wall[vocabcount --ngrams 2 -j2]:-}" "%.1f")"
    fi
    printf -- '- Bigram / unigram throughput at -j1 (MB/s of `--ngrams 2` / of `--ngrams 1`): **%s** (target ≥ 1/3: %s); `--ngrams 1-3` / `--ngrams 1`: %s\n' \
      "$bigram_ratio" "$bigram_verdict" \
      "$(ratio "${wall[vocabcount --ngrams 1 -j1]:-}" "${wall[vocabcount --ngrams 1-3 -j1]:-}" "%.3f")"
    printf -- '- Speed-up -j2 / -j1 (wall -j1 / wall -j2):'
    sep=" "
    for orders in 1 2 1-3; do
      printf '%s`--ngrams %s` %s' "$sep" "$orders" \
        "$(ratio "${wall[vocabcount --ngrams $orders -j1]:-}" "${wall[vocabcount --ngrams $orders -j2]:-}" "%.2f×")"
      sep=", "
    done
    printf '\n'
    for check in "${checks[@]}"; do printf -- '- Output check: %s\n' "$check"; done
    echo
  } >> "$work/sections.md"
  {
    same="identical$reference_note"
    for check in "${checks[@]}"; do
      case $check in
        *failed* | *n/a*) [[ $same == *DIFFERENT* ]] || same="**a check could not run**" ;;
      esac
    done
    for check in "${checks[@]}"; do
      case $check in
        *DIFFERENT*) same="**DIFFERENT**" ;;
      esac
    done
    python_cell="not run"
    [[ $python_rows != 0 ]] && python_cell="${python_ratio}× ($python_verdict)"
    printf '| %s | %s | %s (%s) | %s |\n' "$name" "$python_cell" "$bigram_ratio" "$bigram_verdict" "$same"
  } >> "$work/summary.md"
  unset wall
done

# --- report ----------------------------------------------------------------------
mkdir -p "$(dirname "$report")"
vc_changed=""
if [[ $(md5sum < "$vc") != "$vc_sum" ]]; then
  vc_changed="; **the binary changed during the run**: its rows may mix two builds"
  log "warning: $vc changed during the run"
fi
commit=$(git rev-parse --short HEAD 2> /dev/null || echo unknown)
dirty=$(git status --porcelain -- src include cmake CMakeLists.txt bench/python_ngrams.py 2> /dev/null |
          awk '{print $NF}' | paste -sd ' ' | sed 's/ /, /g')
{
  printf '# vocabcount n-grams: %s\n\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
  printf -- '- machine: %s, %s cores (nproc), %s GiB memory (MemTotal), %s; load average at start %s\n' \
    "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')" "$(nproc)" \
    "$(awk '/^MemTotal:/ {printf "%.1f", $2 / 1048576}' /proc/meminfo)" "$(uname -sr)" "$load_at_start"
  printf -- '- binary: `%s` (%s, built %s); tree `%s`%s\n' "$vc" "$("$vc" --version 2>&1 | head -n 1)" \
    "$(date -u -r "$vc" '+%Y-%m-%d %H:%M UTC')" "$commit" "${dirty:+, with uncommitted changes to $dirty}$vc_changed"
  printf -- '- Python: %s, `bench/python_ngrams.py MIN MAX FILE...`, one process per usable core\n' "$("$python" --version 2>&1)"
  printf -- '- command: `%s`, %s s in all\n' "$command_line" "$(($(date +%s) - started))"
  printf -- '- inputs: directories of 16 files made by `PREPARE_ONLY=1 BIG=0 SIZE_MB=%s bench/run.sh` (see bench/README.md); vocabcount reads the directory, Python its files\n' "$size_mb"
  printf -- '- each command runs once under `/usr/bin/time -f %%M` (peak RSS; `--stats=json` for vocabcount; its output is the one checked), then %s interleaved round(s) timed with bash'"'"'s `EPOCHREALTIME`, output to `/dev/null`; walls are medians\n' "$runs"
  printf -- '- n-grams counted and distinct n-grams: vocabcount'"'"'s from `--stats=json` (the per-order counts summed), Python'"'"'s from its own output. Python'"'"'s `\\w+` tokens are not vocabcount'"'"'s (UAX #29 word segmentation): `\\w+` keeps a run of Han characters as one token and splits at apostrophes, so its n-grams are other n-grams (on Chinese far fewer); the Python rows measure what users run, not the same work\n'
  printf -- '- Python'"'"'s peak RSS is its largest single process (parent or a worker), not the pool'"'"'s sum\n'
  printf '\n## Summary\n\n'
  echo "| input | Python 1 3 / vocabcount --ngrams 1-3 -j2 wall (target ≥ 20×) | bigram / unigram MB/s at -j1 (target ≥ 1/3) | output checks |"
  echo "|---|---:|---:|---|"
  cat "$work/summary.md"
  printf '\n## Commands\n\n```\n'
  for entry in "${inputs[@]}"; do
    IFS=$'\t' read -r name dir _ <<< "$entry"
    printf '# DIR = %s\n' "$dir"
  done
  for i in "${!rows[@]}"; do
    IFS=';' read -r row_name kind args <<< "${rows[$i]}"
    case $kind in
      vc) printf '%s %s DIR > /dev/null\n' "$vc" "$args" ;;
      py) printf '%s %s %s DIR/*.txt > /dev/null\n' "$python" "$root/bench/python_ngrams.py" "$args" ;;
    esac
  done
  if ((have_reference)); then printf '# check, once: %s 1 3 DIR/*.txt > REFERENCE.tsv\n' "$reference"; fi
  printf '```\n\n'
  cat "$work/sections.md"
  if [[ -s $work/raw.md ]]; then
    printf '<details><summary>--stats=json of every vocabcount warm-up run</summary>\n\n'
    cat "$work/raw.md"
    printf '</details>\n'
  fi
} > "$report"
log "wrote $report ($(($(date +%s) - started)) s)"
cat "$report"
