#!/usr/bin/env python3
"""Checks that an `osmo run` output directory loads cleanly in pandas.

Usage: python3 Scripts/check_csv.py OUT_DIR [OUT_DIR ...]

For each directory: timeseries.csv has `arm` then numeric columns with no missing or non-finite
values and time increasing within each arm; summary.csv has the documented columns, one row per
arm, numeric measures (critical_reason is text), and true/false in diarrhea_over_48h. Exit 0 when all pass, 1 on a problem,
77 (skipped) when pandas is not installed (`pip install pandas`).
"""
import math
import sys

SUMMARY_COLUMNS = [
    "arm", "status", "peak_weight_loss_pct", "final_weight_loss_pct", "min_na_plasma_mmol_L",
    "max_na_plasma_mmol_L", "min_k_plasma_mmol_L", "min_mg_plasma_mmol_L", "peak_temperature_C",
    "peak_myalgia_score", "peak_cramp_score", "total_stool_L", "total_oral_intake_L", "total_iv_intake_L",
    "total_urine_L", "hours_to_moderate_dehydration", "hours_to_severe_dehydration", "hours_to_oliguria",
    "hours_to_fever_102F", "hours_to_hyponatremia", "hours_to_hypokalemia", "hours_to_hypomagnesemia",
    "min_hco3_plasma_mmol_L", "min_ph_plasma", "hours_to_acidosis",
    "peak_heart_rate_bpm", "min_systolic_mmHg", "hours_to_tachycardia", "hours_to_dizziness", "hours_to_shock",
    "hours_to_critical", "critical_reason",
    "diarrhea_over_48h",
]
# Text columns among them (everything else between `status` and `diarrhea_over_48h` is numeric).
TEXT_COLUMNS = {"critical_reason"}
REQUIRED_TIMESERIES = [
    "arm", "time_h", "body_weight_kg", "weight_loss_pct", "water_total_L", "na_plasma_mmol_L",
    "k_plasma_mmol_L", "mg_plasma_mmol_L", "temperature_C", "cum_oral_intake_L", "cum_stool_L", "cum_urine_L",
]


def main(dirs):
    try:
        import pandas as pd
    except ImportError:
        print("check_csv: SKIPPED: pandas is not installed (pip install pandas)")
        return 77
    problems = []
    for d in dirs:
        ts = pd.read_csv(f"{d}/timeseries.csv")
        sm = pd.read_csv(f"{d}/summary.csv")
        if list(ts.columns[:1]) != ["arm"]:
            problems.append(f"{d}: timeseries.csv does not start with `arm`")
        for c in REQUIRED_TIMESERIES:
            if c not in ts.columns:
                problems.append(f"{d}: timeseries.csv lacks {c}")
        numeric = ts.columns[1:]
        for c in numeric:
            if not pd.api.types.is_numeric_dtype(ts[c]):
                problems.append(f"{d}: timeseries column {c} is not numeric ({ts[c].dtype})")
            elif ts[c].isna().any() or not ts[c].map(math.isfinite).all():
                problems.append(f"{d}: timeseries column {c} has missing or non-finite values")
        for arm, g in ts.groupby("arm", sort=False):
            if not g["time_h"].is_monotonic_increasing:
                problems.append(f"{d}: time_h not increasing in arm {arm}")
        if list(sm.columns[: len(SUMMARY_COLUMNS)]) != SUMMARY_COLUMNS:
            problems.append(f"{d}: summary.csv columns {list(sm.columns)}")
        if sorted(sm["arm"]) != sorted(ts["arm"].unique()):
            problems.append(f"{d}: summary arms {list(sm['arm'])} differ from timeseries arms")
        if sm["diarrhea_over_48h"].dtype != bool:
            problems.append(f"{d}: diarrhea_over_48h is {sm['diarrhea_over_48h'].dtype}, not bool")
        for c in SUMMARY_COLUMNS[2:-1]:
            if c in TEXT_COLUMNS:
                continue
            if not pd.api.types.is_numeric_dtype(sm[c]):
                problems.append(f"{d}: summary column {c} is not numeric ({sm[c].dtype})")
        print(f"check_csv: {d}: {len(ts)} rows x {len(ts.columns)} columns, {len(sm)} arms")
    for p in problems:
        print("check_csv: " + p)
    if not problems:
        print("check_csv: OK")
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__)
        sys.exit(2)
    sys.exit(main(sys.argv[1:]))
