"""The named benchmark cases of DESIGN.md §5: dimension, γ, C, initial data, exact references.

Densities are evaluated with the generated kernels (``landau_num._generated``); nothing here
re-derives a formula. Each case is a :class:`Case`; ``get_case(name, **parameters)`` validates
the name and the parameters.
"""
from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from .kernels import get_kernel


@dataclass(frozen=True)
class Case:
    name: str
    d: int
    gamma: float
    C: float
    L: float
    initial_density: Callable[[np.ndarray], np.ndarray]
    t0: float = 0.0
    exact_density: Callable[[np.ndarray, float], np.ndarray] | None = None
    exact_second_moments: Callable[[float], np.ndarray] | None = None
    exact_fourth_moment: Callable[[float], float] | None = None
    notes: str = ""
    parameters: dict = field(default_factory=dict)
    spectral_L: float | None = None
    """Box half-width for grid solvers, which need the tails inside the box (the blob method's
    L of DESIGN.md §5 cuts them); None means L."""


def _pointwise(kernel, points: np.ndarray, *params) -> np.ndarray:
    return np.array([kernel(*p, *params) for p in points])


def _bkw(d: int, C: float, c0: float, t0: float, L: float, name: str, spectral_L: float) -> Case:
    K_of = get_kernel("bkw_K", d)
    density = get_kernel("bkw_density", d)
    moments = get_kernel("bkw_moments", d)
    return Case(
        name=name, d=d, gamma=0.0, C=C, L=L, t0=t0,
        initial_density=lambda x: _pointwise(density, x, K_of(t0, C, c0)),
        exact_density=lambda x, t: _pointwise(density, x, K_of(t, C, c0)),
        exact_second_moments=lambda t: np.eye(d),
        exact_fourth_moment=lambda t: moments(K_of(t, C, c0))[1],
        notes=f"BKW with K(t) = 1 − {c0}·e^(−2C(d−1)t)", spectral_L=spectral_L, parameters={"c0": c0},
    )


def bkw_K(case: Case, t: float) -> float:
    """K(t) = 1 − c₀e^{−2C(d−1)t} of a BKW case (the generated kernel, with the case's c₀)."""
    if "c0" not in case.parameters:
        raise ValueError(f"case {case.name!r} is not a BKW case")
    return get_kernel("bkw_K", case.d)(t, case.C, case.parameters["c0"])


def _aniso3d() -> Case:
    C, d = 1 / 24, 3
    temps = (1.8, 0.2, 1.0)
    aniso = get_kernel("anisotropic_maxwellian", 3)
    sigma0 = np.diag(temps)
    sigma_inf = np.trace(sigma0) / d * np.eye(d)
    return Case(
        name="aniso3d", d=d, gamma=0.0, C=C, L=5.0, spectral_L=8.0,
        initial_density=lambda x: _pointwise(aniso, x, *temps),
        exact_second_moments=lambda t: sigma_inf - (sigma_inf - sigma0) * math.exp(-4 * d * C * t),
        notes="N(0, diag(1.8, 0.2, 1)); Σ(t) = Σ∞ − (Σ∞ − Σ₀)e^(−4dCt)",
    )


def _coulomb2d() -> Case:
    maxwellian = get_kernel("maxwellian", 2)
    u1, u2 = (-2.0, 1.0), (0.0, -1.0)
    return Case(
        name="coulomb2d", d=2, gamma=-3.0, C=1 / 16, L=10.0,
        initial_density=lambda x: 0.5 * (_pointwise(maxwellian, x, *u1, 1.0) + _pointwise(maxwellian, x, *u2, 1.0)),
        notes="end state Maxwellian with mean (−1, 0), temperature 2; H∞ = −ln(4π) − 1",
        parameters={"end_mean": (-1.0, 0.0), "end_temperature": 2.0, "end_entropy": -math.log(4 * math.pi) - 1},
    )


def _bimaxwellian3d(T_par: float = 1.5, T_perp: float = 0.75) -> Case:
    aniso = get_kernel("anisotropic_maxwellian", 3)
    temps = (T_par, T_perp, T_perp)
    return Case(
        name="bimaxwellian3d", d=3, gamma=-3.0, C=1.0, L=6.0, spectral_L=7.0,
        initial_density=lambda x: _pointwise(aniso, x, *temps),
        notes="anisotropic Maxwellian, T_par along e1; relaxes to isotropy",
        parameters={"T_par": T_par, "T_perp": T_perp},
    )


def _rosenbluth3d(C: float = 1.0) -> Case:
    sigma, S = 0.3, 10.0

    def density(x):
        r = np.sqrt(np.sum(x * x, axis=1))
        return S**-2 * np.exp(-S * (r - sigma) ** 2 / sigma**2)

    return Case(name="rosenbluth3d", d=3, gamma=-3.0, C=C, L=1.0, initial_density=density,
                notes="S⁻² exp(−S(|v|−σ)²/σ²), σ = 0.3, S = 10", parameters={"sigma": sigma, "S": S})


CASE_BUILDERS: dict[str, Callable[..., Case]] = {
    "bkw2d": lambda: _bkw(2, 1 / 16, 0.5, 0.0, 4.0, "bkw2d", spectral_L=8.0),
    "bkw3d": lambda: _bkw(3, 1 / 24, 1.0, 5.5, 4.5, "bkw3d", spectral_L=7.0),
    "aniso3d": _aniso3d,
    "coulomb2d": _coulomb2d,
    "bimaxwellian3d": _bimaxwellian3d,
    "rosenbluth3d": _rosenbluth3d,
}


def get_case(name: str, **parameters) -> Case:
    if name not in CASE_BUILDERS:
        raise ValueError(f"unknown case {name!r}; known cases: {', '.join(CASE_BUILDERS)}")
    for key, value in parameters.items():
        if not isinstance(value, (int, float)) or not math.isfinite(value) or value <= 0:
            raise ValueError(f"case parameter {key} must be a finite positive number, got {value!r}")
    return CASE_BUILDERS[name](**parameters)
