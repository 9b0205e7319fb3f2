"""The named benchmark cases of DESIGN.md §5 (the *problems* of the solver platform): dimension,
γ, C, initial data (density, exact sampling, Hermite coefficients where they are known exactly)
and exact references, each tagged with the parameters for which it is exact.

Densities are evaluated with the generated kernels (``landau_num._generated``); nothing here
re-derives a formula. Each case is a :class:`Case`; ``get_case(name, **parameters)`` validates
the name and the parameters; :meth:`Case.overridden` changes γ or C and drops every exact
reference that is no longer exact (the BKW solution, for instance, solves only the γ = 0
equation with the case's own C).
"""
from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import numpy as np

from .kernels import get_kernel
from .validation import require_positive
from .moment_laws import landau_second_moments


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
    sample_initial: Callable[[np.random.Generator, tuple], np.ndarray] | None = None
    """Exact i.i.d. draws from the initial density: ``sample_initial(rng, shape)`` has shape
    ``shape + (d,)`` (None where no exact sampler is known)."""
    initial_hermite: Callable[[object], np.ndarray] | None = None
    """Exact Hermite coefficients of the initial density: ``initial_hermite(basis)`` for a
    :class:`landau_num.maxwell.hermite.HermiteBasis` gives c_α = ∫ f₀ H_α for every |α| ≤ its
    degree (None where they are not known in closed form)."""
    exact_for: dict = field(default_factory=dict)
    """The parameter values for which the exact references are exact (e.g. {"gamma": 0.0})."""
    phase_density: Callable[[np.ndarray, np.ndarray], np.ndarray] | None = None
    """f₀(x, v) for kinetic solvers on T^{d_x} × R^d: ``phase_density(x, v)`` for x of shape (P, d_x)
    and v of shape (M, d) has shape (P, M) (None for spatially homogeneous cases). The torus length
    is ``parameters["torus_length"]``; ``initial_density`` is then the x-average of f₀."""
    overrides: dict = field(default_factory=dict)

    REFERENCES = ("exact_density", "exact_second_moments", "exact_fourth_moment")

    def references(self) -> list[str]:
        """Names of the exact references this case carries."""
        return [name for name in self.REFERENCES if getattr(self, name) is not None]

    def overridden(self, **values) -> "Case":
        """The case with γ and/or C replaced; exact references tagged with a changed value are
        dropped (and the change is listed in ``overrides``)."""
        unknown = set(values) - {"gamma", "C"}
        if unknown:
            raise ValueError(f"only gamma and C of a case can be overridden, got {', '.join(sorted(unknown))}")
        values = {k: float(v) for k, v in values.items() if v is not None and float(v) != getattr(self, k)}
        if not values:
            return self
        invalid = any(key in self.exact_for and self.exact_for[key] != value for key, value in values.items())
        dropped = {name: None for name in self.REFERENCES} if invalid else {}
        return replace(self, **values, **dropped, overrides={**self.overrides, **values},
                       notes=self.notes + (f" [overridden: {values}; exact references dropped]" if invalid
                                           else f" [overridden: {values}]"))


def _pointwise(kernel, points: np.ndarray, *params) -> np.ndarray:
    return np.array([kernel(*p, *params) for p in points])


def _gaussian_sample(rng: np.random.Generator, shape: tuple, covariance: np.ndarray) -> np.ndarray:
    """Draws of N(0, covariance), shape ``shape + (d,)``."""
    return rng.standard_normal(shape + (len(covariance),)) @ np.linalg.cholesky(covariance).T


def _hermite(function: str, basis, *args) -> np.ndarray:
    """``landau_num.maxwell.hermite.<function>(basis, *args)``, for a case's ``initial_hermite``
    (that module is imported only when coefficients are asked for)."""
    from .maxwell import hermite

    return getattr(hermite, function)(basis, *args)


def _bkw(d: int, C: float, c0: float, t0: float, L: float, name: str, spectral_L: float) -> Case:
    K_of = get_kernel("bkw_K", d)
    density = get_kernel("bkw_density", d)
    moments = get_kernel("bkw_moments", d)
    def sample(rng, shape):
        """BKW f = (2πK)^{−d/2}e^{−|v|²/(2K)}(P + Q|v|²) is the mixture, with weights P and
        dKQ = 1 − P, of N(0, KI) and of √K·(χ_{d+2}-distributed radius)·(uniform direction)."""
        K = K_of(t0, C, c0)
        P, _ = get_kernel("bkw_coefficients", d)(K)
        gaussian = rng.standard_normal(shape + (d,))
        radius = np.sqrt(rng.chisquare(d + 2, size=shape))
        direction = gaussian / np.linalg.norm(gaussian, axis=-1, keepdims=True)
        pick = rng.random(shape)[..., None] < P
        return math.sqrt(K) * np.where(pick, rng.standard_normal(shape + (d,)), radius[..., None] * direction)

    return Case(
        name=name, d=d, gamma=0.0, C=C, L=L, t0=t0,
        initial_density=lambda x: _pointwise(density, x, K_of(t0, C, c0)),
        exact_density=lambda x, t: _pointwise(density, x, K_of(t, C, c0)),
        exact_second_moments=lambda t: np.eye(d),
        exact_fourth_moment=lambda t: moments(K_of(t, C, c0))[1],
        sample_initial=sample, exact_for={"gamma": 0.0, "C": C},
        initial_hermite=lambda basis: _hermite("bkw_coefficients", basis, K_of(t0, C, c0)),
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
    return Case(
        name="aniso3d", d=d, gamma=0.0, C=C, L=5.0, spectral_L=8.0,
        initial_density=lambda x: _pointwise(aniso, x, *temps),
        exact_second_moments=lambda t: landau_second_moments(sigma0, C, t),
        sample_initial=lambda rng, shape: _gaussian_sample(rng, shape, sigma0), exact_for={"gamma": 0.0, "C": C},
        initial_hermite=lambda basis: _hermite("gaussian_coefficients", basis, temps),
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
        sample_initial=lambda rng, shape: _gaussian_sample(rng, shape, np.diag(temps)),
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


def _fuzzy_profile(d: int, x1: np.ndarray, v: np.ndarray, rho, u2, temps) -> np.ndarray:
    """ρ(x₁) N(u(x₁), diag T(x₁))(v), u = (0, u₂, 0): the generated anisotropic Maxwellian at v − u,
    shape (len(x₁), len(v)). ``rho``, ``u2`` and each of ``temps`` (d of them) map x₁ to arrays."""
    aniso = get_kernel("anisotropic_maxwellian", d)
    out = np.empty((x1.size, v.shape[0]))
    for i, x in enumerate(x1):
        shifted = v.copy()
        shifted[:, 1] -= u2(x)
        out[i] = rho(x) * _pointwise(aniso, shifted, *[T(x) for T in temps])
    return out


def _fuzzy(name: str, gamma: float, C: float, rho, u2, temps, notes: str, d: float = 3, **extra) -> Case:
    """A case of the fuzzy Landau equation (002_5194c2b1fb63adc7.txt (1.1)) on T^{d_x} × R^d with
    torus length 2π, varying along x₁ only; ``initial_density`` is the x-average of f₀ (periodic
    trapezoid rule with 256 points: spectrally accurate), the datum of the homogeneous equation
    (2.6) that the x-average solves when κ is constant."""
    d = int(d)
    if d not in (2, 3):
        raise ValueError(f"case parameter d must be 2 or 3, got {d!r}")
    length = 2 * math.pi
    temps = temps[:d]

    def phase(x, v):
        return _fuzzy_profile(d, np.asarray(x, dtype=float)[:, 0], np.asarray(v, dtype=float), rho, u2, temps)

    quadrature = np.arange(256) * length / 256
    average = lambda v: phase(quadrature[:, None], v).mean(axis=0)  # noqa: E731
    return Case(name=name, d=d, gamma=gamma, C=C, L=6.5, initial_density=average, phase_density=phase, notes=notes,
                parameters={"torus_length": length, "d": d, **extra})


def _fuzzy_shear(d: float = 3) -> Case:
    return _fuzzy("fuzzy-shear", -2.0, 1.0, lambda x: 1 + 0.2 * math.cos(x), lambda x: 0.5 * math.sin(x),
                  (lambda x: 1 + 0.3 * math.cos(x), lambda x: 1 - 0.3 * math.cos(x), lambda x: 1.0),
                  "ρ = 1 + 0.2cos x₁, u = (0, 0.5 sin x₁, 0), T = diag(1 + 0.3cos x₁, 1 − 0.3cos x₁, 1) on "
                  "T × R^d, |T| = 2π: a shear flow with anisotropy", d)


def _fuzzy_local_maxwellians(d: float = 3) -> Case:
    return _fuzzy("fuzzy-local-maxwellians", -2.0, 1.0, lambda x: 1 + 0.3 * math.cos(x), lambda x: 0.0,
                  (lambda x: 1 + 0.3 * math.sin(x),) * 3,
                  "local Maxwellians ρ(x₁)M_{0,T(x₁)}, ρ = 1 + 0.3cos x₁, T = 1 + 0.3 sin x₁: Q_class = 0 but "
                  "Q_fuz ≠ 0 for κ ≠ δ (nonlocal exchange of heat between cells)", d)


def _fuzzy_average(d: float = 3) -> Case:
    """The shear datum with γ = 0, C = 1/24 and the constant kernel: the x-average F̄ (mass 1, mean 0)
    solves homogeneous Landau, so its second moments follow Σ(t) = Σ∞ − (Σ∞ − Σ₀)e^{−4dCt}."""
    base = _fuzzy_shear(d)
    C = 1 / 24
    sigma0 = np.diag([1.0, 1.0 + 0.5**2 / 2, 1.0][:base.d])  # x-averages of ρ(T_i + u_i²)
    sigma0[0, 0] += 0.2 * 0.3 / 2
    sigma0[1, 1] -= 0.2 * 0.3 / 2
    return replace(base, name="fuzzy-average", gamma=0.0, C=C,
                   exact_second_moments=lambda t: landau_second_moments(sigma0, C, t),
                   exact_for={"gamma": 0.0, "C": C},
                   notes=base.notes + "; γ = 0, C = 1/24, kernel constant: the x-average follows the "
                                      "homogeneous second-moment law",
                   parameters={**base.parameters, "kernel": "constant"})


CASE_BUILDERS: dict[str, Callable[..., Case]] = {
    "bkw2d": lambda: _bkw(2, 1 / 16, 0.5, 0.0, 4.0, "bkw2d", spectral_L=8.0),
    "bkw3d": lambda: _bkw(3, 1 / 24, 1.0, 5.5, 4.5, "bkw3d", spectral_L=7.0),
    "aniso3d": _aniso3d,
    "coulomb2d": _coulomb2d,
    "bimaxwellian3d": _bimaxwellian3d,
    "rosenbluth3d": _rosenbluth3d,
    "fuzzy-shear": _fuzzy_shear,
    "fuzzy-local-maxwellians": _fuzzy_local_maxwellians,
    "fuzzy-average": _fuzzy_average,
}


def case_names() -> list[str]:
    return list(CASE_BUILDERS)


def get_case(name: str, **parameters) -> Case:
    if name not in CASE_BUILDERS:
        raise ValueError(f"unknown case {name!r}; known cases: {', '.join(CASE_BUILDERS)}")
    for key, value in parameters.items():
        require_positive(f"case parameter {key}", value)
    return CASE_BUILDERS[name](**parameters)


def describe(case: Case) -> dict:
    """What ``landau cases`` prints: d, γ, C, t₀, boxes, parameters, the exact references and
    where they are exact, whether exact sampling is available, notes."""
    return {"name": case.name, "d": case.d, "gamma": case.gamma, "C": case.C, "t0": case.t0, "L": case.L,
            "grid_L": case.spectral_L or case.L, "parameters": dict(case.parameters),
            "exact_references": case.references(), "exact_for": dict(case.exact_for),
            "exact_sampling": case.sample_initial is not None, "notes": case.notes}
