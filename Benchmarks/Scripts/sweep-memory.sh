#!/usr/bin/env bash
# Peak memory of `osmo sweep` against the number of runs: the tiny sweep (sweep-tiny.yaml: 1 h of the
# flagship's untreated arm per run, chosen so that 100,000 runs take about a minute) with 10,000 and
# 100,000 runs, --jobs 2; max RSS from /usr/bin/time -v. Flat memory: the two peaks are about equal.
#   bash Benchmarks/Scripts/sweep-memory.sh        (SCRATCH = SwiftPM scratch path, default .build)
set -euo pipefail
cd "$(dirname "$0")/../.."
scratch=${SCRATCH:-.build}
swift build -c release --scratch-path "$scratch" --product osmo >/dev/null
osmo=$scratch/release/osmo
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
for n in 10000 100000; do
  sed "s/samples: 10000/samples: $n/" Benchmarks/Scripts/sweep-tiny.yaml > "Benchmarks/Scripts/.tiny-$n.yaml"
  /usr/bin/time -v "$osmo" sweep "Benchmarks/Scripts/.tiny-$n.yaml" --out "$out/$n" --jobs 2 --quiet 2> "$out/time-$n.txt" || true
  rm -f "Benchmarks/Scripts/.tiny-$n.yaml"
  rss=$(grep 'Maximum resident' "$out/time-$n.txt" | awk '{print $NF}')
  wall=$(grep 'Elapsed (wall' "$out/time-$n.txt" | awk '{print $NF}')
  echo "runs $n: max RSS $((rss / 1024)) MiB ($rss kB), wall $wall, $(wc -l < "$out/$n/sweep.csv") lines, $(du -h "$out/$n/sweep.csv" | cut -f1) sweep.csv"
done
echo "command: /usr/bin/time -v $osmo sweep <tiny sweep with N runs> --jobs 2 --quiet"
