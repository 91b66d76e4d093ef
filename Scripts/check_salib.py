#!/usr/bin/env python3
"""Checks `osmo sensitivity` against SALib on the same samples.

Usage:  python3 Scripts/check_salib.py DIR [--resamples R] [--confidence C]

DIR holds a Saltelli sweep's sweep.csv and the sensitivity.csv that `osmo sensitivity DIR` wrote
(with the same --resamples and --confidence). For every arm and outcome this script rebuilds the
output vector Y exactly as osmo does (run order, blocks with a missing value left out), runs
SALib.analyze.sobol.analyze(problem, Y, calc_second_order=False, ...) and compares:

  S1, ST        must agree to 1e-6 (the same estimators on the same numbers; osmo writes 9 digits)
  S1/ST_conf    bootstrap half-widths from different random streams (NumPy vs osmo's xoshiro256**):
                must agree within a factor 1.5 (or 0.01 absolute for tiny ones)

Exit status 0 when everything agrees, 1 otherwise (the differences are printed), 2 on bad input.
Needs numpy and SALib (`pip install salib`).
"""
import argparse
import csv
import math
import sys

import numpy as np
from SALib.analyze import sobol


def number(cell):
    if cell == "true":
        return 1.0
    if cell == "false":
        return 0.0
    try:
        return float(cell)
    except ValueError:
        return math.nan


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir")
    ap.add_argument("--resamples", type=int, default=1000)
    ap.add_argument("--confidence", type=float, default=0.95)
    args = ap.parse_args()

    with open(f"{args.dir}/sweep.csv", newline="") as f:
        comment = f.readline().strip()
        fields = dict(kv.split("=", 1) for kv in comment.split(" name=")[0].split()[3:])
        if fields.get("design") != "saltelli":
            print(f"{args.dir}/sweep.csv is not a Saltelli sweep: {comment}", file=sys.stderr)
            return 2
        base, d, runs = int(fields["base"]), int(fields["parameters"]), int(fields["runs"])
        reader = csv.reader(f)
        cols = next(reader)
        params, outcomes = cols[2:2 + d], cols[2 + d:-1]
        values = {}
        for row in reader:
            run, arm = int(row[0]), row[1]
            if arm not in values:
                values[arm] = np.full((len(outcomes), runs), np.nan)
            values[arm][:, run] = [number(c) for c in row[2 + d:-1]]

    osmo = {}
    with open(f"{args.dir}/sensitivity.csv", newline="") as f:
        for r in csv.DictReader(f):
            osmo[(r["arm"], r["outcome"], r["parameter"])] = r

    problem = {"num_vars": d, "names": params, "bounds": [[0, 1]] * d}
    step = d + 2
    failures, checked, largest = [], 0, 0.0
    print(f"{'arm':<14} {'outcome':<28} {'parameter':<32} {'S1 osmo':>10} {'S1 SALib':>10} {'ST osmo':>10} {'ST SALib':>10} {'conf ratio':>10}")
    for arm, table in values.items():
        for k, outcome in enumerate(outcomes):
            y = table[k]
            blocks = [y[j * step:(j + 1) * step] for j in range(base)]
            kept = [b for b in blocks if np.all(np.isfinite(b))]
            if len(kept) < 2:
                continue
            Y = np.concatenate(kept)
            si = sobol.analyze(problem, Y, calc_second_order=False, num_resamples=args.resamples,
                               conf_level=args.confidence, seed=1)
            for i, p in enumerate(params):
                o = osmo.get((arm, outcome, p))
                if o is None or o["S1"] == "":
                    failures.append(f"{arm} {outcome} {p}: missing in sensitivity.csv")
                    continue
                checked += 1
                s1, st = float(o["S1"]), float(o["ST"])
                c1, ct = float(o["S1_conf"]), float(o["ST_conf"])
                ratios = []
                for mine, theirs in ((c1, si["S1_conf"][i]), (ct, si["ST_conf"][i])):
                    ratios.append(mine / theirs if theirs > 0 else (1.0 if mine == 0 else math.inf))
                print(f"{arm:<14} {outcome:<28} {p:<32} {s1:>10.5f} {si['S1'][i]:>10.5f} {st:>10.5f} {si['ST'][i]:>10.5f} "
                      f"{ratios[0]:>5.2f}/{ratios[1]:<4.2f}")
                largest = max(largest, abs(s1 - si["S1"][i]), abs(st - si["ST"][i]))
                if abs(s1 - si["S1"][i]) > 1e-6 or abs(st - si["ST"][i]) > 1e-6:
                    failures.append(f"{arm} {outcome} {p}: S1 {s1} vs {si['S1'][i]}, ST {st} vs {si['ST'][i]}")
                for name, mine, theirs in (("S1_conf", c1, si["S1_conf"][i]), ("ST_conf", ct, si["ST_conf"][i])):
                    if abs(mine - theirs) > 0.01 and not (theirs / 1.5 <= mine <= theirs * 1.5):
                        failures.append(f"{arm} {outcome} {p}: {name} {mine} vs SALib {theirs}")
    if failures:
        print(f"\n{len(failures)} disagreement(s):", *failures, sep="\n  ")
        return 1
    if checked == 0:
        print("nothing to compare", file=sys.stderr)
        return 2
    print(f"\nall {checked} index pairs agree with SALib: largest |S1 or ST difference| {largest:.1e} (limit 1e-6); "
          f"intervals within a factor 1.5")
    return 0


if __name__ == "__main__":
    sys.exit(main())
