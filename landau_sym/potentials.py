"""Interaction profiles α(r) and their regularisations.

- α(r) = r^γ (DESIGN.md §2), in ``geometry.power_law``;
- the smooth regularisation α(r) = (r² + η²)^{γ/2};
- the construction of 003_2ee84d6b3c804a54.txt Remark 2.1: α_η(r) = χ_η(r)^γ with
  χ_η(r) = ηχ(r/η), χ smooth and increasing, χ = 0.99 on [0, 1/2], χ(r) = r for r ≥ 1,
  0 ≤ χ′ ≤ 1 and χ(r) ≥ r.

Choice of χ (the seed leaves it open): χ′(s) = S((s − a)/(1 − a)) on [a, 1] with a = 0.98 and S
the degree-7 smoothstep −20u⁷ + 70u⁶ − 84u⁵ + 35u⁴ (S(0) = 0, S(1) = 1, three derivatives
vanishing at both ends), χ′ = 0 below a and 1 above 1. Since ∫₀¹S = 1/2, χ rises from 0.99 at a
to exactly 1 at s = 1, so χ is C⁴, equals r for r ≥ 1, and χ − r = 0.01 − 0.02(u − Φ(u)) ≥ 0
with Φ′ = S. Hence r|α′|/α = |γ| s χ′(s)/χ(s) ≤ |γ|/0.99: condition (2) of seed 003. A C^∞ χ
(e.g. from e^{−1/u}) has no closed-form antiderivative; C⁴ is ample for the Lipschitz drift and
noise coefficients the particle system (seed 003 (3)) needs.
"""
from __future__ import annotations

import sympy as sp

CHI_PLATEAU = sp.Rational(99, 100)
CHI_RAMP_START = sp.Rational(98, 100)


def smoothstep7(u: sp.Expr) -> sp.Expr:
    return -20 * u**7 + 70 * u**6 - 84 * u**5 + 35 * u**4


def smoothstep7_integral(u: sp.Expr) -> sp.Expr:
    """Φ(u) = ∫₀ᵘ S, Φ(1) = 1/2."""
    return sp.Rational(-5, 2) * u**8 + 10 * u**7 - 14 * u**6 + 7 * u**5


def chi(s: sp.Expr) -> sp.Expr:
    """The cut-off χ of seed 003 Remark 2.1 (piecewise: plateau, C⁴ ramp, identity)."""
    a = CHI_RAMP_START
    u = (s - a) / (1 - a)
    return sp.Piecewise((CHI_PLATEAU, s <= a), (CHI_PLATEAU + (1 - a) * smoothstep7_integral(u), s < 1), (s, True))


def alpha_cutoff(r: sp.Expr, gamma: sp.Expr, eta: sp.Expr) -> sp.Expr:
    """α_η(r) = (ηχ(r/η))^γ (seed 003 Remark 2.1)."""
    return (eta * chi(r / eta)) ** gamma


def alpha_smooth(r: sp.Expr, gamma: sp.Expr, eta: sp.Expr) -> sp.Expr:
    """α(r) = (r² + η²)^{γ/2}."""
    return (r**2 + eta**2) ** (gamma / 2)


def log_derivative_ratio(alpha_expr: sp.Expr, r: sp.Symbol) -> sp.Expr:
    """r|α′(r)|/α(r), the quantity bounded by condition (2) of seed 003 (for r > 0)."""
    return sp.Abs(r * sp.diff(alpha_expr, r) / alpha_expr)
