#!/usr/bin/env bash
# Exact cost of each arm of a scenario, one arm per process, in instructions (valgrind --tool=callgrind:
# the same on a busy machine, unlike wall or CPU time):
#   osmo run SCENARIO --arm ARM --threads 1 [--every EVERY]
# Columns: the whole process; `advance` = Integrator.advance(to:sampling:…) inclusive: the arm's solve
# with its dense output and the observers it calls per sample, plus the inflammation course's solve
# (the same unspecialised method integrates both); RHS calls, steps and Jacobians (of the arm) from
# the arm's summary.csv.
# Usage (from the repository root):
#   bash Benchmarks/Scripts/arm-instructions.sh OSMO_BINARY [SCENARIO] [EVERY]
#   e.g. bash Benchmarks/Scripts/arm-instructions.sh .build/release/osmo Scenarios/norovirus-adult.yaml "15 min"
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=$1
scenario=${2:-Scenarios/norovirus-adult.yaml}
every=${3:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$bin" "$work/osmo" && chmod +x "$work/osmo" && strip --strip-debug "$work/osmo"
arms=$(python3 -c "import yaml,sys; print(' '.join(a['name'] for a in yaml.safe_load(open(sys.argv[1]))['arms']))" "$scenario")
printf '%-18s %14s %14s %10s %7s %9s\n' arm process advance RHS steps Jacobians
for arm in $arms; do
  extra=()
  [ -n "$every" ] && extra=(--every "$every")
  valgrind --tool=callgrind --callgrind-out-file="$work/$arm.cg" \
    "$work/osmo" run "$scenario" --arm "$arm" --threads 1 "${extra[@]}" --out "$work/$arm" >/dev/null 2>"$work/$arm.err"
  callgrind_annotate --inclusive=yes --threshold=100 "$work/$arm.cg" >"$work/$arm.txt" 2>/dev/null
  python3 - "$work/$arm.txt" "$work/$arm/summary.csv" "$arm" <<'PY'
import csv, re, sys
total = advance = 0
for line in open(sys.argv[1]):
    m = re.match(r'\s*([\d,]+) \([ \d.]+%\)\s+(.*)$', line)
    if not m:
        continue
    v, name = int(m.group(1).replace(',', '')), m.group(2)
    if 'PROGRAM TOTALS' in name:
        total = v
    elif re.search(r'IntegratorC7advance2to8sampling4next12includingEnd_AA12SolverStatusOSd_SaySdGSizSbySd_SRySdGtXEtF ', name):
        advance = max(advance, v)
row = next(csv.DictReader(open(sys.argv[2])))
print(f"{sys.argv[3]:<18} {total:>14,} {advance:>14,} {row['rhs_evaluations']:>10} {row['steps']:>7} {row['jacobian_evaluations']:>9}")
PY
done
