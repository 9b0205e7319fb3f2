"""Hermite polynomials and exact Gaussian moments (seed 004_b333c7817a08033b.txt, Lemma 2).

- probabilists' Hermite polynomials He_n, with e^{xt − t²/2} = Σ_n He_n(x) tⁿ/n!;
- the orthonormal multi-index family H_α(x) = He_{α_1}(x_1)⋯He_{α_d}(x_d)/√(α!) of Lemma 2
  (the printed formula omits the 1/√(α!) on its right-hand side; the left-hand side and the
  word "orthonormal" fix it, and we follow them);
- exact moments of the standard Gaussian m(x) = (2π)^{-d/2}e^{−|x|²/2}:
  E[x^k] = (k − 1)!! for even k, 0 for odd k, and the expectation of any polynomial as a
  linear functional on its monomials (no integration, exact rational arithmetic).
"""
from __future__ import annotations

from collections.abc import Sequence
from itertools import product

import sympy as sp


def hermite_he(n: int, x: sp.Expr) -> sp.Expr:
    """Probabilists' Hermite polynomial He_n(x), by the three-term recurrence
    He_{n+1} = x He_n − n He_{n−1}, He_0 = 1, He_1 = x."""
    if n < 0:
        raise ValueError(f"Hermite degree must be >= 0, got {n}")
    previous, current = sp.Integer(1), x
    if n == 0:
        return previous
    for k in range(1, n):
        previous, current = current, sp.expand(x * current - k * previous)
    return current


def hermite_orthonormal(alpha: Sequence[int], xs: Sequence[sp.Symbol]) -> sp.Expr:
    """H_α(x) = Π_i He_{α_i}(x_i)/√(α_i!) (orthonormal in L²(m))."""
    if len(alpha) != len(xs):
        raise ValueError(f"multi-index {tuple(alpha)} has {len(alpha)} entries for {len(xs)} variables")
    out = sp.Integer(1)
    for a, x in zip(alpha, xs):
        out *= hermite_he(a, x) / sp.sqrt(sp.factorial(a))
    return out


def multi_indices(d: int, max_degree: int) -> list[tuple[int, ...]]:
    """All α ∈ ℕ^d with |α| ≤ max_degree, ordered by total degree then lexicographically."""
    if d < 1 or max_degree < 0:
        raise ValueError(f"need d >= 1 and max_degree >= 0, got d={d}, max_degree={max_degree}")
    indices = [a for a in product(range(max_degree + 1), repeat=d) if sum(a) <= max_degree]
    return sorted(indices, key=lambda a: (sum(a), tuple(-x for x in a)))


def gaussian_moment(k: int, variance: sp.Expr = sp.Integer(1)) -> sp.Expr:
    """E[x^k] for x ~ N(0, variance): variance^{k/2}(k − 1)!! for even k, 0 for odd k."""
    if k < 0:
        raise ValueError(f"moment order must be >= 0, got {k}")
    if k % 2:
        return sp.Integer(0)
    return variance ** (k // 2) * sp.factorial2(k - 1)


def gaussian_expectation(poly_expr: sp.Expr, xs: Sequence[sp.Symbol], variance: sp.Expr = sp.Integer(1)) -> sp.Expr:
    """E[p(x)] for x ~ N(0, variance·I) and a polynomial p in the variables xs (exact).

    The coefficients of p may depend on other symbols; they are carried through.
    """
    poly = sp.Poly(sp.expand(poly_expr), *xs)
    total = sp.Integer(0)
    for exponents, coeff in poly.terms():
        term = coeff
        for k in exponents:
            term *= gaussian_moment(k, variance)
            if term == 0:
                break
        total += term
    return sp.expand(total)


def gaussian_inner(p: sp.Expr, q: sp.Expr, xs: Sequence[sp.Symbol]) -> sp.Expr:
    """⟨p, q⟩_{L²(m)} = ∫ p q m for polynomials p, q."""
    return gaussian_expectation(p * q, xs)
