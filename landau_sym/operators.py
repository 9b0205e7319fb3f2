"""Differential operators of the seeds, acting on sympy expressions.

- gradient, divergence, Laplacian on a coordinate space;
- the Landau operator in Fokker–Planck (divergence) form Q(f) = ∇·(ā∇f − b̄f) (DESIGN.md §2);
- the Landau gradient ∇̃φ of seed 000_2c86dc742ea51118.txt (after (2));
- the lifted operator on R⁶ of seed 004_b333c7817a08033b.txt (4.2), with an interaction
  profile α (α ≡ 1 in seed 004, α^N in seed 003's Q₁₂):
      Q(F) = (div_v − div_w)[α(|v−w|)|v−w|²Π(v−w)(∇_v − ∇_w)F],
  and its sum-of-squares form α Σ_k (b̃_k·∇)²F (004 (4.5), 003 (12)).
"""
from __future__ import annotations

from collections.abc import Sequence

import sympy as sp

from .geometry import Coordinates, PairSpace, landau_kernel, projection
from .vector_fields import VectorField


def gradient(f: sp.Expr, coords: Coordinates) -> sp.Matrix:
    return sp.Matrix([sp.diff(f, x) for x in coords])


def divergence(field: sp.Matrix, coords: Coordinates) -> sp.Expr:
    return sum(sp.diff(field[i], x) for i, x in enumerate(coords))


def matrix_divergence(matrix: sp.Matrix, coords: Coordinates) -> sp.Matrix:
    """Row-wise divergence (div A)_i = Σ_j ∂_j A_ij (the convention of seed 004 Prop. 1)."""
    return sp.Matrix([sum(sp.diff(matrix[i, j], x) for j, x in enumerate(coords)) for i in range(matrix.rows)])


def laplacian(f: sp.Expr, coords: Coordinates) -> sp.Expr:
    return sum(sp.diff(f, x, 2) for x in coords)


def fokker_planck_form(f: sp.Expr, a_bar: sp.Matrix, b_bar: sp.Matrix, coords: Coordinates) -> sp.Expr:
    """Q(f) = ∇·(ā∇f − b̄f), the Landau operator with ā = A∗f and b̄ = (∇·A)∗f (DESIGN.md §2)."""
    return divergence(a_bar * gradient(f, coords) - b_bar * f, coords)


def landau_gradient(phi: sp.Expr, v: Coordinates, vstar: Coordinates, gamma: sp.Expr) -> sp.Matrix:
    """∇̃φ = |v − v*|^{1+γ/2} Π[v − v*](∇φ − ∇*φ*) (seed 000_2c86dc742ea51118.txt, after (2)).

    ``phi`` is an expression in the coordinates ``v``; φ* is the same expression in ``vstar``.
    """
    z = v.vector - vstar.vector
    phi_star = phi.subs(dict(zip(v.symbols, vstar.symbols)), simultaneous=True)
    diff_grad = gradient(phi, v) - gradient(phi_star, vstar)
    r = sp.sqrt(sum(c**2 for c in z))
    return r ** (1 + gamma / 2) * projection(z) * diff_grad


def lifted_operator(F: sp.Expr, space: PairSpace, alpha=lambda r: sp.Integer(1)) -> sp.Expr:
    """Q(F) = (div_v − div_w)[α|v−w|²Π(v−w)(∇_v − ∇_w)F] (seed 004 (4.2); seed 003 Q₁₂).

    The default α ≡ 1 is the Maxwell-molecule operator of seed 004.
    """
    a = landau_kernel(space.z, alpha)
    relative_grad = gradient(F, space.v) - gradient(F, space.w)
    flux = a * relative_grad
    return divergence(flux, space.v) - divergence(flux, space.w)


def sum_of_squares(F: sp.Expr, fields: Sequence[VectorField], weight: sp.Expr = sp.Integer(1)) -> sp.Expr:
    """weight · Σ_k X_k·∇(X_k·∇F) (the form (4.5) of seed 004, (12) of seed 003)."""
    return weight * sum(X.apply(X.apply(F)) for X in fields)


def commutator(first, second, F: sp.Expr) -> sp.Expr:
    """[P, R]F = P(R F) − R(P F) for two operators given as callables on expressions."""
    return first(second(F)) - second(first(F))
