"""Which eigenmodes of the fluid model's Jacobian limit an explicit stepper's step (issue 14).

Integrates one arm with the SciPy reference (osmo_ref.py: the same right-hand side as osmo) to each
time asked for, forms the Jacobian there by forward differences, and prints its largest eigenvalues
(1/h) with the state components their eigenvectors sit on. rkck is stable for h·|λ| up to about 3.3,
so h ≤ 3.3/|λ₁| between drinks is the explicit step's ceiling.

    osmo problem Scenarios/norovirus-adult.yaml > /tmp/prob.json
    python3 Benchmarks/reference/stiff_modes.py /tmp/prob.json ors 21 40 47.5 60
"""
import json
import sys

import numpy as np
from scipy.integrate import solve_ivp

sys.path.insert(0, __file__.rsplit("/", 1)[0])
import osmo_ref as R  # noqa: E402

GUT = ["water", "Na", "K", "Cl", "HCO3", "citrate", "Mg", "glucose", "fructose"]


def names():
    out = {}
    for k, v in vars(R).items():
        if k.isupper() and isinstance(v, int) and 0 <= v < R.N and k not in ("N", "W", "NA", "K", "CL", "HCO3",
                                                                           "CIT", "MG", "GLU", "FRU"):
            out.setdefault(v, k.lower())
    for base, label in ((R.STOMACH, "stomach"), (R.LUMEN, "lumen")):
        for j, s in enumerate(GUT):
            out[base + j] = f"{label} {s}"
    return out


def main():
    problem_path, arm_name, *times = sys.argv[1:]
    arms = json.load(open(problem_path))["arms"]
    p = next(a for a in arms if a["arm"] == arm_name)
    model = R.Model(p, "LSODA", 1e-8, 1e-10)
    schedule = R.Schedule(p)
    y = model.initial_state()
    model.inputs = schedule.inputs(0)
    schedule.apply_events(0, model, y)
    label = names()
    bounds = sorted(set(b for b in schedule.boundaries if b > 0) | {p["duration_h"]})
    a = 0.0
    for tq in map(float, times):
        while a < tq:
            nb = min(b for b in bounds if b > a)
            end = min(nb, tq)
            y = solve_ivp(model.rhs, (a, end), y, method="LSODA", rtol=1e-8, atol=1e-10).y[:, -1].copy()
            a = end
            if end == nb and end < tq:
                schedule.apply_events(end, model, y)
        f0 = np.array(model.rhs(a, y))
        n = len(y)
        jac = np.zeros((n, n))
        for j in range(n):
            d = max(1e-7 * abs(y[j]), 1e-9)
            yp = y.copy()
            yp[j] += d
            jac[:, j] = (np.array(model.rhs(a, yp)) - f0) / d
        ev, vec = np.linalg.eig(jac)
        print(f"t = {tq:g} h: lumen water {y[R.LUMEN]*1000:.1f} mL, lumen glucose {y[R.LUMEN + R.GLU]:.3g} mmol, "
              f"lumen fructose {y[R.LUMEN + R.FRU]:.3g} mmol")
        for k in np.argsort(-np.abs(ev))[:4]:
            v = np.abs(vec[:, k]) / np.abs(vec[:, k]).max()
            top = [i for i in np.argsort(-v)[:3] if v[i] > 0.05]
            print(f"  λ = {ev[k].real:9.2f}{ev[k].imag:+.2f}i /h   on " + ", ".join(f"{label.get(i, i)} ({v[i]:.2f})" for i in top))


if __name__ == "__main__":
    main()
