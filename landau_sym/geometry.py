"""Coordinates and the pointwise geometry of the Landau kernel.

Conventions of DESIGN.md §2: velocities ``v`` (and a second velocity ``w`` on the doubled space
R⁶ = R³_v × R³_w), the relative velocity ``z = v − w``, the projection

    Π(z) = I − z⊗z/|z|²                         (onto the plane orthogonal to z),

and the Landau kernel a(z) = α(|z|)|z|²Π(z) for a generic interaction profile α or for the
power-law family α(r) = r^γ (Maxwell molecules γ = 0, Coulomb γ = −3 in d = 3).

For general d the three-dimensional cross product is replaced by the wedge product, whose
components (x∧y)_{ij} = x_i y_j − x_j y_i (i < j) satisfy |x∧y|² = |x|²|y|² − (x·y)²; this
is the "Π-form" |x|²(y·Π(x)y) = |x∧y|² valid in every dimension (seed
000_2c86dc742ea51118.txt, Lemma 42 is its d = 3 case).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import sympy as sp


@dataclass(frozen=True)
class Coordinates:
    """Real coordinates on R^n, as a tuple of sympy symbols."""

    symbols: tuple[sp.Symbol, ...]

    @classmethod
    def named(cls, prefix: str, dim: int) -> "Coordinates":
        if dim < 1:
            raise ValueError(f"dimension must be >= 1, got {dim}")
        return cls(tuple(sp.symbols(f"{prefix}1:{dim + 1}", real=True)))

    @property
    def dim(self) -> int:
        return len(self.symbols)

    @cached_property
    def vector(self) -> sp.Matrix:
        return sp.Matrix(self.symbols)

    def __iter__(self):
        return iter(self.symbols)

    def __add__(self, other: "Coordinates") -> "Coordinates":
        """Product space coordinates (v, w)."""
        return Coordinates(self.symbols + other.symbols)


@dataclass(frozen=True)
class PairSpace:
    """The doubled velocity space R^{2d} = R^d_v × R^d_w of seeds 003 and 004.

    ``z`` is the relative velocity v − w.
    """

    d: int = 3

    @cached_property
    def v(self) -> Coordinates:
        return Coordinates.named("v", self.d)

    @cached_property
    def w(self) -> Coordinates:
        return Coordinates.named("w", self.d)

    @cached_property
    def coords(self) -> Coordinates:
        return self.v + self.w

    @cached_property
    def z(self) -> sp.Matrix:
        return self.v.vector - self.w.vector

    @cached_property
    def r(self) -> sp.Expr:
        """|v − w|."""
        return norm(self.z)


def norm_squared(x: sp.Matrix) -> sp.Expr:
    return sum(c**2 for c in x)


def norm(x: sp.Matrix) -> sp.Expr:
    return sp.sqrt(norm_squared(x))


def projection(z: sp.Matrix) -> sp.Matrix:
    """Π(z) = I − z⊗z/|z|², the orthogonal projection onto z^⊥ (DESIGN.md §2)."""
    d = z.shape[0]
    return sp.eye(d) - (z * z.T) / norm_squared(z)


def cross(x: sp.Matrix, y: sp.Matrix) -> sp.Matrix:
    """The cross product of two vectors of R³."""
    if x.shape != (3, 1) or y.shape != (3, 1):
        raise ValueError(f"the cross product needs two vectors of R^3, got shapes {x.shape}, {y.shape}")
    return x.cross(y)


def wedge(x: sp.Matrix, y: sp.Matrix) -> sp.Matrix:
    """Components (x_i y_j − x_j y_i)_{i<j} of x∧y in any dimension, as a column vector.

    For d = 3 these are, up to order and sign, the components of x × y.
    """
    d = x.shape[0]
    if y.shape[0] != d:
        raise ValueError(f"wedge of vectors of different dimensions {d} and {y.shape[0]}")
    return sp.Matrix([x[i] * y[j] - x[j] * y[i] for i in range(d) for j in range(i + 1, d)])


def power_law(gamma: sp.Expr) -> sp.Lambda:
    """The interaction profile α(r) = r^γ."""
    r = sp.Symbol("r", positive=True)
    return sp.Lambda(r, r**gamma)


GENERIC_ALPHA = sp.Function("alpha")
"""A generic interaction profile α(r) (an undefined sympy function)."""


def landau_kernel(z: sp.Matrix, alpha=GENERIC_ALPHA, scaled_projection: bool = True) -> sp.Matrix:
    """The Landau kernel a(z) = α(|z|)|z|²Π(z) (DESIGN.md §2; seed 004 §1).

    With ``scaled_projection`` the product |z|²Π(z) is written as the polynomial |z|²I − z⊗z,
    which is how every seed uses it and which keeps the expression free of 1/|z|².
    """
    r2 = norm_squared(z)
    d = z.shape[0]
    pi_scaled = r2 * sp.eye(d) - z * z.T if scaled_projection else r2 * projection(z)
    return alpha(sp.sqrt(r2)) * pi_scaled
