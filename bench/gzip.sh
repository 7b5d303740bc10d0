#!/usr/bin/env bash
# gzip inputs against the same text stored plain, two threads: Debian's manual
# pages as installed (some 23,500 small .gz files under /usr/share/man), and
# their text as one file, plain and gzipped. Also gzip -dc and igzip -dc
# alone, for the decoders' own speed. Checks that every count equals the plain
# file's and writes a Markdown report of medians and ratios.
#
#   bench/gzip.sh [REPORT.md]     default report: bench/results/DATE-gzip.md
#   RUNS=1 bench/gzip.sh /tmp/smoke.md
#
# Environment:
#   RUNS        interleaved rounds after one warm-up (5)
#   VOCABCOUNT  the binary to time; default BUILD_DIR/vocabcount, built first
#   BASELINE    an older vocabcount binary: its rows show what changed
#   MAN_DIR     the manual pages (/usr/share/man)
#   BUILD_DIR, DATA_DIR   build-bench, bench/data
set -euo pipefail
export LC_NUMERIC=C
source "$(dirname "$0")/common.sh"
command_line=$(command_line_of bench/gzip.sh "$*" RUNS VOCABCOUNT BASELINE MAN_DIR BUILD_DIR DATA_DIR)
absolute_binaries gzip.sh VOCABCOUNT BASELINE
report=$(realpath -m -- "${1:-$(dirname "$0")/results/$(date -u +%Y-%m-%d)-gzip.md}")
cd "$(dirname "$0")/.."
root=$PWD
log() { printf '[gzip %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

runs=${RUNS:-5}
man_dir=${MAN_DIR:-/usr/share/man}
build_dir=${BUILD_DIR:-$root/build-bench}
data=${DATA_DIR:-$root/bench/data}/gzip
command -v igzip > /dev/null || { echo "gzip.sh: igzip not found (Debian package isal)" >&2; exit 2; }

if [[ -z ${VOCABCOUNT:-} ]]; then
  cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Release -DVOCABCOUNT_BUILD_TESTS=OFF >&2
  cmake --build "$build_dir" -j "$(nproc)" --target vocabcount_cli >&2
fi
vc=${VOCABCOUNT:-$build_dir/vocabcount}

# The pages' text in the order vocabcount walks them, each ending in a line
# feed: a page without one would otherwise join its last word to the next
# page's first, and the counts would differ from the directory's.
mkdir -p "$data"
text=$data/man.txt
if [[ ! -s $text ]]; then
  log "extracting the text of $man_dir"
  /usr/bin/python3 - "$man_dir" "$text" << 'EOF_PYTHON'
import gzip, os, sys
root, out = sys.argv[1], sys.argv[2]
paths = []
for directory, subdirectories, files in os.walk(root):
    subdirectories.sort()
    paths += [os.path.join(directory, f) for f in files
              if f.endswith(".gz") and not os.path.islink(os.path.join(directory, f))]
with open(out, "wb") as sink:
    for path in sorted(paths):
        with gzip.open(path) as page:
            body = page.read()
        sink.write(body if body.endswith(b"\n") or not body else body + b"\n")
EOF_PYTHON
  gzip -6 -c "$text" > "$text.gz"
fi
pages=$(find "$man_dir" -type f -name '*.gz' | wc -l)

# --- checks ---------------------------------------------------------------------------
expected=$("$vc" -j2 "$text" | md5sum)
identical="yes"
for input in "$text.gz" "$man_dir"; do
  [[ $("$vc" -j2 "$input" | md5sum) == "$expected" ]] || identical="NO ($input differs from $text)"
done
[[ $(igzip -dc "$text.gz" | md5sum) == $(md5sum < "$text") ]] || identical="NO (igzip -dc)"

# --- timing ---------------------------------------------------------------------------
declare -A seconds
names=() commands=()
binaries=("vocabcount|$vc")
[[ -n ${BASELINE:-} ]] && binaries+=("baseline|$BASELINE")
# The processor time (user + system) of each count too, in a file per row:
# on a machine shared with other work, wall times stretch with the load while
# processor times stay close to what the count itself needs.
cpu_dir=$data/cpu
rm -rf "$cpu_dir" && mkdir -p "$cpu_dir"
for entry in "${binaries[@]}"; do
  name=${entry%%|*} binary=${entry#*|}
  for input in plain gzip man; do
    case $input in
      plain) path=$text ;;
      gzip) path=$text.gz ;;
      man) path=$man_dir ;;
    esac
    add "$name $input" "/usr/bin/time -f '%U %S' -a -o $(q "$cpu_dir/$name-$input") $(q "$binary") -j2 -o /dev/null $(q "$path")"
  done
done
add "gzip -dc" "gzip -dc < $(q "$text.gz") > /dev/null"
add "igzip -dc" "igzip -dc < $(q "$text.gz") > /dev/null"
time_commands gzip

# --- report ---------------------------------------------------------------------------
# The median processor seconds of a row, its warm-up (the first line) left out.
cpu() { tail -n +2 "$cpu_dir/$1" | awk '{print $1 + $2}' | median | awk '{printf "%.3f\n", $1}'; }
mb() { awk -v b="$(stat -c %s "$1")" 'BEGIN {printf "%.1f", b / 1e6}'; }
{
  echo "# gzip inputs, $(date -u +%Y-%m-%d)"
  echo
  echo "- machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
  echo "- command: \`$command_line\`; tree \`$(git rev-parse --short HEAD)\`"
  echo "- text: the $pages gzipped manual pages of \`$man_dir\` (symbolic links left out, as vocabcount walks), $(mb "$text") MB as one plain file, $(mb "$text.gz") MB as one gzip -6 file"
  echo "- every count equal to the plain file's: $identical"
  echo "- seconds, medians of $runs interleaved rounds after one warm-up: wall, and processor (user + system); ratios are to the same binary's plain file"
  echo
  echo "| binary | seconds | plain file | gzip file | gzip / plain | man pages | man pages / plain |"
  echo "|---|---|---:|---:|---:|---:|---:|"
  for entry in "${binaries[@]}"; do
    name=${entry%%|*}
    plain=$(med "gzip|$name plain") gz=$(med "gzip|$name gzip") man=$(med "gzip|$name man")
    echo "| $name | wall | $plain | $gz | $(ratio "$gz" "$plain")× | $man | $(ratio "$man" "$plain")× |"
    plain=$(cpu "$name-plain") gz=$(cpu "$name-gzip") man=$(cpu "$name-man")
    echo "| $name | processor | $plain | $gz | $(ratio "$gz" "$plain")× | $man | $(ratio "$man" "$plain")× |"
  done
  echo
  echo "Decoding the gzip file alone: \`gzip -dc\` $(med "gzip|gzip -dc") s, \`igzip -dc\` $(med "gzip|igzip -dc") s."
} > "$report"
cat "$report"
