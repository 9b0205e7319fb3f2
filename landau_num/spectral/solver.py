"""The spectral (grid) solver of the Landau equation on the solver platform.

The density f lives on the cell-centred grid of [−L, L]^d; ∂ₜf = Q(f) (:mod:`.operator`) is
integrated by RK4 with a fixed step. Its stability estimate is 2.78/λ (the extent of RK4's
stability region on the negative real axis), λ = Σ_a max(ā_aa)(π/h)² + Σ_a max|b̄_a|π/h from the
initial data; the default step is 0.8 of it (at most ``MAX_DT`` for accuracy), and a requested
step above the estimate is refused before computing.

Every ``record_every`` steps the record gets mass, momentum, energy ∫|v|²f, second moments, H,
the Fisher information I, D_op = −∫Q(f)log f, D_pair (the symmetric double integral, by
convolutions), dI/dt from the operator, the weighted and cross Fisher informations of seed 000
Theorem 41 (weight ⟨v⟩^γ), E = ∫(f/m − 1)²m against the Maxwellian m with the mass, momentum and
energy of f (:func:`landau_num.functionals.relative_l2_distance`), whether the grid resolves f
(functionals that need derivatives of log f are null where it does not), the minimum of f and
the negative mass (loss of positivity is recorded, not hidden), and relative L¹, L², L^∞ errors
where the case has an exact solution valid for the parameters (an overridden γ drops them).

Mass is conserved to round-off (the divergence of a periodic flux has zero mean) and RK4 keeps
linear invariants; momentum and energy are conserved to the accuracy of the spectral derivatives
(to round-off on resolved grids, measured 1e-10 on coulomb2d at n = 48; 1e-4 per step on bkw2d at
n = 16, h = 1). ``INVARIANT_TOLERANCE`` is therefore a blow-up detector, not an accuracy claim: a
relative drift beyond it stops the run; the drift itself is in every record's summary.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .. import figures as fig
from .. import functionals as fn
from ..core.parameters import param
from ..core.registry import register
from ..core.solver import Solver, TimeGrid
from ..grid import CellGrid
from ..norms import relative_errors
from ..time_integration import rk4_step
from .operator import SpectralLandau

RK4_STABILITY = 2.78
DEFAULT_DT_FRACTION = 0.8
MAX_DT = 0.05
TAIL_TOLERANCE = 1e-6
INVARIANT_TOLERANCE = {"mass": 1e-9, "momentum": 1e-6, "energy": 1e-2}


@dataclass
class SpectralParameters:
    n: int | None = param(None, "grid points per side (64 in 2D, 32 in 3D when omitted)", kind=int, low=8,
                          optional=True)
    T: float = param(1.0, "duration of the run", low=0.0, low_open=True)
    dt: float | None = param(None, "time step (0.8 of the RK4 stability estimate, at most 0.05, when omitted; "
                             "a step above the estimate is refused)", low=0.0, low_open=True, optional=True)
    L: float | None = param(None, "half-width of the box (the case's grid L when omitted)", low=0.0, low_open=True,
                            optional=True)
    gamma: float | None = param(None, "override the case's γ (exact references are then dropped)", low=-3.0,
                                high=1.0, optional=True)
    record_every: int = param(1, "diagnostics every this many steps", kind=int, low=1)


def _points(case, params) -> int:
    return params.n if params.n is not None else (64 if case.d == 2 else 32)


def boundary_mass_fraction(f: np.ndarray) -> float:
    """Fraction of the mass in the outermost layer of cells (a proxy for the mass outside the box)."""
    inner = f[tuple(slice(1, -1) for _ in range(f.ndim))]
    total = f.sum()
    return float((total - inner.sum()) / total) if total > 0 else 0.0


@register
class SpectralSolver(Solver):
    name = "spectral"
    title = "fast spectral Landau solver on a uniform grid (FFT convolutions, RK4)"
    Parameters = SpectralParameters
    invariants = INVARIANT_TOLERANCE

    @classmethod
    def memory_estimate(cls, case, params) -> float:
        d, n = case.d, _points(case, params)
        padded = float(2 * n) ** d * 8
        return padded * (d * d + d * (d + 1) / 2 + 4 * d) + float(n) ** d * 8 * 24

    def setup(self) -> None:
        p = self.params
        self.case = case = self.case.overridden(gamma=p.gamma)
        L = p.L if p.L is not None else (case.spectral_L or case.L)
        self.grid = CellGrid(case.d, _points(case, p), float(L))
        shape = (self.grid.n,) * case.d
        f0 = np.asarray(case.initial_density(self.grid.points), dtype=float).reshape(shape)
        if not np.all(np.isfinite(f0)):
            raise ValueError(f"initial density of case {case.name} has non-finite values")
        if np.any(f0 < 0):
            raise ValueError(f"initial density of case {case.name} is negative somewhere (min {f0.min():.3e})")
        tail = boundary_mass_fraction(f0)
        if tail > TAIL_TOLERANCE:
            raise ValueError(f"--L {L:g} is too small for case {case.name}: {tail:.2e} of the mass lies in the "
                             f"outermost cells (allowed {TAIL_TOLERANCE:.0e}); increase L")
        self.operator = SpectralLandau(self.grid, case.C, case.gamma)
        self._stability = RK4_STABILITY / self._spectral_radius(f0)
        dt = p.dt if p.dt is not None else min(DEFAULT_DT_FRACTION * self._stability, MAX_DT)
        self.y0 = f0
        self.time = TimeGrid(case.t0, p.T, dt, p.record_every)

    def _spectral_radius(self, f: np.ndarray) -> float:
        op = self.operator
        a_bar = op.diffusion_matrix(f)
        b_bar = op.matrix_convolve(op.gradient(f))
        d, h = self.grid.d, self.grid.h
        return (sum(np.abs(a_bar[(a, a)]).max() for a in range(d)) * (math.pi / h) ** 2
                + sum(np.abs(b).max() for b in b_bar) * math.pi / h)

    def stability_limit(self) -> float:
        return self._stability

    def advance(self, f, dt, k):
        for _ in range(k):
            f = rk4_step(self.operator.apply, f, dt)
        return f

    def diagnostics(self, f, t) -> dict:
        op, grid, gamma = self.operator, self.grid, self.case.gamma
        Qf = op(f)
        resolution = fn.resolution_report(f)
        out = {
            "times": t, "mass": fn.mass(f, grid), "momentum": fn.momentum(f, grid), "energy": fn.energy(f, grid),
            "second_moments": fn.second_moments(f, grid), "entropy": fn.entropy(f, grid),
            "fisher": fn.fisher_information(f, op), "fisher_weighted": fn.weighted_fisher_information(f, op, gamma),
            "fisher_cross": fn.cross_fisher_information(f, op, gamma),
            "dissipation": fn.entropy_dissipation_operator(f, op, Qf),
            "dissipation_pair": fn.entropy_dissipation_convolution(f, op),
            "fisher_rate": fn.fisher_dissipation_rate(f, op, Qf),
            "relative_l2_distance": fn.relative_l2_distance(f, grid),
            "resolved": resolution["resolved"], "spectral_tail": resolution["spectral_tail"],
            "min_density": float(f.min()), "negative_mass": float(-f[f < 0].sum() * grid.cell_volume),
        }
        if self.case.exact_density is not None:
            exact = self.case.exact_density(grid.points, t).reshape(f.shape)
            out.update(relative_errors(f, exact, prefix="error_"))
        return out

    def record_params(self) -> dict:
        g = self.grid
        return {"L": g.L, "n": g.n, "h": g.h, "scheme": "rk4", "dt_stability_estimate": self._stability,
                "case_overrides": dict(self.case.overrides), "exact_references": self.case.references(),
                "entropy": "H = h^d sum f log f (midpoint rule)", "energy": "integral of |v|^2 f",
                "relative_l2_distance": "E = int (f/m - 1)^2 m, m the Maxwellian with the mass, momentum and "
                                        "energy of f",
                "seed_note": "deterministic method: no random numbers"}

    def finish(self, record, f, t) -> None:
        series = record.series
        negative = [s for s, m in zip(series["times"], series["min_density"]) if m is not None and m < 0]
        record.summary["positivity_lost_at"] = negative[0] if negative else None
        unresolved = [s for s, ok in zip(series["times"], series["resolved"]) if not ok]
        record.summary["under_resolved_at"] = unresolved[0] if unresolved else None
        record.summary["highlights"] = {"Fisher information I": [series["fisher"][0], series["fisher"][-1]],
                                        "positivity lost at t": record.summary["positivity_lost_at"],
                                        "under-resolved from t": record.summary["under_resolved_at"]}

    def fields(self, f, t) -> dict:
        axes = tuple(f"v{a + 1}" for a in range(self.grid.d))
        out = {"density": (axes, f), "axis": (("grid_axis",), self.grid.axis)}
        if self.case.exact_density is not None:
            out["exact_density"] = (axes, self.case.exact_density(self.grid.points, t).reshape(f.shape))
        return out

    def figures(self, record, f, t, out_dir: Path) -> None:
        s = record.series
        fig.time_series_panels(s["times"], {"entropy H": s["entropy"], "dissipation D": s["dissipation"],
                                            "Fisher information I": s["fisher"],
                                            "relative L² distance E": s["relative_l2_distance"]},
                               out_dir / "dissipation.png", f"spectral {self.case.name}")
        fig.conservation_drift(s["times"], s["mass"], s["momentum"], s["energy"], out_dir / "conservation.png")
