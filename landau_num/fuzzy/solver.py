"""The fuzzy Landau solver (002_5194c2b1fb63adc7.txt (1.1)) on T^{d_x} × [−L, L]^d on the platform.

∂ₜf + v·∇ₓf = Q_fuz(f) is split (Strang, order 2): half a step of exact free transport in
Fourier in x (:func:`.spatial.free_transport`), one RK4 step of ∂ₜf = Q̃_fuz(f)
(:class:`.operator.FuzzyLandau`, conservative), half a step of transport; consecutive half steps
within a record interval are merged. The transport step is exact and unconditionally stable; the
collision step has the spectral solver's RK4 estimate 2.78/λ, λ = Σ_a max ā_aa(π/h)² +
Σ_a max|b̄_a|π/h over all cells at t = 0; the default step is 0.8 of it (at most ``MAX_DT``) and a
requested step above it is refused. ``--no-transport`` solves the spatially frozen equation
∂ₜf = Q_fuz(f) (the collision step alone: the flow of the per-cell moment laws).

Conservation: the transport step leaves the x-average of f at every v unchanged and the
conservative operator has zero global mass, momentum and energy moments, and RK4 keeps linear
invariants, so the global invariants are conserved to round-off (measured: drifts of 1e-15 to
1e-14). ``INVARIANT_TOLERANCE`` stops a run that loses that (a blow-up detector); with
``--no-conservative`` the tolerances are those of the spectral solver, since the operator's
box-truncation defect (recorded as ``energy_defect``) then drives the energy.

Records: global mass, momentum, energy, second moments; per-cell density, bulk velocity and
temperature (``density_x``, ``velocity_x``, ``temperature_x``); H; D_op and D_pair
(:mod:`.diagnostics`); the two Fisher terms of Lemma 2.6 with the ratio (I_γ + I_×)/(1 + D) and
the printed constant (a₀⁻² + 1)‖f‖_{L¹_{0,2+|γ|}}; the relative defect the conservative
correction removed; min f and the negative mass.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .. import figures as fig
from ..core.parameters import param
from ..core.registry import register
from ..core.solver import Solver, TimeGrid
from ..grid import CellGrid
from ..spectral.solver import TAIL_TOLERANCE, boundary_mass_fraction
from ..time_integration import rk4_step
from . import diagnostics as dg
from .operator import FuzzyLandau
from .spatial import KERNELS, SpatialKernel, TorusGrid, free_transport

RK4_STABILITY = 2.78
DEFAULT_DT_FRACTION = 0.8
MAX_DT = 0.05
INVARIANT_TOLERANCE = {"mass": 1e-10, "momentum": 1e-10, "energy": 1e-8}
UNCORRECTED_TOLERANCE = {"mass": 1e-9, "momentum": 1e-6, "energy": 1e-2}
FUZZY_CASES = ("fuzzy-shear", "fuzzy-local-maxwellians", "fuzzy-average")


@dataclass
class FuzzyParameters:
    nx: int = param(11, "cells per side of the torus (odd: no Nyquist mode in x)", kind=int, low=3)
    n: int = param(28, "velocity grid points per side", kind=int, low=8)
    dx: int = param(1, "spatial dimension d_x of the torus (the datum varies along x1)", kind=int, low=1, high=3)
    kernel: str | None = param(None, "spatial kernel κ (the case's, else exponential, when omitted)",
                               kind=str, choices=KERNELS, optional=True)
    sigma: float = param(0.5, "kernel width σ (exponential: κ ∝ exp(-<x/√σ>), Remark 2.2; gaussian: "
                         "variance σ)", low=0.0, low_open=True)
    T: float = param(1.0, "duration of the run", low=0.0, low_open=True)
    dt: float | None = param(None, "time step (0.8 of the RK4 stability estimate of the collision step, at most "
                             "0.05, when omitted; a step above the estimate is refused)", low=0.0, low_open=True,
                             optional=True)
    L: float | None = param(None, "half-width of the velocity box (the case's when omitted)", low=0.0,
                            low_open=True, optional=True)
    gamma: float | None = param(None, "override the case's γ (the seed's range (-3, 1])", low=-3.0, low_open=True,
                                high=1.0, optional=True)
    record_every: int = param(5, "diagnostics every this many steps", kind=int, low=1)
    transport: bool = param(True, "include the transport v·∇x f (--no-transport: the spatially frozen equation)",
                            kind=bool)
    conservative: bool = param(True, "remove the box-truncation defect of the global invariants", kind=bool)

    def check(self, case) -> None:
        if self.nx % 2 == 0:
            raise ValueError(f"--nx must be odd (no Nyquist mode in x), got {self.nx}")
        if case is not None and self.dx > case.d:
            raise ValueError(f"--dx {self.dx} exceeds the velocity dimension {case.d} of case {case.name}")


@register
class FuzzySolver(Solver):
    name = "fuzzy"
    title = "fuzzy Landau equation on torus x velocity grid (Strang splitting: exact transport, RK4 collisions)"
    Parameters = FuzzyParameters
    cases = FUZZY_CASES
    invariants = INVARIANT_TOLERANCE

    @classmethod
    def memory_estimate(cls, case, params) -> float:
        cells = float(params.nx) ** params.dx
        velocity = float(params.n) ** case.d
        padded = float(2 * params.n) ** case.d
        # per cell: the padded transforms of one operator call (≈ 2d + 2 complex half-spectra alive),
        # and ≈ 40 phase-space arrays (RK4 stages, gradients, fluxes, fields)
        return cells * (padded * 8 * (2 * case.d + 2) + velocity * 8 * 40)

    def setup(self) -> None:
        p = self.params
        self.case = case = self.case.overridden(gamma=p.gamma)
        self.torus = TorusGrid(p.dx, p.nx, float(case.parameters["torus_length"]))
        L = p.L if p.L is not None else (case.spectral_L or case.L)
        self.velocity_grid = CellGrid(case.d, p.n, float(L))
        kind = p.kernel if p.kernel is not None else case.parameters.get("kernel", "exponential")
        self.kernel = SpatialKernel(self.torus, kind, p.sigma)
        self.operator = FuzzyLandau(self.torus, self.velocity_grid, self.kernel, case.C, case.gamma, p.conservative)
        f0 = np.asarray(case.phase_density(self.torus.points, self.velocity_grid.points), dtype=float)
        f0 = f0.reshape(self.operator.shape)
        if not np.all(np.isfinite(f0)) or np.any(f0 < 0):
            raise ValueError(f"initial density of case {case.name} is not finite and non-negative")
        tail = max(boundary_mass_fraction(cell) for cell in f0.reshape((-1,) + f0.shape[p.dx:]))
        if tail > TAIL_TOLERANCE:
            raise ValueError(f"--L {L:g} is too small for case {case.name}: {tail:.2e} of a cell's mass lies in the "
                             f"outermost velocity cells (allowed {TAIL_TOLERANCE:.0e}); increase L")
        if not p.conservative:
            self.invariants = UNCORRECTED_TOLERANCE
        self._stability = RK4_STABILITY / self.operator.spectral_radius(f0)
        dt = p.dt if p.dt is not None else min(DEFAULT_DT_FRACTION * self._stability, MAX_DT)
        self.y0 = f0
        self.time = TimeGrid(case.t0, p.T, dt, p.record_every, chunk=p.record_every)

    def stability_limit(self) -> float:
        return self._stability

    def _transport(self, f, tau):
        if not self.params.transport:
            return f
        return free_transport(f, self.torus, self.operator.velocity_axes()[: self.torus.dx], tau)

    def advance(self, f, dt, k):
        f = self._transport(f, 0.5 * dt)
        for step in range(k):
            f = rk4_step(self.operator.apply, f, dt)
            f = self._transport(f, dt if step < k - 1 else 0.5 * dt)
        return f

    def diagnostics(self, f, t) -> dict:
        op, gamma = self.operator, self.case.gamma
        moments = op.global_moments(f)
        Qf = op(f)
        hydro = dg.hydrodynamic_fields(f, op)
        D_pair = dg.dissipation_pair(f, op)
        weighted, cross = dg.fisher_terms(f, op, gamma)
        defect = op.conservation_defect(f)
        return {
            "times": t, "mass": moments[0], "momentum": moments[1:-1], "energy": moments[-1],
            "second_moments": dg.global_second_moments(f, op), "entropy": dg.entropy(f, op),
            "dissipation": dg.dissipation_operator(f, op, Qf), "dissipation_pair": D_pair,
            "fisher_weighted": weighted, "fisher_cross": cross,
            "lemma26_ratio": (weighted + cross) / (1 + D_pair),
            "lemma26_constant": dg.lemma26_constant(f, op, gamma),
            "density_x": hydro["density"], "temperature_x": hydro["temperature"], "velocity_x": hydro["velocity"],
            "energy_defect": float(defect[-1] / abs(moments[-1])),
            "momentum_defect": float(np.linalg.norm(defect[1:-1]) / np.sqrt(abs(moments[0] * moments[-1]))),
            "resolved": dg.resolved(f, op), "min_density": float(f.min()),
            "negative_mass": float(-f[f < 0].sum() * op.cell_volume),
        }

    def record_params(self) -> dict:
        tg, vg, k = self.torus, self.velocity_grid, self.kernel
        return {"nx": tg.n, "dx": tg.dx, "torus_length": tg.length, "n": vg.n, "L": vg.L, "h": vg.h,
                "kernel": k.kind, "sigma": k.sigma if k.kind in ("exponential", "gaussian") else None,
                "kernel_minimum": k.minimum, "kernel_modes_kept": int(k.kept.sum()),
                "scheme": "Strang splitting: exact transport (Fourier in x), RK4 collision step",
                "dt_stability_estimate": self._stability, "case_overrides": dict(self.case.overrides),
                "entropy": "H = sum f log f h_x^dx h_v^d (midpoint rule)", "energy": "integral of |v|^2 f",
                "seed_note": "deterministic method: no random numbers"}

    def finish(self, record, f, t) -> None:
        s = record.series
        H = np.array(s["entropy"], dtype=float)
        increases = np.diff(H)
        record.summary["entropy_non_increasing"] = bool(np.all(increases <= 0))
        record.summary["largest_entropy_increase"] = float(increases.max()) if increases.size else 0.0
        ratios = [r for r in s["lemma26_ratio"] if r is not None and np.isfinite(r)]
        defects = [e for e in s["energy_defect"] if e is not None]
        record.summary["highlights"] = {
            "entropy H": [s["entropy"][0], s["entropy"][-1]],
            "H non-increasing at every record": record.summary["entropy_non_increasing"],
            "largest energy defect removed (relative rate)": max(defects) if defects else None,
            "Lemma 2.6 ratio (I_γ + I_×)/(1 + D), max": max(ratios) if ratios else None,
        }

    def fields(self, f, t) -> dict:
        x_axes = tuple(f"x{a + 1}" for a in range(self.torus.dx))
        v_axes = tuple(f"v{a + 1}" for a in range(self.velocity_grid.d))
        return {"density": (x_axes + v_axes, f), "x_axis": (("torus_axis",), self.torus.axis),
                "v_axis": (("grid_axis",), self.velocity_grid.axis)}

    def figures(self, record, f, t, out_dir: Path) -> None:
        s = record.series
        space_time_panels(s["times"], self.torus, {"density ρ(x, t)": s["density_x"],
                                                   "temperature T(x, t)": s["temperature_x"],
                                                   "bulk velocity u₂(x, t)": [np.asarray(u)[:, 1] for u in
                                                                              s["velocity_x"]]},
                          out_dir / "hydrodynamics.png", f"fuzzy {self.case.name}, κ = {self.kernel.kind}")
        fig.time_series_panels(s["times"], {"entropy H": s["entropy"], "dissipation D_op": s["dissipation"],
                                            "dissipation D_pair (1.10)": s["dissipation_pair"],
                                            "Lemma 2.6: (I_γ + I_×)/(1 + D)": s["lemma26_ratio"]},
                               out_dir / "dissipation.png", f"fuzzy {self.case.name}")
        fig.conservation_drift(s["times"], s["mass"], s["momentum"], s["energy"], out_dir / "conservation.png")


def space_time_panels(times, torus: TorusGrid, fields: dict, path: Path, title: str) -> None:
    """Each per-cell field as a colour map over (x₁, t) (averaged over x₂, x₃ when d_x > 1) and its
    profiles at the first, middle and last record."""
    plt = fig.pyplot()
    times = np.asarray(times, dtype=float)
    fig_, axes = plt.subplots(2, len(fields), figsize=(4.6 * len(fields), 7.2), squeeze=False)
    for col, (label, values) in enumerate(fields.items()):
        data = np.array([np.asarray(v, dtype=float).reshape(torus.shape) for v in values])
        data = data.mean(axis=tuple(range(2, data.ndim))) if data.ndim > 2 else data
        mesh = axes[0, col].pcolormesh(torus.axis, times, data, shading="nearest")
        fig_.colorbar(mesh, ax=axes[0, col])
        axes[0, col].set(xlabel="x₁", ylabel="t", title=label)
        for index in sorted({0, len(times) // 2, len(times) - 1}):
            axes[1, col].plot(torus.axis, data[index], marker=".", label=f"t = {times[index]:.3g}")
        axes[1, col].set(xlabel="x₁", title=label.split(" (")[0] + " profiles")
        axes[1, col].legend()
    fig_.suptitle(title)
    fig_.tight_layout()
    fig_.savefig(path, dpi=110)
    plt.close(fig_)
