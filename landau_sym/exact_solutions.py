"""Exact solutions and reference densities, defined once (DESIGN.md §5).

- BKW in dimension d (unit mass, zero mean, temperature 1):
      f = (2πK)^{−d/2} e^{−|v|²/(2K)} (P + Q|v|²),  P = ((d+2)K − d)/(2K),  Q = (1 − K)/(2K²),
      K(t) = 1 − c₀ e^{−2C(d−1)t}, positive while K ≥ d/(d+2);
- Maxwellians with mean u and temperature T, and anisotropic (diagonal) Maxwellians.

The identity registry verifies that BKW solves the γ = 0 equation (``bkw-exact-solution``);
code generation prints these same expressions as numba kernels.
"""
from __future__ import annotations

from collections.abc import Sequence

import sympy as sp

from .hermite import gaussian_expectation

K = sp.Symbol("K", positive=True)


def bkw_polynomial_coefficients(d: int, k=K) -> tuple[sp.Expr, sp.Expr]:
    """(P, Q) = (((d+2)K − d)/(2K), (1 − K)/(2K²)) of the BKW profile (DESIGN.md §5)."""
    return ((d + 2) * k - d) / (2 * k), (1 - k) / (2 * k**2)


def bkw_polynomial_factor(xs: Sequence[sp.Symbol], k=K) -> sp.Expr:
    """P + Q|x|², the polynomial factor of the BKW profile."""
    P, Q = bkw_polynomial_coefficients(len(xs), k)
    return P + Q * sum(x**2 for x in xs)


def bkw_density(xs: Sequence[sp.Symbol], k=K) -> sp.Expr:
    d = len(xs)
    r2 = sum(x**2 for x in xs)
    return (2 * sp.pi * k) ** sp.Rational(-d, 2) * sp.exp(-r2 / (2 * k)) * bkw_polynomial_factor(xs, k)


def bkw_K(t: sp.Expr, collision_constant: sp.Expr, c0: sp.Expr, d: int) -> sp.Expr:
    """K(t) = 1 − c₀ e^{−2C(d−1)t}."""
    return 1 - c0 * sp.exp(-2 * collision_constant * (d - 1) * t)


def bkw_expectation(poly: sp.Expr, xs: Sequence[sp.Symbol]) -> sp.Expr:
    """∫ p(x) f_BKW(x) dx for p polynomial in xs (other symbols are carried as coefficients):
    the N(0, K·I) expectation of p·(P + Q|x|²)."""
    return sp.expand(gaussian_expectation(sp.expand(poly * bkw_polynomial_factor(xs)), xs, variance=K))


def maxwellian(xs: Sequence[sp.Symbol], mean: Sequence[sp.Expr], temperature: sp.Expr) -> sp.Expr:
    """(2πT)^{−d/2} exp(−|x − u|²/(2T)), unit mass."""
    d = len(xs)
    r2 = sum((x - u) ** 2 for x, u in zip(xs, mean))
    return (2 * sp.pi * temperature) ** sp.Rational(-d, 2) * sp.exp(-r2 / (2 * temperature))


def anisotropic_maxwellian(xs: Sequence[sp.Symbol], temperatures: Sequence[sp.Expr]) -> sp.Expr:
    """Π_i (2πT_i)^{−1/2} exp(−x_i²/(2T_i)): zero mean, covariance diag(T_1, …, T_d)."""
    out = sp.Integer(1)
    for x, T in zip(xs, temperatures):
        out *= (2 * sp.pi * T) ** sp.Rational(-1, 2) * sp.exp(-x**2 / (2 * T))
    return out


def score(density: sp.Expr, xs: Sequence[sp.Symbol]) -> list[sp.Expr]:
    """∇ log f, simplified (the exponential factor cancels)."""
    log_f = sp.expand_log(sp.log(density), force=True)
    return [sp.simplify(sp.diff(log_f, x)) for x in xs]
