"""Mollifiers of the regularised entropy H_ε(f) = H(f ∗ G_ε).

- the Gaussian ψ_ε(v) = (2πε)^{−d/2} e^{−|v|²/(2ε)} of the blob method (DESIGN.md §5);
- the exponential kernel of 000_2c86dc742ea51118.txt §2.1:
      G^ε(v) = ε^{−d} G(v/ε),  G(v) = C_d exp(−⟨v⟩),  ⟨v⟩ = √(1 + |v|²),
  with C_d = (∫ exp(−⟨v⟩) dv)^{−1} in closed form: ∫_{R²} = 4π/e and ∫_{R³} = 4πK₂(1)
  (radial integral with r = sinh t and ∫₀^∞ e^{−cosh t}cosh(νt) dt = K_ν(1)). The closed forms
  are checked against direct integration in the tests.
"""
from __future__ import annotations

from collections.abc import Sequence

import sympy as sp

EXPONENTIAL_KERNEL_INTEGRAL = {2: 4 * sp.pi / sp.E, 3: 4 * sp.pi * sp.besselk(2, 1)}


def gaussian_mollifier(xs: Sequence[sp.Symbol], eps: sp.Expr) -> sp.Expr:
    d = len(xs)
    r2 = sum(x**2 for x in xs)
    return (2 * sp.pi * eps) ** sp.Rational(-d, 2) * sp.exp(-r2 / (2 * eps))


def exponential_mollifier(xs: Sequence[sp.Symbol], eps: sp.Expr) -> sp.Expr:
    d = len(xs)
    if d not in EXPONENTIAL_KERNEL_INTEGRAL:
        raise ValueError(f"the exponential kernel's constant is known in closed form for d in (2, 3), got d={d}")
    bracket = sp.sqrt(1 + sum(x**2 for x in xs) / eps**2)
    return eps ** (-d) * sp.exp(-bracket) / EXPONENTIAL_KERNEL_INTEGRAL[d]
