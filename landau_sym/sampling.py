"""Hypothesis-drawn inputs for the numeric cross-checks of the registry (DESIGN.md §3).

``draw`` is hypothesis's ``data.draw``. Coordinates are drawn as floats and promoted to mpmath
numbers, so every cross-check evaluates at CROSS_CHECK_DPS digits on exactly representable
points. Test functions are smooth, non-polynomial and have no special symmetry, so that an
identity between differential operators cannot hold by accident on them.
"""
from __future__ import annotations

from collections.abc import Sequence

import sympy as sp
from hypothesis import assume
from hypothesis import strategies as st


def real(low: float, high: float):
    return st.floats(min_value=low, max_value=high, allow_nan=False, allow_infinity=False)


def draw_vector(draw, dim: int, low: float = -3.0, high: float = 3.0) -> list[float]:
    return [draw(real(low, high)) for _ in range(dim)]


def draw_nonzero_vector(draw, dim: int, min_norm: float = 1e-3, low: float = -3.0, high: float = 3.0) -> list[float]:
    vec = draw_vector(draw, dim, low, high)
    assume(sum(c * c for c in vec) >= min_norm**2)
    return vec


def draw_point(draw, symbols: Sequence[sp.Symbol], low: float = -3.0, high: float = 3.0) -> dict:
    return dict(zip(symbols, draw_vector(draw, len(symbols), low, high)))


def draw_test_function(draw, symbols: Sequence[sp.Symbol]) -> sp.Expr:
    """A smooth test function exp(a·x/4)·cos(b·x/3 + c) + x_p x_q x_s with drawn rational
    coefficients (rationals keep the expression exact until mpmath evaluates it)."""
    n = len(symbols)

    def coeff():
        return sp.Rational(draw(st.integers(-9, 9)), draw(st.integers(1, 5)))

    a = [coeff() for _ in range(n)]
    b = [coeff() for _ in range(n)]
    c = coeff()
    p, q, s = (symbols[draw(st.integers(0, n - 1))] for _ in range(3))
    linear_a = sum(ai * x for ai, x in zip(a, symbols))
    linear_b = sum(bi * x for bi, x in zip(b, symbols))
    return sp.exp(linear_a / 4) * sp.cos(linear_b / 3 + c) + p * q * s


def draw_exponential_function(draw, symbols: Sequence[sp.Symbol]) -> sp.Expr:
    """e^{a·x}(1 + b·x) with drawn rational a, b: cheap to differentiate to high order, and
    D(e^{a·x}) = σ(x, a)e^{a·x} exposes the full symbol of a differential operator D."""
    def coeff():
        return sp.Rational(draw(st.integers(-6, 6)), draw(st.integers(2, 6)))

    a = [coeff() for _ in symbols]
    b = [coeff() for _ in symbols]
    return sp.exp(sum(ai * x for ai, x in zip(a, symbols))) * (1 + sum(bi * x for bi, x in zip(b, symbols)))
