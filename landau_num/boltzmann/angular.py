"""Angular kernels of the Boltzmann operator on the numeric side, and their Funk–Hecke data.

The kernels are the generated β(θ) of ``landau_sym.boltzmann_kernels`` (001_213bc0b3a2bddff3.txt
(1.1), §3.1, Remark 2.6), in the seed's convention: B(r, θ) = r^γ b(θ), β = sin θ·b, symmetrised
to θ ∈ [0, π/2]; ∫_{S²} b dσ = 2π∫β dθ. What the spectral operator needs is

    μ_n = λ_n − λ_0 = 2π ∫ β(θ)(P_n(cos θ) − 1) dθ   (d = 3, Legendre P_n),
    μ_m = 2 ∫ b_sym(θ)(cos mθ − 1) dθ                 (d = 2, symmetrised b on the circle),

finite under (2.2) even when λ_0 = ∫_{S²} b = ∞ (non-cutoff kernels), and λ_0 itself for kernels
with a finite total cross-section. P_n(cos θ) − 1 is computed by the recurrence for the
differences (no cancellation at small θ, where grazing kernels live), and the singular weight
θ^{1−ν} by Gauss–Jacobi quadrature.

Kernels (``KERNELS``): ``maxwell`` (b = 1/(4π) in 3D, 1/(2π) in 2D: the only 2D kernel),
``cutoff`` (ν, θ_c), ``power`` (ν), ``grazing`` (ν, ε), ``coulomb`` (ε).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numba
import numpy as np
from scipy.special import roots_jacobi

from ..kernels import get_kernel

KERNELS = ("maxwell", "cutoff", "power", "grazing", "coulomb")
QUADRATURE_NODES = 400  # resolves P_n(cos θ) on [0, π/2] for n ≤ 300 (≥ 2.5 nodes per oscillation)


@numba.njit(cache=True)
def legendre_minus_one(s, n_max):
    """(P_n(1 − s) − 1)_{n ≤ n_max} by (n+1)d_{n+1} = (2n+1)(1−s)d_n − (2n+1)s − n d_{n−1}
    (the Legendre recurrence for d_n = P_n − 1; accurate for small s = 1 − cos θ)."""
    out = np.zeros(n_max + 1)
    if n_max >= 1:
        out[1] = -s
    for n in range(1, n_max):
        out[n + 1] = ((2 * n + 1) * (1 - s) * out[n] - (2 * n + 1) * s - n * out[n - 1]) / (n + 1)
    return out


@dataclass(frozen=True)
class AngularKernel:
    """One angular kernel of seed 001 with its parameters."""

    name: str
    d: int = 3
    nu: float = 0.5
    eps: float = 1.0
    theta_c: float = 0.1
    params: dict = field(default_factory=dict)

    def __post_init__(self):
        if self.name not in KERNELS:
            raise ValueError(f"unknown angular kernel {self.name!r}; known: {', '.join(KERNELS)}")
        if self.d == 2 and self.name != "maxwell":
            raise ValueError(f"in d = 2 only the isotropic kernel 'maxwell' is available, got {self.name!r}")
        if self.name in ("cutoff", "power", "grazing") and not 0.0 < self.nu < 2.0:
            raise ValueError(f"nu must be in (0, 2) for the {self.name} kernel, got {self.nu!r}")
        if self.name in ("grazing", "coulomb") and not 0.0 < self.eps <= 1.0:
            raise ValueError(f"eps must be in (0, 1] for the {self.name} kernel, got {self.eps!r}")
        if self.name == "coulomb" and self.eps >= 1.0:
            raise ValueError(f"eps must be < 1 for the coulomb kernel (1/log(1/eps)), got {self.eps!r}")
        if self.name == "cutoff" and not 0.0 < self.theta_c < math.pi / 2:
            raise ValueError(f"theta_c must be in (0, pi/2) for the cutoff kernel, got {self.theta_c!r}")

    # --- the kernel --------------------------------------------------------------------------
    @property
    def finite_cross_section(self) -> bool:
        """λ_0 = ∫_{S²} b dσ < ∞ (Grad's cut-off holds)."""
        return self.name in ("maxwell", "cutoff", "coulomb")

    @property
    def support(self) -> tuple[float, float]:
        return {"maxwell": (0.0, math.pi / 2), "power": (0.0, math.pi / 2), "cutoff": (self.theta_c, math.pi / 2),
                "grazing": (0.0, self.eps / 2), "coulomb": (self.eps, math.pi / 2)}[self.name]

    def beta(self, theta: np.ndarray) -> np.ndarray:
        """β(θ) (the generated kernel) at the points θ."""
        kernel = get_kernel(f"boltzmann_beta_{self.name}")
        args = {"maxwell": (), "power": (self.nu,), "cutoff": (self.nu, self.theta_c), "grazing": (self.nu, self.eps),
                "coulomb": (self.eps,)}[self.name]
        return np.array([kernel(float(t), *args) for t in np.atleast_1d(theta)])

    def _quadrature(self) -> tuple[np.ndarray, np.ndarray]:
        """Nodes θ_q and weights w_q with Σ w_q g(θ_q) ≈ ∫ β g dθ for smooth g (for the
        non-cutoff kernels g = O(θ²) at 0: the singular factor θ^{1−ν} is in Gauss–Jacobi's weight)."""
        a, b = self.support
        if a == 0.0 and self.name in ("power", "grazing"):
            # β = c θ^{−1−ν} on (0, b]: weight θ^{1−ν} (Gauss–Jacobi), integrand β θ^{1+ν}·g/θ²
            x, w = roots_jacobi(QUADRATURE_NODES, 0.0, 1.0 - self.nu)
            theta = b * (1 + x) / 2
            weights = w * (b / 2) ** (2.0 - self.nu) * self.beta(theta) * theta ** (1 + self.nu) / theta**2
            return theta, weights
        x, w = roots_jacobi(QUADRATURE_NODES, 0.0, 0.0)
        theta = a + (b - a) * (1 + x) / 2
        return theta, w * (b - a) / 2 * self.beta(theta)

    def total_cross_section(self) -> float:
        """λ_0 = ∫_{S^{d−1}} b dσ (finite kernels only)."""
        if not self.finite_cross_section:
            raise ValueError(f"the {self.name} kernel has no finite cross-section (non-cutoff)")
        if self.d == 2:
            return 1.0
        theta, weights = self._quadrature()
        return float(2 * math.pi * np.sum(weights))

    def eigenvalue_differences(self, n_max: int) -> np.ndarray:
        """μ_n = λ_n − λ_0 for n = 0 … n_max (see the module docstring)."""
        if self.d == 2:  # b = 1/(2π): λ_m = δ_m0
            out = -np.ones(n_max + 1)
            out[0] = 0.0
            return out
        theta, weights = self._quadrature()
        s = 2 * np.sin(theta / 2) ** 2
        table = np.array([legendre_minus_one(float(si), n_max) for si in s])  # (nodes, n)
        return 2 * math.pi * weights @ table

    def bkw_rate(self) -> float:
        """μ = ¼∫ b(1 − (k·σ)²)dσ: −μ₂/6 in 3D (1 − c² = ⅔(1 − P₂(c))), −μ₂/8 in 2D
        (1 − c² = ½(1 − cos 2θ)) (Bobylev; see
        ``landau_sym.identities.boltzmann_maxwell``): K(t) = 1 − (1 − K₀)e^{−μt}."""
        mu2 = self.eigenvalue_differences(2)[2]
        return float(-mu2 / 6) if self.d == 3 else float(-mu2 / 8)

    def landau_constant(self) -> float:
        """C_β = (π/8)∫θ²β dθ (seed 001 §1), the collision constant of the Landau limit (3D)."""
        theta, weights = self._quadrature()
        return float(math.pi / 8 * np.sum(weights * theta**2))

    def describe(self) -> dict:
        out = {"kernel": self.name, "d": self.d}
        if self.name in ("cutoff", "power", "grazing"):
            out["nu"] = self.nu
        if self.name in ("grazing", "coulomb"):
            out["eps"] = self.eps
        if self.name == "cutoff":
            out["theta_c"] = self.theta_c
        return out
