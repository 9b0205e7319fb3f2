"""Polynomial moments of the Maxwell-molecule Boltzmann and Landau operators in 3D
(001_213bc0b3a2bddff3.txt (3.3), (3.9), (3.12), Lemma 3.3; B = b(θ), γ = 0).

For a polynomial ψ, the angular average in the weak form (3.9),

    P_ψ(v, v_*) = ∫_{S²} b(k·σ) ∇̄ψ(v, v_*, σ) dσ,   ∇̄ψ = ψ(v′) + ψ(v′_*) − ψ(v) − ψ(v_*),

is a polynomial in (v, v_*) of the same degree, and for deg ψ ≤ 4 it depends on the kernel only
through the two numbers

    A₂ = 2π∫₀^{π/2} β(θ)(cos²θ − 1) dθ,   A₄ = 2π∫₀^{π/2} β(θ)(cos⁴θ − 1) dθ

(Bobylev: μ₂ = (3/2)A₂, μ₄ = (35A₄ − 30A₂)/8 are the Funk–Hecke eigenvalue differences of b).
Derivation: with (3.3), v′ = V + u, v′_* = V − u, V = (v + v_*)/2, 2u = cos θ·g + sin θ·|g|p,
g = v − v_*; ψ(V + u) + ψ(V − u) is even in u; the p-average over the circle S¹_{k⊥} of
p^{⊗2} is Π/2 and of p^{⊗4} the symmetrised Π⊗Π/8 (Π = I − k⊗k), and |g|²Π = |g|²I − g⊗g is a
polynomial; sin²θ = 1 − cos²θ leaves a polynomial F(c) = F₀ + F₂c² + F₄c⁴ in c = cos θ (only even
powers: ∇̄ψ is even in σ), and F(1) = ψ(v) + ψ(v_*) (σ = k is the identity collision), so
P_ψ = F₂A₂ + F₄A₄. Hence ⟨Q_B(f, f), ψ⟩ = ½∬ff_*P_ψ is a quadratic form in the moments of f of
degree ≤ deg ψ: the moment system of degree ≤ 4 is closed and triangular.

The Landau side (3.12), γ = 0: ⟨Q_L, ψ⟩ = ½∬ff_*(∇ − ∇_*)·[|g|²Π[g](∇ψ − ∇_*ψ_*)], again a
polynomial (|g|²Π[g] = |g|²I − g⊗g). Lemma 3.3 for these ψ: P_ψ at the grazing limits
A₂ → −2π∫θ²β = −16C_β, A₄ → −4π∫θ²β = −32C_β ((2.2): ∫θ²β = 8/π) equals this polynomial
(checked in ``landau_sym.identities.boltzmann_moments``).
"""
from __future__ import annotations

from functools import lru_cache
from itertools import product

import sympy as sp

V = sp.symbols("v1:4", real=True)
W = sp.symbols("w1:4", real=True)
A2, A4 = sp.symbols("A2 A4", real=True)
COS = sp.Symbol("c", real=True)
MOMENT_DEGREE = 4
LANDAU_LIMIT = {A2: -16, A4: -32}
"""(A₂, A₄) in the grazing limit for C_β = 1 (normalisation (2.2))."""


def monomials(degree: int = MOMENT_DEGREE, d: int = 3) -> list[tuple[int, ...]]:
    """Multi-indices of total degree ≤ ``degree``, by degree, each degree in reverse
    lexicographic order (the order of the Hermite bases of ``landau_num.maxwell``)."""
    return [a for n in range(degree + 1) for a in sorted((a for a in product(range(n + 1), repeat=d) if sum(a) == n),
                                                         reverse=True)]


def _power(x, alpha):
    return sp.Mul(*[xi**a for xi, a in zip(x, alpha)])


def _circle_average(expr, y, g):
    """Average over p ∈ S¹_{k⊥} of a polynomial in y = |g|p (k = g/|g|): odd degrees vanish,
    y_iy_j → Π′_ij/2, y_iy_jy_ky_l → (Π′_ijΠ′_kl + Π′_ikΠ′_jl + Π′_ilΠ′_jk)/8, Π′ = |g|²I − g⊗g."""
    g2 = sum(gi**2 for gi in g)
    pi_ = [[(g2 if i == j else 0) - g[i] * g[j] for j in range(3)] for i in range(3)]
    poly = sp.Poly(sp.expand(expr), *y)
    total = 0
    for exps, coeff in poly.terms():
        idx = [i for i, e in enumerate(exps) for _ in range(e)]
        if len(idx) == 0:
            total += coeff
        elif len(idx) == 2:
            total += coeff * pi_[idx[0]][idx[1]] / 2
        elif len(idx) == 4:
            i, j, k, m = idx
            total += coeff * (pi_[i][j] * pi_[k][m] + pi_[i][k] * pi_[j][m] + pi_[i][m] * pi_[j][k]) / 8
        elif len(idx) % 2 == 0:
            raise ValueError("the circle average is implemented up to degree 4")
    return total


@lru_cache(maxsize=None)
def boltzmann_weak_polynomial(alpha: tuple[int, ...]) -> sp.Expr:
    """P_ψ(v, v_*) = ∫_{S²} b ∇̄ψ dσ for ψ = v^α (|α| ≤ 4), as F₂A₂ + F₄A₄ (module docstring)."""
    if sum(alpha) > MOMENT_DEGREE:
        raise ValueError(f"|alpha| must be <= {MOMENT_DEGREE}, got {alpha}")
    y = sp.symbols("y1:4", real=True)
    s2 = sp.Symbol("s2", real=True)  # sin²θ
    g = [vi - wi for vi, wi in zip(V, W)]
    mid = [(vi + wi) / 2 for vi, wi in zip(V, W)]
    sin = sp.Symbol("s", real=True)
    u = [(COS * gi + sin * yi) / 2 for gi, yi in zip(g, y)]
    pair = _power([m + ui for m, ui in zip(mid, u)], alpha) + _power([m - ui for m, ui in zip(mid, u)], alpha)
    averaged = sp.expand(_circle_average(pair, y, g))
    averaged = sp.expand(averaged.subs(sin**4, s2**2).subs(sin**2, s2))
    if averaged.has(sin):
        raise AssertionError("odd power of sin θ survived the circle average")
    F = sp.Poly(sp.expand(averaged.subs(s2, 1 - COS**2)), COS)
    coeffs = {m: F.coeff_monomial(COS**m) for m in range(F.degree() + 1)}
    if any(sp.expand(coeffs[m]) != 0 for m in coeffs if m % 2):
        raise AssertionError("odd power of cos θ in ψ′ + ψ′_*")
    identity = sp.expand(F.as_expr().subs(COS, 1) - _power(V, alpha) - _power(W, alpha))
    if identity != 0:
        raise AssertionError("F(1) ≠ ψ + ψ_*")
    return sp.expand(coeffs.get(2, 0) * A2 + coeffs.get(4, 0) * A4)


@lru_cache(maxsize=None)
def landau_weak_polynomial(alpha: tuple[int, ...]) -> sp.Expr:
    """(∇ − ∇_*)·[|g|²Π[g](∇ψ − ∇_*ψ_*)] for ψ = v^α, γ = 0, the integrand of (3.12) (C = 1)."""
    g = [vi - wi for vi, wi in zip(V, W)]
    g2 = sum(gi**2 for gi in g)
    psi_v, psi_w = _power(V, alpha), _power(W, alpha)
    grad = [sp.diff(psi_v, V[i]) - sp.diff(psi_w, W[i]) for i in range(3)]
    flux = [sum(((g2 if i == j else 0) - g[i] * g[j]) * grad[j] for j in range(3)) for i in range(3)]
    return sp.expand(sum(sp.diff(flux[i], V[i]) - sp.diff(flux[i], W[i]) for i in range(3)))


def moment_symbols(degree: int = MOMENT_DEGREE) -> dict[tuple[int, ...], sp.Symbol]:
    return {a: sp.Symbol("m_" + "".join(map(str, a)), real=True) for a in monomials(degree)}


def weak_form_in_moments(polynomial: sp.Expr, moments: dict | None = None) -> sp.Expr:
    """½∬ff_*P(v, v_*) dv dv_* as a quadratic form in the moments M_β = ∫v^βf of f."""
    moments = moments or moment_symbols()
    poly = sp.Poly(polynomial, *V, *W)
    total = 0
    for exps, coeff in poly.terms():
        total += coeff * moments[tuple(exps[:3])] * moments[tuple(exps[3:])]
    return sp.expand(total / 2)


def boltzmann_moment_rates() -> list[sp.Expr]:
    """d/dt M_α = ⟨Q_B(f, f), v^α⟩ for every |α| ≤ 4 (the order of :func:`monomials`)."""
    return [weak_form_in_moments(boltzmann_weak_polynomial(a)) for a in monomials()]


def angular_numbers(beta: sp.Expr, theta, lower=0, upper=sp.pi / 2) -> tuple[sp.Expr, sp.Expr]:
    """(A₂, A₄) of a symmetrised β on [lower, upper]."""
    return tuple(2 * sp.pi * sp.integrate(beta * (sp.cos(theta) ** m - 1), (theta, lower, upper)) for m in (2, 4))
