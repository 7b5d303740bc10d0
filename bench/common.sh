# Helpers shared by bench/scale.sh and bench/ngrams.sh; sourced, not run. Each
# script defines its own log() before calling these.
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
