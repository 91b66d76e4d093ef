#!/usr/bin/env bash
# Noise-free cost of the Swift layer: instructions per solve through OsmoODE and through plain C
# (valgrind --tool=callgrind), for each case of rhs-overhead, and the difference per RHS call.
# Each figure is (instructions for 3 solves − instructions for 1 solve) / 2, so process start-up,
# dynamic linking and first-use metadata cancel out.
# Usage (from Benchmarks/): bash Scripts/callgrind-overhead.sh [case …]   (default: all six cases)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product rhs-overhead >/dev/null
bin=$(mktemp)
trap 'rm -f "$bin"' EXIT
# valgrind 3.19 cannot read the DWARF that Swift 6 emits: strip it (symbols stay).
cp .build/release/rhs-overhead "$bin" && chmod +x "$bin" && strip --strip-debug "$bin"
ir() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" --once "$1" "$2" "$3" 2>&1 | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'; }
printf "%-16s %10s %8s %14s %14s %12s\n" case "RHS calls" steps "Swift Ir/solve" "C Ir/solve" "Δ Ir/RHS"
for k in "${@:-0 1 2 3 4 5}"; do
  for i in $k; do
    s1=$(ir swift "$i" 1); s3=$(ir swift "$i" 3); c1=$(ir c "$i" 1); c3=$(ir c "$i" 3)
    read -r name rhs steps _ < <("$bin" --describe "$i")
    swift=$(( (s3 - s1) / 2 )); c=$(( (c3 - c1) / 2 ))
    printf "%-16s %10d %8d %14d %14d %12.1f\n" "$name" "$rhs" "$steps" "$swift" "$c" "$(echo "($swift - $c) / $rhs" | bc -l)"
  done
done
