#!/usr/bin/env python3
"""Cross-check: osmo's trajectories against the SciPy reference (osmo_ref.py) for the shipped scenarios.

    python3 Benchmarks/reference/crosscheck.py [--osmo PATH] [--every 1] [SCENARIO.yaml ...]

For every arm of every scenario (default: Scenarios/*.yaml) it runs
    osmo problem S.yaml                                  (the resolved problem, JSON)
    osmo run S.yaml --rtol 1e-10 --atol 1e-12 --every "1 h"
and the reference with solve_ivp LSODA and BDF at the same tolerances, and compares every column
of timeseries.csv at every sample. The error of a column is
    max_t |ref − osmo| / max(|osmo|, 1e-3 · max_t |osmo|)
(relative, with a floor at a thousandth of the column's largest magnitude so that quantities passing
through zero — a weight change at t = 0, an empty gut — are not divided by ~0). Passes when every
error is ≤ 1e-4. Exit status 0 pass, 1 fail.
"""
import argparse
import csv
import glob
import json
import os
import subprocess
import sys
import tempfile
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import osmo_ref  # noqa: E402

# Columns read from osmo's inflammation track (solved at a fixed rtol 1e-8 whatever --rtol, InflammationTrack.swift).
INFLAMMATION = {"tnf_pg_mL", "il1b_pg_mL", "il6_pg_mL", "il10_pg_mL", "temperature_C", "myalgia_score"}
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("scenarios", nargs="*")
    ap.add_argument("--osmo", default=os.path.join(ROOT, ".build/release/osmo"))
    ap.add_argument("--every", type=float, default=1.0, help="sample interval, h")
    ap.add_argument("--rtol", type=float, default=1e-10)
    ap.add_argument("--atol", type=float, default=1e-12)
    ap.add_argument("--limit", type=float, default=1e-4)
    ap.add_argument("--methods", default="LSODA,BDF")
    args = ap.parse_args()
    scenarios = args.scenarios or sorted(glob.glob(os.path.join(ROOT, "Scenarios", "*.yaml")))
    print(f"reference: {osmo_ref.REFERENCE_OF}; osmo: {args.osmo}")
    print(f"tolerances rtol {args.rtol:g}, atol {args.atol:g} on both sides; samples every {args.every:g} h; limit {args.limit:g}")
    worst_all = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for path in scenarios:
            name = os.path.splitext(os.path.basename(path))[0]
            problem = json.loads(subprocess.check_output([args.osmo, "problem", path]))
            out = os.path.join(tmp, name)
            subprocess.run([args.osmo, "run", path, "--out", out, "--rtol", str(args.rtol), "--atol", str(args.atol),
                            "--every", f"{args.every} h", "--threads", "1"], check=True, stdout=subprocess.DEVNULL)
            rows = list(csv.DictReader(open(os.path.join(out, "timeseries.csv"))))
            for arm in problem["arms"]:
                mine = [r for r in rows if r["arm"] == arm["arm"]]
                for method in args.methods.split(","):
                    t0 = time.perf_counter()
                    t, cols, info = osmo_ref.simulate(arm, method=method, rtol=args.rtol, atol=args.atol,
                                                      sample_interval=args.every)
                    dt = time.perf_counter() - t0
                    if len(t) != len(mine):
                        print(f"FAIL {name}/{arm['arm']} {method}: {len(t)} samples vs osmo's {len(mine)} ({info['status']})")
                        worst_all = float("inf")
                        continue
                    worst, col = 0.0, ""
                    fluid_worst = 0.0
                    for o in osmo_ref.OBSERVABLES:
                        b = np.array([float(r[o]) for r in mine])
                        scale = np.maximum(np.abs(b), 1e-3 * np.max(np.abs(b)))
                        scale[scale == 0] = 1.0
                        e = float(np.max(np.abs(cols[o] - b) / scale))
                        if e > worst:
                            worst, col = e, o
                        if o not in INFLAMMATION:
                            fluid_worst = max(fluid_worst, e)
                    worst_all = max(worst_all, worst)
                    flag = "ok  " if worst <= args.limit else "FAIL"
                    print(f"{flag} {name:<20} {arm['arm']:<16} {method:<5} max rel error {worst:.2e} ({col}), fluid columns {fluid_worst:.2e}; "
                          f"{len(t)} samples, {info['nfev']} RHS calls, {dt:.1f} s")
    ok = worst_all <= args.limit
    print(f"\n{'PASS' if ok else 'FAIL'}: largest error {worst_all:.2e} (limit {args.limit:g})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
