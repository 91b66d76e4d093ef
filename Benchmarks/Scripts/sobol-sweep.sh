#!/usr/bin/env bash
# Wall time of the shipped Sobol sweep of the flagship (Scenarios/sweeps/norovirus-sobol.yaml:
# 14,336 runs of the ORS arm, 72 h each, summary outcomes only) on all cores, REPEATS times:
# median, min and max. Target (issue 6): under 60 s on 2 cores. Also checks that the repeats
# wrote the same bytes.
#   bash Benchmarks/Scripts/sobol-sweep.sh [REPEATS]     (default 3; SCRATCH = SwiftPM scratch path, default .build)
set -euo pipefail
cd "$(dirname "$0")/../.."
repeats=${1:-3}
scratch=${SCRATCH:-.build}
swift build -c release --scratch-path "$scratch" --product osmo >/dev/null
osmo=$scratch/release/osmo
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "command: $osmo sweep Scenarios/sweeps/norovirus-sobol.yaml --out DIR --quiet   (jobs: all $(nproc) cores)"
times=()
for r in $(seq "$repeats"); do
  t0=$(date +%s.%N)
  "$osmo" sweep Scenarios/sweeps/norovirus-sobol.yaml --out "$out/r$r" --quiet
  t1=$(date +%s.%N)
  times+=("$(echo "$t1 - $t0" | bc)")
  echo "repeat $r: $(printf '%.2f' "${times[-1]}") s, $(grep -vc '^#' "$out/r$r/sweep.csv") lines"
  [ "$r" -gt 1 ] && cmp "$out/r1/sweep.csv" "$out/r$r/sweep.csv"
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2;
  printf "wall: median %.2f s, min %.2f, max %.2f over %d repeats (%.0f runs/s at the median)\n", m, a[1], a[NR], NR, 14336 / m}'
