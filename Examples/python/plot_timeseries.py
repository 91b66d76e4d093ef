"""Compare the arms of an osmo run in a notebook or from the shell.

    osmo run Scenarios/norovirus-adult.yaml            # writes out/norovirus-adult/timeseries.csv
    pip install -r Examples/python/requirements.txt
    python Examples/python/plot_timeseries.py out/norovirus-adult/timeseries.csv [figure.png]

timeseries.csv is tidy (long) data: one row per arm per sample time, the column `arm`, then every
observable (`time_h`, `weight_loss_pct`, `k_plasma_mmol_L`, `cramp_score`, ...). In a notebook:

    import pandas as pd
    ts = pd.read_csv("out/norovirus-adult/timeseries.csv")
    ts.pivot(index="time_h", columns="arm", values="weight_loss_pct").plot()
"""
import sys

import matplotlib

matplotlib.use("Agg")  # draw to a file; remove this line in a notebook
import matplotlib.pyplot as plt
import pandas as pd


def main(csv_path: str, out_path: str) -> None:
    ts = pd.read_csv(csv_path)
    fig, (loss, cramp) = plt.subplots(1, 2, figsize=(11, 4.2), sharex=True)
    for arm, rows in ts.groupby("arm", sort=False):  # sort=False keeps the scenario's arm order
        loss.plot(rows["time_h"], rows["weight_loss_pct"], label=arm, linewidth=2)
        cramp.plot(rows["time_h"], rows["cramp_score"], label=arm, linewidth=2)
    loss.axhspan(5, 10, color="orange", alpha=0.2, label="moderate dehydration (≥ 5 %)")
    loss.set(title="Weight loss", xlabel="time (h)", ylabel="weight loss (% of starting weight)")
    cramp.set(title="Cramp score (from plasma K, Mg, Na)", xlabel="time (h)", ylabel="score (0–10)")
    loss.legend()
    for ax in (loss, cramp):
        ax.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(out_path, dpi=120)
    print(f"wrote {out_path}")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "weight_loss_and_cramps.png")
