"""The exact Maxwell-molecule (γ = 0) solver in Hermite coefficients on the solver platform
(``landau run maxwell``; the mathematics in :mod:`.hermite`).

The case's exact Hermite coefficients of its initial data (``Case.initial_hermite``) are evolved
with the linear system of 004_b333c7817a08033b.txt Proposition 1, (2.3), in which the second
moments follow their closed form (004 Proposition 2). Output times are t₀ + k·Δt (the case's t₀,
Δt = ``dt``, ``T/50`` when omitted; diagnostics every ``record_every`` of them and at t₀ + T);
irregular output times are not offered.

The state ``y`` the driver advances and checkpoints:

- ``method = exact``: the augmented vector (u_0, …, u_K) of the exact method, u_k = e^{−kκt}c on
  degree ≤ N − 2k, whose matrix A is constant; ``advance(y, dt, k)`` is e^{k·dt·A}y
  (``expm_multiply``, traceA = 0). The run advances one record interval per call, so it is exact
  at every recorded time, interruptible between intervals, and a resumed run repeats the same
  operations on the checkpointed y: bit for bit the uninterrupted run. c = u_0.
- ``method = dop853``: the coefficient vector c with the elapsed time s = t − t₀ appended as the
  last entry, since M(t) = M₀ + e^{−κs}M₁ depends on it and ``advance`` is not given the time;
  ``advance`` integrates from s to s + k·dt and stores the new elapsed time (checkpointed with c,
  so a resumed run continues from the right time).

Recorded at each output time: mass, momentum, energy (tr P), second moments and the closed-form
law, E_N(t) = Σ_{|α|≤N, α≠0} c_α² + (c₀ − 1)² (``relative_l2``, the truncated E of 004 Theorem 1)
and its exact derivative 2c·M(t)c (``relative_l2_rate``), and for the BKW cases the relative
l¹/l²/l^∞ errors of the coefficient vector against the exact BKW coefficients (``error_vs_exact``).
The method conserves mass, momentum and energy exactly; a drift beyond ``INVARIANT_TOLERANCE``
stops the run as a blow-up. Checks of the seed's claims on the record (004 Theorem 1) live in the
claims layer (``proofs_check``), not here.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .. import figures as fig
from ..cases import bkw_K
from ..core.parameters import param
from ..core.registry import register
from ..core.solver import Solver, TimeGrid, step_count
from ..norms import relative_errors
from . import hermite as mh

MAX_DEGREE = {2: 60, 3: 24}
"""Largest total degree N per dimension (basis sizes 1891 and 2925)."""
MAX_OUTPUT_TIMES = 10_000
INVARIANT_TOLERANCE = {"mass": 1e-9, "momentum": 1e-9, "energy": 1e-9}
SLICE_POINTS = 201


@dataclass
class MaxwellParameters:
    degree: int = param(8, f"largest total Hermite degree N (at most {MAX_DEGREE[2]} in 2D, {MAX_DEGREE[3]} in 3D)",
                        kind=int, low=2, high=max(MAX_DEGREE.values()))
    T: float = param(10.0, "duration after the case's t0", low=0.0, low_open=True)
    dt: float | None = param(None, "spacing of the output times t0 + k*dt, at most T (T/50 when omitted)",
                             low=0.0, low_open=True, optional=True)
    method: str = param("exact", "exact (exponential of the augmented constant matrix) or dop853 (cross-check)",
                        kind=str, choices=mh.METHODS)
    record_every: int = param(1, "diagnostics every this many output intervals", kind=int, low=1)

    @property
    def spacing(self) -> float:
        return self.T / 50 if self.dt is None else self.dt

    def check(self, case) -> None:
        if case is not None:
            if case.gamma != 0:
                raise ValueError(f"--case {case.name} has gamma = {case.gamma:g}; the maxwell solver needs gamma = 0 "
                                 f"(Maxwell molecules)")
            if case.initial_hermite is None:
                raise ValueError(f"--case {case.name} has no exact Hermite coefficients of its initial data")
            limit = MAX_DEGREE.get(case.d)
            if limit is None:
                raise ValueError(f"--case {case.name} has d = {case.d}; the maxwell solver needs d = 2 or 3")
            if self.degree > limit:
                raise ValueError(f"--degree {self.degree} exceeds the limit {limit} for d = {case.d} "
                                 f"(allowed: integers in [2, {limit}])")
        if self.spacing > self.T:
            raise ValueError(f"--dt must satisfy 0 < dt <= T = {self.T:g}, got {self.spacing!r}")
        outputs = math.ceil(step_count(self.T, self.spacing)[0] / self.record_every)
        if outputs > MAX_OUTPUT_TIMES:
            raise ValueError(f"--dt {self.spacing!r} with --record-every {self.record_every} gives {outputs} output "
                             f"times; at most {MAX_OUTPUT_TIMES} (use dt >= {self.T / MAX_OUTPUT_TIMES:g})")


def _augmented_size(d: int, degree: int) -> int:
    return sum(math.comb(degree - 2 * k + d, d) for k in range(degree // 2 + 1))


@register
class MaxwellSolver(Solver):
    name = "maxwell"
    title = "exact Maxwell-molecule (γ = 0) solver in Hermite coefficients (004 Proposition 1, (2.3); Proposition 2)"
    Parameters = MaxwellParameters
    cases = ("bkw2d", "bkw3d", "aniso3d")
    invariants = INVARIANT_TOLERANCE

    @classmethod
    def memory_estimate(cls, case, params) -> float:
        """An upper estimate: the sparse matrices (ladder, second-derivative and generator pieces: about (d + 1)²
        matrices with ≲ 4d² entries per column on the basis, 16 bytes an entry) and the augmented
        matrix with the work vectors of expm_multiply."""
        d = case.d
        basis_size = math.comb(params.degree + d, d)
        augmented = _augmented_size(d, params.degree)
        per_column = 4 * d * d + 8
        return 16.0 * per_column * ((d + 1) ** 2 * basis_size + 2 * augmented) + 8.0 * 16 * augmented

    def setup(self) -> None:
        case, p = self.case, self.params
        self.basis = mh.hermite_basis(case.d, p.degree)
        self.problem = mh.maxwell_problem(case.initial_hermite(self.basis), self.basis, case.C)
        if p.method == "exact":
            self.A, self.sizes = mh.augmented_matrix(self.problem)
            self.y0 = mh.augmented_initial(self.problem, self.sizes)
        else:
            self.A, self.sizes = None, [len(self.basis)]
            self.y0 = np.append(self.problem.initial, 0.0)  # the elapsed time t − t₀ last
        self.propagations = 0
        self.rhs_evaluations = 0
        self.time = TimeGrid(case.t0, p.T, p.spacing, p.record_every, chunk=p.record_every)

    def coefficients(self, y: np.ndarray) -> np.ndarray:
        """c (degree ≤ N) from the state."""
        return y[:len(self.basis)]

    def advance(self, y, dt, k):
        self.propagations += 1
        if self.A is not None:
            return mh.propagate_exact(self.A, y, k * dt)
        elapsed = float(y[-1])
        c, evaluations = mh.propagate_dop853(self.problem, y[:-1], elapsed, elapsed + k * dt)
        self.rhs_evaluations += evaluations
        return np.append(c, elapsed + k * dt)

    def diagnostics(self, y, t) -> dict:
        case, basis = self.case, self.basis
        c = self.coefficients(y)
        mass, momentum, P = mh.moments(c, basis)
        out = {"times": t, "mass": mass, "momentum": momentum, "energy": float(np.trace(P)), "second_moments": P}
        if case.exact_second_moments is not None:
            out["second_moments_exact"] = np.asarray(case.exact_second_moments(t), dtype=float)
        out["relative_l2"] = float(mh.relative_l2_distance(c))
        out["relative_l2_rate"] = self.problem.relative_l2_rate(c, t - case.t0)
        exact = self._exact_coefficients(t)
        if exact is not None:
            out.update(relative_errors(c, exact, prefix="error_"))
        return out

    def _exact_coefficients(self, t: float) -> np.ndarray | None:
        """Exact BKW coefficients at t where the BKW solution is exact for the case's parameters."""
        case = self.case
        if "c0" not in case.parameters or case.exact_density is None:
            return None
        return mh.bkw_coefficients(self.basis, bkw_K(case, t))

    def record_params(self) -> dict:
        out = {"basis_size": len(self.basis), "method": self.params.method,
               "state": ("augmented vector (u_0, ..., u_K), u_k = exp(-k kappa t) c on degree <= N - 2k"
                         if self.A is not None else "coefficients c with the elapsed time t - t0 appended"),
               "entropy": "not computed: H = ∫ f log f is not a function of finitely many Hermite coefficients; "
                          "the solver's functional is relative_l2",
               "relative_l2": "E = ∫(f/m − 1)² m = Σ_{α≠0} c_α² + (c_0 − 1)², summed over |α| ≤ degree "
                              "(a lower bound of E; 004_b333c7817a08033b.txt Theorem 1); relative_l2_rate = dE/dt "
                              "= 2c·M(t)c",
               "energy": "∫|v|² f = tr P from the degree-2 coefficients",
               "seed_note": "deterministic method: no random numbers"}
        if self.A is not None:
            out.update(augmented_size=int(self.A.shape[0]), levels=len(self.sizes))
        if self._exact_coefficients(self.case.t0) is not None:
            out["error_vs_exact"] = "relative l1, l2, linf norms of the coefficient vector (degree <= N) against " \
                                    "the exact BKW coefficients"
        return out

    def checkpoint_extra(self) -> dict:
        return {"propagations": self.propagations, "rhs_evaluations": self.rhs_evaluations}

    def restore_extra(self, extra: dict) -> None:
        self.propagations = int(extra.get("propagations", 0))
        self.rhs_evaluations = int(extra.get("rhs_evaluations", 0))

    def finish(self, record, y, t) -> None:
        case, s, summary = self.case, record.series, record.summary
        statistics = {"method": self.params.method, "basis_size": len(self.basis), "propagations": self.propagations}
        if self.A is not None:
            statistics.update(augmented_size=int(self.A.shape[0]), levels=len(self.sizes))
        else:
            statistics.update(rtol=mh.DOP853_RTOL, atol=mh.DOP853_ATOL, rhs_evaluations=self.rhs_evaluations)
        summary["solver_statistics"] = statistics
        highlights = {"E_N at t0": s["relative_l2"][0], "E_N at the end": s["relative_l2"][-1]}
        if "second_moments_exact" in s:
            error = max(float(np.abs(np.array(P) - np.array(Q)).max())
                        for P, Q in zip(s["second_moments"], s["second_moments_exact"]))
            summary["second_moment_law_error_max"] = highlights["second-moment law error (max)"] = error
        if self._exact_coefficients(case.t0) is not None:
            times = np.asarray(s["times"], dtype=float)
            summary["relative_l2_exact"] = [mh.bkw_relative_l2(bkw_K(case, time), case.d) for time in times]
            linf = s["error_vs_exact"]["linf"]
            highlights["coefficient error vs BKW (relative linf, max)"] = max(
                math.inf if value is None else value for value in linf)
        elif case.name == "aniso3d":
            summary["relative_l2_exact_initial"] = mh.gaussian_relative_l2(
                np.diag(case.exact_second_moments(case.t0)) if case.exact_second_moments is not None
                else np.diag(mh.moments(self.problem.initial, self.basis)[2]))
        summary["highlights"] = highlights

    def _slice(self, y, t):
        """(axis, f_N, exact or None) on the v₁ axis, SLICE_POINTS points in [−L, L]."""
        case = self.case
        axis = np.linspace(-case.L, case.L, SLICE_POINTS)
        points = np.zeros((len(axis), case.d))
        points[:, 0] = axis
        numeric = mh.reconstruct(self.coefficients(y), self.basis, points)
        exact = np.asarray(case.exact_density(points, t), dtype=float) if case.exact_density is not None else None
        return axis, numeric, exact

    def fields(self, y, t) -> dict:
        axis, numeric, exact = self._slice(y, t)
        out = {"multi_indices": (("coefficient", "axis"), self.basis.indices),
               "coefficients": (("coefficient",), self.coefficients(y)),
               "slice_axis": (("slice_point",), axis), "slice_density": (("slice_point",), numeric)}
        if exact is not None:
            out["slice_density_exact"] = (("slice_point",), exact)
        return out

    def figures(self, record, y, t, out_dir: Path) -> None:
        out_dir = Path(out_dir)
        _plot_relative_l2(record, out_dir / "relative_l2.png")
        if "second_moments_exact" in record.series:
            _plot_second_moments(record, out_dir / "second_moments.png")
        axis, numeric, exact = self._slice(y, t)
        fig.density_slice(axis, numeric, exact, out_dir / "density_slice.png",
                          f"{self.case.name}, degree {self.basis.degree}, t = {t:.3g}: f_N on the v₁ axis")


def _plot_relative_l2(record, path: Path) -> None:
    plt = fig.pyplot()
    s = record.series
    t = np.asarray(s["times"], dtype=float)
    figure, ax = plt.subplots(figsize=(6.4, 4))
    ax.semilogy(t, np.asarray(s["relative_l2"], dtype=float), marker=".",
                label=f"E_N(t), |α| ≤ {record.params['parameters']['degree']}")
    if "relative_l2_exact" in record.summary:
        ax.semilogy(t, record.summary["relative_l2_exact"], "--", label="E(t) of the exact BKW solution")
    ax.set(xlabel="t", ylabel="E", title=f"{record.case}: relative L² distance to m")
    ax.legend(fontsize=8)
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)


def _plot_second_moments(record, path: Path) -> None:
    plt = fig.pyplot()
    s = record.series
    t = np.asarray(s["times"], dtype=float)
    P, law = np.array(s["second_moments"], dtype=float), np.array(s["second_moments_exact"], dtype=float)
    figure, ax = plt.subplots(figsize=(6.4, 4))
    for i in range(P.shape[1]):
        line, = ax.plot(t, law[:, i, i], lw=1, label=f"P_{i + 1}{i + 1} closed form")
        ax.plot(t, P[:, i, i], ".", color=line.get_color(), label=f"P_{i + 1}{i + 1} from the coefficients")
    ax.set(xlabel="t", ylabel="second moments", title=f"{record.case}: second-moment law (004 Proposition 2)")
    ax.legend(fontsize=8)
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)
