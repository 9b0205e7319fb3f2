"""W₂ between radially symmetric laws on R^d from the quantiles of |v|.

For radially symmetric μ, ν the map v ↦ Q_ν(F_μ(|v|)) v/|v| (monotone rearrangement of the radii,
directions kept) is the gradient of a convex radial function, hence optimal (Brenier), and

    W₂²(μ, ν) = ∫₀¹ (Q_μ(u) − Q_ν(u))² du,

Q the quantile function of |v| (cost |v − w|², not ½ of it). The integral is evaluated by adaptive
quadrature in u (QUADPACK with endpoint extrapolation: the integrand grows like log(1/(1 − u))
at u → 1 for Gaussian tails), relative accuracy ~1e-11.

Laws: the isotropic Gaussian N(0, θI) (|v|²/θ ~ χ²_d: F(r) = P(d/2, r²/2θ), quantile by the
inverse regularised incomplete gamma), the BKW profile of DESIGN.md §5
((2πK)^{−d/2} e^{−|v|²/2K}(P + Q|v|²): a mixture of |v|²/K ~ Gamma(d/2) with weight P and
Gamma(d/2 + 1) with weight QKd, P + QKd = 1), and any radial density given as a function of r
(CDF by quadrature of |S^{d−1}| r^{d−1} f(r), quantile by bracketing root finding).
"""
from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from scipy import integrate, optimize, special

from ..kernels import get_kernel

QUAD_EPSREL = 1e-12
QUAD_LIMIT = 400


@dataclass(frozen=True)
class RadialLaw:
    """A radially symmetric probability law on R^d through the law of |v|: ``cdf(r)``, ``quantile(u)``."""

    d: int
    cdf: Callable[[float], float]
    quantile: Callable[[float], float]
    name: str = ""


def _sphere_area(d: int) -> float:
    return 2 * math.pi ** (d / 2) / math.gamma(d / 2)


def isotropic_gaussian_law(d: int, temperature: float = 1.0) -> RadialLaw:
    if d < 1 or temperature <= 0:
        raise ValueError(f"need d >= 1 and temperature > 0, got d={d!r}, temperature={temperature!r}")
    k = d / 2
    return RadialLaw(d, lambda r: float(special.gammainc(k, r * r / (2 * temperature))),
                     lambda u: math.sqrt(2 * temperature * float(special.gammaincinv(k, u))),
                     f"N(0, {temperature} I_{d})")


def _invert(cdf: Callable[[float], float], u: float, scale: float) -> float:
    if u <= 0:
        return 0.0
    hi = scale
    while cdf(hi) < u:
        hi *= 2
        if hi > 1e6 * scale:  # u within round-off of 1: the CDF cannot resolve it
            return hi
    return optimize.brentq(lambda r: cdf(r) - u, 0.0, hi, xtol=1e-14, rtol=1e-15, maxiter=200)


def bkw_radial_law(d: int, K: float) -> RadialLaw:
    """The BKW profile with parameter K (d/(d+2) ≤ K ≤ 1): P·Gamma(d/2) + QKd·Gamma(d/2 + 1) in |v|²/2K."""
    if not (d / (d + 2) <= K <= 1):
        raise ValueError(f"K must lie in [d/(d+2), 1] = [{d / (d + 2)}, 1] for a positive BKW profile, got {K!r}")
    P, Q = get_kernel("bkw_coefficients", d)(K)
    w1, w2 = P, Q * K * d

    def cdf(r: float) -> float:
        x = r * r / (2 * K)
        return float(w1 * special.gammainc(d / 2, x) + w2 * special.gammainc(d / 2 + 1, x))

    return RadialLaw(d, cdf, lambda u: _invert(cdf, u, math.sqrt(2 * K * d)), f"BKW(K={K}, d={d})")


def radial_law_from_density(d: int, density: Callable[[float], float], scale: float = 1.0) -> RadialLaw:
    """A radial law from its density as a function of r = |v| (normalised here), CDF by quadrature."""
    weight = lambda s: _sphere_area(d) * s ** (d - 1) * density(s)
    total = integrate.quad(weight, 0, math.inf, epsabs=0, epsrel=QUAD_EPSREL, limit=QUAD_LIMIT)[0]
    if not total > 0:
        raise ValueError("the density must have positive mass")

    def cdf(r: float) -> float:
        if r <= 0:
            return 0.0
        inside = integrate.quad(weight, 0, r, epsabs=0, epsrel=QUAD_EPSREL, limit=QUAD_LIMIT)[0]
        return min(inside / total, 1.0)

    return RadialLaw(d, cdf, lambda u: _invert(cdf, u, scale), "radial density")


def radial_w2_squared(mu: RadialLaw, nu: RadialLaw) -> float:
    """W₂² = ∫₀¹ (Q_μ(u) − Q_ν(u))² du (module docstring)."""
    if mu.d != nu.d:
        raise ValueError(f"both laws must live in the same dimension, got {mu.d} and {nu.d}")
    value, _ = integrate.quad(lambda u: (mu.quantile(u) - nu.quantile(u)) ** 2, 0.0, 1.0,
                              epsabs=1e-14, epsrel=QUAD_EPSREL, limit=QUAD_LIMIT)
    return float(value)
