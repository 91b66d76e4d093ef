#!/usr/bin/env bash
# Thread scaling of `osmo sweep`: the 1,000-run benchmark sweep (sweep-1000.yaml, flagship ORS arm,
# 72 h per run) with --jobs 1 and --jobs 2, REPEATS times each, interleaved; prints median and range
# of the wall time and the speed-up. Also checks that both thread counts write the same bytes.
#   bash Benchmarks/Scripts/sweep-scaling.sh [REPEATS]      (default 3; SCRATCH = SwiftPM scratch path, default .build)
set -euo pipefail
cd "$(dirname "$0")/../.."
repeats=${1:-3}
scratch=${SCRATCH:-.build}
swift build -c release --scratch-path "$scratch" --product osmo >/dev/null
osmo=$scratch/release/osmo
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
declare -A times
for r in $(seq "$repeats"); do
  for j in 1 2; do
    t0=$(date +%s.%N)
    "$osmo" sweep Benchmarks/Scripts/sweep-1000.yaml --out "$out/j$j" --jobs "$j" --quiet 2>/dev/null || true
    t1=$(date +%s.%N)
    times[$j]+="$(echo "$t1 - $t0" | bc) "
  done
done
cmp "$out/j1/sweep.csv" "$out/j2/sweep.csv" && echo "bytes: --jobs 1 and --jobs 2 wrote identical sweep.csv ($(wc -l < "$out/j1/sweep.csv") lines)"
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
stats() { local v; v=$(cat); printf "median %.2f s (min %.2f, max %.2f, n=%d)" "$(echo "$v" | median)" \
  "$(echo "$v" | tr ' ' '\n' | grep . | sort -n | head -1)" "$(echo "$v" | tr ' ' '\n' | grep . | sort -n | tail -1)" "$(echo "$v" | wc -w)"; }
m1=$(echo "${times[1]}" | median)
m2=$(echo "${times[2]}" | median)
echo "command: $osmo sweep Benchmarks/Scripts/sweep-1000.yaml --jobs J --quiet"
echo "--jobs 1: $(echo "${times[1]}" | stats); $(echo "1000 / $m1" | bc -l | xargs printf '%.1f') runs/s"
echo "--jobs 2: $(echo "${times[2]}" | stats); $(echo "1000 / $m2" | bc -l | xargs printf '%.1f') runs/s"
echo "speed-up 2 vs 1 thread (medians): $(echo "$m1 / $m2" | bc -l | xargs printf '%.2f')×; load after: $(cut -d' ' -f1-3 /proc/loadavg)"
