"""The homogeneous Boltzmann equation ∂ₜf = Q_B(f, f) (001_213bc0b3a2bddff3.txt (1.1)) on the
solver platform: the fast spectral operator of :mod:`.operator`, RK4 with a fixed step.

Kernel: B = |z|^γ b(θ), β = sin θ·b symmetrised to [0, π/2] (DESIGN.md §8), chosen by ``--kernel``
(maxwell, cutoff, power, grazing, coulomb; see :mod:`.angular`), γ the case's unless overridden.
The Landau cases carry a Landau collision constant C; it does not enter here (a Boltzmann kernel
fixes its own Landau limit C_β = (π/8)∫θ²β, recorded as ``landau_limit_C``).

Exact references: for BKW cases (``bkw2d``, ``bkw3d``) and γ = 0 the BKW profile with the case's
initial K₀ and the kernel's own rate, K(t) = 1 − (1 − K₀)e^{−μ(t−t₀)}, μ = ¼∫b(1 − (k·σ)²)dσ
(Bobylev; 1/6 for the isotropic kernel in 3D, where it coincides with the Landau case at
C = 1/24); for ``aniso3d`` and γ = 0 the second moments Σ(t) = Σ∞ − (Σ∞ − Σ₀)e^{−3μt}
(verified in ``landau_sym.identities.boltzmann_maxwell``).

Recorded every ``record_every`` steps: mass, momentum, energy, second moments, entropy H, the
dissipation D_B = −∫Q_B(f) log f (the entropy decay rate), the minimum of f and the errors
against the exact references. Mass, momentum and energy are conserved up to the spectral and
sphere-rule accuracy of Q_B (not to round-off); ``INVARIANT_TOLERANCE`` is a blow-up detector.
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
from .angular import KERNELS, AngularKernel
from .operator import LEBEDEV_ORDERS, BoltzmannOperator, default_cutoff_radius

RK4_STABILITY = 2.78
DEFAULT_DT_FRACTION = 0.5
MAX_DT = 0.1
INVARIANT_TOLERANCE = {"mass": 1e-3, "energy": 1e-2}
CASES = ("bkw2d", "bkw3d", "aniso3d", "coulomb2d")


@dataclass
class BoltzmannParameters:
    kernel: str = param("maxwell", "angular kernel b (seed 001 conventions, symmetrised to [0, π/2])",
                        kind=str, choices=KERNELS)
    nu: float = param(0.5, "singularity β ~ θ^(−1−ν) of the power, cutoff and grazing kernels", low=0.0, high=2.0,
                      low_open=True)
    eps: float = param(0.5, "grazing parameter ε of the grazing (β^ε) and coulomb (Remark 2.6) kernels", low=0.0,
                       high=1.0, low_open=True)
    theta_c: float = param(0.2, "cut-off angle of the cutoff kernel", low=0.0, high=1.5, low_open=True)
    n: int | None = param(None, "grid points per side (64 in 2D, 24 in 3D when omitted)", kind=int, low=4,
                          optional=True)
    L: float | None = param(None, "half-width of the periodic box (the case's grid L when omitted)", low=0.0,
                            low_open=True, optional=True)
    R: float | None = param(None, "truncation of |v − v*| (4L/(3+√2) when omitted)", low=0.0, low_open=True,
                            optional=True)
    n_rho: int | None = param(None, "radial Gauss–Jacobi nodes (n when omitted)", kind=int, low=1, optional=True)
    sphere_degree: int | None = param(None, "Lebedev order (3D; 17 when omitted) or half-circle nodes (2D; n)",
                                      kind=int, low=1, optional=True)
    gamma: float | None = param(None, "override the case's γ (exact references are then dropped)", low=-4.0,
                                high=1.0, optional=True)
    T: float = param(1.0, "duration of the run", low=0.0, low_open=True)
    dt: float | None = param(None, "time step (0.5 of the RK4 estimate, at most 0.1, when omitted)", low=0.0,
                             low_open=True, optional=True)
    record_every: int = param(1, "diagnostics every this many steps", kind=int, low=1)

    def check(self, case) -> None:
        if case.d == 3 and self.sphere_degree is not None and self.sphere_degree not in LEBEDEV_ORDERS:
            raise ValueError(f"--sphere-degree must be a Lebedev order {LEBEDEV_ORDERS} in 3D, got {self.sphere_degree}")
        if case.d == 2 and self.kernel != "maxwell":
            raise ValueError(f"--kernel {self.kernel!r}: in 2D only 'maxwell' is available")
        if self.kernel == "coulomb" and self.eps >= 1.0:
            raise ValueError(f"--eps must be < 1 for the coulomb kernel, got {self.eps}")
        if self.n is not None and self.n % 2:
            raise ValueError(f"--n must be even, got {self.n}")


def _points(case, params) -> int:
    return params.n if params.n is not None else (64 if case.d == 2 else 24)


@register
class BoltzmannSolver(Solver):
    name = "boltzmann"
    title = "homogeneous Boltzmann equation, fast spectral method (seed 001 kernels, RK4)"
    Parameters = BoltzmannParameters
    cases = CASES
    invariants = INVARIANT_TOLERANCE

    @classmethod
    def memory_estimate(cls, case, params) -> float:
        n, d = _points(case, params), case.d
        nodes = 50 if d == 3 else (params.sphere_degree or n)
        return float(n) ** d * 16 * (3 * nodes + 30)

    def setup(self) -> None:
        p = self.params
        self.case = case = self.case.overridden(gamma=p.gamma)
        self.kernel = AngularKernel(p.kernel, d=case.d, nu=p.nu, eps=p.eps, theta_c=p.theta_c)
        L = p.L if p.L is not None else (case.spectral_L or case.L)
        self.grid = CellGrid(case.d, _points(case, p), float(L))
        self.operator = BoltzmannOperator(self.grid, self.kernel, case.gamma, R=p.R, n_rho=p.n_rho,
                                          sphere_degree=p.sphere_degree)
        f0 = np.asarray(case.initial_density(self.grid.points), dtype=float).reshape((self.grid.n,) * case.d)
        if not np.all(np.isfinite(f0)) or np.any(f0 < 0):
            raise ValueError(f"initial density of case {case.name} is not a finite non-negative array")
        self.rate = self.kernel.bkw_rate()
        Q0 = self.operator(f0)
        self._stability = RK4_STABILITY * float(np.abs(f0).max()) / max(float(np.abs(Q0).max()), 1e-300)
        dt = p.dt if p.dt is not None else min(DEFAULT_DT_FRACTION * self._stability, MAX_DT)
        self.y0 = f0
        self.time = TimeGrid(case.t0, p.T, dt, p.record_every)

    def advance(self, f, dt, k):
        for _ in range(k):
            f = rk4_step(self.operator.apply, f, dt)
        return f

    # --- exact references ----------------------------------------------------------------------
    def _exact_density(self, t: float):
        case = self.case
        if "c0" not in case.parameters or case.gamma != 0.0:
            return None
        from ..cases import bkw_K
        from ..kernels import get_kernel

        K0 = bkw_K(case, case.t0)
        K = 1 - (1 - K0) * math.exp(-self.rate * (t - case.t0))
        density = get_kernel("bkw_density", case.d)
        return np.array([density(*x, K) for x in self.grid.points]).reshape((self.grid.n,) * case.d)

    def _exact_second_moments(self, t: float):
        case = self.case
        if case.name != "aniso3d" or case.gamma != 0.0:
            return None
        sigma0 = case.exact_second_moments(case.t0)
        inf = np.trace(sigma0) / case.d * np.eye(case.d)
        return inf - (inf - sigma0) * math.exp(-2 * case.d * self.rate / (case.d - 1) * (t - case.t0))

    def diagnostics(self, f, t) -> dict:
        grid = self.grid
        Qf = self.operator(f)
        positive = np.where(f > 0, f, 1.0)
        out = {"times": t, "mass": fn.mass(f, grid), "momentum": fn.momentum(f, grid), "energy": fn.energy(f, grid),
               "second_moments": fn.second_moments(f, grid), "entropy": fn.entropy(f, grid),
               "dissipation": float(-np.sum(Qf * np.log(positive) * (f > 0)) * grid.cell_volume),
               "min_density": float(f.min())}
        exact = self._exact_density(t)
        if exact is not None:
            out.update(relative_errors(f, exact, prefix="error_"))
        sigma = self._exact_second_moments(t)
        if sigma is not None:
            out["second_moment_error"] = float(np.abs(out["second_moments"] - sigma).max())
        return out

    def record_params(self) -> dict:
        op = self.operator
        return {**op.describe(), "L": self.grid.L, "n": self.grid.n, "h": self.grid.h, "scheme": "rk4",
                "default_R": default_cutoff_radius(self.grid.L), "dt_stability_estimate": self._stability,
                "bkw_rate_mu": self.rate, "landau_limit_C": self.kernel.landau_constant() if self.case.d == 3 else None,
                "case_overrides": dict(self.case.overrides),
                "exact_references": (["bkw_density (kernel rate)"] if self._exact_density(self.case.t0) is not None
                                     else []) + (["second_moments"] if self.case.name == "aniso3d"
                                                 and self.case.gamma == 0.0 else []),
                "entropy": "H = h^d sum f log f", "dissipation": "D_B = -h^d sum Q_B(f) log f",
                "seed_note": "deterministic method: no random numbers"}

    def stability_limit(self) -> float:
        return self._stability

    def finish(self, record, f, t) -> None:
        s = record.series
        H = [h for h in s["entropy"] if h is not None]
        record.summary["entropy_decreasing"] = bool(all(b <= a + 1e-12 for a, b in zip(H, H[1:])))
        record.summary["highlights"] = {"entropy H": [H[0], H[-1]], "dissipation D_B": [s["dissipation"][0],
                                                                                      s["dissipation"][-1]]}

    def fields(self, f, t) -> dict:
        axes = tuple(f"v{a + 1}" for a in range(self.grid.d))
        return {"density": (axes, f), "axis": (("grid_axis",), self.grid.axis)}

    def figures(self, record, f, t, out_dir: Path) -> None:
        s = record.series
        fig.time_series_panels(s["times"], {"entropy H": s["entropy"], "dissipation D_B": s["dissipation"]},
                               out_dir / "dissipation.png", f"boltzmann {self.case.name}")
        fig.conservation_drift(s["times"], s["mass"], s["momentum"], s["energy"], out_dir / "conservation.png")
