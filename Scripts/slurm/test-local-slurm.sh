#!/usr/bin/env bash
# End-to-end test of the Slurm scripts on a real single-node Slurm started here, as root:
#   1. starts munged (as the munge user) and slurmctld + slurmd with a private slurm.conf in a
#      temporary directory (no systemd, no cgroups; ports 16817/16818);
#   2. runs the sweep locally in one process → local/sweep.csv;
#   3. submits it with Scripts/slurm/submit.sh as a job array of N shards plus the merge job, waits;
#   4. compares slurm/sweep.csv with local/sweep.csv byte for byte;
#   5. stops the daemons it started, by their PIDs, and removes the directory (kept on failure).
#
#   bash Scripts/slurm/test-local-slurm.sh [SWEEP.yaml] [N]   (default: the demo grid, 4 shards)
#
# Needs: apt-get install -y slurm-wlm munge. Environment: SCRATCH = SwiftPM scratch path (default
# .build); OSMO = an osmo binary to use instead of building one; KEEP=1 keeps the directory.
# Exit status: 0 identical; 1 different or a job failed; 77 Slurm or munge not installed.
set -euo pipefail
cd "$(dirname "$0")/../.."
sweep=${1:-Scenarios/sweeps/demo-grid.yaml}
shards=${2:-4}
for tool in munged slurmctld slurmd sbatch squeue sinfo; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool not found (apt-get install -y slurm-wlm munge)"; exit 77; }
done
[[ $(id -u) == 0 ]] || { echo "SKIP: needs root (starts munged as the munge user and the Slurm daemons)"; exit 77; }

if [[ -z "${OSMO:-}" ]]; then
  scratch=${SCRATCH:-.build}
  swift build -c release --scratch-path "$scratch" --product osmo >/dev/null
  OSMO=$(pwd)/$scratch/release/osmo
fi
export OSMO

T=$(mktemp -d /tmp/osmo-slurm.XXXXXX)
chmod 755 "$T"
pids=()
ok=0
cleanup() {
  for pidfile in "$T/slurmd.pid" "$T/slurmctld.pid" "$T/munge/munged.pid"; do
    [[ -s "$pidfile" ]] || continue
    pid=$(cat "$pidfile")
    kill "$pid" 2>/dev/null && echo "stopped $(basename "$pidfile" .pid) (pid $pid)"
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  done
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [[ $ok == 1 && "${KEEP:-0}" != 1 ]]; then rm -rf "$T"; else echo "kept $T (logs: $T/*.log, $T/slurm/logs)"; fi
}
trap cleanup EXIT

# munge: own key, socket directory mode 0755 (munged refuses 0700), run as the munge user.
mkdir -p "$T/munge"
dd if=/dev/urandom of="$T/munge/munge.key" bs=1024 count=1 status=none
chown -R munge:munge "$T/munge"
chmod 755 "$T/munge"
chmod 400 "$T/munge/munge.key"
socket=$T/munge/munge.socket
runuser -u munge -- munged --socket="$socket" --key-file="$T/munge/munge.key" \
  --pid-file="$T/munge/munged.pid" --log-file="$T/munge/munged.log" --seed-file="$T/munge/munged.seed"
for _ in $(seq 50); do [[ -S "$socket" ]] && break; sleep 0.1; done
echo "munged pid $(cat "$T/munge/munged.pid")"

host=$(hostname -s)
mkdir -p "$T/state" "$T/spool"
node=$(slurmd -C | head -1 | sed "s/^NodeName=[^ ]*/NodeName=$host/; s/ UpTime=.*//")
cat > "$T/slurm.conf" <<CONF
ClusterName=osmotest
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
SlurmctldPort=16817
SlurmdPort=16818
AuthType=auth/munge
AuthInfo=socket=$socket
CredType=cred/munge
StateSaveLocation=$T/state
SlurmdSpoolDir=$T/spool
SlurmctldPidFile=$T/slurmctld.pid
SlurmdPidFile=$T/slurmd.pid
SlurmctldLogFile=$T/slurmctld.log
SlurmdLogFile=$T/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerParameters=sched_interval=1
MpiDefault=none
ReturnToService=2
$node
PartitionName=osmo Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF=$T/slurm.conf
slurmctld -i
slurmd
for _ in $(seq 100); do
  state=$(sinfo -h -o %T 2>/dev/null | head -1 || true)
  [[ "$state" == idle ]] && break
  sleep 0.2
done
echo "slurmctld pid $(cat "$T/slurmctld.pid"), slurmd pid $(cat "$T/slurmd.pid"), node $host: ${state:-unknown}"
[[ "$state" == idle ]] || { echo "FAIL: the node did not become idle"; tail -5 "$T"/slurm*.log; exit 1; }

echo "local run: $OSMO sweep $sweep"
t0=$(date +%s.%N)
"$OSMO" sweep "$sweep" --out "$T/local" --quiet
t1=$(date +%s.%N)

ids=$(Scripts/slurm/submit.sh "$sweep" "$shards" "$T/slurm")
read -r array merge <<< "$ids"
echo "submitted array job $array (--array=0-$((shards - 1))) and merge job $merge (afterok:$array)"
for _ in $(seq 3000); do
  [[ -z "$(squeue -h -j "$array,$merge" 2>/dev/null)" ]] && break
  sleep 0.2
done
t2=$(date +%s.%N)
[[ -z "$(squeue -h 2>/dev/null)" ]] || { echo "FAIL: jobs still queued after 10 min"; squeue; exit 1; }
echo "slurm logs:"; for f in "$T"/slurm/logs/*.out; do echo "  $(basename "$f"): $(tail -1 "$f")"; done
[[ -f "$T/slurm/sweep.csv" ]] || { echo "FAIL: the merge job wrote no sweep.csv"; exit 1; }
printf 'local %.1f s; slurm (submit → merged) %.1f s\n' "$(echo "$t1 - $t0" | bc)" "$(echo "$t2 - $t1" | bc)"
if cmp "$T/local/sweep.csv" "$T/slurm/sweep.csv"; then
  echo "PASS: slurm/sweep.csv ($(wc -l < "$T/slurm/sweep.csv") lines, $(ls "$T"/slurm/sweep.part-*.csv | wc -l) parts merged) is byte-identical to the single-process sweep.csv"
  ok=1
else
  echo "FAIL: slurm/sweep.csv differs from the single-process run"
  exit 1
fi
