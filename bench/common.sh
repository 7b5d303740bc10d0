# Helpers shared by the benchmark scripts; sourced, not run. Each script
# defines its own log() before calling these.
# shellcheck shell=bash

# Named fields of one run's --stats=json output (FILE: its stderr; the JSON
# object is the last line starting with "{", warnings may come before it), on
# one line, "-" for what is absent. The field "ngrams" is the sum of the
# per-order counts when there are some, else "tokens".
stats_fields() {  # FILE FIELD...
  python3 - "$@" << 'EOF_PYTHON'
import json, sys
obj = {}
for line in open(sys.argv[1], errors="replace"):
    if line.startswith("{"):
        try:
            obj = json.loads(line)
        except ValueError:
            pass
values = []
for field in sys.argv[2:]:
    value = obj.get(field, "-")
    if field == "ngrams":
        value = sum(value.values()) if isinstance(value, dict) else obj.get("tokens", "-")
    values.append(str(value))
print(" ".join(values))
EOF_PYTHON
}

# GNU time passes on a child's death by signal as 128 + the signal: a Ctrl-C
# (SIGINT to the whole process group) or a SIGTERM or SIGHUP ends the benchmark
# rather than counting as a failed row; other deaths (SIGKILL from the OOM
# killer: 137) are recorded and the benchmark goes on.
stop_if_interrupted() {  # STATUS
  case $1 in
    129 | 130 | 143) log "interrupted"; exit "$1" ;;
  esac
}

# The median of the numbers on standard input, one per line; "-" for none.
median() { sort -g | awk '{v[NR] = $1} END {if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

# Side-by-side timing (bench/speed.sh, bench/dictionary.sh): add() queues a
# named shell command in the arrays names and commands; time_commands runs
# them in `runs` interleaved rounds after one warm-up, so that a burst of noise
# on this shared machine is spread over all of them, appending each wall time
# to seconds[INPUT|NAME] (an associative array the script declares).
q() { printf '%q' "$1"; }
add() { names+=("$1"); commands+=("$2"); }
time_commands() {  # INPUT-NAME
  local input=$1 round i start
  log "$input: ${#names[@]} commands, 1 warm-up + $runs rounds"
  for ((round = 0; round <= runs; round++)); do
    for i in "${!names[@]}"; do
      start=$EPOCHREALTIME
      bash -c "${commands[$i]}" > /dev/null 2>&1 || { log "failed: ${commands[$i]}"; exit 1; }
      # The first round warms the page cache and is not counted.
      ((round == 0)) || seconds[$input|${names[$i]}]+="$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN {print b - a}') "
    done
  done
}
# The median seconds of INPUT|NAME, to milliseconds.
med() { tr " " "\n" <<< "${seconds[$1]:-}" | grep . | median | awk '{ if ($1 == "-") print "-"; else printf "%.3f\n", $1 }'; }
# A / B to two decimals, "–" when either is missing.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (a == "-" || b == "-" || b == 0) print "–"; else printf "%.2f", a / b}'; }

# The command line that reproduces a run: the variables given among VAR...,
# then the script and its arguments. Call before anything changes them.
command_line_of() {  # SCRIPT "ARGS" VAR...
  local script=$1 args=$2 var line=""
  shift 2
  for var in "$@"; do
    if [[ -n ${!var+set} ]]; then line+="$var=${!var} "; fi
  done
  printf '%s%s' "$line" "$script${args:+ $args}"
}

# Checks that each VAR that is set names an executable, and makes it absolute
# (the scripts change directory).
absolute_binaries() {  # SCRIPT VAR...
  local script=$1 var
  shift
  for var in "$@"; do
    if [[ -n ${!var:-} ]]; then
      [[ -x ${!var} ]] || { echo "$script: $var=${!var} is not executable" >&2; exit 2; }
      printf -v "$var" '%s' "$(realpath -- "${!var}")"
    fi
  done
}
