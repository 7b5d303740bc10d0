#!/usr/bin/env bash
# Counts a corpus as a real Slurm job array on this one machine (map tasks with
# --shard auto, then a dependent --merge job) and checks that the result equals
# a single count byte for byte. munge, slurmctld and slurmd run privately: every
# file they use is in one temporary directory, on ports no other Slurm uses.
#
# Usage: slurm_array_test.sh VOCABCOUNT CORPUS_DIR
# Exit status: 0 passed, 1 failed, 77 skipped (Slurm or munge missing, or not
# root). KEEP=1 keeps the temporary directory of a failed run for inspection.
set -euo pipefail

readonly kSkip=77
readonly kTasks=4              # array tasks 1 to 4, so parts 0 to 3
readonly kCopies=3             # corpus copies, so that every part gets files
readonly kStartSeconds=30      # for each daemon to come up
readonly kJobSeconds=90        # for the array and the merge together
readonly kTerminalStates=" COMPLETED FAILED CANCELLED TIMEOUT NODE_FAIL OUT_OF_MEMORY PREEMPTED BOOT_FAIL DEADLINE "

log() { echo "slurm_array_test: $*" >&2; }
fail() {
  log "FAIL: $*"
  exit 1
}

if (($# != 2)); then
  echo "usage: $0 VOCABCOUNT CORPUS_DIR" >&2
  exit 2
fi
vc=$(realpath "$1")
corpus=$(realpath "$2")
[[ -x $vc ]] || fail "$vc is not an executable"

# The daemons live in sbin, which a plain user's PATH may lack.
export PATH="$PATH:/usr/sbin:/sbin"
missing=()
for command in munged munge unmunge slurmctld slurmd sbatch scontrol sinfo scancel; do
  command -v "$command" >/dev/null || missing+=("$command")
done
if ((${#missing[@]} > 0)); then
  log "SKIP: not installed: ${missing[*]} (Debian packages: slurmctld slurmd slurm-client munge)"
  exit "$kSkip"
fi
if (($(id -u) != 0)); then
  log "SKIP: slurmd must run as root to start jobs; run this test as root"
  exit "$kSkip"
fi

# Nothing from a surrounding Slurm job or user settings may leak into ours.
for name in $(compgen -v | grep -E '^(SLURM|SBATCH|SQUEUE|SINFO|SCONTROL)_' || true); do
  unset "$name"
done

tmp=
munged_pid='' slurmctld_pid='' slurmd_pid=''
job_ids=()

stop_daemon() {  # PID NAME
  local pid=$1 waited
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for ((waited = 0; waited < 100; ++waited)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "$2 (pid $pid) ignored SIGTERM; killing it"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}

show_logs() {
  local file
  for file in "$tmp"/log/* "$tmp"/out/*; do
    # A daemon's .out holds its log only when it failed before opening it.
    [[ -s $file && ! ($file == *.out && -s ${file%.out}.log) ]] || continue
    echo "---- ${file#"$tmp"/} (last 25 lines)" >&2
    tail -n 25 "$file" >&2
  done
}

cleanup() {
  local status=$?
  trap - EXIT
  if ((${#job_ids[@]} > 0)) && [[ -n $slurmctld_pid ]] && kill -0 "$slurmctld_pid" 2>/dev/null; then
    scancel "${job_ids[@]}" 2>/dev/null || true
  fi
  stop_daemon "$slurmd_pid" slurmd
  stop_daemon "$slurmctld_pid" slurmctld
  stop_daemon "$munged_pid" munged
  [[ -n $tmp && -d $tmp ]] || exit "$status"
  if ((status != 0)); then
    show_logs
    if [[ -n ${KEEP:-} ]]; then
      log "kept $tmp"
      exit "$status"
    fi
  fi
  rm -rf "$tmp"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Waits up to SECONDS for COMMAND to succeed; fails naming WHAT, early if the
# daemon with PID has died.
wait_for() {  # WHAT SECONDS PID COMMAND...
  local what=$1 seconds=$2 pid=$3 deadline
  shift 3
  deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    if [[ -n $pid ]] && ! kill -0 "$pid" 2>/dev/null; then
      fail "waiting for $what: the daemon (pid $pid) has exited"
    fi
    ((SECONDS < deadline)) || fail "waiting for $what: not after ${seconds}s"
    sleep 0.2
  done
}

# Two consecutive TCP ports that nothing on this machine uses, from a random
# start, so that neither a system Slurm (6817, 6818) nor a second run of this
# test clashes with ours.
free_port_pair() {
  local used=" " local_address port
  for table in /proc/net/tcp /proc/net/tcp6; do
    [[ -r $table ]] || continue
    while read -r _ local_address _; do
      [[ $local_address == *:* ]] || continue
      used+="$((16#${local_address##*:})) "
    done <"$table"
  done
  for _ in {1..100}; do
    port=$((20000 + RANDOM % 30000))
    if [[ $used != *" $port "* && $used != *" $((port + 1)) "* ]]; then
      echo "$port"
      return 0
    fi
  done
  fail "found no free TCP ports"
}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/vocabcount-slurm.XXXXXX")
mkdir -p "$tmp"/{etc,munge,state,spool,run,log,out,jobs} "$tmp"/work/{inputs,parts}

# munge authenticates every Slurm message; ours has its own key and socket.
readonly munge_socket="$tmp/munge/munge.socket"
dd if=/dev/urandom of="$tmp/munge/munge.key" bs=1024 count=1 status=none
chmod 400 "$tmp/munge/munge.key"
# --force: munged refuses root and some directory modes without it.
munged --foreground --force --socket="$munge_socket" --key-file="$tmp/munge/munge.key" \
  --pid-file="$tmp/run/munged.pid" --log-file="$tmp/log/munged.log" \
  --seed-file="$tmp/munge/munged.seed" >"$tmp/log/munged.out" 2>&1 &
munged_pid=$!
munge_works() { munge --no-input --socket="$munge_socket" | unmunge --socket="$munge_socket"; }
wait_for "munged" "$kStartSeconds" "$munged_pid" munge_works

# The node as slurmd sees it, with a little less memory than it reports: a
# node whose RealMemory exceeds the real amount is drained.
node=$(hostname -s)
hardware=$(slurmd -C | head -n 1)
[[ $hardware == NodeName=* ]] || fail "slurmd -C printed '$hardware'"
memory=$(sed -n 's/.*RealMemory=\([0-9]*\).*/\1/p' <<<"$hardware")
hardware=$(sed -e 's/^NodeName=[^ ]* //' -e "s/RealMemory=[0-9]*/RealMemory=$((memory * 9 / 10))/" <<<"$hardware")
ports=$(free_port_pair)

export SLURM_CONF="$tmp/etc/slurm.conf"
# Every address is the loopback one: the test talks to nothing but itself.
cat >"$SLURM_CONF" <<EOF
ClusterName=vocabcount-test
SlurmctldHost=$node(127.0.0.1)
SlurmctldPort=$ports
SlurmdPort=$((ports + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$munge_socket
CredType=cred/munge
StateSaveLocation=$tmp/state
SlurmdSpoolDir=$tmp/spool
SlurmctldPidFile=$tmp/run/slurmctld.pid
SlurmdPidFile=$tmp/run/slurmd.pid
SlurmctldLogFile=$tmp/log/slurmctld.log
SlurmdLogFile=$tmp/log/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SwitchType=switch/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/builtin
DependencyParameters=kill_invalid_depend
ReturnToService=2
MinJobAge=3600
NodeName=$node NodeAddr=127.0.0.1 NodeHostname=$node $hardware State=UNKNOWN
PartitionName=test Nodes=$node Default=YES MaxTime=INFINITE State=UP
EOF

slurmctld -D -f "$SLURM_CONF" >"$tmp/log/slurmctld.out" 2>&1 &
slurmctld_pid=$!
controller_up() { scontrol ping | grep -q 'is UP'; }
wait_for "slurmctld to answer" "$kStartSeconds" "$slurmctld_pid" controller_up

slurmd -D -f "$SLURM_CONF" -N "$node" >"$tmp/log/slurmd.out" 2>&1 &
slurmd_pid=$!
node_idle() { [[ $(sinfo --noheader --nodes="$node" --format=%t) == idle ]]; }
wait_for "node $node to be idle" "$kStartSeconds" "$slurmd_pid" node_idle

# Several copies of the corpus. Every task must see the same input list in the
# same order: the glob below, expanded in the C locale that the jobs inherit.
export LC_ALL=C
readonly inputs='inputs/*/*.txt'
work="$tmp/work"
for ((copy = 1; copy <= kCopies; ++copy)); do
  mkdir "$work/inputs/$copy"
  cp "$corpus"/*.txt "$work/inputs/$copy/"
done

# shellcheck disable=SC2016 # $SLURM_ARRAY_TASK_ID is for the job to expand
printf '#!/bin/bash\ncd %q\nexec %q --shard auto --sort token -o "parts/part-$SLURM_ARRAY_TASK_ID.tsv" %s\n' \
  "$work" "$vc" "$inputs" >"$tmp/jobs/map.sh"
printf '#!/bin/bash\ncd %q\nexec %q --merge -o vocab.tsv parts/part-*.tsv\n' "$work" "$vc" >"$tmp/jobs/merge.sh"

started=$SECONDS
array_id=$(sbatch --parsable --job-name=vc-map --array=1-$kTasks --time=5 \
  --chdir="$work" --output="$tmp/out/map-%a.out" "$tmp/jobs/map.sh")
array_id=${array_id%%;*}
job_ids+=("$array_id")
merge_id=$(sbatch --parsable --job-name=vc-merge --dependency=afterok:"$array_id" --time=5 \
  --chdir="$work" --output="$tmp/out/merge.out" "$tmp/jobs/merge.sh")
merge_id=${merge_id%%;*}
job_ids+=("$merge_id")
log "submitted map array $array_id (${kTasks} tasks) and merge job $merge_id"

# "ArrayTaskId JobState ExitCode" per job record, from scontrol's one-line form
# (sacct would need an accounting database).
job_table() {
  scontrol --oneliner show job "$1" | awk '{
    delete field
    for (i = 1; i <= NF; ++i) {
      eq = index($i, "=")
      if (eq > 0) field[substr($i, 1, eq - 1)] = substr($i, eq + 1)
    }
    task = ("ArrayTaskId" in field) ? field["ArrayTaskId"] : "-"
    print task, field["JobState"], field["ExitCode"]
  }'
}
is_terminal() { [[ $kTerminalStates == *" $1 "* ]]; }

deadline=$((SECONDS + kJobSeconds))
while :; do
  read -r _ merge_state _ <<<"$(job_table "$merge_id")"
  is_terminal "$merge_state" && break
  ((SECONDS < deadline)) || {
    job_table "$array_id" >&2
    job_table "$merge_id" >&2
    fail "the jobs did not finish within ${kJobSeconds}s"
  }
  sleep 0.3
done
log "jobs finished after $((SECONDS - started))s"

# Every task ran once and succeeded, then the merge did.
tasks=$(job_table "$array_id" | sort -n)
expected=$(for ((task = 1; task <= kTasks; ++task)); do echo "$task COMPLETED 0:0"; done)
[[ $tasks == "$expected" ]] || fail "array tasks (task, state, exit code):
$tasks
expected:
$expected"
[[ $(job_table "$merge_id") == "- COMPLETED 0:0" ]] ||
  fail "merge job: $(job_table "$merge_id")"

# The parts are what --shard I/N gives outside Slurm: auto took N from the
# array and I as the task id less the first (1). Together they hold every
# input exactly once, so their counts add up to the single count's.
cd "$work"
# shellcheck disable=SC2086 # $inputs is a glob
"$vc" -o single.tsv $inputs
[[ -s single.tsv ]] || fail "the single count is empty"
total() { awk -F '\t' '{ sum += $2 } END { printf "%d\n", sum }' "$@"; }
for ((task = 1; task <= kTasks; ++task)); do
  part="parts/part-$task.tsv" index=$((task - 1))
  [[ -s $part ]] || fail "$part is missing or empty: each part should have got inputs"
  # shellcheck disable=SC2086
  "$vc" --shard "$index/$kTasks" --sort token -o "expected-part-$index.tsv" $inputs
  cmp "expected-part-$index.tsv" "$part" || fail "$part differs from --shard $index/$kTasks"
done
[[ $(total parts/part-*.tsv) == "$(total single.tsv)" ]] ||
  fail "the parts hold $(total parts/part-*.tsv) tokens, the single count $(total single.tsv)"

cmp single.tsv vocab.tsv || fail "the merged vocabulary differs from the single count"
log "PASS: $(wc -l <vocab.tsv) tokens, $(total single.tsv) counted, merged parts equal the single count"
