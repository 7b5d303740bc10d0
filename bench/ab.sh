#!/usr/bin/env bash
# Two vocabcount binaries side by side on the same commands, in interleaved
# rounds (A, B, A, B, ...) so that a noisy machine slows both alike; prints a
# Markdown table of median wall seconds and the ratio B / A.
#
#   bench/ab.sh OLD_BINARY NEW_BINARY 'ARGS...' ['ARGS...' ...]
#   ROUNDS=9 bench/ab.sh /tmp/old/vocabcount build/vocabcount '-j1 in.txt' '-j2 in.txt'
#
# Each ARGS is passed to both binaries (word-split), with -o /dev/null added;
# both outputs are first checked to be byte-identical.
set -euo pipefail
if (($# < 3)); then
  sed -n '2,10p' "$0" >&2
  exit 2
fi
old=$1 new=$2
shift 2
rounds=${ROUNDS:-9}

# Wall seconds of one run.
seconds() {
  local start end
  start=$(date +%s.%N)
  "$@" -o /dev/null
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

echo "| arguments | A: \`$old\` (s) | B: \`$new\` (s) | B / A |"
echo "|---|---:|---:|---:|"
for args in "$@"; do
  # shellcheck disable=SC2086  # ARGS are meant to be split
  if ! cmp -s <("$old" $args) <("$new" $args); then
    echo "ab.sh: the outputs of '$args' differ" >&2
    exit 1
  fi
  a=() b=()
  for ((round = 0; round < rounds; round++)); do
    # shellcheck disable=SC2086
    a+=("$(seconds "$old" $args)")
    # shellcheck disable=SC2086
    b+=("$(seconds "$new" $args)")
  done
  ma=$(printf '%s\n' "${a[@]}" | median)
  mb=$(printf '%s\n' "${b[@]}" | median)
  printf '| `%s` | %.3f | %.3f | %.3f |\n' "$args" "$ma" "$mb" "$(echo "$mb / $ma" | bc -l)"
done
