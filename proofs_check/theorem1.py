"""004_b333c7817a08033b.txt Theorem 1 in the claims layer: the transient time t₀, the bound at the
end of its proof, the diagnostics of a computed E(t), and the check run on every record of
``landau run maxwell`` (registered in :mod:`proofs_check.run_checks`).

Theorem 1 (γ = 0, seed normalisation C = 1): for E(t) = ∫(f/m − 1)² m,
E(t) ≤ c₀e^{−2(d−1)t}E(0), and E is non-increasing for t ≥ t₀ = max{log(2 sup_i(λ_i − 1)/(d − 1))/(4d), 0},
λ_i the eigenvalues of the initial second-moment matrix P_in. With a collision constant C time
runs C times faster: every time of the seed is divided by C here. The seed leaves c₀ unspecified;
the diagnostics report the measured sup_t E(t)e^{2(d−1)Ct}/E(0).
"""
from __future__ import annotations

import math
from pathlib import Path

import numpy as np


def theorem1_transient_time(second_moments0, C: float) -> float:
    """t₀ = max{log(2 sup_i(λ_i − 1)/(d − 1))/(4dC), 0} of 004_b333c7817a08033b.txt Theorem 1, the
    seed's time (C = 1 there) divided by C; λ_i the eigenvalues of P_in. The one home of t₀."""
    P = np.asarray(second_moments0, dtype=float)
    d = P.shape[0]
    excess = 2 * (np.linalg.eigvalsh(P).max() - 1) / (d - 1)
    return max(math.log(excess) / (4 * d * C), 0.0) if excess > 0 else 0.0


def theorem1_proof_bound(second_moments0, C: float, t) -> np.ndarray:
    """E(t)/E(0) ≤ exp(−2(d−1)Ct + (λ₁ − 1)(1 − e^{−4dCt})/d), the bound at the end of the proof of
    004_b333c7817a08033b.txt Theorem 1 (λ₁ the largest eigenvalue of P_in; seed time is C·t; t the
    time elapsed since the initial data)."""
    P = np.asarray(second_moments0, dtype=float)
    d = P.shape[0]
    excess = np.linalg.eigvalsh(P).max() - 1
    s = C * np.asarray(t, dtype=float)
    return np.exp(-2 * (d - 1) * s + excess * (1 - np.exp(-4 * d * s)) / d)


def theorem1_diagnostics(second_moments0, C: float, elapsed, E, rate) -> dict:
    """004 Theorem 1 along a computed E(t) at the elapsed times (since the initial data), with
    dE/dt exact at those times: the measured sup E(t)e^{2(d−1)Ct}/E(0) (the theorem's c₀), the
    proof's bound, and monotonicity before and after the transient time t₀."""
    P0 = np.asarray(second_moments0, dtype=float)
    elapsed, E, rate = (np.asarray(x, dtype=float) for x in (elapsed, E, rate))
    d = P0.shape[0]
    t0 = theorem1_transient_time(P0, C)
    after = elapsed >= t0
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = E * np.exp(2 * (d - 1) * C * elapsed) / E[0]
    bound = theorem1_proof_bound(P0, C, elapsed)
    return {
        "eigenvalues_in": np.linalg.eigvalsh(P0).tolist(), "t0_elapsed": t0,
        "sup_E_exp_ratio": float(ratio.max()), "sup_E_exp_ratio_at_elapsed": float(elapsed[ratio.argmax()]),
        "max_E_over_proof_bound": float((ratio / np.exp(2 * (d - 1) * C * elapsed) / bound).max()),
        "max_rate_after_t0": float(rate[after].max()) if after.any() else None,
        "max_rate_before_t0": float(rate[~after].max()) if (~after).any() else None,
        "monotone_after_t0": bool(np.all(rate[after] <= 0) and np.all(np.diff(E[after]) <= 0)),
        "monotone_everywhere": bool(np.all(rate <= 0) and np.all(np.diff(E) <= 0)),
        "samples": len(elapsed),
    }


def _record_arrays(record):
    p, s = record.params, record.series
    elapsed = np.asarray(s["times"], dtype=float) - p.get("t0", 0.0)
    E = np.array([np.nan if v is None else v for v in s["relative_l2"]], dtype=float)
    rate = np.array([np.nan if v is None else v for v in s["relative_l2_rate"]], dtype=float)
    return elapsed, E, rate, np.asarray(s["second_moments"][0], dtype=float), float(p["C"])


def theorem1_check(record, tolerance: float = 1e-12) -> dict:
    """The check of ``landau run maxwell``: {"theorem1": {"ok", ...}} from the record's series
    (times, relative_l2 = E_N, relative_l2_rate = dE_N/dt, second_moments[0]) and params (C, t0).
    The verdict is the theorem's statement as printed: E non-increasing after t₀, i.e. no increase
    of E between recorded times t ≥ t₀ beyond ``tolerance``·E(0) and dE/dt ≤ ``tolerance``·max|dE/dt|
    at each of them (the tolerance only absorbs round-off once E has decayed to ~1e-30; the strict
    comparison is ``monotone_after_t0`` in the evidence). c₀ and the proof's bound are evidence."""
    elapsed, E, rate, P0, C = _record_arrays(record)
    evidence = theorem1_diagnostics(P0, C, elapsed, E, rate)
    after = elapsed >= evidence["t0_elapsed"]
    increments = np.diff(E[after]) if after.sum() > 1 else np.zeros(1)
    rate_scale = float(np.abs(rate).max()) if len(rate) else 0.0
    ok = bool(after.any() and increments.max() <= tolerance * abs(E[0])
              and rate[after].max() <= tolerance * rate_scale)
    evidence.update(tolerance=tolerance, max_increment_after_t0=float(increments.max()),
                    statement="004_b333c7817a08033b.txt Theorem 1: E(t) non-increasing for t >= t0; "
                              "E = E_N, the Hermite sum over |alpha| <= degree")
    return {"theorem1": {"ok": ok, **evidence}}


def plot_theorem1(times, E, second_moments0, C: float, t_start: float, path: Path, title: str,
                  exact=None, label: str = "E_N(t)") -> None:
    """E(t) with the bound at the end of the proof of Theorem 1 (E(0)·bound) and its t₀ (a
    vertical line when positive); ``exact`` an optional exact E(t)."""
    from landau_num import figures

    plt = figures.pyplot()
    t = np.asarray(times, dtype=float)
    E = np.asarray(E, dtype=float)
    t0 = theorem1_transient_time(second_moments0, C)
    figure, ax = plt.subplots(figsize=(6.4, 4))
    ax.semilogy(t, E, marker=".", label=label)
    if exact is not None:
        ax.semilogy(t, exact, "--", label="E(t) of the exact solution")
    ax.semilogy(t, E[0] * theorem1_proof_bound(second_moments0, C, t - t_start), ":",
                label="bound of the proof of 004 Theorem 1")
    if t0 > 0:
        ax.axvline(t_start + t0, color="grey", lw=0.8, label="t₀ of Theorem 1")
    ax.set(xlabel="t", ylabel="E", title=title)
    ax.legend(fontsize=8)
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)


def plot_theorem1_record(record, path: Path) -> None:
    """:func:`plot_theorem1` for a maxwell run record."""
    elapsed, E, _, P0, C = _record_arrays(record)
    t_start = record.params.get("t0", 0.0)
    plot_theorem1(elapsed + t_start, E, P0, C, t_start, path,
                  f"{record.case}: E(t) and 004 Theorem 1", exact=record.summary.get("relative_l2_exact"),
                  label=f"E_N(t), |α| ≤ {record.params['parameters']['degree']}")
