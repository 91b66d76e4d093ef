#!/usr/bin/env bash
# Where the work of one flagship run goes, phase by phase:
#   osmo run Scenarios/norovirus-adult.yaml --every "1 min"
# in instructions (valgrind --tool=callgrind: exact and the same on a busy machine, unlike wall time),
# inclusive of everything each phase calls, summed over threads:
#   start-up   process start to main, argument parsing, and whatever no phase below claims
#   YAML       reading and validating the scenario (ScenarioValidator.load)
#   course     the inflammation course, solved once and shared by the arms (InflammationTrack)
#   solve      the arms' simulations without the course (simulate − course)
#   summary    summaries and the NaN guard (ArmSummary, ScenarioRunner.sanitized)
#   CSV        encoding timeseries.csv (TimeseriesWriter.appendRows)
#   write      writing both files (AtomicFile.write)
# The binary is the one run-flagship.sh times (release, Swift runtime linked statically), stripped of
# DWARF (valgrind 3.19 cannot read Swift 6's).
# Usage (from the repository root or Benchmarks/):
#   bash Benchmarks/Scripts/run-phases.sh [osmo-binary]     (default: build it)
#   SCRATCH=.build-mine bash Benchmarks/Scripts/run-phases.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ $# -ge 1 ]; then
  src=$1
else
  scratch="${SCRATCH:-.build}-static"
  swift build -c release --static-swift-stdlib --scratch-path "$scratch" --product osmo >/dev/null
  src="$scratch/release/osmo"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$src" "$work/osmo" && chmod +x "$work/osmo" && strip --strip-debug "$work/osmo"
valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" \
  "$work/osmo" run Scenarios/norovirus-adult.yaml --every "1 min" --out "$work/out" >/dev/null 2>"$work/valgrind.txt"
callgrind_annotate --inclusive=yes --threshold=100 "$work/cg.out" >"$work/inclusive.txt" 2>/dev/null
python3 - "$work/inclusive.txt" <<'PY'
import re, sys
total = 0
cost = {}
for line in open(sys.argv[1]):
    m = re.match(r'\s*([\d,]+) \([ \d.]+%\)\s+(.*)$', line)
    if not m:
        continue
    v, name = int(m.group(1).replace(',', '')), m.group(2)
    if 'PROGRAM TOTALS' in name:
        total = v
    cost[name] = max(cost.get(name, 0), v)
def largest(pattern):
    # The outermost symbol matching (closures and specialisations nest inside it).
    return max([v for k, v in cost.items() if re.search(pattern, k)] or [0])
phases = {
    'YAML': largest(r'ValidatorV4load4path'),
    'course': largest(r'InflammationTrackV7solving'),
    'simulate': largest(r'14OsmoPhysiology8simulateyAA10TrajectoryVAA17SimulationProblemVF '),
    'summary': largest(r'ArmSummaryV3arm10trajectory') + largest(r'RunnerO9sanitized'),
    'CSV': largest(r'TimeseriesWriterO10appendRows'),
    'write': largest(r'AtomicFileO5write'),
}
solve = phases['simulate'] - phases['course']
rows = [('start-up', total - phases['YAML'] - phases['simulate'] - phases['summary'] - phases['CSV'] - phases['write']),
        ('YAML', phases['YAML']), ('course', phases['course']), ('solve', solve),
        ('summary', phases['summary']), ('CSV', phases['CSV']), ('write', phases['write'])]
print(f"{'phase':<10} {'instructions':>14} {'share':>7}")
for name, v in rows:
    print(f"{name:<10} {v:>14,} {100 * v / total:>6.1f}%")
print(f"{'total':<10} {total:>14,}")
print(f"outside the solve (all but `solve`): {100 * (total - solve) / total:.1f}%")
PY
