#!/usr/bin/env python3
"""Summarises the stiffness monitor's estimates (h, ρ, h·ρ) of one arm, by 12-h window, from the
`EST ...` lines that Benchmarks/proposals/stiffness-switch-experiment.patch makes osmo print:
    git apply Benchmarks/proposals/stiffness-switch-experiment.patch && swift build -c release --product osmo
    OSMO_LOG=1 .build/release/osmo run Scenarios/norovirus-adult.yaml --arm ors --threads 1 --out /tmp/x \\
        | python3 Benchmarks/Scripts/stiffness-log.py
    git checkout Sources/OsmoODE      # the patch is an experiment, not part of osmo
"""
import re
import statistics as st
import sys

rows = [dict(re.findall(r"(\w+)=(\S+)", line)) for line in sys.stdin if line.startswith("EST ")]
explicit = [r for r in rows if r["nonstiff"] == "true"]
end = max((float(r["t"]) for r in rows), default=0)
for lo in range(0, int(end) + 12, 12):
    s = [r for r in explicit if lo <= float(r["t"]) < lo + 12]
    if not s:
        continue
    rho = [float(r["rho"]) for r in s]
    h = [float(r["h"]) * 60 for r in s]
    hr = [float(r["hr"]) for r in s]
    print(f"{lo}-{lo + 12} h on rkck: {len(s)} estimates, ρ median {st.median(rho):.0f}/h ({min(rho):.0f}–{max(rho):.0f}), "
          f"h median {st.median(h):.2f} min, h·ρ median {st.median(hr):.2f} ({min(hr):.2f}–{max(hr):.2f})")
print(f"estimates on rkck: {len(explicit)}, on msbdf: {len(rows) - len(explicit)}")
