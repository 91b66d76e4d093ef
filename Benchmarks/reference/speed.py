#!/usr/bin/env python3
"""Speed: osmo vs the SciPy reference on the same work, measured in one run of this script.

    python3 Benchmarks/reference/speed.py [--osmo PATH] [--points 10]

1. The flagship scenario (Scenarios/norovirus-adult.yaml, its own tolerances): `osmo run --threads 1`
   (best of 5, osmo's in-process simulate time summed over the 3 arms) vs osmo_ref.simulate for the 3
   arms with LSODA and with BDF.
2. The 1,000-run benchmark sweep (Benchmarks/Scripts/sweep-1000.yaml): `osmo sweep --jobs 1` for all
   1,000 runs (wall time) vs the reference on the first --points runs of the same sweep (the same
   parameter values, read from osmo's sweep.csv), extrapolated to 1,000 runs. Both single-threaded.
Ratios are SciPy time / osmo time per run.
"""
import argparse
import csv
import json
import os
import re
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import osmo_ref  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def apply(problem, values):
    """ScenarioQuantity.apply for the sweep's five quantities (Sources/OsmoScenario/ScenarioQuantity.swift)."""
    p = json.loads(json.dumps(problem))
    for name, v in values.items():
        if name == "patient.weight_kg":
            p["patient"]["weight_kg"] = v
        elif name == "illness.peak_secretion_mL_kg_h":
            p["illness"]["peak_secretion_mL_kg_h"] = v
        elif name == "drink.volume_mL":
            for d in p["drinks"]:
                if d["schedule"]["kind"] in ("at", "every", "per_stool"):
                    d["schedule"]["volume_L"] = v / 1000
        elif name == "drink.sodium_mmol_L":
            for d in p["drinks"]:
                d["fluid"]["sodium"] = v
        elif name == "drink.glucose_mmol_L":
            for d in p["drinks"]:
                d["fluid"]["glucose"] = v
        else:
            raise SystemExit(f"speed.py: no reference mapping for {name}")
    return p


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--osmo", default=os.path.join(ROOT, ".build/release/osmo"))
    ap.add_argument("--points", type=int, default=10)
    args = ap.parse_args()
    flagship = os.path.join(ROOT, "Scenarios", "norovirus-adult.yaml")
    problem = json.loads(subprocess.check_output([args.osmo, "problem", flagship]))
    arms = problem["arms"]
    tol = arms[0]["solver"]
    print(f"machine: {os.cpu_count()} cores; reference: {osmo_ref.REFERENCE_OF}")
    print(f"tolerances (the scenario's, both sides): rtol {tol['rtol']:g}, atol {tol['atol']:g}; osmo {tol['stepper']}, SciPy LSODA / BDF")

    with tempfile.TemporaryDirectory() as tmp:
        # 1. The flagship scenario.
        best = float("inf")
        for _ in range(5):
            out = subprocess.check_output([args.osmo, "run", flagship, "--out", os.path.join(tmp, "f"), "--threads", "1"], text=True)
            best = min(best, float(re.search(r"simulate ([0-9.]+) ms", out).group(1)) / 1000)
        print(f"\nflagship, 3 arms: osmo {best * 1000:.1f} ms (best of 5, in-process simulate time)")
        for method in ("LSODA", "BDF"):
            t0 = time.perf_counter()
            for arm in arms:
                osmo_ref.simulate(arm, method=method, rtol=tol["rtol"], atol=tol["atol"])
            dt = time.perf_counter() - t0
            print(f"  SciPy {method:<5} {dt * 1000:8.1f} ms   ratio {dt / best:6.1f}×")

        # 2. The 1,000-run sweep.
        sweep = os.path.join(ROOT, "Benchmarks", "Scripts", "sweep-1000.yaml")
        t0 = time.perf_counter()
        subprocess.run([args.osmo, "sweep", sweep, "--out", os.path.join(tmp, "s"), "--jobs", "1", "--quiet"],
                       check=True, stderr=subprocess.DEVNULL)
        osmo_wall = time.perf_counter() - t0
        with open(os.path.join(tmp, "s", "sweep.csv")) as f:
            f.readline()
            rows = list(csv.DictReader(f))
        names = [c for c in rows[0].keys() if c.startswith(("patient.", "illness.", "drink."))]
        ors = next(a for a in arms if a["arm"] == "ors")
        print(f"\n1,000-run sweep (sweep-1000.yaml, ORS arm, 72 h, hourly samples): osmo --jobs 1 {osmo_wall:.1f} s, per run {osmo_wall / len(rows) * 1000:.1f} ms")
        for method in ("LSODA", "BDF"):
            t0 = time.perf_counter()
            for r in rows[:args.points]:
                prob = apply(ors, {n: float(r[n]) for n in names})
                prob["sample_interval_h"] = 1.0
                osmo_ref.simulate(prob, method=method, rtol=tol["rtol"], atol=tol["atol"])
            per = (time.perf_counter() - t0) / args.points
            print(f"  SciPy {method:<5} {per * 1000:8.1f} ms per run (first {args.points} runs; 1,000 runs ≈ {per * 1000:.0f} s)"
                  f"   ratio {per / (osmo_wall / len(rows)):6.1f}×")


if __name__ == "__main__":
    main()
