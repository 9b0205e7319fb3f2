"""Vector fields on R^n as first-class values.

A :class:`VectorField` can be applied to a function (the derivation L_X f = X·∇f), added and
scaled, bracketed, differentiated (divergence), tested for being Killing, flowed (linear fields),
and decomposed on a list of fields with constant coefficients (which identifies the structure
constants of a bracket table).

Lie bracket convention of seed 004_b333c7817a08033b.txt §5 (DESIGN.md §2):

    [a, b]_i = a·∇b_i − b·∇a_i,   so that   a·∇(b·∇u) − b·∇(a·∇u) = [a, b]·∇u.
"""
from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from .geometry import Coordinates


@dataclass(frozen=True)
class VectorField:
    """A vector field X = (X_1, …, X_n) on the coordinates ``coords``."""

    components: tuple[sp.Expr, ...]
    coords: Coordinates
    name: str = ""

    def __post_init__(self):
        if len(self.components) != self.coords.dim:
            raise ValueError(
                f"a vector field on R^{self.coords.dim} needs {self.coords.dim} components, "
                f"got {len(self.components)}"
            )

    @classmethod
    def from_matrix(cls, column: sp.Matrix, coords: Coordinates, name: str = "") -> "VectorField":
        return cls(tuple(sp.sympify(c) for c in column), coords, name)

    @property
    def vector(self) -> sp.Matrix:
        return sp.Matrix(self.components)

    # --- algebra -------------------------------------------------------------------------
    def _check_same_space(self, other: "VectorField"):
        if other.coords != self.coords:
            raise ValueError("vector fields live on different coordinate spaces")

    def __add__(self, other: "VectorField") -> "VectorField":
        self._check_same_space(other)
        return VectorField(tuple(a + b for a, b in zip(self.components, other.components)), self.coords)

    def __sub__(self, other: "VectorField") -> "VectorField":
        return self + (-1) * other

    def __rmul__(self, scalar) -> "VectorField":
        return VectorField(tuple(scalar * c for c in self.components), self.coords)

    def __neg__(self) -> "VectorField":
        return (-1) * self

    def dot(self, other: "VectorField | sp.Matrix") -> sp.Expr:
        """Pointwise Euclidean inner product with another field or a column vector."""
        comps = other.components if isinstance(other, VectorField) else tuple(other)
        return sum(a * b for a, b in zip(self.components, comps))

    def is_zero(self) -> bool:
        return all(sp.simplify(c) == 0 for c in self.components)

    # --- calculus ------------------------------------------------------------------------
    def apply(self, f: sp.Expr) -> sp.Expr:
        """The derivation L_X f = X·∇f."""
        return sum(c * sp.diff(f, x) for c, x in zip(self.components, self.coords))

    __call__ = apply

    def jacobian(self) -> sp.Matrix:
        """DX with entries ∂_j X_i."""
        return sp.Matrix(self.components).jacobian(sp.Matrix(self.coords.symbols))

    def divergence(self) -> sp.Expr:
        return sum(sp.diff(c, x) for c, x in zip(self.components, self.coords))

    def is_killing(self) -> bool:
        """True when X is a Killing field of the Euclidean metric: ∂_i X_j + ∂_j X_i = 0.

        The flow of a Killing field is a family of isometries (seed 004 §4, the remark after
        (4.5)); for a linear field X = Mx this is M + Mᵀ = 0.
        """
        jac = self.jacobian()
        return (jac + jac.T).applyfunc(sp.simplify).is_zero_matrix

    def linear_part(self) -> sp.Matrix | None:
        """M with X(x) = Mx when X is linear and homogeneous in the coordinates, else None."""
        jac = self.jacobian()
        if any(sp.simplify(sp.diff(entry, x)) != 0 for entry in jac for x in self.coords):
            return None
        at_origin = [c.subs({x: 0 for x in self.coords}) for c in self.components]
        if any(sp.simplify(c) != 0 for c in at_origin):
            return None
        return jac

    def flow(self, t: sp.Symbol) -> sp.Matrix:
        """The time-t flow map x ↦ exp(tM)x of a linear field X = Mx, as a column vector."""
        matrix = self.linear_part()
        if matrix is None:
            raise ValueError(f"flow is implemented for linear fields only; {self.name or 'this field'} is not linear")
        return sp.simplify((t * matrix).exp() * self.coords.vector)

    # --- decomposition -------------------------------------------------------------------
    def decompose(self, basis: list["VectorField"]) -> dict[str, sp.Expr] | None:
        """Constant coefficients c with self = Σ c_j basis_j, keyed by the basis fields' names.

        Returns None when no such constant combination exists. The components are polynomial
        for the fields this is used on; coefficients of every monomial are matched.
        """
        coeffs = sp.symbols(f"c0:{len(basis)}")
        residual = self - sum((c * b for c, b in zip(coeffs, basis)), VectorField((0,) * self.coords.dim, self.coords))
        equations = []
        for comp in residual.components:
            poly = sp.Poly(sp.expand(comp), *self.coords.symbols)
            equations.extend(poly.coeffs())
        solution = sp.solve(equations, coeffs, dict=True)
        if not solution:
            return None
        sol = solution[0]
        if any(c not in sol for c in coeffs):
            return None
        return {b.name: sol[c] for c, b in zip(coeffs, basis) if sol[c] != 0}


def lie_bracket(a: VectorField, b: VectorField) -> VectorField:
    """[a, b]_i = a·∇b_i − b·∇a_i (seed 004_b333c7817a08033b.txt §5)."""
    a._check_same_space(b)
    comps = tuple(sp.expand(a.apply(bi) - b.apply(ai)) for ai, bi in zip(a.components, b.components))
    return VectorField(comps, a.coords, name=f"[{a.name},{b.name}]")


def constant_field(vector, coords: Coordinates, name: str = "") -> VectorField:
    return VectorField(tuple(sp.sympify(c) for c in vector), coords, name)
