"""Dissipation checks: functions that take a grid-solver run record and return a verdict with numbers.

- ``entropy_balance``: dH/dt = −D along the solution (000_2c86dc742ea51118.txt (5)): the
  change of H between records against −∫D_op dt (trapezoid rule). D_op = −∫Q_h(f)log f uses
  the discrete operator that drives the run, so this holds to time-step accuracy whatever the
  grid; the double-integral D_pair is reported beside it;
- ``dissipation_formulas_agree``: D_op against the symmetric double integral D_pair, two
  independent formulas; their difference measures the discretisation error of the operator;
- ``fisher_non_increasing``: I(t) non-increasing and dI/dt ≤ 0 (Guillen–Silvestre; used by
  003_2ee84d6b3c804a54.txt §3 and 000 Theorem 41's setting);
- ``relative_l2_envelope``: for γ = 0, E(t) = ∫(f/m − 1)²m against the envelope c₀e^{−2(d−1)t}E(0)
  of 004_b333c7817a08033b.txt Theorem 1 (the seed leaves c₀ unspecified: we report
  sup_t E(t)e^{2(d−1)t}/E(0)) and monotonicity after the t₀ of the theorem;
- ``second_moment_law``: for γ = 0, the recorded second moments against Σ(t) of DESIGN.md §5.

Each returns ``(ok, evidence)``; tolerances are arguments, stated in the evidence.
"""
from __future__ import annotations


import numpy as np

from landau_num.moment_laws import landau_second_moments


def _series(record, key):
    """A series as floats; null (a functional the grid did not resolve) becomes NaN, which fails
    every comparison, so a check on an under-resolved run does not pass."""
    return record.column(key)


def run_checks(record, names) -> dict:
    """{name: {"ok": bool, ...evidence}} for the named checks of this module on a grid record."""
    results = {}
    for name in names:
        ok, evidence = globals()[name](record)
        results[name] = {"ok": bool(ok), **evidence}
    return results


def entropy_balance(record, rtol: float = 1e-3) -> tuple[bool, dict]:
    t, H = _series(record, "times"), _series(record, "entropy")
    evidence = {"rtol": rtol}
    errors = {}
    for key in ("dissipation", "dissipation_pair"):
        D = _series(record, key)
        integral = np.concatenate([[0.0], np.cumsum(0.5 * (D[1:] + D[:-1]) * np.diff(t))])
        change = H - H[0]
        errors[key] = float(np.abs(change + integral).max() / max(abs(change[-1]), 1e-300))
        evidence[f"max |ΔH + ∫{key}| / |ΔH|"] = errors[key]
    evidence["entropy_decreasing"] = bool(np.all(np.diff(H) < 0))
    return errors["dissipation"] <= rtol and evidence["entropy_decreasing"], evidence


def dissipation_formulas_agree(record, rtol: float = 1e-3) -> tuple[bool, dict]:
    D_op, D_pair = _series(record, "dissipation"), _series(record, "dissipation_pair")
    rel = np.abs(D_op - D_pair) / np.maximum(np.abs(D_pair), 1e-300)
    return bool(rel.max() <= rtol), {"rtol": rtol, "max relative difference": float(rel.max()),
                                     "median relative difference": float(np.median(rel))}


def fisher_non_increasing(record, rtol: float = 1e-6) -> tuple[bool, dict]:
    I, rate = _series(record, "fisher"), _series(record, "fisher_rate")
    increments = np.diff(I)
    evidence = {"rtol": rtol, "I(0)": float(I[0]), "I(end)": float(I[-1]),
                "max increment / I(0)": float(increments.max() / I[0]) if len(increments) else 0.0,
                "max dI/dt": float(rate.max())}
    ok = evidence["max increment / I(0)"] <= rtol and evidence["max dI/dt"] <= rtol * abs(I[0])
    return bool(ok), evidence


def relative_l2_envelope(record, tolerance: float = 1e-9) -> tuple[bool, dict]:
    from .theorem1 import theorem1_transient_time

    d = record.params["d"]
    C = record.params["C"]
    t = _series(record, "times") - record.params.get("t0", 0.0)
    E = _series(record, "relative_l2_distance")
    P0 = np.asarray(record.series["second_moments"][0], dtype=float)
    t0 = theorem1_transient_time(P0, C)  # seed 004 has C = 1; with a collision constant C time runs C times faster
    ratio = E * np.exp(2 * (d - 1) * C * t) / E[0]
    after = t >= t0
    increments_after = np.diff(E[after]) if after.sum() > 1 else np.array([0.0])
    evidence = {"t0_of_theorem_1": t0, "sup E(t) e^{2(d-1)Ct} / E(0)": float(ratio.max()),
                "E(0)": float(E[0]), "E(end)": float(E[-1]),
                "max increment of E after t0": float(increments_after.max()),
                "E increases before t0": bool(np.any(np.diff(E[~after]) > 0)) if (~after).sum() > 1 else False}
    return bool(increments_after.max() <= tolerance * E[0]), evidence


def second_moment_law(record, atol: float = 1e-4) -> tuple[bool, dict]:
    C = record.params["C"]
    times = _series(record, "times") - record.params.get("t0", 0.0)
    P = [np.asarray(m, dtype=float) for m in record.series["second_moments"]]
    deviation = max(float(np.abs(p - landau_second_moments(P[0], C, s)).max()) for p, s in zip(P, times))
    return deviation <= atol, {"atol": atol, "max |P(t) − Σ(t)|": deviation}
