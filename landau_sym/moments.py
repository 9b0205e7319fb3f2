"""Symbolic moments of a density, as a linear functional on polynomials.

``SymbolicMoments(coords)`` maps a monomial w^β to a symbol M_β standing for ∫ w^β f(w) dw; the
expectation of a polynomial is the corresponding linear combination. With
``normalised=True`` the normalisation of seed 004_b333c7817a08033b.txt §2,
∫ f (1, w, |w|²) = (1, 0, d), is imposed: mass one, zero mean, and the second-moment matrix
P = (P_ij) with tr P = d (P_dd is eliminated).

Pair expectations over f(v)f(w) (independent copies) are products of one-point moments, which is
how the seeds' symmetrised weak forms are evaluated.
"""
from __future__ import annotations

from collections.abc import Sequence

import sympy as sp


class SymbolicMoments:
    def __init__(self, d: int, name: str = "M", normalised: bool = False):
        if d < 1:
            raise ValueError(f"dimension must be >= 1, got {d}")
        self.d = d
        self.name = name
        self.normalised = normalised
        self.mean = sp.Matrix([sp.Symbol(f"mu{i + 1}", real=True) for i in range(d)])
        self.second = sp.Matrix(d, d, lambda i, j: sp.Symbol(f"P{min(i, j) + 1}{max(i, j) + 1}", real=True))
        if normalised:
            self.mean = sp.zeros(d, 1)
            trace_rest = sum(self.second[i, i] for i in range(d - 1))
            self.second[d - 1, d - 1] = d - trace_rest

    def moment(self, exponents: Sequence[int]) -> sp.Expr:
        """∫ w^β f(w) dw for the multi-index β = ``exponents``."""
        order = sum(exponents)
        if order == 0:
            return sp.Integer(1) if self.normalised else sp.Symbol(f"{self.name}0", positive=True)
        if order == 1:
            return self.mean[list(exponents).index(1)]
        if order == 2:
            idx = [i for i, k in enumerate(exponents) for _ in range(k)]
            return self.second[idx[0], idx[1]]
        label = "".join(str(k) for k in exponents)
        return sp.Symbol(f"{self.name}_{label}", real=True)

    def expectation(self, poly_expr: sp.Expr, ws: Sequence[sp.Symbol]) -> sp.Expr:
        """∫ p(w) f(w) dw for a polynomial p in ``ws`` (coefficients may hold other symbols)."""
        poly = sp.Poly(sp.expand(poly_expr), *ws)
        return sp.expand(sum(coeff * self.moment(exps) for exps, coeff in poly.terms()))

    def pair_expectation(self, poly_expr: sp.Expr, vs: Sequence[sp.Symbol], ws: Sequence[sp.Symbol]) -> sp.Expr:
        """∬ p(v, w) f(v) f(w) dv dw for a polynomial p (independent copies v, w)."""
        poly = sp.Poly(sp.expand(poly_expr), *vs, *ws)
        n = len(vs)
        return sp.expand(sum(
            coeff * self.moment(exps[:n]) * self.moment(exps[n:]) for exps, coeff in poly.terms()
        ))
