#!/usr/bin/env bash
# Wall-clock time of the flagship scenario end to end (process start, YAML, three arms in parallel,
# both CSVs written):   osmo run Scenarios/norovirus-adult.yaml --every "1 min"
# Target: < 100 ms on a 2-core machine, release build.
# Usage (from the repository root or Benchmarks/):
#   bash Benchmarks/Scripts/run-flagship.sh [RUNS]          (default 20 runs)
#   SCRATCH=.build-mine bash Benchmarks/Scripts/run-flagship.sh   (SwiftPM scratch path; default .build,
#                                                                   "-static" appended for the static build)
#   STATIC=0 bash Benchmarks/Scripts/run-flagship.sh              (dynamically linked Swift runtime)
#   OSMO=path/to/osmo bash Benchmarks/Scripts/run-flagship.sh     (time this binary; nothing is built)
# Uses hyperfine when installed; otherwise times RUNS runs itself and prints min / median / max.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-20}
scratch=${SCRATCH:-.build}
# A command-line tool is deployed with the Swift runtime linked in statically: process start-up
# drops from ~10 ms to ~5 ms (dynamic linking of libswiftCore, Foundation, ICU). STATIC=0 to compare.
if [ -n "${OSMO:-}" ]; then
  bin=$OSMO
elif [ "${STATIC:-1}" = 1 ]; then
  scratch="${scratch}-static"
  swift build -c release --static-swift-stdlib --scratch-path "$scratch" --product osmo >/dev/null
else
  swift build -c release --scratch-path "$scratch" --product osmo >/dev/null
fi
bin=${bin:-"$scratch/release/osmo"}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cmd=("$bin" run Scenarios/norovirus-adult.yaml --every "1 min" --out "$out")
"${cmd[@]}" >/dev/null   # warm-up; also fails loudly if the scenario does not run
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "command: ${cmd[*]}"
echo "output:  $(wc -l < "$out/timeseries.csv") lines, $(du -h "$out/timeseries.csv" | cut -f1) timeseries.csv"
if command -v hyperfine >/dev/null 2>&1; then
  hyperfine --warmup 3 --runs "$runs" -N "${cmd[*]@Q}"
else
  ms=()
  for _ in $(seq "$runs"); do
    t0=$(date +%s%N); "${cmd[@]}" >/dev/null; t1=$(date +%s%N)
    ms+=("$(( (t1 - t0) / 1000 ))")
  done
  printf '%s\n' "${ms[@]}" | sort -n | awk '{a[NR]=$1} END {printf "wall time over %d runs: min %.1f ms, median %.1f ms, max %.1f ms\n", NR, a[1]/1000, a[int((NR+1)/2)]/1000, a[NR]/1000}'
fi
