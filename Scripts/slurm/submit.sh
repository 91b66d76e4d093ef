#!/usr/bin/env bash
# Submits an osmo sweep to Slurm as a job array of N shards plus a merge job that runs after
# every shard succeeded. Prints the two job ids ("ARRAY_ID MERGE_ID").
#
#   Scripts/slurm/submit.sh SWEEP.yaml N [OUT]        (OUT default: out/<sweep file stem>)
#
# Environment:
#   OSMO         the osmo binary the jobs run (default: the one on PATH, made absolute)
#   CPUS         CPUs per shard (osmo --jobs; default 1)
#   SENSITIVITY  1: the merge job also runs `osmo sensitivity` (Saltelli sweeps)
#   SBATCH_ARGS  extra sbatch options for both jobs, e.g. "--partition=short --time=01:00:00"
#   LOGS         directory for the jobs' output files (default: OUT/logs)
set -euo pipefail
if [[ $# -lt 2 || $# -gt 3 ]]; then sed -n '2,15p' "$0" >&2; exit 2; fi
sweep=$1 n=$2
[[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "submit.sh: N must be a positive whole number (got $n)" >&2; exit 2; }
[[ -f "$sweep" ]] || { echo "submit.sh: no sweep file $sweep" >&2; exit 2; }
out=${3:-out/$(basename "${sweep%.*}")}
here=$(cd "$(dirname "$0")" && pwd)
osmo=${OSMO:-$(command -v osmo || true)}
[[ -n "$osmo" && -x "$osmo" ]] || { echo "submit.sh: set OSMO to the osmo binary (none on PATH)" >&2; exit 2; }
osmo=$(cd "$(dirname "$osmo")" && pwd)/$(basename "$osmo")
sweep=$(cd "$(dirname "$sweep")" && pwd)/$(basename "$sweep")
mkdir -p "$out"
out=$(cd "$out" && pwd)
logs=${LOGS:-$out/logs}
mkdir -p "$logs"
# Fail now, not in N jobs, when the sweep file is invalid.
"$osmo" sweep "$sweep" --dry-run >&2
rm -f "$out"/sweep.part-*-of-*.csv   # stale parts of an earlier sharding would make the merge refuse
read -r -a extra <<< "${SBATCH_ARGS:-}"
array=$(OSMO=$osmo sbatch --parsable "${extra[@]}" --export=ALL,OSMO="$osmo" \
  --array="0-$((n - 1))" --cpus-per-task="${CPUS:-1}" --output="$logs/sweep-%A_%a.out" \
  "$here/sweep.sbatch" "$sweep" "$out")
array=${array%%;*}
merge=$(sbatch --parsable "${extra[@]}" --export=ALL,OSMO="$osmo",SENSITIVITY="${SENSITIVITY:-0}" \
  --dependency="afterok:$array" --kill-on-invalid-dep=yes --output="$logs/merge-%j.out" \
  "$here/merge.sbatch" "$out")
merge=${merge%%;*}
echo "$array $merge"
