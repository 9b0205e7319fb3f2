"""The blob (deterministic particle) solver of the ε-Landau equation on the solver platform.

Particles as in the literature (DESIGN.md §5): one per cell centre of [−L, L]^d, weight
h^d f₀(centre) (cells where f₀ = 0 carry no particle), Gaussian mollifier with
ε = 0.64 h^{1.98} unless given. Recorded every ``record_every`` steps: mass, momentum, energy
Σ w_p|v_p|², the second-moment matrix, H_ε (midpoint rule on the grid), D_ε from its double-sum
formula (000_2c86dc742ea51118.txt Remark 29; with the moment-form and FMM pair sums rewritten by
pair symmetry as −Σ_p w_p F_p·u_p, see ``BlobSystem.dissipation``), and, where the case has an
exact solution valid for the parameters, relative discrete L¹, L², L^∞ errors of
f_N = Σ w_p ψ_ε(· − v_p) on the grid.

Inputs that would run but mean nothing are refused before computing:
- the box must hold the data: the outermost layer of cells may carry at most
  ``BOUNDARY_MASS_TOLERANCE`` of the captured mass, and the captured mass must agree with the
  midpoint rule on the grid refined twice to ``RESOLUTION_TOLERANCE`` (else h does not resolve
  f₀ and the weights are not a quadrature of it);
- the mollifier's length ℓ (√ε for the Gaussian, whose ε is a variance; ε for the exponential
  kernel, a length) must lie in [h/4, L]: narrower, the midpoint rule on the grid no longer
  integrates ψ_ε (the blob entropy diverges, measured in :func:`default_eps`); wider than the
  box, f_ε is flat over it and H_ε says nothing about f.
The solver stops a run whose mass, momentum or energy drifts beyond ``INVARIANT_TOLERANCE``
(relative): the semi-discrete system conserves all three, RK4 keeps mass and momentum to
round-off and the energy to O(Δt⁴), so a larger drift is a blow-up (e.g. Δt far above the
stiffness of the flow).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .. import figures as fig
from ..core.parameters import param
from ..core.registry import register
from ..core.solver import Solver, TimeGrid
from ..grid import CellGrid
from ..norms import relative_errors
from ..time_integration import SCHEMES, get_scheme
from . import pair_sum_fmm
from .system import INTERACTIONS, KERNELS, BlobSystem

BOUNDARY_MASS_TOLERANCE = 1e-2
RESOLUTION_TOLERANCE = 1e-2
INVARIANT_TOLERANCE = {"mass": 1e-10, "momentum": 1e-8, "energy": 1e-2}
BYTES_PER_PARTICLE = 8 * 40  # positions, 4 RK stages, F, velocities, weights, bins (d ≤ 3)


def default_eps(h: float, kernel: str = "gaussian") -> float:
    """Default mollifier parameter.

    Gaussian: ε = 0.64 h^{1.98}, the literature's choice (ε a variance; DESIGN.md §5).
    Exponential kernel G^ε of seed 000 (ε a length): ε = 0.6 h. Measured on bkw2d at T = 5
    (n = 16, 24, 32): relative L² errors 0.24, 0.17, 0.13 for 0.6h (first order); 0.45, 0.49,
    0.51 for 0.3h and divergence for ε ∝ h² (the kernel becomes narrower than the quadrature
    grid); 0.37, 0.26, 0.19 for 1.0h.
    """
    return 0.64 * h**1.98 if kernel == "gaussian" else 0.6 * h


def mollifier_length(eps: float, kernel: str) -> float:
    """The length scale of ψ_ε: √ε for the Gaussian (ε a variance), ε for the exponential kernel."""
    return math.sqrt(eps) if kernel == "gaussian" else eps


@dataclass
class BlobParameters:
    n: int | None = param(None, "cells per side (20 in 2D, 12 in 3D when omitted)", kind=int, low=2, optional=True)
    T: float = param(1.0, "duration of the run", low=0.0, low_open=True)
    dt: float = param(0.05, "time step", low=0.0, low_open=True)
    eps: float | None = param(None, "mollifier parameter (0.64 h^1.98 Gaussian, 0.6 h exponential when omitted); "
                              "its length √ε (Gaussian) or ε (exponential) must lie in [h/4, L]",
                              low=0.0, low_open=True, optional=True)
    scheme: str = param("rk4", "rk4 (explicit) or midpoint (implicit, conserves energy)", kind=str,
                        choices=tuple(SCHEMES))
    kernel: str = param("gaussian", "mollifier", kind=str, choices=tuple(KERNELS))
    L: float | None = param(None, "half-width of the box (the case's blob L when omitted)", low=0.0,
                            low_open=True, optional=True)
    record_every: int = param(1, "diagnostics every this many steps", kind=int, low=1)
    interaction: str = param("auto", "pair sum: moments (O(N), γ = 0 only), fmm (O(N log N), γ = -3 in 3D, "
                             "needs fmm3dpy), direct (O(N²), any γ), or auto (moments for γ = 0, fmm for 3D "
                             "Coulomb above the measured crossover, else direct)",
                             kind=str, choices=INTERACTIONS)

    def check(self, case) -> None:
        if case is None:
            return
        if self.interaction == "moments" and case.gamma != 0:
            raise ValueError(f"--interaction moments needs gamma = 0; case {case.name} has gamma = {case.gamma:g}")
        if self.interaction == "fmm" and (case.d != 3 or case.gamma != -3):
            raise ValueError(f"--interaction fmm needs d = 3 and gamma = -3 (Coulomb); case {case.name} has "
                             f"d = {case.d}, gamma = {case.gamma:g}")
        if self.interaction == "fmm" and not pair_sum_fmm.available():
            raise ValueError("--interaction fmm needs the fmm3dpy package (pip install fmm3dpy)")


def _cells(case, params) -> int:
    return params.n if params.n is not None else (20 if case.d == 2 else 12)


@register
class BlobSolver(Solver):
    name = "blob"
    title = "deterministic particle (blob) method for the ε-Landau equation (seed 000 §2, §5)"
    Parameters = BlobParameters
    invariants = INVARIANT_TOLERANCE

    @classmethod
    def memory_estimate(cls, case, params) -> float:
        return float(_cells(case, params)) ** case.d * BYTES_PER_PARTICLE * 2  # particles and quadrature grid

    def setup(self) -> None:
        p, case = self.params, self.case
        L = p.L if p.L is not None else case.L
        self.grid = CellGrid(case.d, _cells(case, p), float(L))
        f0 = np.asarray(case.initial_density(self.grid.points), dtype=float)
        if not np.all(np.isfinite(f0)) or np.any(f0 < 0):
            raise ValueError(f"initial density of case {case.name} has non-finite or negative values")
        self._check_box(f0)
        weights = self.grid.cell_volume * f0
        keep = weights > 0
        eps = p.eps if p.eps is not None else default_eps(self.grid.h, p.kernel)
        length = mollifier_length(eps, p.kernel)
        if not self.grid.h / 4 <= length <= self.grid.L:
            raise ValueError(f"--eps {eps:.4g} gives a mollifier length {length:.4g} outside [h/4, L] = "
                             f"[{self.grid.h / 4:.4g}, {self.grid.L:.4g}] for --n {self.grid.n}, --L {self.grid.L:g}")
        self.system = BlobSystem(self.grid, weights[keep], case.C, case.gamma, eps, p.kernel, p.interaction)
        self.step_fn = get_scheme(p.scheme)
        self.y0 = self.grid.points[keep].copy()
        self.time = TimeGrid(case.t0, p.T, p.dt, p.record_every)

    def _check_box(self, f0: np.ndarray) -> None:
        grid, case = self.grid, self.case
        mass = f0.sum() * grid.cell_volume
        if not mass > 0:
            raise ValueError(f"no particle carries mass: the initial density of {case.name} vanishes at every cell "
                             f"centre of [-{grid.L:g}, {grid.L:g}]^{grid.d} with n = {grid.n} (check --L and --n)")
        shape = (grid.n,) * grid.d
        inner = f0.reshape(shape)[(slice(1, -1),) * grid.d].sum() * grid.cell_volume
        if (mass - inner) / mass > BOUNDARY_MASS_TOLERANCE:
            raise ValueError(f"--L {grid.L:g} is too small for case {case.name}: the outermost cells hold "
                             f"{(mass - inner) / mass:.2g} of the mass (allowed {BOUNDARY_MASS_TOLERANCE:g})")
        fine = CellGrid(grid.d, 2 * grid.n, grid.L)
        fine_mass = np.asarray(case.initial_density(fine.points), dtype=float).sum() * fine.cell_volume
        if abs(fine_mass - mass) > RESOLUTION_TOLERANCE * abs(fine_mass):
            raise ValueError(f"h = {grid.h:.4g} does not resolve the initial density of {case.name}: the mass on the "
                             f"grid ({mass:.4g}) and on the grid refined twice ({fine_mass:.4g}) differ by more than "
                             f"{RESOLUTION_TOLERANCE:g} (increase --n or decrease --L)")

    def advance(self, y, dt, k):
        for _ in range(k):
            y = self.step_fn(self.system.velocities, y, dt)
        return y

    def diagnostics(self, v, t) -> dict:
        s = self.system
        density, F = s.density_and_gradient(v)
        w = s.w
        out = {
            "times": t, "mass": float(w.sum()), "momentum": (w[:, None] * v).sum(axis=0),
            "energy": float((w * (v * v).sum(axis=1)).sum()), "second_moments": np.einsum("p,pi,pj->ij", w, v, v),
            "entropy": s.entropy(density), "dissipation": s.dissipation(v, F),
        }
        if self.case.exact_density is not None:
            out.update(relative_errors(density, self.case.exact_density(self.grid.points, t), prefix="error_"))
        return out

    def record_params(self) -> dict:
        s, g = self.system, self.grid
        return {"L": g.L, "n": g.n, "h": g.h, "particles": len(s.w), "eps": s.eps, "kernel": self.params.kernel,
                "scheme": self.params.scheme, "interaction": s.interaction,
                "entropy": "H_eps = h^d sum_c f_c log f_c, f_c = sum_q w_q psi_eps(u_c - v_q) (midpoint rule)",
                "energy": "sum_p w_p |v_p|^2", "seed_note": "deterministic method: no random numbers"}

    def finish(self, record, v, t) -> None:
        case, w = self.case, self.system.w
        if case.exact_fourth_moment is not None:
            record.summary["fourth_moment"] = float((w * (v * v).sum(axis=1) ** 2).sum())
            record.summary["fourth_moment_exact"] = float(case.exact_fourth_moment(t))
        if case.exact_second_moments is not None:
            record.summary["second_moments_exact"] = [case.exact_second_moments(s).tolist()
                                                      for s in record.series["times"]]

    def fields(self, v, t) -> dict:
        out = {"positions": (("particle", "component"), v), "weights": (("particle",), self.system.w),
               "grid_points": (("grid_point", "component"), self.grid.points),
               "density": (("grid_point",), self.system.density(v))}
        if self.case.exact_density is not None:
            out["exact_density"] = (("grid_point",), self.case.exact_density(self.grid.points, t))
        return out

    def figures(self, record, v, t, out_dir: Path) -> None:
        s = record.series
        fig.entropy_and_dissipation(s["times"], s["entropy"], s["dissipation"], out_dir / "entropy_dissipation.png")
        fig.conservation_drift(s["times"], s["mass"], s["momentum"], s["energy"], out_dir / "conservation.png")
        grid = self.grid
        middle = int(np.argmin(np.abs(grid.axis)))
        index = (slice(None),) + (middle,) * (grid.d - 1)
        shape = (grid.n,) * grid.d
        exact = self.case.exact_density(grid.points, t) if self.case.exact_density is not None else None
        fig.density_slice(grid.axis, self.system.density(v).reshape(shape)[index],
                          None if exact is None else exact.reshape(shape)[index], out_dir / "density_slice.png",
                          f"{self.case.name}, t = {t:.3g}: slice through v₂ ≈ {grid.axis[middle]:.2g}")
